/**
 * A site recipe: where one site's screens put the fields the reader needs, taught once by pointing at them
 * (the picker) or deployed by IT through the policy (`siteRecipes`). It holds **selectors and label text only,
 * never values**: no patient data is ever stored in one.
 *
 *   {
 *     "v": 1,
 *     "id": "ris-orders",
 *     "origin": "https://ris.example.org",
 *     "pathPrefix": "/orders/",
 *     "fields": [
 *       { "kind": "birthDate", "locators": [{ "css": "[data-field=\"dob\"]" }, { "label": "Date of birth" }] },
 *       { "kind": "procedure", "locators": [{ "css": "#order-procedure" }] },
 *       { "kind": "examDate",  "locators": [{ "label": "Scheduled" }] }
 *     ]
 *   }
 *
 * A field's locators are tried in order (the most stable first, a structural path last); the first that finds an
 * element with text is used. This module is zod-free (it runs in the always-on content script): `isSiteRecipe`
 * checks a value exactly as settings/recipes.ts `SiteRecipeSchema` does (tests hold the two together).
 */

export const RECIPE_VERSION = 1;

/**
 * What a field holds. 'age' is an age as the screen prints it (an AS-shaped value becomes DICOM PatientAge);
 * the others are the fact kinds of content/read/types.ts.
 */
export const RECIPE_FIELD_KINDS = ['birthDate', 'age', 'procedure', 'examDate', 'orderDate'] as const;
export type RecipeFieldKind = (typeof RECIPE_FIELD_KINDS)[number];

/** The picker's steps: one field each, every step skippable. */
export const RECIPE_STEPS = [
  { step: 'patient', kinds: ['birthDate', 'age'] },
  { step: 'exam', kinds: ['procedure'] },
  { step: 'date', kinds: ['examDate', 'orderDate'] },
] as const satisfies readonly { step: string; kinds: readonly RecipeFieldKind[] }[];
export type RecipeStep = (typeof RECIPE_STEPS)[number]['step'];

/** One way to find a field: a CSS selector, or the text of the label the value sits next to. */
export type Locator = { css: string } | { label: string };

export interface RecipeField {
  kind: RecipeFieldKind;
  /** 1–4 locators, most robust first. */
  locators: Locator[];
}

export interface SiteRecipe {
  v: typeof RECIPE_VERSION;
  /** Stable id (lower-case letters, digits, dashes): the key of its "needs attention" flag. */
  id: string;
  /** `scheme://host[:port]`, lower-case. */
  origin: string;
  /** The recipe applies to paths that start with this (`/` = the whole site). */
  pathPrefix: string;
  /** A name for people ("Radiology orders"); optional. */
  name?: string;
  /** 1–3 fields: at most one per step (patient, exam, date). */
  fields: RecipeField[];
}

export const RECIPE_LIMITS = {
  id: 64,
  name: 80,
  pathPrefix: 200,
  css: 400,
  label: 60,
  locators: 4,
  /** Recipes kept by the user; a policy may deliver as many. */
  recipes: 100,
} as const;

const ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
/** A path prefix: starts with '/', no query, fragment, backslash or whitespace. */
const PATH_PREFIX = /^\/[^\s?#\\]*$/;
/**
 * A label to anchor on: short words, at most two digits in a row (a label is "Date of birth", never a value: a
 * date, an MRN or an accession number has longer runs of digits).
 */
const LABEL = /^(?!.*\d{3})[^\n\r\t<>]+$/;

export function isRecipeId(s: unknown): s is string {
  return typeof s === 'string' && ID.test(s);
}

export function isPathPrefix(s: unknown): s is string {
  return typeof s === 'string' && s.length <= RECIPE_LIMITS.pathPrefix && PATH_PREFIX.test(s);
}

export function isLabelText(s: unknown): s is string {
  return typeof s === 'string' && s.length >= 1 && s.length <= RECIPE_LIMITS.label && s.trim() === s && LABEL.test(s);
}

/** A CSS selector as a recipe stores it (syntax is checked where it runs: `querySelector` may throw). */
export function isCssText(s: unknown): s is string {
  return typeof s === 'string' && s.length >= 1 && s.length <= RECIPE_LIMITS.css && !/[\n\r{}]/.test(s) && s.trim() === s;
}

/** `scheme://host[:port]` exactly as `new URL(…).origin` writes it, http(s) only. */
export function isOriginText(s: unknown): s is string {
  if (typeof s !== 'string' || s.length > 2048) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === s;
  } catch {
    return false;
  }
}

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const hasOnly = (o: Record<string, unknown>, allowed: readonly string[]) => Object.keys(o).every((k) => allowed.includes(k));

export function isLocator(x: unknown): x is Locator {
  if (!isPlainObject(x)) return false;
  const keys = Object.keys(x);
  if (keys.length !== 1) return false;
  if (keys[0] === 'css') return isCssText(x.css);
  if (keys[0] === 'label') return isLabelText(x.label);
  return false;
}

export function isRecipeField(x: unknown): x is RecipeField {
  return (
    isPlainObject(x) &&
    hasOnly(x, ['kind', 'locators']) &&
    (RECIPE_FIELD_KINDS as readonly unknown[]).includes(x.kind) &&
    Array.isArray(x.locators) &&
    x.locators.length >= 1 &&
    x.locators.length <= RECIPE_LIMITS.locators &&
    x.locators.every(isLocator)
  );
}

/** The step a field kind belongs to. */
export function stepOf(kind: RecipeFieldKind): RecipeStep {
  return RECIPE_STEPS.find((s) => (s.kinds as readonly RecipeFieldKind[]).includes(kind))!.step;
}

/** At most one field per step. */
export function hasOneFieldPerStep(fields: readonly RecipeField[]): boolean {
  const steps = fields.map((f) => stepOf(f.kind));
  return new Set(steps).size === steps.length;
}

/** Exactly what settings/recipes.ts `SiteRecipeSchema` accepts (strict: no other keys). */
export function isSiteRecipe(x: unknown): x is SiteRecipe {
  return (
    isPlainObject(x) &&
    hasOnly(x, ['v', 'id', 'origin', 'pathPrefix', 'name', 'fields']) &&
    x.v === RECIPE_VERSION &&
    isRecipeId(x.id) &&
    isOriginText(x.origin) &&
    isPathPrefix(x.pathPrefix) &&
    (x.name === undefined || (typeof x.name === 'string' && x.name.length >= 1 && x.name.length <= RECIPE_LIMITS.name)) &&
    Array.isArray(x.fields) &&
    x.fields.length >= 1 &&
    x.fields.length <= RECIPE_STEPS.length &&
    x.fields.every(isRecipeField) &&
    hasOneFieldPerStep(x.fields as RecipeField[])
  );
}

/** Does `recipe` apply to `url` (same origin, path under its prefix)? */
export function recipeApplies(recipe: SiteRecipe, url: URL): boolean {
  return url.origin === recipe.origin && url.pathname.startsWith(recipe.pathPrefix);
}

/** The recipe for `url`: among those that apply, the one with the longest path prefix (first listed on a tie). */
export function recipeFor(recipes: readonly SiteRecipe[] | undefined, url: URL): SiteRecipe | null {
  let best: SiteRecipe | null = null;
  for (const r of recipes ?? []) {
    if (recipeApplies(r, url) && (!best || r.pathPrefix.length > best.pathPrefix.length)) best = r;
  }
  return best;
}

/** A new recipe id from an origin and path (`ris-example-org-orders`), made unique against `taken`. */
export function recipeIdFor(origin: string, pathPrefix: string, taken: ReadonlySet<string> = new Set()): string {
  let host = origin;
  try {
    host = new URL(origin).host;
  } catch {
    // keep the text
  }
  const base =
    `${host}${pathPrefix === '/' ? '' : `-${pathPrefix}`}`
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56)
      .replace(/-+$/, '') || 'site';
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

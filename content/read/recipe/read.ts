/**
 * Reading a page with a site recipe, and how its facts join the page reader's. Pure over the Document.
 *
 * - Each field: the first locator that finds an element gives its text (empty text → no fact: the field is there
 *   but blank on this page). A field none of whose locators finds anything is *missing*.
 * - The recipe wins: its facts come first, and the page reader's facts of the same kinds are dropped, so the
 *   recipe's value is the one `decide` uses. The page reader's other facts (weight, modality, list rows) stay.
 * - A missing field: the page reader's fact of that kind stands in (the fallback), and the recipe
 *   *needs attention*. That flag — a boolean per recipe id, no values — is all that may leave the page.
 */
import { pushLabelled } from '../profiles/table';
import type { Evidence, Fact, PageFindings } from '../types';
export type { RecipeStatus } from '../types';
import { locate } from './locate';
import { recipeApplies, type RecipeFieldKind, type SiteRecipe } from './recipe';

export const SITE_RECIPE_PROFILE_ID = 'site-recipe';
export const SITE_RECIPE_WHERE = 'site recipe';

/** How each field is named in the evidence ("site recipe · birth date"). */
export const FIELD_NAMES: Readonly<Record<RecipeFieldKind, string>> = {
  birthDate: 'birth date',
  age: 'age',
  procedure: 'exam',
  examDate: 'exam date',
  orderDate: 'order date',
};

/** What a recipe gave on one page. */
export interface RecipeReading {
  facts: Fact[];
  /** Fields none of whose locators found anything on this page. */
  missing: RecipeFieldKind[];
}


export function readWithRecipe(doc: Document, recipe: SiteRecipe): RecipeReading {
  const facts: Fact[] = [];
  const missing: RecipeFieldKind[] = [];
  for (const field of recipe.fields) {
    let found = false;
    for (const locator of field.locators) {
      const hit = locate(doc, locator);
      if (!hit) continue;
      found = true;
      pushLabelled(facts, field.kind, hit.text, `${SITE_RECIPE_WHERE} · ${FIELD_NAMES[field.kind]}`);
      break;
    }
    if (!found) missing.push(field.kind);
  }
  return { facts, missing };
}

/** Which of a recipe's fields a page has: field kinds only, never what they hold (the options page's test). */
export interface RecipeTest {
  /** Whether the recipe applies to the page's URL at all (origin and path prefix). */
  applies: boolean;
  found: RecipeFieldKind[];
  missing: RecipeFieldKind[];
}

export function testRecipe(doc: Document, url: URL, recipe: SiteRecipe): RecipeTest {
  if (!recipeApplies(recipe, url)) return { applies: false, found: [], missing: recipe.fields.map((f) => f.kind) };
  const { missing } = readWithRecipe(doc, recipe);
  return { applies: true, found: recipe.fields.map((f) => f.kind).filter((k) => !missing.includes(k)), missing };
}

/** The page reader's facts the recipe's facts replace: the same kinds (an age field covers both age kinds). */
function replacedKinds(facts: readonly Fact[]): Set<Fact['kind']> {
  const kinds = new Set<Fact['kind']>(facts.map((f) => f.kind));
  if (kinds.has('patientAge') || kinds.has('ageText')) {
    kinds.add('patientAge');
    kinds.add('ageText');
  }
  return kinds;
}

/**
 * The page's findings with a recipe: its facts first, the page reader's (`fallback`) for everything else.
 * @param fallback what the page reader (site profile or generic reader) read on this page, without the recipe.
 */
export function withSiteRecipe(doc: Document, recipe: SiteRecipe, fallback: PageFindings): PageFindings {
  const reading = readWithRecipe(doc, recipe);
  const replaced = replacedKinds(reading.facts);
  const primary = [...reading.facts, ...(fallback.primary ?? []).filter((f) => !replaced.has(f.kind))];
  const needsAttention = reading.missing.length > 0;
  const notes: Evidence[] = [
    { kind: 'profile', text: recipe.name ?? recipe.id, where: SITE_RECIPE_WHERE },
    ...(needsAttention
      ? [{
          kind: 'recipe',
          text: reading.missing.map((k) => FIELD_NAMES[k]).join(', '),
          where: SITE_RECIPE_WHERE,
          note: `needs attention: not found on this page; ${fallback.profileId ? 'the page reader was used instead' : 'nothing else read it'}`,
        }]
      : []),
    ...fallback.notes,
  ];
  return {
    ...fallback,
    profileId: reading.facts.length > 0 ? SITE_RECIPE_PROFILE_ID : fallback.profileId,
    primary: primary.length > 0 ? primary : null,
    notes,
    recipe: { id: recipe.id, needsAttention },
  };
}

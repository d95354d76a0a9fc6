/**
 * The picker's state, pure: which step it is on, what was picked, what each pick reads as, and the recipe it
 * makes. The UI (content/picker/picker-controller.ts, components/Picker.tsx) only shows this and reports the
 * user's moves.
 *
 * A pick keeps the element's locators (content/read/recipe/selector.ts) and its value text — the text is shown to
 * the user in the picker and never leaves the page: `draftRecipe` builds the recipe from the locators alone.
 */
import { labelKind } from '@/content/read/profiles/labels';
import { parseAgeText, parseDicomAge } from '@/content/read/parse/age';
import { parseDate } from '@/content/read/parse/dates';
import { classifyProcedure } from '@/content/read/parse/procedure';
import { locatorsFor, labelTextOf } from '@/content/read/recipe/selector';
import { valueText } from '@/content/read/recipe/locate';
import {
  RECIPE_STEPS,
  RECIPE_VERSION,
  type Locator,
  type RecipeFieldKind,
  type RecipeStep,
  type SiteRecipe,
} from '@/content/read/recipe/recipe';
import type { DateOrder, ModalityCode } from '@/content/read/types';

export interface Pick {
  kind: RecipeFieldKind;
  locators: Locator[];
  /** The value as the page shows it (stays in the page). */
  text: string;
}

export interface Draft {
  /** Index into RECIPE_STEPS; RECIPE_STEPS.length = the summary. */
  step: number;
  picks: Partial<Record<RecipeStep, Pick>>;
}

export const emptyDraft = (): Draft => ({ step: 0, picks: {} });

export function stepName(draft: Draft): RecipeStep | 'summary' {
  return RECIPE_STEPS[draft.step]?.step ?? 'summary';
}

/** What one picked text reads as, for the picker's line under the step ("born 2019-03-04"). */
export type PickReading =
  | { kind: 'birthDate' | 'examDate' | 'orderDate'; iso: string }
  | { kind: 'age'; text: string }
  | { kind: 'procedure'; modality: ModalityCode | null; text: string }
  | { kind: 'none'; why: 'empty' | 'not-a-date' | 'ambiguous-date' | 'not-an-age' | 'no-element' };

/** The field kind a picked text is in a step: a date or an age for the patient; exam or order date by its label. */
export function kindFor(step: RecipeStep, text: string, label: string | null, dateOrder: DateOrder | null): RecipeFieldKind {
  if (step === 'exam') return 'procedure';
  if (step === 'date') return label && labelKind(label) === 'orderDate' ? 'orderDate' : 'examDate';
  const date = parseDate(text, dateOrder);
  if (date.ok || date.reason === 'ambiguous') return 'birthDate';
  return parseDicomAge(text) || parseAgeText(text, { bareNumberIsYears: true }) ? 'age' : 'birthDate';
}

/** What the reader makes of a picked field's text. */
export function readPick(kind: RecipeFieldKind, text: string, dateOrder: DateOrder | null): PickReading {
  if (!text) return { kind: 'none', why: 'empty' };
  if (kind === 'procedure') {
    const info = classifyProcedure(text);
    return { kind: 'procedure', modality: info.modalities[0] ?? null, text };
  }
  if (kind === 'age') {
    return parseDicomAge(text) || parseAgeText(text, { bareNumberIsYears: true }) ? { kind: 'age', text } : { kind: 'none', why: 'not-an-age' };
  }
  const date = parseDate(text, dateOrder);
  if (date.ok) return { kind, iso: date.iso };
  return { kind: 'none', why: date.reason === 'ambiguous' ? 'ambiguous-date' : 'not-a-date' };
}

/** Pick `element` for the current step. */
export function pickElement(draft: Draft, element: Element, doc: Document, dateOrder: DateOrder | null): Draft {
  const step = stepName(draft);
  if (step === 'summary') return draft;
  const text = valueText(element);
  const kind = kindFor(step, text, labelTextOf(element, doc), dateOrder);
  const locators = locatorsFor(element, doc);
  if (locators.length === 0) return draft;
  return { step: draft.step + 1, picks: { ...draft.picks, [step]: { kind, locators, text } } };
}

/** Change the kind of a pick (the date step: exam date ↔ order date). */
export function withKind(draft: Draft, step: RecipeStep, kind: RecipeFieldKind): Draft {
  const pick = draft.picks[step];
  return pick ? { ...draft, picks: { ...draft.picks, [step]: { ...pick, kind } } } : draft;
}

export function skipStep(draft: Draft): Draft {
  const step = stepName(draft);
  if (step === 'summary') return draft;
  const picks = { ...draft.picks };
  delete picks[step];
  return { step: draft.step + 1, picks };
}

export function backStep(draft: Draft): Draft {
  return draft.step > 0 ? { ...draft, step: draft.step - 1 } : draft;
}

export function hasPicks(draft: Draft): boolean {
  return Object.keys(draft.picks).length > 0;
}

/**
 * The recipe the picks make: locators only, never the picked text. Null when nothing was picked.
 */
export function draftRecipe(draft: Draft, meta: { id: string; origin: string; pathPrefix: string }): SiteRecipe | null {
  const fields = RECIPE_STEPS.flatMap(({ step }) => {
    const pick = draft.picks[step];
    return pick ? [{ kind: pick.kind, locators: pick.locators.map((l) => ({ ...l })) }] : [];
  });
  if (fields.length === 0) return null;
  return { v: RECIPE_VERSION, id: meta.id, origin: meta.origin, pathPrefix: meta.pathPrefix, fields };
}

/**
 * The path prefixes a recipe for `url` could apply to, from the whole site down to the page's folder:
 * `/acme/orders/4711` → `/`, `/acme/`, `/acme/orders/`.
 */
export function pathPrefixes(url: URL): string[] {
  const parts = url.pathname.split('/').slice(1, -1); // folders only (the last part is the page)
  const out = ['/'];
  let at = '/';
  for (const p of parts) {
    if (!p) continue;
    at += `${p}/`;
    if (at.length > 200) break;
    out.push(at);
  }
  return out;
}

/**
 * The prefix offered first: the page's folder, without trailing folders that look like a record (digits, long
 * ids) — `/acme/orders/4711` → `/acme/orders/`, `/patients/12345/chart` → `/patients/`.
 */
export function defaultPathPrefix(url: URL): string {
  const all = pathPrefixes(url);
  for (let i = all.length - 1; i > 0; i--) {
    const last = all[i]!.slice(all[i - 1]!.length, -1);
    if (!/\d/.test(last) && last.length <= 40) return all[i]!;
  }
  return '/';
}

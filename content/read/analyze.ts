/**
 * `analyzePage(doc, url, options)`: what the page in front of the user says about the patient being imaged.
 * Pure over the Document: it reads with `textContent` (no layout), makes no request and touches no browser API,
 * so the same code runs in the page, in happy-dom tests and in benches.
 *
 * 1. `detectProfile` picks the site profile (content/read/profiles/index.ts, first match in registry order).
 * 2. The profile reads raw facts from the active route only (`readPage`); a page at a profile's address that has
 *    none of its markup is read by the generic reader (`readUnknownShape`).
 * 3. `decide` turns facts into conclusions with one age precedence (content/read/decide/age.ts).
 * A site recipe for the URL (`options.siteRecipes`, content/read/recipe/) is read over the profile's facts and
 * wins over them (`withSiteRecipe`).
 * A malformed or unrelated page yields `pediatric: false` and never throws.
 */
import { decide, emptyAnalysis } from './decide';
import { detectProfile, readUnknownShape } from './profiles/index';
import { genericExamFacts } from './profiles/generic';
import { recipeFor } from './recipe/recipe';
import { withSiteRecipe } from './recipe/read';
import type { AnalyzeOptions, PageAnalysis, PageFindings } from './types';

export { decide } from './decide';
export { detectProfile, PROFILES } from './profiles/index';
export type { SiteProfile } from './profiles/profile';

/** Raw facts of the page (for the PACS data route to add API facts before calling `decide`). */
export function readPage(doc: Document, url: string | URL, options: AnalyzeOptions = {}): PageFindings {
  const u = toUrl(url);
  const recipe = u ? recipeFor(options.siteRecipes, u) : null;
  const found = readWithProfile(doc, u, options);
  if (!recipe) return found;
  try {
    return withSiteRecipe(doc, recipe, found);
  } catch {
    // A recipe that cannot run on this page: the page reader's facts, and the recipe flagged.
    return { ...found, recipe: { id: recipe.id, needsAttention: true } };
  }
}

function readWithProfile(doc: Document, u: URL | null, options: AnalyzeOptions): PageFindings {
  const readOptions = { ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}), ...(options.now ? { now: options.now } : {}) };
  const profile = u ? detectProfile(doc, u, readOptions) : null;
  if (!profile || !u) return { profileId: null, primary: null, rows: [], dateOrder: null, notes: [] };
  try {
    const found = profile.read(doc, u, readOptions);
    if (found.unknownShape) return readUnknownShape(doc, u, readOptions, profile) ?? found;
    return profile.ordersByGenericReader ? withGenericExam(doc, found, readOptions) : found;
  } catch (e) {
    // A page shaped in a way the profile did not expect: report nothing rather than break the page.
    return {
      profileId: profile.id,
      primary: null,
      rows: [],
      dateOrder: null,
      notes: [{ kind: 'profile', text: profile.name, where: 'read failed', note: e instanceof Error ? e.name : 'error' }],
    };
  }
}

/**
 * A site profile reads what only it can know (its API, its routes, its banner); when an EHR or order system's
 * profile (`ordersByGenericReader`) read the patient of an open record but not the exam (an order basket, an orders list, an order form shown in the page), the generic reader's
 * exam completes it. The patient stays the profile's.
 */
function withGenericExam(doc: Document, found: PageFindings, options: Pick<AnalyzeOptions, 'dateOrder' | 'now'>): PageFindings {
  const primary = found.primary;
  if (!primary) return found;
  const hasPatient = primary.some((f) => f.kind === 'birthDate' || f.kind === 'ageText' || f.kind === 'patientAge');
  const hasExam = primary.some((f) => f.kind === 'procedure' || f.kind === 'modality');
  if (!hasPatient || hasExam) return found;
  const exam = genericExamFacts(doc, options);
  if (!exam.some((f) => f.kind === 'procedure')) return found;
  return { ...found, primary: [...primary, ...exam] };
}

export function analyzePage(doc: Document, url: string | URL, options: AnalyzeOptions = {}): PageAnalysis {
  return readAndAnalyze(doc, url, options).analysis;
}

/** One reading of a page: its raw facts, and the analysis decided from them. */
export interface PageReading {
  findings: PageFindings;
  analysis: PageAnalysis;
}

const NO_FINDINGS: PageFindings = { profileId: null, primary: null, rows: [], dateOrder: null, notes: [] };

/**
 * `analyzePage` with the facts it decided from: the page loop keeps them, so the PACS route adds the API's facts
 * to them and decides again without reading the page a second time.
 */
export function readAndAnalyze(doc: Document, url: string | URL, options: AnalyzeOptions = {}): PageReading {
  let findings = NO_FINDINGS;
  try {
    findings = readPage(doc, url, options);
    return { findings, analysis: decide(findings, options) };
  } catch {
    return { findings, analysis: emptyAnalysis(null, [{ kind: 'profile', text: 'analysis failed', where: 'analyzePage' }]) };
  }
}

function toUrl(url: string | URL): URL | null {
  try {
    return url instanceof URL ? url : new URL(url);
  } catch {
    return null;
  }
}

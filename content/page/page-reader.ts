/**
 * The page reader (content/read/), in a script of its own: reader.js, injected by the background at content.js's
 * request once the page passed content.js's cheap gate (reader-gate.ts) or shows a PACS viewer, and lent to the
 * frame's scripts (content.js, then panel.js and pacs.js), so that one copy of it is loaded per frame and none on
 * pages that show no patient. The scripts share the extension's isolated world of the frame, where this key lives
 * (page scripts cannot see it); content.js asks for panel.js only once the reader is here, so it is there when
 * panel.js starts.
 */
import type { PageReading } from '@/content/read/analyze';
import type { RecipeTest } from '@/content/read/recipe/read';
import type { SiteRecipe } from '@/content/read/recipe/recipe';
import type { AnalyzeOptions, PageAnalysis, PageFindings } from '@/content/read/types';

export interface PageReader {
  /** content/read/analyze.ts `readAndAnalyze`. */
  read(doc: Document, url: string | URL, options?: AnalyzeOptions): PageReading;
  /** content/page/route-container.ts `routeContainerOf`. */
  routeContainer(doc: Document, url: string): Element | null;
  /** content/read/decide/ `decide`: for facts from elsewhere (the PACS API) added to the page's. */
  decide(findings: PageFindings, options?: AnalyzeOptions): PageAnalysis;
  /** content/read/recipe/read.ts `testRecipe`: the options page's "test this recipe" on the open page. */
  testRecipe(doc: Document, url: URL, recipe: SiteRecipe): RecipeTest;
}

const READER = Symbol.for('image-gently-companion.page-reader');
type Global = typeof globalThis & { [READER]?: PageReader };

/** reader.js: lend the reader to this frame's scripts. */
export function lendPageReader(reader: PageReader): void {
  (globalThis as Global)[READER] = reader;
}

/** The reader reader.js lent, or null when it has not been injected into this frame (yet). */
export function borrowPageReader(): PageReader | null {
  return (globalThis as Global)[READER] ?? null;
}

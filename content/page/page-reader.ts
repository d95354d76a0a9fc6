/**
 * The page reader, lent by content.js to the scripts the background injects later into the same frame (panel.js,
 * pacs.js), so that one copy of it is loaded per frame: the profiles, parsers and decision rules are the larger
 * half of content.js, and panel.js would otherwise carry them again. The scripts share the extension's isolated
 * world of the frame, where this key lives (page scripts cannot see it); panel.js is only ever injected at
 * content.js's request, so the reader is there when it starts.
 */
import type { PageReading } from '@/content/read/analyze';
import type { AnalyzeOptions, PageAnalysis, PageFindings } from '@/content/read/types';

export interface PageReader {
  /** content/read/analyze.ts `readAndAnalyze`. */
  read(doc: Document, url: string | URL, options?: AnalyzeOptions): PageReading;
  /** content/page/route-container.ts `routeContainerOf`. */
  routeContainer(doc: Document, url: string): Element | null;
  /** content/read/decide/ `decide`: for facts from elsewhere (the PACS API) added to the page's. */
  decide(findings: PageFindings, options?: AnalyzeOptions): PageAnalysis;
}

const READER = Symbol.for('image-gently-companion.page-reader');
type Global = typeof globalThis & { [READER]?: PageReader };

/** content.js: lend the reader to this frame's later scripts. */
export function lendPageReader(reader: PageReader): void {
  (globalThis as Global)[READER] = reader;
}

/** panel.js: the reader content.js lent, or null when content.js never ran in this frame. */
export function borrowPageReader(): PageReader | null {
  return (globalThis as Global)[READER] ?? null;
}

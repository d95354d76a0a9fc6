/**
 * The extension point for the PACS data route: an enricher looks at what the page
 * showed and may read more from the site's own same-origin API, then hands back what it found.
 * The content script keeps one list of enrichers (`ENRICHERS` in entrypoints/content/index.tsx);
 * the panel controller runs each once per activation (a distinct page state) with that
 * activation's AbortSignal, so a navigation cancels requests that no longer matter.
 *
 * Everything an enricher returns stays in the tab: the analysis and section go to the panel,
 * the attributes onto `<image-gently-panel>`; only TabFacts derived from the analysis leave.
 */
import type { AnalyzeOptions, PageAnalysis, PageFindings } from '@/content/read/types';
import type { PacsSection } from './view-model';

export interface EnrichmentContext {
  doc: Document;
  url: string;
  /** What the page text gave (before any enrichment). */
  analysis: PageAnalysis;
  /** The facts it was decided from: an enricher adds its own to them and decides again. */
  findings: PageFindings;
  /** Aborted when the page shows something else or the content script is invalidated. */
  signal: AbortSignal;
  /** The options the page was analysed with (cutoff, date order, clock), for an enricher that decides again. */
  options?: AnalyzeOptions;
}

export interface Enrichment {
  /** The analysis with the API's facts added (e.g. age from PatientAge on a viewer that shows none). */
  analysis?: PageAnalysis;
  /** The PACS section, rendered in the card after the page-text numbers (data: the panel renders it). */
  pacs?: PacsSection;
  /** Extra host attributes, e.g. `data-ssde-mgy`, `data-dw-cm`. */
  attributes?: Record<string, string | null>;
  /** Short status codes for the diagnostic report (e.g. 'pacs:http-401'); no patient data. */
  notes?: string[];
}

/** Resolve null when the page is not yours or there is nothing to add. Never throw for bad data. */
export type PanelEnricher = (ctx: EnrichmentContext) => Promise<Enrichment | null>;

/** What panel.js gives an enricher made in another script (pacs.js): the page's settings and the panel's life. */
export interface EnricherHost {
  locale: string;
  /** The panel's lifetime (its content script's `ctx.signal`). */
  lifetime: AbortSignal;
  /** What content.js read on this page before handing over (its URL and analysis), when it did. */
  seed: { url: string; analysis: PageAnalysis } | null;
  /** The per-site DICOMweb path from the settings, read when a root is needed (null until they are loaded). */
  dicomWebRoot(): string | null;
  /** The analysis options (cutoff, date order, clock) once the settings are loaded. */
  analyzeOptions(): Promise<AnalyzeOptions>;
  /** The page reader's decision (content/read/decide/), lent by content.js: for the API's facts added to the page's. */
  decide(findings: PageFindings, options?: AnalyzeOptions): PageAnalysis;
}

import type { PanelEnricher } from '@/content/panel/enrichment';
import type { AnalyzeOptions, PageAnalysis, PageFindings } from '@/content/read/types';
import { createPacsSession, studyRefFromUrl } from './enrich';
import { PacsCaches } from './pacs-client';
import { pageFetch, pageResourceEntries } from './page-fetch';
import { alongScanView, buildPacsSection } from './section-view';
import { perfMark } from '@/content/page/perf-mark';

/**
 * The PACS data route as a panel enricher (content/panel/enrichment.ts), made in pacs.js: one session per
 * frame for the content script's life (tab-life, memory-only caches), the page's own fetch, the page's
 * resource timing for the DICOMweb root. What it returns stays in the tab: the analysis with the API's
 * facts, the panel section, `data-ssde-mgy` / `data-dw-cm`, and diagnostic codes without patient data.
 */
export function createPacsEnricher(options: {
  locale: string;
  lifetime?: AbortSignal;
  /** The per-site DICOMweb path from the settings, read when a root is needed. */
  dicomWebRoot?: () => string | null;
  /** What content.js read on this page before handing over (its URL and analysis), when it did. */
  seed?: { url: string; analysis: PageAnalysis } | null;
  /**
   * The analysis options (cutoff, date order) once the settings are loaded: lets the study's own tags decide
   * that a child's CT is shown before the page shows it (panel.js injected while the page loads).
   */
  analyzeOptions?: () => Promise<AnalyzeOptions>;
  /** The one decision function (content/read/decide/), for the API's facts added to the page's. */
  decide: (findings: PageFindings, options: AnalyzeOptions) => PageAnalysis;
}): PanelEnricher {
  const fetcher = pageFetch();
  const session = createPacsSession(
    {
      fetch: fetcher.fetch,
      caches: new PacsCaches(),
      resources: pageResourceEntries,
      dicomWebRoot: options.dicomWebRoot ?? (() => null),
      decide: options.decide,
    },
    options.lifetime,
  );
  // panel.js has just been injected into a page that shows a study: start reading it now, while the
  // controller loads its settings and reads the page (the first activation then finds the work under way).
  session.warm(location.href, options.seed?.url === location.href ? options.seed.analysis : null, options.analyzeOptions);
  return async (ctx) => {
    const ref = studyRefFromUrl(ctx.url);
    if (!ref) return null;
    const result = await session.enrich(ctx);
    perfMark('enrich-done');
    if (!result) return null;
    // The section is built in a task of its own (after Dw's).
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (ctx.signal.aborted) return null;
    const view = buildPacsSection(result.dose, result.notes, options.locale);
    const alongScan = result.alongScan;
    const notes = [
      `pacs:${ref.system}`,
      `pacs:fetch-${fetcher.kind}`,
      ...result.notes.map((n) => `pacs:${n.code}`),
      ...(result.dose?.notes ?? []).map((n) => `pacs:${n.code}`),
      ...(result.attributes['data-ssde-mgy'] ? ['pacs:ssde'] : []),
    ];
    return {
      ...(result.analysis !== ctx.analysis ? { analysis: result.analysis } : {}),
      pacs: {
        view,
        measureAlongScan: alongScan
          ? () => alongScan().then((r) => alongScanView(r, options.locale), () => alongScanView({ code: 'api-unavailable' }, options.locale))
          : null,
      },
      attributes: result.attributes,
      notes,
    };
  };
}

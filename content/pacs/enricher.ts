import type { PanelEnricher } from '@/content/panel/enrichment';
import type { AnalyzeOptions, PageAnalysis, PageFindings } from '@/content/read/types';
import { createPacsSession, studyRefFromUrl } from './enrich';
import { PacsCaches } from './pacs-client';
import { pageFetch, pageResourceEntries } from './page-fetch';
import { alongScanView, buildPacsSection } from './section-view';
import { perfMark } from '@/content/page/perf-mark';
import type { HistoryHandle } from './history/history';
import { createHistoryHandle, historySection } from './history/section';

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
  // "This child on this PACS": one reading per study shown, in memory for the page's life.
  const histories = new Map<string, HistoryHandle>();
  const historyFor = (ref: NonNullable<ReturnType<typeof studyRefFromUrl>>, url: string): HistoryHandle => {
    let h = histories.get(ref.key);
    if (!h) {
      h = createHistoryHandle(ref, {
        fetch: fetcher.fetch,
        pageUrl: url,
        locale: options.locale,
        resources: pageResourceEntries,
        dicomWebRoot: options.dicomWebRoot ?? (() => null),
        ...(options.lifetime ? { signal: options.lifetime } : {}),
      });
      histories.set(ref.key, h);
    }
    return h;
  };
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
    // Only on a child's page: read once the page is idle (or when the section is opened, whichever comes first).
    const history = result.analysis.pediatric ? historyFor(ref, ctx.url) : null;
    if (history) whenIdle(() => history.start());
    return {
      ...(result.analysis !== ctx.analysis ? { analysis: result.analysis } : {}),
      pacs: {
        view,
        history: history ? historySection(history, options.locale) : null,
        measureAlongScan: alongScan
          ? () => alongScan().then((r) => alongScanView(r, options.locale), () => alongScanView({ code: 'api-unavailable' }, options.locale))
          : null,
      },
      attributes: result.attributes,
      notes,
    };
  };
}

/** Runs `task` once the page is idle (`requestIdleCallback`, at the latest after 5 s), or after a task where there is none. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: 5_000 });
  else setTimeout(task, 0);
}

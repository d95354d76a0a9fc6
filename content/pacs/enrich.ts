import type { AnalyzeOptions, Fact, PageAnalysis, PageFindings } from '@/content/read/types';
import { configuredDicomWebRoot, dicomWebRootFromResources, type ResourceEntryLike } from './dicomweb-root';
import { DicomWebStudySource } from './dicomweb-source';
import { measureAlongScan, measureDose, readStudy, type AlongScan, type PacsDose, type PacsNote, type StudyReading } from './measure';
import { orthancRefFromUrl, type OrthancPageRef } from './orthanc-rest';
import { OrthancStudySource } from './orthanc-source';
import { createPacsClient, type FetchLike, type PacsCaches } from './pacs-client';
import type { StudySource } from './study-source';

/**
 * The PACS data route's entry: for a page showing one study on a PACS (Orthanc Explorer's study/series
 * pages, a DICOMweb viewer with the study in its URL), read the study from the site's own API, add its
 * facts to the page's (DICOM tags first) and decide again; for a child's CT, measure Dw on the mid slice
 * and compute SSDE. Only same-origin GETs; nothing leaves the tab; nothing is stored.
 */

export type StudyRef =
  | { system: 'orthanc'; ref: OrthancPageRef; key: string }
  | { system: 'dicomweb'; studyUid: string; seriesUid: string | null; key: string };

const UID = /^[0-9]+(\.[0-9]+)*$/;

/** The study a page shows, from its URL: an Orthanc Explorer route, or a viewer's study UID parameter. */
export function studyRefFromUrl(pageUrl: string): StudyRef | null {
  const orthanc = orthancRefFromUrl(pageUrl);
  if (orthanc) return orthanc.level === 'patient' ? null : { system: 'orthanc', ref: orthanc, key: `orthanc:${orthanc.id}` };
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  // OHIF `?StudyInstanceUIDs=` (one study), `StudyInstanceUID`, Stone Web Viewer `?study=`; hash routes too.
  const params = new URLSearchParams(url.search);
  const hashQuery = url.hash.indexOf('?');
  if (hashQuery !== -1) for (const [k, v] of new URLSearchParams(url.hash.slice(hashQuery + 1))) params.append(k, v);
  const studies = [...params.getAll('StudyInstanceUIDs'), ...params.getAll('StudyInstanceUID'), ...params.getAll('study')]
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (new Set(studies).size !== 1 || !UID.test(studies[0]!)) return null;
  const series = [...params.getAll('SeriesInstanceUIDs'), ...params.getAll('SeriesInstanceUID'), ...params.getAll('series')].flatMap((v) => v.split(','));
  const seriesUid = series.length === 1 && UID.test(series[0]!.trim()) ? series[0]!.trim() : null;
  return { system: 'dicomweb', studyUid: studies[0]!, seriesUid, key: `dicomweb:${studies[0]}` };
}

export interface PacsEnrichDeps {
  /** Same-origin GET (the content script's `fetch`, or Firefox's `content.fetch`). */
  fetch: FetchLike;
  makeAbortController?: () => AbortController;
  /** Tab-life, memory-only caches. */
  caches: PacsCaches;
  /** The page's resource timing entries (URLs of its own requests), for the DICOMweb root. */
  resources: () => readonly ResourceEntryLike[];
  /**
   * The per-site DICOMweb path the user set (settings `dicomWebPathBySite`), read each time it is needed
   * (the settings arrive after the session starts): it wins over the root seen in the viewer's requests.
   */
  dicomWebRoot?: () => string | null;
  /** The one decision function (content/read/decide/ `decide`). */
  decide: (findings: PageFindings, options: AnalyzeOptions) => PageAnalysis;
  timeoutMs?: number;
  /** How long to wait for a DICOMweb viewer's first request before saying no root was seen (default 15 s). */
  rootWaitMs?: number;
  yieldToMain?: () => Promise<void>;
}

export interface PacsEnrichContext {
  url: string;
  analysis: PageAnalysis;
  /** The facts the page's analysis was decided from (the page is not read again). */
  findings: PageFindings;
  signal: AbortSignal;
  options?: AnalyzeOptions;
}

export interface PacsResult {
  /** The page's facts with the API's in front, decided again; the page's own analysis when the API gave nothing. */
  analysis: PageAnalysis;
  dose: PacsDose | null;
  /** What could not be read while reading the study (API failures, no DICOMweb root, no CT series …). */
  notes: PacsNote[];
  /** `data-ssde-mgy` and `data-dw-cm` for `<image-gently-panel>` (absent unless computed from the pixels). */
  attributes: Record<string, string | null>;
  /** "SSDE along the scan" (CID 10023 113989), run only when the user asks. */
  alongScan: (() => Promise<AlongScan | PacsNote>) | null;
}

const NO_PAGE_FINDINGS: PageFindings = { profileId: null, primary: [], rows: [], dateOrder: null, notes: [] };

/** Puts the API's facts before the page's: DICOM tags are the more trusted source (content/read/decide/). */
export function withApiFacts(findings: PageFindings, facts: readonly Fact[]): PageFindings {
  return { ...findings, primary: [...facts, ...(findings.primary ?? [])] };
}

export function hostAttributesOf(dose: PacsDose | null): Record<string, string | null> {
  const ok = dose?.ssde?.status === 'ok' ? dose.ssde.estimate.ssdeMGy : null;
  return {
    'data-ssde-mgy': ok !== null && Number.isFinite(ok) ? ok.toFixed(2) : null,
    'data-dw-cm': dose?.dw ? dose.dw.dwCm.toFixed(2) : null,
  };
}

/** Resolves with `promise`, or with null as soon as `signal` aborts (the work itself goes on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | null> {
  if (signal.aborted) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

const delay = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/**
 * The viewer's DICOMweb root from its own requests. A viewer that has just started may not have asked yet
 * (OHIF loads its bundle for seconds first): look again every 250 ms, up to `rootWaitMs` (default 15 s).
 */
async function waitForRoot(pageUrl: string, studyUid: string, deps: PacsEnrichDeps, signal: AbortSignal): Promise<string | null> {
  const deadline = Date.now() + (deps.rootWaitMs ?? 15_000);
  for (;;) {
    const root = configuredDicomWebRoot(deps.dicomWebRoot?.(), pageUrl) ?? dicomWebRootFromResources(deps.resources(), pageUrl, studyUid);
    if (root || signal.aborted || Date.now() >= deadline) return root;
    await delay(250, signal);
  }
}

/** One study's API work, shared by every activation that shows it (a re-render does not start it again). */
interface StudyWork {
  key: string;
  /** Set when the page text already shows a child's CT: the page series' middle image may be fetched early. */
  pixelsWanted: boolean;
  controller: AbortController;
  source: Promise<StudySource | null>;
  reading: Promise<StudyReading | null>;
  doses: Map<string, Promise<PacsDose | null>>;
}

/**
 * The route's state for one tab: the current study's work (aborted when the page shows another study or the
 * content script ends) and the tab-life caches. `enrich` is called once per activation.
 */
export interface PacsSession {
  enrich(ctx: PacsEnrichContext): Promise<PacsResult | null>;
  /**
   * Starts reading the study a page URL shows, before the first activation asks. Pixels wait for `enrich`'s
   * decision, except the page series' middle image when the page text (`seen`) already shows a child's CT, or,
   * with `options` (the analysis options once the settings are known), when that image's tags alone do.
   */
  warm(pageUrl: string, seen?: PageAnalysis | null, options?: () => Promise<AnalyzeOptions>): void;
  /** Abandons the current study's work (its requests are aborted). */
  close(): void;
}

export function createPacsSession(deps: PacsEnrichDeps, lifetime?: AbortSignal): PacsSession {
  let work: StudyWork | null = null;
  lifetime?.addEventListener('abort', () => work?.controller.abort(), { once: true });

  function workFor(ref: StudyRef, pageUrl: string, early?: () => Promise<AnalyzeOptions>): StudyWork {
    if (work?.key === ref.key && !work.controller.signal.aborted) return work;
    work?.controller.abort();
    const controller = new AbortController();
    const client = createPacsClient({
      pageUrl,
      fetch: deps.fetch,
      cache: deps.caches.forStudy(ref.key),
      signal: controller.signal,
      ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
      ...(deps.makeAbortController ? { makeAbortController: deps.makeAbortController } : {}),
    });
    const source: Promise<StudySource | null> =
      ref.system === 'orthanc'
        ? Promise.resolve(new OrthancStudySource(client, ref.ref))
        : (async () => {
            const root = await waitForRoot(pageUrl, ref.studyUid, deps, controller.signal);
            return root ? new DicomWebStudySource(client, root, ref.studyUid, ref.seriesUid) : null;
          })();
    const w: StudyWork = { key: ref.key, pixelsWanted: false, controller, source, reading: Promise.resolve(null), doses: new Map() };
    const pixelsWantedFor = early
      ? async (facts: Fact[]) => {
          // The same decision `enrich` makes, on the API's facts alone (they come first there too).
          const analysis = deps.decide(withApiFacts(NO_PAGE_FINDINGS, facts), await early());
          return analysis.pediatric && analysis.modalities.includes('CT');
        }
      : undefined;
    w.reading = source.then((s) => (s ? readStudy(s, { pixelsWanted: () => w.pixelsWanted, ...(pixelsWantedFor ? { pixelsWantedFor } : {}) }) : null));
    work = w;
    return w;
  }

  return {
    close() {
      work?.controller.abort();
      work = null;
    },
    warm(pageUrl, seen, options) {
      const ref = studyRefFromUrl(pageUrl);
      if (!ref) return;
      const w = workFor(ref, pageUrl, options);
      if (seen?.pediatric && seen.modalities.includes('CT')) w.pixelsWanted = true;
      void w.reading.catch(() => undefined);
    },
    async enrich(ctx) {
      const ref = studyRefFromUrl(ctx.url);
      if (!ref) return null;
      const w = workFor(ref, ctx.url);
      if (ctx.analysis.pediatric && ctx.analysis.modalities.includes('CT')) w.pixelsWanted = true;
      const source = await untilAborted(w.source, ctx.signal);
      if (ctx.signal.aborted) return null;
      if (!source) return { analysis: ctx.analysis, dose: null, notes: [{ code: 'no-dicomweb-root' }], attributes: hostAttributesOf(null), alongScan: null };
      const reading = await untilAborted(w.reading, ctx.signal);
      if (!reading || ctx.signal.aborted) return null;
      const options = ctx.options ?? {};
      const analysis =
        reading.facts.length > 0 ? deps.decide(withApiFacts(ctx.findings, reading.facts), options) : ctx.analysis;

      // Pixels only for a child's CT: an adult's study gets no further request.
      const measure = analysis.pediatric && analysis.modalities.includes('CT') && reading.ct !== null;
      const measureOptions = { region: analysis.region, ...(deps.yieldToMain ? { yieldToMain: deps.yieldToMain } : {}) };
      let dose: PacsDose | null = null;
      if (measure) {
        const doseKey = analysis.region === 'head' ? 'head' : `body:${analysis.region ?? ''}`;
        let pending = w.doses.get(doseKey);
        if (!pending) {
          pending = measureDose(source, reading, measureOptions);
          w.doses.set(doseKey, pending);
        }
        dose = await untilAborted(pending, ctx.signal);
        if (ctx.signal.aborted) return null;
      }
      const measured = dose;
      return {
        analysis,
        dose,
        notes: reading.notes,
        attributes: hostAttributesOf(dose),
        alongScan: measured ? () => measureAlongScan(source, reading, measured, measureOptions) : null,
      };
    },
  };
}

/** One enrichment with its own session (tests, one-off reads): the study's work ends with `ctx.signal`. */
export function enrichFromPacs(ctx: PacsEnrichContext, deps: PacsEnrichDeps): Promise<PacsResult | null> {
  const session = createPacsSession(deps, ctx.signal);
  return session.enrich(ctx);
}

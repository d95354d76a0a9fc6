import type { AnalyzeOptions, Fact, PageAnalysis, PageFindings } from '@/content/types';
import { configuredDicomWebRoot, dicomWebRootFromResources, type ResourceEntryLike } from './dicomweb-root';
import { DicomWebStudySource } from './dicomweb-source';
import { measureAlongScan, measureDose, readStudy, type AlongScan, type FrameDecoder, type PacsDose, type PacsNote } from './measure';
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
  /** Per-site DICOMweb root setting, when the user set one. */
  dicomWebRoot?: string | null;
  /** The page's raw facts (content/analyze.ts `readPage`) and the one decision function (`decide`). */
  readPage: (doc: Document, url: string, options: AnalyzeOptions) => PageFindings;
  decide: (findings: PageFindings, options: AnalyzeOptions) => PageAnalysis;
  decode: FrameDecoder;
  timeoutMs?: number;
  yieldToMain?: () => Promise<void>;
}

export interface PacsEnrichContext {
  doc: Document;
  url: string;
  analysis: PageAnalysis;
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

/** Puts the API's facts before the page's: DICOM tags are the more trusted source (content/decide.ts). */
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

export async function enrichFromPacs(ctx: PacsEnrichContext, deps: PacsEnrichDeps): Promise<PacsResult | null> {
  const ref = studyRefFromUrl(ctx.url);
  if (!ref) return null;
  const options = ctx.options ?? {};
  const client = createPacsClient({
    pageUrl: ctx.url,
    fetch: deps.fetch,
    cache: deps.caches.forStudy(ref.key),
    signal: ctx.signal,
    ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
    ...(deps.makeAbortController ? { makeAbortController: deps.makeAbortController } : {}),
  });

  let source: StudySource;
  if (ref.system === 'orthanc') {
    source = new OrthancStudySource(client, ref.ref);
  } else {
    const root =
      configuredDicomWebRoot(deps.dicomWebRoot, ctx.url) ?? dicomWebRootFromResources(deps.resources(), ctx.url, ref.studyUid);
    if (!root) return { analysis: ctx.analysis, dose: null, notes: [{ code: 'no-dicomweb-root' }], attributes: hostAttributesOf(null), alongScan: null };
    source = new DicomWebStudySource(client, root, ref.studyUid, ref.seriesUid);
  }

  const reading = await readStudy(source);
  if (ctx.signal.aborted) return null;
  const analysis = reading.facts.length > 0 ? deps.decide(withApiFacts(deps.readPage(ctx.doc, ctx.url, options), reading.facts), options) : ctx.analysis;

  // Pixels only for a child's CT: an adult's study gets no further request.
  const measure = analysis.pediatric && analysis.modalities.includes('CT') && reading.ct !== null;
  const measureOptions = { region: analysis.region, decode: deps.decode, ...(deps.yieldToMain ? { yieldToMain: deps.yieldToMain } : {}) };
  const dose = measure ? await measureDose(source, reading, measureOptions) : null;
  if (ctx.signal.aborted) return null;
  return {
    analysis,
    dose,
    notes: reading.notes,
    attributes: hostAttributesOf(dose),
    alongScan: dose ? () => measureAlongScan(source, reading, dose, measureOptions) : null,
  };
}

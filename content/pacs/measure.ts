import { frameToHu, transferSyntaxName } from '@/clinical/ct-frame';
import { ssde, type BodyPart, type SsdeResult } from '@/clinical/ssde';
import { bodyPartOf } from './body-part';
import { waterEquivalentDiameterSteps, type DwWarning } from '@/clinical/water-equivalent-diameter';
import { runInSlices, yieldToMain as pause } from '@/content/page/time-slice';
import type { BodyRegion, Fact } from '@/content/read/types';
import { firstCode, numberOf, tagText, TAG, type CodedConcept, type DicomView } from './dicom-data';
import { PacsRequestError } from './pacs-client';
import { phantomFromCode, type PhantomReading } from './phantom';
import { readFrameTags } from './pixel-module';
import { eventForSeries, readCtDoseReport, type RdsrIrradiationEvent } from './rdsr';
import { chooseMidSlice, chooseSlicesAlongScan, isTransverse, judgeImage, type ChosenSlice } from './slice';
import { studyFacts } from './study-facts';
import { PixelsUnavailable, type SeriesSummary, type SliceRef, type StudySource } from './study-source';

/**
 * From a study's API to the numbers: which series and slice, the pixels in HU, Dw (AAPM 220, in the page,
 * on the main thread), CTDIvol and its phantom (dose report first, image header second), SSDE (AAPM 204 /
 * 293 via clinical/ssde.ts) — and, for everything that could not be read, a short note.
 */

export type PacsNoteCode =
  | 'api-unauthorized'
  | 'api-forbidden'
  | 'api-not-found'
  | 'api-timeout'
  | 'api-malformed'
  | 'api-unavailable'
  | 'no-dicomweb-root'
  | 'no-ct-series'
  | 'no-axial-series'
  | 'cannot-decode'
  | 'pixels-refused'
  | 'pixel-format'
  | 'no-patient-in-slice'
  | 'dw-truncated'
  | 'no-rdsr'
  | 'rdsr-ambiguous'
  | 'no-ctdivol'
  | 'ctdi-from-header'
  | 'no-phantom'
  | 'phantom-unsupported'
  | 'phantom-from-header'
  | 'ssde-refused'
  | 'region-unknown'
  | 'region-not-covered';

/** A note for the panel: a code (locale key `pacs.note.<code>`) and, for some, a non-identifying detail. */
export interface PacsNote {
  code: PacsNoteCode;
  detail?: string;
}

export interface StudyReading {
  facts: Fact[];
  /** The CT series, slice and attributes chosen for measuring; null when the study has none usable. */
  ct: { series: SeriesSummary; chosen: ChosenSlice<SliceRef>; tags: DicomView; slices: SliceRef[] } | null;
  series: SeriesSummary[];
  notes: PacsNote[];
}

export function noteForRequestError(e: unknown): PacsNote | null {
  if (!(e instanceof PacsRequestError)) return { code: 'api-malformed' };
  switch (e.kind) {
    case 'unauthorized':
      return { code: 'api-unauthorized' };
    case 'forbidden':
      return { code: 'api-forbidden' };
    case 'not-found':
      return { code: 'api-not-found' };
    case 'timeout':
      return { code: 'api-timeout' };
    case 'malformed':
    case 'too-large':
      return { code: 'api-malformed' };
    case 'aborted':
      return null;
    default:
      return { code: 'api-unavailable' };
  }
}

const NOT_FOR_MEASURING = /\b(dose|report|screen|scout|topo\w*|localizer|surview|scanogram|protocol|info)\b/i;

/** CT series worth trying, best first: the page's own, then by instance count; localizers and dose screens by name last. */
export function rankCtSeries(series: readonly SeriesSummary[], pageSeriesKey: string | null): SeriesSummary[] {
  const score = (s: SeriesSummary) => (s.key === pageSeriesKey ? 2 : 0) + (NOT_FOR_MEASURING.test(s.description ?? '') ? -4 : 0);
  return series
    .filter((s) => s.modality === 'CT')
    .sort((a, b) => score(b) - score(a) || b.instances - a.instances);
}

/**
 * Reads what the study's API says about the patient and picks the slice to measure: the z-midpoint of the first
 * CT series (page's series first) whose middle image is ORIGINAL/PRIMARY/AXIAL and transverse. At most 3 series
 * are tried. Request failures end the reading with a note; whatever facts were read are kept.
 */
export interface ReadStudyOptions {
  /** Whether the page text already shows a child's CT (asked when the page series' middle image is known). */
  pixelsWanted?: () => boolean;
  /**
   * Otherwise, whether the API's facts from that image's tags show a child's CT (the page may not show the
   * patient yet: panel.js is injected while a PACS page loads).
   */
  pixelsWantedFor?: (facts: Fact[]) => Promise<boolean>;
}

export async function readStudy(source: StudySource, options: ReadStudyOptions = {}): Promise<StudyReading> {
  const reading: StudyReading = { facts: [], ct: null, series: [], notes: [] };
  // The page's own series is the likely one: read its slices and middle image while the study's series list
  // comes (the same GETs the steps below make; the client answers them from its cache). When the page text
  // already shows a child's CT — or else that image's own tags do — its pixels are asked for too (measureDose
  // then finds them cached). An adult's pixels are never asked for.
  const pageSeries = source.pageSeriesKey;
  if (pageSeries) {
    const summary: SeriesSummary = { key: pageSeries, modality: null, description: null, number: null, instances: 0 };
    void source
      .slices(summary)
      .then(async (slices) => {
        const chosen = chooseMidSlice(slices);
        if (!chosen) return;
        const frame = () => void source.frame(summary, chosen.slice).catch(() => undefined);
        if (options.pixelsWanted?.()) frame();
        const tags = await source.tags(summary, chosen.slice);
        if (options.pixelsWanted?.() || !options.pixelsWantedFor) return;
        if (await options.pixelsWantedFor(studyFacts(tags, source.label))) frame();
      })
      .catch(() => undefined);
  }
  try {
    reading.series = await source.seriesList();
    const modalities = reading.series.map((s) => s.modality).filter((m): m is string => m !== null);
    const candidates = rankCtSeries(reading.series, source.pageSeriesKey);
    if (candidates.length === 0) reading.notes.push({ code: 'no-ct-series' });
    for (const series of candidates.slice(0, 3)) {
      const slices = await source.slices(series);
      const chosen = chooseMidSlice(slices);
      if (!chosen) continue;
      const tags = await source.tags(series, chosen.slice);
      if (reading.facts.length === 0) reading.facts = studyFacts(tags, source.label, modalities);
      const kind = judgeImage(tagText(tags, TAG.SOPClassUID), tags.values(TAG.ImageType));
      if (kind === 'axial' && isTransverse(chosen.slice.orientation)) {
        reading.ct = { series, chosen, tags, slices };
        break;
      }
    }
    if (candidates.length > 0 && !reading.ct) reading.notes.push({ code: 'no-axial-series' });
  } catch (e) {
    const note = noteForRequestError(e);
    if (note) reading.notes.push(note);
  }
  return reading;
}

export interface PacsDose {
  system: StudySource['system'];
  sourceLabel: string;
  ctdi: { mGy: number; from: 'rdsr' | 'image-header'; phantom: PhantomReading } | null;
  slice: {
    seriesDescription: string | null;
    seriesNumber: number | null;
    instanceNumber: number | null;
    zMm: number;
    index: number;
    count: number;
  } | null;
  dw: { dwCm: number; areaCm2: number; meanHu: number | null; warnings: DwWarning[] } | null;
  region: 'body' | 'head';
  ssde: SsdeResult | null;
  /** The scanner's own numbers (dose report TID 10013, or WaterEquivalentDiameter (0018,1271) in the header). */
  scanner: { ssdeMGy: number | null; dwCm: number | null; method: CodedConcept | null } | null;
  notes: PacsNote[];
}

export interface MeasureOptions {
  region: BodyRegion | null;
  /** Lets the page breathe between steps (default: content/page/time-slice.ts `yieldToMain`). */
  yieldToMain?: () => Promise<void>;
}


/** Regions for which no SSDE is computed, with the note that says why; null when the region is covered. */
export function regionRefusal(region: BodyRegion | null): PacsNote | null {
  if (region === null || region === 'other') return { code: 'region-unknown' };
  if (region === 'dental') return { code: 'region-not-covered' };
  return null;
}


interface DoseInputs {
  ctdi: PacsDose['ctdi'];
  scanner: PacsDose['scanner'];
  notes: PacsNote[];
}

/** CTDIvol and phantom: the dose report's irradiation event for this series first, the image header second. */
async function doseInputs(source: StudySource, series: readonly SeriesSummary[], tags: DicomView): Promise<DoseInputs> {
  const notes: PacsNote[] = [];
  let event: RdsrIrradiationEvent | null = null;
  let sawReport = false;
  const eventUids = tags.values(TAG.IrradiationEventUID);
  for (const sr of series.filter((s) => s.modality === 'SR').slice(0, 3)) {
    let reports: DicomView[];
    try {
      reports = await source.reports(sr);
    } catch (e) {
      const note = noteForRequestError(e);
      if (note) notes.push(note);
      continue;
    }
    for (const report of reports) {
      const reading = readCtDoseReport(report);
      if (!reading) continue;
      sawReport = true;
      const match = eventForSeries(reading, eventUids);
      if (match.kind === 'matched') event = match.event;
      else if (match.kind === 'ambiguous') notes.push({ code: 'rdsr-ambiguous' });
      if (event) break;
    }
    if (event) break;
  }
  if (!sawReport) notes.push({ code: 'no-rdsr' });

  const headerCtdi = numberOf(tags, TAG.CTDIvol);
  const headerPhantom = phantomFromCode(firstCode(tags, TAG.CTDIPhantomTypeCodeSequence));
  let ctdi: PacsDose['ctdi'] = null;
  if (event?.ctdiVolMGy != null) {
    let phantom = event.phantom;
    if (phantom.kind === 'unknown' && headerPhantom.kind !== 'unknown') {
      phantom = headerPhantom;
      notes.push({ code: 'phantom-from-header' });
    }
    ctdi = { mGy: event.ctdiVolMGy, from: 'rdsr', phantom };
  } else if (headerCtdi !== null && headerCtdi > 0) {
    // The header's CTDIvol (0018,9345) may be this slice's value under tube-current modulation.
    ctdi = { mGy: headerCtdi, from: 'image-header', phantom: headerPhantom };
    notes.push({ code: 'ctdi-from-header' });
  } else {
    notes.push({ code: 'no-ctdivol' });
  }

  const headerDwMm = numberOf(tags, TAG.WaterEquivalentDiameter);
  const scanner =
    event?.scannerSsde || headerDwMm !== null
      ? {
          ssdeMGy: event?.scannerSsde?.mGy ?? null,
          dwCm: event?.scannerSsde?.dwCm ?? (headerDwMm !== null ? headerDwMm / 10 : null),
          method: event?.scannerSsde?.method ?? null,
        }
      : null;
  return { ctdi, scanner, notes };
}

/** The frame → HU (clinical/ct-frame.ts) → Dw (clinical/water-equivalent-diameter.ts), on the main thread. */
async function sizeOf(tags: DicomView, frame: Uint8Array, yieldToMain: () => Promise<void>): Promise<{ dw: PacsDose['dw']; notes: PacsNote[] }> {
  const frameTags = readFrameTags(tags);
  if ('problem' in frameTags) return { dw: null, notes: [{ code: 'pixel-format', detail: frameTags.problem }] };
  const converted = frameToHu(frame, frameTags);
  if (!converted.ok) {
    return {
      dw: null,
      notes: [converted.reason === 'cannot-decode' ? { code: 'cannot-decode', detail: transferSyntaxName(converted.transferSyntaxUid) } : { code: 'pixel-format', detail: converted.reason }],
    };
  }
  // The conversion in one task; Dw after it, in slices (its first run in a page, before the JIT has warmed,
  // is tens of milliseconds): the page gets the main thread back in between.
  await yieldToMain();
  const result = await runInSlices(waterEquivalentDiameterSteps(converted.hu, converted.rows, converted.cols, frameTags.pixelSpacingMm), yieldToMain);
  const notes: PacsNote[] = [];
  if (result.warnings.includes('no-patient-found') || result.dwCm === null) return { dw: null, notes: [{ code: 'no-patient-in-slice' }] };
  if (result.warnings.some((w) => w !== 'no-patient-found')) notes.push({ code: 'dw-truncated' });
  return { dw: { dwCm: result.dwCm, areaCm2: result.areaCm2, meanHu: result.meanHu, warnings: result.warnings }, notes };
}

async function frameOrNote(source: StudySource, series: SeriesSummary, slice: SliceRef): Promise<Uint8Array | PacsNote | null> {
  try {
    return await source.frame(series, slice);
  } catch (e) {
    if (e instanceof PixelsUnavailable) {
      return e.syntax ? { code: 'cannot-decode', detail: transferSyntaxName(e.syntax) } : { code: 'pixels-refused' };
    }
    return noteForRequestError(e);
  }
}

function ssdeFor(ctdi: NonNullable<PacsDose['ctdi']>, dwCm: number, region: 'body' | 'head', bodyPart: BodyPart | undefined): SsdeResult | PacsNote {
  if (ctdi.phantom.kind === 'unsupported') return { code: 'phantom-unsupported', detail: ctdi.phantom.code.meaning || ctdi.phantom.code.value };
  return ssde({
    ctdiVolMGy: ctdi.mGy,
    phantom: ctdi.phantom.kind === 'known' ? ctdi.phantom.cm : 'unknown',
    region,
    ...(bodyPart ? { bodyPart } : {}),
    size: { metric: 'dw', dwCm },
  });
}

/** Measures Dw on the chosen slice and computes SSDE with the study's CTDIvol. */
export async function measureDose(source: StudySource, reading: StudyReading, options: MeasureOptions): Promise<PacsDose | null> {
  const ct = reading.ct;
  if (!ct) return null;
  const region: 'body' | 'head' = options.region === 'head' ? 'head' : 'body';
  const yieldToMain = options.yieldToMain ?? pause;
  const dose: PacsDose = {
    system: source.system,
    sourceLabel: source.label,
    ctdi: null,
    slice: {
      seriesDescription: ct.series.description,
      seriesNumber: ct.series.number,
      instanceNumber: ct.chosen.slice.instanceNumber,
      zMm: ct.chosen.zMm,
      index: ct.chosen.index,
      count: ct.chosen.count,
    },
    dw: null,
    region,
    ssde: null,
    scanner: null,
    notes: [],
  };

  const [frame, inputs] = await Promise.all([frameOrNote(source, ct.series, ct.chosen.slice), doseInputs(source, reading.series, ct.tags)]);
  dose.ctdi = inputs.ctdi;
  dose.scanner = inputs.scanner;
  dose.notes.push(...inputs.notes);
  if (frame instanceof Uint8Array) {
    await yieldToMain();
    const size = await sizeOf(ct.tags, frame, yieldToMain);
    dose.dw = size.dw;
    dose.notes.push(...size.notes);
  } else if (frame) {
    dose.notes.push(frame);
  }

  // An unknown region refuses: body factors (AAPM 204) on an unrecognised series could be a head's SSDE made
  // with body factors. A dental/maxillofacial series is covered by neither AAPM 204 (body) nor 293 (head CT).
  const regionNote = regionRefusal(options.region);
  if (regionNote && dose.ctdi && dose.dw) dose.notes.push(regionNote);
  else if (dose.ctdi && dose.dw) {
    await yieldToMain();
    if (dose.ctdi.phantom.kind === 'unknown') dose.notes.push({ code: 'no-phantom' });
    const result = ssdeFor(dose.ctdi, dose.dw.dwCm, region, bodyPartOf(options.region));
    if ('code' in result) dose.notes.push(result);
    else {
      dose.ssde = result;
      if (result.status === 'refused') dose.notes.push({ code: 'ssde-refused', detail: result.reason });
    }
  }
  return dose;
}

export interface AlongScan {
  /** CID 10023 113989 "Arithmetic Average of SSDE(z)". */
  methodCode: '113989';
  slices: { zMm: number; dwCm: number; ssdeMGy: number }[];
  meanSsdeMGy: number;
  meanDwCm: number;
}

/**
 * "SSDE along the scan", only when asked: Dw on `n` slices spread over the series, SSDE(z) = f(Dw(z)) × CTDIvol,
 * and their arithmetic mean (CID 10023 113989). Needs a known phantom (one number per slice). One frame GET per slice.
 */
export async function measureAlongScan(
  source: StudySource,
  reading: StudyReading,
  dose: PacsDose,
  options: MeasureOptions & { slices?: number },
): Promise<AlongScan | PacsNote> {
  const ct = reading.ct;
  if (!ct || !dose.ctdi) return { code: 'no-ctdivol' };
  const regionNote = regionRefusal(options.region);
  if (regionNote) return regionNote;
  if (dose.ctdi.phantom.kind !== 'known') return { code: 'no-phantom' };
  const yieldToMain = options.yieldToMain ?? pause;
  const out: AlongScan['slices'] = [];
  for (const pick of chooseSlicesAlongScan(ct.slices, options.slices ?? 5)) {
    const frame = await frameOrNote(source, ct.series, pick.slice);
    if (!(frame instanceof Uint8Array)) return frame ?? { code: 'api-unavailable' };
    let tags: DicomView;
    try {
      tags = await source.tags(ct.series, pick.slice);
    } catch (e) {
      return noteForRequestError(e) ?? { code: 'api-unavailable' };
    }
    await yieldToMain();
    const size = await sizeOf(tags, frame, yieldToMain);
    if (!size.dw) return size.notes[0] ?? { code: 'no-patient-in-slice' };
    const result = ssdeFor(dose.ctdi, size.dw.dwCm, dose.region, bodyPartOf(options.region));
    if ('code' in result) return result;
    if (result.status !== 'ok') return { code: 'ssde-refused', detail: result.status === 'refused' ? result.reason : 'phantom-unknown' };
    out.push({ zMm: pick.zMm, dwCm: size.dw.dwCm, ssdeMGy: result.estimate.ssdeMGy });
  }
  if (out.length === 0) return { code: 'no-axial-series' };
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { methodCode: '113989', slices: out, meanSsdeMGy: mean(out.map((s) => s.ssdeMGy)), meanDwCm: mean(out.map((s) => s.dwCm)) };
}

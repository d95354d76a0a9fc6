import { firstCode, numberOf, tagText, TAG, type CodedConcept, type DicomView } from './dicom-data';
import { phantomFromCode, type PhantomReading } from './phantom';
import { own } from '@/utils/own';

/**
 * CT Radiation Dose SR (DICOM PS3.16 TID 10011 "CT Radiation Dose", with TID 10013 "CT Irradiation Event
 * Data" per acquisition). Concept codes (DCM unless noted), as in pydicom's generated concept table:
 * 113701 X-Ray Radiation Dose Report (root) · 113819 CT Acquisition · 113820 CT Acquisition Type
 * (113805 Constant Angle Acquisition = localizer) · 113769 Irradiation Event UID · 123014 Target Region ·
 * 125203 Acquisition Protocol · 113829 CT Dose · 113830 Mean CTDIvol · 113835 CTDIw Phantom Type (CID 4052) ·
 * 113930 Size Specific Dose Estimate, qualified by SCT 370129005 Measurement Method (CID 10023) and inferred
 * from 113980 Water Equivalent Diameter; 113838 DLP per acquisition, 113813 CT Dose Length Product Total
 * (in TID 10012 "CT Accumulated Dose Data", 113811).
 */

export const SOP_CLASS_XRAY_DOSE_SR = '1.2.840.10008.5.1.4.1.1.88.67';
export const SOP_CLASS_ENHANCED_XRAY_DOSE_SR = '1.2.840.10008.5.1.4.1.1.88.76';

const C = {
  report: '113701',
  ctAcquisition: '113819',
  acquisitionType: '113820',
  constantAngle: '113805',
  eventUid: '113769',
  targetRegion: '123014',
  protocol: '125203',
  meanCtdiVol: '113830',
  phantomType: '113835',
  ssde: '113930',
  measurementMethod: '370129005', // SCT
  waterEquivalentDiameter: '113980',
  dlp: '113838',
  dlpTotal: '113813',
} as const;

export interface ScannerSsde {
  mGy: number;
  /** CID 10023 method the scanner states (e.g. DCM 113988 "Estimated from Water Equivalent Diameter"). */
  method: CodedConcept | null;
  dwCm: number | null;
}

export interface RdsrIrradiationEvent {
  eventUid: string | null;
  /** A localizer (constant angle acquisition): carries no CTDIvol for the series. */
  localizer: boolean;
  ctdiVolMGy: number | null;
  phantom: PhantomReading;
  targetRegion: CodedConcept | null;
  protocol: string | null;
  scannerSsde: ScannerSsde | null;
  /** DLP of this acquisition (113838), mGy·cm. */
  dlpMGyCm?: number | null;
}

export interface RdsrReading {
  events: RdsrIrradiationEvent[];
  /** CT Dose Length Product Total (113813), mGy·cm, when the report states it. */
  totalDlpMGyCm?: number | null;
}

const conceptOf = (item: DicomView): CodedConcept | null => firstCode(item, TAG.ConceptNameCodeSequence);
const is = (item: DicomView, code: string): boolean => conceptOf(item)?.value === code;
const children = (item: DicomView): DicomView[] => item.items(TAG.ContentSequence);

/** NUM content item → value in the given unit family (UCUM), or null. */
function measured(item: DicomView, units: Record<string, number>): number | null {
  const mv = item.items(TAG.MeasuredValueSequence)[0];
  if (!mv) return null;
  const value = numberOf(mv, TAG.NumericValue);
  const unit = firstCode(mv, TAG.MeasurementUnitsCodeSequence)?.value;
  const scale = unit === undefined ? undefined : own(units, unit);
  return value === null || scale === undefined ? null : value * scale;
}

const MGY: Record<string, number> = { mGy: 1, Gy: 1000 };
const CM: Record<string, number> = { mm: 0.1, cm: 1 };
/** UCUM units of a DLP (PS3.16 TID 10013: mGy.cm). */
const MGY_CM: Record<string, number> = { 'mGy.cm': 1, 'Gy.cm': 1000, 'mGy.mm': 0.1 };

/**
 * Content items nest a few levels deep in TID 10011/10013 (acquisition → parameters or dose → values); a report
 * nested deeper is not read past this. (Unbounded, 16,000 nested items — 2.3 MB of DICOM JSON — overflowed the
 * stack, and each level made every item below it slower to reach.)
 */
const MAX_DEPTH = 8;

/**
 * Irradiation events read from one report. A CT exam has a handful (localizers, one or two spirals), a CT-guided
 * procedure a few dozen; past this the report is not one exam's, and reading it (0.2 ms an event) would hold
 * the page's main thread.
 */
const MAX_EVENTS = 200;

/** Depth-first walk below `item`, not entering nested CT Acquisition containers. */
function* descendants(item: DicomView, depth = 0): Generator<DicomView> {
  if (depth > MAX_DEPTH) return;
  for (const child of children(item)) {
    if (is(child, C.ctAcquisition)) continue;
    yield child;
    yield* descendants(child, depth + 1);
  }
}

function* acquisitions(item: DicomView, depth = 0): Generator<DicomView> {
  if (depth > MAX_DEPTH) return;
  for (const child of children(item)) {
    if (is(child, C.ctAcquisition)) yield child;
    else yield* acquisitions(child, depth + 1);
  }
}

function readEvent(acquisition: DicomView): RdsrIrradiationEvent {
  const event: RdsrIrradiationEvent = {
    eventUid: null,
    localizer: false,
    ctdiVolMGy: null,
    phantom: { kind: 'unknown' },
    targetRegion: null,
    protocol: null,
    scannerSsde: null,
    dlpMGyCm: null,
  };
  for (const item of descendants(acquisition)) {
    switch (conceptOf(item)?.value) {
      case C.acquisitionType:
        event.localizer = firstCode(item, TAG.ConceptCodeSequence)?.value === C.constantAngle;
        break;
      case C.eventUid:
        event.eventUid = tagText(item, TAG.UID);
        break;
      case C.targetRegion:
        event.targetRegion = firstCode(item, TAG.ConceptCodeSequence);
        break;
      case C.protocol:
        event.protocol = tagText(item, TAG.TextValue);
        break;
      case C.meanCtdiVol:
        event.ctdiVolMGy ??= measured(item, MGY);
        break;
      case C.dlp:
        event.dlpMGyCm ??= measured(item, MGY_CM);
        break;
      case C.phantomType:
        if (event.phantom.kind === 'unknown') event.phantom = phantomFromCode(firstCode(item, TAG.ConceptCodeSequence));
        break;
      case C.ssde: {
        const mGy = measured(item, MGY);
        if (mGy === null || event.scannerSsde) break;
        let method: CodedConcept | null = null;
        let dwCm: number | null = null;
        for (const sub of descendants(item)) {
          const concept = conceptOf(sub)?.value;
          if (concept === C.measurementMethod) method ??= firstCode(sub, TAG.ConceptCodeSequence);
          if (concept === C.waterEquivalentDiameter) dwCm ??= measured(sub, CM);
        }
        event.scannerSsde = { mGy, method, dwCm };
        break;
      }
    }
  }
  return event;
}

/** Reads a CT dose report; null when the dataset is not one (another SR, or no CT Acquisition in it). */
export function readCtDoseReport(root: DicomView): RdsrReading | null {
  const sopClass = tagText(root, TAG.SOPClassUID);
  if (sopClass !== null && sopClass !== SOP_CLASS_XRAY_DOSE_SR && sopClass !== SOP_CLASS_ENHANCED_XRAY_DOSE_SR) return null;
  if (!is(root, C.report)) return null;
  const events: RdsrIrradiationEvent[] = [];
  for (const acquisition of acquisitions(root)) {
    if (events.length === MAX_EVENTS) break;
    events.push(readEvent(acquisition));
  }
  if (events.length === 0) return null;
  let totalDlpMGyCm: number | null = null;
  for (const item of descendants(root)) {
    if (conceptOf(item)?.value === C.dlpTotal) {
      totalDlpMGyCm = measured(item, MGY_CM);
      break;
    }
  }
  return { events, totalDlpMGyCm };
}

export type EventMatch =
  | { kind: 'matched'; event: RdsrIrradiationEvent; by: 'event-uid' | 'single-event' | 'same-values' }
  | { kind: 'ambiguous' }
  | { kind: 'none' };

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The irradiation event behind an image series: by Irradiation Event UID (0008,3010) when the images carry it;
 * else the only non-localizer event with a CTDIvol; else, when every such event has the same CTDIvol and
 * phantom, any of them. Otherwise ambiguous (the panel then uses the image header's CTDIvol and says why).
 */
export function eventForSeries(reading: RdsrReading, imageEventUids: readonly string[]): EventMatch {
  const withDose = reading.events.filter((e) => !e.localizer && e.ctdiVolMGy !== null);
  if (withDose.length === 0) return { kind: 'none' };
  const byUid = withDose.find((e) => e.eventUid !== null && imageEventUids.includes(e.eventUid));
  if (byUid) return { kind: 'matched', event: byUid, by: 'event-uid' };
  if (withDose.length === 1) return { kind: 'matched', event: withDose[0]!, by: 'single-event' };
  const key = (e: RdsrIrradiationEvent) =>
    `${round(e.ctdiVolMGy ?? -1)}|${e.phantom.kind === 'known' ? e.phantom.cm : e.phantom.kind}`;
  const first = key(withDose[0]!);
  return withDose.every((e) => key(e) === first)
    ? { kind: 'matched', event: withDose[0]!, by: 'same-values' }
    : { kind: 'ambiguous' };
}

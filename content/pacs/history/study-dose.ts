import { ssde, type SsdeCaveat, type SsdeEstimate, type SsdeRefusalReason } from '@/clinical/ssde';
import type { BodyRegion } from '@/content/read/types';
import { bodyPartOf } from '../body-part';
import type { CodedConcept } from '../dicom-data';
import type { PhantomReading } from '../phantom';
import type { RdsrIrradiationEvent, RdsrReading } from '../rdsr';

/**
 * One earlier CT's dose numbers, from what its dose report and one of its images say — never from pixels:
 * CTDIvol (the report's irradiation events first, the image header's CTDIvol (0018,9345) second), DLP (the
 * report's total 113813, else the sum of its events' 113838; the image header has none), and SSDE, each with
 * where it came from. SSDE is computed with clinical/ssde.ts (AAPM 204 / 220 / 293) from a Dw the data states
 * (the report's 113980, else WaterEquivalentDiameter (0018,1271)); else the report's own SSDE (113930) is shown as
 * the scanner's; else, for body CT, the age-based estimate (AAPM 204 Table 3), labelled as an estimate.
 * No effective dose, no risk figure.
 */

/** What one image of the CT series says (null fields when absent). */
export interface HeaderDose {
  ctdiVolMGy: number | null;
  phantom: PhantomReading;
  /** WaterEquivalentDiameter (0018,1271), in cm. */
  dwCm: number | null;
}

export interface StudyDoseInputs {
  /** Dose reports read from the study's SR series (those that are CT dose reports). */
  reports: readonly RdsrReading[];
  header: HeaderDose | null;
  region: BodyRegion | null;
  /** Age at this exam, in years, when birth date and study date are known. */
  ageYears: number | null;
}

export type HistorySsde =
  | {
      kind: 'computed';
      estimate: SsdeEstimate;
      caveats: SsdeCaveat[];
      /** Where the size came from: the dose report's Dw, the image header's Dw, or the age (an estimate). */
      size: 'report-dw' | 'header-dw' | 'age';
    }
  | { kind: 'scanner'; mGy: number; method: CodedConcept | null }
  | { kind: 'refused'; reason: SsdeRefusalReason | 'phantom-unknown' | 'phantom-unsupported' | 'region-unknown' };

export interface StudyDose {
  ctdi: { mGy: number; phantom: PhantomReading; from: 'rdsr' | 'image-header'; events: number } | null;
  dlp: { mGyCm: number; from: 'rdsr-total' | 'rdsr-events' } | null;
  ssde: HistorySsde | null;
}

const doseEvents = (reports: readonly RdsrReading[]): RdsrIrradiationEvent[] =>
  reports.flatMap((r) => r.events).filter((e) => !e.localizer && e.ctdiVolMGy !== null && e.ctdiVolMGy > 0);

/** The exam's CTDIvol: its highest non-localizer acquisition (one number per exam; `events` says how many there were). */
function ctdiOf(events: readonly RdsrIrradiationEvent[], header: HeaderDose | null): StudyDose['ctdi'] {
  if (events.length > 0) {
    const top = events.reduce((a, b) => ((b.ctdiVolMGy ?? 0) > (a.ctdiVolMGy ?? 0) ? b : a));
    return { mGy: top.ctdiVolMGy!, phantom: top.phantom.kind === 'unknown' && header ? header.phantom : top.phantom, from: 'rdsr', events: events.length };
  }
  if (header?.ctdiVolMGy != null && header.ctdiVolMGy > 0) return { mGy: header.ctdiVolMGy, phantom: header.phantom, from: 'image-header', events: 1 };
  return null;
}

function dlpOf(reports: readonly RdsrReading[]): StudyDose['dlp'] {
  const totals = reports.map((r) => r.totalDlpMGyCm).filter((v): v is number => typeof v === 'number' && v >= 0);
  if (totals.length > 0) return { mGyCm: totals.reduce((a, b) => a + b, 0), from: 'rdsr-total' };
  const parts = reports.flatMap((r) => r.events).map((e) => e.dlpMGyCm).filter((v): v is number => typeof v === 'number' && v >= 0);
  return parts.length > 0 ? { mGyCm: parts.reduce((a, b) => a + b, 0), from: 'rdsr-events' } : null;
}


function ssdeOf(ctdi: NonNullable<StudyDose['ctdi']>, events: readonly RdsrIrradiationEvent[], inputs: StudyDoseInputs): HistorySsde | null {
  const { region, header, ageYears } = inputs;
  if (region === null || region === 'other' || region === 'dental') return { kind: 'refused', reason: 'region-unknown' };
  const reportDwCm = events.map((e) => e.scannerSsde?.dwCm ?? null).find((v): v is number => v !== null && v > 0) ?? null;
  const dw: { cm: number; size: 'report-dw' | 'header-dw' } | null =
    reportDwCm !== null ? { cm: reportDwCm, size: 'report-dw' } : header?.dwCm != null && header.dwCm > 0 ? { cm: header.dwCm, size: 'header-dw' } : null;
  const scanner = events.map((e) => e.scannerSsde).find((s) => s !== null && s.mGy > 0) ?? null;
  const size = dw ? { metric: 'dw' as const, dwCm: dw.cm } : ageYears !== null && region !== 'head' ? { metric: 'age' as const, ageYears } : null;
  if (!size) return scanner ? { kind: 'scanner', mGy: scanner.mGy, method: scanner.method } : null;
  if (ctdi.phantom.kind === 'unsupported') return { kind: 'refused', reason: 'phantom-unsupported' };
  if (ctdi.phantom.kind === 'unknown') return scanner ? { kind: 'scanner', mGy: scanner.mGy, method: scanner.method } : { kind: 'refused', reason: 'phantom-unknown' };
  const bodyPart = bodyPartOf(region);
  const result = ssde({
    ctdiVolMGy: ctdi.mGy,
    phantom: ctdi.phantom.cm,
    region: region === 'head' ? 'head' : 'body',
    ...(bodyPart ? { bodyPart } : {}),
    size,
  });
  if (result.status === 'ok') return { kind: 'computed', estimate: result.estimate, caveats: result.caveats, size: dw ? dw.size : 'age' };
  // A measured value from the scanner beats a refused estimate; otherwise say why there is none.
  if (scanner) return { kind: 'scanner', mGy: scanner.mGy, method: scanner.method };
  return { kind: 'refused', reason: result.status === 'refused' ? result.reason : 'phantom-unknown' };
}

/** The dose numbers of one CT study; null when neither a dose report nor the image header gives a CTDIvol or DLP. */
export function studyDose(inputs: StudyDoseInputs): StudyDose | null {
  const events = doseEvents(inputs.reports);
  const ctdi = ctdiOf(events, inputs.header);
  const dlp = dlpOf(inputs.reports);
  if (!ctdi && !dlp) return null;
  return { ctdi, dlp, ssde: ctdi ? ssdeOf(ctdi, events, inputs) : null };
}

/**
 * A child's imaging history for "This child on this PACS" (e2e, bench, demo): studies of one patient on
 * dates counted back from a given day, made with the PACS route's generators (tests/helpers/pacs-study.ts:
 * CT images and a CT Radiation Dose SR) plus a minimal fluoroscopy or ultrasound image.
 *
 * The four-study child (`childHistory`): born 2022-11-01 (4 years old in 2026);
 * - CT abdomen/pelvis 10 days before `today` (the study the page shows), dose report CTDIvol 5.0 mGy (32 cm),
 *   Dw 16.0 cm stated in the report (113980, under the scanner's SSDE 113930) → SSDE = f32(16) × 5.0 = 10.29 mGy; DLP 7.5 mGy·cm (3 slices × 0.5 × 5.0);
 * - CT abdomen/pelvis 25 days before, CTDIvol 4.0 mGy, Dw 14.0 cm → SSDE = f32(14) × 4.0 = 8.86 mGy; DLP 6.0 mGy·cm;
 *   15 days before the first: the 30-day note;
 * - a fluoroscopy study (voiding cystourethrogram) 100 days before; an abdominal ultrasound 400 days before.
 * f32(D) = 3.704369 · e^(−0.03671937 · D), the AAPM 204 fit for the 32 cm phantom (docs/reference/ssde.md §1.1).
 */
import { uidFrom } from '../e2e/harness/dicom';
import { BODY_PHANTOM, childStudyOptions, EXPLICIT_LE, makeCtStudy, writePart10, type StudyFiles } from './pacs-study';

export const RF_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.12.2'; // X-Ray Radiofluoroscopic Image Storage
export const US_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.6.1'; // Ultrasound Image Storage

/** AAPM 204 fit for the 32 cm phantom (docs/reference/ssde.md §1.1). */
export const f32 = (dwCm: number) => 3.704369 * Math.exp(-0.03671937 * dwCm);

/** `YYYYMMDD` `days` before `today` (`YYYY-MM-DD`), in UTC. */
export function daBefore(today: string, days: number): string {
  const t = new Date(`${today}T00:00:00Z`).getTime() - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10).replaceAll('-', '');
}
export const isoOf = (da: string) => `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}`;

export interface Patient {
  patientName: string;
  patientId: string;
  birthDate: string;
  sex: 'M' | 'F';
}

/** One image of a non-CT study (fluoroscopy, ultrasound, radiography): 32×32, 8 bits. */
export function makeOtherStudy(o: Patient & { seed: string; modality: 'RF' | 'US' | 'DX'; studyDate: string; description: string; bodyPart: string }): StudyFiles {
  const u = (label: string) => uidFrom(`${o.seed}/${label}`);
  const sopClass = o.modality === 'US' ? US_IMAGE_STORAGE : o.modality === 'RF' ? RF_IMAGE_STORAGE : '1.2.840.10008.5.1.4.1.1.1.1';
  const bytes = writePart10(
    {
      SpecificCharacterSet: 'ISO_IR 100',
      SOPClassUID: sopClass,
      SOPInstanceUID: u('sop'),
      StudyDate: o.studyDate,
      StudyTime: '090000',
      AccessionNumber: `ACC-${o.seed}`.slice(0, 16),
      Modality: o.modality,
      InstitutionName: 'Synthetic Childrens Hospital',
      StudyDescription: o.description,
      SeriesDescription: o.description,
      BodyPartExamined: o.bodyPart,
      PatientName: o.patientName,
      PatientID: o.patientId,
      PatientBirthDate: o.birthDate,
      PatientSex: o.sex,
      StudyInstanceUID: u('study'),
      SeriesInstanceUID: u('series'),
      StudyID: '1',
      SeriesNumber: 1,
      InstanceNumber: 1,
      SamplesPerPixel: 1,
      PhotometricInterpretation: 'MONOCHROME2',
      Rows: 32,
      Columns: 32,
      BitsAllocated: 8,
      BitsStored: 8,
      HighBit: 7,
      PixelRepresentation: 0,
      PixelData: [new Uint8Array(32 * 32).fill(60).buffer],
      _vrMap: { PixelData: 'OB' },
    },
    EXPLICIT_LE,
  );
  return { studyUid: u('study'), axialSeriesUid: u('series'), axialSops: [u('sop')], srSeriesUid: null, files: [{ name: 'image.dcm', bytes }] };
}

export const HISTORY_CHILD: Patient = { patientName: 'TEST^HISTORY^FOUR', patientId: 'PEDSHIST4', birthDate: '20221101', sex: 'F' };

/** A CT study of the history (small images: its pixels are not what the history reads). */
export function historyCt(p: Patient, seed: string, studyDate: string, ctdiVolMGy: number, dwCm: number, over: { slices?: number; size?: number; description?: string } = {}): StudyFiles {
  return makeCtStudy(
    childStudyOptions({
      seed,
      patientName: p.patientName,
      patientId: p.patientId,
      birthDate: p.birthDate,
      sex: p.sex,
      age: null,
      studyDate,
      studyDescription: over.description ?? 'CT ABDOMEN PELVIS W CONTRAST PEDS',
      slices: over.slices ?? 3,
      size: over.size ?? 128,
      ctdiVolMGy,
      // The scanner's own SSDE item (113930) carries the Dw it was inferred from (113980).
      rdsr: { ctdiVolMGy, phantom: BODY_PHANTOM, scannerSsdeMGy: Math.round(f32(dwCm) * ctdiVolMGy * 10) / 10, scannerDwMm: dwCm * 10 },
      extras: false,
    }),
  );
}

export interface ChildHistory {
  current: StudyFiles;
  earlierCt: StudyFiles;
  fluoro: StudyFiles;
  ultrasound: StudyFiles;
  /** The expected rows, most recent first. */
  expected: { date: string; modality: string; description: string; ssde: number | null; ctdi: number | null; dlp: number | null }[];
}

export function childHistory(today: string, p: Patient = HISTORY_CHILD): ChildHistory {
  const d = { current: daBefore(today, 10), earlier: daBefore(today, 25), fluoro: daBefore(today, 100), us: daBefore(today, 400) };
  const current = historyCt(p, `${p.patientId}-ct1`, d.current, 5.0, 16, { size: 512 });
  const earlierCt = historyCt(p, `${p.patientId}-ct2`, d.earlier, 4.0, 14, { description: 'CT ABDOMEN PELVIS PEDS' });
  const fluoro = makeOtherStudy({ ...p, seed: `${p.patientId}-rf`, modality: 'RF', studyDate: d.fluoro, description: 'VOIDING CYSTOURETHROGRAM', bodyPart: 'PELVIS' });
  const ultrasound = makeOtherStudy({ ...p, seed: `${p.patientId}-us`, modality: 'US', studyDate: d.us, description: 'US ABDOMEN', bodyPart: 'ABDOMEN' });
  return {
    current,
    earlierCt,
    fluoro,
    ultrasound,
    expected: [
      { date: isoOf(d.current), modality: 'CT', description: 'CT ABDOMEN PELVIS W CONTRAST PEDS', ctdi: 5.0, dlp: 5.0 * 3 * 0.5, ssde: f32(16) * 5.0 },
      { date: isoOf(d.earlier), modality: 'CT', description: 'CT ABDOMEN PELVIS PEDS', ctdi: 4.0, dlp: 4.0 * 3 * 0.5, ssde: f32(14) * 4.0 },
      { date: isoOf(d.fluoro), modality: 'Fluoroscopy', description: 'VOIDING CYSTOURETHROGRAM', ctdi: null, dlp: null, ssde: null },
      { date: isoOf(d.us), modality: 'US', description: 'US ABDOMEN', ctdi: null, dlp: null, ssde: null },
    ],
  };
}

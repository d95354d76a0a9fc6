import { CAMPAIGN_OF_MODALITY, MODALITY_CODES, parseModalityCodes, regionOf } from '@/content/read/parse/procedure';
import type { BodyRegion, ModalityCode } from '@/content/read/types';

/**
 * A child's studies on one PACS, as plain data: which are listed, how many ionizing exams of each modality,
 * and whether an exam of the same modality and region was done shortly before this one. Pure: no request,
 * no clock (the caller passes today), no browser API.
 */

/** Studies listed at most (most recent first); the rest are counted, not listed. */
export const MAX_LISTED = 200;
/** Dose reads at most: the most recent CT studies. */
export const MAX_DOSE_READS = 20;
/** "Previous 30 days": an earlier exam of the same modality and region up to this many days before. */
export const REPEAT_WINDOW_DAYS = 30;

/** One study as a PACS API lists it (Orthanc's MainDicomTags, a QIDO-RS study), before interpretation. */
export interface ListedStudy {
  /** Orthanc study id or StudyInstanceUID. */
  key: string;
  /** StudyDate (0008,0020), DICOM DA `YYYYMMDD`. */
  studyDate: string | null;
  /** Modality codes of its series, or ModalitiesInStudy (0008,0061). */
  modalities: readonly string[];
  description: string | null;
  /** InstitutionName (0008,0080). */
  facility: string | null;
  /** BodyPartExamined (0018,0015) of its series, when known. */
  bodyParts: readonly string[];
}

export interface HistoryStudy {
  key: string;
  /** `YYYY-MM-DD`, or null when the API gave no valid date. */
  date: string | null;
  /** Image modalities the product knows, in `MODALITY_CODES` order (SR, KO, PR, OT … dropped). */
  modalities: ModalityCode[];
  description: string | null;
  facility: string | null;
  region: BodyRegion | null;
  /** The study the page shows. */
  current: boolean;
}

const DA = /^(\d{4})(\d{2})(\d{2})$/;

/** DICOM DA → `YYYY-MM-DD`; null unless it is a real calendar date. */
export function isoDay(da: string | null | undefined): string | null {
  const m = DA.exec(da?.trim() ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Whole days from `a` to `b` (both `YYYY-MM-DD`). */
export const daysBetween = (a: string, b: string) => dayNumber(b) - dayNumber(a);

export function isIonizing(m: ModalityCode): boolean {
  return CAMPAIGN_OF_MODALITY[m] !== null;
}

export function toHistoryStudy(s: ListedStudy, currentKey: string): HistoryStudy {
  const codes = new Set(parseModalityCodes(s.modalities.join('\\')));
  const text = [s.description ?? '', ...s.bodyParts].join(' ').toUpperCase();
  return {
    key: s.key,
    date: isoDay(s.studyDate),
    modalities: MODALITY_CODES.filter((m) => codes.has(m)),
    description: s.description?.trim() || null,
    facility: s.facility?.trim() || null,
    region: text.trim() ? regionOf(text) : null,
    current: s.key === currentKey,
  };
}

/** Most recent first; undated studies last, in the API's order. */
export function byDateDesc(a: HistoryStudy, b: HistoryStudy): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? 1 : -1;
}

export interface StudyList {
  /** At most `MAX_LISTED`, most recent first (the current study is always among them). */
  listed: HistoryStudy[];
  /** How many were left out of the list. */
  omitted: number;
  /** Every study, for the counts. */
  all: HistoryStudy[];
}

export function listStudies(listed: readonly ListedStudy[], currentKey: string, max = MAX_LISTED): StudyList {
  const seen = new Set<string>();
  const all: HistoryStudy[] = [];
  for (const s of listed) {
    if (seen.has(s.key)) continue;
    seen.add(s.key);
    all.push(toHistoryStudy(s, currentKey));
  }
  all.sort(byDateDesc);
  let shown = all.slice(0, max);
  const current = all.find((s) => s.current);
  if (current && !shown.includes(current)) shown = [...shown.slice(0, max - 1), current].sort(byDateDesc);
  return { listed: shown, omitted: all.length - shown.length, all };
}

export interface ModalityCount {
  modality: ModalityCode;
  /** Dated within the 12 months up to and including today. */
  last12Months: number;
  all: number;
}

/** `YYYY-MM-DD` one year before `today` (29 February → 28 February). */
export function oneYearBefore(today: string): string {
  const y = Number(today.slice(0, 4)) - 1;
  const md = today.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/**
 * Ionizing exams by modality: a study counts once under each ionizing modality it has (a PET/CT is one PT and
 * one CT exam). "Last 12 months": dated after the same day a year before `today`, and not after today. An
 * undated study counts in "all" only. Modalities with no exam are left out; MR and US are never counted.
 */
export function ionizingCounts(studies: readonly HistoryStudy[], today: string): ModalityCount[] {
  const from = oneYearBefore(today);
  const counts = new Map<ModalityCode, ModalityCount>();
  for (const s of studies) {
    const recent = s.date !== null && s.date > from && s.date <= today;
    for (const m of s.modalities) {
      if (!isIonizing(m)) continue;
      const c = counts.get(m) ?? { modality: m, last12Months: 0, all: 0 };
      c.all++;
      if (recent) c.last12Months++;
      counts.set(m, c);
    }
  }
  return MODALITY_CODES.flatMap((m) => (counts.has(m) ? [counts.get(m)!] : []));
}

export interface RecentRepeat {
  modality: ModalityCode;
  region: BodyRegion;
  /** The earlier study's date. */
  date: string;
  /** Days between it and the current study (0 = the same day). */
  daysBefore: number;
}

/**
 * The most recent other study, of an ionizing modality and body region the current study also has, dated 0 to 30
 * days before it. Null when the current study has no date or no known region ("other" is not a region to
 * compare), or when nothing matches.
 */
export function recentRepeat(studies: readonly HistoryStudy[]): RecentRepeat | null {
  const current = studies.find((s) => s.current);
  if (!current?.date || !current.region || current.region === 'other') return null;
  const modalities = current.modalities.filter(isIonizing);
  let best: RecentRepeat | null = null;
  for (const s of studies) {
    if (s.current || s.date === null || s.region !== current.region) continue;
    const days = daysBetween(s.date, current.date);
    if (days < 0 || days > REPEAT_WINDOW_DAYS) continue;
    const modality = modalities.find((m) => s.modalities.includes(m));
    if (!modality) continue;
    if (!best || days < best.daysBefore) best = { modality, region: current.region, date: s.date, daysBefore: days };
  }
  return best;
}

/** The studies whose dose is read: CT studies, most recent first, at most `max`. */
export function doseReadOrder(studies: readonly HistoryStudy[], max = MAX_DOSE_READS): HistoryStudy[] {
  return studies
    .filter((s) => s.modalities.includes('CT'))
    .sort(byDateDesc)
    .slice(0, max);
}

/** Age in years at `date` for a birth date (both `YYYY-MM-DD`); null when either is missing or the birth is later. */
export function ageYearsAt(birth: string | null, date: string | null): number | null {
  if (!birth || !date) return null;
  const days = daysBetween(birth, date);
  return days < 0 ? null : days / 365.25;
}

/**
 * Calendar dates as web PACS, viewers and EHR screens print them, and calendar arithmetic in UTC.
 *
 * Formats (evidence: ../shared/reference/peers-and-web-pacs.md §B9, toolchain.md §4.5, ohif.md §5–6):
 * - DICOM DA `YYYYMMDD` and the ACR-NEMA `YYYY.MM.DD` (PS3.5 §6.2; OHIF parses both), ISO `YYYY-MM-DD`, `YYYY/MM/DD`.
 * - Month names, English or Spanish, full or 3-letter: `Saturday, August 15, 2020` (Orthanc Explorer, Datejs
 *   'dddd, MMMM d, yyyy'), `Nov-20-2026` (OHIF 3.11 list, MMM-DD-YYYY), `Nov 21, 2026` (OHIF 3.11 overlay),
 *   `20-Nov-2026` (OHIF 3.13, DD-MMM-YYYY), `15 de agosto de 2020`.
 * - Numeric `M/D/YYYY` or `D/M/YYYY` (also with `-` or `.`): resolved only when one part is over 12, the two parts
 *   are equal, or the caller passes the order (site profile or per-site setting). Otherwise `ambiguous` — never guessed.
 * Two-digit years are not accepted (a birth year `20` is not knowable).
 */
import type { DateOrder } from '../types';

/** A calendar date; `m` is 1–12. */
export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

export type DateParse =
  | { ok: true; date: CalendarDate; iso: string }
  | { ok: false; reason: 'ambiguous' | 'invalid' | 'unrecognised' };

/** Accepted year range: anything outside is a misread number, not a date. */
const MIN_YEAR = 1880;
const MAX_YEAR = 2200;

/** First three letters of English and Spanish month names → month number. */
const MONTHS: Record<string, number> = {
  jan: 1, ene: 1, feb: 2, mar: 3, apr: 4, abr: 4, may: 5, jun: 6, jul: 7,
  aug: 8, ago: 8, sep: 9, set: 9, oct: 10, nov: 11, dec: 12, dic: 12,
};
const MONTH_NAME =
  '(jan(?:uary)?|ene(?:ro)?|feb(?:ruary|rero)?|mar(?:ch|zo)?|apr(?:il)?|abr(?:il)?|may(?:o)?|jun(?:e|io)?|jul(?:y|io)?|aug(?:ust)?|ago(?:sto)?|sept?(?:ember|iembre)?|set(?:iembre)?|oct(?:ober|ubre)?|nov(?:ember|iembre)?|dec(?:ember)?|dic(?:iembre)?)\\.?';

// Each pattern is searched anywhere in the text; the earliest match wins.
const RE_YMD = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/; // ISO, YYYY/MM/DD, DA YYYY.MM.DD
const RE_DA = /(?<![\d.])(\d{4})(\d{2})(\d{2})(?![\d.])/; // DICOM DA
const RE_NAME_MDY = new RegExp(`\\b${MONTH_NAME}[\\s-]+(\\d{1,2})(?:st|nd|rd|th)?,?[\\s-]+(\\d{4})(?!\\d)`, 'i');
const RE_NAME_DMY = new RegExp(
  `(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+(?:de\\s+)?${MONTH_NAME}[\\s,-]+(?:de\\s+)?(\\d{4})(?!\\d)`,
  'i',
);
const RE_NUMERIC = /(?<![\d.])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function make(y: number, m: number, d: number): DateParse {
  if (!(y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) {
    return { ok: false, reason: 'invalid' };
  }
  return { ok: true, date: { y, m, d }, iso: toIso({ y, m, d }) };
}

export function toIso(c: CalendarDate): string {
  return `${String(c.y).padStart(4, '0')}-${String(c.m).padStart(2, '0')}-${String(c.d).padStart(2, '0')}`;
}

/**
 * Finds the first date in `text`. `order` resolves numeric dates that are valid both ways.
 * @example parseDate('Saturday, August 15, 2020') //=> { ok: true, iso: '2020-08-15', … }
 * @example parseDate('03/04/2020') //=> { ok: false, reason: 'ambiguous' }
 */
export function parseDate(text: string, order?: DateOrder | null): DateParse {
  if (!text) return { ok: false, reason: 'unrecognised' };
  let best: { index: number; run: () => DateParse } | null = null;
  const consider = (m: RegExpExecArray | null, run: (m: RegExpExecArray) => DateParse) => {
    if (m && (!best || m.index < best.index)) best = { index: m.index, run: () => run(m) };
  };
  consider(RE_YMD.exec(text), (m) => make(+m[1]!, +m[3]!, +m[4]!));
  consider(RE_DA.exec(text), (m) => make(+m[1]!, +m[2]!, +m[3]!));
  consider(RE_NAME_MDY.exec(text), (m) => make(+m[3]!, monthOf(m[1]!), +m[2]!));
  consider(RE_NAME_DMY.exec(text), (m) => make(+m[3]!, monthOf(m[2]!), +m[1]!));
  consider(RE_NUMERIC.exec(text), (m) => numeric(+m[1]!, +m[3]!, +m[4]!, order ?? null));
  return best ? (best as { run: () => DateParse }).run() : { ok: false, reason: 'unrecognised' };
}

function monthOf(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? 0;
}

/** `a/b/yyyy`: which of a and b is the month. */
function numeric(a: number, b: number, y: number, order: DateOrder | null): DateParse {
  if (a === b) return make(y, a, b);
  if (a > 12 && b <= 12) return make(y, b, a); // must be D/M
  if (b > 12 && a <= 12) return make(y, a, b); // must be M/D
  if (a > 12 && b > 12) return { ok: false, reason: 'invalid' };
  if (!order) return { ok: false, reason: 'ambiguous' };
  return order === 'MDY' ? make(y, a, b) : make(y, b, a);
}

// ----- arithmetic (UTC calendar days) -----

const DAY_MS = 86_400_000;

export function dayNumber(c: CalendarDate): number {
  return Date.UTC(c.y, c.m - 1, c.d) / DAY_MS;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * Completed months from `a` to `b` (the age in months a calendar shows). A month is completed on the same day
 * number of a later month; someone born on the 31st completes a month on the last day of a shorter month.
 */
export function fullMonthsBetween(a: CalendarDate, b: CalendarDate): number {
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  const anniversaryDay = Math.min(a.d, daysInMonth(b.y, b.m));
  if (b.d < anniversaryDay) months -= 1;
  return months;
}

/** The UTC calendar date of an instant. */
export function utcDate(now: Date): CalendarDate {
  return { y: now.getUTCFullYear(), m: now.getUTCMonth() + 1, d: now.getUTCDate() };
}

/**
 * Calendar dates as web PACS, viewers and EHR screens print them, and calendar arithmetic in UTC.
 *
 * Formats (docs/reference/page-formats.md §1–2):
 * - DICOM DA `YYYYMMDD` and the ACR-NEMA `YYYY.MM.DD` (PS3.5 §6.2; OHIF parses both), ISO `YYYY-MM-DD`, `YYYY/MM/DD`.
 * - Month names, English or Spanish, full or 3-letter, and French, Italian, Portuguese and Dutch ones, full or as their
 *   usual abbreviations (`12 déc. 2026`, `3 gennaio 2019`, `5 de março de 2018`, `14 mei 2020`): `Saturday, August 15, 2020` (Orthanc Explorer, Datejs
 *   'dddd, MMMM d, yyyy'), `Nov-20-2026` (OHIF 3.11 list, MMM-DD-YYYY), `Nov 21, 2026` (OHIF 3.11 overlay),
 *   `20-Nov-2026` (OHIF 3.13, DD-MMM-YYYY), `15 de agosto de 2020`, `NOV 20, 2026@10:14` and `Mar 14,2016` (VistA/CPRS,
 *   no space after the comma).
 * - Numeric `M/D/YYYY` or `D/M/YYYY` (also with `-` or `.`): resolved only when one part is over 12, the two parts
 *   are equal, or the caller passes the order (site profile or per-site setting). Otherwise `ambiguous` — never guessed.
 * - With `today` given: a weekday, a month's name and a day with no year (`Thu, Dec 17`, `Thursday, December 17`,
 *   `jueves 17 de diciembre`, as a portal's appointment card writes them): the day within half a year of today that
 *   falls on that weekday; not a date when none does (nor, under a birth date's label, at all).
 * - A month's name and a day with no weekday and no year (`Schedule for Dec 9`, `9 dic`, `9 de diciembre`) only under
 *   a reference date's label (`labelled`): the year that puts the day nearest today, within half a year.
 * Two-digit years in the European dotted form `DD.MM.YY` (dental and imaging software, European EHRs) with `today`
 * given: the year is of this century up to a year after today, else of the last (`14.02.14` → 2014, `03.05.52` →
 * 1952). A slashed or dashed two-digit year (`DOB: 06/01/25`, `3/14/19`, `04-05-18`: Meditech-, VistA- and legacy
 * RIS-like screens) only when the caller says a date label stands before it (`labelled`; unlabelled, `3/4/20` may be
 * a fraction or a dose): a birth date's century puts it no later than today (and within 120 years), a reference
 * date's as for dots.
 */
import type { DateOrder } from '../types';

/** A calendar date; `m` is 1–12. */
export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

export type DateParse =
  | { ok: true; date: ReadDate; iso: string; guess?: DateGuess }
  | { ok: false; reason: 'ambiguous' | 'invalid' | 'unrecognised' };

/** A date read, with what of it its label made. */
export interface ReadDate extends CalendarDate {
  readonly guess?: DateGuess;
}

/** What of a date its label alone makes: the century of a two-digit year, the year of a day written without one. */
export type DateGuess = 'century' | 'year';

/**
 * The label a date is written under, for the forms only a label makes dates of (a slashed two-digit year, a day with no
 * year): `birth` (a birth date: its century puts it no later than today; a day with no year is none), `reference` (an
 * exam, a booking, an order, a visit), or `any` (a reader that finds the role after the date: read as a reference's,
 * the match marked with its `guess`).
 */
export type DateLabel = 'birth' | 'reference' | 'any';

/** Accepted year range: anything outside is a misread number, not a date. */
const MIN_YEAR = 1880;
const MAX_YEAR = 2200;

/**
 * First three letters of month names (accents folded) → month number: English and Spanish, then French, Italian,
 * Portuguese and Dutch (`juin` and `juil` by four: they share `jui`).
 */
const MONTHS: Record<string, number> = {
  jan: 1, ene: 1, feb: 2, mar: 3, apr: 4, abr: 4, may: 5, jun: 6, jul: 7,
  aug: 8, ago: 8, sep: 9, set: 9, oct: 10, nov: 11, dec: 12, dic: 12,
  fev: 2, avr: 4, mai: 5, juin: 6, juil: 7, aou: 8, gen: 1, mag: 5, giu: 6, lug: 7, ott: 10, out: 10, dez: 12,
  maa: 3, mrt: 3, mei: 5, okt: 10,
};
/**
 * French, Italian, Portuguese and Dutch month names and their usual abbreviations, whole: a word that only begins like
 * one is none (`general`, `main`, `outpatient`).
 */
const EUROPEAN_MONTHS =
  'janvier|f[eé]vrier|f[eé]vr?|avril|avr|juin|juillet|juil|ao[uû]t|d[eé]cembre|d[eé]c|gennaio|gen|febbraio|aprile|maggio|mag|giugno|giu|luglio|lug|settembre|sett|ottobre|ott|dicembre|janeiro|fevereiro|fev|mar[cç]o|maio|mai|junho|julho|setembro|outubro|out|novembro|dezembro|dez|januari|februari|maart|mrt|mei|juni|juli|augustus|oktober|okt';
/**
 * A month word: English or Spanish name or its 3-letter start (`Aug`, `August`, `agosto`, `Sept.`), or a French, Italian,
 * Portuguese or Dutch one (`déc.`, `gennaio`, `março`, `mei`).
 */
const MONTH_NAME = `((?:jan|ene|feb|mar|apr|abr|may|jun|jul|aug|ago|sep|set|oct|nov|dec|dic)[a-z]*|(?:${EUROPEAN_MONTHS})(?![\\p{L}]))\\.?`;
// Each pattern is searched anywhere in the text; the earliest match wins.
// A date ends where no digit follows, or where a time follows with no space (`Nov-20-202610:15 AM`: a cell's date and
// time spans read as one text).
const RE_YMD = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d(?!\d?:\d\d))/; // ISO, YYYY/MM/DD, DA YYYY.MM.DD
const RE_DA = /(?<![\d.])(\d{4})(\d{2})(\d{2})(?![\d.])/; // DICOM DA
/** A dash as screens print one between a date's parts: hyphen, non-breaking hyphen, figure/en/em dash, minus. */
const DASH = '[-\u2010-\u2015\u2212]';
/**
 * Between a date's parts: a dash, slash or dot with or without spaces around it (`14 — Mar — 2018`, `14 / Mar / 2018`,
 * `14.Mar.2018`), or spaces.
 */
const PART_SEP = `(?:\\s*(?:${DASH}|[/.])\\s*|\\s+)`;
/** …and before a year, a comma too (`Mar 14, 2018`, `Mar 14,2016`, `14 March, 2018`). */
const YEAR_SEP = `(?:\\s*(?:${DASH}|[/.,])\\s*|\\s+)`;
const DATE_END = '(?!\\d(?!\\d?:\\d\\d))';
const RE_NAME_MDY = new RegExp(`(?<![\\p{L}\\d_])${MONTH_NAME}${PART_SEP}(\\d{1,2})(?:st|nd|rd|th)?${YEAR_SEP}(\\d{4})${DATE_END}`, 'iu');
// Day, month, year: `20-Nov-2026`, `14 — Mar — 2018`, `14MAR2018` (military style, no separators), `14th of March 2018`,
// `15 de agosto de 2020`, `14 de marzo del 2018`.
const RE_NAME_DMY = new RegExp(
  `(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er)?(?:${PART_SEP}(?:(?:of|de)\\s+)?)?${MONTH_NAME}(?:${YEAR_SEP}(?:del?\\s+)?)?(\\d{4})${DATE_END}`,
  'iu',
);
// Year, month, day with the month's name: `2018-Mar-14`, `2018 MAR 14`, `2018/mar/14`. The year is a plausible one and
// no year follows the day: a record number before a date (`000-00-4410 Mar 14,2016`) is not its year.
const RE_NAME_YMD = new RegExp(`(?<![\\d.])(1[89]\\d\\d|2[01]\\d\\d)${PART_SEP}${MONTH_NAME}${PART_SEP}(\\d{1,2})(?!\\d|\\s*[,.]?\\s*\\d{4})`, 'iu');
const RE_NUMERIC = /(?<![\d.])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d(?!\d?:\d\d))/;
// European short form `DD.MM.YY` (dots only: `3/4/20` is a fraction or a dose as often as a date); not a part of a
// version, an address or an OID (`v2.10.26`, `Version 3.14.15`, `192.168.10.26`, `1.2.840…`).
const RE_NUMERIC_SHORT = /(?<![\w.])(?<!\b(?:version|vers|ver|rev|release|build|v)\.?\s*)(\d{1,2})\.(\d{1,2})\.(\d{2})(?!\d|\.\d)/i;
const FOUR_DIGITS = /\d{4}/;
const PART_MARK = /[-/.]/;
const ASCII_LETTER = /[a-z]/i;
/** A two-digit year is of this century up to a year after today (a date booked ahead), else of the last one. */
const SHORT_YEAR_AHEAD = 1;
// A slashed or dashed two-digit year `M/D/YY`, `DD-MM-YY`, read under a date label only: not a part of a longer run of
// numbers (`1/2/250`, `12/07/26/01`, `2.5/3/20`).
const RE_SLASHED_SHORT = /(?<![\d./-])(\d{1,2})([/-])(\d{1,2})\2(\d{2})(?![\d/]|[-.]\d)/;
/** Oldest a birth date with a two-digit year is read as: past it, no century fits. */
const SHORT_BIRTH_YEARS = 120;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (MONTH_DAYS[m - 1] ?? 0);
}

/** A parsed date that is its own CalendarDate; `iso` on demand (list pages parse thousands and rarely need it). */
class Parsed implements ReadDate {
  readonly ok = true as const;
  constructor(
    readonly y: number,
    readonly m: number,
    readonly d: number,
    readonly guess?: DateGuess,
  ) {}
  get date(): ReadDate {
    return this;
  }
  get iso(): string {
    return toIso(this);
  }
}

const INVALID: DateParse = { ok: false, reason: 'invalid' };
const AMBIGUOUS: DateParse = { ok: false, reason: 'ambiguous' };
const UNRECOGNISED: DateParse = { ok: false, reason: 'unrecognised' };

function make(y: number, m: number, d: number): DateParse {
  return isDate(y, m, d) ? new Parsed(y, m, d) : INVALID;
}

/** A calendar day in the accepted years. */
function isDate(y: number, m: number, d: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function toIso(c: CalendarDate): string {
  return `${String(c.y).padStart(4, '0')}-${String(c.m).padStart(2, '0')}-${String(c.d).padStart(2, '0')}`;
}

/**
 * Finds the first date in `text`. `order` resolves numeric dates that are valid both ways; `today` reads a weekday
 * date written without its year, and with `labelled` (the date's label) a slashed two-digit year.
 * @example parseDate('Saturday, August 15, 2020') //=> { ok: true, iso: '2020-08-15', … }
 * @example parseDate('03/04/2020') //=> { ok: false, reason: 'ambiguous' }
 * @example parseDate('3/14/19', null, today, 'birth') //=> { ok: true, iso: '2019-03-14', guess: 'century' }
 */
export function parseDate(text: string, order?: DateOrder | null, today?: CalendarDate, labelled?: DateLabel): DateParse {
  if (!text) return UNRECOGNISED;
  // Fast path: a bare DICOM DA (worklists print thousands of them).
  if (isBareDa(text)) return make(digits(text, 0, 4), digits(text, 4, 6), digits(text, 6, 8));
  return findDate(text, order, 0, today, labelled)?.result ?? UNRECOGNISED;
}

/** A bare DICOM DA, `YYYYMMDD` and nothing else: `parseDate` reads it whatever the order, today or label. */
export function isBareDa(text: string): boolean {
  return text.length === 8 && isDigits(text);
}

/**
 * `parseDate` of a bare DA (`isBareDa`) written into `into` instead of a new date (a list's rows reuse one): false when
 * it is no valid date (`into` unchanged).
 */
export function readBareDa(text: string, into: { y: number; m: number; d: number }): boolean {
  const y = digits(text, 0, 4);
  const m = digits(text, 4, 6);
  const d = digits(text, 6, 8);
  if (!isDate(y, m, d)) return false;
  into.y = y;
  into.m = m;
  into.d = d;
  return true;
}

/** A date found in a text: where it is written and what it says. */
export interface DateMatch {
  index: number;
  length: number;
  result: DateParse;
  /** For numeric `a/b/yyyy` dates: the two leading numbers and the year (to infer the page's day/month order). */
  numeric?: readonly [number, number, number];
  /** A form only a date label makes a date of (see `DateLabel`): read it only under one. */
  guess?: DateGuess;
}

/**
 * The first date written in `text` at or after `from` (the earliest match wins: a label may precede the date, a
 * time may follow it), or null. `labelled`: see `DateLabel`.
 */
export function findDate(text: string, order?: DateOrder | null, from = 0, today?: CalendarDate, labelled?: DateLabel): DateMatch | null {
  const s = from > 0 ? text.slice(from) : text;
  // A first look at what each form needs, before the form itself: every form but the short dotted one and the yearless
  // one writes a year of four digits; the numeric ones a dash, slash or dot between their parts; the named ones a
  // month's name (ASCII letters); the short one two dots.
  const year = FOUR_DIGITS.test(s);
  const parted = year && PART_MARK.test(s);
  const named = year && ASCII_LETTER.test(s);
  const ymd = parted ? RE_YMD.exec(s) : null;
  const da = year ? RE_DA.exec(s) : null;
  const nameMdy = named ? RE_NAME_MDY.exec(s) : null;
  const nameDmy = named ? RE_NAME_DMY.exec(s) : null;
  const nameYmd = named ? RE_NAME_YMD.exec(s) : null;
  const num = parted ? RE_NUMERIC.exec(s) : null;
  const short = today && s.includes('.') ? RE_NUMERIC_SHORT.exec(s) : null;
  const yearless = today && labelled !== 'birth' ? yearlessDate(s, today) : null;
  if (yearless && (!nameMdy || yearless.index < nameMdy.index) && (!nameDmy || yearless.index < nameDmy.index)) {
    const others = [ymd, da, num, short, nameYmd].filter((m) => m && m.index <= yearless.index + yearless.length);
    if (others.length === 0) return { index: from + yearless.index, length: yearless.length, result: yearless.result };
  }
  let best = -1;
  let at = Infinity;
  const candidates = [ymd, da, nameMdy, nameDmy, num, short, nameYmd];
  for (let i = 0; i < candidates.length; i++) {
    const m = candidates[i];
    if (m && m.index < at) {
      at = m.index;
      best = i;
    }
  }
  // A slashed two-digit year or a day with no year, under a label, before any other date and apart from it (a text that
  // starts with a date has no other).
  if (today && labelled && at > 0) {
    const slashed = PART_MARK.test(s) ? RE_SLASHED_SHORT.exec(s) : null;
    const day = labelled !== 'birth' && ASCII_LETTER.test(s) ? nearestDay(s, today) : null;
    if (slashed && slashed.index < at && (!day || slashed.index <= day.index)) {
      return { index: from + slashed.index, length: slashed[0].length, ...slashedShort(slashed, order ?? null, today, labelled) };
    }
    if (day && day.index + day.length <= at) return { ...day, index: from + day.index };
  }
  if (best < 0) return null;
  const m = candidates[best]!;
  const where = { index: from + m.index, length: m[0].length };
  switch (best) {
    case 0:
      return { ...where, result: make(+m[1]!, +m[3]!, +m[4]!) };
    case 1:
      return { ...where, result: make(+m[1]!, +m[2]!, +m[3]!) };
    case 2:
      return { ...where, result: make(+m[3]!, monthOf(m[1]!), +m[2]!) };
    case 3:
      return { ...where, result: make(+m[3]!, monthOf(m[2]!), +m[1]!) };
    case 6:
      return { ...where, result: make(+m[1]!, monthOf(m[2]!), +m[3]!) };
    case 4:
      return { ...where, result: numeric(+m[1]!, +m[3]!, +m[4]!, order ?? null), numeric: [+m[1]!, +m[3]!, +m[4]!] };
    default: {
      const y = 2000 + +m[3]! > today!.y + SHORT_YEAR_AHEAD ? 1900 + +m[3]! : 2000 + +m[3]!;
      return { ...where, result: numeric(+m[1]!, +m[2]!, y, order ?? null), numeric: [+m[1]!, +m[2]!, y] };
    }
  }
}

/**
 * Every date written in `text`, in order (at most `max`); `today` reads weekday dates written without a year, and with
 * `labelled` slashed two-digit years.
 */
export function findDates(text: string, order?: DateOrder | null, max = 8, today?: CalendarDate, labelled?: DateLabel): DateMatch[] {
  const out: DateMatch[] = [];
  let from = 0;
  while (out.length < max) {
    const m = findDate(text, order, from, today, labelled);
    if (!m) break;
    out.push(m);
    from = m.index + m.length;
  }
  return out;
}

/**
 * The day/month order a page writes its numeric dates in, from the dates that can only be read one way
 * (`25/11/2026` is D/M, `11/25/2026` is M/D; `weekdays`: the orders dates written with their weekday read in, see
 * `weekdayOrder`). Null when the page has none, or has both (then the per-site setting decides).
 */
export function inferDateOrder(pairs: Iterable<readonly [number, number, ...number[]]>, weekdays: Iterable<DateOrder> = []): DateOrder | null {
  let dmy = false;
  let mdy = false;
  for (const [a, b] of pairs) {
    if (a > 12 && a <= 31 && b >= 1 && b <= 12) dmy = true;
    else if (b > 12 && b <= 31 && a >= 1 && a <= 12) mdy = true;
  }
  for (const o of weekdays) {
    if (o === 'DMY') dmy = true;
    else mdy = true;
  }
  return dmy === mdy ? null : dmy ? 'DMY' : 'MDY';
}

/**
 * The day/month order shown by a date of these days, when every numeric date reads both ways: a date that falls
 * within a week before or two weeks after today in one order and not in the other (`12/06/2026` on 7 December is
 * M/D: yesterday, not 12 June) — a visit, a dental chart's services, a report's exam, a schedule's day are most often
 * of these days. Null when no date is near today, or dates point both ways (a prior whose other reading happens to
 * be near today meets the exam's).
 */
export function todaysDateOrder(dates: Iterable<readonly [number, number, number]>, today: CalendarDate): DateOrder | null {
  let dmy = false;
  let mdy = false;
  for (const [a, b, y] of dates) {
    if (a === b || a > 12 || b > 12) continue;
    const m = near(y, a, b, today);
    const d = near(y, b, a, today);
    if (m && !d) mdy = true;
    else if (d && !m) dmy = true;
  }
  return dmy === mdy ? null : dmy ? 'DMY' : 'MDY';
}
/** Whether year-month-day falls within the days around today that `todaysDateOrder` trusts. */
function near(y: number, month: number, day: number, today: CalendarDate): boolean {
  const days = (Date.UTC(y, month - 1, day) - Date.UTC(today.y, today.m - 1, today.d)) / 86_400_000;
  return days >= -NEAR_DAYS_BEFORE && days <= NEAR_DAYS_AFTER;
}
/** A week back (an exam of the last days, reported today) and two weeks ahead (a booking of the coming days). */
const NEAR_DAYS_BEFORE = 7;
const NEAR_DAYS_AFTER = 14;

/**
 * The day/month order of the language a page declares (`<html lang>`), from the platform's own locale data: `en-US`
 * writes M/D, `es`, `en-GB`, `fr-CA`… D/M. A bare `en` says nothing (it is written by US and UK sites alike); a
 * locale that writes the year first, or an unknown tag, neither.
 */
export function languageDateOrder(lang: string): DateOrder | null {
  const tag = lang.trim();
  if (!tag || /^en$/i.test(tag)) return null;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).formatToParts(LANGUAGE_PROBE);
  } catch {
    return null;
  }
  const order = parts.filter((p) => p.type === 'year' || p.type === 'month' || p.type === 'day').map((p) => p.type[0]).join('');
  return order === 'mdy' ? 'MDY' : order === 'dmy' ? 'DMY' : null;
}
const LANGUAGE_PROBE = new Date(Date.UTC(2026, 10, 25));

/**
 * A weekday's name or its abbreviation (English, Spanish; French and Italian names whole: `sam`, `ven` may be a name or
 * a word) → 0 (Sunday) … 6, by its first three letters.
 */
const WEEKDAYS: Record<string, number> = {
  sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6,
  dom: 0, lun: 1, mar: 2, mie: 3, jue: 4, vie: 5, sab: 6,
  dim: 0, mer: 3, jeu: 4, ven: 5, sam: 6, gio: 4,
};
/** A weekday as written: its name or abbreviation (accents folded), whose first three letters are the key. */
const WEEKDAY =
  '(sun(?:day)?|mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|dom(?:ingo|enica)?|lun(?:es|di|edi)?|mar(?:tes|di|tedi)?|mie(?:rcoles)?|jue(?:ves)?|vie(?:rnes)?|sab(?:ado|ato)?|mercredi|mercoledi|jeudi|vendredi|venerdi|samedi|dimanche|giovedi)';
/** A weekday right before a date ("Fri 12/11/2026", "viernes, 11/12/2026", "Mié. 02/12/2026"). */
const WEEKDAY_BEFORE = new RegExp(`(?:^|[^a-z])${WEEKDAY}\\.?,?\\s*$`);
/** …or right after it in brackets ("12/11/2026 (Fri)"). */
const WEEKDAY_AFTER = new RegExp(`^\\s*\\(\\s*${WEEKDAY}\\.?\\s*\\)`);

/**
 * The day/month order an ambiguous numeric date written with its weekday is read in: the one reading that falls on
 * that weekday ("Fri 12/11/2026" is 11 December 2026, a Friday; 12 November is a Thursday). Null when the date has
 * no weekday beside it, is not ambiguous, or both or neither reading fall on it.
 */
export function weekdayOrder(text: string, m: DateMatch): DateOrder | null {
  if (!m.numeric || m.result.ok || m.result.reason !== 'ambiguous') return null;
  const fold = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const before = WEEKDAY_BEFORE.exec(fold(text.slice(Math.max(0, m.index - 14), m.index)));
  const after = before ? null : WEEKDAY_AFTER.exec(fold(text.slice(m.index + m.length, m.index + m.length + 16)));
  const day = WEEKDAYS[((before ?? after)?.[1] ?? '').slice(0, 3)];
  if (day === undefined) return null;
  const [a, b, y] = m.numeric;
  const mdy = make(y, a, b);
  const dmy = make(y, b, a);
  const on = (p: DateParse) => p.ok && weekday(p.date) === day;
  if (on(mdy) === on(dmy)) return null;
  return on(mdy) ? 'MDY' : 'DMY';
}

/** A weekday as written, accented Spanish included ("mié", "sábado"); folded, its first three letters are the key. */
const WEEKDAY_WRITTEN =
  '(sun(?:day)?|mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|dom(?:ingo|enica)?|lun(?:es|di|ed[iì])?|mar(?:tes|di|ted[iì])?|mi[eé](?:rcoles)?|jue(?:ves)?|vie(?:rnes)?|s[aá]b(?:ado|ato)?|mercredi|mercoled[iì]|jeudi|vendredi|venerd[iì]|samedi|dimanche|gioved[iì])';
/** "Thu, Dec 17", "Thursday December 17th" (no year after it). */
const RE_WEEKDAY_MD = new RegExp(`(?<![\\p{L}\\d])${WEEKDAY_WRITTEN}\\.?,?\\s+${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)`, 'iu');
/** "jueves 17 de diciembre", "Thu 17 Dec" (no year after it). */
const RE_WEEKDAY_DM = new RegExp(`(?<![\\p{L}\\d])${WEEKDAY_WRITTEN}\\.?,?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:de\\s+)?${MONTH_NAME}(?!\\p{L})`, 'iu');
/** A year right after a day and month (then the date is a full one, read by the other patterns). */
const YEAR_NEXT = new RegExp(`^${YEAR_SEP}(?:del?\\s+)?\\d{4}(?!\\d)`, 'i');

const SPACE = /\s/;

/** Days from today a date written without its year may be: a screen leaves the year out only for dates near now. */
const YEARLESS_SPAN = 183;

/**
 * The first date written as a weekday, a month's name and a day with no year: the day within half a year of today
 * that falls on that weekday; null when none does.
 */
function yearlessDate(s: string, today: CalendarDate): { index: number; length: number; result: DateParse } | null {
  // (Both forms put a space after the weekday.)
  if (!SPACE.test(s)) return null;
  const md = RE_WEEKDAY_MD.exec(s);
  const dm = RE_WEEKDAY_DM.exec(s);
  const m = md && (!dm || md.index <= dm.index) ? md : dm;
  if (!m) return null;
  if (YEAR_NEXT.test(s.slice(m.index + m[0].length))) return null;
  const fold = m[1]!.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const day = WEEKDAYS[fold.slice(0, 3)];
  const month = monthOf(m === md ? m[2]! : m[3]!);
  const dom = +(m === md ? m[3]! : m[2]!);
  if (day === undefined || !month) return null;
  let found: DateParse | null = null;
  for (const y of [today.y - 1, today.y, today.y + 1]) {
    const p = make(y, month, dom);
    if (!p.ok || weekday(p.date) !== day || Math.abs(daysBetween(today, p.date)) > YEARLESS_SPAN) continue;
    if (found) return null;
    found = p;
  }
  return found ? { index: m.index, length: m[0].length, result: found } : null;
}

/**
 * A month's word as a day written with no year spells it: a name or its usual abbreviation, English or Spanish, whole
 * (`Dec`, `Sept.`, `diciembre`; not the start of another word: `2 decubitus`, `3 augmentin`). The Spanish `ago` and
 * `set` only after the day (`9 ago`; "ago 5" is English).
 */
const MONTH_WORD =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|ene(?:ro)?|febrero|marzo|abr(?:il)?|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|dic(?:iembre)?|' +
  // French, Italian, Portuguese and Dutch names whole (their short forms only in a full date: `mai`, `out`, `gen`).
  'janvier|f[eé]vrier|avril|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[eé]cembre|d[eé]c|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|mar[cç]o|maio|junho|julho|setembro|outubro|novembro|dezembro|januari|februari|maart|augustus|oktober';
const MONTH_END = '\\.?(?![\\p{L}\\d])';
/** "Dec 9", "December 9th", "Sept. 30" — no other number run into the day ("Dec 9-10", "Mar 3.5", "May 3/4"). */
const RE_MONTH_DAY = new RegExp(`(?<![\\p{L}\\d])(${MONTH_WORD})${MONTH_END}\\s*(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:/.,\\-–]?\\d)`, 'iu');
/** "9 dic", "9 de diciembre", "9th of December", "30 ago". */
const RE_DAY_MONTH = new RegExp(`(?<![\\p{L}\\d.,/:\\-–])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:(?:of|de)\\s+)?(${MONTH_WORD}|ago|set)${MONTH_END}`, 'iu');
/** A weekday right before a day (then the weekday's own rule reads it, or it is not a date). */
const WEEKDAY_LAST = new RegExp(`(?<!\\p{L})${WEEKDAY_WRITTEN}\\.?,?\\s*$`, 'iu');

/**
 * The first day written with a month's name and no year or weekday: the year that puts it nearest today, within
 * half a year; null when there is none, or a year or a weekday stands beside it (the other rules read those).
 */
function nearestDay(s: string, today: CalendarDate): { index: number; length: number; result: DateParse; guess: DateGuess } | null {
  const md = RE_MONTH_DAY.exec(s);
  const dm = RE_DAY_MONTH.exec(s);
  const m = md && (!dm || md.index <= dm.index) ? md : dm;
  if (!m) return null;
  if (YEAR_NEXT.test(s.slice(m.index + m[0].length)) || WEEKDAY_LAST.test(s.slice(Math.max(0, m.index - 14), m.index))) return null;
  const month = monthOf(m === md ? m[1]! : m[2]!);
  const dom = +(m === md ? m[2]! : m[1]!);
  let best: Parsed | null = null;
  let bestDays = YEARLESS_SPAN + 1;
  for (const y of [today.y - 1, today.y, today.y + 1]) {
    const p = make(y, month, dom);
    const away = p.ok ? Math.abs(daysBetween(today, p.date)) : Infinity;
    if (p.ok && away < bestDays) {
      best = new Parsed(y, month, dom, 'year');
      bestDays = away;
    }
  }
  return best ? { index: m.index, length: m[0].length, result: best, guess: 'year' } : null;
}

/** 0 (Sunday) … 6 (Saturday). 1970-01-01 was a Thursday. */
export function weekday(c: CalendarDate): number {
  return (((dayNumber(c) + 4) % 7) + 7) % 7;
}

/** The number written by the ASCII digits s[from, to) (already checked to be digits). */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function monthOf(name: string): number {
  const key = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return MONTHS[key.slice(0, 4)] ?? MONTHS[key.slice(0, 3)] ?? 0;
}

/**
 * A slashed two-digit year (`RE_SLASHED_SHORT`): a reference date's year as a dotted one's (this century up to a year
 * after today); a birth date's of this century when that is no later than today, else of the last — and none past
 * SHORT_BIRTH_YEARS.
 */
function slashedShort(m: RegExpExecArray, order: DateOrder | null, today: CalendarDate, labelled: DateLabel): Omit<DateMatch, 'index' | 'length'> {
  const a = +m[1]!;
  const b = +m[3]!;
  const yy = +m[4]!;
  let y = 2000 + yy > today.y + SHORT_YEAR_AHEAD ? 1900 + yy : 2000 + yy;
  let result = numeric(a, b, y, order);
  if (labelled === 'birth') {
    if (y > today.y || (result.ok && daysBetween(today, result.date) > 0)) result = numeric(a, b, (y = 1900 + yy), order);
    if (today.y - y > SHORT_BIRTH_YEARS) result = INVALID;
  }
  if (result.ok) result = new Parsed(result.date.y, result.date.m, result.date.d, 'century');
  return { result, numeric: [a, b, y], guess: 'century' };
}

/** `a/b/yyyy`: which of a and b is the month. */
function numeric(a: number, b: number, y: number, order: DateOrder | null): DateParse {
  if (a === b) return make(y, a, b);
  if (a > 12 && b <= 12) return make(y, b, a); // must be D/M
  if (b > 12 && a <= 12) return make(y, a, b); // must be M/D
  if (a > 12 && b > 12) return INVALID;
  if (!order) return AMBIGUOUS;
  return order === 'MDY' ? make(y, a, b) : make(y, b, a);
}

// ----- arithmetic (UTC calendar days) -----

/** Days since 1970-01-01 (proleptic Gregorian, UTC): H. Hinnant's days_from_civil, integer arithmetic only. */
export function dayNumber(c: CalendarDate): number {
  const y = c.m <= 2 ? c.y - 1 : c.y;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (c.m + (c.m > 2 ? -3 : 9)) + 2) / 5) + c.d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * Completed months from `a` to `b` (the age in months a calendar shows). A month is completed on the same day
 * number of a later month; where that month is too short (born on the 31st, or on 29 February in a common year),
 * on the 1st of the month after. This is ISO 8601 calendar arithmetic as java.time `Period.between`, Temporal
 * `PlainDate.until` and dateutil `relativedelta` do it: born 2020-01-31, on 2020-02-29 the age is 29 days,
 * 0 months; born 2008-02-29, the 18th year is completed on 2026-03-01.
 * NOTE: this once counted a month as completed on the last day of a shorter month (moment/dayjs style); the
 * panel's exact age (content/read/parse/age.ts `calendarAge`) and the pediatric cutoff now share this one rule.
 */
export function fullMonthsBetween(a: CalendarDate, b: CalendarDate): number {
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d) months -= 1;
  return months;
}

/**
 * The day the `months`-th month after `a` is completed: the same day number that many months later, or the 1st
 * of the month after when that month is too short (see `fullMonthsBetween`).
 */
export function monthAnniversary(a: CalendarDate, months: number): CalendarDate {
  const index = a.y * 12 + (a.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (a.d <= daysInMonth(y, m)) return { y, m, d: a.d };
  return m === 12 ? { y: y + 1, m: 1, d: 1 } : { y, m: m + 1, d: 1 };
}

/** The UTC calendar date of an instant. */
export function utcDate(now: Date): CalendarDate {
  return { y: now.getUTCFullYear(), m: now.getUTCMonth() + 1, d: now.getUTCDate() };
}

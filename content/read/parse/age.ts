/**
 * Ages: DICOM Age String (AS), ages as screens print them, and age from two calendar dates.
 *
 * ## How an age becomes days (documented in docs/page-reading.md)
 * An age in completed units says the true age lies in [n, n+1) units. We keep the LOWER bound:
 * - `nnnD` → n days; `nnnW` → 7·n days (exact).
 * - `nnnM` → ⌊n · 365.25 / 12⌋ days (n · 30.4375, the mean Gregorian month).
 * - `nnnY` → ⌊n · 365.25⌋ days (mean Gregorian year). `017Y` is an age of 17.00–17.99 years: 6209 days at least,
 *   and it is pediatric under an 18-year cutoff because 17 < 18 (the comparison is made in the AS's own unit,
 *   never on the rounded days, so `018Y` is never pediatric under 18).
 * Text ages (`4 yrs, 1 mth`) add their parts the same way (⌊4·365.25 + 1·30.4375⌋ = 1491 days).
 * Ages from a birth date and an exam date are exact calendar differences (see `ageBetween`, `calendarAge`).
 *
 * ## How an age is printed (`ehrAgeParts`)
 * As EHR patient banners print it (NHS CUI patient banner, tables 7/8, which OpenMRS O3 follows — `4 yrs, 1 mth`,
 * `13 mths, 9 days`, `27 days`, `18 yrs`), from the exact calendar age, never from rounded days:
 * under one completed month in days (`29 d`); under 2 years in months and days (`11 mo`, `1 mo 14 d`); under 18
 * years in years and months (`4 y 1 mo`, `2 y`); from 18 in years. A zero last part is left out. (NHS prints weeks
 * and days under one year; months are used here, as pediatric orders and dose tables count infants in months.)
 * An age read as a DICOM AS or as the page printed it is shown as read, part for part (`006Y` → `6 y`).
 *
 * AS grammar: exactly 3 digits and one of D W M Y (DICOM PS3.5 §6.2, Table 6.2-1 "AS"; fo-dicom DicomAgeString).
 * Text grammar: OpenMRS O3 banner ages (`0 min`, `26 hr`, `27 days`, `4 wks, 1 day`, `12 mths, 1 day`, `4 yrs, 1 mth`,
 * `18 yrs` — openmrs-esm-core esm-utils age-helpers.ts, NHS CUI tables 7/8), `6 y.o.`, `6 yo`, `45 d/o`, `3 mo`,
 * `2y 3m`, `6 years`, Spanish `6 años`, `3 meses`; French `6 ans`, `1 an`, `3 mois`, `12 jours`, `5 semaines`; Italian
 * `6 anni`, `3 mesi`, `12 giorni`, `12 gg`, `5 settimane`; Portuguese `6 anos`, `3 meses`, `12 dias`; Dutch `6 jaar`, `3 maanden`,
 * `12 dagen`, `5 weken`; German `6 J.`, `16 Jahre`, `8 Monate`, `5 Tage`; a newborn's day of life `DOL 9`, `DDV 5`, `día de vida 3`.
 */
import type { AgeDetail, AgePart, AgePartUnit } from '../types';
import { type CalendarDate, daysBetween, fullMonthsBetween, monthAnniversary } from './dates';

/** Mean Gregorian year and month in days (365.25 and 365.25/12). */
export const DAYS_PER_YEAR = 365.25;
export const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

/** Ages at or above this are misreads, not patients. */
const MAX_AGE_YEARS = 130;

export type AgeUnit = 'D' | 'W' | 'M' | 'Y';

export interface AgeReading {
  /** Lower bound of the age in whole days. */
  days: number;
  /** Lower bound of the age in years (fractional): compare with the cutoff in years. */
  years: number;
  /** For DICOM AS: the number and unit as written. */
  n?: number;
  unit?: AgeUnit;
  /** For an age as a screen prints it: its parts as written, in order (`4 yrs, 1 mth` → 4 years, 1 months). */
  parts?: AgePart[];
}

const AS_RE = /^\s*(\d{3})([DWMY])\s*$/;

/** DICOM AS → age; null when the text is not a strict AS. @example parseDicomAge('006Y') //=> { days: 2191, years: 6, n: 6, unit: 'Y' } */
export function parseDicomAge(text: string): AgeReading | null {
  const m = AS_RE.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2] as AgeUnit;
  return build(unit === 'Y' ? n : 0, unit === 'M' ? n : 0, unit === 'W' ? n : 0, unit === 'D' ? n : 0, { n, unit });
}

function build(y: number, mo: number, w: number, d: number, extra?: { n: number; unit: AgeUnit }): AgeReading | null {
  const exactDays = y * DAYS_PER_YEAR + mo * DAYS_PER_MONTH + w * 7 + d;
  const years = y + mo / 12 + (w * 7 + d) / DAYS_PER_YEAR;
  if (!Number.isFinite(exactDays) || exactDays < 0 || years >= MAX_AGE_YEARS) return null;
  return { days: Math.floor(exactDays + 1e-9), years, ...extra };
}

// One "number unit" token. Units, longest spelling first; a unit must not run into more letters.
const UNIT =
  '(years?|yrs?|y\\/o|y\\.o\\.?|yo|y|jahren|jahre|jahr|años|año|anos|ans|an|anni|anno|ano|jaar|jr|j|(?<=\\d)a|a(?!\\s+\\d{1,3}(?!\\d|\\s?[md](?![a-zñáéíóú])))|months?|mths?|mth|mos?|m\\/o|meses|mes|mois|mesi|mese|maanden|maand|mnd|monaten|monate|monat|m|weeks?|wks?|w\\/o|wochen|woche|w|semanas?|semaines?|settimane|settimana|sett|weken|week|sem|days?|d\\/o|d|días|dias|día|dia|jours?|giorni|giorno|gg|dagen|dag|tagen|tage|tag|hours?|hrs?|hr|h|horas?|heures?|ore|uur|minutes?|mins?|min)';
const TOKEN = new RegExp(`(\\d{1,3}(?:[.,]\\d+)?)\\s*${UNIT}(?![a-zñáéíóúàèìòùâêôçë])`, 'iy');
const FIRST = new RegExp(`(?<![\\w.])(\\d{1,3}(?:[.,]\\d+)?)\\s*${UNIT}(?![a-zñáéíóúàèìòùâêôçë])`, 'i');
const UNIT_FIRST = /^\s*(?:di\s+)?(anni|anno|mesi|mese|giorni|settimane)\s+(\d{1,3})\s*$/i;
const SEPARATOR = /(?:\s*(?:,|and|y|et|e|en|&|\+)\s*|\s+)/iy;

type TextUnit = 'y' | 'mo' | 'w' | 'd' | 'h' | 'min';
const PART_UNIT: Record<TextUnit, AgePartUnit> = { y: 'years', mo: 'months', w: 'weeks', d: 'days', h: 'hours', min: 'minutes' };

function unitOf(u: string): TextUnit {
  const s = u.toLowerCase();
  if (s.startsWith('min')) return 'min';
  if (s.startsWith('h') || s === 'ore' || s === 'uur') return 'h';
  if (s.startsWith('y') || s.startsWith('a') || s.startsWith('ja') || s === 'jr' || s === 'j') return 'y';
  if (s.startsWith('w') || s.startsWith('sem') || s.startsWith('set')) return 'w';
  if (s.startsWith('d') || s.startsWith('jo') || s.startsWith('g') || s.startsWith('t')) return 'd';
  return 'mo'; // m, mo, mos, mth(s), month(s), m/o, mes, meses, mois, mesi, mese, maand(en), mnd, monat(e/en)
}

/**
 * A newborn's day (or hour) of life before its number: "DOL 9", "DDV 5", "día de vida 3", "day of life 9", "HOL 36",
 * "horas de vida: 20" (group 1: days, group 2: hours, group 3: the number). Day of life n is read as n days (± 1 by
 * the unit's convention of counting the birth day as 0 or 1).
 */
export const DAY_OF_LIFE =
  /(?<![\w])(?:(DOL|DDV|d[ií]as?\s+de\s+vida|days?\s+of\s+life)|(HOL|HDV|horas?\s+de\s+vida|hours?\s+of\s+life))\s*[:#=]?\s*(\d{1,3})(?![\d.,:/])/iu;

export interface AgeTextOptions {
  /** A bare number counts as years (only where the label says "Age"). */
  bareNumberIsYears?: boolean;
  /**
   * A capital M right after a number is a months unit (`3M`, `18 M`), up to MAX_BARE_MONTHS: the text is an age alone,
   * a value under a label that names no sex (an "Age" column that writes `6Y`, `91Y`, `3M`).
   */
  monthsLetter?: boolean;
}

/**
 * A sex as written beside an age: a capital or small letter, or a word (`M`, `f`, `Male`, `Fem.`, `Masculino`…).
 * Case-insensitive; never inside a longer word.
 */
export const SEX_WORD = '(?:male|female|masculino|femenino|masculin|f[ée]minin|maschio|femmina|feminino|hombre|mujer|var[oó]n|masc|fem|m|f)';
/**
 * An age–sex pair as age/sex columns, banners, day books and print headers write it (`88 M`, `52F`, `7 M`, `25 F`): a
 * whole number and a capital M or F, and nothing else. The letter is the sex and the number is years — an age in
 * months has a unit of its own (`11 mo`, `11 m.o.`, `011M`, `2Y 1M`, `8M F`); `monthsLetter` says where a lone capital
 * M is one (an "Age" field or column).
 */
const AGE_SEX_PAIR = /^\s*(\d{1,3})\s?([MF])\s*$/;
/**
 * The most months an age is written in with a bare capital M (`3M`, `18 M`, `8M F`): screens count infants and toddlers
 * in months, and no one older than three (`88 M` is an 88-year-old male, never 88 months).
 */
export const MAX_BARE_MONTHS = 36;
/** A sex written right after an age, or right before it (`8M F`, `8M / M`, `F 8M`). */
const SEX_AFTER_AGE = new RegExp(`^\\s*[/|,·•–-]?\\s*${SEX_WORD}\\.?(?![\\p{L}\\d])`, 'iu');
const SEX_BEFORE_AGE = new RegExp(`(?<![\\p{L}\\d])${SEX_WORD}\\.?\\s*[/|,·•–-]?\\s*$`, 'iu');

/** A lone `N M` with a small N, the whole text (`3M`, `18 M`): what `ageAloneText` writes as months. */
const BARE_MONTHS = /^\s*(\d{1,2})\s?M\s*$/;
const SHORT_UNIT: Record<AgePartUnit, string> = { years: 'y', months: 'mo', weeks: 'wk', days: 'd', hours: 'h', minutes: 'min' };

/**
 * The value of a field or column that names the age alone (`Age`, not `Age/Sex`), as the age parser reads it with no
 * label: a capital M after a small number is months there (`3M` → `3 mo`, a column that writes `6Y`, `91Y`, `3M`).
 */
export function ageAloneText(text: string): string {
  const m = BARE_MONTHS.exec(text);
  return m && Number(m[1]) <= MAX_BARE_MONTHS ? `${m[1]} mo` : text;
}

/**
 * The text of an age fact that was read as `reading` from `text` in its context, as the age parser reads it alone: as
 * written when it reads the same on its own (`7-year-old` → `7 year old`), else its parts spelled out (`8M` beside its
 * sex `F` → `8 mo`; `6` under an Age label → `6 y`).
 */
export function ageFactText(text: string, reading: AgeReading): string {
  const t = text.replace(/(\d)-(?=[a-z])/gi, '$1 ').replace(/-old\b/i, ' old');
  const own = parseAgeText(t);
  if ((own && own.days === reading.days) || !reading.parts) return t;
  return reading.parts.map((p) => `${p.value} ${SHORT_UNIT[p.unit]}`).join(' ');
}

/** `n` years, written so (an age–sex pair's number). */
function yearsReading(n: number): AgeReading | null {
  const reading = build(n, 0, 0, 0);
  return reading && { ...reading, n, unit: 'Y', parts: [{ value: n, unit: 'years' }] };
}

/**
 * The first age written in `text`: a run of "number unit" parts (`4 yrs, 1 mth`, `2y 3m`, `45 d/o`), or a DICOM AS.
 * Each unit may appear once. Null when there is no age (or it is implausible).
 */
export function parseAgeText(text: string, options: AgeTextOptions = {}): AgeReading | null {
  if (!text) return null;
  const as = parseDicomAge(text);
  if (as) return as;
  const pair = AGE_SEX_PAIR.exec(text);
  if (pair && !(pair[2] === 'M' && options.monthsLetter && Number(pair[1]) <= MAX_BARE_MONTHS)) return yearsReading(Number(pair[1]));
  // An Italian form writes the unit first ("Età: anni 7", "di anni 45").
  const unitFirst = UNIT_FIRST.exec(text);
  if (unitFirst) return parseAgeText(`${unitFirst[2]} ${unitFirst[1]}`, options);
  const first = FIRST.exec(text);
  if (!first) {
    const life = DAY_OF_LIFE.exec(text);
    if (life) {
      const n = Number(life[3]);
      const reading = life[1] ? build(0, 0, 0, n) : build(0, 0, 0, n / 24);
      if (reading) return { ...reading, n: life[1] ? n : Math.floor(n / 24), unit: 'D', parts: [{ value: n, unit: life[1] ? 'days' : 'hours' }] };
    }
    if (options.bareNumberIsYears) {
      const bare = /^\s*(\d{1,3})\s*$/.exec(text);
      const reading = bare ? build(Number(bare[1]), 0, 0, 0) : null;
      if (reading) return { ...reading, parts: [{ value: Number(bare![1]), unit: 'years' }] };
    }
    return null;
  }
  const parts = { y: 0, mo: 0, w: 0, d: 0, h: 0, min: 0 };
  const seen = new Set<string>();
  const written: AgePart[] = [];
  let pos = first.index;
  let bareM = false;
  for (;;) {
    TOKEN.lastIndex = pos;
    const t = TOKEN.exec(text);
    if (!t) break;
    bareM = t[2] === 'M' && written.length === 0;
    const unit = unitOf(t[2]!);
    if (seen.has(unit)) break;
    seen.add(unit);
    parts[unit] = Number(t[1]!.replace(',', '.'));
    written.push({ value: parts[unit], unit: PART_UNIT[unit] });
    pos = TOKEN.lastIndex;
    SEPARATOR.lastIndex = pos;
    if (!SEPARATOR.exec(text)) break;
    pos = SEPARATOR.lastIndex;
  }
  if (seen.size === 0) return null;
  if (bareM && written.length === 1) {
    const lone = loneCapitalM(text, first.index, pos, parts.mo, options);
    if (lone !== 'months') return lone;
  }
  const reading = build(parts.y, parts.mo, parts.w, parts.d + parts.h / 24 + parts.min / 1440);
  if (!reading) return null;
  // The finest unit written, and the age counted in it (for agreement checks against calendar ages).
  const unit: AgeUnit = seen.has('d') || seen.has('h') || seen.has('min') ? 'D' : seen.has('w') ? 'W' : seen.has('mo') ? 'M' : 'Y';
  const n =
    unit === 'Y' ? Math.floor(parts.y) : unit === 'M' ? Math.floor(parts.y * 12 + parts.mo) : unit === 'W' ? Math.floor(reading.days / 7) : reading.days;
  return { ...reading, n, unit, parts: written };
}

/**
 * A lone part `N M` (a capital M and no other part): months when a sex is written beside it (`8M F`) or `monthsLetter`
 * says so, up to MAX_BARE_MONTHS; else the M is the sex and N is years. Past MAX_BARE_MONTHS with a sex beside it, no
 * age. `from`–`to`: where the part is written.
 */
function loneCapitalM(text: string, from: number, to: number, n: number, options: AgeTextOptions): 'months' | AgeReading | null {
  if (!Number.isInteger(n)) return 'months';
  const sexBeside = SEX_AFTER_AGE.test(text.slice(to, to + 12)) || SEX_BEFORE_AGE.test(text.slice(Math.max(0, from - 12), from));
  if (sexBeside || options.monthsLetter) return n <= MAX_BARE_MONTHS ? 'months' : sexBeside ? null : yearsReading(n);
  return yearsReading(n);
}

export interface CalendarAge {
  /** Exact whole days. */
  days: number;
  /** Completed months and years (calendar anniversaries). */
  months: number;
  years: number;
}

/** Age on `at` of someone born on `birth`; null when `at` is before `birth` or the age is implausible. */
export function ageBetween(birth: CalendarDate, at: CalendarDate): CalendarAge | null {
  const months = monthsOfAge(birth, at);
  return months < 0 ? null : { days: daysBetween(birth, at), months, years: Math.floor(months / 12) };
}

/**
 * The completed months of `ageBetween(birth, at)` with no object made (a list's rows count thousands), or −1 when it
 * gives no age.
 */
export function monthsOfAge(birth: CalendarDate, at: CalendarDate): number {
  if (daysBetween(birth, at) < 0) return -1;
  const months = fullMonthsBetween(birth, at);
  return Math.floor(months / 12) >= MAX_AGE_YEARS ? -1 : months;
}

/**
 * The exact calendar age on `at` of someone born on `birth` (UTC calendar days): completed years, the months
 * completed since the last birthday (0–11) and the days since the last month was completed. A month is completed
 * on the birth's day number, or on the 1st of the next month when a month is too short (`fullMonthsBetween`).
 * Null when `at` is before `birth` or the age is implausible.
 * @example calendarAge({ y: 2020, m: 1, d: 31 }, { y: 2020, m: 2, d: 29 }) //=> { years: 0, months: 0, days: 29 }
 * @example calendarAge({ y: 2019, m: 2, d: 28 }, { y: 2024, m: 2, d: 29 }) //=> { years: 5, months: 0, days: 1 }
 */
export function calendarAge(birth: CalendarDate, at: CalendarDate): { years: number; months: number; days: number } | null {
  if (daysBetween(birth, at) < 0) return null;
  const total = fullMonthsBetween(birth, at);
  const years = Math.floor(total / 12);
  if (years >= MAX_AGE_YEARS) return null;
  return { years, months: total - years * 12, days: daysBetween(monthAnniversary(birth, total), at) };
}

const AS_UNIT: Record<AgeUnit, AgePartUnit> = { Y: 'years', M: 'months', W: 'weeks', D: 'days' };

/** How an age reading is shown: a printed age as its parts as written, a DICOM AS as its number and unit. */
export function readingDetail(reading: AgeReading): AgeDetail | null {
  if (reading.parts && reading.parts.length > 0) return { source: 'shown', parts: reading.parts };
  if (reading.n !== undefined && reading.unit) return { source: 'dicom', parts: [{ value: reading.n, unit: AS_UNIT[reading.unit] }] };
  return null;
}

/**
 * The parts to print for an age, largest first (see "How an age is printed" above). Pure: the panel translates the
 * units (`4 y 1 mo`, `4 a 1 m`).
 * @example ehrAgeParts({ source: 'calendar', years: 4, months: 1, days: 12 }) //=> [{ value: 4, unit: 'years' }, { value: 1, unit: 'months' }]
 */
export function ehrAgeParts(detail: AgeDetail): AgePart[] {
  if (detail.source !== 'calendar') return detail.parts;
  const { years, months, days } = detail;
  const out: AgePart[] = [];
  const add = (value: number, unit: AgePartUnit, always: boolean) => {
    if (always || value > 0) out.push({ value, unit });
  };
  if (years >= 18) add(years, 'years', true);
  else if (years >= 2) {
    add(years, 'years', true);
    add(months, 'months', false);
  } else if (years * 12 + months >= 1) {
    add(years * 12 + months, 'months', true);
    add(days, 'days', false);
  } else add(days, 'days', true);
  return out;
}

/** Under the cutoff (years, may be fractional) on a calendar age: completed months < cutoff·12. */
export function isUnderCutoff(age: CalendarAge, cutoffYears: number): boolean {
  return monthsUnderCutoff(age.months, cutoffYears);
}

/** `isUnderCutoff` of an age's completed months. */
export function monthsUnderCutoff(months: number, cutoffYears: number): boolean {
  return months < cutoffYears * 12;
}

/**
 * Does a calendar age agree with an age a screen shows (`45 d/o`, `5 mo`, `6 y.o.`)? Within its finest unit, give or
 * take one (three days for an age in days: shown ages are computed at another moment or time zone). An age with no
 * unit of its own is compared in years.
 */
export function shownAgeAgrees(age: CalendarAge, reading: AgeReading): boolean {
  if (reading.n === undefined || !reading.unit) return Math.abs(age.years - Math.floor(reading.years)) <= 1;
  return agesAgree(age, reading, reading.unit === 'D' ? 3 : 1);
}

/**
 * Does a calendar age agree with an age reading, within `tolerance` of the reading's finest unit? AS counts
 * completed units (PS3.5 §6.2), so `006Y` agrees with 6 completed years, `018M` with 18 completed months, `003W`
 * with ⌊days/7⌋ = 3, `010D` with 10 days (tolerance 0). Screen ages may be computed at another moment or time zone,
 * so they are compared with a tolerance of one unit.
 */
export function agesAgree(age: CalendarAge, reading: AgeReading, tolerance = 0): boolean {
  if (reading.n === undefined || !reading.unit) return true;
  const inUnit =
    reading.unit === 'Y' ? age.years : reading.unit === 'M' ? age.months : reading.unit === 'W' ? Math.floor(age.days / 7) : age.days;
  return Math.abs(inUnit - reading.n) <= tolerance;
}

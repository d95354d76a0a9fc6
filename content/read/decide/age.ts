/**
 * The age precedence, in one function (`chooseAge`) that the open record and every list row use.
 *
 * The reference date of a record, by role: exam > scheduled > order (ordered/requested) > visit > today; prior
 * exams are never read as the record's dates (the readers leave them out). Facts of one kind: the first one that
 * parses wins. Age, from the first available of:
 *  1. birth date + the reference date of the same record → exact calendar age on that date (`ageBasis: 'exam'`,
 *     `'scheduled'`, `'order'` or `'visit'`; the evidence states the role);
 *  2. DICOM PatientAge (AS, `006Y`) → age at the study by definition (`'exam'`), lower bound in days;
 *  3. birth date + today (`now`, UTC) → `'today'`, when the record shows no reference date (or one before the birth);
 *  4. an age as the screen shows it (`4 yrs, 1 mth`) → `'today'` (EHR banners show the current age); a fact marked
 *     `unsure` (no label, no patient header) makes the analysis `ageUnsure`.
 * A calendar age of 130 years or more is a misread and is not used (`ageBetween`).
 * Why dates first: they give the age in days (the AS is rounded down to whole years for anyone over 4 — PS3.5
 * gives no finer rule), and they are what a technologist checks against the requisition.
 * Pediatric: age under the cutoff (completed calendar months < 12 × cutoff for dates, the reading's own unit for AS
 * and screen ages).
 *
 * The open record also cross-checks its sources (`decideAge`; each flags `conflict` on the losing evidence and
 * sets `ageConflict`): AS vs birth+exam (completed units must match exactly); screen age vs birth+today (±1 of its
 * finest unit); two birth dates (or two exam dates) that differ. A conflict never changes the chosen source.
 * List rows make no such checks and keep no evidence (a worklist has thousands of rows).
 */
import { agesAgree, ageBetween, shownAgeAgrees, type AgeReading, calendarAge, monthsOfAge, monthsUnderCutoff, parseAgeText, parseDicomAge, readingDetail } from '../parse/age';
import { type CalendarDate, daysBetween, type ReadDate } from '../parse/dates';
import type { AgeBasis, AgeDetail, Evidence, Fact, FactKind } from '../types';
import { type DateFact, type DecideContext, pickDate } from './context';

/** The reference date's precedence, as stated in the evidence. */
export const REFERENCE_ORDER = 'exam > scheduled > order > visit > today';
/** Date facts that can be a record's reference date, by precedence. */
export const REFERENCE_KINDS: ReadonlyArray<readonly [FactKind, AgeBasis]> = [
  ['examDate', 'exam'],
  ['scheduledDate', 'scheduled'],
  ['orderDate', 'order'],
  ['visitDate', 'visit'],
];

/**
 * What a record offers for its age, each the first of its kind that parses. The two readings are asked for only
 * when the precedence reaches them, so a list row parses no age text when its dates give the age.
 */
export interface AgeSources {
  /** With what of it its label made (a two-digit year's century). */
  birth: ReadDate | null;
  /** The record's reference date (exam > scheduled > order > visit) and its role. */
  reference: CalendarDate | null;
  referenceBasis: AgeBasis;
  /** The DICOM PatientAge (AS, or an age text where the AS was expected). */
  dicomAge(): AgeReading | null;
  /** An age as the screen shows it. */
  shownAge(): AgeReading | null;
}

/** Which source gave the age, in precedence order. */
export type AgeSource = 'birth-reference' | 'dicom' | 'birth-today' | 'shown';

export interface AgeChoice {
  source: AgeSource;
  days: number;
  basis: AgeBasis;
  pediatric: boolean;
  /** The reading used (DICOM or shown age); null for an age from the birth date. */
  reading: AgeReading | null;
  /** The date a birth-date age is counted to (the reference date or today); null for a reading. */
  at: CalendarDate | null;
}

/**
 * A birth date whose century its label made (a two-digit year, parse/dates.ts) and that falls after the record's
 * reference date: the century may be the wrong one, so the record has no birth date.
 */
export function centuryMisfits(birth: ReadDate | null, reference: CalendarDate | null): boolean {
  return birth?.guess === 'century' && reference !== null && daysBetween(birth, reference) < 0;
}

/**
 * The age of one record by the precedence above; null when no source gives one. `into`: a choice to write it into
 * instead of a new one (a list's rows reuse one).
 */
export function chooseAge(s: AgeSources, today: CalendarDate, cutoff: number, into?: AgeChoice): AgeChoice | null {
  const birth = centuryMisfits(s.birth, s.reference) ? null : s.birth;
  if (birth && s.reference) {
    const months = monthsOfAge(birth, s.reference);
    if (months >= 0) return chosen(into, 'birth-reference', daysBetween(birth, s.reference), s.referenceBasis, monthsUnderCutoff(months, cutoff), null, s.reference);
  }
  const dicom = s.dicomAge();
  if (dicom) return chosen(into, 'dicom', dicom.days, 'exam', dicom.years < cutoff, dicom, null);
  if (birth) {
    const months = monthsOfAge(birth, today);
    if (months >= 0) return chosen(into, 'birth-today', daysBetween(birth, today), 'today', monthsUnderCutoff(months, cutoff), null, today);
  }
  const shown = s.shownAge();
  if (shown) return chosen(into, 'shown', shown.days, 'today', shown.years < cutoff, shown, null);
  return null;
}

function chosen(into: AgeChoice | undefined, source: AgeSource, days: number, basis: AgeBasis, pediatric: boolean, reading: AgeReading | null, at: CalendarDate | null): AgeChoice {
  if (!into) return { source, days, basis, pediatric, reading, at };
  into.source = source;
  into.days = days;
  into.basis = basis;
  into.pediatric = pediatric;
  into.reading = reading;
  into.at = at;
  return into;
}

/** How the chosen age is printed: the exact calendar age for a birth date, the reading as written otherwise. */
export function ageDetailOf(choice: AgeChoice, birth: CalendarDate | null): AgeDetail | null {
  if (choice.reading) return readingDetail(choice.reading);
  const c = birth && choice.at ? calendarAge(birth, choice.at) : null;
  return c && { source: 'calendar', years: c.years, months: c.months, days: c.days };
}

/** The DICOM age of a fact: a strict AS, or an age text where a page put one in the AS's place. */
export function readDicomAge(text: string): AgeReading | null {
  return parseDicomAge(text) ?? parseAgeText(text);
}

/** An age result for the open record. */
export interface AgeDecision {
  ageDays: number | null;
  ageBasis: AgeBasis | null;
  ageDetail: AgeDetail | null;
  pediatric: boolean;
  conflict: boolean;
  /** The age came from a fact the page does not tie to the patient. */
  unsure: boolean;
}

/** The record's reference date: the first role (exam > scheduled > order > visit) with a date that parses. */
function referenceDate(facts: readonly Fact[], ctx: DecideContext, ev: Evidence[]): (DateFact & { basis: AgeBasis }) | null {
  for (const [kind, basis] of REFERENCE_KINDS) {
    const d = pickDate(facts, kind, ctx, ev);
    if (d) return { ...d, basis };
  }
  return null;
}

function firstReading(facts: readonly Fact[], kind: 'patientAge' | 'ageText'): { reading: AgeReading; fact: Fact } | null {
  for (const fact of facts) {
    if (fact.kind !== kind) continue;
    const reading = kind === 'patientAge' ? readDicomAge(fact.text) : parseAgeText(fact.text);
    if (reading) return { reading, fact };
  }
  return null;
}

/** The open record's age (`chooseAge`), with its cross-checks and evidence. */
export function decideAge(facts: readonly Fact[], ctx: DecideContext, ev: Evidence[]): AgeDecision {
  let birth = pickDate(facts, 'birthDate', ctx, ev);
  const ref = referenceDate(facts, ctx, ev);
  if (birth && centuryMisfits(birth.date, ref?.date ?? null)) {
    ev.push({ kind: 'birthDate', text: birth.fact.text, where: birth.fact.where, note: `two-digit year after the ${ref!.basis} date: century unsure, not used` });
    birth = null;
  }
  const basis: AgeBasis = ref?.basis ?? 'exam';
  const dicom = firstReading(facts, 'patientAge');
  const shown = firstReading(facts, 'ageText');
  let conflict = ev.some((e) => e.conflict && e.kind === 'birthDate');
  const atAge = birth && ref ? ageBetween(birth.date, ref.date) : null;
  if (birth && ref && !atAge) ev.push({ kind: 'age', text: ref.fact.text, where: ref.fact.where, note: 'before the birth date: not used' });
  const todayAge = birth ? ageBetween(birth.date, ctx.today) : null;
  const said = (r: { fact: Fact }, agree: boolean, what: string) => {
    if (!agree) conflict = true;
    ev.push({ kind: 'age', text: r.fact.text, where: r.fact.where, ...(agree ? {} : { conflict: true }), note: agree ? `agrees with ${what}` : `disagrees with ${what}: not used` });
  };
  // Cross-checks: the AS against the dated age at the exam; a shown age against the birth date today.
  if (atAge && dicom) said(dicom, agesAgree(atAge, dicom.reading, 0), `birth + ${basis} date`);
  if (shown && todayAge) said(shown, shownAgeAgrees(todayAge, shown.reading), 'the birth date');

  const choice = chooseAge(
    {
      birth: birth?.date ?? null,
      reference: ref?.date ?? null,
      referenceBasis: basis,
      dicomAge: () => dicom?.reading ?? null,
      shownAge: () => shown?.reading ?? null,
    },
    ctx.today,
    ctx.cutoff,
  );
  if (!choice) return { ageDays: null, ageBasis: null, ageDetail: null, pediatric: false, conflict, unsure: false };
  const [fact, text, where, note] = evidenceOf(choice, birth, ref, dicom, shown);
  ev.push({ kind: 'age', text, where, note: `used: ${note}` });
  return {
    ageDays: choice.days,
    ageBasis: choice.basis,
    ageDetail: ageDetailOf(choice, birth?.date ?? null),
    pediatric: choice.pediatric,
    conflict,
    unsure: !!fact.unsure,
  };
}

type Read = { reading: AgeReading; fact: Fact } | null;

/** The fact the chosen age came from, and the evidence's text, place and note. */
function evidenceOf(choice: AgeChoice, birth: DateFact | null, ref: (DateFact & { basis: AgeBasis }) | null, dicom: Read, shown: Read): [Fact, string, string, string] {
  switch (choice.source) {
    case 'birth-reference':
      return [birth!.fact, `${choice.days} days`, `${birth!.fact.where} + ${ref!.fact.where}`, `birth + ${choice.basis} date (UTC calendar; reference date: ${REFERENCE_ORDER})`];
    case 'dicom':
      return [dicom!.fact, dicom!.fact.text, dicom!.fact.where, `DICOM age at the study, ≥ ${choice.days} days`];
    case 'birth-today':
      return [birth!.fact, `${choice.days} days`, birth!.fact.where, 'birth date + today (no exam, scheduled, order or visit date shown)'];
    case 'shown':
      return [
        shown!.fact,
        shown!.fact.text,
        shown!.fact.where,
        `age as shown (today), ≥ ${choice.days} days${shown!.fact.unsure ? '; no label and no patient header: unsure' : ''}`,
      ];
  }
}

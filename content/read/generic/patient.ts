/**
 * The patient of the page, one at a time: which age and birth date are the open record's patient's.
 *
 * - **Patient header**: the smallest block around an age or birth date that also holds the patient's name
 *   (`LAST, First`, or a Name/Patient field) or record number (MRN, Unit #, Chart #… field, or `MRN 00482913`),
 *   whatever its markup — a storyboard, a banner of spans, a card, a print layout's table row.
 * - **Ages**: labelled (`Age: 6`, an Age column or field, `Edad 7 años`) or unlabelled (age-mentions.ts). An
 *   unlabelled age counts in the header in any form; elsewhere only in the forms that always mean a person's age
 *   (`6 y.o.`, `12Y / M`, `45 d/o`) — and the analysis is then unsure unless the page shows whose it is.
 * - **Birth dates**: labelled (DOB, Born, Fecha de nacimiento…), or an unlabelled date in the header beside the age
 *   it agrees with (`4 yrs (28-Feb-2022)`, `2017-05-30 (009Y)`, `Female, 5 wk.o., 10/31/2026`).
 * - **Someone else's**: sections of other patients or relatives (fields.ts), relative fields (Mother, Guardian…),
 *   and lists of people — two or more sibling rows each with an age or birth date — except the selected row.
 */
import { findAgeMentions, namesRelative, type AgeMention } from '../parse/age-mentions';
import { ageBetween, ageFactText, type AgeReading, parseAgeText, parseDicomAge, shownAgeAgrees } from '../parse/age';
import { type CalendarDate, type DateMatch, daysBetween, findDates, parseDate, utcDate } from '../parse/dates';
import { classifyProcedure } from '../parse/procedure';
import { bannerBirths, dayKey, findBanners } from './banner';
import { labelNamesSex } from '../profiles/labels';
import { labelKey, pushFact } from '../profiles/profile';
import type { DateOrder, Fact } from '../types';
import { dateRole, type DateRole, EXAM_SUBJECT, SALUTATION, isCodeLabel, isListTitle, isSelectedElement, namesRelation, REFERRAL_WORDS, sectionClass, START_WORDS, withoutSelectionMarks } from './fields';
import { isCommaName, isPersonName, looksLikeName, opensWithName, RECORD_NUMBER, samePerson } from './names';
import { type Field, isRoleWord, labelField } from './pairs';
import { CHROME, CONTROL, FREE, HEADING, NEWBORN, OTHERS, PRIOR, SELECTED, type PageText, type RowInfo, type Seg } from './walk';

/** A date written on the page, with its role (null: the page does not say). */
export interface DateMention {
  seg: number;
  text: string;
  date: CalendarDate;
  role: DateRole | null;
  /** The words or label that gave the role. */
  by: string | null;
  /** Where it is written in its segment's text. */
  at: number;
  /**
   * Told in free text as an exam done before today ("CT head performed on 11/10/2026"): `prior` unless it is the
   * date of the page's own exam, told beside it (generic/exam.ts, reader.ts).
   */
  told?: boolean;
  /** A birth date read from a banner's unlabelled date that may be a recent visit's (banner.ts): the age is unsure. */
  unsure?: boolean;
}

export interface AgeFound {
  seg: number;
  reading: AgeReading;
  /** The age as written. */
  text: string;
  /** A DICOM AS (`009Y`): a `patientAge` fact. */
  dicom: boolean;
  labelled: boolean;
  inHeader: boolean;
  /** `listed`: an entry's age in brackets after its person ("Ruiz, Camila (9)"), or one of its birth date: a list's only. */
  form: AgeMention['form'] | 'labelled' | 'listed';
}

/** An age found → its fact: a DICOM AS as written, an age text as the age parser reads it alone (`ageFactText`). */
export function pushAge(facts: Fact[], a: AgeFound, where: string, extra?: Partial<Fact>): void {
  pushFact(facts, a.dicom ? 'patientAge' : 'ageText', a.dicom ? a.text : ageFactText(a.text, a.reading), where, extra);
}

export interface Patient {
  age: AgeFound | null;
  /** True when the age is unlabelled, outside any patient header, and the page names no patient. */
  unsure: boolean;
  birth: DateMention | null;
  /** Where the patient's header is (for the evidence), if one was found. */
  header: Element | null;
  /** Rows that are other people's (a list of patients), not the open record's. */
  otherRows: Set<Element>;
  /** Per segment: 1 when it is in another person's row or block (a card of a board, an item of a list of people). */
  others: Uint8Array;
  /** The selected row of a list of people: the open record. */
  recordRow: Element | null;
  /**
   * The rows and blocks of lists of people (the selected one too), each with its segment range, in page order: each
   * is someone's record (generic/rows.ts).
   */
  people: Person[];
  /** The ages found on the page, in page order (someone's or the patient's). */
  ages: AgeFound[];
  /** A name or record number of the patient is on the page. */
  identified: boolean;
  /** The patient is a parent (ten or older) on a page that speaks of a newborn: the newborn's facts are not theirs. */
  parent: boolean;
  /** Banners of unlabelled tokens (banner.ts), as segment ranges. */
  banners: { from: number; to: number }[];
}

/** Segments of one relative's card at most (a name, a relationship, a phone, an address, a birth date). */
const MAX_RELATIVE_CARD = 24;
const PATIENT_WORD = /^(?:patient|pt|paciente)\b/i;

/** A segment from `from` to `to` labelled as the patient's ("Patient", "Patient name", "Paciente"). */
function namesPatient(segs: readonly Seg[], fields: readonly (Field | null)[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (PATIENT_WORD.test(fields[i]?.label ?? '') || (segs[i]!.flags & HEADING && PATIENT_WORD.test(segs[i]!.text))) return true;
  return false;
}

/** A row or block of a list of people, and the segments it covers. */
export interface Person {
  el: Element;
  from: number;
  to: number;
  selected: boolean;
}

const AGE_LABEL_BEFORE = /(?<![\p{L}])(?:age|edad|patient age|pt age|[âa]ge|et[àa]|idade|leeftijd|alter)\s*[:.=-]?\s*$/iu;
const HEADER_LEVELS = 6;
/** Segments either side of an age that a patient header may span. */
const HEADER_SPAN = 30;

export function isIdentity(seg: Seg, field: Field | null): boolean {
  if (field && (field.kind === 'patientName' || field.kind === 'patientId')) return true;
  if (isPersonName(seg.text)) return true;
  return seg.text.length <= 120 && RECORD_NUMBER.test(seg.text);
}


/** A patient's name or record number under its own label or column (what a list of patients repeats per row). */
function identityField(seg: Seg, field: Field | null): 'names' | 'ids' | null {
  // (A "Name" column of a list of orders holds the orders' names: a person's name reads `LAST, First`.)
  if (field?.kind === 'patientName' && seg.text.length <= 60 && isCommaName(seg.text)) return 'names';
  if (field?.kind === 'patientId' && /\d{4,}/.test(seg.text)) return 'ids';
  return null;
}

/**
 * What the page around a date says about its role: the role the nearest heading before it names (a dialog titled
 * "Edit Appointment", a section "Order details"), and where a letter's salutation is.
 */
export interface DateContext {
  today: CalendarDate;
  /** Per segment: the exam, scheduled, order or visit role the nearest heading before it names, if any. */
  heading: readonly (DateRole | null)[];
  /** Index of a letter's salutation ("Dear Dr …", "Estimada …"); -1 when the page is no letter. */
  salutation: number;
  /** The page's segments (a sentence split by its bold or linked words is read across them). */
  segs?: readonly Seg[];
}

const HEADING_ROLES: ReadonlySet<DateRole> = new Set<DateRole>(['exam', 'scheduled', 'order', 'visit']);

export function dateContext(segs: readonly Seg[], today: CalendarDate): DateContext {
  const heading: (DateRole | null)[] = new Array(segs.length);
  let role: DateRole | null = null;
  let salutation = -1;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.flags & HEADING) {
      const r = s.text.length <= 60 ? dateRole(s.text) : null;
      role = r && HEADING_ROLES.has(r) ? r : null;
    }
    heading[i] = role;
    if (salutation < 0 && SALUTATION.test(s.text)) salutation = i;
  }
  return { today, heading, salutation, segs };
}

/** Elements that run inside a line of text: a sentence's bold, italic, linked or marked words. */
const INLINE_TAGS = new Set(['B', 'STRONG', 'I', 'EM', 'U', 'SPAN', 'A', 'FONT', 'MARK', 'SMALL', 'BIG', 'TIME', 'ABBR', 'CITE', 'Q', 'SUP', 'SUB', 'INS']);

/** The block a segment's text runs in: its element, or the nearest one around it that is not inline. */
function blockOf(el: Element): Element {
  let x = el;
  for (let k = 0; k < 6 && x.parentElement && INLINE_TAGS.has(x.tagName.toUpperCase()); k++) x = x.parentElement;
  return x;
}

/**
 * The text of the segments of the same block right before (`dir` -1) or after (+1) segment `index`, at most `max`
 * characters: the rest of a sentence whose bold words are elements of their own ("… has an appointment for a
 * <b>CT scan</b> on <b>Wednesday, Dec 9, 2026</b>").
 */
function sameBlockText(segs: readonly Seg[], index: number, dir: -1 | 1, max: number): string {
  const block = blockOf(segs[index]!.el);
  let t = '';
  for (let j = index + dir; j >= 0 && j < segs.length && t.length < max; j += dir) {
    const el = segs[j]!.el;
    if (!block.contains(el) || blockOf(el) !== block) break;
    t = dir < 0 ? `${segs[j]!.text} ${t}` : `${t} ${segs[j]!.text}`;
  }
  return dir < 0 ? t.slice(-max) : t.slice(0, max);
}

/** A word that makes a label a date's ("Date Desired", "Fecha deseada", "Time of arrival"). */
const DATE_WORD = /\b(?:date|dt|dte|time|day|fecha|hora|dia)\b/;
/** A bare date label: it says a date is there, not of what ("Date", "Date/Time", "Fecha", "Fecha y hora"). */
const BARE_DATE = /^(?:date|dt|date time|date and time|fecha|fecha hora|fecha y hora|data|datum|date heure|date et heure|data ora|data e ora|data hora|data e hora)$/;

/** A label that says a date is there, not of what ("Date", "Fecha y hora"). */
export function isBareDateLabel(label: string): boolean {
  return BARE_DATE.test(labelKey(label));
}
/** "(10)", "(10y)", "(10 yrs)", "(009Y)", "(10 años)" right after a date. */
const AGE_IN_BRACKETS = /^\s*\(\s*(\d{1,3}(?:\s*[a-zñ]{1,6}\.?)?)\s*\)/i;
/**
 * Numbers that begin with a date too but are not a person's: accession, order, request, study or visit numbers
 * (`Acc# 20261201-0042`) start with the day the exam was asked for or done, never with a birth date.
 */
const OTHER_NUMBER =
  /\b(?:acc(?:ession)?|acc ?#|order|ord|req|request|requisition|study|exam|examination|visit|encounter|case|episode|invoice|claim|ticket|booking|appointment|appt|accesi[oó]n|orden|pedido|solicitud|estudio|episodio|cita|demande|dossier|s[ée]jour|rdv|richiesta|esame|prenotazione|impegnativa|exame|requisi[cç][aã]o|epis[oó]dio|aanvraag|onderzoek)(?![\p{L}])/iu;
function namesAnotherNumber(before: string, field: Field | null, col: string | null, prev?: string): boolean {
  const label = (text: string | null | undefined) => !!text && text.length <= MAX_NUMBER_LABEL && OTHER_NUMBER.test(text);
  // The label may be the text just before the number's own (a label/value grid whose label the reader does not know).
  return OTHER_NUMBER.test(before) || label(field?.label) || label(col) || label(prev);
}
const MAX_NUMBER_LABEL = 40;

/** Letters or digits run into the number (`FX-20261207-0113`, `RX20261101-4410`): a document's identifier, not a person's. */
const GLUED_ID = /[A-Za-z0-9][-_/]?$/;
/** The rest of a personal identity number that begins with the birth date (`20160314-4410`, Nordic style). */
const PERSONAL_NUMBER_TAIL = /^[-+]\d{4}(?!\d)/;
/** What may stand beside a date on a line that is only a date: a weekday, a time, a place before a comma. */
const WEEKDAY_OR_TIME = /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lun|mar|mie|jue|vie|sab|dom|mer|jeu|ven|sam|dim|gio)[a-z]*\.?|\b[ap]\.?m\.?\b|\bh\b/gi;
/** Longest value under a code's label read as a code alone. */
const MAX_CODE = 24;
/** Running text: a long segment, whose role words are looked for in the clause before the date. */
const PROSE_CHARS = 80;
/** How far back a sentence is read for an appointment it tells. */
const SENTENCE_LOOKBACK = 200;

/** Text of items set apart by bars ("Chart | In Basket  Schedule  Results", "Home | Appointments | Orders |"). */
const ITEMS_APART = /^.*(?:^|\s)\|(?:\s|$).*$/s;

/** The text of the sentence that runs up to `to` (from `from` at the earliest). */
function sentenceBefore(text: string, from: number, to: number): string {
  const part = text.slice(from, to);
  let cut = 0;
  for (const e of part.matchAll(SENTENCE_END)) cut = e.index + e[0].length;
  return part.slice(cut);
}
const SENTENCE_END = /[.!?;]\s+(?=[A-Z¿¡])/g;

/** The words of a sentence after the last date in it (a birth date told earlier in the sentence is not its subject). */
function sinceLastDate(sentence: string, order: DateOrder | null): string {
  if (!/\d{4}/.test(sentence)) return sentence;
  const dates = findDates(sentence, order);
  const last = dates[dates.length - 1];
  return last ? sentence.slice(last.index + last.length) : sentence;
}

/** How a birth date in brackets after an entry's person is told (`opensWithName`). */
const BRACKET_BIRTH = 'date in brackets after a name';
const CLOSING = /^\s*\)/;

/** A label's words and its colon just before a date. */
const LABEL_OF_NEXT = /[\p{L}][\p{L}\p{M} .&/()'-]{0,40}[:：]\s*$/u;

/**
 * The words after a date up to the end of its sentence or the next date — less a label of that next date
 * ("12/07/2026 Appointment: 12/08/2026": "Appointment" names the second date, not the first).
 */
function sentenceAfter(text: string): string {
  const end = /[.!?;](?:\s|$)|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}/.exec(text);
  const words = end ? text.slice(0, end.index) : text;
  return (end && /\d/.test(end[0]) ? words.replace(LABEL_OF_NEXT, '') : words).slice(0, SENTENCE_LOOKBACK);
}

/** Roles under which a date written in a form only its label makes a date of (a two-digit year, no year) is read. */
const LABELLED_ROLES: ReadonlySet<DateRole> = new Set<DateRole>(['birth', 'exam', 'scheduled', 'order', 'visit']);
/** Field kinds that are a date's label. */
const DATE_FIELDS: ReadonlySet<string> = new Set(['birthDate', 'examDate', 'scheduledDate', 'orderDate', 'visitDate', 'date']);
/** Longest heading or control read as a day board's day ("CT Schedule — 9 dic"). */
const MAX_DAY_HEADING = 60;
/** Words looked back at for a date's label written just before it in its text ("Fecha de nac.:"). */
const MAX_LABEL_WORDS = 4;
const ENDS_IN_COLON = /[:：]$/;

/** A field whose label is a date's: a date kind of the lexicon, a role's words, or "Words:" that name a role. */
function isDateField(f: Field): boolean {
  if (DATE_FIELDS.has(f.kind)) return true;
  const role = f.kind === 'other' ? dateRole(f.label) : null;
  return role !== null && LABELLED_ROLES.has(role);
}

/**
 * A date written in a form only a label makes a date of (`DOB: 06/01/25`, `D.O.B. 3/14/19`, `Fecha nac.: 14/03/19`,
 * `Schedule for Dec 9`): the last words of `before` (the segment's text just before it) are a date's label — of the
 * lexicon (labels.ts), or a role's words ending in a colon ("Pt seen 3/4/20" is not one; a month's name needs no colon:
 * "Booked Dec 9"); else its field's label is a date's and only a weekday or a time stands before it.
 */
export function underDateLabel(before: string, field: Field | null, seg: Seg, m: DateMatch): boolean {
  const words = before.trimEnd().split(/\s+/);
  for (let k = 1; k <= MAX_LABEL_WORDS && k <= words.length; k++) {
    const label = words.slice(-k).join(' ');
    const f = label ? labelField(label) : null;
    if (f && isDateField(f) && (f.kind !== 'date' || ENDS_IN_COLON.test(label) || m.guess === 'year')) return true;
  }
  return field !== null && isDateField(field) && labelsIt(seg, field, m) && !/\p{L}{2}/u.test(before.replace(WEEKDAY_OR_TIME, ' '));
}

/** A date followed by an age in brackets that fits it as a birth date ("Mar 14,2016 (10)", "2017-05-30 (009Y)"). */
function isBirthWithAge(date: CalendarDate, after: string, today: CalendarDate): boolean {
  const m = AGE_IN_BRACKETS.exec(after);
  if (!m) return false;
  const inner = m[1]!.trim();
  const dicom = parseDicomAge(inner);
  const reading = dicom ?? parseAgeText(inner, { bareNumberIsYears: true });
  const age = reading && ageBetween(date, today);
  if (!reading || !age) return false;
  // A DICOM age is the age at a study (today or earlier): never over the age today. A shown age is today's.
  if (reading.days > age.days + 31) return false;
  return dicom !== null || Math.abs(age.days - reading.days) <= (reading.days < 730 ? 45 : 400);
}

/** The segment is only this date, with at most a weekday, a time or a short place ("Boston, 12 November 2026"). */
export function standsAlone(text: string, at: number, length: number): boolean {
  const rest = (text.slice(0, at) + ' ' + text.slice(at + length)).replace(WEEKDAY_OR_TIME, ' ');
  if (/^[\s\d:,.@()\-–·•|/]*$/.test(rest)) return true;
  // A place before the date of a letter.
  return rest.length <= 40 && !/\d/.test(rest) && /,\s*$/.test(text.slice(0, at));
}

/**
 * Dates in one segment, each with its role, from the first that says:
 * - a personal identity number that begins with the date, or an age in brackets after it that fits → birth;
 * - the words before it in the segment (in running text, its clause) — in free text (a history, a note), an exam
 *   told with a date before today is an earlier exam;
 * - its field's label (a bare "Date"/"Fecha" takes the role of the heading it is under, or in a letter the order's —
 *   in the letter's body, a date ahead of today is the appointment it books);
 * - in a letter, a line that is only a date before the salutation → the date the exam was asked for (order);
 * - a chosen slot (the selected option, pressed button or checked radio whose text is only a date) → scheduled.
 * In a section of earlier exams every date is `prior`.
 */
export function datesOf(seg: Seg, field: Field | null, order: DateOrder | null, index: number, ctx?: DateContext, next?: string, prev?: string): DateMention[] {
  if (!/\d/.test(seg.text)) return [];
  // A code under a code's column or label ("Código 12.05.04", a billing code of dotted numbers): never a date.
  if (seg.text.length <= MAX_CODE && isCodeLabel(seg.col ?? (field && labelsIt(seg, field, { index: 0, length: seg.text.length }) ? field.label : null))) return [];
  const text = seg.text;
  const out: DateMention[] = [];
  const prose = text.length > PROSE_CHARS;
  const free = (seg.flags & FREE) !== 0 || field?.kind === 'freeText';
  let prevEnd = 0;
  for (const m of findDates(text, order, 8, ctx?.today, ctx ? 'any' : undefined)) {
    const prevDateEnd = prevEnd;
    let before = text.slice(Math.max(prevEnd, m.index - (prose ? 60 : 40)), m.index);
    if (prose) {
      let cut = 0;
      for (const e of before.matchAll(SENTENCE_END)) cut = e.index + e[0].length;
      before = before.slice(cut);
    }
    prevEnd = m.index + m.length;
    if (!m.result.ok) continue;
    let date: CalendarDate = m.result.date;
    const tail = text.slice(prevEnd);
    let role: DateRole | null = null;
    let by: string | null = null;
    let told = false;
    if (m.length === 8 && PERSONAL_NUMBER_TAIL.test(tail) && !GLUED_ID.test(text.slice(0, m.index)) && !namesAnotherNumber(before, field, seg.col, prev)) {
      role = 'birth';
      by = 'personal identity number';
    } else if (ctx && !(seg.flags & CHROME) && isBirthWithAge(date, tail.trim() ? tail : (next ?? ''), ctx.today)) {
      role = 'birth';
      by = 'date (age)';
    } else if (ctx && CLOSING.test(tail) && daysBetween(date, ctx.today) > 0 && opensWithName(text.slice(0, m.index))) {
      // A day book's entry: the person and the birth date in brackets ("08:00 Gardner, Pam (03/03/1961) XR KNEE").
      role = 'birth';
      by = BRACKET_BIRTH;
    } else if (field && labelsIt(seg, field, m) && isNotTheExams(field)) {
      // A "Recall", "Last visit" or "Printed" field: whatever words its value holds ("Due 06/02/2027").
      role = dateRole(field.label);
      by = field.label;
    } else {
      role = /[a-z]/i.test(before) ? dateRole(before) : null;
      by = role ? before.trim() : null;
      if (role) role = roleInWords(role, before, prose);
      // "CT head performed on 11/10/2026 was normal" in a history: an earlier exam, not the page's.
      if (role === 'exam' && free && ctx && !/[:：]\s*$/.test(before) && daysBetween(date, ctx.today) > 0) {
        role = 'prior';
        by = `${by} (told in free text)`;
        told = true;
      } else if (role === 'exam' && ctx && DONE_WORDS.test(before) && daysBetween(date, ctx.today) >= 0 && namesAnExamBefore(text, prevDateEnd, m.index, prose)) {
        // A line that names an exam and tells it done on this date ("XR Abdomen 2 Views — Completed — 12/04/2026",
        // "…follows the ultrasound performed on 20/10/2026"): that exam's date — the page's own exam's only when the
        // line names it (reader.ts `toldDate`), never an order or appointment beside it.
        role = 'prior';
        by = `${by} (told of the exam it names)`;
        told = true;
      }
    }
    // A sentence that tells an appointment further back than the words just before the date ("We have arranged an
    // appointment for your child to have a contrast enema on Tuesday 15 December 2026"), or after it ("On Wednesday,
    // Dec 9, 2026 your child is booked for…"), for a day not yet past — across the bold or linked words of its block.
    if (!role && ctx && daysBetween(ctx.today, date) >= 0) {
      // (Items apart by bars — an application's menu, a breadcrumb beside its clock — are no sentence.)
      const lead = prose || !ctx.segs ? '' : sameBlockText(ctx.segs, index, -1, SENTENCE_LOOKBACK).replace(ITEMS_APART, '');
      if (prose || lead) {
        const head = lead ? `${lead} ${text.slice(0, m.index)}` : text;
        const at = lead ? head.length : m.index;
        const sentence = sinceLastDate(sentenceBefore(head, Math.max(0, at - SENTENCE_LOOKBACK), at), order);
        const after = lead || !prose ? `${tail} ${ctx.segs ? sameBlockText(ctx.segs, index, 1, SENTENCE_LOOKBACK) : ''}` : tail;
        if (dateRole(sentence) === 'scheduled' || dateRole(sentenceAfter(after)) === 'scheduled') {
          role = 'scheduled';
          by = 'appointment told in the sentence';
        }
      }
    }
    // Free text (a history, a note, a text box) dates its events in its own words, not by its field's label.
    if (!role && field && labelsIt(seg, field, m)) {
      role = roleOfField(field, ctx, index, standsAlone(text, m.index, m.length), date);
      by = role ? field.label : null;
    }
    if (!role && ctx && standsAlone(text, m.index, m.length)) {
      if (ctx.salutation > index && !field) {
        role = 'order';
        by = 'date line of a letter';
      } else if (seg.flags & SELECTED && (seg.flags & CONTROL || !seg.row)) {
        role = 'scheduled';
        by = 'chosen date';
      } else if (!field && ctx.heading[index] === 'scheduled') {
        // A date alone on its line under "Upcoming appointments", "Próximas citas": the appointment's.
        role = 'scheduled';
        by = 'date under a heading of appointments';
      }
    }
    // An exam dated after today is not done yet: it is scheduled then ("Date of procedure" on a consent).
    if (role === 'exam' && ctx && daysBetween(ctx.today, date) > 0) role = 'scheduled';
    if (seg.flags & PRIOR) {
      role = 'prior';
      told = false;
    }
    // A two-digit year or a day with no year is a date only under a date's label (a day also as a day board's heading:
    // "Agenda — 9 dic"), and a birth date's century is its own (parse/dates.ts).
    if (m.guess) {
      const dayTitle = m.guess === 'year' && !role && (seg.flags & (HEADING | CONTROL)) !== 0 && text.length <= MAX_DAY_HEADING;
      if (!dayTitle && (!role || !LABELLED_ROLES.has(role) || !underDateLabel(before, field, seg, m))) continue;
      if (role === 'birth') {
        const birth = parseDate(text.slice(m.index, m.index + m.length), order, ctx!.today, 'birth');
        if (!birth.ok) continue;
        date = birth.date;
      }
    }
    out.push({ seg: index, text: text.slice(m.index, m.index + m.length), date, role, by, at: m.index, ...(told ? { told } : {}) });
  }
  return out;
}

/** A course of treatment: its length ("3 weeks", "x10 days", "10d") or the word ("course", "tratamiento", "ciclo"). */
const COURSE_WORDS = /\b(?:x?\s?\d+\s?(?:d|days?|wks?|weeks?|mo|months?|dias?|semanas?|meses)|course|regimen|tratamiento|pauta|ciclo)\b/i;
/** Words that tell an exam done (a status or a verb), as a line that names the exam before its date writes them. */
const DONE_WORDS = /\b(?:completed?|performed|perf|done|taken|realizad[oa]|efectuad[oa]|practicad[oa]|finalizad[oa])\b/i;
/** A word of three letters or more: an exam's name, not its modality code alone ("CT · performed 12/04/2026"). */
const NAME_WORD = /\p{L}{3}/u;

/**
 * The text before a date in its segment — since the date before it, and in running text within its sentence — names
 * an imaging exam in words, not by its code alone.
 */
function namesAnExamBefore(text: string, from: number, to: number, prose: boolean): boolean {
  const said = prose ? sentenceBefore(text, Math.max(from, to - SENTENCE_LOOKBACK), to) : text.slice(from, to);
  const name = said.replace(DONE_WORDS, ' ');
  return NAME_WORD.test(name) && classifyProcedure(name).modalities.length > 0;
}

/**
 * The role the words before a date give it, where they tell of another event than they seem to:
 * - something started, began or "since" is the exam only when the exam is what started ("Exam started 14:21",
 *   "Started: …" alone as a label); a medicine, a therapy or a symptom that started is another event;
 * - a referral told in running text ("referred by Dr Lee on …") is not the order's date (a label still is);
 * - a course of treatment told done is another event than the exam.
 */
function roleInWords(role: DateRole, before: string, prose: boolean): DateRole | null {
  if (role === 'exam' && START_WORDS.test(before)) {
    const words = before.replace(/[\s:：(\-–—,.]+$/, '');
    const onlyStart = words.replace(START_WORDS, '').replace(/\b(?:on|at|the|el|la|en|de|:)\b/gi, '').trim() === '';
    return onlyStart || EXAM_SUBJECT.test(words) ? role : 'event';
  }
  if (role === 'order' && prose && REFERRAL_WORDS.test(labelKey(before))) return null;
  // A course of treatment told done ("amoxicillin 3 weeks, completed", "steroid course done") is another event.
  if (role === 'exam' && DONE_WORDS.test(before) && COURSE_WORDS.test(before) && !EXAM_SUBJECT.test(before)) return 'event';
  return role;
}

/**
 * The field's label names the date: outside free text, or in a free-text section (a report's body) a value that is only
 * the date ("Fecha de alta | 03/12/2026" under "Informe de alta"). A text box's or a note's dates are told in its words.
 */
function labelsIt(seg: Seg, field: Field, m: { index: number; length: number }): boolean {
  if (!(seg.flags & FREE)) return true;
  return !(seg.flags & CONTROL) && field.kind !== 'freeText' && standsAlone(seg.text, m.index, m.length);
}

/** A date field whose label says it is not the exam's: an earlier one, a recall, the printing, another event. */
function isNotTheExams(field: Field): boolean {
  if (field.kind !== 'date' && field.kind !== 'other') return false;
  const role = dateRole(field.label);
  return role === 'prior' || role === 'printed' || role === 'event';
}

/** `alone`: the date (and a time) is the field's whole value; `date`: the date read. */
function roleOfField(field: Field, ctx: DateContext | undefined, index: number, alone: boolean, date: CalendarDate): DateRole | null {
  switch (field.kind) {
    case 'birthDate':
      return 'birth';
    case 'examDate': {
      const role = dateRole(field.label);
      if (role || !ctx || !BARE_DATE.test(labelKey(field.label))) return role ?? 'exam';
      // A bare "Date" is the date of what its heading names, a letter's date is the request's, else the exam's; in a
      // letter's body (after its salutation) a date ahead of today is the appointment the letter books.
      const booked = ctx.salutation >= 0 && index > ctx.salutation && daysBetween(ctx.today, date) > 0;
      return ctx.heading[index] ?? (ctx.salutation >= 0 && !booked ? 'order' : 'exam');
    }
    case 'scheduledDate':
      return 'scheduled';
    case 'orderDate':
      return 'order';
    case 'visitDate':
      return 'visit';
    case 'date':
      return dateRole(field.label);
    case 'other':
      // "Date Desired (Not guaranteed):" names a date; "History and Reason for Exam:" does not.
      return DATE_WORD.test(labelKey(field.label)) || isRoleWord(field.label) ? dateRole(field.label) : null;
    case 'procedure':
      // An exam or study field that holds only a date and time dates the study ("Study: 2026/12/04 10:02" in an overlay)
      // — of the role its label's words give, when they give one: a request's ("Solicitud", "Petición", "Request") is
      // the order's date, never the exam's.
      return alone ? (dateRole(field.label) ?? 'exam') : null;
    default:
      // A field of another kind ("Reason for exam", "Ordering provider") names its value, not a date's role.
      return null;
  }
}

/**
 * Ages in one segment (see the file comment); none in relatives' text or earlier exams. Those in a section of other
 * people are found too (each is someone's in a list), never the patient's.
 */
function agesOf(seg: Seg, field: Field | null, index: number, note: boolean): AgeFound[] {
  if (seg.flags & PRIOR) return [];
  if (field?.kind === 'relative' || field?.kind === 'gestation') return [];
  if (field?.kind === 'age') {
    if (namesRelative(field.label) || !isAgeValue(seg.text)) return [];
    const dicom = parseDicomAge(seg.text);
    // Under "Age" alone a capital M after the number is months (`3M`); under "Age/Sex" it is the sex (`58 M`).
    const reading = dicom ?? parseAgeText(seg.text, { bareNumberIsYears: true, monthsLetter: !labelNamesSex(field.label) });
    if (!reading) return [];
    return [{ seg: index, reading, text: seg.text, dicom: !!dicom, labelled: true, inHeader: false, form: 'labelled' }];
  }
  const free = (seg.flags & FREE) !== 0 || field?.kind === 'freeText';
  const out: AgeFound[] = [];
  // A day book's entry: the person and the age in years in brackets ("8:00 Ruiz, Camila (9) Prophy/BWX").
  const entry = free ? null : ENTRY_AGE.exec(seg.text);
  const years = entry && opensWithName(entry[1]!) ? parseAgeText(entry[2]!, { bareNumberIsYears: true }) : null;
  if (years) out.push({ seg: index, reading: years, text: entry![2]!, dicom: false, labelled: false, inHeader: false, form: 'listed' });
  for (const m of findAgeMentions(seg.text)) {
    // "Age 8 months" inside running text is not a field: a narrative says when things happened at which age.
    const labelled = !free && AGE_LABEL_BEFORE.test(seg.text.slice(Math.max(0, m.index - 16), m.index));
    let form: AgeFound['form'] = labelled ? 'labelled' : m.form;
    // A number and a unit letter in the value of a field of something else ("ManufacturerModelName: ProMax 3D Mid",
    // "Station: Room 2D") is that thing's: only a form that says it is an age ("7 y.o.", "007Y", "9Y M") is one there.
    if (form === 'plain' && field?.kind === 'other') continue;
    // A narrative names its subject's age first, or as "a 7-year-old boy": as strong as "7 y.o." in a note — and in
    // the paragraphs of a page that is a note (`note`: it has a note's sections), an age with its person ("Niña de 5
    // años con tos…", "5-year-old girl with…") too.
    if (form === 'plain' && (free || (note && m.person))) {
      if (!m.person && m.index !== 0) continue;
      form = 'compact';
    }
    out.push({ seg: index, reading: m.reading, text: m.text, dicom: m.form === 'as', labelled, inHeader: false, form });
  }
  return out;
}

/** A number in brackets after what comes first in a text (`opensWithName` tells whether that is a person). */
const ENTRY_AGE = /^([^()]{0,80}\()\s*(\d{1,3})\s*\)(?![\d%])/;

/**
 * An age a row of a list of people holds as one of its cells ("6 yrs", "DIAZ, Ana · 6 yrs F"), not one said in a
 * sentence: a chart's cards (the patient, a progress note, the orders) are not rows of people because the note says
 * "6 days of life" or "a 7-year-old" below the patient card's labelled age.
 */
const MAX_CELL_CHARS = 60;
function cellAge(seg: Seg): boolean {
  return (seg.flags & FREE) === 0 && seg.text.length <= MAX_CELL_CHARS;
}

/** The value of an Age field: an age and a few words at most ("4 yrs, 1 mth", "7 (at exam)"), not a sentence. */
function isAgeValue(text: string): boolean {
  return text.length <= 40 && text.split(/\s+/).length <= 6;
}

/**
 * Blocks of a list an element may be an item of: each ancestor (up to LIST_LEVELS up) that has a sibling of the same
 * tag and class — a card of a board, an item of a list of people, a row of a div grid; with `grid`, a few siblings
 * away too (a day grid's block, `sameNearby`).
 */
const LIST_LEVELS = 6;
function listItemsAround(el: Element, grid: boolean): Element[] {
  const out: Element[] = [];
  let x: Element | null = el;
  for (let level = 0; x && level < LIST_LEVELS; level++, x = x.parentElement) {
    if (x.tagName === 'BODY' || x.tagName === 'HTML') break;
    const cls = listClass(x);
    const same = (y: Element | null) => y !== null && y.tagName === x!.tagName && listClass(y) === cls;
    if (same(x.previousElementSibling) || same(x.nextElementSibling) || (grid && sameNearby(x, same))) out.push(x);
  }
  return out;
}

/** Siblings looked past, either side, for another item of a grid's (its empty cells, a time slot between). */
const GRID_GAP = 6;

/**
 * A sibling of the same kind a few cells away, past cells of another kind (a day grid's blocks between its time
 * slots and empty cells).
 */
function sameNearby(x: Element, same: (y: Element | null) => boolean): boolean {
  let prev = x.previousElementSibling;
  let next = x.nextElementSibling;
  for (let k = 0; k < GRID_GAP && (prev || next); k++) {
    if (same(prev) || same(next)) return true;
    prev = prev?.previousElementSibling ?? null;
    next = next?.nextElementSibling ?? null;
  }
  return false;
}

/** An item's class without the marks of selection ("q-item active" is an item of the "q-item" list). */
function listClass(el: Element): string {
  const cls = el.getAttribute('class');
  return cls ? withoutSelectionMarks(cls) : '';
}

/** The parts of a one-line entry of a list ("08:20 · Lam, Grace · 49 yrs · Screening"). */
const LINE_PARTS = /\s+[·|•—–]\s+/;
/**
 * A one-line entry of a schedule or a queue: a person's name beside the age, and the time or the exam booked
 * ("08:20 · Lam, Grace · 49 yrs · Screening", "Ruiz, Carla — 17 yrs — US breast"); not an age alone, nor a banner's
 * line ("Lam, Grace · 9 yrs · F").
 */
function namesPersonBeside(text: string): boolean {
  if (text.length > MAX_ENTRY_CHARS) return false;
  const parts = text.split(LINE_PARTS).map((part) => part.trim());
  if (!parts.some((part) => isCommaName(part))) return false;
  return parts.some((part) => ENTRY_TIME.test(part) || classifyProcedure(part).modalities.length > 0);
}
const ENTRY_TIME = /^\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?$/i;
const MAX_ENTRY_CHARS = 160;

/** The segment range a block covers, found from one of its segments (segments are in document order). */
function rangeOf(segs: readonly Seg[], block: Element, i: number): [number, number] {
  let from = i;
  let to = i;
  while (from > 0 && block.contains(segs[from - 1]!.el)) from--;
  while (to < segs.length - 1 && block.contains(segs[to + 1]!.el)) to++;
  return [from, to];
}

/**
 * The patient header around segment `i`: the smallest ancestor (up to HEADER_LEVELS up, spanning at most
 * HEADER_SPAN segments either side) that holds a name or record number of someone not in another person's section.
 */
function headerAround(segs: readonly Seg[], identity: Uint8Array, i: number): Element | null {
  let el: Element | null = segs[i]!.el;
  for (let level = 0; el && level <= HEADER_LEVELS; level++, el = el.parentElement) {
    if (el.tagName === 'BODY' || el.tagName === 'HTML') return null;
    const lo = Math.max(0, i - HEADER_SPAN);
    const hi = Math.min(segs.length - 1, i + HEADER_SPAN);
    // Too big to be a header: it spans more than the window.
    if ((lo > 0 && el.contains(segs[lo - 1]!.el)) || (hi < segs.length - 1 && el.contains(segs[hi + 1]!.el))) return null;
    for (let j = lo; j <= hi; j++) if (identity[j] && el.contains(segs[j]!.el)) return el;
  }
  return null;
}

/** An item's kind: its tag and class without the marks of selection. */
function itemKind(el: Element): string {
  return `${el.tagName} ${listClass(el)}`;
}

/** An item's kind and how many elements it holds: what items of one list share, whatever their class (or none). */
function shapeOf(el: Element): string {
  return `${itemKind(el)} ${el.childElementCount}`;
}

/** `el` or its nearest ancestor up to `top` that has one of the `shapes` of items (`shapeOf`), or null. */
function itemOf(el: Element, top: Element, shapes: ReadonlySet<string>): Element | null {
  for (let x: Element | null = el; x; x = x.parentElement) {
    if (shapes.has(shapeOf(x))) return x;
    if (x === top) return null;
  }
  return null;
}

/**
 * The ages, with those of entries' birth dates in brackets (`BRACKET_BIRTH`) as their list's (`listed`), in page
 * order: what tells the items of a day book (its people's ages differ) from one person's card.
 */
function withEntryBirths(ages: readonly AgeFound[], births: readonly DateMention[], today: CalendarDate): readonly AgeFound[] {
  const more: AgeFound[] = [];
  for (const b of births) {
    if (b.by !== BRACKET_BIRTH || ages.some((a) => a.seg === b.seg)) continue;
    const age = ageBetween(b.date, today);
    if (age) more.push({ seg: b.seg, reading: { days: age.days, years: age.days / DAYS_PER_YEAR }, text: b.text, dicom: false, labelled: false, inHeader: false, form: 'listed' });
  }
  return more.length === 0 ? ages : [...ages, ...more].sort((x, y) => x.seg - y.seg);
}
const DAYS_PER_YEAR = 365.25;

/** An age of another value than `a` in segments `from`–`to` (`ages` are in page order). */
function anotherAge(ages: readonly AgeFound[], a: AgeFound, from: number, to: number): boolean {
  let lo = 0;
  let hi = ages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ages[mid]!.seg < from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < ages.length && ages[k]!.seg <= to; k++) {
    const b = ages[k]!;
    if (b.seg !== a.seg && b.reading.days !== a.reading.days) return true;
  }
  return false;
}

/** Rows of a list looked at for its one selected row. */
const MAX_QUEUE_ROWS = 400;

/**
 * A list of other people (titled "Worklist", "Queue", "Schedule"…: walk.ts flags it `OTHERS`) with one selected row,
 * on a page that shows no patient of its own outside such lists: the selected row is the record open on the page (a
 * RIS list's highlighted order), so its segments are no longer someone else's — when the row names a person (a name,
 * a record number, a Patient column). Changes the segments' flags in place.
 */
export function openQueueRow(text: PageText, fields: readonly (Field | null)[]): void {
  const { segs, rows } = text;
  let open: RowInfo | null = null;
  let looked = 0;
  for (const info of rows.values()) {
    if (++looked > MAX_QUEUE_ROWS) return;
    if (!info.selected || !(segs[info.from]!.flags & OTHERS)) continue;
    if (open) return;
    open = info;
  }
  if (!open) return openDetailPane(text, fields, null);
  let person = false;
  for (let i = open.from; i <= open.to; i++) if (isIdentity(segs[i]!, fields[i] ?? null) || fields[i]?.kind === 'patientName') person = true;
  if (!person) return;
  for (let i = 0; i < segs.length; i++) {
    if (i >= open.from && i <= open.to) continue;
    if (!(segs[i]!.flags & OTHERS) && isIdentity(segs[i]!, fields[i] ?? null)) return;
  }
  for (let i = open.from; i <= open.to; i++) segs[i]!.flags &= ~OTHERS;
  openDetailPane(text, fields, open);
}

/** Lists of other people (the containers of their rows) looked at for a pane beside them. */
const MAX_PANE_LISTS = 8;

/**
 * A list of other people (walk.ts flags it `OTHERS`) that marks no row selected — or only by its styling — beside a
 * pane of one patient: a block outside the list's rows and columns with the patient's name or record number and a
 * labelled birth date or age (a RIS's detail pane, an order's card beside a worklist). The pane — everything of the
 * block around it that is not the list — is the record open on the page, so its segments are no longer someone
 * else's; up to a title of other people inside it (a guardian's block). With a selected row (`row`, opened by
 * `openQueueRow`), only a pane that names the row's patient. Nothing changes when the pane shows two birth dates or
 * ages that disagree (two people), or when the page shows a patient of its own outside the lists.
 */
function openDetailPane(text: PageText, fields: readonly (Field | null)[], row: RowInfo | null): void {
  const { segs } = text;
  // The lists: the containers of the rows of cells under columns, in the section of other people.
  const lists: Element[] = [];
  let anchor = -1;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const f = fields[i] ?? null;
    const inRow = row !== null && i >= row.from && i <= row.to;
    if (!(s.flags & OTHERS) && !inRow) {
      // A patient of the page's own outside the lists: the lists are beside a chart, not beside a pane.
      if (f && (f.kind === 'patientName' || f.kind === 'patientId' || f.kind === 'birthDate' || f.kind === 'age')) return;
      continue;
    }
    if (s.col !== null) {
      const list = s.row?.parentElement ?? null;
      if (list && !lists.includes(list)) {
        if (lists.length >= MAX_PANE_LISTS) return;
        lists.push(list);
      }
      continue;
    }
    if (anchor < 0 && f && (f.kind === 'birthDate' || f.kind === 'age') && /\d/.test(s.text)) anchor = i;
  }
  if (anchor < 0 || lists.length === 0) return;
  // The pane: the largest block around the anchor that holds none of the lists.
  let pane = segs[anchor]!.el;
  for (let up = pane.parentElement; up && up !== up.ownerDocument.body && !lists.some((l) => up!.contains(l)); up = up.parentElement) pane = up;
  if (lists.some((l) => pane.contains(l) || l.contains(pane))) return;
  let from = anchor;
  while (from > 0 && pane.contains(segs[from - 1]!.el)) from--;
  let to = anchor;
  while (to + 1 < segs.length && pane.contains(segs[to + 1]!.el)) to++;
  let person = false;
  let birth: string | null = null;
  let age: string | null = null;
  let end = to;
  for (let i = from; i <= to; i++) {
    const s = segs[i]!;
    const f = fields[i] ?? null;
    // (A title of other people inside the pane — a guardian's or sibling's block — ends what is the patient's.)
    if (i > anchor && s.flags & HEADING && sectionClass(s.text) === 'others' && !isListTitle(s.text)) {
      end = i - 1;
      break;
    }
    if (f?.kind === 'relative') continue;
    if (f?.kind === 'patientName' || f?.kind === 'patientId' || isIdentity(s, f)) person = true;
    const key = labelKey(s.text);
    if (f?.kind === 'birthDate' && /\d/.test(s.text)) {
      if (birth !== null && birth !== key) return;
      birth = key;
    } else if (f?.kind === 'age' && /\d/.test(s.text)) {
      if (age !== null && age !== key) return;
      age = key;
    }
  }
  if (!person || (row && !namesRowPatient(segs, fields, row, from, end))) return;
  for (let i = from; i <= end; i++) segs[i]!.flags &= ~OTHERS;
}

/** A patient's name or record number in segments `from`–`to` is the one of the row's. */
function namesRowPatient(segs: readonly Seg[], fields: readonly (Field | null)[], row: RowInfo, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) {
    const f = fields[i] ?? null;
    if (!(f?.kind === 'patientName' || f?.kind === 'patientId' || isIdentity(segs[i]!, f))) continue;
    for (let j = row.from; j <= row.to; j++) {
      const g = fields[j] ?? null;
      if (!(g?.kind === 'patientName' || g?.kind === 'patientId' || isIdentity(segs[j]!, g))) continue;
      const a = segs[i]!.text;
      const b = segs[j]!.text;
      if (samePerson(a, b) || (/\d{4,}/.test(a) && a.replace(/\D/g, '') === b.replace(/\D/g, ''))) return true;
    }
  }
  return false;
}

/**
 * A block of one text that holds more than its age and sex: a person's name before it (a board's block "MARLOW, JUDE
 * 7M · CT HEAD WO" is someone's record in one line), or a day list's entry of parts (`namesPersonBeside`), not a
 * banner's lone age.
 */
function holdsMore(text: string, a: AgeFound): boolean {
  if (a.form === 'listed') return true;
  const at = text.indexOf(a.text);
  return (at > 0 && text.length <= MAX_CELL_CHARS && NAME_BEFORE_AGE.test(text.slice(0, at).trim())) || namesPersonBeside(text);
}
/** `LAST, First` or `LAST, F` (a board's block writes the given name short). */
const NAME_BEFORE_AGE = /^\p{Lu}[\p{L}'’ -]{1,40},\s?\p{Lu}[\p{L}'’. -]{0,40}$/u;

/** Rank of an age as the patient's: a label or the header first; strong forms before plain ones. */
function rank(a: AgeFound): number {
  if (a.labelled) return a.inHeader ? 7 : 6;
  if (a.inHeader) return a.form === 'plain' ? 4 : 5;
  return a.form === 'plain' ? 0 : 2;
}

export function findPatient(text: PageText, fields: readonly (Field | null)[], dates: readonly DateMention[][], now: Date): Patient {
  const { segs, rows } = text;
  const identity = new Uint8Array(segs.length);
  let identified = false;
  for (let i = 0; i < segs.length; i++) {
    if (segs[i]!.flags & OTHERS) continue;
    if (isIdentity(segs[i]!, fields[i] ?? null)) {
      identity[i] = 1;
      identified = true;
    }
  }

  // Ages and birth dates, with the rows they are in.
  // A note's sections ("HPI:", "Plan:", "S:", a Notes heading): the page is a clinical note.
  let note = false;
  for (let i = 0; i < segs.length && !note; i++) note = (segs[i]!.flags & FREE) !== 0 || fields[i]?.kind === 'freeText';
  const ages: AgeFound[] = [];
  for (let i = 0; i < segs.length; i++) for (const a of agesOf(segs[i]!, fields[i] ?? null, i, note)) ages.push(a);
  // Banners of unlabelled tokens (banner.ts): their name and identifier are the patient's, and an unlabelled date in
  // one may be the birth date.
  const banners = findBanners(segs, fields, ages, dates);
  if (banners.length > 0) {
    const taken = new Set<string>();
    for (const list of dates) for (const d of list) if (d.role !== null && d.role !== 'birth') taken.add(dayKey(d.date));
    for (const b of banners) {
      for (const j of b.identity) {
        identity[j] = 1;
        identified = true;
      }
      for (const found of bannerBirths(b, segs, ages, taken, utcDate(now))) {
        found.date.role = 'birth';
        found.date.by = found.by;
      }
    }
  }
  const today = utcDate(now);
  const births: DateMention[] = [];
  for (let i = 0; i < segs.length; i++) {
    if (fields[i]?.kind === 'relative') continue;
    for (const d of dates[i] ?? []) if (d.role === 'birth') births.push(d);
  }

  // Lists of people: the same patient fact (an age, a birth date, a patient name or record number under its own
  // label) in two or more sibling rows. (A banner's label/value items hold the age in one item and the birth date
  // in another: not a list.)
  type What = 'ages' | 'births' | 'names' | 'ids';
  const byParent = new Map<Element, Record<What, Set<Element>>>();
  const noteRow = (i: number, what: What) => {
    const row = segs[i]!.row;
    if (!row?.parentElement) return;
    let entry = byParent.get(row.parentElement);
    if (!entry) byParent.set(row.parentElement, (entry = { ages: new Set(), births: new Set(), names: new Set(), ids: new Set() }));
    entry[what].add(row);
  };
  // A block already someone else's (a guarantor's card) is not a row beside the patient's own card; the columns of a
  // list under an "others" title (a schedule, a queue) still make its rows people.
  // A card or row that says how its person is related to the patient ("Relationship: Mother") is that relative's —
  // one person's few details, not a layout row that also holds the patient's.
  const relatives = new Set<Element>();
  for (let i = 0; i < segs.length; i++) {
    const row = segs[i]!.row;
    // (The relation is a relative's word, a label of its own: "Relationship" then "Mother" has no field.)
    const label = fields[i]?.label ?? segs[i]!.col ?? (segs[i - 1]?.row === row ? segs[i - 1]!.text : null);
    if (!row || relatives.has(row) || !namesRelation(segs[i]!.text, label)) continue;
    const info = rows.get(row);
    if (info && info.to - info.from <= MAX_RELATIVE_CARD && !namesPatient(segs, fields, info.from, info.to)) relatives.add(row);
  }
  const theirs = (i: number) => ((segs[i]!.flags & OTHERS) !== 0 && segs[i]!.col === null) || (segs[i]!.row !== null && relatives.has(segs[i]!.row!));
  for (const a of ages) if (cellAge(segs[a.seg]!) && !theirs(a.seg)) noteRow(a.seg, 'ages');
  for (const b of births) if (!theirs(b.seg)) noteRow(b.seg, 'births');
  for (let i = 0; i < segs.length; i++) {
    if (theirs(i)) continue;
    const kind = identityField(segs[i]!, fields[i] ?? null);
    if (kind) noteRow(i, kind);
  }
  const otherRows = new Set<Element>();
  let recordRow: Element | null = null;
  const people: Person[] = [];
  const named = namedRows(segs, fields);
  for (const entry of byParent.values()) {
    if (entry.ages.size < 2 && entry.births.size < 2 && entry.names.size < 2 && entry.ids.size < 2) continue;
    // Rows that name the chart's patient are the patient's: a chart's own orders that repeat the patient's name on
    // every row are not a list of people; beside rows of someone else (her newborn's), they are still hers.
    const all = new Set([...entry.ages, ...entry.births, ...entry.names, ...entry.ids]);
    const own = chartsOwnRows(segs, fields, named, entry.names, all);
    if (own.size === all.size) continue;
    for (const row of all) {
      if (own.has(row)) continue;
      const info = rows.get(row);
      if (info) people.push({ el: row, from: info.from, to: info.to, selected: info.selected });
      if (info?.selected) recordRow ??= row;
      else otherRows.add(row);
    }
  }
  const others = new Uint8Array(segs.length);
  for (const row of [...otherRows, ...relatives]) {
    const info = rows.get(row);
    if (info) others.fill(1, info.from, info.to + 1);
  }
  // Blocks outside rows (cards of a board, items of a list): two or more sibling blocks with different ages
  // unanchored by a label are people of a list; the selected one, if any, is the open record.
  const blocks = new Map<Element, Map<string, Map<Element, number>>>();
  const blockPeople: Person[] = [];
  const listAges = withEntryBirths(ages, births, today);
  for (const a of listAges) {
    if (a.labelled) continue;
    // (A block of one text with a name beside its age may stand a few cells from the next: a day grid's.)
    for (const item of listItemsAround(segs[a.seg]!.el, holdsMore(segs[a.seg]!.text, a))) {
      // An item of a list of people holds more than the age (a name, an exam…): a banner's one-line age is not one.
      const [from, to] = rangeOf(segs, item, a.seg);
      if (from === to && !holdsMore(segs[a.seg]!.text, a)) continue;
      // Items of one list: the same parent, tag and class.
      let byKind = blocks.get(item.parentElement!);
      if (!byKind) blocks.set(item.parentElement!, (byKind = new Map()));
      const kind = itemKind(item);
      let items = byKind.get(kind);
      if (!items) byKind.set(kind, (items = new Map()));
      if (!items.has(item)) items.set(item, a.seg);
    }
  }
  const ageAt = (i: number) => listAges.find((a) => a.seg === i)!;
  const lists: { items: Map<Element, number>; parent: Element }[] = [];
  for (const [parent, byKind] of blocks) {
    for (const items of byKind.values()) {
      if (items.size < 2) continue;
      const values = new Set([...items.values()].map((i) => ageAt(i).reading.days));
      if (values.size >= 2) lists.push({ items, parent });
    }
  }
  for (const { items } of lists) {
    // An item that holds other people's ages too holds a list (a room of a board, a queue's column): its people are
    // read at their own level. Beside one, an item is a person only when its age is in an item of the same kind as
    // theirs (a room's one case: same tag, class and number of elements); else it is another column of the layout (the open item beside a queue).
    // The other people's ages are those of a list inside the item: a second age of one block ("28y F · US OB 20 WK")
    // does not make it a list.
    const containers: Element[] = [];
    for (const [item, i] of items) {
      const [from, to] = rangeOf(segs, item, i);
      if (anotherAge(listAges, ageAt(i), from, to) && lists.some((inner) => inner.items !== items && item.contains(inner.parent))) containers.push(item);
    }
    const kindsInside = new Set<string>();
    if (containers.length > 0) {
      for (const inner of lists) if (containers.some((c) => c.contains(inner.parent))) for (const el of inner.items.keys()) kindsInside.add(shapeOf(el));
    }
    // A container titled as other people's ("To protocol", "Worklist", "Queue"): the items beside it are the layout's
    // other columns (the open item), whatever their shape.
    const queue = containers.some((c) => {
      const [from, to] = rangeOf(segs, c, items.get(c)!);
      for (let j = from; j <= to; j++) if (segs[j]!.flags & OTHERS) return true;
      return false;
    });
    for (const [block, i] of items) {
      if (containers.includes(block)) continue;
      if (containers.length > 0 && queue) continue;
      // Beside containers, the person is the item inside the block (a room's one case card), not the room.
      const item = containers.length > 0 ? itemOf(segs[i]!.el, block, kindsInside) : block;
      if (!item) continue;
      const [from, to] = rangeOf(segs, item, i);
      const selected = isSelectedElement(item);
      blockPeople.push({ el: item, from, to, selected });
      if (!selected) others.fill(1, from, to + 1);
    }
  }
  // One person per innermost block (a room of a board holds cards). Segment ranges of elements nest or are apart:
  // in order of start (outer first), a block holds another when the next one starts inside it.
  const candidates = [...people, ...blockPeople].sort((a, b) => a.from - b.from || b.to - a.to);
  people.length = 0;
  for (let k = 0; k < candidates.length; k++) {
    const next = candidates[k + 1];
    if (next && next.from <= candidates[k]!.to) continue;
    people.push(candidates[k]!);
  }
  // A section of other people (a queue, a schedule, recent patients) is theirs, but for its selected row when that is
  // the case the page has open (`openInTheirs`).
  const open = recordRow && openInTheirs(segs, fields, rows.get(recordRow), named, identified) ? rows.get(recordRow)! : null;
  for (let i = 0; i < segs.length; i++) if (segs[i]!.flags & OTHERS && !(open && open.from <= i && i <= open.to)) others[i] = 1;
  // A line that names several people's ages ("Recently viewed: Pham, Julia (44 y.o. F) · Brandt, Oskar (71 y.o. M)")
  // is theirs: none of them is the patient's.
  for (let k = 1; k < ages.length; k++) {
    const a = ages[k]!;
    const b = ages[k - 1]!;
    if (a.seg === b.seg && !a.labelled && !b.labelled && a.reading.days !== b.reading.days) others[a.seg] = 1;
  }
  const mine = (i: number) => others[i] === 0;

  // A newborn's section (fields.ts `sectionClass`) on the chart of someone ten or older — the mother, by her age or
  // birth date outside it — is the baby's: its age, dates and exams are not the patient's. On the newborn's own
  // chart the section is the patient's.
  const parent = speaksOfNewborn(segs) && parentOutside(segs, identity, ages, births, mine, today);
  if (parent) for (let i = 0; i < segs.length; i++) if (segs[i]!.flags & NEWBORN) others[i] = 1;

  let best: AgeFound | null = null;
  let header: Element | null = null;
  for (const a of ages) {
    // An entry's age in brackets is its list's person's, never the page's patient's.
    if (!mine(a.seg) || a.form === 'listed') continue;
    const h = headerAround(segs, identity, a.seg);
    a.inHeader = h !== null;
    if (a.form === 'plain' && !a.inHeader && !a.labelled) continue;
    // An Age column is each row's: the patient's only in a row that names the patient or is the selected record.
    const seg = segs[a.seg]!;
    if (seg.col !== null && !a.inHeader && !(seg.row && seg.row === recordRow)) continue;
    if (!best || rank(a) > rank(best)) {
      best = a;
      header = h;
    }
  }
  if (best && rank(best) === 0) best = null;

  const myBirths = births.filter((b) => mine(b.seg) && ageBetween(b.date, today) !== null && !(b.by === BRACKET_BIRTH && others[b.seg]));
  // Entries' birth dates of two or more people outside a list found as one: theirs, none the patient's.
  const entries = myBirths.filter((b) => b.by === BRACKET_BIRTH);
  if (new Set(entries.map((b) => dayKey(b.date))).size >= 2) {
    for (const b of entries) others[b.seg] = 1;
    myBirths.splice(0, myBirths.length, ...myBirths.filter((b) => b.by !== BRACKET_BIRTH));
  }
  // The birth date of the same person as the age: in the age's header, else one that agrees with the age; a birth
  // date elsewhere that disagrees with it is someone else's (a newborn listed in the mother's chart).
  const inHeader = (b: DateMention) => header !== null && header.contains(segs[b.seg]!.el);
  let birth = best
    ? (myBirths.find(inHeader) ?? myBirths.find((b) => agrees(b.date, best!, today)) ?? null)
    : (myBirths[0] ?? null);
  if (!birth && best && (best.inHeader || best.labelled || best.form !== 'plain')) birth = birthBeside(segs, dates, best, today);
  if (!header && birth) header = headerAround(segs, identity, birth.seg);

  // An age nothing ties to the patient (no label, no header) against a birth date of the patient that disagrees
  // with it: someone else's or another time's age; the birth date is the patient's.
  if (best && !birth && rank(best) <= 2 && myBirths.length > 0) {
    best = null;
    birth = myBirths[0]!;
    header = headerAround(segs, identity, birth.seg);
  }

  // An age outside any patient header against a birth date that disagrees with it and stands in the patient's header
  // (beside the patient's name or record number): the age is someone else's told elsewhere on the page (a linked
  // account's "(age 16)", a family member's line); the birth date beside the patient's name is the patient's.
  if (best && !best.inHeader && !birth) {
    const headed = myBirths.find((b) => headerAround(segs, identity, b.seg) !== null);
    if (headed) {
      best = null;
      birth = headed;
      header = headerAround(segs, identity, headed.seg);
    }
  }

  // The open item of a list (a queue's current item) is the patient's only when it agrees with the patient's own
  // header outside the list: another person's item marked current is still someone else's.
  if (best && (best.inHeader || best.labelled) && !people.some((p) => p.from <= best!.seg && best!.seg <= p.to)) {
    for (const p of people) {
      if (!p.selected || !ages.some((a) => a.seg >= p.from && a.seg <= p.to && !agreesWith(a, best!))) continue;
      p.selected = false;
      others.fill(1, p.from, p.to + 1);
      if (recordRow === p.el) recordRow = null;
      otherRows.add(p.el);
    }
  }

  // An entry whose birth date is not the patient's is someone else's ("08:00 Gardner, Pam (03/03/1961) XR KNEE" beside
  // the open appointment's card).
  for (const b of entries) if (!birth || dayKey(b.date) !== dayKey(birth.date)) others[b.seg] = 1;

  someoneElsesOrders(segs, fields, named, rows, header, recordRow, otherRows, others);

  const unsure = best !== null && !best.labelled && !best.inHeader && !identified && !birth;
  return { age: best, unsure, birth, header, otherRows, others, recordRow, identified, parent, people, ages, banners: banners.map((b) => ({ from: b.from, to: b.to })) };
}

/** A label that says only "Name": in a list of orders, its column may hold the orders' names. */
const BARE_NAME = /^(?:name|nombre)$/;

/**
 * Rows (of a list, or cards) whose patient cell or "Patient:" field names a person, with the names: in a list of
 * orders the patient of each row.
 */
function namedRows(segs: readonly Seg[], fields: readonly (Field | null)[]): Map<Element, string[]> {
  const out = new Map<Element, string[]>();
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const f = fields[i];
    if (!s.row || f?.kind !== 'patientName' || s.flags & OTHERS) continue;
    if (!(isPersonName(s.text) || (!BARE_NAME.test(labelKey(f.label)) && looksLikeName(s.text)))) continue;
    const list = out.get(s.row);
    if (list) list.push(s.text);
    else out.set(s.row, [s.text]);
  }
  return out;
}

/**
 * The selected row of a list titled as other people's (a schedule, a worklist, an agenda) is the case the page has
 * open when nothing outside the list names a patient, or when what does names that row's patient (a detail pane that
 * shows the selected case's name without its birth date): its birth date, age, exam and dates are the open record's.
 * A chart's banner naming someone else keeps the row theirs.
 */
function openInTheirs(segs: readonly Seg[], fields: readonly (Field | null)[], row: RowInfo | undefined, named: Map<Element, string[]>, identified: boolean): boolean {
  if (!row) return false;
  let inTheirs = false;
  const rowNames: string[] = [];
  for (let i = row.from; i <= row.to; i++) {
    const s = segs[i]!;
    if (s.flags & OTHERS) inTheirs = true;
    const f = fields[i] ?? null;
    if (isPersonName(s.text) || (f?.kind === 'patientName' && looksLikeName(s.text))) rowNames.push(s.text);
  }
  if (!inTheirs) return false;
  if (!identified) return true;
  const outside = chartNames(segs, fields, named, () => true);
  return outside.length > 0 && outside.every((n) => rowNames.some((r) => samePerson(n, r)));
}

/** Names of the chart's patient outside some rows: a name in the header, or under a Patient label. */
function chartNames(segs: readonly Seg[], fields: readonly (Field | null)[], named: Map<Element, string[]>, outside: (s: Seg) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < segs.length && out.length < 4; i++) {
    const s = segs[i]!;
    if (s.flags & (OTHERS | NEWBORN) || !outside(s) || (s.row && named.has(s.row))) continue;
    const f = fields[i] ?? null;
    if (f ? f.kind === 'patientName' && looksLikeName(s.text) && !BARE_NAME.test(labelKey(f.label)) : isPersonName(s.text)) out.push(s.text);
  }
  return out;
}

/** The rows of a list that name the chart's patient (whose name is outside the list, else the one all rows name). */
function chartsOwnRows(
  segs: readonly Seg[],
  fields: readonly (Field | null)[],
  named: Map<Element, string[]>,
  nameRows: ReadonlySet<Element>,
  rows: ReadonlySet<Element>,
): Set<Element> {
  const own = new Set<Element>();
  if (nameRows.size < 2) return own;
  const parent = [...nameRows][0]!.parentElement;
  let mine = chartNames(segs, fields, named, (s) => !(parent && s.row?.parentElement === parent));
  // A chart whose header writes the name in no form read as one ("SOFÍA GARCÍA LÓPEZ"): a list whose rows all name
  // one person is that person's.
  const fromHeader = mine.length > 0;
  if (!fromHeader) {
    const first = named.get([...nameRows][0]!)?.[0];
    if (!first) return own;
    mine = [first];
  }
  for (const row of rows) {
    const names = named.get(row);
    if (names && names.every((n) => mine.some((m) => samePerson(n, m)))) own.add(row);
  }
  return fromHeader || own.size === rows.size ? own : new Set();
}

/**
 * A row of orders on a chart whose patient cell names someone other than the chart's patient (whose names are in
 * the header, or under a Patient label outside rows) is that person's: its exam is not the patient's.
 */
function someoneElsesOrders(
  segs: readonly Seg[],
  fields: readonly (Field | null)[],
  named: Map<Element, string[]>,
  rows: ReadonlyMap<Element, RowInfo>,
  header: Element | null,
  recordRow: Element | null,
  otherRows: Set<Element>,
  others: Uint8Array,
): void {
  if (named.size === 0) return;
  const mine = chartNames(segs, fields, named, (s) => (header ? header.contains(s.el) : s.row === null));
  if (mine.length === 0) return;
  for (const [row, names] of named) {
    if (row === recordRow || otherRows.has(row) || (header && (header.contains(row) || row.contains(header)))) continue;
    if (names.some((n) => mine.some((m) => samePerson(n, m)))) continue;
    const info = rows.get(row);
    if (!info || !namesAnExam(segs, info.from, info.to)) continue;
    otherRows.add(row);
    others.fill(1, info.from, info.to + 1);
  }
}

/** A segment of the range names an imaging exam (a short text with a modality word or code). */
function namesAnExam(segs: readonly Seg[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++) {
    const t = segs[i]!.text;
    if (t.length <= 90 && classifyProcedure(t).modalities.length > 0) return true;
  }
  return false;
}

/** A newborn in running text: "Recién nacido de 2 días de vida", "newborn boy, day of life 2", "NICU". */
const NEWBORN_PROSE = /\b(?:newborn|neonate|nicu|nursery|days? of life|dol \d|reci[eé]n nacid[oa]|neonato|neonatal|neonatolog[ií]a|ucin|d[ií]as? de vida)\b/i;

/** The page speaks of a newborn: a newborn's section, or a newborn named in its text. */
function speaksOfNewborn(segs: readonly Seg[]): boolean {
  for (const s of segs) {
    if (s.flags & NEWBORN) return true;
    if (s.text.length >= 16 && !(s.flags & OTHERS) && NEWBORN_PROSE.test(s.text)) return true;
  }
  return false;
}

/** Ten years: older than any newborn's sibling shown on a chart, young enough for any mother. */
const PARENT_YEARS = 10;

/** An age (labelled, in a strong form or in a patient header) or a birth date, outside newborn sections, of ten or more. */
function parentOutside(
  segs: readonly Seg[],
  identity: Uint8Array,
  ages: readonly AgeFound[],
  births: readonly DateMention[],
  mine: (i: number) => boolean,
  today: CalendarDate,
): boolean {
  const outside = (i: number) => mine(i) && (segs[i]!.flags & NEWBORN) === 0;
  for (const a of ages) {
    if (!outside(a.seg) || a.reading.years < PARENT_YEARS || a.form === 'listed') continue;
    if (a.labelled || a.form !== 'plain' || headerAround(segs, identity, a.seg) !== null) return true;
  }
  return births.some((b) => outside(b.seg) && (ageBetween(b.date, today)?.years ?? 0) >= PARENT_YEARS);
}

/** Two ages that may be one person's: within a year (45 days for ages under two). */
function agreesWith(a: AgeFound, b: AgeFound): boolean {
  const shown = Math.min(a.reading.days, b.reading.days);
  return Math.abs(a.reading.days - b.reading.days) <= (shown < 730 ? 45 : 400);
}

/** A birth date whose age today is within a year (45 days for ages under two) of the age shown. */
function agrees(birth: CalendarDate, age: AgeFound, today: CalendarDate): boolean {
  const years = ageBetween(birth, today);
  if (!years) return false;
  const shown = age.reading.days;
  return Math.abs(years.days - shown) <= (shown < 730 ? 45 : 400);
}

/**
 * An unlabelled date beside the patient's age (same segment or the next two either side) that agrees with it as a
 * birth date: its age today is the age shown, within the age's own unit (`shownAgeAgrees`: a `45 d/o` is not born
 * today, a `6 y.o.` not last month). A date that disagrees stays unused; the app's own bar (its date or clock beside
 * the signed-in user) is never a birth date.
 */
function birthBeside(segs: readonly Seg[], dates: readonly DateMention[][], age: AgeFound, today: CalendarDate): DateMention | null {
  for (let j = Math.max(0, age.seg - 2); j <= Math.min(segs.length - 1, age.seg + 2); j++) {
    if (segs[j]!.flags & (OTHERS | CHROME)) continue;
    for (const d of dates[j] ?? []) {
      if (d.role !== null && d.role !== 'birth') continue;
      const at = ageBetween(d.date, today);
      if (at && shownAgeAgrees(at, age.reading)) return { ...d, role: 'birth', by: 'beside the age' };
    }
  }
  return null;
}

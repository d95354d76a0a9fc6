/**
 * The generic reader: any order, RIS, EHR, dental, print, note or viewer page no profile names → raw facts of the
 * open record (the patient's age and birth date, the exam, its dates by role, modality, weight) and list rows.
 *
 * 1. walk.ts — the page's visible text as segments, with headings, sections, selection, rows and columns.
 * 2. pairs.ts — which label names each value, whatever the markup.
 * 3. The page's day/month order: a numeric date that reads only one way, by its numbers or by the weekday written
 *    beside it; else (no per-site setting) the language the page declares, else a date that is today read one way
 *    only (parse/dates.ts).
 * 4. patient.ts — the patient (header, ages, birth date), one at a time.
 * 5. exam.ts — the exam, wherever it is named; then its dates, modality code and key, from its row first.
 * Every fact says where it was read; an age the page does not tie to the patient is marked `unsure`.
 */
import { dentalImagingCode } from '../parse/dental-codes';
import { type DateOrder, type DateOrderBasis, type Fact, type FactKind, type FactTable, type ModalityCode } from '../types';
import { type CalendarDate, daysBetween, findDates, inferDateOrder, languageDateOrder, todaysDateOrder, toIso, utcDate, weekdayOrder } from '../parse/dates';
import { classifyProcedure, isNuclear, isNuclearWithCt, mayWiden, modalitiesOfField, parseModalityCodes, PEDIATRIC_PROTOCOL, widens } from '../parse/procedure';
import { parseWeight } from '../parse/weight';
import { labelKey, pushFact } from '../profiles/profile';
import { MAX_LIST_ROWS, readListCells, readListGrid, readListTable } from '../profiles/table';
import { labelNamesGuidance } from '../profiles/labels';
import { withoutBox } from './boxes';
import { findExam, isCodeList, isOpenStudyKind, letterSubject, newestResult, sameKind, shownCodes, type ExamFound } from './exam';
import { DOSE_GIVEN, isUnderWay } from './fields';
import { fieldsOf, type Field, isHeaderText } from './pairs';
import { dateContext, datesOf, type DateMention, findPatient, isBareDateLabel, isIdentity, openQueueRow, type Patient, pushAge, standsAlone, underDateLabel } from './patient';
import { patientGroups } from './groups';
import { isPersonName } from './names';
import { peopleRecords } from './rows';
import { showsImages } from './viewer';
import { CONTROL, FREE, HEADING, OTHERS, PRIOR, type PageText, type RowInfo, walkPage } from './walk';

export const GENERIC_NAME = 'Generic reader';

export interface GenericRead {
  primary: Fact[];
  /** Records of lists with no column header (cards, items, options): one per row that names an exam. */
  rows: Fact[][];
  tables: FactTable[];
  pageDateOrder: DateOrder | null;
  pageDateOrderBasis: DateOrderBasis | null;
  /**
   * Something of a patient was found: an age, a birth date, a patient field, an explicitly pediatric exam, a patient
   * banner beside an exam, a list of exams.
   */
  found: boolean;
  /** The exam is one row of a list that the page marks neither selected nor still to be done (one of many). */
  examOneOfList: boolean;
}

const ROLE_KIND: Partial<Record<string, FactKind>> = {
  exam: 'examDate',
  scheduled: 'scheduledDate',
  order: 'orderDate',
  visit: 'visitDate',
};
const EXAM_KEY = /^(?:accession|accession #|accession no|accession number|acc|acc #|order #|order no|order id|order number|exam no|exam #|exam number|requisition|requisition #|req #|numero de acceso|n de acceso|no de orden)$/;
/** "Weight 23 kg", "Wt: 48 lb", "Peso 20,5 kg": the label, then a number. */
const WEIGHT_INLINE = /\b(?:weight|wt|peso)\b\s*[:.=]?\s*(?=\d)/i;
/** Characters looked back at for a date's label written before it. */
const LABEL_LOOKBACK = 40;
/** Today named in the sentence of an order ("CT today", "STAT today", "hoy", "this morning", "esta mañana"). */
const TODAY_WORD = /\b(?:today|this morning|this afternoon|tonight|hoy|esta manana|esta mañana|esta tarde|esta noche)\b/i;
/** The end of a sentence, before the next one begins. */
const SENTENCE_END = /[.;!?](?=\s+\p{Lu})/u;
const NUMERIC_DATE = /\d{1,2}[/.-]\d{1,2}[/.-]\d\d/;

export function readGeneric(scope: Element, doc: Document, options: { dateOrder?: DateOrder; now?: Date }): GenericRead {
  const text = walkPage(scope, doc);
  const { segs } = text;
  const fields = fieldsOf(segs);
  openQueueRow(text, fields);

  const now = options.now && Number.isFinite(options.now.getTime()) ? options.now : new Date();
  const today = utcDate(now);
  // The page's own day/month order.
  const numeric: (readonly [number, number, number])[] = [];
  const weekdays: DateOrder[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (!NUMERIC_DATE.test(s.text)) continue;
    let end = 0;
    for (const m of findDates(s.text, null, 8, today, 'any')) {
      const from = end;
      end = m.index + m.length;
      if (!m.numeric) continue;
      // A two-digit year tells the page's order only under a date's label (unlabelled, it may be a fraction).
      if (m.guess && !underDateLabel(s.text.slice(Math.max(from, m.index - LABEL_LOOKBACK), m.index), fields[i] ?? null, s, m)) continue;
      numeric.push(m.numeric);
      const w = weekdayOrder(s.text, m);
      if (w) weekdays.push(w);
    }
  }
  const shown = pageDateOrderOf(numeric, weekdays, doc, options.dateOrder, now);
  const pageDateOrder = shown?.order ?? null;
  const order = pageDateOrder ?? options.dateOrder ?? null;
  const context = dateContext(segs, today);
  const dates: DateMention[][] = segs.map((s, i) => datesOf(s, fields[i] ?? null, order, i, context, segs[i + 1]?.text, segs[i - 1]?.text));

  const read = findPatient(text, fields, dates, now);
  // Patients each followed by their studies, none open: a patient row's birth date or age is no one's of the page.
  const groups = patientGroups(text, fields, dates, read.ages, utcDate(now), `${GENERIC_NAME} · list`);
  const grouped = groups.patients >= 2 && !groups.open;
  const patient = grouped ? outsideGroups(read, groups.ranges) : read;
  // A list of people with none open and no patient of the page outside it: nobody's exam (a worklist, a queue).
  const listOnly = (grouped || (patient.people.length >= 2 && patient.recordRow === null && !patient.people.some((p) => p.selected))) &&
    patient.age === null && patient.birth === null && !identifiedOutside(text, fields, patient, groups.ranges);
  // With no exam open, a chart's results list: its newest result naming an exam; else a letter's exam told done.
  const exam = listOnly ? null : (findExam(text, fields, dates, patient.others, now, patient.parent) ?? newestResult(text, fields, dates, patient.others, now) ?? letterSubject(text, fields, dates, patient.others, context.salutation, now));

  const primary: Fact[] = [];
  patientFacts(primary, text, patient);
  const viewer = showsImages(segs);
  if (exam) examFacts(primary, text, fields, dates, exam, patient, utcDate(now), viewer);
  else if (!listOnly && !describedStudy(primary, text, fields, patient) && viewer) viewerModality(primary, text, patient);
  // With no exam named, the page's labelled dates still date the age (a viewer's "Study Date", a summary's admission).
  if (!listOnly) pageDates(primary, text, dates, patient, exam);
  if (exam) askedToday(primary, text, dates, exam, utcDate(now));
  if (exam) underWayToday(primary, text, fields, exam, patient, utcDate(now));
  weightFact(primary, text, fields, patient);
  // A study browser's open study (groups.ts): its record is the exam, with its patient row's birth date or age.
  if (groups.openStudy) openStudyFacts(primary, groups.openStudy);

  const base = primary.filter((f) => f.kind === 'birthDate' || f.kind === 'ageText' || f.kind === 'patientAge');
  const tables: FactTable[] = [];
  const whereOf = (c: { label: string }) => `${GENERIC_NAME} · list · ${c.label}`;
  // The patient's age or birth date is every row's only in a list of the patient's own exams, not in a list of people.
  const baseOf = (list: Element) => (patient.people.some((p) => list.contains(p.el)) ? [] : base);
  // At most MAX_LIST_ROWS rows looked at over all the page's lists.
  let rowBudget = MAX_LIST_ROWS;
  const keep = (t: FactTable | null, rowCount: number) => {
    if (!t) return;
    tables.push(t);
    rowBudget -= Math.min(rowCount, rowBudget);
  };
  // A list whose rows are the studies of a list grouped by patient is read with the patients (groups.ts).
  const ofGroups = (list: Element) => {
    for (const r of groups.studyRows) if (list.contains(r)) return true;
    return false;
  };
  for (const { table, header } of text.listTables) {
    if (groups.studyRows.size > 0 && ofGroups(table)) continue;
    if (rowBudget > 0) keep(readListTable(table, whereOf, baseOf(table), header, rowBudget), table.rows.length);
  }
  for (const { header, rows } of text.listGrids) {
    if (groups.studyRows.size > 0 && rows[0]?.parentElement && ofGroups(rows[0].parentElement)) continue;
    if (rowBudget > 0 && rows[0]?.parentElement) keep(readListGrid(header, rows, whereOf, baseOf(rows[0].parentElement), rowBudget), rows.length);
  }
  for (const { header, cells, list } of text.listCells) {
    if (rowBudget > 0) keep(readListCells(header, cells, whereOf, baseOf(list), rowBudget), Math.floor(cells.length / header.length));
  }
  const rows = peopleRecords(text, fields, dates, patient, `${GENERIC_NAME} · list`, groups.studyRows);
  for (const r of groups.records) rows.push(r);
  // An Age or birth-date label with a value (a number or a date), not a column of a reference table.
  const patientLabel = fields.some((f, i) => f !== null && (f.kind === 'age' || f.kind === 'birthDate') && segs[i]!.col === null && /\d/.test(segs[i]!.text));
  const pedsExam = exam !== null && patient.identified && PEDIATRIC_PROTOCOL.test(exam.text.toUpperCase());
  // (A patient banner of unlabelled tokens names the patient even when its date is no birth date.)
  const bannered = exam !== null && patient.banners.length > 0;
  const found = patient.age !== null || patient.birth !== null || patientLabel || pedsExam || bannered || tables.length > 0 || rows.length > 0;
  const examRow = exam?.row ? text.rows.get(exam.row) : undefined;
  const examOneOfList = examRow !== undefined && !examRow.selected && examRow.status !== 'active' && exam!.likelyRows.size > 1;
  return { primary, rows, tables, pageDateOrder, pageDateOrderBasis: shown?.basis ?? null, found, examOneOfList };
}

/** Kinds of the open study's record that replace what the page's other reading found. */
const STUDY_KINDS: ReadonlySet<FactKind> = new Set(['examDate', 'scheduledDate', 'orderDate', 'visitDate', 'modality', 'procedure', 'bodyPart', 'examKey']);
const PATIENT_AGE_KINDS: ReadonlySet<FactKind> = new Set(['birthDate', 'ageText', 'patientAge']);

/** The open study's record in place of the exam (and, when it carries one, of the birth date or age) read elsewhere. */
function openStudyFacts(primary: Fact[], study: readonly Fact[]): void {
  const ages = study.some((f) => PATIENT_AGE_KINDS.has(f.kind));
  const kept = primary.filter((f) => !STUDY_KINDS.has(f.kind) && !(ages && PATIENT_AGE_KINDS.has(f.kind)));
  primary.length = 0;
  primary.push(...study, ...kept);
}

/**
 * The patient found, less an age or birth date read in a patient row of a list grouped by patient (`ranges`): that is
 * one of the list's people.
 */
function outsideGroups(p: Patient, ranges: readonly (readonly [number, number])[]): Patient {
  const inside = (seg: number) => ranges.some(([from, to]) => from <= seg && seg <= to);
  const age = p.age && inside(p.age.seg) ? null : p.age;
  const birth = p.birth && inside(p.birth.seg) ? null : p.birth;
  return age === p.age && birth === p.birth ? p : { ...p, age, birth, header: age || birth ? p.header : null, unsure: age ? p.unsure : false };
}

/** Two letters or digits in a row: what a name or a record number has, and a search's wildcard has not. */
const NAMES_SOMEONE = /[\p{L}\d]{2}/u;

/** A row of column labels: no digits, no person's name, and two known labels at least. */
function inHeaderRow(text: PageText, row: Element | null, seen: Map<Element, boolean>): boolean {
  if (!row) return false;
  const known = seen.get(row);
  if (known !== undefined) return known;
  const info = text.rows.get(row);
  let labels = 0;
  let header = info !== undefined && info.to - info.from >= 1;
  for (let i = info?.from ?? 0; header && i <= info!.to; i++) {
    const t = text.segs[i]!.text;
    if (/\d/.test(t) || isPersonName(t)) header = false;
    else if (isHeaderText(t)) labels++;
  }
  header &&= labels >= 2;
  seen.set(row, header);
  return header;
}

/** A name or record number of a patient outside the lists of people (a chart's banner above its list). */
function identifiedOutside(text: PageText, fields: readonly (Field | null)[], p: Patient, grouped: readonly (readonly [number, number])[]): boolean {
  if (!p.identified) return false;
  let k = 0;
  let g = 0;
  const people = p.people;
  const headerRows = new Map<Element, boolean>();
  // A cell of a row beside the people's rows (a blocked slot, a QC run, a totals line under the Patient column) is
  // the list's own line, not a patient named outside it.
  const lists = new Set<Element>();
  for (const person of people) if (person.el.parentElement) lists.add(person.el.parentElement);
  for (let i = 0; i < text.segs.length; i++) {
    while (k < people.length && people[k]!.to < i) k++;
    if (k < people.length && people[k]!.from <= i) continue;
    while (g < grouped.length && grouped[g]![1] < i) g++;
    if (g < grouped.length && grouped[g]![0] <= i) continue;
    if (p.others[i]) continue;
    // (A header row's labels — "Patient ID" beside "Issuer of Patient" — and a search field's wildcard ("*") name no one.)
    const s = text.segs[i]!;
    if (s.col !== null && s.row?.parentElement && lists.has(s.row.parentElement)) continue;
    if (isIdentity(s, fields[i] ?? null) && NAMES_SOMEONE.test(s.text) && !inHeaderRow(text, s.row, headerRows)) return true;
  }
  return false;
}

function where(text: PageText, i: number, what: string): string {
  const s = text.segs[i]!;
  return `${GENERIC_NAME} · ${what} · <${s.el.tagName.toLowerCase()}>`;
}

function patientFacts(out: Fact[], text: PageText, p: Patient): void {
  const a = p.age;
  if (a) {
    const how = a.labelled ? 'labelled age' : a.inHeader ? `age in the patient header (${a.form})` : `age (${a.form}), no label and no patient header`;
    pushAge(out, a, where(text, a.seg, how), p.unsure ? { unsure: true } : undefined);
  }
  if (p.birth) pushFact(out, 'birthDate', p.birth.text, where(text, p.birth.seg, `birth date (${p.birth.by ?? 'label'})`), p.birth.unsure ? { unsure: true } : undefined);
}

/** `viewer`: the page shows images, so a study it names with no status has been done (its date is the exam's). */
function examFacts(out: Fact[], text: PageText, fields: readonly (Field | null)[], dates: readonly DateMention[][], exam: ExamFound, p: Patient, today: CalendarDate, viewer: boolean): void {
  const { segs, rows } = text;
  pushFact(out, 'procedure', withoutBox(exam.text), where(text, exam.seg, `exam (${exam.why.join(', ') || 'named'})`));
  if (exam.code) {
    const why = where(text, exam.seg, `dental imaging code ${dentalImagingCode(exam.text)?.code ?? ''}`.trim());
    pushFact(out, 'modality', exam.code, why);
    pushFact(out, 'bodyPart', 'dental', why);
  }
  const rowInfo = exam.row ? rows.get(exam.row) : undefined;

  // A chart's newest result: done on its row's date.
  if (exam.resulted) pushFact(out, 'examDate', exam.resulted.text, where(text, exam.resulted.seg, 'date of the newest result'));
  // The exam told as done on a date beside its name in running text ("CT HEAD WO — STAT — performed 12/04/2026").
  const told = toldDate(text, fields, dates, exam, p);
  if (told) pushFact(out, 'examDate', told.text, where(text, told.seg, `exam · ${told.by ?? 'date'}`));

  // The exam's own row first: its dates, modality code and key.
  if (rowInfo) {
    // A block with no date of its own (an appointment's card naming the procedure): the row of the same exam.
    const same = rowDates(out, text, dates, exam.row!, rowInfo, exam.seg, 'exam row', today, viewer) || told ? null : sameExamRow(text, dates, exam);
    if (same) rowDates(out, text, dates, same, rows.get(same)!, -1, 'row of the same exam', today, viewer);
    for (let i = rowInfo.from; i <= rowInfo.to; i++) {
      const s = segs[i]!;
      const f = fields[i];
      if (isCodeList(s.text)) pushFact(out, 'modality', s.text, where(text, i, 'exam row · modality code'));
      // A Modality or Guidance column in words ("Ultrasound", "Fluoro").
      else if (f?.kind === 'modality' && modalitiesOfField(s.text).length > 0) pushFact(out, 'modality', s.text, where(text, i, `exam row · ${f.label}`));
      if (f && EXAM_KEY.test(labelKey(f.label))) pushFact(out, 'examKey', s.text, where(text, i, `exam row · ${f.label}`));
    }
  } else {
    // Outside a row, an unlabelled date in the exam's own text ("2026-11-22 CT HEAD WO") is its date as in a row.
    // (An exam named in a clause of longer text: only the dates of its own clause, not another sentence's.)
    let dated = told !== null;
    const { name, from } = examSentence(text, exam);
    const own = (d: DateMention) => from < 0 || (d.at >= from && d.at < from + name.length);
    for (const d of dates[exam.seg] ?? []) {
      if (!own(d)) continue;
      const kind = d.role ? undefined : ROLE_KIND[rowRole(viewer ? 'done' : null, d, true, today)];
      if (kind) pushFact(out, kind, d.text, where(text, exam.seg, "exam · unlabelled date in the exam's text"));
      if (kind || d.role === 'exam' || d.role === 'scheduled' || d.role === 'order') dated = true;
    }
    // In a viewer, a line beside the study's description in its block that is only a date (and a time) is its date;
    // so is the dated token beside the exam in a banner of unlabelled tokens (a viewer's top bar `NAME | 52Y F | ID … |
    // CT ABD PEL W CON | 07-Dec-2026 08:12`), or the day it is booked for when that is ahead.
    const banner = p.banners.some((b) => b.from <= exam.seg && exam.seg <= b.to);
    const beside = dated || !(viewer || banner) ? null : dateBeside(text, dates, exam.seg);
    if (beside) {
      const ahead = banner && daysBetween(today, beside.date) > 0;
      pushFact(out, ahead ? 'scheduledDate' : 'examDate', beside.text, where(text, beside.seg, `date beside the ${banner ? "exam in the patient's banner" : "study's description"}`));
      dated = true;
    }
    // The exam named outside a dated list of services (an appointment's procedure) that has rows of its own: the row
    // that is this one (to be done, or done on the list's latest day); an earlier row of the same exam is history.
    const row = dated ? null : sameExamRow(text, dates, exam);
    if (row) rowDates(out, text, dates, row, text.rows.get(row)!, -1, 'row of the same exam', today, viewer);
  }
  // The date a viewer's overlay stamps on the open study, when the exam is of the kind it shows.
  const named = classifyProcedure(exam.text);
  const stamp = exam.stamp && isOpenStudyKind(exam.stamp, exam.code ? [exam.code] : named.modalities) ? exam.stamp : null;
  if (stamp) pushFact(out, 'examDate', stamp.date.text, where(text, stamp.seg, 'study date shown by the viewer'));
  // Then the page's labelled dates and fields, outside other people's and other exams' rows.
  let regionSeen = named.region !== null && !mayWiden(named.region);
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.flags & (OTHERS | PRIOR)) continue;
    if (p.others[i] || (s.row && (s.row === exam.row || isOtherExamRow(text, s.row, exam)))) continue;
    if (s.col === null) {
      // A viewer's code for the series ("CR" in the overlay or a thumbnail) says more than the exam's words ("XR"),
      // when it is the same kind of imaging: a code never changes the campaign the words give.
      // A hybrid study's codes in one list ("PT\\CT", "NM/CT") beside its nuclear exam: its CT is the study's own.
      const shown = shownCodes(s.text);
      const hybrid = isNuclear(named.modalities) && isNuclearWithCt(shown) && isCodeList(s.text) && !(stamp && datedOtherwise(dates[i], stamp.date));
      for (const c of shown) {
        if (sameKind([c], named.modalities) || (hybrid && c === 'CT')) pushFact(out, 'modality', c, where(text, i, hybrid ? 'modality codes of the hybrid study shown by the viewer' : 'modality code shown by the viewer'));
      }
      // An exam named by its series ("Axial 5mm", "Helical") takes its region from the study's title or header; one
      // named short ("Abd CT") takes the fuller region of the study's description ("CT ABDOMEN PELVIS") — not from a
      // line dated otherwise than the open study (another study of the patient's list).
      if (!regionSeen && i !== exam.seg && s.text.length <= 120 && !(s.flags & FREE) && !(stamp && datedOtherwise(dates[i], stamp.date))) {
        const other = classifyProcedure(s.text);
        if (other.region && other.modalities.some((m) => named.modalities.includes(m)) && (!named.region || widens(other.region, named.region))) {
          pushFact(out, 'bodyPart', s.text, where(text, i, named.region ? 'fuller region of the study' : 'region of the study'));
          regionSeen = true;
        }
      }
    }
    const f = fields[i];
    if (!f) continue;
    // A labelled Modality outside the exam's row, like a code shown by the viewer, never changes the campaign the exam's
    // words give: one of another kind ("Modality: MR" over a list whose selected row is a CT head) is another record's
    // or the list's query. With no modality in the exam's words ("HEAD W/O"), the field names it; a Guidance field
    // always tells how the exam is done ("Imaging guidance: Fluoroscopy" beside "Biopsy under ultrasound").
    if (f.kind === 'modality') {
      const field = modalitiesOfField(s.text);
      const fits = named.modalities.length === 0 || sameKind(field, named.modalities) || labelNamesGuidance(f.label);
      if (field.length > 0 && fits) pushFact(out, 'modality', s.text, where(text, i, f.label));
    } else if (f.kind === 'bodyPart') pushFact(out, 'bodyPart', s.text, where(text, i, f.label));
    else if (EXAM_KEY.test(labelKey(f.label))) pushFact(out, 'examKey', s.text, where(text, i, f.label));
  }
}

/** Longest study description read beside a modality code. */
const MAX_DESCRIPTION = 90;

/**
 * A study described with no modality word in a labelled description ("StudyDescription: PELVIS AP + FROG LEG",
 * "Study Description  BRAIN ROUTINE"), on a page that shows one kind of modality code for it — a Modality field
 * ("Modality: MR") or its series ("CR · PELVIS AP · 1 instance"), as a tag list or a PACS study page prints them:
 * the exam is the description, of that modality (outside other people's and earlier studies' sections, free text and
 * list columns). False when the page shows no code, codes of two kinds, or no description.
 */
function describedStudy(out: Fact[], text: PageText, fields: readonly (Field | null)[], p: Patient): boolean {
  let description = -1;
  let part = -1;
  let code: { code: ModalityCode; seg: number; labelled: boolean } | null = null;
  for (let i = 0; i < text.segs.length; i++) {
    const s = text.segs[i]!;
    if (s.flags & (OTHERS | PRIOR | FREE) || s.col !== null || p.others[i]) continue;
    const f = fields[i] ?? null;
    if (f?.kind === 'procedure' && description < 0 && s.text.length <= MAX_DESCRIPTION && /\p{L}{3}/u.test(s.text) && !isCodeList(s.text)) description = i;
    if (f?.kind === 'bodyPart' && part < 0 && s.text.length <= MAX_DESCRIPTION && /\p{L}{3}/u.test(s.text)) part = i;
    const labelled = f?.kind === 'modality' && isCodeList(s.text);
    const codes = labelled ? parseModalityCodes(s.text) : shownCodes(s.text);
    for (const c of codes) {
      if (code && !sameKind([c], [code.code])) return false;
      if (!code || (labelled && !code.labelled)) code = { code: c, seg: i, labelled };
    }
  }
  // A series' tag view names no study description: its Modality and BodyPartExamined attributes ("Modality: MR",
  // "BodyPartExamined: KNEE") are the study, when a label gives both.
  if (description < 0 && part >= 0 && code?.labelled) {
    pushFact(out, 'modality', code.code, where(text, code.seg, `modality of the study (${fields[code.seg]!.label})`));
    pushFact(out, 'bodyPart', text.segs[part]!.text, where(text, part, fields[part]!.label));
    return true;
  }
  if (description < 0 || !code) return false;
  pushFact(out, 'procedure', text.segs[description]!.text, where(text, description, `study description (${fields[description]!.label})`));
  pushFact(out, 'modality', code.code, where(text, code.seg, 'modality code shown for the study'));
  return true;
}

/**
 * A viewer that names no exam in words ("NICU PORTABLE", "CHEST 1V"): the modality code its overlay or thumbnails
 * show, when they show one only (outside other people's and earlier studies' sections and list columns).
 */
function viewerModality(out: Fact[], text: PageText, p: Patient): void {
  let found: { code: string; seg: number } | null = null;
  for (let i = 0; i < text.segs.length; i++) {
    const s = text.segs[i]!;
    if (s.flags & (OTHERS | PRIOR | FREE) || s.col !== null || p.others[i]) continue;
    for (const c of shownCodes(s.text)) {
      if (found && found.code !== c) return;
      found ??= { code: c, seg: i };
    }
  }
  if (found) pushFact(out, 'modality', found.code, where(text, found.seg, 'modality code shown by the viewer (no exam named)'));
}

/**
 * The page's dates by role, outside other people's and earlier exams' sections and rows, and outside the rows of
 * other exams than the exam (its own row was read first by `examFacts`). A date under a column belongs to its row's
 * record, not to the page.
 */
function pageDates(out: Fact[], text: PageText, dates: readonly DateMention[][], p: Patient, exam: ExamFound | null): void {
  const { segs } = text;
  // A bare "Date" outside the exam's row is the date of its card (vitals, an encounter: often today's), not the exam's,
  // when the exam has a date of its own (its row's, or a labelled exam or scheduled date): held until that is known.
  const bare: [number, DateMention][] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.flags & (OTHERS | PRIOR) || p.others[i]) continue;
    // A column's date is its row's record's — but the one row of a dose log (its agent may read as an exam) dates
    // the dose the patient was given for the exam, and the one row of a details table under the exam ("Exam date |
    // Accession | Scanner" on a dose monitor's or QA page) is the exam's own details, its exam date the exam's.
    const only = exam !== null && s.col !== null && s.row !== null && onlyRow(text, s.row);
    const dose = only && DOSE_GIVEN.test(labelKey(s.col!));
    const details = only && !dose && isDetailsRow(text, i, exam!);
    if (s.col !== null && !dose && !details) continue;
    if (exam && s.row && (s.row === exam.row || (!dose && isOtherExamRow(text, s.row, exam)))) continue;
    for (const d of dates[i] ?? []) {
      if (details && d.role !== 'exam') continue;
      // With no exam on the page (a nurse's office visit, a clinic note), a date of service is the visit's.
      const service = !exam && d.role === 'exam' && d.by !== null && SERVICE_DATE.test(labelKey(d.by));
      const kind = service ? 'visitDate' : d.role ? ROLE_KIND[d.role] : undefined;
      if (kind === 'examDate' && exam && d.by !== null && isBareDateLabel(d.by)) bare.push([i, d]);
      else if (kind) pushFact(out, kind, d.text, where(text, i, `${d.by ?? 'date'}${service ? ' (no exam on the page: the visit)' : ''}`));
    }
  }
  if (out.some((f) => f.kind === 'examDate' || f.kind === 'scheduledDate')) return;
  for (const [i, d] of bare) pushFact(out, 'examDate', d.text, where(text, i, d.by!));
}

/**
 * An exam whose row or page status says it is under way now ("In progress", "Arrived", "En sala"; fields.ts
 * `isUnderWay`) and that no date of the page dates as done: it is done today, whatever day it was asked for.
 */
function underWayToday(out: Fact[], text: PageText, fields: readonly (Field | null)[], exam: ExamFound, p: Patient, today: CalendarDate): void {
  if (out.some((f) => f.kind === 'examDate')) return;
  const row = exam.row ? text.rows.get(exam.row) : undefined;
  let at = row?.underway ? statusSeg(text, row) : -1;
  // Outside the exam's row: a Status field of the page, or the exam told under way ("Exam in progress").
  for (let i = 0; at < 0 && i < text.segs.length; i++) {
    const s = text.segs[i]!;
    if (s.flags & (OTHERS | PRIOR | FREE) || s.col !== null || p.others[i] || (s.row && s.row !== exam.row && exam.examRows.has(s.row))) continue;
    if (fields[i]?.kind === 'status' ? isUnderWay(s.text) : isUnderWay(s.text, true)) at = i;
  }
  if (at < 0) return;
  pushFact(out, 'examDate', toIso(today), where(text, at, `exam under way (${text.segs[at]!.text}): today`));
}

/** The segment of a row that says it is under way. */
function statusSeg(text: PageText, row: RowInfo): number {
  for (let i = row.from; i <= row.to; i++) if (isUnderWay(text.segs[i]!.text)) return i;
  return row.from;
}

/** Segments after the exam's name within which its details table begins. */
const DETAILS_NEAR = 8;
/** A column that names the exam's own date ("Exam date", "Study date", "Fecha del estudio"), not any date done. */
const EXAM_DATE_COLUMN = /\b(?:exam|examination|study|procedure|scan|acquisition|acquired|estudio|examen|exploracion|procedimiento|adquisicion)\b/;

/**
 * The cell `i` is in the one row of a details table just after the exam's name (a heading, then "Exam date |
 * Accession | Scanner"), under a column naming the exam's date, and the row names no other exam.
 */
function isDetailsRow(text: PageText, i: number, exam: ExamFound): boolean {
  const s = text.segs[i]!;
  const info = s.row ? text.rows.get(s.row) : undefined;
  if (!info || s.row === exam.row || !EXAM_DATE_COLUMN.test(labelKey(s.col ?? ''))) return false;
  return exam.seg < info.from && info.from <= exam.seg + DETAILS_NEAR && !isOtherExamRow(text, s.row!, exam);
}

/**
 * The exam's own sentence in its segment (an exam named in a clause of longer text, or a value that runs on into other
 * sentences) and where it begins in the segment (-1 when it is the whole segment).
 */
function examSentence(text: PageText, exam: ExamFound): { name: string; from: number } {
  const seg = text.segs[exam.seg]!.text;
  const end = SENTENCE_END.exec(exam.text);
  const name = end ? exam.text.slice(0, end.index + 1) : exam.text;
  return { name, from: seg.length > name.length ? seg.indexOf(name) : -1 };
}

/**
 * The sentence that asks for the exam today ("Se solicita TAC … hoy", "CT abdomen today", "XR chest STAT today"), on a
 * page that dates the exam no other way: ordered today. A visit's date makes a note's "today" that day, unless the
 * page shows today's date too (the note's own date line, under an admission of some days before).
 */
function askedToday(out: Fact[], text: PageText, dates: readonly DateMention[][], exam: ExamFound, today: CalendarDate): void {
  if (out.some((f) => f.kind === 'examDate' || f.kind === 'scheduledDate' || f.kind === 'orderDate')) return;
  if (!TODAY_WORD.test(examSentence(text, exam).name)) return;
  if (out.some((f) => f.kind === 'visitDate') && !dates.some((ds) => ds.some((d) => d.role !== 'birth' && daysBetween(d.date, today) === 0))) return;
  pushFact(out, 'orderDate', toIso(today), where(text, exam.seg, 'exam asked for today in its sentence'));
}

/** The row is the only one of its list with text, or the selected one. */
function onlyRow(text: PageText, row: Element): boolean {
  if (text.rows.get(row)?.selected) return true;
  const list = row.parentElement;
  if (!list) return false;
  for (const r of Array.from(list.children)) if (r !== row && text.rows.has(r)) return false;
  return true;
}

/** Longest text of a row's cell or line that is not running text. */
const ROW_PROSE = 80;

/** A date label that names the day a service was given ("DOS", "Date of service"). */
const SERVICE_DATE = /\b(?:dos|date of service|fecha de servicio|fecha del servicio)\b/;

/**
 * The dates of the exam's row (or of the row that is the same exam), each with its role: its label's, else the row's
 * status's (`rowRole`) — a bare "Date" column of a row with a status is the date of what its status says (done: the
 * exam's; still to be done: the date it is to be done on). A row with no date of its own in a list grouped by day
 * (a row or title that is only a date, then that day's services) takes its group's date. In a viewer (`viewer`: the
 * page shows images) a study with no status has been done. A date the row's running text tells (a reason, a history,
 * a sentence of more than `ROW_PROSE` characters) with no role of its own is none of the row's. True when one was pushed.
 */
function rowDates(out: Fact[], text: PageText, dates: readonly DateMention[][], el: Element, row: RowInfo, examSeg: number, what: string, today: CalendarDate, viewer: boolean): boolean {
  let dated = false;
  const status = row.underway ? 'underway' : (row.status ?? (viewer ? 'done' : null));
  for (let i = row.from; i <= row.to; i++) {
    // (Free text in the row — a reason for the exam, a history, a sentence — dates its own events in its words: a date
    // it tells with no role is none of the row's.)
    const seg = text.segs[i]!;
    const told = i !== examSeg && ((seg.flags & FREE) !== 0 || seg.text.length > ROW_PROSE);
    for (const d of dates[i] ?? []) {
      if (told && d.role === null) continue;
      const bare = status !== null && d.by !== null && isBareDateLabel(d.by);
      const kind = ROLE_KIND[d.role && !bare ? d.role : rowRole(status, d, i === examSeg, today)];
      if (!kind) continue;
      pushFact(out, kind, d.text, where(text, i, `${what} · ${d.by && !bare ? d.by : `${d.by ?? 'unlabelled'} date, ${row.status ?? 'no'} status${viewer ? ', a study shown with its images' : ''}`}`));
      dated = true;
    }
  }
  const group = dated ? null : groupDate(text, dates, el);
  const kind = group ? ROLE_KIND[rowRole(status, group, false, today)] : undefined;
  if (!group || !kind) return dated;
  pushFact(out, kind, group.text, where(text, group.seg, `${what} · date of its group, ${status ?? 'no'} status`));
  return true;
}

/** Segments looked back at for the date title of a row's group. */
const GROUP_LOOKBACK = 400;

/** Segments of a board's bar (its room, day and buttons: "Sala", "<", "jueves", "Today") looked back at for its day. */
const BOARD_BAR = 8;
/** Longest text of a board bar's control or caption that is not its day. */
const MAX_BAR_TEXT = 24;

/**
 * The date of a row's group: the nearest segment before the row, in its list (a row of one cell, a block between
 * items) or just before the list (its title), whose text is only a date — or the day a board's title or date picker
 * names, in the bar just before its rows. Null when another dated row comes first.
 */
function groupDate(text: PageText, dates: readonly DateMention[][], row: Element): DateMention | null {
  const info = text.rows.get(row);
  const list = row.parentElement;
  if (!info || !list) return null;
  const { segs } = text;
  let bar = 0;
  for (let j = info.from - 1; j >= 0 && j >= info.from - GROUP_LOOKBACK; j--) {
    const s = segs[j]!;
    const inside = list.contains(s.el);
    const d = dates[j]?.[0];
    const dating = d && d.role !== 'birth' && d.role !== 'prior' && d.role !== 'printed' && d.role !== 'event';
    // (Outside the list, a title — not a cell of another table; past the bar's captions, only its day title or picker.)
    if (dating && isOnlyDate(s.text, d) && (inside || (s.col === null && (bar === 0 || isDayTitle(s, dates[j]!))))) {
      // A dated row of the list (not a group title) dates its own services, not the rows after it.
      const own = s.row !== null && s.row !== row && list.contains(s.row) && s.row.parentElement === list && rowHasMore(text, s.row);
      return own ? null : d;
    }
    if (inside) continue;
    if (dating && isDayTitle(s, dates[j]!)) return d;
    // The bar's other captions and buttons, undated and short; anything else ends the look.
    if (d || ++bar > BOARD_BAR || s.text.length > MAX_BAR_TEXT || s.flags & (FREE | OTHERS | PRIOR)) return null;
  }
  return null;
}

/**
 * The day a board or schedule shows, in its title or date picker just before its rows ("CT Scanner 1 — Thursday,
 * 12/10/2026", "Schedule for Dec 10, 2026", "Agenda 10/12/2026"): a short heading or control that holds one date.
 */
function isDayTitle(s: PageText['segs'][number], mentions: readonly DateMention[]): boolean {
  return mentions.length === 1 && s.text.length <= MAX_DAY_TITLE && s.col === null && (s.flags & (HEADING | CONTROL)) !== 0;
}
const MAX_DAY_TITLE = 60;

/** The text is the date and at most a weekday and a time ("Fri Dec 4, 2026", "12/04/2026 09:10"). */
function isOnlyDate(t: string, d: DateMention): boolean {
  return t.length <= 40 && standsAlone(t, d.at, d.text.length);
}

/** The row holds more than its date (a service of its own). */
function rowHasMore(text: PageText, row: Element): boolean {
  const info = text.rows.get(row);
  return info !== undefined && info.to > info.from;
}

/**
 * Among the other rows that name an exam, those of the same exam (the same dental code, or the same words): the one
 * still to be done or selected, else the latest done one when its date is the latest of its list (the services of
 * the last visit). Null when the only rows of the exam are earlier ones (history).
 */
function sameExamRow(text: PageText, dates: readonly DateMention[][], exam: ExamFound): Element | null {
  const code = dentalImagingCode(exam.text)?.code ?? null;
  const words = leadingWords(exam.text);
  const key = labelKey(exam.text);
  let latest: { row: Element; date: CalendarDate; list: Element | null } | null = null;
  for (const row of exam.examRows) {
    const info = text.rows.get(row);
    if (!info || info.status === 'cancelled' || !namesSame(text, info, code, words, key)) continue;
    const d = firstDate(dates, info) ?? groupDate(text, dates, row);
    if (!d) continue;
    if (info.selected || info.status === 'active') return row;
    if (!latest || daysBetween(latest.date, d.date) > 0) latest = { row, date: d.date, list: row.parentElement };
  }
  if (!latest) return null;
  // The latest day of its list: no row of the list is dated later.
  for (const [row, info] of text.rows) {
    if (row.parentElement !== latest.list || !latest.list) continue;
    const d = firstDate(dates, info);
    if (d && daysBetween(latest.date, d.date) > 0) return null;
  }
  return latest.row;
}

function namesSame(text: PageText, info: RowInfo, code: string | null, words: string, key: string): boolean {
  for (let i = info.from; i <= info.to; i++) {
    const t = text.segs[i]!.text;
    if (code !== null) {
      if (dentalImagingCode(t)?.code === code) return true;
      continue;
    }
    const k = labelKey(t);
    if (k === key || (words !== '' && leadingWords(t) === words)) return true;
  }
  return false;
}

/** The first date of a row that can date it (not a birth date, not an earlier one). */
function firstDate(dates: readonly DateMention[][], info: RowInfo): DateMention | null {
  for (let i = info.from; i <= info.to; i++) {
    for (const d of dates[i] ?? []) if (d.role !== 'birth' && d.role !== 'prior' && d.role !== 'printed') return d;
  }
  return null;
}

/**
 * The first date in the exam's own segment, from where its name begins, that the text tells it was done on
 * (patient.ts `told`: an exam told as done before today, which is an earlier one unless it is this exam).
 */
function toldDate(text: PageText, fields: readonly (Field | null)[], dates: readonly DateMention[][], exam: ExamFound, p: Patient): DateMention | null {
  const start = Math.max(0, text.segs[exam.seg]!.text.indexOf(exam.text));
  for (const d of dates[exam.seg] ?? []) if (d.told && d.at >= start) return d;
  // Another line (not free text) that opens with the exam's own name and tells it done on a date ("XR Chest PA and
  // Lateral — Performed — 12/04/2026" under the exam's title): a line naming another exam dates that one only. One
  // that names it shorter ("CT Head — Completed — …" under "CT HEAD WO CONTRAST": the same kind of imaging of the same
  // region) tells it done only on a page that dates no exam as still to be done: beside an order or an appointment,
  // it is an earlier exam of the same kind.
  const key = labelKey(exam.text);
  const words = leadingWords(exam.text);
  const named = classifyProcedure(exam.text);
  let alike: DateMention | null = null;
  let toBeDone = false;
  for (let i = 0; i < text.segs.length; i++) {
    const s = text.segs[i]!;
    if (s.flags & (OTHERS | PRIOR) || p.others[i]) continue;
    for (const d of dates[i] ?? []) {
      if (d.role === 'scheduled' || d.role === 'order') toBeDone = true;
      if (!d.told || i === exam.seg || s.flags & FREE || fields[i]?.kind === 'freeText') continue;
      const line = s.text.slice(0, d.at);
      if ((key !== '' && labelKey(line).startsWith(key)) || (words !== '' && leadingWords(line) === words)) return d;
      const other = alike || !named.region ? null : classifyProcedure(line);
      if (other && other.region === named.region && sameKind(other.modalities, named.modalities)) alike = d;
    }
  }
  return toBeDone ? null : alike;
}

/** Segments looked at on either side of a study's description for its date. */
const BESIDE = 2;

/** An unlabelled date alone on a line of the same block as segment `i`, at most BESIDE segments away. */
function dateBeside(text: PageText, dates: readonly DateMention[][], i: number): DateMention | null {
  const parent = text.segs[i]!.el.parentElement;
  for (let k = 1; k <= BESIDE; k++) {
    for (const j of [i + k, i - k]) {
      const s = text.segs[j];
      if (!s || s.el.parentElement !== parent || s.flags & (OTHERS | PRIOR)) continue;
      const d = dates[j]?.[0];
      if (d && d.role === null && dates[j]!.length === 1 && isOnlyDate(s.text, d)) return d;
    }
  }
  return null;
}

/** A line with a date (not a birth date) other than the open study's. */
function datedOtherwise(mentions: readonly DateMention[] | undefined, open: DateMention): boolean {
  return !!mentions && mentions.some((d) => d.role !== 'birth' && daysBetween(d.date, open.date) !== 0);
}

/**
 * Another row that names an exam (its dates are that exam's) — except a block outside the exam's own list that opens
 * with the exam's own name: the details of the exam ("XR CHEST PORTABLE 1 VIEW — Order Details" beside the orders).
 */
function isOtherExamRow(text: PageText, row: Element, exam: ExamFound): boolean {
  if (row === exam.row || !exam.examRows.has(row)) return false;
  if (exam.row && row.parentElement === exam.row.parentElement) return true;
  const info = text.rows.get(row);
  if (!info) return true;
  const name = leadingWords(exam.text);
  for (let i = info.from; i <= info.to && i < info.from + 4; i++) if (name && leadingWords(text.segs[i]!.text) === name) return false;
  return true;
}

/** The first four words of an exam's name, normalised ("XR CHEST PORTABLE 1 VIEW [IMG112]" → "xr chest portable 1"). */
function leadingWords(name: string): string {
  const words = labelKey(name).split(' ');
  return words.length >= 3 ? words.slice(0, 4).join(' ') : '';
}

/**
 * The role of an unlabelled date in the exam's row: done, or under way and not ahead of today → the exam's date;
 * ahead of today → scheduled (an
 * order is not placed in the future: a portal's card of an upcoming exam); to be done → scheduled… the order date
 * otherwise.
 */
function rowRole(status: string | null, d: DateMention, sameSeg: boolean, today: CalendarDate): string {
  if (status === 'done') return 'exam';
  if (daysBetween(today, d.date) > 0) return 'scheduled';
  if (status === 'underway') return 'exam';
  if (sameSeg) return 'order';
  return status === 'active' ? 'scheduled' : 'order';
}

function weightFact(out: Fact[], text: PageText, fields: readonly (Field | null)[], p: Patient): void {
  const { segs } = text;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.flags & (OTHERS | PRIOR) || p.others[i]) continue;
    const f = fields[i];
    if (f?.kind === 'weight') {
      if (parseWeight(s.text)) return pushFact(out, 'weight', s.text, where(text, i, f.label));
      continue;
    }
    const m = WEIGHT_INLINE.exec(s.text);
    if (!m) continue;
    const rest = s.text.slice(m.index + m[0].length);
    if (parseWeight(rest)) return pushFact(out, 'weight', rest, where(text, i, m[0].replace(/[\s:.=]+$/, '')));
  }
}

/**
 * The day/month order the page shows, and how: a date that reads only one way (by its numbers or its weekday) wins
 * over everything; the per-site
 * setting wins over weaker signs — the language the page declares, then a date that is today in one order only.
 */
function pageDateOrderOf(
  numeric: readonly (readonly [number, number, number])[],
  weekdays: readonly DateOrder[],
  doc: Document,
  setting: DateOrder | undefined,
  now: Date,
): { order: DateOrder; basis: DateOrderBasis } | null {
  const oneWay = inferDateOrder(numeric, weekdays);
  if (oneWay) return { order: oneWay, basis: 'one-way' };
  if (setting || numeric.length === 0) return null;
  const lang = languageDateOrder(doc.documentElement?.lang ?? '');
  if (lang) return { order: lang, basis: 'language' };
  const today = todaysDateOrder(numeric, utcDate(now));
  return today ? { order: today, basis: 'today' } : null;
}

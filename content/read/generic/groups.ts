/**
 * Lists grouped by patient (a PACS's patient rows, each followed or wrapping its study rows; a worklist grouped under
 * each patient's line): a patient row names a person with a birth date or an age and no exam; the rows after it, in
 * the same block, that name an exam (a modality code or an exam's name) and a date are its studies. Each study row is a
 * record with its patient's birth date (or age) and its own date, modality and description.
 * A patient row's unlabelled date is its birth date when the row also names the person (a name or record number) and
 * their sex (`F`, `Male`…) and holds no other date: what a patient row of a PACS shows beside the name.
 * Two patients with studies at least: one patient's block above their studies is a chart, not a list of patients.
 * Study rows may be rows of a list read column by column (a sub-table of each patient's studies under its own header):
 * the reader then keeps these records, not that list's (reader.ts).
 * A study browser's open study: a patient row expanded (▼) over its study rows, one of them expanded (▼) over its
 * series — that study is the open record, with the patient row's birth date (its age at the study's date); the series
 * rows under it are the study's, not studies. One patient with studies is enough then (the others stay collapsed).
 * One patient's studies and no other patient on the page (an archive's navigation searched to one patient, a viewer's
 * study browser): with none open, the newest study done (dated today or before; one only on its day) is the open
 * record, the older ones its priors. Only over rows of studies an archive keeps — the newest says so by a modality
 * code, a column of the study's own (accession, series, images, modality) or a count of its series or images, unless
 * it is the patient's one study (a viewer's overlay of the study shown) — and never over a chart's rows of orders,
 * results or appointments under its banner: a row with a status ("Signed", "Final", "Completed"), an order's, visit's
 * or booking's date, or a column of the order's (its status, who ordered it) names no open exam.
 * One pass over the page's rows, in page order; each row's own segments only.
 */
import { classifyProcedure } from '../parse/procedure';
import { ageBetween } from '../parse/age';
import { type CalendarDate, daysBetween } from '../parse/dates';
import { pushFact } from '../profiles/profile';
import type { Fact, FactKind } from '../types';
import { isCodeList } from './exam';
import type { Field } from './pairs';
import { isExpandedRow, statusClass } from './fields';
import { type AgeFound, type DateMention, isIdentity, pushAge } from './patient';
import { SERIES_WORDS } from './viewer';
import { PRIOR, PRIORITY_COLUMN, REPORT_COLUMN, type PageText, type RowInfo } from './walk';

export interface Groups {
  /** One record per study row of a patient. */
  records: Fact[][];
  /** Patients with at least one study. */
  patients: number;
  /** A patient row or a study row is selected. */
  open: boolean;
  /** The segment ranges of the patients' rows and their study rows, in page order. */
  ranges: readonly (readonly [number, number])[];
  /** The study rows read (their records are these, not a list of people's). */
  studyRows: ReadonlySet<Element>;
  /** The open study's record (an expanded study row of a patient's), with its patient's birth date or age; else null. */
  openStudy: Fact[] | null;
}

/** Two open studies: neither is the open record. */
const NO_ANSWER: Fact[] = [];
const NONE: Groups = { records: [], patients: 0, open: false, ranges: [], studyRows: new Set(), openStudy: null };
const SEX = /^(?:m|f|o|u|male|female|masculino|femenino|hombre|mujer|var[oó]n)$/i;
const ROLE_KIND: Partial<Record<string, FactKind>> = { exam: 'examDate', scheduled: 'scheduledDate', order: 'orderDate', visit: 'visitDate' };
const MAX_NAME = 90;
const MAX_WORDS = 14;
/** Columns of a study an archive keeps: its accession, date, description, modality, series or images. */
const STUDY_COLUMN =
  /^\s*(?:#\s*)?(?:acc(?:ession)?\b|study ?(?:date|time|desc|description|id|uid|instance)\b|studydate|studydescription|accessionnumber|modalit(?:y|ies)\b|modalitiesinstudy|mods?\b|#|n[º°o]?\s*(?:de\s*)?(?:series|im[aá]genes|instancias)\b|(?:num(?:ber)?\s*(?:of\s*)?)?(?:series|instances?|images?|imgs?|im[aá]genes|instancias|im|i|s)\s*#?\s*$)/i;
/**
 * Columns of an order, a result or an appointment: its status, who ordered it, the day it was asked for. (A study's
 * referring physician is an archive's column too: no order's.)
 */
const ORDER_COLUMN = /\b(?:status|state|estado|order(?:ed|ing)?|orden|pedido|requested|requesting|solicitad[oa]|solicitante|prescriber|authori[sz]ed|signed|appointment|appt|cita|encounter|visit)\b/i;
/**
 * One token of letters then digits ('MR-4410', 'CT-0098812', 'MR#55012'): a record or accession number, whose letters
 * are no modality — an exam's name has words.
 */
const IDENTIFIER = /^[A-Za-z]{1,4}[-#/.]?\d{3,}[A-Za-z\d-]*$/;
/** Cells of a row looked at for their column. */
const MAX_CELLS = 40;
/** Longest text read as a column's label, or as a count of a study's series or images ("3 series", "Im: 240"). */
const MAX_LABEL = 32;

interface Current {
  row: Element;
  block: Element;
  facts: Fact[];
  birth: string | null;
  studies: number;
  selected: boolean;
  from: number;
}

export function patientGroups(
  text: PageText,
  fields: readonly (Field | null)[],
  dates: readonly DateMention[][],
  ages: readonly AgeFound[],
  today: CalendarDate,
  where: string,
): Groups {
  const { segs } = text;
  // Rows in page order, outer before inner; only the innermost are read (a patient's block holds its rows).
  // Rows of a list read column by column only inside another row (a patient's sub-table of studies): a worklist's own
  // rows are no study rows of a patient, and are not looked at again.
  const all: [Element, RowInfo][] = [];
  for (const entry of text.rows) if (!entry[1].listed || (entry[0].parentElement?.closest('tr, [role="row"], li') ?? null) !== null) all.push(entry);
  if (all.length < 4) return NONE;
  // (Of two rows over the same segments, the one holding the other first: a details row around a sub-table's row.)
  all.sort((a, b) => a[1].from - b[1].from || b[1].to - a[1].to || (a[0].contains(b[0]) ? -1 : b[0].contains(a[0]) ? 1 : 0));
  const records: Fact[][] = [];
  const ranges: [number, number][] = [];
  const studyRows = new Set<Element>();
  let patients = 0;
  // Patient rows, with studies or not (another patient collapsed beside one expanded: a list of patients).
  let patientRows = 0;
  // The newest study done: its record, its day, whether another study shares that day and whether its row is a study's
  // an archive keeps (a modality code, a study's column, a count of its series or images).
  let newest: { record: Fact[]; date: CalendarDate; tied: boolean; kept: boolean } | null = null;
  // A study row of the patient is an order's, a result's or an appointment's (a status, an order's date or column).
  let charted = false;
  // A row of labels under the patient's row names a study's columns (Accession, Modality, #Series, Images).
  let studyHeader = false;
  // That row's labels by cell: the columns of the study rows under it (the page's own column labels are the patient
  // row's, over a sub-table of studies).
  let subLabels: readonly (string | null)[] | null = null;
  let open = false;
  let openStudy: Fact[] | null = null;
  // The expanded study row whose series rows follow (rows with no date of their own until the next study).
  let seriesOf: Element | null = null;
  let current: Current | null = null;
  let a = 0;
  const close = () => {
    if (current && current.studies > 0) {
      patients++;
      open ||= current.selected;
    }
    current = null;
  };
  for (let k = 0; k < all.length; k++) {
    const [el, info] = all[k]!;
    const next = all[k + 1];
    if (next && next[1].from <= info.to) continue;
    if (segs[info.from]!.flags & PRIOR) continue;
    while (a < ages.length && ages[a]!.seg < info.from) a++;
    const age = a < ages.length && ages[a]!.seg <= info.to ? ages[a]! : null;
    const exam = examOf(text, fields, info);
    if (!exam) {
      const facts = patientFacts(text, fields, dates, info, age, today, where);
      if (facts) {
        close();
        patientRows++;
        current = { row: el, block: el.parentElement ?? el, facts: facts.facts, birth: facts.birth, studies: 0, selected: info.selected, from: info.from };
      } else if (current && current.block.contains(el)) {
        // A row of labels over the patient's rows (a sub-table's own header): a study's columns, or an order's.
        const labels = columnLabels(text, info, el);
        studyHeader ||= labels.study;
        charted ||= labels.order;
        if (labels.cells) subLabels = labels.cells;
      }
      continue;
    }
    const c = current as Current | null;
    // A row that names its own person (a worklist's row) or has its own birth date or age is not the patient's study.
    if (!c || !c.block.contains(el) || age !== null || ownBirth(dates, info, c.birth) || namesPerson(text, fields, info)) continue;
    const date = studyDate(dates, info, c.birth);
    // A series of the expanded study (no date of its own): the study's, not another study.
    if (seriesOf !== null && !date && c.block.contains(seriesOf)) continue;
    seriesOf = null;
    const record = c.facts.slice();
    if (date) {
      const kind = date.role && ROLE_KIND[date.role] ? ROLE_KIND[date.role]! : daysBetween(today, date.date) > 0 ? 'scheduledDate' : 'examDate';
      pushFact(record, kind, date.text, `${where} · study row · ${date.by ?? 'date'}`);
      if (kind === 'examDate') {
        const d = newest ? daysBetween(newest.date, date.date) : 1;
        if (d > 0) newest = { record, date: date.date, tied: false, kept: keptStudy(text, info, exam) };
        else if (d === 0) newest!.tied = true;
      }
    }
    charted ||= chartRow(text, dates, info, el, subLabels);
    for (const f of exam) record.push(f);
    records.push(record);
    studyRows.add(el);
    if (c.studies === 0) ranges.push([c.from, segs.length]);
    c.studies++;
    c.selected ||= info.selected;
    ranges[ranges.length - 1]![1] = info.to;
    // The study expanded or selected under its patient: the open study. (One only: two open is no answer.)
    if (info.selected) {
      openStudy = openStudy === null ? record : NO_ANSWER;
      seriesOf = isExpandedRow(el, true) ? el : null;
    }
  }
  close();
  if (openStudy === NO_ANSWER) openStudy = null;
  const last = newest as { record: Fact[]; tied: boolean; kept: boolean } | null;
  if (openStudy === null && !open && patients === 1 && patientRows === 1 && last && !last.tied && (last.kept || studyHeader || records.length === 1) && !charted) openStudy = last.record;
  if (patients >= 2 || (patients === 1 && openStudy !== null)) return { records, patients, open, ranges, studyRows, openStudy };
  return NONE;

  function examOf(t: PageText, fs: readonly (Field | null)[], info: RowInfo): Fact[] | null {
    const out: Fact[] = [];
    let named = false;
    for (let i = info.from; i <= info.to; i++) {
      const s = t.segs[i]!;
      const f = fs[i];
      // (A column's label is the patient row's: a study row's cells sit under it out of line.)
      if (s.col === null && f && (f.kind === 'patientName' || f.kind === 'patientId' || f.kind === 'sex' || f.kind === 'relative')) continue;
      if (isCodeList(s.text)) pushFact(out, 'modality', s.text, `${where} · study row · modality code`);
      else if (!named && s.text.length <= MAX_NAME && s.text.split(' ').length <= MAX_WORDS && /[A-Za-z]{2}/.test(s.text) && !IDENTIFIER.test(s.text) && classifyProcedure(s.text).modalities.length > 0) {
        pushFact(out, 'procedure', s.text, `${where} · study row · exam`);
        named = true;
      }
    }
    return out.length > 0 ? out : null;
  }
}

/**
 * A study row of an archive's or a viewer's: a modality code of its own, a cell under a column of the study's
 * (Accession, Modality, #Series, Images), or a count of its series or images ("3 series", "412 images").
 */
function keptStudy(text: PageText, info: RowInfo, exam: readonly Fact[]): boolean {
  if (exam.some((f) => f.kind === 'modality')) return true;
  for (let i = info.from; i <= info.to; i++) {
    const s = text.segs[i]!;
    if (s.col !== null && STUDY_COLUMN.test(s.col)) return true;
    if (s.text.length <= MAX_LABEL && SERIES_WORDS.test(s.text) && /\d/.test(s.text)) return true;
  }
  return false;
}

/**
 * A row of column labels (no digits): whether one names a study's column (Accession, Study date, Modality, #Series),
 * whether one names an order's (Status, Ordered, Ordering provider, Appointment; a report's or a priority's column is
 * neither), and its labels by cell (null when fewer than two).
 */
function columnLabels(text: PageText, info: RowInfo, row: Element): { study: boolean; order: boolean; cells: (string | null)[] | null } {
  let study = false;
  let order = false;
  const cells: (string | null)[] = [];
  let named = 0;
  for (let i = info.from; i <= info.to; i++) {
    const s = text.segs[i]!;
    const t = s.text;
    if (/\d/.test(t) || t.length > MAX_LABEL) return { study: false, order: false, cells: null };
    if (STUDY_COLUMN.test(t)) study = true;
    else if (!REPORT_COLUMN.test(t) && !PRIORITY_COLUMN.test(t) && ORDER_COLUMN.test(t)) order = true;
    const k = cellOf(row, s.el);
    if (k >= 0 && k < MAX_CELLS && cells[k] === undefined) {
      while (cells.length < k) cells.push(null);
      cells[k] = t;
      named++;
    }
  }
  return { study, order, cells: named >= 2 ? cells : null };
}

/** The index of the row's child that holds the element (its cell), or -1. */
function cellOf(row: Element, el: Element): number {
  let e: Element | null = el;
  while (e && e.parentElement !== row) e = e.parentElement;
  if (!e) return -1;
  const cells = row.children;
  for (let k = 0; k < cells.length && k < MAX_CELLS; k++) if (cells[k] === e) return k;
  return -1;
}

/**
 * A row of a chart's orders, results or appointments: a status ("Signed", "Final", "Completed"), a date of an order, a
 * visit or a booking, or a cell under a column of the order's (its status, its ordering provider). A report's column
 * ("Report status: Final", "Report: Dictated") tells the reading of a study done, and a priority's its urgency: no
 * order's status. Columns are the labels row's over the study rows (`labels`, by cell) when there is one.
 */
function chartRow(text: PageText, dates: readonly DateMention[][], info: RowInfo, row: Element, labels: readonly (string | null)[] | null): boolean {
  for (let i = info.from; i <= info.to; i++) {
    const s = text.segs[i]!;
    const col = labels ? (labels[cellOf(row, s.el)] ?? null) : s.col;
    if (col !== null && (REPORT_COLUMN.test(col) || PRIORITY_COLUMN.test(col))) continue;
    if (col !== null && ORDER_COLUMN.test(col) && !STUDY_COLUMN.test(col)) return true;
    if (statusClass(s.text) !== null) return true;
    for (const d of dates[i] ?? []) if (d.role === 'order' || d.role === 'visit' || d.role === 'scheduled') return true;
  }
  return false;
}

/**
 * A segment of the row names a person (a name, a record number) — by its words or its own label, not by the column
 * it falls under (a column labelled for the patient rows).
 */
function namesPerson(text: PageText, fields: readonly (Field | null)[], info: RowInfo): boolean {
  for (let i = info.from; i <= info.to; i++) {
    const s = text.segs[i]!;
    if (isIdentity(s, s.col === null ? (fields[i] ?? null) : null)) return true;
  }
  return false;
}

/**
 * A patient row's facts: its labelled birth date or its age; else its one unlabelled date beside the person's name or
 * record number and sex. Null when the row is not a patient's.
 */
function patientFacts(
  text: PageText,
  fields: readonly (Field | null)[],
  dates: readonly DateMention[][],
  info: RowInfo,
  age: AgeFound | null,
  today: CalendarDate,
  where: string,
): { facts: Fact[]; birth: string | null } | null {
  const facts: Fact[] = [];
  let birth: DateMention | null = null;
  let unlabelled: DateMention | null = null;
  let other = 0;
  let identity = false;
  let sex = false;
  for (let i = info.from; i <= info.to; i++) {
    const s = text.segs[i]!;
    const f = fields[i] ?? null;
    if (!identity && isIdentity(s, f)) identity = true;
    if (!sex && SEX.test(s.text)) sex = true;
    for (const d of dates[i] ?? []) {
      if (d.role === 'birth') birth ??= d;
      else if (d.role === null) {
        if (unlabelled) other++;
        unlabelled ??= d;
      } else other++;
    }
  }
  if (!birth && !age && unlabelled && other === 0 && identity && sex && ageBetween(unlabelled.date, today) !== null) {
    birth = { ...unlabelled, by: 'date beside the name and sex of a patient row' };
  }
  if (birth) pushFact(facts, 'birthDate', birth.text, `${where} · patient row · ${birth.by ?? 'birth date'}`);
  else if (age && (identity || sex)) pushAge(facts, age, `${where} · patient row · age`);
  return facts.length > 0 ? { facts, birth: birth?.text ?? null } : null;
}

/**
 * A study row with a birth date of its own beside another date (a worklist row: DOB and exam date), not its patient's.
 * (A lone date under a column labelled for the patient row, as Birth Date, is the study's: `studyDate`.)
 */
function ownBirth(dates: readonly DateMention[][], info: RowInfo, patientBirth: string | null): boolean {
  let birth = false;
  let other = false;
  for (let i = info.from; i <= info.to; i++) {
    for (const d of dates[i] ?? []) {
      if (d.role === 'birth') birth ||= d.text !== patientBirth;
      else other = true;
    }
  }
  return birth && other;
}

/**
 * The date of a study row: its first date that is not an earlier exam's or the printing's (a date that falls under a
 * column labelled for the patient row, as Birth Date, is the study's own when it is not the patient's birth date).
 */
function studyDate(dates: readonly DateMention[][], info: RowInfo, patientBirth: string | null): DateMention | null {
  for (let i = info.from; i <= info.to; i++) {
    for (const d of dates[i] ?? []) {
      if (d.role === 'prior' || d.role === 'printed' || d.role === 'event' || d.text === patientBirth) continue;
      return d.role === 'birth' ? { ...d, role: null, by: 'date of the study row' } : d;
    }
  }
  return null;
}

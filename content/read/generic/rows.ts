/**
 * The records of lists with no column header — cards of a board, items of a schedule, options of a list of requests:
 * each row or block of a list of people (patient.ts `people`) that names an exam is a record of its own facts —
 * its age as shown, its birth date, its dates by role, its exam and modality code. Rows of lists read column by
 * column (tables and grids whose header names exam columns) are left to those (table.ts).
 * A section of other people (recent patients, a queue) beside an open patient is not the page's list: its rows are
 * records only when the page has no patient of its own.
 * One pass over the people and the ages, both in page order; each row's own segments only.
 */
import { classifyProcedure } from '../parse/procedure';
import { pushFact } from '../profiles/profile';
import type { Fact, FactKind } from '../types';
import { isCodeList, namesOnlyPlaces } from './exam';
import { isPlanColumn } from './fields';
import type { Field } from './pairs';
import { type DateMention, type Patient, pushAge } from './patient';
import { OTHERS, type PageText } from './walk';

const ROLE_KIND: Partial<Record<string, FactKind>> = {
  birth: 'birthDate',
  exam: 'examDate',
  scheduled: 'scheduledDate',
  order: 'orderDate',
  visit: 'visitDate',
};
/** Fields whose value is what the label says (not an exam's name). */
const NOT_EXAM = new Set(['patientName', 'patientId', 'sex', 'relative', 'status', 'info', 'age', 'birthDate', 'examDate', 'scheduledDate', 'orderDate', 'visitDate', 'weight', 'date']);
const MAX_NAME = 90;
const NO_ROWS: ReadonlySet<Element> = new Set();
const MAX_WORDS = 14;

export function peopleRecords(
  text: PageText,
  fields: readonly (Field | null)[],
  dates: readonly DateMention[][],
  patient: Patient,
  where: string,
  skip: ReadonlySet<Element> = NO_ROWS,
): Fact[][] {
  const { segs, rows } = text;
  const out: Fact[][] = [];
  let a = 0;
  const ages = patient.ages;
  const ownPatient = patient.age !== null || patient.birth !== null;
  for (const p of patient.people) {
    if (rows.get(p.el)?.listed || skip.has(p.el)) continue;
    if (ownPatient && segs[p.from]!.flags & OTHERS) continue;
    while (a < ages.length && ages[a]!.seg < p.from) a++;
    const facts: Fact[] = [];
    for (let k = a; k < ages.length && ages[k]!.seg <= p.to; k++) {
      pushAge(facts, ages[k]!, `${where} · row · age`);
      break;
    }
    let coded = false;
    let named = false;
    for (let i = p.from; i <= p.to; i++) {
      for (const d of dates[i] ?? []) {
        const kind = d.role ? ROLE_KIND[d.role] : undefined;
        if (kind) pushFact(facts, kind, d.text, `${where} · row · ${d.by ?? 'date'}`);
      }
      const s = segs[i]!;
      const field = fields[i];
      if ((field && NOT_EXAM.has(field.kind)) || (s.col !== null && isPlanColumn(s.col))) continue;
      if (isCodeList(s.text)) {
        pushFact(facts, 'modality', s.text, `${where} · row · modality code`);
        coded = true;
      } else if (!named && s.text.length <= MAX_NAME && s.text.split(' ').length <= MAX_WORDS && /[A-Za-z]{2}/.test(s.text)) {
        // (A slot's room, "07:30 CT 1", is where the exam is done: its exam is on another line.)
        if (classifyProcedure(s.text).modalities.length > 0 && !namesOnlyPlaces(s.text)) {
          pushFact(facts, 'procedure', s.text, `${where} · row · exam`);
          named = true;
        }
      }
    }
    if (coded || named) out.push(facts);
  }
  return out;
}

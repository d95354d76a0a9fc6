/**
 * One age precedence for the open record and for list rows: for any mix of age facts, a list row holding the same
 * facts gets the age, basis and pediatric flag of the primary record (rows print the age only when pediatric).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decide } from '@/content/read/decide';
import type { AnalyzeOptions, ExamRecord, Fact, FactKind, FactTable, PageAnalysis, PageFindings } from '@/content/read/types';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Dates as pages write them, some that do not parse or parse only with a day/month order. */
const dateText = fc.oneof(
  fc.record({ y: fc.integer({ min: 1860, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).chain(({ y, m, d }) =>
    fc.constantFrom(`${y}-${pad(m, 2)}-${pad(d, 2)}`, `${y}${pad(m, 2)}${pad(d, 2)}`, `${pad(m, 2)}/${pad(d, 2)}/${y}`, `${pad(d, 2)}.${pad(m, 2)}.${y}`),
  ),
  fc.constantFrom('', 'n/a', '2020-02-30', 'unknown', '31/31/2020'),
);
/** Ages as DICOM AS and as screens print them, with misreads. */
const ageText = fc.oneof(
  fc.record({ n: fc.integer({ min: 0, max: 140 }), u: fc.constantFrom('D', 'W', 'M', 'Y') }).map(({ n, u }) => `${pad(n, 3)}${u}`),
  fc.record({ n: fc.integer({ min: 0, max: 40 }), u: fc.constantFrom(' yrs', ' y.o.', ' mos', ' d/o', ' wks', 'y') }).map(({ n, u }) => `${n}${u}`),
  fc.constantFrom('4 yrs, 1 mth', '13 mths, 9 days', '2y 3m', '6 años', '', 'adult', '150 yrs', '6'),
);
const DATE_KINDS: FactKind[] = ['birthDate', 'examDate', 'scheduledDate', 'orderDate', 'visitDate'];
const fact = fc.oneof(
  fc.record({ kind: fc.constantFrom(...DATE_KINDS), text: dateText }),
  fc.record({ kind: fc.constantFrom<FactKind>('patientAge', 'ageText'), text: ageText }),
);
const facts = fc.array(fact, { maxLength: 7 }).map((list) => list.map((f, i): Fact => ({ ...f, where: `f${i}` })));
const options = fc.record({
  now: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
  pediatricCutoffYears: fc.constantFrom(1, 12, 18, 21.5, 30),
  dateOrder: fc.constantFrom<AnalyzeOptions['dateOrder']>(undefined, 'DMY', 'MDY'),
});

const findings = (primary: Fact[], rows: Fact[][], tables: FactTable[] = []): PageFindings => ({
  profileId: 'test',
  primary,
  rows,
  tables,
  dateOrder: null,
  notes: [],
});

function expectSameAge(record: ExamRecord, primary: PageAnalysis): void {
  expect({ ageDays: record.ageDays, ageBasis: record.ageBasis, pediatric: record.pediatric }).toEqual({
    ageDays: primary.ageDays,
    ageBasis: primary.ageBasis,
    pediatric: primary.pediatric,
  });
  expect(record.ageDetail).toEqual(primary.pediatric ? primary.ageDetail : null);
}

describe('age precedence: the open record and list rows agree', () => {
  test('a row of facts', () => {
    fc.assert(
      fc.property(facts, options, (list, opts) => {
        const a = decide(findings(list, [list]), opts);
        expectSameAge(a.records[0]!, a);
      }),
      { numRuns: 2000 },
    );
  });

  test('a table row: shared facts plus its cells', () => {
    fc.assert(
      fc.property(facts, facts.filter((c) => c.length > 0), options, (base, cells, opts) => {
        const table: FactTable = {
          columns: cells.map((c) => ({ kind: c.kind, where: c.where })),
          values: cells.map((c) => [c.text]),
          base,
        };
        const a = decide(findings([...base, ...cells], [], [table]), opts);
        expectSameAge(a.records[0]!, a);
      }),
      { numRuns: 1000 },
    );
  });

  test('cases the generators found once', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    const cases: Fact[][] = [
      // A birth date 130 years or more before the exam is a misread: neither reads an age from it.
      [{ kind: 'birthDate', text: '1880-01-01', where: 'b' }, { kind: 'examDate', text: '2024-01-01', where: 'e' }, { kind: 'ageText', text: '6 yrs', where: 's' }],
      // The first DICOM age that parses is used, as for dates.
      [{ kind: 'patientAge', text: 'adult', where: 'a' }, { kind: 'patientAge', text: '006Y', where: 'b' }],
      [{ kind: 'ageText', text: 'n/a', where: 'a' }, { kind: 'ageText', text: '4 yrs, 1 mth', where: 'b' }],
    ];
    for (const list of cases) {
      const a = decide(findings(list, [list]), { now });
      expectSameAge(a.records[0]!, a);
    }
  });
});

import { describe, expect, it, test } from 'vitest';
import { i18n } from '#i18n';
import { BUNDLED_REFERENCE_LEVEL_TABLES, compareWithReferenceLevels, type ReferenceLevelTable } from '../../clinical/reference-levels';
import { ReferenceLevelTableSchema } from '../../clinical/reference-level-schema';
import { binsOverlap } from '../../clinical/reference-level-terms';
import { importReferenceLevels, importReferenceLevelsCsv, importReferenceLevelsJson } from '../../clinical/reference-level-import';

// A made-up local table: the numbers are test data, not reference levels.
const headTable: ReferenceLevelTable = {
  id: 'local-head',
  name: 'Local head CT audit',
  exam: 'Head CT without contrast',
  metric: 'age-years',
  phantomCm: 16,
  source: 'Test hospital dose audit',
  year: 2025,
  bins: [
    { from: 0, to: 1, label: '<1 y', ctdiVolMGy: { median: 20, p75: 24 }, ssdeMGy: { median: 25, p75: 30 } },
    { from: 1, to: 5, ctdiVolMGy: { median: 25, p75: 30 }, dlpMGyCm: { p75: 500 } },
    { from: 5, to: null, ctdiVolMGy: { median: 30 } },
  ],
};

describe('ReferenceLevelTableSchema', () => {
  it('accepts a well-formed table', () => {
    expect(ReferenceLevelTableSchema.safeParse(headTable).success).toBe(true);
  });
  test.each([
    ['overlapping bins', { bins: [{ from: 0, to: 2, ssdeMGy: { p75: 1 } }, { from: 1, to: 3, ssdeMGy: { p75: 1 } }] }],
    ['an open bin overlapping a later one', { bins: [{ from: 5, to: null, ssdeMGy: { p75: 1 } }, { from: 10, to: 12, ssdeMGy: { p75: 1 } }] }],
    ['median above the 75th percentile', { bins: [{ from: 0, to: 1, ssdeMGy: { median: 5, p75: 4 } }] }],
    ['a bin without any quantity', { bins: [{ from: 0, to: 1 }] }],
    ['a bin that ends before it starts', { bins: [{ from: 3, to: 1, ssdeMGy: { p75: 1 } }] }],
    ['CTDIvol without a phantom', { phantomCm: null }],
    ['an unknown metric', { metric: 'height-cm' }],
    ['a bad id', { id: 'Has Spaces' }],
  ])('rejects %s', (_, patch) => {
    expect(ReferenceLevelTableSchema.safeParse({ ...headTable, ...patch }).success).toBe(false);
  });
});

describe('bundled reference levels', () => {
  it('are empty: the reference holds no verified pediatric CT rows', () => {
    expect(BUNDLED_REFERENCE_LEVEL_TABLES).toEqual([]);
    expect(i18n.t('clinical.referenceLevel.bundledEmpty')).toMatch(/no pediatric CT table has been verified/);
  });
});

describe('compareWithReferenceLevels', () => {
  const pos = (exam: Parameters<typeof compareWithReferenceLevels>[1]) => {
    const r = compareWithReferenceLevels(headTable, exam);
    if (r.status !== 'compared') throw new Error(r.reason);
    return r.comparisons.map((c) => [c.quantity, c.position]);
  };
  test.each([
    [2, 24, 'at-or-below-median'], // 1–5 y bin: median 25, p75 30
    [2, 25, 'at-or-below-median'],
    [2, 27, 'between-median-and-p75'],
    [2, 30, 'between-median-and-p75'],
    [2, 31, 'above-p75'],
    [0.5, 24.5, 'above-p75'], // <1 y bin: p75 24
    [12, 31, 'above-median'], // ≥ 5 y bin: median only
  ] as const)('age %d y, CTDIvol %d mGy (16 cm) → %s', (ageYears, ctdi, expected) => {
    expect(pos({ ageYears, phantomCm: 16, ctdiVolMGy: ctdi })).toEqual([['ctdiVolMGy', expected]]);
  });

  it('places the bin edge in the upper bin (from inclusive, to exclusive)', () => {
    const r = compareWithReferenceLevels(headTable, { ageYears: 1, phantomCm: 16, ctdiVolMGy: 26 });
    expect(r.status === 'compared' && r.comparisons[0]!.binLabel).toBe('1–<5 y');
  });

  it('compares every quantity the bin and the exam share', () => {
    expect(pos({ ageYears: 3, phantomCm: 16, ctdiVolMGy: 10, dlpMGyCm: 600 })).toEqual([
      ['ctdiVolMGy', 'at-or-below-median'],
      ['dlpMGyCm', 'above-p75'],
    ]);
  });

  it('is worded as a position in the group, with the table and the bin', () => {
    const r = compareWithReferenceLevels(headTable, { ageYears: 0.5, phantomCm: 16, ctdiVolMGy: 26 });
    if (r.status !== 'compared') throw new Error(r.reason);
    const c = r.comparisons[0]!;
    expect(i18n.t(c.messageKey as 'clinical.referenceLevel.aboveP75', c.substitutions)).toBe(
      'CTDIvol: above the 75th percentile of Local head CT audit, <1 y; reference levels describe typical patient groups, not limits for one child.',
    );
    expect(c.source).toBe('Test hospital dose audit');
  });

  describe('no comparison', () => {
    test.each([
      ['the exam lacks the table metric', { weightKg: 12, phantomCm: 16, ctdiVolMGy: 20 } as const, 'metric-missing'],
      ['the phantom is unknown', { ageYears: 3, ctdiVolMGy: 20 } as const, 'phantom-unknown'],
      ['the phantom differs', { ageYears: 3, phantomCm: 32, ctdiVolMGy: 20 } as const, 'phantom-mismatch'],
      ['no shared quantity', { ageYears: 3, phantomCm: 16, ssdeMGy: 20 } as const, 'no-common-quantity'],
    ])('when %s', (_, exam, reason) => {
      expect(compareWithReferenceLevels(headTable, exam)).toMatchObject({ status: 'no-comparison', reason });
    });
    it('when the size is outside every bin', () => {
      const t = { ...headTable, bins: [{ from: 1, to: 5, ssdeMGy: { p75: 20 } }] };
      expect(compareWithReferenceLevels(t, { ageYears: 0.5, ssdeMGy: 10 })).toMatchObject({ reason: 'outside-bins' });
    });
  });

  it('compares SSDE without the phantom, and says which quantities it skipped', () => {
    const r = compareWithReferenceLevels(headTable, { ageYears: 0.5, ssdeMGy: 26, ctdiVolMGy: 20 });
    expect(r).toMatchObject({
      status: 'compared',
      comparisons: [{ quantity: 'ssdeMGy', position: 'between-median-and-p75' }],
      skipped: [{ quantity: 'ctdiVolMGy', reason: 'phantom-unknown' }],
    });
  });
});

const HEADER = 'table,exam,metric,metric_unit,from,to,label,phantom_cm,quantity,unit,median,p75,source,year';

describe('importReferenceLevelsCsv', () => {
  it('reads a table, converting months to years and merging quantities of one bin', () => {
    const csv = [
      HEADER,
      'Local head,Head CT,age,mo,0,3,,16,CTDIvol,mGy,18,22,Audit 2025,2025',
      'Local head,Head CT,age,mo,0,3,,16,DLP,mGy·cm,250,300,Audit 2025,2025',
      'Local head,Head CT,age,mo,3,12,3–<12 mo,16,CTDIvol,mGy,,26,Audit 2025,2025',
      'Local head,Head CT,age,mo,12,,,16,CTDIvol,mGy,30,,Audit 2025,2025',
    ].join('\r\n');
    const r = importReferenceLevelsCsv(csv);
    expect(r).toEqual({
      ok: true,
      tables: [
        {
          id: 'local-head',
          name: 'Local head',
          exam: 'Head CT',
          metric: 'age-years',
          phantomCm: 16,
          source: 'Audit 2025',
          year: 2025,
          bins: [
            { from: 0, to: 0.25, ctdiVolMGy: { median: 18, p75: 22 }, dlpMGyCm: { median: 250, p75: 300 } },
            { from: 0.25, to: 1, label: '3–<12 mo', ctdiVolMGy: { p75: 26 } },
            { from: 1, to: null, ctdiVolMGy: { median: 30 } },
          ],
        },
      ],
    });
  });

  it('converts pounds and millimetres, reads quoted fields, semicolons and decimal commas', () => {
    const csv = [
      'table;exam;metric;metric_unit;from;to;phantom_cm;quantity;unit;median;p75;source;year',
      '"Body; by weight";Abdomen CT;weight;lb;0;22,0462262;32;SSDE;mGy;4,5;6;"Audit ""B""";2024',
      'Dw table;Abdomen CT;dw;mm;100;150;;SSDE;mGy;;7,25;Audit;2024',
    ].join('\n');
    const r = importReferenceLevelsCsv(csv);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.tables[0]!.name).toBe('Body; by weight');
    expect(r.tables[0]!.source).toBe('Audit "B"');
    expect(r.tables[0]!.bins[0]!.to).toBeCloseTo(10, 6); // 22.0462262 lb = 10 kg
    expect(r.tables[0]!.bins[0]!.ssdeMGy).toEqual({ median: 4.5, p75: 6 });
    expect(r.tables[1]).toMatchObject({ metric: 'water-equivalent-diameter-cm', phantomCm: null, bins: [{ from: 10, to: 15, ssdeMGy: { p75: 7.25 } }] });
  });

  describe('clear errors', () => {
    const one = (csv: string) => {
      const r = importReferenceLevelsCsv(csv);
      if (r.ok) throw new Error('expected errors');
      return r.errors;
    };
    test.each([
      ['an unknown metric unit', `${HEADER}\nT,E,age,stones,0,1,,16,CTDIvol,mGy,1,2,S,2025`, 'unknown-unit', 2, 'stones'],
      ['an unknown dose unit', `${HEADER}\nT,E,age,y,0,1,,16,CTDIvol,cGy,1,2,S,2025`, 'unknown-unit', 2, 'cGy'],
      ['DLP given in mGy', `${HEADER}\nT,E,age,y,0,1,,16,DLP,mGy,1,2,S,2025`, 'unknown-unit', 2, 'mGy'],
      ['an unknown phantom', `${HEADER}\nT,E,age,y,0,1,,24,CTDIvol,mGy,1,2,S,2025`, 'unknown-unit', 2, '24'],
      ['an unknown metric', `${HEADER}\nT,E,height,cm,0,1,,16,CTDIvol,mGy,1,2,S,2025`, 'unknown-metric', 2, 'height'],
      ['an unknown quantity', `${HEADER}\nT,E,age,y,0,1,,16,DAP,mGy,1,2,S,2025`, 'unknown-quantity', 2, 'DAP'],
      ['a bad number', `${HEADER}\nT,E,age,y,0,one,,16,CTDIvol,mGy,1,2,S,2025`, 'bad-number', 2, 'one'],
      ['a short row', `${HEADER}\nT,E,age,y,0,1,,16,CTDIvol,mGy,1,2,S`, 'bad-csv', 2, '13/14'],
      ['an unclosed quote', `${HEADER}\nT,"E,age,y,0,1,,16,CTDIvol,mGy,1,2,S,2025`, 'bad-csv', 2, '"'],
      ['a missing column', 'table,exam,metric\nT,E,age', 'missing-column', 1, 'metric_unit, from, to, quantity, unit, source, year, median|p75'],
      [
        'overlapping bins',
        `${HEADER}\nT,E,age,y,0,5,,16,CTDIvol,mGy,1,2,S,2025\nT,E,age,y,4,10,,16,CTDIvol,mGy,1,2,S,2025`,
        'overlapping-bins',
        3,
        '2',
      ],
      [
        'a table whose rows disagree',
        `${HEADER}\nT,E,age,y,0,5,,16,CTDIvol,mGy,1,2,S,2025\nT,E,age,y,5,10,,32,CTDIvol,mGy,1,2,S,2025`,
        'inconsistent-table',
        3,
        'phantom_cm',
      ],
      ['a median above the 75th percentile', `${HEADER}\nT,E,age,y,0,5,,16,CTDIvol,mGy,3,2,S,2025`, 'invalid-table', 2, 'bins.0.ctdiVolMGy'],
    ])('%s', (_, csv, code, line, detail) => {
      const errors = one(csv);
      expect(errors[0]).toMatchObject({ code, line, detail });
      expect(errors[0]!.message).toMatch(new RegExp(`^(line ${line}|table)`));
    });
    it('an empty file', () => {
      expect(one('')[0]!.code).toBe('empty');
      expect(one(`${HEADER}\n`)[0]!.code).toBe('empty');
    });
    it('reports every bad line, not only the first', () => {
      const errors = one(`${HEADER}\nT,E,age,y,0,1,,16,CTDIvol,cGy,1,2,S,2025\nT,E,age,y,1,2,,16,CTDIvol,mGy,x,2,S,2025`);
      expect(errors.map((e) => e.line)).toEqual([2, 3]);
    });
  });
});

describe('importReferenceLevelsJson', () => {
  it('reads one table, an array, or { tables }, making a missing id from the name', () => {
    const { id: _id, ...noId } = headTable;
    for (const text of [JSON.stringify(headTable), JSON.stringify([headTable]), JSON.stringify({ tables: [noId] })]) {
      const r = importReferenceLevelsJson(text);
      expect(r).toEqual({ ok: true, tables: [text.includes('"id"') ? headTable : { ...headTable, id: 'local-head-ct-audit' }] });
    }
  });
  it('reports bad JSON and schema errors with their path', () => {
    expect(importReferenceLevelsJson('{"name": ')).toMatchObject({ ok: false, errors: [{ code: 'bad-json' }] });
    const bad = { ...headTable, bins: [{ from: 0, to: 1, ctdiVolMGy: { median: -1 } }] };
    const r = importReferenceLevelsJson(JSON.stringify(bad));
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'invalid-table', detail: 'bins.0.ctdiVolMGy.median' }] });
  });
  it('refuses more tables than can be kept', () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ ...headTable, id: `t${i}` }));
    expect(importReferenceLevelsJson(JSON.stringify(many))).toMatchObject({ ok: false, errors: [{ code: 'too-many-tables' }] });
  });
});

describe('importReferenceLevels', () => {
  it('chooses JSON or CSV by extension, else by content', () => {
    expect(importReferenceLevels(JSON.stringify(headTable)).ok).toBe(true);
    expect(importReferenceLevels(`${HEADER}\nT,E,age,y,0,1,,16,CTDIvol,mGy,1,2,S,2025`, 'levels.csv').ok).toBe(true);
    expect(importReferenceLevels('\uFEFF' + JSON.stringify(headTable), 'levels.json').ok).toBe(true);
  });
});

describe('binsOverlap', () => {
  it('treats a bin as from (inclusive) to (exclusive), open-ended when `to` is null', () => {
    expect(binsOverlap({ from: 0, to: 5 }, { from: 5, to: 10 })).toBe(false); // touching edges
    expect(binsOverlap({ from: 0, to: 5 }, { from: 4, to: 10 })).toBe(true);
    expect(binsOverlap({ from: 10, to: null }, { from: 0, to: 11 })).toBe(true);
    expect(binsOverlap({ from: 10, to: null }, { from: 0, to: 10 })).toBe(false);
    expect(binsOverlap({ from: 0, to: null }, { from: 50, to: null })).toBe(true);
  });
});

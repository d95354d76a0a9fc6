/**
 * Hostile reference-level imports (CSV and JSON files an administrator picks): every file gets a result with a
 * bounded list of problems, and the overlap checks do bounded work whatever the file holds. The work is counted
 * (calls of `binsOverlap`, problems reported), never timed; budgets are in `npm run bench` (bench/hostile).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REFERENCE_LIMITS } from '../../clinical/reference-levels';
import {
  MAX_IMPORT_ERRORS,
  MAX_IMPORT_ROWS,
  importReferenceLevels,
  importReferenceLevelsCsv,
  importReferenceLevelsJson,
} from '../../clinical/reference-level-import';

const calls = vi.hoisted(() => ({ binsOverlap: 0 }));
vi.mock('../../clinical/reference-levels', async (original) => {
  const real = await original<typeof import('../../clinical/reference-levels')>();
  return {
    ...real,
    binsOverlap: (...args: Parameters<typeof real.binsOverlap>) => {
      calls.binsOverlap++;
      return real.binsOverlap(...args);
    },
  };
});
afterEach(() => {
  calls.binsOverlap = 0;
});

const HEADER = 'table,exam,metric,metric_unit,from,to,label,phantom_cm,quantity,unit,median,p75,source,year';
const row = (from: number, to: number | '', table = 'T') => `${table},E,age,y,${from},${to},,16,CTDIvol,mGy,1,2,S,2025`;
const errorsOf = (r: ReturnType<typeof importReferenceLevelsCsv>) => (r.ok ? [] : r.errors);

describe('overlapping bins: a bounded list of problems, bounded work', () => {
  it('200 open-ended bins that all overlap give MAX_IMPORT_ERRORS problems, then one that says checking stopped', () => {
    const csv = [HEADER, ...Array.from({ length: REFERENCE_LIMITS.bins }, (_, i) => row(i, ''))].join('\n');
    const errors = errorsOf(importReferenceLevelsCsv(csv));
    expect(errors).toHaveLength(MAX_IMPORT_ERRORS + 1);
    expect(errors[0]).toMatchObject({ code: 'overlapping-bins', line: 3, detail: '2' });
    expect(errors.at(-1)).toMatchObject({ code: 'too-many-errors', detail: String(MAX_IMPORT_ERRORS) });
    expect(calls.binsOverlap).toBeLessThanOrEqual(MAX_IMPORT_ERRORS * REFERENCE_LIMITS.bins);
  });

  it('a CSV table of 1,000 bins is refused for its size, its pairs not compared', () => {
    const csv = [HEADER, ...Array.from({ length: 1000 }, (_, i) => row(i, ''))].join('\n');
    expect(errorsOf(importReferenceLevelsCsv(csv))).toEqual([expect.objectContaining({ code: 'invalid-table', detail: 'bins' })]);
    expect(calls.binsOverlap).toBeLessThanOrEqual(REFERENCE_LIMITS.bins ** 2);
  });

  it('a JSON table with 5,000 bins is refused for its size without comparing every pair', () => {
    const bins = Array.from({ length: 5000 }, (_, i) => ({ from: i, to: i + 1, ssdeMGy: { p75: 1 } }));
    const r = importReferenceLevelsJson(JSON.stringify({ name: 'T', exam: 'E', metric: 'age-years', phantomCm: null, source: 'S', year: 2025, bins }));
    expect(errorsOf(r).map((e) => e.detail)).toContain('bins');
    expect(calls.binsOverlap).toBeLessThanOrEqual(REFERENCE_LIMITS.bins ** 2);
  });

  it('a JSON file whose every bin is wrong lists at most MAX_IMPORT_ERRORS problems', () => {
    const bins = Array.from({ length: 10_000 }, () => ({ from: -1, to: -2 }));
    const r = importReferenceLevelsJson(JSON.stringify({ tables: Array.from({ length: 3 }, (_, i) => ({ name: `T${i}`, bins })) }));
    expect(errorsOf(r).length).toBeLessThanOrEqual(MAX_IMPORT_ERRORS + 1);
    expect(errorsOf(r).at(-1)?.code).toBe('too-many-errors');
  });

  it('more rows than any keepable set of tables holds are refused before they are read', () => {
    const csv = [HEADER, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => row(i, i + 1, `T${i % 7}`))].join('\n');
    expect(errorsOf(importReferenceLevelsCsv(csv))).toEqual([expect.objectContaining({ code: 'too-many-rows', detail: String(MAX_IMPORT_ROWS) })]);
    // The most a file can usefully hold is still read.
    const most = [HEADER, ...Array.from({ length: REFERENCE_LIMITS.bins }, (_, i) => row(i, i + 1))].join('\n');
    expect(importReferenceLevelsCsv(most)).toMatchObject({ ok: true });
  });
});

describe('names from the file are never looked up on Object.prototype', () => {
  it.each(['constructor', '__proto__', 'toString'])('metric, unit or quantity "%s" is an unknown name', (name) => {
    const cells = (metric: string, unit: string, quantity: string) =>
      `${HEADER}\nT,E,${metric},${unit},0,1,,16,${quantity},mGy,1,2,S,2025`;
    expect(errorsOf(importReferenceLevelsCsv(cells(name, 'y', 'CTDIvol')))[0]?.code).toBe('unknown-metric');
    expect(errorsOf(importReferenceLevelsCsv(cells('age', name, 'CTDIvol')))[0]?.code).toBe('unknown-unit');
    expect(errorsOf(importReferenceLevelsCsv(cells('age', 'y', name)))[0]?.code).toBe('unknown-quantity');
  });
});

describe('any file gets a result', () => {
  const cell = fc.oneof(
    fc.constantFrom('', 'age', 'weight', 'dw', 'y', 'mo', 'kg', 'mm', 'CTDIvol', 'SSDE', 'DLP', 'mGy', 'mGy·cm', '16', '32', '0', '1', '5', '-1', '1e9', '"q"', '"a""b"', 'constructor', '__proto__', 'toString', '2025'),
    fc.string({ maxLength: 6 }),
  );
  const line = fc.array(cell, { minLength: 1, maxLength: 16 }).map((c) => c.join(fc.sample(fc.constantFrom(',', ';', '\t'), 1)[0]!));
  it('CSV: never throws; problems are bounded', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(line, { maxLength: 30 }), (withHeader, lines) => {
        const r = importReferenceLevels([...(withHeader ? [HEADER] : []), ...lines].join('\n'), 'x.csv');
        if (!r.ok) expect(r.errors.length).toBeLessThanOrEqual(MAX_IMPORT_ERRORS + 1);
      }),
    );
  });
  it('JSON: never throws on any JSON value, and on prototype-named keys', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = importReferenceLevels(JSON.stringify(value) ?? 'null', 'x.json');
        expect(typeof r.ok).toBe('boolean');
      }),
    );
    for (const text of ['{"__proto__":{"tables":[]}}', '{"tables":{"length":5}}', '[{"name":"constructor","bins":{"__proto__":[]}}]']) {
      expect(typeof importReferenceLevels(text, 'x.json').ok).toBe('boolean');
    }
  });
});

import type { ReferenceLevelTable } from '@/clinical/reference-levels';

/**
 * A small local reference-level table in the format of clinical/reference-levels.ts. The numbers
 * are made up for tests (no clinical source); `source` says so.
 */
export function sampleReferenceTable(overrides: Partial<ReferenceLevelTable> = {}): ReferenceLevelTable {
  return {
    id: 'test-head-ct',
    name: 'Test head CT levels',
    exam: 'Head CT, routine',
    metric: 'age-years',
    phantomCm: 16,
    source: 'Made-up numbers for tests',
    year: 2025,
    bins: [
      { from: 0, to: 1, label: '<1 y', ctdiVolMGy: { median: 20, p75: 24 } },
      { from: 1, to: 5, ctdiVolMGy: { p75: 30 }, dlpMGyCm: { median: 350, p75: 420 } },
      { from: 5, to: null, ssdeMGy: { median: 25 } },
    ],
    ...overrides,
  };
}

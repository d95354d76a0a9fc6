import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupTable, type TableRow } from '../../clinical/interpolate';

const rows: TableRow[] = [
  [0, 10],
  [2, 14],
  [5, 20],
];

describe('lookupTable', () => {
  it('returns printed rows exactly and says they are not interpolated', () => {
    expect(lookupTable(rows, 2)).toEqual({ y: 14, lower: [2, 14], upper: [2, 14], interpolated: false });
    expect(lookupTable(rows, 0)?.y).toBe(10);
    expect(lookupTable(rows, 5)?.y).toBe(20);
  });
  it('interpolates linearly between the neighbouring rows', () => {
    expect(lookupTable(rows, 1)).toEqual({ y: 12, lower: [0, 10], upper: [2, 14], interpolated: true });
    expect(lookupTable(rows, 4)?.y).toBeCloseTo(18, 12);
  });
  it('never extrapolates', () => {
    for (const x of [-0.001, 5.001, NaN, Infinity, -Infinity]) expect(lookupTable(rows, x)).toBeNull();
    expect(lookupTable([], 1)).toBeNull();
  });
  it('stays between the neighbouring rows (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5, noNaN: true }), (x) => {
        const r = lookupTable(rows, x)!;
        return r.lower[0] <= x && x <= r.upper[0] && Math.min(r.lower[1], r.upper[1]) <= r.y && r.y <= Math.max(r.lower[1], r.upper[1]);
      }),
    );
  });
});

/**
 * @file Linear interpolation between published table rows: the one numerical method shared by the
 * AAPM 204 size tables and the EANM dosage card. It never extrapolates: an input outside the first and
 * last row is the caller's "outside range" case.
 */

/** A published table row: `[input, output]`, e.g. `[40, 19.6]` for AP+LAT 40 cm → Deff 19.6 cm. */
export type TableRow = readonly [x: number, y: number];

/** Where an input fell in a table. */
export interface TableLookup {
  /** The interpolated (or exact) output. */
  y: number;
  /** The row at or below the input. */
  lower: TableRow;
  /** The row at or above the input (the same row as `lower` when the input is a printed row). */
  upper: TableRow;
  /** true when the input lies strictly between two printed rows. */
  interpolated: boolean;
}

/**
 * @name lookupTable
 * @category Numerics
 * @summary Read a monotone table at `x`, linearly interpolating between the two neighbouring rows.
 *
 * @description
 * Rows must be sorted by strictly increasing `x`. At a printed row the printed output is returned
 * unchanged (no floating-point drift), so a test can compare it with `toBe`.
 *
 * @param rows - the table, sorted by increasing `x`
 * @param x - the input; must lie within `[rows[0][0], rows[last][0]]`
 * @returns the lookup, or `null` when `x` is not finite or outside the table
 *
 * @example
 * // Between AP+LAT 40 cm (19.6) and 42 cm (20.6)?
 * lookupTable([[40, 19.6], [42, 20.6]], 41)?.y
 * //=> 20.1
 */
export function lookupTable(rows: readonly TableRow[], x: number): TableLookup | null {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last || !Number.isFinite(x) || x < first[0] || x > last[0]) return null;
  // Binary search for the first row with rows[i][0] >= x.
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]![0] < x) lo = mid + 1;
    else hi = mid;
  }
  const upper = rows[lo]!;
  if (upper[0] === x) return { y: upper[1], lower: upper, upper, interpolated: false };
  const lower = rows[lo - 1]!;
  const t = (x - lower[0]) / (upper[0] - lower[0]);
  return { y: lower[1] + t * (upper[1] - lower[1]), lower, upper, interpolated: true };
}

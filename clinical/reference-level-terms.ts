/**
 * @file The terms of the reference-level table format, shared by the schema (reference-level-schema.ts) and the
 * comparison (reference-levels.ts): the size metrics a table is binned by, the dose quantities a bin holds, the
 * limits that keep stored tables small, and when two bins overlap.
 */

/** Size metrics a table can be binned by, with their canonical units. */
export const SIZE_METRICS = ['age-years', 'weight-kg', 'effective-diameter-cm', 'water-equivalent-diameter-cm'] as const;
export type SizeMetric = (typeof SIZE_METRICS)[number];

/** Dose quantities a bin can hold. */
export const DOSE_QUANTITIES = ['ctdiVolMGy', 'ssdeMGy', 'dlpMGyCm'] as const;
export type DoseQuantity = (typeof DOSE_QUANTITIES)[number];

/** Limits that keep stored tables small (an import cannot blow up storage). */
export const REFERENCE_LIMITS = { text: 200, bins: 200, tables: 20 } as const;

/** A bin's extent: from (inclusive) to (exclusive; null = open-ended). */
export interface BinExtent {
  from: number;
  to: number | null;
}

/** True when two bins share any value of the metric. */
export function binsOverlap(a: BinExtent, b: BinExtent): boolean {
  const aEnd = a.to ?? Infinity;
  const bEnd = b.to ?? Infinity;
  return a.from < bEnd && b.from < aEnd;
}

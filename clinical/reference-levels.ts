/**
 * @file Pediatric CT reference levels: what a table means, the bundled set (empty), and the comparison
 * of one exam with a table, worded as a position in the group.
 *
 * A table holds, per size bin, the median and/or 75th percentile of CTDIvol, SSDE and DLP for one exam,
 * grouped by ONE size metric (age, weight, effective diameter or Dw) and — for CTDIvol and DLP — one
 * CTDI phantom. The comparison uses the table's own metric and phantom; when the exam lacks them there is
 * no comparison (never a conversion or a guess). DRL = 75th percentile, achievable dose = median
 * (Kanal 2022 definitions, docs/reference/reference-levels.md §1.1).
 *
 * BUNDLED SET: EMPTY. The reference holds no verified per-bin pediatric CT values: Kanal 2022 (US) tables,
 * EC RP 185 EDRLs, BfS 2022, ARPANSA 2025 were not found or not readable (docs/reference/reference-levels.md §1,
 * docs/reference/reference-levels.md §2) — only abstract-level endpoints, which are not bins. A site imports its own
 * table (`reference-level-import.ts`: JSON or CSV).
 *
 * The terms of the format (metrics, quantities, limits) are in reference-level-terms.ts, its zod/mini schemas
 * in reference-level-schema.ts; this module (comparison, bundled set) needs only their types at run time.
 */

export {
  binsOverlap,
  DOSE_QUANTITIES,
  REFERENCE_LIMITS,
  SIZE_METRICS,
  type DoseQuantity,
  type SizeMetric,
} from './reference-level-terms';
import { DOSE_QUANTITIES, type DoseQuantity, type SizeMetric } from './reference-level-terms';
export type { Percentiles, ReferenceBin, ReferenceLevelTable } from './reference-level-schema';
import type { Percentiles, ReferenceBin, ReferenceLevelTable } from './reference-level-schema';

/**
 * The reference levels shipped with the extension: none. No per-bin pediatric CT values in our
 * reference are verified (docs/reference/reference-levels.md §1, docs/reference/reference-levels.md §2); add a table here only with its
 * source, table number and a test against the printed rows.
 */
export const BUNDLED_REFERENCE_LEVEL_TABLES: readonly ReferenceLevelTable[] = [];

/** Units of each metric, for labels. */
const METRIC_UNIT: Record<SizeMetric, string> = {
  'age-years': 'y',
  'weight-kg': 'kg',
  'effective-diameter-cm': 'cm',
  'water-equivalent-diameter-cm': 'cm',
};
const METRIC_PREFIX: Record<SizeMetric, string> = {
  'age-years': '',
  'weight-kg': '',
  'effective-diameter-cm': 'Deff ',
  'water-equivalent-diameter-cm': 'Dw ',
};

/** The bin's label as printed, or generated from its edges ("Dw 15–<19 cm", "≥ 10 y"). */
export function binLabel(table: Pick<ReferenceLevelTable, 'metric'>, bin: ReferenceBin): string {
  if (bin.label) return bin.label;
  const unit = METRIC_UNIT[table.metric];
  const prefix = METRIC_PREFIX[table.metric];
  return bin.to === null ? `${prefix}≥ ${bin.from} ${unit}` : `${prefix}${bin.from}–<${bin.to} ${unit}`;
}

/** What is known about the exam being compared. Missing values are simply absent. */
export interface ExamDoseFacts {
  ageYears?: number | null;
  weightKg?: number | null;
  effectiveDiameterCm?: number | null;
  dwCm?: number | null;
  /** Phantom of the exam's CTDIvol and DLP, from the data; null when unknown. */
  phantomCm?: 16 | 32 | null;
  ctdiVolMGy?: number | null;
  ssdeMGy?: number | null;
  dlpMGyCm?: number | null;
}

export type ReferencePosition =
  | 'at-or-below-median'
  | 'between-median-and-p75'
  | 'above-p75'
  | 'above-median'
  | 'at-or-below-p75';

export type NoComparisonReason = 'metric-missing' | 'outside-bins' | 'no-common-quantity' | 'phantom-unknown' | 'phantom-mismatch';

export interface ReferenceComparison {
  quantity: DoseQuantity;
  value: number;
  position: ReferencePosition;
  tableName: string;
  binLabel: string;
  bin: ReferenceBin;
  source: string;
  year: number;
  /** Locale key; substitutions: $1 quantity label, $2 table name, $3 bin label. */
  messageKey: string;
  substitutions: [string, string, string];
}

export type ReferenceComparisonResult =
  | { status: 'compared'; comparisons: ReferenceComparison[]; skipped: { quantity: DoseQuantity; reason: 'phantom-unknown' | 'phantom-mismatch' }[] }
  | { status: 'no-comparison'; reason: NoComparisonReason; messageKey: string; substitutions: string[] };

const QUANTITY_LABEL: Record<DoseQuantity, string> = { ctdiVolMGy: 'CTDIvol', ssdeMGy: 'SSDE', dlpMGyCm: 'DLP' };

/** Locale keys of the positions (section `clinical:`). */
export const REFERENCE_POSITION_MESSAGE_KEY: Readonly<Record<ReferencePosition, string>> = {
  'at-or-below-median': 'clinical.referenceLevel.atOrBelowMedian',
  'between-median-and-p75': 'clinical.referenceLevel.betweenMedianAndP75',
  'above-p75': 'clinical.referenceLevel.aboveP75',
  'above-median': 'clinical.referenceLevel.aboveMedian',
  'at-or-below-p75': 'clinical.referenceLevel.atOrBelowP75',
};
/** Locale keys of the reasons for no comparison; $1 = table name, $2 = detail (metric or phantom). */
export const REFERENCE_NO_COMPARISON_MESSAGE_KEY: Readonly<Record<NoComparisonReason, string>> = {
  'metric-missing': 'clinical.referenceLevel.metricMissing',
  'outside-bins': 'clinical.referenceLevel.outsideBins',
  'no-common-quantity': 'clinical.referenceLevel.noCommonQuantity',
  'phantom-unknown': 'clinical.referenceLevel.phantomUnknown',
  'phantom-mismatch': 'clinical.referenceLevel.phantomMismatch',
};
/** Shown where tables would be listed while none is loaded. */
export const REFERENCE_BUNDLED_EMPTY_MESSAGE_KEY = 'clinical.referenceLevel.bundledEmpty';

const METRIC_FACT: Record<SizeMetric, keyof ExamDoseFacts> = {
  'age-years': 'ageYears',
  'weight-kg': 'weightKg',
  'effective-diameter-cm': 'effectiveDiameterCm',
  'water-equivalent-diameter-cm': 'dwCm',
};
const METRIC_NAME: Record<SizeMetric, string> = {
  'age-years': 'age',
  'weight-kg': 'weight',
  'effective-diameter-cm': 'effective diameter',
  'water-equivalent-diameter-cm': 'water-equivalent diameter (Dw)',
};

function position(value: number, p: Percentiles): ReferencePosition {
  if (p.median !== undefined && p.p75 !== undefined) {
    return value <= p.median ? 'at-or-below-median' : value <= p.p75 ? 'between-median-and-p75' : 'above-p75';
  }
  if (p.p75 !== undefined) return value <= p.p75 ? 'at-or-below-p75' : 'above-p75';
  return value <= p.median! ? 'at-or-below-median' : 'above-median';
}

function none(reason: NoComparisonReason, table: ReferenceLevelTable, detail: string): ReferenceComparisonResult {
  return { status: 'no-comparison', reason, messageKey: REFERENCE_NO_COMPARISON_MESSAGE_KEY[reason], substitutions: [table.name, detail] };
}

/**
 * @name compareWithReferenceLevels
 * @category Reference levels
 * @summary Where an exam's CTDIvol, SSDE and DLP fall in a reference-level table's group.
 *
 * @description
 * The exam is placed in the table's bin by the table's own size metric; CTDIvol and DLP are compared only
 * when the exam's phantom is known and equals the table's. The result is a position in the group ("above
 * the 75th percentile of <table>, <bin>"), to be shown with the reminder that reference levels describe
 * typical patient groups, not limits for one child.
 *
 * @param table - a validated table
 * @param exam - what is known about the exam
 * @returns comparisons per quantity, or the reason there is none
 *
 * @example
 * // CTDIvol 30 mGy (16 cm) for a 3-year-old, against a head table binned by age?
 * compareWithReferenceLevels(headTable, { ageYears: 3, phantomCm: 16, ctdiVolMGy: 30 })
 * //=> { status: 'compared', comparisons: [{ quantity: 'ctdiVolMGy', position: 'above-p75', … }], skipped: [] }
 */
export function compareWithReferenceLevels(table: ReferenceLevelTable, exam: ExamDoseFacts): ReferenceComparisonResult {
  const size = exam[METRIC_FACT[table.metric]];
  if (typeof size !== 'number' || !Number.isFinite(size) || size < 0) return none('metric-missing', table, METRIC_NAME[table.metric]);
  const bin = table.bins.find((b) => size >= b.from && (b.to === null || size < b.to));
  if (!bin) return none('outside-bins', table, METRIC_NAME[table.metric]);
  const comparisons: ReferenceComparison[] = [];
  const skipped: { quantity: DoseQuantity; reason: 'phantom-unknown' | 'phantom-mismatch' }[] = [];
  const label = binLabel(table, bin);
  for (const q of DOSE_QUANTITIES) {
    const p = bin[q];
    const value = exam[q];
    if (!p || typeof value !== 'number' || !Number.isFinite(value) || value < 0) continue;
    if (q !== 'ssdeMGy') {
      if (exam.phantomCm == null) {
        skipped.push({ quantity: q, reason: 'phantom-unknown' });
        continue;
      }
      if (exam.phantomCm !== table.phantomCm) {
        skipped.push({ quantity: q, reason: 'phantom-mismatch' });
        continue;
      }
    }
    const pos = position(value, p);
    comparisons.push({
      quantity: q,
      value,
      position: pos,
      tableName: table.name,
      binLabel: label,
      bin,
      source: table.source,
      year: table.year,
      messageKey: REFERENCE_POSITION_MESSAGE_KEY[pos],
      substitutions: [QUANTITY_LABEL[q], table.name, label],
    });
  }
  if (comparisons.length === 0) {
    const onlyPhantom = skipped[0];
    if (onlyPhantom) return none(onlyPhantom.reason, table, `${table.phantomCm ?? '?'} cm`);
    return none('no-common-quantity', table, '');
  }
  return { status: 'compared', comparisons, skipped };
}

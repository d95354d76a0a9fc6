/**
 * @file A patient's weight for activity calculations: explicit unit (kg, lb or g, converted to kg), a
 * plausibility check against the age, and the weight's date. A missing or unknown unit, or a weight
 * implausible for the age, gives no weight — and so no activity.
 *
 * NOTE: the plausibility envelope below is a deliberately wide product guard, NOT growth data: it exists
 * to catch a value in the wrong unit (grams taken as kg, a number from another field), and is wide enough
 * that only extreme children fall outside it — who then get no number, with the reason, rather than a
 * wrong one. It carries no clinical meaning and is not shown as a reference.
 */
import { lookupTable, type TableRow } from './interpolate';

export type WeightUnit = 'kg' | 'lb' | 'g';

export interface WeightInput {
  value: number;
  /** As read; null/undefined (a bare number) or any unit other than kg, lb or g gives no weight. */
  unit: string | null | undefined;
  /** ISO date (YYYY-MM-DD) the weight was recorded, when known. */
  date?: string | null;
}

export interface WeightContext {
  /** Age at the exam in years, for the plausibility check. */
  ageYears?: number | null;
  /** ISO date of the exam (default: today), to say how old the weight is. */
  onDate?: string | null;
}

/** Notes shown with a number (locale keys `clinical.weightNote.*`). */
export type WeightNote = 'weight-undated' | 'weight-old' | 'weight-not-checked-against-age';
/** Why there is no weight (locale keys `clinical.weightRefusal.*`). */
export type WeightRefusal = 'unit-missing' | 'unit-unknown' | 'not-a-number' | 'implausible-for-age';

export type WeightResult =
  | { ok: true; kg: number; lb: number; unitRead: WeightUnit; notes: WeightNote[]; ageDays: number | null }
  | { ok: false; reason: WeightRefusal; message: string };

/** International avoirdupois pound in kg, exact by definition (1959). */
const KG_PER_LB = 0.45359237;
/** Product choice: a weight older than this (days) before the exam is flagged. */
export const WEIGHT_MAX_AGE_DAYS = 30;

/**
 * Product guard (see the file note), not growth data: [age y, lowest kg, highest kg] accepted,
 * interpolated linearly; above 18 y the last row holds.
 */
const PLAUSIBLE_KG: readonly (readonly [number, number, number])[] = [
  [0, 0.3, 8], // product guard, not a reference value
  [1, 3, 20], // product guard
  [5, 7, 60], // product guard
  [10, 10, 120], // product guard
  [15, 18, 200], // product guard
  [18, 22, 300], // product guard
];
const LOW: readonly TableRow[] = PLAUSIBLE_KG.map(([a, lo]) => [a, lo] as const);
const HIGH: readonly TableRow[] = PLAUSIBLE_KG.map(([a, , hi]) => [a, hi] as const);

/** The accepted weight range (kg) at an age, or null for an invalid age. */
export function plausibleWeightRangeKg(ageYears: number): { minKg: number; maxKg: number } | null {
  if (!Number.isFinite(ageYears) || ageYears < 0) return null;
  const a = Math.min(ageYears, 18);
  return { minKg: lookupTable(LOW, a)!.y, maxKg: lookupTable(HIGH, a)!.y };
}

/** Locale keys. */
export const WEIGHT_REFUSAL_MESSAGE_KEY: Readonly<Record<WeightRefusal, string>> = {
  'unit-missing': 'clinical.weightRefusal.unitMissing',
  'unit-unknown': 'clinical.weightRefusal.unitUnknown',
  'not-a-number': 'clinical.weightRefusal.notANumber',
  'implausible-for-age': 'clinical.weightRefusal.implausibleForAge',
};
export const WEIGHT_NOTE_MESSAGE_KEY: Readonly<Record<WeightNote, string>> = {
  'weight-undated': 'clinical.weightNote.undated',
  'weight-old': 'clinical.weightNote.old',
  'weight-not-checked-against-age': 'clinical.weightNote.notCheckedAgainstAge',
};

function daysBetween(fromIso: string, toIso: string): number | null {
  const a = Date.parse(`${fromIso}T00:00:00Z`);
  const b = Date.parse(`${toIso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fromIso) || !/^\d{4}-\d{2}-\d{2}$/.test(toIso) || Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.round((b - a) / 86_400_000);
}

/**
 * @name readWeight
 * @category Weight
 * @summary A weight with an explicit unit, in kg, checked against the age.
 *
 * @param weight - value, unit as read (kg, lb or g) and the date it was recorded
 * @param ctx - age at the exam (years) and the exam date
 * @returns kg (and lb) with notes, or why there is no usable weight
 *
 * @example
 * // "44 lb" for a 5-year-old?
 * readWeight({ value: 44, unit: 'lb', date: '2026-11-20' }, { ageYears: 5, onDate: '2026-11-20' })
 * //=> { ok: true, kg: 19.958…, lb: 44, unitRead: 'lb', notes: [], ageDays: 0 }
 */
export function readWeight(weight: WeightInput, ctx: WeightContext = {}): WeightResult {
  const { value } = weight;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return { ok: false, reason: 'not-a-number', message: `weight ${String(value)} is not a positive number` };
  }
  if (weight.unit == null || String(weight.unit).trim() === '') {
    return { ok: false, reason: 'unit-missing', message: 'the weight has no unit (kg or lb): no activity is computed' };
  }
  const unit = String(weight.unit).trim().toLowerCase().replace(/\.$/, '');
  const unitRead: WeightUnit | null = unit === 'kg' || unit === 'kgs' ? 'kg' : unit === 'lb' || unit === 'lbs' ? 'lb' : unit === 'g' ? 'g' : null;
  if (!unitRead) return { ok: false, reason: 'unit-unknown', message: `weight unit "${String(weight.unit).slice(0, 12)}" is not kg, lb or g` };
  const kg = unitRead === 'kg' ? value : unitRead === 'lb' ? value * KG_PER_LB : value / 1000;

  const notes: WeightNote[] = [];
  const age = ctx.ageYears;
  if (typeof age === 'number' && Number.isFinite(age) && age >= 0) {
    const range = plausibleWeightRangeKg(age)!;
    if (kg < range.minKg || kg > range.maxKg) {
      return {
        ok: false,
        reason: 'implausible-for-age',
        message: `${kg.toFixed(2)} kg is outside the plausible range for ${age.toFixed(1)} y (${range.minKg.toFixed(1)}–${range.maxKg.toFixed(0)} kg): check the weight and its unit`,
      };
    }
  } else notes.push('weight-not-checked-against-age');

  let ageDays: number | null = null;
  if (!weight.date) notes.push('weight-undated');
  else {
    ageDays = daysBetween(weight.date, ctx.onDate ?? new Date().toISOString().slice(0, 10));
    if (ageDays === null) notes.push('weight-undated');
    else if (ageDays > WEIGHT_MAX_AGE_DAYS) notes.push('weight-old');
  }
  return { ok: true, kg, lb: kg / KG_PER_LB, unitRead, notes, ageDays };
}

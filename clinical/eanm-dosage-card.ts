/**
 * @file EANM paediatric dosage card (2016, "v5.7"): administered activity = baseline activity ×
 * multiple(weight, class A/B/C), at least the setting's minimum; no maximum. A second, separately
 * labelled method next to the North American guidelines (nuclear-medicine.ts).
 *
 * Sources (docs/reference/nuclear-medicine.md §2): weight multiples from two independent code
 * transcriptions (C1 "RadCalc Pro" reference data citing Lassmann et al. EJNMMI 2008;35:1748; C2 a
 * Portuguese calculator), agreeing on 29 of 30 rows [X2]; baselines/minima/classes from C2 cross-checked
 * by C1 and the French arrêté of 24 Oct 2011 — only the [X2] settings ship.
 *
 * 52–54 kg CONFLICT: class A agrees (5.00) but classes B and C differ (C1 11.29 / 24.67, C2 11.00 / 24.00).
 * We do not pick one: for classes B and C any weight that needs that row (50 < weight < 56 kg) gets no
 * number, with the reason and both transcriptions, until the printed card settles it.
 *
 * Between rows: the card prints rows every 2 kg (3, 4, 6 … 50) and four bands (52–54, 56–58, 60–62, 64–66,
 * then 68). The card's rule for in-between weights is not verified (C1 takes the next band up, C2
 * interpolates); we interpolate linearly between the neighbouring printed rows and say so in the result.
 * Range: 3–68 kg; outside it there is no number.
 */
import { lookupTable, type TableRow } from './interpolate';
import { MBQ_PER_MCI } from './nuclear-medicine';
import { readWeight, type WeightContext, type WeightInput, type WeightNote, type WeightRefusal } from './patient-weight';

export type EanmClass = 'A' | 'B' | 'C';

/**
 * Weight (kg) → multiple for classes A, B, C (docs/reference/nuclear-medicine.md §2.1, all rows [X2] except 52–54 kg B/C).
 * A band "52–54" is written as two rows with the same multiple.
 */
const MULTIPLES: readonly (readonly [kg: number, a: number, b: number, c: number])[] = [
  [3, 1.0, 1.0, 1.0], // EANM card 3 kg
  [4, 1.12, 1.14, 1.33], // EANM card 4 kg
  [6, 1.47, 1.71, 2.0], // EANM card 6 kg
  [8, 1.71, 2.14, 3.0], // EANM card 8 kg
  [10, 1.94, 2.71, 3.67], // EANM card 10 kg
  [12, 2.18, 3.14, 4.67], // EANM card 12 kg
  [14, 2.35, 3.57, 5.67], // EANM card 14 kg
  [16, 2.53, 4.0, 6.33], // EANM card 16 kg
  [18, 2.71, 4.43, 7.33], // EANM card 18 kg
  [20, 2.88, 4.86, 8.33], // EANM card 20 kg
  [22, 3.06, 5.29, 9.33], // EANM card 22 kg
  [24, 3.18, 5.71, 10.0], // EANM card 24 kg
  [26, 3.35, 6.14, 11.0], // EANM card 26 kg
  [28, 3.47, 6.43, 12.0], // EANM card 28 kg
  [30, 3.65, 6.86, 13.0], // EANM card 30 kg
  [32, 3.77, 7.29, 14.0], // EANM card 32 kg
  [34, 3.88, 7.72, 15.0], // EANM card 34 kg
  [36, 4.0, 8.0, 16.0], // EANM card 36 kg
  [38, 4.18, 8.43, 17.0], // EANM card 38 kg
  [40, 4.29, 8.86, 18.0], // EANM card 40 kg
  [42, 4.41, 9.14, 19.0], // EANM card 42 kg
  [44, 4.53, 9.57, 20.0], // EANM card 44 kg
  [46, 4.65, 10.0, 21.0], // EANM card 46 kg
  [48, 4.77, 10.29, 22.0], // EANM card 48 kg
  [50, 4.88, 10.71, 23.0], // EANM card 50 kg
  [52, 5.0, NaN, NaN], // EANM card 52–54 kg: A [X2]; B and C conflict (see CONFLICT_52_54)
  [54, 5.0, NaN, NaN], // EANM card 52–54 kg (same band)
  [56, 5.24, 12.0, 26.67], // EANM card 56–58 kg
  [58, 5.24, 12.0, 26.67], // EANM card 56–58 kg (same band)
  [60, 5.47, 12.71, 28.67], // EANM card 60–62 kg
  [62, 5.47, 12.71, 28.67], // EANM card 60–62 kg (same band)
  [64, 5.65, 13.43, 31.0], // EANM card 64–66 kg
  [66, 5.65, 13.43, 31.0], // EANM card 64–66 kg (same band)
  [68, 5.77, 14.0, 32.33], // EANM card 68 kg
];

/** The two transcriptions of the 52–54 kg row for classes B and C (docs/reference/nuclear-medicine.md §2.1); neither ships. */
export const CONFLICT_52_54 = {
  B: { c1: 11.29, c2: 11.0 },
  C: { c1: 24.67, c2: 24.0 },
} as const;

const ROWS: Record<EanmClass, readonly TableRow[]> = {
  A: MULTIPLES.map((r) => [r[0], r[1]] as const),
  B: MULTIPLES.map((r) => [r[0], r[2]] as const),
  C: MULTIPLES.map((r) => [r[0], r[3]] as const),
};

export interface EanmSetting {
  id: string;
  radiopharmaceutical: string;
  variantKey: string | null;
  class: EanmClass;
  baselineMBq: number;
  minMBq: number;
}

/** Settings with class, baseline and minimum all [X2] in docs/reference/nuclear-medicine.md §2.2 (row named in each comment). */
export const EANM_SETTINGS: readonly EanmSetting[] = [
  { id: 'f18-fdg-body-2d', radiopharmaceutical: '18F-FDG', variantKey: 'clinical.nmVariant.body2d', class: 'B', baselineMBq: 25.9, minMBq: 26 }, // §2.2 18F-FDG body (2D)
  { id: 'f18-fdg-brain-3d', radiopharmaceutical: '18F-FDG', variantKey: 'clinical.nmVariant.brainOr3d', class: 'B', baselineMBq: 14.0, minMBq: 14 }, // §2.2 18F-FDG brain / 3D
  { id: 'ga68-peptides', radiopharmaceutical: '68Ga-DOTATATE / DOTATOC', variantKey: null, class: 'B', baselineMBq: 12.8, minMBq: 14 }, // §2.2 68Ga peptides
  { id: 'tc99m-bisphosphonates', radiopharmaceutical: '99mTc-MDP / HDP / DPD', variantKey: 'clinical.nmVariant.bone', class: 'B', baselineMBq: 35.0, minMBq: 40 }, // §2.2 99mTc-MDP/HDP/DPD
  { id: 'tc99m-mag3', radiopharmaceutical: '99mTc-MAG3', variantKey: null, class: 'A', baselineMBq: 11.9, minMBq: 15 }, // §2.2 99mTc-MAG3
  { id: 'tc99m-dtpa-abnormal-renal', radiopharmaceutical: '99mTc-DTPA', variantKey: 'clinical.nmVariant.abnormalRenalFunction', class: 'B', baselineMBq: 14.0, minMBq: 20 }, // §2.2 DTPA abnormal renal function
  { id: 'tc99m-dtpa-normal-renal', radiopharmaceutical: '99mTc-DTPA', variantKey: 'clinical.nmVariant.normalRenalFunction', class: 'A', baselineMBq: 34.0, minMBq: 20 }, // §2.2 DTPA normal renal function
  { id: 'tc99m-mibi-1day-rest', radiopharmaceutical: '99mTc-MIBI / tetrofosmin', variantKey: 'clinical.nmVariant.oneDayRest', class: 'B', baselineMBq: 28.0, minMBq: 80 }, // §2.2 MIBI 1-day rest
  { id: 'tc99m-mibi-1day-stress', radiopharmaceutical: '99mTc-MIBI / tetrofosmin', variantKey: 'clinical.nmVariant.oneDayStress', class: 'B', baselineMBq: 84.0, minMBq: 80 }, // §2.2 MIBI 1-day stress
  { id: 'tc99m-rbc-blood-pool', radiopharmaceutical: '99mTc-RBC', variantKey: 'clinical.nmVariant.bloodPool', class: 'B', baselineMBq: 56.0, minMBq: 80 }, // §2.2 RBC blood pool
  { id: 'i123-iodide-thyroid', radiopharmaceutical: '123I-iodide', variantKey: 'clinical.nmVariant.thyroid', class: 'C', baselineMBq: 0.6, minMBq: 3 }, // §2.2 123I-iodide thyroid
  { id: 'tc99m-pertechnetate-thyroid', radiopharmaceutical: '99mTc-pertechnetate', variantKey: 'clinical.nmVariant.thyroid', class: 'B', baselineMBq: 5.6, minMBq: 10 }, // §2.2 pertechnetate thyroid
  { id: 'tc99m-hmpao-brain', radiopharmaceutical: '99mTc-HMPAO', variantKey: 'clinical.nmVariant.brainPerfusion', class: 'B', baselineMBq: 51.8, minMBq: 100 }, // §2.2 HMPAO brain
  { id: 'tc99m-maa', radiopharmaceutical: '99mTc-MAA', variantKey: null, class: 'B', baselineMBq: 5.6, minMBq: 10 }, // §2.2 99mTc-MAA
  { id: 'i123-mibg', radiopharmaceutical: '123I-mIBG', variantKey: null, class: 'B', baselineMBq: 28.0, minMBq: 37 }, // §2.2 123I-mIBG
];

export const EANM_SOURCE = 'EANM paediatric dosage card (2016)';

export interface EanmResult {
  ok: true;
  mbq: number;
  mci: number;
  /** The card's multiple used (interpolated between rows when `interpolated`). */
  multiple: number;
  /** The printed rows used: [lower kg, upper kg] (equal at a printed row). */
  cardRowsKg: [number, number];
  interpolated: boolean;
  /** true when the minimum activity decided the number. */
  minimumApplied: boolean;
  weightKg: number;
  setting: EanmSetting;
  source: string;
  notes: WeightNote[];
}
export type EanmRefusal =
  | { ok: false; reason: WeightRefusal | 'unknown-setting' | 'outside-card'; message: string }
  | { ok: false; reason: 'card-row-conflict'; message: string; transcriptions: { c1: number; c2: number } };

/** Locale keys of the card-specific refusals. */
export const EANM_REFUSAL_MESSAGE_KEY = {
  'outside-card': 'clinical.nm.eanmOutsideCard',
  'card-row-conflict': 'clinical.nm.eanmRowConflict',
} as const;

/**
 * @name eanmActivity
 * @category Nuclear medicine
 * @summary Activity from the EANM paediatric dosage card: baseline × multiple, at least the minimum.
 *
 * @param settingId - one of `EANM_SETTINGS`
 * @param weight - value, unit and date of the weight
 * @param ctx - age at the exam (years) and the exam date
 * @returns MBq and mCi with the multiple and card rows used, or the refusal
 *
 * @example
 * // Bone scan (99mTc-MDP, class B, baseline 35 MBq) for a 20 kg child?
 * eanmActivity('tc99m-bisphosphonates', { value: 20, unit: 'kg', date: '2026-11-20' }, { ageYears: 6, onDate: '2026-11-20' })
 * //=> { ok: true, mbq: 170.1, multiple: 4.86, cardRowsKg: [20, 20], … }
 */
export function eanmActivity(settingId: string, weight: WeightInput, ctx: WeightContext = {}): EanmResult | EanmRefusal {
  const setting = EANM_SETTINGS.find((s) => s.id === settingId);
  if (!setting) return { ok: false, reason: 'unknown-setting', message: `no shipped EANM setting "${String(settingId).slice(0, 40)}"` };
  const w = readWeight(weight, ctx);
  if (!w.ok) return w;
  const hit = lookupTable(ROWS[setting.class], w.kg);
  if (!hit) return { ok: false, reason: 'outside-card', message: `${w.kg.toFixed(1)} kg is outside the EANM card (3–68 kg)` };
  if (Number.isNaN(hit.y)) {
    const t = CONFLICT_52_54[setting.class as 'B' | 'C'];
    return {
      ok: false,
      reason: 'card-row-conflict',
      message: `the two transcriptions of the card's 52–54 kg row disagree for class ${setting.class} (${t.c1} vs ${t.c2}); check the printed card`,
      transcriptions: { c1: t.c1, c2: t.c2 },
    };
  }
  const raw = setting.baselineMBq * hit.y;
  const mbq = Math.max(raw, setting.minMBq);
  return {
    ok: true,
    mbq,
    mci: mbq / MBQ_PER_MCI,
    multiple: hit.y,
    cardRowsKg: [hit.lower[0], hit.upper[0]],
    interpolated: hit.interpolated && hit.lower[1] !== hit.upper[1],
    minimumApplied: raw < setting.minMBq,
    weightKg: w.kg,
    setting,
    source: EANM_SOURCE,
    notes: w.notes,
  };
}

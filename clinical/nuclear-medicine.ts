/**
 * @file Pediatric administered activity: the North American consensus guidelines (NAGL; Gelfand, Parisi,
 * Treves 2010, J Nucl Med 2011;52:318–322; 2016 update, J Nucl Med 2016;57(12):15N–18N; 2024 update,
 * J Nucl Med Technol 2025;53(3):193–197). Rule: activity = MBq/kg × weight, raised to the row's minimum,
 * capped at its maximum. The result is "the guideline row for this weight", not a prescription.
 *
 * ONLY rows whose per-kg value, minimum and maximum are ALL [X2] in docs/reference/nuclear-medicine.md §1.2
 * ship. Every other row (MDP, FDG, DMSA, NaF, Meckel, sestamibi, RBC, WBC,
 * DOTATATE/DOTATOC, F-DOPA, NH3, Rb-82, 123I for thyroid cancer, sulfur colloid) is listed in
 * `NAGL_NOT_SHIPPED` and points to the SNMMI / Image Gently table instead of a number.
 *
 * Versions: the sources are the 2010 table (S1), a textbook table "modified from 2016" (S2)
 * and a transcription labelled 2024 (S3). The 2024 update modified 9 rows, and which ones is not known
 * here, so every row states the versions in which its values were found.
 *
 * MBq → mCi: 1 mCi = 37 MBq exactly (definition of the curie).
 */
import { readWeight, type WeightContext, type WeightInput, type WeightNote, type WeightRefusal } from './patient-weight';

/** 1 mCi = 37 MBq (exact, definition of the curie). */
export const MBQ_PER_MCI = 37;

export interface NaglRow {
  id: string;
  /** Language-neutral name, e.g. '99mTc-MAG3'. */
  radiopharmaceutical: string;
  /** Locale key of the variant ('with flow', 'thyroid' …), or null. */
  variantKey: string | null;
  mbqPerKg: number;
  minMBq: number;
  /** null = the row gives no maximum. */
  maxMBq: number | null;
  /**
   * A higher minimum the table says "may be" used in one situation (IDA: 37 MBq for neonatal jaundice). Never
   * the row's minimum: shown beside the row's number, marked optional, when the order names that situation.
   */
  optionalMinimum?: { minMBq: number; whenKey: string };
  /** The guideline versions in which the reference found these values. */
  guidelineVersion: string;
  /** Source label for the UI. */
  source: string;
}

const V2010 = '2010 table; same values in the copy labelled 2024';
const V2016 = 'added 2016; same values in the copy labelled 2024';
const SRC_2010 = 'NAGL 2010 (J Nucl Med 2011;52:318, Table 1)';
const SRC_2016 = 'NAGL 2016 update (J Nucl Med 2016;57:15N)';

/** The shipped rows: all values [X2] in docs/reference/nuclear-medicine.md §1.2 (row named in each comment). */
export const NAGL_ROWS: readonly NaglRow[] = [
  // §1.2 "123I-MIBG (adrenal/neuroblastoma)": 5.2 MBq/kg, min 37, max 370 — S1, S3 (same), S2 row start [X2]
  { id: 'i123-mibg', radiopharmaceutical: '123I-MIBG', variantKey: null, mbqPerKg: 5.2, minMBq: 37, maxMBq: 370, guidelineVersion: V2010, source: SRC_2010 },
  // §1.2 "99mTc-MAG3 without flow": 3.7, 37, 148 — S1, S3 [X2]
  { id: 'tc99m-mag3-without-flow', radiopharmaceutical: '99mTc-MAG3', variantKey: 'clinical.nmVariant.withoutFlow', mbqPerKg: 3.7, minMBq: 37, maxMBq: 148, guidelineVersion: V2010, source: SRC_2010 },
  // §1.2 "99mTc-MAG3 with flow": 5.55, 37, 148 — S1, S3 [X2]
  { id: 'tc99m-mag3-with-flow', radiopharmaceutical: '99mTc-MAG3', variantKey: 'clinical.nmVariant.withFlow', mbqPerKg: 5.55, minMBq: 37, maxMBq: 148, guidelineVersion: V2010, source: SRC_2010 },
  // §1.2 "99mTc-IDA (hepatobiliary)": 1.85, 18.5, no maximum — S1, S3 [X2]; its note "37 MBq may be used for
  // neonatal jaundice (S1)" is an option beside the row (2010 Table 1 wording: may), not a second row.
  {
    id: 'tc99m-ida',
    radiopharmaceutical: '99mTc-IDA (mebrofenin, DISIDA)',
    variantKey: null,
    mbqPerKg: 1.85,
    minMBq: 18.5,
    maxMBq: null,
    optionalMinimum: { minMBq: 37, whenKey: 'clinical.nmVariant.neonatalJaundice' }, // NAGL 2010 Table 1, IDA note
    guidelineVersion: V2010,
    source: SRC_2010,
  },
  // §1.2 "99mTc-MAA, 99mTc ventilation done": 2.59, 14.8, no maximum — S1, S3 [X2]
  { id: 'tc99m-maa-with-ventilation', radiopharmaceutical: '99mTc-MAA', variantKey: 'clinical.nmVariant.with99mTcVentilation', mbqPerKg: 2.59, minMBq: 14.8, maxMBq: null, guidelineVersion: V2010, source: SRC_2010 },
  // §1.2 "99mTc-MAA, no 99mTc ventilation": 1.11, 14.8, no maximum — S1, S3 [X2]
  { id: 'tc99m-maa-without-ventilation', radiopharmaceutical: '99mTc-MAA', variantKey: 'clinical.nmVariant.without99mTcVentilation', mbqPerKg: 1.11, minMBq: 14.8, maxMBq: null, guidelineVersion: V2010, source: SRC_2010 },
  // §1.2 "99mTc-HMPAO / ECD (brain perfusion, 2016)": 11.1, 185, 740 — S2, S3 [X2]
  { id: 'tc99m-hmpao-ecd', radiopharmaceutical: '99mTc-HMPAO / ECD', variantKey: 'clinical.nmVariant.brainPerfusion', mbqPerKg: 11.1, minMBq: 185, maxMBq: 740, guidelineVersion: V2016, source: SRC_2016 },
  // §1.2 "Na-123I thyroid (2016)": 0.28, 1, 11 — S2, S3 [X2]
  { id: 'na-i123-thyroid', radiopharmaceutical: 'Na-123I', variantKey: 'clinical.nmVariant.thyroid', mbqPerKg: 0.28, minMBq: 1, maxMBq: 11, guidelineVersion: V2016, source: SRC_2016 },
  // §1.2 "99mTc-pertechnetate thyroid (2016)": 1.11 (S3 rounds to 1.1), 7, 93 — S2, S3 [X2]
  { id: 'tc99m-pertechnetate-thyroid', radiopharmaceutical: '99mTc-pertechnetate', variantKey: 'clinical.nmVariant.thyroid', mbqPerKg: 1.11, minMBq: 7, maxMBq: 93, guidelineVersion: V2016, source: SRC_2016 },
];

/** Where to look for the rows not shipped. */
export const NAGL_TABLE_LINKS = {
  snmmiTool: 'https://www.snmmi.org/ClinicalPractice/PediatricTool.aspx', // docs/reference/nuclear-medicine.md §1.2, S7 (SNMMI Pediatric Injected Activity Tool)
  imageGently: 'https://www.imagegently.org/Procedures/Nuclear-Medicine', // docs/reference/campaigns.md §1 (the poster of the table)
} as const;

/** Rows left out: some value is single-source, conflicting or not found (docs/reference/nuclear-medicine.md §1.2). */
export const NAGL_NOT_SHIPPED: readonly { radiopharmaceutical: string; why: string }[] = [
  { radiopharmaceutical: '99mTc-MDP', why: 'maximum 740 MBq from one source only' },
  { radiopharmaceutical: '18F-FDG (body, brain)', why: 'range, minimum and maximum differ between the 2010 table and the 2024-labelled copy' },
  { radiopharmaceutical: '18F-NaF', why: 'per-kg and minimum conflict between sources' },
  { radiopharmaceutical: '99mTc-DMSA', why: 'maximum 100 MBq from one source only' },
  { radiopharmaceutical: '99mTc-pertechnetate (Meckel)', why: 'minimum and maximum from one source only' },
  { radiopharmaceutical: '99mTc-sestamibi / tetrofosmin', why: 'one source only' },
  { radiopharmaceutical: '99mTc-RBC, 99mTc-WBC', why: 'one source only' },
  { radiopharmaceutical: '68Ga-DOTATATE, 68Ga-DOTATOC', why: 'one source only, or minimum from one source' },
  { radiopharmaceutical: '18F-DOPA, 13N-ammonia, 82Rb, Na-123I (thyroid cancer)', why: '2024 additions, one source only' },
  { radiopharmaceutical: '99mTc-sulfur colloid (cystography, gastric emptying)', why: 'one source only' },
];

export type ActivityRule = 'per-kg' | 'minimum' | 'maximum';

export interface ActivityResult {
  ok: true;
  mbq: number;
  mci: number;
  /** Which part of the rule decided the number. */
  rule: ActivityRule;
  weightKg: number;
  weightLb: number;
  row: NaglRow;
  /** With the row's optional higher minimum (when asked for and the row has one): what it would give. Not the row. */
  optional: { minMBq: number; mbq: number; mci: number } | null;
  /** e.g. 'NAGL 2010 (J Nucl Med 2011;52:318, Table 1)'. */
  source: string;
  guidelineVersion: string;
  notes: WeightNote[];
}
export type ActivityRefusal = { ok: false; reason: WeightRefusal | 'unknown-row'; message: string };

/**
 * @name naglActivity
 * @category Nuclear medicine
 * @summary The North American guideline row's activity for this weight, in MBq and mCi.
 *
 * @description
 * per-kg × weight, raised to the row's minimum, capped at its maximum. The weight needs an explicit unit
 * (kg, lb or g); a missing or unknown unit, or a weight implausible for the age, gives no number.
 *
 * @param rowId - one of `NAGL_ROWS` (e.g. 'tc99m-mag3-without-flow')
 * @param weight - value, unit and date of the weight
 * @param ctx - age at the exam (years) and the exam date
 * @param options - `optionalMinimum`: also compute the row's optional higher minimum (IDA, neonatal jaundice)
 * @returns the activity with the row, its version and source, or the refusal
 *
 * @example
 * // MAG3 without flow for a 20 kg child?
 * naglActivity('tc99m-mag3-without-flow', { value: 20, unit: 'kg', date: '2026-11-20' }, { ageYears: 6, onDate: '2026-11-20' })
 * //=> { ok: true, mbq: 74, mci: 2, rule: 'per-kg', … }
 */
export function naglActivity(
  rowId: string,
  weight: WeightInput,
  ctx: WeightContext = {},
  options: { optionalMinimum?: boolean } = {},
): ActivityResult | ActivityRefusal {
  const row = NAGL_ROWS.find((r) => r.id === rowId);
  if (!row) return { ok: false, reason: 'unknown-row', message: `no shipped guideline row "${String(rowId).slice(0, 40)}"` };
  const w = readWeight(weight, ctx);
  if (!w.ok) return w;
  const perKg = row.mbqPerKg * w.kg;
  let mbq = perKg;
  let rule: ActivityRule = 'per-kg';
  if (mbq < row.minMBq) {
    mbq = row.minMBq;
    rule = 'minimum';
  }
  if (row.maxMBq !== null && mbq > row.maxMBq) {
    mbq = row.maxMBq;
    rule = 'maximum';
  }
  let optional: ActivityResult['optional'] = null;
  if (options.optionalMinimum && row.optionalMinimum) {
    const o = Math.min(Math.max(perKg, row.optionalMinimum.minMBq), row.maxMBq ?? Number.POSITIVE_INFINITY);
    optional = { minMBq: row.optionalMinimum.minMBq, mbq: o, mci: o / MBQ_PER_MCI };
  }
  return {
    ok: true,
    mbq,
    mci: mbq / MBQ_PER_MCI,
    rule,
    weightKg: w.kg,
    weightLb: w.lb,
    row,
    optional,
    source: row.source,
    guidelineVersion: row.guidelineVersion,
    notes: w.notes,
  };
}

/** Locale keys for the rule that decided the number. */
export const ACTIVITY_RULE_MESSAGE_KEY: Readonly<Record<ActivityRule, string>> = {
  'per-kg': 'clinical.nm.rulePerKg',
  minimum: 'clinical.nm.ruleMinimum',
  maximum: 'clinical.nm.ruleMaximum',
};

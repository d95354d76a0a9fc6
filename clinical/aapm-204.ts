/**
 * @file AAPM Report 204 (2011), "Size-Specific Dose Estimates (SSDE) in Pediatric and Adult Body CT
 * Examinations" (Boone, Strauss, Cody, McCollough, McNitt-Gray, Toth): the conversion-factor fits of
 * Tables 1D/2D and the patient-size tables 1A–1C/2A–2C and 3.
 *
 * Table numbering: "1x" tables are for CTDIvol referenced to the 32 cm PMMA phantom, "2x" tables for the
 * 16 cm phantom. A = AP+LAT sum, B = LAT, C = AP, D = effective diameter → conversion factor f.
 * Table 3 = age → effective diameter. The size → Deff mapping is the same for both phantoms; only the
 * printed input range differs, so each size table below is the union of its 1x and 2x rows and every
 * row says which of the two prints it.
 *
 * Sources (docs/reference/ssde.md §1, all [X2]): the rows are identical in ckswilliams/medphunc
 * `medphunc/misc/ssde.csv` and fashni/IndoseCT `aapm.db`, and reproduced to 0.1 cm by the closed-form
 * fits of §1.2. The 16 cm ("2x") tables are for BODY CT referenced to the 16 cm phantom, not head CT —
 * head CT uses AAPM Report 293 (`aapm-293.ts`).
 */
import { lookupTable, type TableRow } from './interpolate';

/** CTDI phantom diameter in cm: 32 cm ("body") or 16 cm ("head") PMMA dosimetry phantom. */
export type PhantomCm = 16 | 32;

/**
 * DICOM CID 10023 "Size Specific Dose Estimation Method for CT" codes (scheme DCM)
 * (docs/reference/ssde.md §4, [X2]).
 */
export const SSDE_METHOD_CODE = {
  /** AAPM 204 Lateral Dimension (Table 1B / 2B). */
  lat: '113934',
  /** AAPM 204 AP Dimension (Table 1C / 2C). */
  ap: '113935',
  /** AAPM 204 Sum of Lateral and AP Dimension (Table 1A / 2A). */
  sum: '113936',
  /** AAPM 204 Effective Diameter Estimated From Patient Age (Table 3 → 1D / 2D). */
  age: '113937',
  /** Estimated from Water Equivalent Diameter (one Dw). */
  waterEquivalentDiameter: '113988',
  /** Arithmetic Average of SSDE(z) (Dw at several z). */
  averageOfSsdeZ: '113989',
} as const;
export type SsdeMethodCode = (typeof SSDE_METHOD_CODE)[keyof typeof SSDE_METHOD_CODE];

/**
 * Exponential fits f = a·exp(−b·D), D in cm, behind Tables 1D (32 cm) and 2D (16 cm).
 * AAPM 204; coefficients [X2] (fashni/IndoseCT `ssde.db` ConversionFactor; cwverhey/DICOMwaterequivalent
 * README; ≥ 6 other code files). round(fit, 2) equals every printed row of Tables 1D and 2D.
 */
const FIT = {
  32: { a: 3.704369, b: 0.03671937, minCm: 8, maxCm: 45, table: 'Table 1D' }, // AAPM 204 Table 1D fit, printed 8–45 cm
  16: { a: 1.874799, b: 0.03871313, minCm: 6, maxCm: 55, table: 'Table 2D' }, // AAPM 204 Table 2D fit, printed 6–55 cm
} as const;

/** Source label of the conversion factor for a phantom, e.g. 'AAPM 204 Table 1D'. */
export function conversionFactorSource(phantomCm: PhantomCm): string {
  return `AAPM 204 ${FIT[phantomCm].table}`;
}

/** The printed diameter range (cm) of Table 1D (32 cm) or 2D (16 cm). */
export function conversionFactorRangeCm(phantomCm: PhantomCm): { minCm: number; maxCm: number } {
  const { minCm, maxCm } = FIT[phantomCm];
  return { minCm, maxCm };
}

/**
 * @name conversionFactor
 * @category AAPM 204
 * @summary The SSDE conversion factor f for a patient diameter and the CTDI phantom (AAPM 204 Tables 1D/2D).
 *
 * @description
 * f = 3.704369·e^(−0.03671937·D) for CTDIvol referenced to the 32 cm phantom (Table 1D, D 8–45 cm) and
 * f = 1.874799·e^(−0.03871313·D) for the 16 cm phantom (Table 2D, D 6–55 cm). D is the effective
 * diameter or, preferably, the water-equivalent diameter Dw (AAPM 220 Appendix A). SSDE = f × CTDIvol.
 *
 * NOTE: the fit is used at every D (not the 2-decimal printed column): it equals the printed f to 0.01
 * at every printed row, and avoids a second interpolation.
 *
 * @param diameterCm - effective or water-equivalent diameter in cm
 * @param phantomCm - the phantom CTDIvol is referenced to: 32 or 16
 * @returns the dimensionless factor f
 * @throws {RangeError} outside the printed range for that phantom (32 cm: 8–45 cm; 16 cm: 6–55 cm),
 *   for a non-finite diameter or for a phantom other than 16 or 32
 *
 * @example
 * // f for a 20 cm patient, CTDIvol referenced to the 32 cm phantom?
 * conversionFactor(20, 32)
 * //=> 1.7774… (Table 1D prints 1.78)
 */
export function conversionFactor(diameterCm: number, phantomCm: PhantomCm): number {
  const fit = FIT[phantomCm as PhantomCm] as (typeof FIT)[PhantomCm] | undefined;
  if (!fit) throw new RangeError(`CTDI phantom must be 16 or 32 cm, got ${String(phantomCm)}`);
  if (!Number.isFinite(diameterCm)) throw new RangeError(`diameter must be a finite number of cm, got ${diameterCm}`);
  if (diameterCm < fit.minCm || diameterCm > fit.maxCm) {
    throw new RangeError(
      `diameter ${diameterCm} cm is outside AAPM 204 ${fit.table} (${fit.minCm}–${fit.maxCm} cm for the ${phantomCm} cm phantom)`,
    );
  }
  return fit.a * Math.exp(-fit.b * diameterCm);
}

/**
 * AAPM 204 Tables 1A (32 cm) / 2A (16 cm): AP + LAT sum (cm) → effective diameter (cm).
 * [X2] medphunc ssde.csv + IndoseCT aapm.db; each row names the table(s) that print it.
 */
const SUM_TABLE: readonly TableRow[] = [
  [12, 5.7], // Table 2A
  [13, 6.2], // Table 2A
  [14, 6.7], // Table 2A
  [15, 7.2], // Table 2A
  [16, 7.7], // Table 1A, 2A
  [17, 8.2], // Table 2A
  [18, 8.7], // Table 1A, 2A
  [19, 9.2], // Table 2A
  [20, 9.7], // Table 1A, 2A
  [21, 10.2], // Table 2A
  [22, 10.7], // Table 1A, 2A
  [23, 11.2], // Table 2A
  [24, 11.7], // Table 1A, 2A
  [25, 12.2], // Table 2A
  [26, 12.7], // Table 1A, 2A
  [27, 13.2], // Table 2A
  [28, 13.7], // Table 1A, 2A
  [29, 14.2], // Table 2A
  [30, 14.7], // Table 1A, 2A
  [31, 15.2], // Table 2A
  [32, 15.7], // Table 1A, 2A
  [33, 16.2], // Table 2A
  [34, 16.7], // Table 1A, 2A
  [35, 17.2], // Table 2A
  [36, 17.6], // Table 1A, 2A
  [37, 18.1], // Table 2A
  [38, 18.6], // Table 1A, 2A
  [39, 19.1], // Table 2A
  [40, 19.6], // Table 1A, 2A
  [42, 20.6], // Table 1A, 2A
  [44, 21.6], // Table 1A, 2A
  [46, 22.6], // Table 1A, 2A
  [48, 23.6], // Table 1A, 2A
  [50, 24.6], // Table 1A, 2A
  [52, 25.6], // Table 1A, 2A
  [54, 26.6], // Table 1A, 2A
  [56, 27.6], // Table 1A, 2A
  [58, 28.6], // Table 1A, 2A
  [60, 29.6], // Table 1A, 2A
  [62, 30.5], // Table 1A, 2A
  [64, 31.5], // Table 1A, 2A
  [66, 32.5], // Table 1A, 2A
  [68, 33.5], // Table 1A, 2A
  [70, 34.5], // Table 1A, 2A
  [72, 35.5], // Table 1A, 2A
  [74, 36.5], // Table 1A, 2A
  [76, 37.5], // Table 1A, 2A
  [78, 38.5], // Table 1A, 2A
  [80, 39.5], // Table 1A, 2A
  [82, 40.5], // Table 1A, 2A
  [84, 41.5], // Table 1A
  [86, 42.4], // Table 1A
  [88, 43.4], // Table 1A
  [90, 44.4], // Table 1A
];

/**
 * AAPM 204 Tables 1B (32 cm) / 2B (16 cm): LAT dimension (cm) → effective diameter (cm).
 * [X2] medphunc ssde.csv + IndoseCT aapm.db.
 */
const LAT_TABLE: readonly TableRow[] = [
  [6, 8.2], // Table 2B
  [7, 8.7], // Table 2B
  [8, 9.2], // Table 1B, 2B
  [9, 9.7], // Table 1B, 2B
  [10, 10.2], // Table 1B, 2B
  [11, 10.7], // Table 1B, 2B
  [12, 11.3], // Table 1B, 2B
  [13, 11.8], // Table 1B, 2B
  [14, 12.4], // Table 1B, 2B
  [15, 13.1], // Table 1B, 2B
  [16, 13.7], // Table 1B, 2B
  [17, 14.3], // Table 1B, 2B
  [18, 15.0], // Table 1B, 2B
  [19, 15.7], // Table 1B, 2B
  [20, 16.4], // Table 1B, 2B
  [21, 17.2], // Table 1B, 2B
  [22, 17.9], // Table 1B, 2B
  [23, 18.7], // Table 1B, 2B
  [24, 19.5], // Table 1B, 2B
  [25, 20.3], // Table 1B, 2B
  [26, 21.1], // Table 1B, 2B
  [27, 22.0], // Table 1B, 2B
  [28, 22.9], // Table 1B, 2B
  [29, 23.8], // Table 1B, 2B
  [30, 24.7], // Table 1B, 2B
  [31, 25.6], // Table 1B, 2B
  [32, 26.6], // Table 1B, 2B
  [33, 27.6], // Table 1B, 2B
  [34, 28.6], // Table 1B, 2B
  [35, 29.6], // Table 1B, 2B
  [36, 30.6], // Table 1B, 2B
  [37, 31.7], // Table 1B, 2B
  [38, 32.7], // Table 1B, 2B
  [39, 33.8], // Table 1B, 2B
  [40, 34.9], // Table 1B, 2B
  [41, 36.1], // Table 1B, 2B
  [42, 37.2], // Table 1B, 2B
  [43, 38.4], // Table 1B, 2B
  [44, 39.6], // Table 1B, 2B
  [45, 40.8], // Table 1B, 2B
  [46, 42.1], // Table 2B
  [47, 43.3], // Table 2B
  [48, 44.6], // Table 2B
  [49, 45.9], // Table 2B
  [50, 47.2], // Table 2B
  [51, 48.5], // Table 2B
  [52, 49.9], // Table 2B
  [53, 51.3], // Table 2B
  [54, 52.7], // Table 2B
  [55, 54.1], // Table 2B
];

/**
 * AAPM 204 Tables 1C (32 cm) / 2C (16 cm): AP dimension (cm) → effective diameter (cm).
 * [X2] medphunc ssde.csv + IndoseCT aapm.db.
 */
const AP_TABLE: readonly TableRow[] = [
  [6, 5.8], // Table 2C
  [7, 7.3], // Table 2C
  [8, 8.8], // Table 1C, 2C
  [9, 10.2], // Table 1C, 2C
  [10, 11.6], // Table 1C, 2C
  [11, 13.0], // Table 1C, 2C
  [12, 14.4], // Table 1C, 2C
  [13, 15.7], // Table 1C, 2C
  [14, 17.0], // Table 1C, 2C
  [15, 18.3], // Table 1C, 2C
  [16, 19.6], // Table 1C, 2C
  [17, 20.8], // Table 1C, 2C
  [18, 22.0], // Table 1C, 2C
  [19, 23.2], // Table 1C, 2C
  [20, 24.3], // Table 1C, 2C
  [21, 25.5], // Table 1C, 2C
  [22, 26.6], // Table 1C, 2C
  [23, 27.6], // Table 1C, 2C
  [24, 28.7], // Table 1C, 2C
  [25, 29.7], // Table 1C, 2C
  [26, 30.7], // Table 1C, 2C
  [27, 31.6], // Table 1C, 2C
  [28, 32.6], // Table 1C, 2C
  [29, 33.5], // Table 1C, 2C
  [30, 34.4], // Table 1C, 2C
  [31, 35.2], // Table 1C, 2C
  [32, 36.0], // Table 1C, 2C
  [33, 36.8], // Table 1C, 2C
  [34, 37.6], // Table 1C, 2C
  [35, 38.4], // Table 1C, 2C
  [36, 39.1], // Table 1C, 2C
  [37, 39.8], // Table 1C, 2C
  [38, 40.4], // Table 1C, 2C
  [39, 41.1], // Table 1C, 2C
  [40, 41.7], // Table 1C, 2C
  [41, 42.3], // Table 1C, 2C
  [42, 42.8], // Table 1C, 2C
  [43, 43.4], // Table 1C, 2C
  [44, 43.9], // Table 1C, 2C
  [45, 44.4], // Table 1C, 2C
  [46, 44.8], // Table 2C
  [47, 45.2], // Table 2C
  [48, 45.6], // Table 2C
  [49, 46.0], // Table 2C
  [50, 46.4], // Table 2C
  [51, 46.7], // Table 2C
  [52, 47.0], // Table 2C
  [53, 47.2], // Table 2C
  [54, 47.5], // Table 2C
  [55, 47.7], // Table 2C
];

/**
 * AAPM 204 Table 3: patient age (years) → effective diameter (cm), 0–18 y (the last printed row).
 * [X2] IndoseCT aapm.db table Age, reproduced by the Table 3 fit (bnel1201/Ped-ETK, "Originally from ICRU 74").
 */
const AGE_TABLE: readonly TableRow[] = [
  [0, 11.2], // Table 3
  [0.2, 12.1], // Table 3
  [0.4, 13.1], // Table 3
  [0.6, 13.9], // Table 3
  [0.8, 14.6], // Table 3
  [1, 15.1], // Table 3
  [1.2, 15.6], // Table 3
  [1.4, 16.0], // Table 3
  [1.6, 16.3], // Table 3
  [1.8, 16.6], // Table 3
  [2, 16.8], // Table 3
  [2.5, 17.3], // Table 3
  [3, 17.6], // Table 3
  [3.5, 17.9], // Table 3
  [4, 18.1], // Table 3
  [4.5, 18.3], // Table 3
  [5, 18.5], // Table 3
  [6, 19.0], // Table 3
  [7, 19.6], // Table 3
  [8, 20.2], // Table 3
  [9, 20.9], // Table 3
  [10, 21.6], // Table 3
  [11, 22.4], // Table 3
  [12, 23.2], // Table 3
  [13, 24.1], // Table 3
  [14, 25.0], // Table 3
  [15, 26.0], // Table 3
  [16, 27.0], // Table 3
  [17, 28.1], // Table 3
  [18, 29.2], // Table 3
];

/** An effective diameter with the method that produced it. */
export interface EffectiveDiameter {
  /** Effective diameter in cm: the printed value at a printed row, linear interpolation between rows. */
  diameterCm: number;
  /** DICOM CID 10023 method code, or null when the method has none (√(AP·LAT)). */
  methodCode: SsdeMethodCode | null;
  /** Short method label, e.g. 'AP+LAT 40 cm'. */
  method: string;
  /** Source label for the UI, e.g. 'AAPM 204 Table 1A/2A'. */
  source: string;
  /** true when the input lies between two printed rows (linear interpolation of the printed rows). */
  interpolated: boolean;
}

function fromTable(
  rows: readonly TableRow[],
  x: number,
  what: string,
  unit: string,
  source: string,
  methodCode: SsdeMethodCode,
): EffectiveDiameter {
  const hit = lookupTable(rows, x);
  if (!hit) {
    const first = rows[0]![0];
    const last = rows[rows.length - 1]![0];
    throw new RangeError(`${what} ${x} ${unit} is outside ${source} (${first}–${last} ${unit})`);
  }
  return { diameterCm: hit.y, methodCode, method: `${what} ${x} ${unit}`, source, interpolated: hit.interpolated };
}

/**
 * @name effectiveDiameterFromSum
 * @category AAPM 204
 * @summary Effective diameter from the sum of AP and LAT dimensions (AAPM 204 Table 1A/2A, CID 10023 113936).
 *
 * @description
 * Printed rows are returned exactly; between rows the printed rows are interpolated linearly.
 * Input range: 12–90 cm, the union of Table 2A (12–82 cm) and Table 1A (16–90 cm).
 *
 * @param sumCm - AP + LAT in cm
 * @returns the effective diameter with method code 113936
 * @throws {RangeError} outside 12–90 cm or non-finite
 *
 * @example
 * // Deff for AP + LAT = 40 cm?
 * effectiveDiameterFromSum(40).diameterCm
 * //=> 19.6
 */
export function effectiveDiameterFromSum(sumCm: number): EffectiveDiameter {
  return fromTable(SUM_TABLE, sumCm, 'AP+LAT', 'cm', 'AAPM 204 Table 1A/2A', SSDE_METHOD_CODE.sum);
}

/**
 * @name effectiveDiameterFromLat
 * @category AAPM 204
 * @summary Effective diameter from the lateral dimension (AAPM 204 Table 1B/2B, CID 10023 113934).
 *
 * @description Input range 6–55 cm (Table 2B; Table 1B prints 8–45 cm). Linear between printed rows.
 *
 * @param latCm - lateral (left–right) dimension in cm
 * @returns the effective diameter with method code 113934
 * @throws {RangeError} outside 6–55 cm or non-finite
 *
 * @example
 * // Deff for a 20 cm wide patient?
 * effectiveDiameterFromLat(20).diameterCm
 * //=> 16.4
 */
export function effectiveDiameterFromLat(latCm: number): EffectiveDiameter {
  return fromTable(LAT_TABLE, latCm, 'LAT', 'cm', 'AAPM 204 Table 1B/2B', SSDE_METHOD_CODE.lat);
}

/**
 * @name effectiveDiameterFromAp
 * @category AAPM 204
 * @summary Effective diameter from the anterior–posterior dimension (AAPM 204 Table 1C/2C, CID 10023 113935).
 *
 * @description Input range 6–55 cm (Table 2C; Table 1C prints 8–45 cm). Linear between printed rows.
 *
 * @param apCm - AP dimension in cm
 * @returns the effective diameter with method code 113935
 * @throws {RangeError} outside 6–55 cm or non-finite
 *
 * @example
 * // Deff for an AP dimension of 15 cm?
 * effectiveDiameterFromAp(15).diameterCm
 * //=> 18.3
 */
export function effectiveDiameterFromAp(apCm: number): EffectiveDiameter {
  return fromTable(AP_TABLE, apCm, 'AP', 'cm', 'AAPM 204 Table 1C/2C', SSDE_METHOD_CODE.ap);
}

/**
 * @name effectiveDiameterFromAge
 * @category AAPM 204
 * @summary Effective diameter from patient age (AAPM 204 Table 3, CID 10023 113937).
 *
 * @description
 * For body CT only (the report's factors were derived for abdomen/pelvis; chest with a < 20 % caveat).
 * Ages 0–18 y. NOTE: the printed rows are interpolated linearly; the report's closed-form age fit is not
 * used because it dips below the birth value in the first week of life (it serves as a cross-check in the
 * tests only).
 *
 * @param ageYears - age at the exam in years (e.g. 0.5 for six months)
 * @returns the effective diameter with method code 113937
 * @throws {RangeError} outside 0–18 y or non-finite
 *
 * @example
 * // Deff of a typical 5-year-old?
 * effectiveDiameterFromAge(5).diameterCm
 * //=> 18.5
 */
export function effectiveDiameterFromAge(ageYears: number): EffectiveDiameter {
  return fromTable(AGE_TABLE, ageYears, 'age', 'y', 'AAPM 204 Table 3', SSDE_METHOD_CODE.age);
}

/** AP and LAT inputs of √(AP·LAT) use the printed range of Tables 1B/1C ∪ 2B/2C. */
const AP_LAT_RANGE_CM = { min: 6, max: 55 } as const; // AAPM 204 Tables 2B/2C print 6–55 cm (1B/1C: 8–45 cm)

/**
 * @name effectiveDiameterFromApLat
 * @category AAPM 204
 * @summary Effective diameter as the geometric mean √(AP·LAT) (AAPM 204; no CID 10023 code).
 *
 * @description
 * Deff = √(AP × LAT): the diameter of the circle whose area equals that of the ellipse with axes AP and
 * LAT. Certainty [X1] (code in fashni/IndoseCT `tab_Diameter.py`; the report's definition) — the issue
 * admits it. DICOM CID 10023 has no code for it, so `methodCode` is null and the label says so.
 *
 * @param apCm - AP dimension in cm (6–55)
 * @param latCm - LAT dimension in cm (6–55)
 * @returns the effective diameter, methodCode null
 * @throws {RangeError} when either dimension is non-finite or outside 6–55 cm
 *
 * @example
 * // AP 15 cm, LAT 20 cm?
 * effectiveDiameterFromApLat(15, 20).diameterCm
 * //=> 17.32…
 */
export function effectiveDiameterFromApLat(apCm: number, latCm: number): EffectiveDiameter {
  for (const [name, v] of [['AP', apCm], ['LAT', latCm]] as const) {
    if (!Number.isFinite(v) || v < AP_LAT_RANGE_CM.min || v > AP_LAT_RANGE_CM.max) {
      throw new RangeError(`${name} ${v} cm is outside AAPM 204 Tables 1B/1C/2B/2C (6–55 cm)`);
    }
  }
  return {
    diameterCm: Math.sqrt(apCm * latCm),
    methodCode: null,
    method: `√(AP ${apCm} cm × LAT ${latCm} cm)`,
    source: 'AAPM 204 (√(AP·LAT); no CID 10023 code)',
    interpolated: false,
  };
}

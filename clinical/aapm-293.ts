/**
 * @file AAPM Report 293 (2019), "Size Specific Dose Estimate (SSDE) for Head CT" (Task Group 293):
 * the head conversion factor as a function of the water-equivalent diameter Dw, for CTDIvol referenced
 * to the 16 cm phantom.
 *
 * Source (docs/reference/ssde.md §3, [X2]): fashni/IndoseCT `ssde.db` ConversionFactor
 * (report "AAPM 293", phantom HEAD: a = 1.9852, b = 0.0486) and the Java ImageJ SSDE tool
 * `it.aslcn1.ssde/ComputeSSDEForSeries.java`; reference phantom CTDIvol,16 per PMC6367032.
 */

/** f_head = 1.9852·exp(−0.0486·Dw), Dw in cm (AAPM 293; [X2]). */
const HEAD_FIT = { a: 1.9852, b: 0.0486 } as const; // AAPM 293 head conversion factor fit

/**
 * The Dw span in which the head factor is given here, cm.
 * NOTE: Report 293's own stated validity range could not be confirmed: it is not in our reference, and a search
 * of public pages and documentation (2026-12) found the underlying study's abstract (PMC6367032: 10 GSF/ICRP and
 * 5 pediatric voxel models) but no stated Dw range in any source, let alone two. So this is NOT the report's
 * range: it is the span our reference tabulates the fit over (docs/reference/ssde.md §3, Dw 6–26 cm). Outside it the
 * factor is not given (a refusal that says so, `head-outside-span`), never extrapolated.
 */
export const HEAD_DW_RANGE_CM = { minCm: 6, maxCm: 26 } as const; // docs/reference/ssde.md §3 tabulated span (not the report's stated range)

/** Source label of the head factor. */
export const HEAD_FACTOR_SOURCE = 'AAPM 293';

/**
 * @name headConversionFactor
 * @category AAPM 293
 * @summary The head-CT SSDE conversion factor for a water-equivalent diameter (AAPM Report 293).
 *
 * @description
 * f_head = 1.9852·e^(−0.0486·Dw). Valid only for CTDIvol referenced to the 16 cm phantom; `ssde()`
 * refuses head exams whose CTDIvol is referenced to the 32 cm phantom. Dw comes from the images
 * (AAPM 220, `waterEquivalentDiameter`). For the same Dw it is lower than AAPM 204's 16 cm body factor.
 *
 * @param dwCm - water-equivalent diameter of the head in cm (accepted 6–26 cm, see HEAD_DW_RANGE_CM)
 * @returns the dimensionless factor
 * @throws {RangeError} for a non-finite Dw or one outside 6–26 cm
 *
 * @example
 * // Head SSDE factor for Dw = 16 cm?
 * headConversionFactor(16)
 * //=> 0.914… (AAPM 204's 16 cm body factor would be 1.01)
 */
export function headConversionFactor(dwCm: number): number {
  if (!Number.isFinite(dwCm)) throw new RangeError(`Dw must be a finite number of cm, got ${dwCm}`);
  if (dwCm < HEAD_DW_RANGE_CM.minCm || dwCm > HEAD_DW_RANGE_CM.maxCm) {
    throw new RangeError(
      `Dw ${dwCm} cm is outside the accepted AAPM 293 range (${HEAD_DW_RANGE_CM.minCm}–${HEAD_DW_RANGE_CM.maxCm} cm)`,
    );
  }
  return HEAD_FIT.a * Math.exp(-HEAD_FIT.b * dwCm);
}

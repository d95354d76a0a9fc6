/**
 * @file Who counts as a child for the guidance: a patient whose age at the exam is under the cutoff. One place
 * for its default and the range a user or an organisation may set, read by the page reader, the settings and the
 * scripts' fallbacks. A product setting, not a published figure: the default follows the usual pediatric age
 * limit of 18 years; up to 21 lets a children's hospital include the young adults it images.
 */

/** The cutoff when nothing else is set, in whole years. */
export const DEFAULT_PEDIATRIC_CUTOFF_YEARS = 18;

/** The cutoffs a user or a policy may choose, in whole years (inclusive). */
export const PEDIATRIC_CUTOFF_MIN_YEARS = 1;
export const PEDIATRIC_CUTOFF_MAX_YEARS = 21;

/** Whether a value is a cutoff a user or a policy may choose. */
export function isPediatricCutoff(years: unknown): years is number {
  return typeof years === 'number' && Number.isInteger(years) && years >= PEDIATRIC_CUTOFF_MIN_YEARS && years <= PEDIATRIC_CUTOFF_MAX_YEARS;
}

import { describe, expect, it } from 'vitest';
import { DEFAULT_PEDIATRIC_CUTOFF_YEARS, isPediatricCutoff, PEDIATRIC_CUTOFF_MAX_YEARS, PEDIATRIC_CUTOFF_MIN_YEARS } from '../../clinical/pediatric-cutoff';
import { decide } from '../../content/read/decide';
import { DEFAULT_SETTINGS, PediatricCutoffSchema } from '../../settings/schema';

describe('pediatric cutoff', () => {
  it('is a whole number of years from 1 to 21, 18 by default', () => {
    expect([PEDIATRIC_CUTOFF_MIN_YEARS, DEFAULT_PEDIATRIC_CUTOFF_YEARS, PEDIATRIC_CUTOFF_MAX_YEARS]).toEqual([1, 18, 21]);
    expect([0, 1, 17.5, 18, 21, 22, Number.NaN, '18'].map(isPediatricCutoff)).toEqual([false, true, false, true, true, false, false, false]);
  });

  it('is the one the settings and the page reader fall back to', () => {
    expect(DEFAULT_SETTINGS.pediatricCutoffYears).toBe(DEFAULT_PEDIATRIC_CUTOFF_YEARS);
    for (const n of [0, 1, 21, 22]) expect(PediatricCutoffSchema.safeParse(n).success, String(n)).toBe(isPediatricCutoff(n));
    // A 17-year-old is a child under the default, an 18-year-old is not.
    const at = (years: string) => decide({ profileId: null, primary: [{ kind: 'patientAge', text: years, where: 'test' }], rows: [], dateOrder: null, notes: [] }, { now: new Date(Date.UTC(2026, 0, 1)) });
    expect(at('017Y').pediatric).toBe(true);
    expect(at('018Y').pediatric).toBe(false);
  });
});

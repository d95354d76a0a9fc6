import { describe, expect, test } from 'vitest';
import { ageBetween, agesAgree, parseAgeText, parseDicomAge } from '../../../content/parse/age';

describe('parseDicomAge (DICOM AS, PS3.5 §6.2)', () => {
  test.each([
    // [AS, lower-bound days computed by hand, years]
    ['006Y', 2191, 6], // ⌊6 × 365.25⌋ = ⌊2191.5⌋
    ['017Y', 6209, 17], // ⌊17 × 365.25⌋ = ⌊6209.25⌋
    ['018M', 547, 1.5], // ⌊18 × 30.4375⌋ = ⌊547.875⌋
    ['003W', 21, 21 / 365.25],
    ['010D', 10, 10 / 365.25],
    ['000D', 0, 0],
  ])('%s → %i days', (as, days, years) => {
    const r = parseDicomAge(as)!;
    expect(r.days).toBe(days);
    expect(r.years).toBeCloseTo(years, 10);
  });
  test.each(['6Y', '0006Y', '006y ', '006X', 'Y006', '', '6 years'])('rejects %j', (t) => {
    expect(parseDicomAge(t)).toBeNull();
  });
});

describe('parseAgeText', () => {
  test.each([
    // OpenMRS O3 / NHS CUI banner strings (openmrs-esm-core age-helpers.test.ts)
    ['0 min', 0, 'D'],
    ['90 min', 0, 'D'],
    ['26 hr', 1, 'D'],
    ['3 days', 3, 'D'],
    ['27 days', 27, 'D'],
    ['4 wks', 28, 'W'],
    ['4 wks, 1 day', 29, 'D'],
    ['12 mths, 1 day', 366, 'D'], // ⌊365.25 + 1⌋
    ['13 mths, 9 days', 404, 'D'], // ⌊13 × 30.4375 + 9⌋ = ⌊404.6875⌋
    ['4 yrs, 1 mth', 1491, 'M'], // ⌊1461 + 30.4375⌋
    ['18 yrs', 6574, 'Y'], // ⌊18 × 365.25⌋ = 6574.5 → 6574
    // other screens
    ['6 y.o.', 2191, 'Y'],
    ['6 yo', 2191, 'Y'],
    ['6 y/o', 2191, 'Y'],
    ['45 d/o', 45, 'D'],
    ['3 mo', 91, 'M'], // ⌊91.3125⌋
    ['2y 3m', 821, 'M'], // ⌊730.5 + 91.3125⌋
    ['6 years old', 2191, 'Y'],
    ['Age: 6 years', 2191, 'Y'],
    ['6 años', 2191, 'Y'],
    ['3 meses', 91, 'M'],
    ['2 años y 3 meses', 821, 'M'],
    ['006Y', 2191, 'Y'],
    ['1.5 y', 547, 'Y'], // ⌊547.875⌋
  ])('%j → %i days (finest unit %s)', (text, days, unit) => {
    const r = parseAgeText(text)!;
    expect(r).not.toBeNull();
    expect(r.days).toBe(days);
    expect(r.unit).toBe(unit);
  });

  test('bare numbers only where the label says Age', () => {
    expect(parseAgeText('6')).toBeNull();
    expect(parseAgeText('6', { bareNumberIsYears: true })!.years).toBe(6);
  });

  test.each(['', 'none', 'Room 12', '200 years', 'v2.0'])('no age in %j', (t) => {
    expect(parseAgeText(t)).toBeNull();
  });
});

describe('ageBetween and agreement', () => {
  const d = (y: number, m: number, day: number) => ({ y, m, d: day });
  test('exact calendar age', () => {
    expect(ageBetween(d(2020, 8, 15), d(2026, 11, 20))).toEqual({ days: 2288, months: 75, years: 6 });
  });
  test('a date before the birth date is not an age', () => {
    expect(ageBetween(d(2020, 8, 15), d(2020, 8, 14))).toBeNull();
  });
  test('AS agrees with completed units only', () => {
    const age = ageBetween(d(2020, 8, 15), d(2026, 11, 20))!;
    expect(agesAgree(age, parseDicomAge('006Y')!)).toBe(true);
    expect(agesAgree(age, parseDicomAge('007Y')!)).toBe(false);
    expect(agesAgree(age, parseDicomAge('075M')!)).toBe(true);
    expect(agesAgree(age, parseDicomAge('076M')!)).toBe(false);
    expect(agesAgree(ageBetween(d(2026, 11, 1), d(2026, 11, 22))!, parseDicomAge('003W')!)).toBe(true);
  });
  test('17 years 364 days is still 17 completed years', () => {
    const age = ageBetween(d(2008, 11, 21), d(2026, 11, 20))!;
    expect(age.years).toBe(17);
    expect(agesAgree(age, parseDicomAge('017Y')!)).toBe(true);
  });
});

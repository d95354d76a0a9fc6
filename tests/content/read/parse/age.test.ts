import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  ageBetween,
  agesAgree,
  calendarAge,
  ehrAgeParts,
  isUnderCutoff,
  parseAgeText,
  parseDicomAge,
  readingDetail,
} from '../../../../content/read/parse/age';
import type { AgeDetail } from '../../../../content/read/types';

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
    // Spanish short units: "a" is años before a number of months or days ("8 a 3 m"), and "to" before another number
    ['8 a 3 m', 3013, 'M'], // ⌊8 × 365.25 + 3 × 30.4375⌋
    ['2 a 5 m 3 d', 885, 'D'],
    ['11 a', 4017, 'Y'],
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

  // How age/sex columns, banners and print headers write an age beside the sex: a number and a capital letter.
  describe('an age–sex pair: a capital M or F right after a number is the sex', () => {
    test.each([
      ['88 M', 88],
      ['52F', 52],
      ['12 M', 12],
      ['7 M', 7],
      ['0 M', 0],
      ['25 F', 25],
      ['79M', 79],
    ])('%j → %i years', (text, years) => {
      const r = parseAgeText(text)!;
      expect(r.years).toBe(years);
      expect(r.unit).toBe('Y');
      expect(r.parts).toEqual([{ value: years, unit: 'years' }]);
    });
    test('a months reading needs a months unit, a run after years, a DICOM AS, or a sex of its own beside it', () => {
      expect(parseAgeText('11 mo')!.unit).toBe('M');
      expect(parseAgeText('11 mos')!.unit).toBe('M');
      expect(parseAgeText('11 m.o.')!.unit).toBe('M');
      expect(parseAgeText('2Y 1M')!.days).toBe(760);
      expect(parseAgeText('11 Y 2 M')!.unit).toBe('M');
      expect(parseAgeText('011M')!.days).toBe(334);
      expect(parseAgeText('8M F')!.days).toBe(243);
      expect(parseAgeText('F 8M')!.days).toBe(243);
      expect(parseAgeText('8M / M')!.days).toBe(243);
    });
    test('under a label that names the age alone ("Age": `6Y`, `3M`), a capital M is months — up to three years', () => {
      expect(parseAgeText('3M', { monthsLetter: true })!.days).toBe(91);
      expect(parseAgeText('18 M', { monthsLetter: true })!.unit).toBe('M');
      // No screen counts an 88-year-old in months: the letter is the sex.
      expect(parseAgeText('88 M', { monthsLetter: true })!.years).toBe(88);
      expect(parseAgeText('52F', { monthsLetter: true })!.years).toBe(52);
    });
    test('a bare M after a sex is implausible as months past three years: no age', () => {
      expect(parseAgeText('88M F')).toBeNull();
    });
    test('a lower-case m stays months (`3m`, `2y 3m`); a decimal is no pair', () => {
      expect(parseAgeText('3m')!.unit).toBe('M');
      expect(parseAgeText('1.5 M')?.unit).not.toBe('Y');
    });
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

describe('calendarAge: exact calendar age in UTC (years, months since the birthday, days since the last month)', () => {
  const d = (y: number, m: number, day: number) => ({ y, m, d: day });
  test.each([
    // [birth, at, expected] — counted on a calendar by hand
    [d(2020, 8, 15), d(2026, 11, 20), { years: 6, months: 3, days: 5 }], // the e2e child (2288 days)
    [d(2020, 1, 31), d(2020, 2, 29), { years: 0, months: 0, days: 29 }], // month end: no 31 February
    [d(2020, 1, 31), d(2020, 3, 1), { years: 0, months: 1, days: 0 }], // … so the month is completed on 1 March
    [d(2020, 1, 31), d(2020, 3, 2), { years: 0, months: 1, days: 1 }],
    [d(2020, 1, 31), d(2020, 3, 31), { years: 0, months: 2, days: 0 }],
    [d(2020, 1, 31), d(2020, 4, 30), { years: 0, months: 2, days: 30 }], // no 31 April either
    [d(2021, 1, 31), d(2021, 2, 28), { years: 0, months: 0, days: 28 }],
    [d(2019, 2, 28), d(2024, 2, 29), { years: 5, months: 0, days: 1 }], // exam on a leap day
    [d(2020, 2, 29), d(2021, 2, 28), { years: 0, months: 11, days: 30 }], // leap-day birth, common year
    [d(2020, 2, 29), d(2021, 3, 1), { years: 1, months: 0, days: 0 }],
    [d(2020, 2, 29), d(2024, 2, 29), { years: 4, months: 0, days: 0 }],
    [d(2019, 12, 31), d(2020, 12, 31), { years: 1, months: 0, days: 0 }],
    [d(2019, 12, 31), d(2020, 12, 30), { years: 0, months: 11, days: 29 }], // no 31 November: 11 months on 1 December
    [d(2026, 11, 20), d(2026, 11, 20), { years: 0, months: 0, days: 0 }],
  ])('born %j, on %j', (birth, at, expected) => {
    expect(calendarAge(birth, at)).toEqual(expected);
  });

  test('a date before the birth, or an implausible age, is no age', () => {
    expect(calendarAge(d(2020, 8, 15), d(2020, 8, 14))).toBeNull();
    expect(calendarAge(d(1880, 1, 1), d(2026, 1, 1))).toBeNull();
  });

  test('agrees with counting on a calendar, day by day, and with the pediatric cutoff (births 2000–2026, ages 0–20 y)', () => {
    const DAY = 86_400_000;
    const ymd = (t: number) => {
      const x = new Date(t);
      return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
    };
    // Independent of the code under test: walk the calendar one day at a time; a month is completed on a day with
    // the birth's day number, or on the 1st when the month before was too short to have it.
    const walk = (birthT: number, ageDays: number) => {
      const birth = ymd(birthT);
      let months = 0;
      let since = 0;
      for (let k = 1; k <= ageDays; k++) {
        const day = ymd(birthT + k * DAY);
        const lastOfPrevious = ymd(birthT + k * DAY - DAY);
        const previousTooShort = day.d === 1 && lastOfPrevious.d < birth.d;
        since++;
        if (day.d === birth.d || previousTooShort) {
          months++;
          since = 0;
        }
      }
      return { years: Math.floor(months / 12), months: months % 12, days: since, totalMonths: months };
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 27 * 366 }), fc.integer({ min: 0, max: 20 * 366 }), (birthOffset, ageDays) => {
        const birthT = Date.UTC(2000, 0, 1) + birthOffset * DAY;
        const truth = walk(birthT, ageDays);
        const age = calendarAge(ymd(birthT), ymd(birthT + ageDays * DAY))!;
        expect(age).toEqual({ years: truth.years, months: truth.months, days: truth.days });
        // the decision and the printed age use one rule: pediatric under 18 ⇔ printed years < 18
        const birth = ymd(birthT);
        const at = ymd(birthT + ageDays * DAY);
        expect(isUnderCutoff(ageBetween(birth, at)!, 18)).toBe(age.years < 18);
      }),
      { numRuns: 400, examples: [[Date.UTC(2020, 1, 29) / DAY - Date.UTC(2000, 0, 1) / DAY, 366], [Date.UTC(2020, 0, 31) / DAY - Date.UTC(2000, 0, 1) / DAY, 29]] },
    );
  });
});

describe('ehrAgeParts: an age as EHR banners print it', () => {
  const cal = (years: number, months: number, days: number): AgeDetail => ({ source: 'calendar', years, months, days });
  const printed = (detail: AgeDetail) => ehrAgeParts(detail).map((p) => `${p.value} ${p.unit}`).join(' ');
  test.each([
    [cal(0, 0, 0), '0 days'],
    [cal(0, 0, 29), '29 days'],
    [cal(0, 1, 0), '1 months'],
    [cal(0, 1, 14), '1 months 14 days'],
    [cal(0, 11, 0), '11 months'],
    [cal(1, 0, 3), '12 months 3 days'],
    [cal(1, 11, 30), '23 months 30 days'],
    [cal(2, 0, 5), '2 years'],
    [cal(4, 1, 12), '4 years 1 months'],
    [cal(17, 11, 30), '17 years 11 months'],
    [cal(18, 3, 2), '18 years'],
  ])('%j → %s', (detail, text) => {
    expect(printed(detail)).toBe(text);
  });

  test('a DICOM AS or a printed age is shown as read, part for part', () => {
    expect(readingDetail(parseDicomAge('006Y')!)).toEqual({ source: 'dicom', parts: [{ value: 6, unit: 'years' }] });
    expect(readingDetail(parseAgeText('018M')!)).toEqual({ source: 'dicom', parts: [{ value: 18, unit: 'months' }] });
    expect(readingDetail(parseAgeText('4 yrs, 1 mth')!)).toEqual({
      source: 'shown',
      parts: [{ value: 4, unit: 'years' }, { value: 1, unit: 'months' }],
    });
    expect(readingDetail(parseAgeText('13 mths, 9 days')!)!).toEqual({
      source: 'shown',
      parts: [{ value: 13, unit: 'months' }, { value: 9, unit: 'days' }],
    });
    expect(readingDetail(parseAgeText('0 min')!)).toEqual({ source: 'shown', parts: [{ value: 0, unit: 'minutes' }] });
    expect(readingDetail(parseAgeText('6', { bareNumberIsYears: true })!)).toEqual({ source: 'shown', parts: [{ value: 6, unit: 'years' }] });
    expect(printed(readingDetail(parseAgeText('2y 3m')!)!)).toBe('2 years 3 months');
  });
});

describe('a newborn\'s day of life', () => {
  test.each([
    ['DOL 9', 9],
    ['DDV 5', 5],
    ['Día de vida: 3', 3],
    ['day of life 12', 12],
  ])('%s', (text, days) => {
    expect(parseAgeText(text)?.days).toBe(days);
  });
  test('hours of life are a fraction of a day', () => {
    expect(parseAgeText('HOL 36')?.days).toBe(1);
  });
});

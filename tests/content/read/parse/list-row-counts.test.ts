/**
 * The allocation-free forms a list's rows use (thousands per page) read exactly as the general ones: a bare DICOM DA
 * written into a reused date (`readBareDa`) as `parseDate` reads it, and an age's completed months (`monthsOfAge`) as
 * `ageBetween` counts them, with the same cutoff rule.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ageBetween, isUnderCutoff, monthsOfAge, monthsUnderCutoff } from '../../../../content/read/parse/age';
import { isBareDa, parseDate, readBareDa } from '../../../../content/read/parse/dates';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('readBareDa: a bare DA read in place, as parseDate reads it', () => {
  test.each(['20140219', '20240229', '20230229', '18791231', '18800101', '22001231', '22010101', '20141301', '20140000', '20140431', '00000000'])('%s', (text) => {
    expect(isBareDa(text)).toBe(true);
    const into = { y: -1, m: -1, d: -1 };
    const p = parseDate(text, null, { y: 2026, m: 11, d: 26 }, 'birth');
    expect(readBareDa(text, into)).toBe(p.ok);
    if (p.ok) expect(into).toEqual({ y: p.date.y, m: p.date.m, d: p.date.d });
    else expect(into).toEqual({ y: -1, m: -1, d: -1 });
  });

  test.each(['2014-02-19', '2014021', '201402190', '2014.02.19', ' 20140219', '２０１４０２１９', ''])('%j is no bare DA', (text) => {
    expect(isBareDa(text)).toBe(false);
  });

  test('any eight digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2300 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${pad(y, 4)}${pad(m, 2)}${pad(d, 2)}`;
        const into = { y: 0, m: 0, d: 0 };
        const p = parseDate(text);
        expect(readBareDa(text, into)).toBe(p.ok);
        if (p.ok) expect(into).toEqual({ y: p.date.y, m: p.date.m, d: p.date.d });
      }),
      { numRuns: 500 },
    );
  });
});

describe('monthsOfAge: the completed months of ageBetween, or −1 when it gives no age', () => {
  const DAY = 86_400_000;
  const ymd = (t: number) => {
    const d = new Date(t);
    return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
  };

  test('birth after the date, and an implausible age, give none', () => {
    expect(monthsOfAge({ y: 2020, m: 3, d: 2 }, { y: 2020, m: 3, d: 1 })).toBe(-1);
    expect(ageBetween({ y: 2020, m: 3, d: 2 }, { y: 2020, m: 3, d: 1 })).toBeNull();
    expect(monthsOfAge({ y: 1880, m: 1, d: 1 }, { y: 2026, m: 1, d: 1 })).toBe(-1);
    expect(ageBetween({ y: 1880, m: 1, d: 1 }, { y: 2026, m: 1, d: 1 })).toBeNull();
    expect(monthsOfAge({ y: 2020, m: 1, d: 31 }, { y: 2020, m: 2, d: 29 })).toBe(0);
  });

  test('any birth and date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -60 * 366, max: 60 * 366 }), fc.integer({ min: -400, max: 140 * 366 }), fc.double({ min: 0.5, max: 30, noNaN: true }), (birthOffset, ageDays, cutoff) => {
        const birthT = Date.UTC(1990, 0, 1) + birthOffset * DAY;
        const birth = ymd(birthT);
        const at = ymd(birthT + ageDays * DAY);
        const age = ageBetween(birth, at);
        const months = monthsOfAge(birth, at);
        expect(months).toBe(age ? age.months : -1);
        if (age) expect(monthsUnderCutoff(months, cutoff)).toBe(isUnderCutoff(age, cutoff));
      }),
      { numRuns: 600, examples: [[0, -1, 18], [0, 0, 18], [Date.UTC(2008, 1, 29) / DAY - Date.UTC(1990, 0, 1) / DAY, 6574, 18]] },
    );
  });
});

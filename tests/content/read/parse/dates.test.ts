import { describe, expect, test } from 'vitest';
import { daysBetween, findDates, fullMonthsBetween, inferDateOrder, monthAnniversary, parseDate, toIso, utcDate, weekday, weekdayOrder } from '../../../../content/read/parse/dates';

const iso = (text: string, order?: 'MDY' | 'DMY') => {
  const r = parseDate(text, order);
  return r.ok ? r.iso : r.reason;
};

describe('parseDate', () => {
  test.each([
    // DICOM DA and ACR-NEMA (PS3.5 §6.2)
    ['20200815', '2020-08-15'],
    ['2020.08.15', '2020-08-15'],
    // ISO and Y/M/D
    ['2020-08-15', '2020-08-15'],
    ['2020-08-15T10:15:00Z', '2020-08-15'],
    ['2020/8/5', '2020-08-05'],
    // Orthanc Explorer (Datejs 'dddd, MMMM d, yyyy')
    ['Saturday, August 15, 2020', '2020-08-15'],
    ['Friday, November 20, 2026', '2026-11-20'],
    // OHIF 3.11 list MMM-DD-YYYY with time, 3.11 overlay, 3.13 DD-MMM-YYYY
    ['Nov-20-2026 10:15 AM', '2026-11-20'],
    ['Nov 21, 2026', '2026-11-21'],
    ['20-Nov-2026 10:15 AM', '2026-11-20'],
    ['10-Mar-2026', '2026-03-10'],
    // long forms, Spanish
    ['15 August 2020', '2020-08-15'],
    ['15 de agosto de 2020', '2020-08-15'],
    ['Sept. 3, 2019', '2019-09-03'],
    // four-letter month abbreviations (O3 banners, UK style), with a dot, Spanish "sept"/"set", slashes (Spanish HIS)
    ['14-Sept-2023', '2023-09-14'],
    ['14 Sept. 2023', '2023-09-14'],
    ['14-June-2023', '2023-06-14'],
    ['14 sept 2023', '2023-09-14'],
    ['14 set 2023', '2023-09-14'],
    ['14/Sept/2023', '2023-09-14'],
    ['03/sep/2019', '2019-09-03'],
    ['3/set./2019', '2019-09-03'],
    // dashes and slashes with spaces around them (OpenMRS O3's wide format `DD — MMM — YYYY`), any dash
    ['14 — Mar — 2018', '2018-03-14'],
    ['14 – Mar – 2018', '2018-03-14'],
    ['14 - Mar - 2018', '2018-03-14'],
    ['14—Mar—2018', '2018-03-14'],
    ['Visit started 07 — Dec — 2026 09:10', '2026-12-07'],
    ['Female · 8 yrs · 14 — Mar — 2018', '2018-03-14'],
    ['14 / Mar / 2018', '2018-03-14'],
    ['Mar — 14 — 2018', '2018-03-14'],
    // dots, no separators (military style), ordinals, "of", Spanish "del"
    ['14.Mar.2018', '2018-03-14'],
    ['14.mar.2018', '2018-03-14'],
    ['14MAR2018', '2018-03-14'],
    ['DOB 09DEC2019 (6Y)', '2019-12-09'],
    ['March 14th, 2018', '2018-03-14'],
    ['14th March, 2018', '2018-03-14'],
    ['the 14th of March 2018', '2018-03-14'],
    ['14 de marzo del 2018', '2018-03-14'],
    ['miércoles, 9 de diciembre de 2026', '2026-12-09'],
    ['Wednesday, Dec 9, 2026 at 8:15 AM', '2026-12-09'],
    ['Mar. 14 2018', '2018-03-14'],
    // year first with the month's name
    ['2018-Mar-14', '2018-03-14'],
    ['2018 MAR 14 10:22', '2018-03-14'],
    ['2018/mar/14', '2018-03-14'],
    // …but a record number before a date is not its year
    ['000-00-4410  Mar 14,2016 (10)', '2016-03-14'],
    ['MRN 2018 Mar 14, 2016', '2016-03-14'],
    // inside other text
    ['DOB: 08/15/2020 Age: 6', '2020-08-15'],
    ['Born 2020-08-15 (6 y)', '2020-08-15'],
    // VistA/CPRS: no space after the comma, a time after "@"
    ['Mar 14,2016 (10)', '2016-03-14'],
    ['NOV 20, 2026@10:14', '2026-11-20'],
    ['NOV 30,2026', '2026-11-30'],
    // a list cell's date and time spans read as one text (`<span>Nov-20-2026</span><span>10:15 AM</span>`)
    ['Nov-20-202610:15 AM', '2026-11-20'],
    ['20-Nov-20269:05', '2026-11-20'],
    ['11/20/202610:15 AM', '2026-11-20'],
    ['2026-11-2010:15', '2026-11-20'],
  ])('%s → %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  describe('numeric day/month order is never guessed', () => {
    test('a date valid both ways is ambiguous without an order', () => {
      expect(iso('03/04/2020')).toBe('ambiguous');
      expect(iso('03.04.2020')).toBe('ambiguous');
    });
    test('the site order resolves it', () => {
      expect(iso('03/04/2020', 'MDY')).toBe('2020-03-04');
      expect(iso('03/04/2020', 'DMY')).toBe('2020-04-03');
    });
    test('a part over 12 fixes the order whatever the setting', () => {
      expect(iso('08/15/2020')).toBe('2020-08-15');
      expect(iso('15/08/2020')).toBe('2020-08-15');
      expect(iso('15/08/2020', 'MDY')).toBe('2020-08-15');
    });
    test('equal day and month is the same date either way', () => {
      expect(iso('05/05/2020')).toBe('2020-05-05');
    });
  });

  describe('invalid input', () => {
    test.each([
      ['20200230', 'invalid'], // 30 February
      ['2021-02-29', 'invalid'], // not a leap year
      ['13/13/2020', 'invalid'],
      ['18000101', 'invalid'], // before 1880: a misread number
      ['12345678', 'invalid'],
      ['', 'unrecognised'],
      ['no date here', 'unrecognised'],
      ['08/15/20', 'unrecognised'], // two-digit years are not accepted
      ['Accession 123456789', 'unrecognised'],
      ['11/20/202612345', 'unrecognised'], // digits run on after the year, and no time: a number, not a date
      ['2026-11-201234', 'unrecognised'],
      ['30 — Feb — 2018', 'invalid'],
      ['14 — Mar — 18', 'unrecognised'], // a two-digit year
      ['3 mg — 14 — 2018', 'unrecognised'],
      ['Room 14 — Bed 2', 'unrecognised'],
    ])('%s → %s', (text, expected) => {
      expect(iso(text)).toBe(expected);
    });
    test('leap day in a leap year is valid', () => {
      expect(iso('20240229')).toBe('2024-02-29');
    });
  });
});

describe('calendar arithmetic (UTC)', () => {
  const d = (y: number, m: number, day: number) => ({ y, m, d: day });
  test('the reference child: born 2020-08-15, CT 2026-11-20 → 2288 days', () => {
    // 6 years to 2026-08-15 = 6·365 + 1 leap day (2024-02-29) = 2191; then 16 + 30 + 31 + 20 = 97 days.
    expect(daysBetween(d(2020, 8, 15), d(2026, 11, 20))).toBe(2288);
  });
  test('completed months', () => {
    expect(fullMonthsBetween(d(2020, 8, 15), d(2026, 11, 20))).toBe(6 * 12 + 3);
    expect(fullMonthsBetween(d(2020, 8, 15), d(2020, 9, 14))).toBe(0);
    expect(fullMonthsBetween(d(2020, 8, 15), d(2020, 9, 15))).toBe(1);
    // born on the 31st: a month completes on the 31st, or on the 1st after a shorter month (ISO 8601 calendar
    // arithmetic, as java.time Period.between and Temporal PlainDate.until count it)
    expect(fullMonthsBetween(d(2021, 1, 31), d(2021, 2, 28))).toBe(0);
    expect(fullMonthsBetween(d(2021, 1, 31), d(2021, 3, 1))).toBe(1);
    expect(fullMonthsBetween(d(2020, 1, 31), d(2020, 2, 29))).toBe(0);
    expect(fullMonthsBetween(d(2021, 1, 31), d(2021, 3, 31))).toBe(2);
    expect(fullMonthsBetween(d(2021, 1, 31), d(2021, 4, 30))).toBe(2);
    // born 29 February: the year completes on 1 March in common years, on 29 February in leap years
    expect(fullMonthsBetween(d(2020, 2, 29), d(2021, 2, 28))).toBe(11);
    expect(fullMonthsBetween(d(2020, 2, 29), d(2021, 3, 1))).toBe(12);
    expect(fullMonthsBetween(d(2020, 2, 29), d(2024, 2, 29))).toBe(48);
    // the 18th birthday of a leap-day child, for the pediatric cutoff: 2026-03-01
    expect(fullMonthsBetween(d(2008, 2, 29), d(2026, 2, 28))).toBe(18 * 12 - 1);
    expect(fullMonthsBetween(d(2008, 2, 29), d(2026, 3, 1))).toBe(18 * 12);
  });

  test('the day a month is completed', () => {
    expect(monthAnniversary(d(2020, 8, 15), 75)).toEqual(d(2026, 11, 15));
    expect(monthAnniversary(d(2020, 1, 31), 1)).toEqual(d(2020, 3, 1)); // no 31 February
    expect(monthAnniversary(d(2020, 1, 31), 2)).toEqual(d(2020, 3, 31));
    expect(monthAnniversary(d(2020, 11, 30), 3)).toEqual(d(2021, 3, 1)); // no 30 February
    expect(monthAnniversary(d(2020, 12, 31), 11)).toEqual(d(2021, 12, 1)); // no 31 November
    expect(monthAnniversary(d(2019, 12, 31), 12)).toEqual(d(2020, 12, 31));
    expect(monthAnniversary(d(2020, 2, 29), 12)).toEqual(d(2021, 3, 1));
    expect(monthAnniversary(d(2020, 2, 29), 48)).toEqual(d(2024, 2, 29));
    expect(monthAnniversary(d(2020, 8, 15), 0)).toEqual(d(2020, 8, 15));
  });
  test('the day of an instant is its UTC day', () => {
    expect(utcDate(new Date('2026-11-20T23:30:00-05:00'))).toEqual(d(2026, 11, 21));
  });
});

describe('dates in running text and the page\'s day/month order', () => {
  test('findDates: every date in a text, with where it is written', () => {
    const found = findDates('Booked 2026-11-19 08:30 · Born 02/06/2019 · printed Dec 12, 2026');
    expect(found.map((m) => [m.result.ok && m.result.iso, m.index])).toEqual([
      ['2026-11-19', 7],
      [false, 31],
      ['2026-12-12', 52],
    ]);
    expect(found[1]!.numeric).toEqual([2, 6, 2019]);
  });
  test('inferDateOrder: a date that reads one way only decides; none, or both ways, leaves it unknown', () => {
    expect(inferDateOrder([[3, 4], [25, 11]])).toBe('DMY');
    expect(inferDateOrder([[11, 25], [3, 4]])).toBe('MDY');
    expect(inferDateOrder([[3, 4], [5, 6]])).toBeNull();
    expect(inferDateOrder([[25, 11], [11, 25]])).toBeNull();
    expect(inferDateOrder([])).toBeNull();
  });
  test('weekdayOrder: an ambiguous date written with its weekday reads the one way that falls on it', () => {
    const order = (t: string) => weekdayOrder(t, findDates(t)[0]!);
    // 11 December 2026 is a Friday, 12 November 2026 a Thursday.
    expect(weekday({ y: 2026, m: 12, d: 11 })).toBe(5);
    expect(weekday({ y: 2026, m: 11, d: 12 })).toBe(4);
    expect(order('Selected: Fri 12/11/2026 3:40 PM')).toBe('MDY');
    expect(order('Friday, 12/11/2026')).toBe('MDY');
    expect(order('Thu 12/11/2026')).toBe('DMY');
    expect(order('Turno: viernes 11/12/2026 15:40')).toBe('DMY');
    expect(order('Cita: Jue. 12/11/2026')).toBe('DMY'); // jueves: 12 November
    expect(order('12/11/2026 (Fri)')).toBe('MDY');
    expect(order('Mié. 02/12/2026')).toBe('DMY'); // 2 December 2026 is a Wednesday
  });
  test('weekdayOrder: no weekday, a weekday neither reading falls on, an unambiguous date or a word that only begins like one → null', () => {
    const order = (t: string) => weekdayOrder(t, findDates(t)[0]!);
    expect(order('12/11/2026 3:40 PM')).toBeNull();
    expect(order('Sat 12/11/2026')).toBeNull();
    expect(order('Fri 12/25/2026')).toBeNull();
    expect(order('Monitor 12/11/2026')).toBeNull();
    expect(order('Domicilio 12/11/2026')).toBeNull();
    // 03/03 reads the same both ways: nothing to decide.
    expect(order('Tue 03/03/2026')).toBeNull();
  });
  test('inferDateOrder with weekdays: they vote like unambiguous dates; votes both ways leave it unknown', () => {
    expect(inferDateOrder([[12, 11]], ['MDY'])).toBe('MDY');
    expect(inferDateOrder([[12, 11], [25, 11]], ['MDY'])).toBeNull();
    expect(inferDateOrder([], ['DMY', 'DMY'])).toBe('DMY');
  });
});

describe('a weekday date written without its year (with today given)', () => {
  const today = { y: 2026, m: 12, d: 7 };
  const iso = (text: string) => findDates(text, null, 8, today).map((m) => (m.result.ok ? toIso(m.result.date) : m.result.reason));
  test.each([
    ['Thu, Dec 17 · 10:30 AM', ['2026-12-17']],
    ['Selected: Thu Dec 17, 10:30 AM', ['2026-12-17']],
    ['Thursday, December 17th at 10:30', ['2026-12-17']],
    ['jueves 17 de diciembre, 10:30', ['2026-12-17']],
    ['Mié 16 dic', ['2026-12-16']],
    ['Mon, Jan 11 · 9:00 AM', ['2027-01-11']],
    ['Tue, Oct 6', ['2026-10-06']],
    ['Thursday December 17, 2026', ['2026-12-17']],
    ['jueves 17 de diciembre de 2026', ['2026-12-17']],
    ['Wed, Dec 17', []],
    ['Thu, Jun 17', []],
    ['Dec 17', []],
  ])('%j → %j', (text, expected) => {
    expect(iso(text)).toEqual(expected);
  });
  test('without today no such date is read', () => {
    expect(findDates('Thu, Dec 17 · 10:30 AM')).toEqual([]);
  });
});

describe('European dot dates: DD.MM.YYYY, and DD.MM.YY with today given', () => {
  const today = { y: 2026, m: 12, d: 7 };
  const read = (text: string, order: 'MDY' | 'DMY' | null = null) =>
    findDates(text, order, 8, today).map((m) => (m.result.ok ? toIso(m.result.date) : m.result.reason));
  test.each([
    ['Geb. 14.02.2014', null, ['2014-02-14']],
    ['14.02.2014', null, ['2014-02-14']],
    ['04.02.2014', null, ['ambiguous']],
    ['04.02.2014', 'DMY', ['2014-02-04']],
    ['14.02.14', null, ['2014-02-14']],
    ['DOB: 04.02.14', 'DMY', ['2014-02-04']],
    ['Aufnahme 07.12.26 09:14', 'DMY', ['2026-12-07']],
    ['Termin: 12.01.27', 'DMY', ['2027-01-12']],
    ['* 03.05.52', 'DMY', ['1952-05-03']],
    ['19.03.98, w', null, ['1998-03-19']],
  ])('%j (%s) → %j', (text, order, expected) => {
    expect(read(text, order as 'MDY' | 'DMY' | null)).toEqual(expected);
  });
  test.each(['v2.10.26', '192.168.10.26', '1.2.840.10008', 'Version 3.14.15 build', '12.5.20.1'])('%j is no date', (text) => {
    expect(read(text, 'DMY').filter((r) => /^\d/.test(r))).toEqual([]);
  });
  test('a two-digit year needs today (a bare "14.02.14" names no century)', () => {
    expect(findDates('14.02.14')).toEqual([]);
  });
  test('a slash or dash with a two-digit year is still not read ("3/4/20" is a dose or a fraction as often as a date)', () => {
    expect(read('3/4/20', 'DMY')).toEqual([]);
    expect(read('14-02-14', 'DMY')).toEqual([]);
  });
  test('the day/month pair of a short dot date votes for the page order', () => {
    expect(findDates('14.02.14', null, 8, today)[0]?.numeric).toEqual([14, 2, 2014]);
  });
});

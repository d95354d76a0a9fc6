import { describe, expect, it } from 'vitest';
import { inferYear, readFeedDate, readLeadingDate } from '../../news/dates';

describe('readLeadingDate', () => {
  it.each([
    // the site's styles (docs/reference/campaigns.md §2; docs/reference/campaigns.md §2)
    ['11/25/2019: Statement: Improved Estimates', 2019, 11, 25, 'Statement: Improved Estimates'],
    ['7/25/19: Simple preoperative', 2019, 7, 25, 'Simple preoperative'],
    ['1/20/15: Old item', 2015, 1, 20, 'Old item'],
    ['6/4/2019 Optimizing Communication', 2019, 6, 4, 'Optimizing Communication'],
    ['April 10, 2017 - Title', 2017, 4, 10, 'Title'],
    ['December 2, 2019 – Image Gently Alliance', 2019, 12, 2, 'Image Gently Alliance'],
    ['Sept. 3, 2016: Abbreviated', 2016, 9, 3, 'Abbreviated'],
    ['Nov 1st, 2018 — Ordinal', 2018, 11, 1, 'Ordinal'],
    ['2020-02-29: ISO leap day', 2020, 2, 29, 'ISO leap day'],
    ['• 3/1/2020: Bulleted', 2020, 3, 1, 'Bulleted'],
    ['11/2/2016', 2016, 11, 2, ''],
  ])('%s', (line, year, month, day, rest) => {
    expect(readLeadingDate(line)).toEqual({ year, month, day, rest });
  });

  it('reads yearless `July 5:` with a null year; only with a colon', () => {
    expect(readLeadingDate('July 5: Title')).toEqual({ year: null, month: 7, day: 5, rest: 'Title' });
    expect(readLeadingDate('May 10: Title')).toEqual({ year: null, month: 5, day: 10, rest: 'Title' });
    expect(readLeadingDate('February 29: Leap day, year to come')).toEqual({ year: null, month: 2, day: 29, rest: 'Leap day, year to come' });
    expect(readLeadingDate('May 10 - 12 conference')).toBeNull();
    expect(readLeadingDate('July 5 Title')).toBeNull();
  });

  it.each([
    ['2/30/2019: impossible day'],
    ['13/1/2019: month 13'],
    ['2/29/2019: not a leap year'],
    ['April 31, 2017 - no such day'],
    ['June 31: no such day'],
    ['Not a date 11/25/2019: later in the line'],
    ['TB 12.15.18'],
    ['2019 Butterfly Award'],
    ['11/25/2019x: glued'],
    ['112/25/2019: three digits'],
    ['Mayday 5: not a month'],
  ])('refuses %s', (line) => {
    expect(readLeadingDate(line)).toBeNull();
  });
});

describe('readFeedDate', () => {
  it.each([
    ['Mon, 25 Nov 2019 23:30:00 -0800', '2019-11-25'],
    ['25 Nov 2019 08:00 GMT', '2019-11-25'],
    ['Wed, 2 Nov 16 14:00:00 +0000', '2016-11-02'],
    ['2020-01-10T01:00:00+09:00', '2020-01-10'],
    ['2019-12-31T23:59:59-05:00', '2019-12-31'],
    ['2021-02-01', '2021-02-01'],
    ['  2021-02-01 10:00  ', '2021-02-01'],
  ])('%s → %s (as written, no time-zone shift)', (text, day) => {
    expect(readFeedDate(text)).toBe(day);
  });

  it.each([[''], [null], [undefined], ['yesterday'], ['2021-02-30T00:00:00Z'], ['31 Apr 2020'], ['1 Foo 2020'], ['20210201']])(
    'refuses %s',
    (text) => {
      expect(readFeedDate(text)).toBeNull();
    },
  );
});

describe('inferYear', () => {
  it('newest first: the year that puts the day between its neighbours, closest to the one above', () => {
    expect(inferYear(7, 5, '2018-09-10', '2018-05-10')).toBe(2018);
    expect(inferYear(12, 20, '2019-01-15', '2018-11-02')).toBe(2018);
    expect(inferYear(1, 5, '2017-04-10', '2016-11-02')).toBe(2017);
  });

  it('one neighbour: above → the latest year not after it; below → the earliest year not before it', () => {
    expect(inferYear(7, 5, '2018-09-10', null)).toBe(2018);
    expect(inferYear(10, 5, '2018-09-10', null)).toBe(2017);
    expect(inferYear(7, 5, null, '2018-09-10')).toBe(2019);
    expect(inferYear(10, 5, null, '2018-09-10')).toBe(2018);
  });

  it('oldest-first pages are read the other way round', () => {
    // above: 2016-11-02, below: 2017-04-10 (ascending)
    expect(inferYear(1, 5, '2016-11-02', '2017-04-10')).toBe(2017);
  });

  it('no neighbour: null; Feb 29 with no leap year around: null', () => {
    expect(inferYear(7, 5, null, null)).toBeNull();
    expect(inferYear(2, 29, '2019-03-01', '2019-01-01')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  ageYearsAt,
  doseReadOrder,
  ionizingCounts,
  isoDay,
  listStudies,
  oneYearBefore,
  recentRepeat,
  toHistoryStudy,
  type HistoryStudy,
  type ListedStudy,
} from '../../../../content/pacs/history/model';

const listed = (key: string, studyDate: string | null, modalities: string[], description: string | null = null, bodyParts: string[] = []): ListedStudy => ({
  key,
  studyDate,
  modalities,
  description,
  facility: null,
  bodyParts,
});
const study = (key: string, date: string | null, modalities: HistoryStudy['modalities'], region: HistoryStudy['region'] = null, current = false): HistoryStudy => ({
  key,
  date,
  modalities,
  description: null,
  facility: null,
  region,
  current,
});

describe('dates', () => {
  it.each([
    ['20261120', '2026-11-20'],
    [' 20240229 ', '2024-02-29'],
    ['20230229', null], // not a leap year
    ['2026-11-20', null],
    ['202611', null],
    ['', null],
    [null, null],
  ])('isoDay(%j) = %j', (da, iso) => expect(isoDay(da)).toBe(iso));

  it.each([
    ['2026-12-07', '2025-12-07'],
    ['2024-02-29', '2023-02-28'],
    ['2025-03-01', '2024-03-01'],
  ])('one year before %s is %s', (today, from) => expect(oneYearBefore(today)).toBe(from));

  it.each([
    ['2020-08-15', '2026-11-20', 6.26],
    ['2026-11-20', '2026-11-20', 0],
    ['2026-11-21', '2026-11-20', null], // born after the exam: no age
    [null, '2026-11-20', null],
  ])('age at the exam, born %s, exam %s', (birth, date, years) => {
    const got = ageYearsAt(birth, date);
    if (years === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(years, 2);
  });
});

describe('a listed study, interpreted', () => {
  it.each([
    [listed('a', '20261120', ['CT', 'SR'], 'CT ABDOMEN PELVIS W CONTRAST'), ['CT'], 'abdomen-pelvis'],
    [listed('b', '20261120', ['SR', 'OT', 'KO']), [], null],
    [listed('c', '20261120', ['US'], null, ['ABDOMEN']), ['US'], 'abdomen'],
    [listed('d', '20261120', ['PT', 'CT'], 'PET/CT WHOLE BODY'), ['CT', 'PT'], 'whole-body'],
    [listed('e', '20261120', ['RF'], 'Voiding cystourethrogram'), ['RF'], 'pelvis'],
    [listed('f', '20261120', ['CT'], 'ct head wo'), ['CT'], 'head'],
  ])('%j → modalities %j, region %j', (s, modalities, region) => {
    const h = toHistoryStudy(s, 'x');
    expect(h.modalities).toEqual(modalities);
    expect(h.region).toBe(region);
    expect(h.current).toBe(false);
  });

  it('marks the study the page shows', () => expect(toHistoryStudy(listed('x', null, []), 'x').current).toBe(true));
});

describe('the list', () => {
  it('sorts most recent first, undated last, drops duplicates', () => {
    const l = listStudies([listed('a', '20240101', ['CT']), listed('b', null, ['US']), listed('c', '20261120', ['CT']), listed('a', '20240101', ['CT'])], 'c');
    expect(l.listed.map((s) => s.key)).toEqual(['c', 'a', 'b']);
    expect(l.omitted).toBe(0);
  });

  it('lists at most the cap and keeps the current study in it', () => {
    const many = Array.from({ length: 250 }, (_, i) => listed(`s${i}`, `2026${String(1 + (i % 12)).padStart(2, '0')}01`, ['CR']));
    many.push(listed('old', '19990101', ['CT']));
    const l = listStudies(many, 'old');
    expect(l.listed).toHaveLength(200);
    expect(l.omitted).toBe(51);
    expect(l.all).toHaveLength(251);
    expect(l.listed.at(-1)!.key).toBe('old');
  });
});

describe('ionizing exams counted by modality', () => {
  const today = '2026-12-07';
  it.each<[string, HistoryStudy[], { modality: string; last12Months: number; all: number }[]]>([
    ['nothing', [], []],
    ['MR and US only: nothing to count', [study('a', '2026-11-01', ['MR']), study('b', '2026-11-02', ['US'])], []],
    [
      'CT twice (one older than a year), fluoroscopy once, US ignored',
      [study('a', '2026-11-20', ['CT']), study('b', '2025-12-07', ['CT']), study('c', '2026-01-05', ['RF']), study('d', '2026-11-01', ['US'])],
      [
        { modality: 'CT', last12Months: 1, all: 2 },
        { modality: 'RF', last12Months: 1, all: 1 },
      ],
    ],
    ['the day after a year ago counts as recent', [study('a', '2025-12-08', ['DX'])], [{ modality: 'DX', last12Months: 1, all: 1 }]],
    ['an undated or future study counts in all only', [study('a', null, ['CT']), study('b', '2027-01-01', ['CT'])], [{ modality: 'CT', last12Months: 0, all: 2 }]],
    ['PET/CT counts under both', [study('a', '2026-06-01', ['CT', 'PT'])], [{ modality: 'CT', last12Months: 1, all: 1 }, { modality: 'PT', last12Months: 1, all: 1 }]],
  ])('%s', (_, studies, counts) => expect(ionizingCounts(studies, today)).toEqual(counts));
});

describe('an exam of the same modality and region in the previous 30 days', () => {
  const current = study('now', '2026-11-20', ['CT'], 'abdomen-pelvis', true);
  it.each<[string, HistoryStudy[], { date: string; daysBefore: number } | null]>([
    ['only the current study', [current], null],
    ['18 days before, same modality and region', [current, study('a', '2026-11-02', ['CT'], 'abdomen-pelvis')], { date: '2026-11-02', daysBefore: 18 }],
    ['exactly 30 days before', [current, study('a', '2026-10-21', ['CT'], 'abdomen-pelvis')], { date: '2026-10-21', daysBefore: 30 }],
    ['31 days before: not shown', [current, study('a', '2026-10-20', ['CT'], 'abdomen-pelvis')], null],
    ['the same day, another study', [current, study('a', '2026-11-20', ['CT'], 'abdomen-pelvis')], { date: '2026-11-20', daysBefore: 0 }],
    ['after the current study: not shown', [current, study('a', '2026-11-25', ['CT'], 'abdomen-pelvis')], null],
    ['another region: not shown', [current, study('a', '2026-11-10', ['CT'], 'head')], null],
    ['another modality: not shown', [current, study('a', '2026-11-10', ['US'], 'abdomen-pelvis')], null],
    ['the most recent of two', [current, study('a', '2026-11-01', ['CT'], 'abdomen-pelvis'), study('b', '2026-11-15', ['CT'], 'abdomen-pelvis')], { date: '2026-11-15', daysBefore: 5 }],
    ['undated earlier study: not shown', [current, study('a', null, ['CT'], 'abdomen-pelvis')], null],
  ])('%s', (_, studies, expected) => {
    const got = recentRepeat(studies);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toEqual({ modality: 'CT', region: 'abdomen-pelvis', ...expected });
  });

  it.each<[string, HistoryStudy]>([
    ['the current study has no date', study('now', null, ['CT'], 'abdomen-pelvis', true)],
    ['the current study has no region', study('now', '2026-11-20', ['CT'], null, true)],
    ['"other" is not a region to compare', study('now', '2026-11-20', ['CT'], 'other', true)],
    ['the current study is an ultrasound', study('now', '2026-11-20', ['US'], 'abdomen-pelvis', true)],
  ])('nothing when %s', (_, cur) => {
    expect(recentRepeat([cur, study('a', '2026-11-19', ['CT', 'US'], cur.region)])).toBeNull();
  });
});

describe('which doses are read', () => {
  it('CT studies only, most recent first, at most the cap', () => {
    const studies = [
      ...Array.from({ length: 25 }, (_, i) => study(`ct${i}`, `2026-01-${String(i + 1).padStart(2, '0')}`, ['CT'])),
      study('rf', '2026-12-01', ['RF']),
      study('nodate', null, ['CT']),
    ];
    const order = doseReadOrder(studies);
    expect(order).toHaveLength(20);
    expect(order[0]!.key).toBe('ct24');
    expect(order.at(-1)!.key).toBe('ct5');
    expect(order.some((s) => s.key === 'rf')).toBe(false);
  });
  it('none without a CT', () => expect(doseReadOrder([study('a', '2026-01-01', ['DX'])])).toEqual([]));
});

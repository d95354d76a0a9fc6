import { describe, expect, it } from 'vitest';
import type { AgeDetail, Fact, PageAnalysis } from '@/content/read/types';
import { decidePanel } from '@/content/page/panel-decision';
import { ageText, buildPanelView, formatAgeParts, LIST_ROWS_SHOWN } from '@/content/panel/panel-view';
import { decide } from '@/content/read/decide';
import { calendarAge, parseAgeText, parseDicomAge, readingDetail } from '@/content/read/parse/age';
import { setTestLocale } from '../../setup/i18n-shim';
import { analysisOf, childCtAnalysis, recordOf } from '../../helpers/analysis-factory';

function view(a: PageAnalysis, locale = 'en') {
  const decision = decidePanel(a, { disabledCampaigns: [] });
  if (!decision.show) throw new Error(`expected a panel, got ${decision.reason}`);
  return buildPanelView({ analysis: a, decision, locale, disabledCampaigns: [], referenceTables: [], canDismiss: true });
}

describe('ages for people (as EHRs print them, from the calendar, never rounded from days)', () => {
  const d = (y: number, m: number, day: number) => ({ y, m, d: day });
  const calendar = (birth: [number, number, number], at: [number, number, number]): AgeDetail => ({
    source: 'calendar',
    ...calendarAge(d(...birth), d(...at))!,
  });

  it('shows the e2e child (born 2020-08-15, exam 2026-11-20, 2288 days) as 6 y 3 mo at the exam', () => {
    expect(ageText(calendar([2020, 8, 15], [2026, 11, 20]), 2288, 'exam')).toBe('6 y 3 mo at the exam');
  });

  // Each expected age is counted on a calendar by hand (ages in days, then months and years completed on the
  // birth's day number, or on the 1st after a month too short to have it).
  it.each([
    [[2026, 11, 20], [2026, 11, 20], '0 d'],
    [[2020, 1, 31], [2020, 2, 29], '29 d'], // no 31 February: the first month is not yet completed
    [[2020, 1, 31], [2020, 3, 1], '1 mo'], // … it is on 1 March
    [[2020, 1, 1], [2020, 2, 15], '1 mo 14 d'], // 45 days old
    [[2021, 3, 10], [2022, 2, 10], '11 mo'],
    [[2021, 3, 10], [2022, 3, 13], '12 mo 3 d'],
    [[2020, 2, 29], [2021, 2, 28], '11 mo 30 d'], // a leap-day child: 1 year on 1 March in common years
    [[2020, 2, 29], [2021, 3, 1], '12 mo'],
    [[2022, 5, 5], [2024, 5, 5], '2 y'],
    [[2019, 2, 28], [2024, 2, 29], '5 y'], // 5 y 0 mo 1 d: days are not printed from 2 years
    [[2020, 1, 1], [2024, 2, 12], '4 y 1 mo'],
    [[2008, 2, 29], [2026, 2, 28], '17 y 11 mo'],
    [[2008, 2, 29], [2026, 3, 1], '18 y'],
  ] as [[number, number, number], [number, number, number], string][])('born %j, exam %j → %s', (birth, at, text) => {
    expect(formatAgeParts(calendar(birth, at))).toBe(text);
  });

  it('shows a DICOM AS as read, at the exam', () => {
    expect(ageText(readingDetail(parseDicomAge('006Y')!), 2191, 'exam')).toBe('6 y at the exam (DICOM age)');
    expect(ageText(readingDetail(parseDicomAge('018M')!), 547, 'exam')).toBe('18 mo at the exam (DICOM age)');
    expect(ageText(readingDetail(parseDicomAge('003W')!), 21, 'exam')).toBe('3 wk at the exam (DICOM age)');
    expect(ageText(readingDetail(parseDicomAge('010D')!), 10, 'exam')).toBe('10 d at the exam (DICOM age)');
  });

  it('shows an age the page printed as read, part for part', () => {
    const shown = (text: string) => readingDetail(parseAgeText(text)!);
    expect(ageText(shown('4 yrs, 1 mth'), 1491, 'today')).toBe('4 y 1 mo today (as the page shows it)');
    expect(ageText(shown('45 d/o'), 45, 'today')).toBe('45 d today (as the page shows it)');
    expect(ageText(shown('4 wks, 1 day'), 29, 'today')).toBe('4 wk 1 d today (as the page shows it)');
    expect(ageText(shown('26 hr'), 1, 'today')).toBe('26 h today (as the page shows it)');
    expect(ageText(shown('0 min'), 0, 'today')).toBe('0 min today (as the page shows it)');
    expect(ageText(shown('1.5 years'), 547, 'today')).toBe('1.5 y today (as the page shows it)');
  });

  it('says what the age is relative to', () => {
    const age = calendar([2021, 3, 10], [2022, 3, 13]);
    expect(ageText(age, 368, 'order')).toBe('12 mo 3 d at the order date');
    expect(ageText(age, 368, 'today')).toBe('12 mo 3 d today (the page shows no exam date)');
  });

  it('without a detail (an analysis not made by decide) shows the exact days, and nothing for nonsense', () => {
    expect(ageText(undefined, 2288, 'exam')).toBe('2288 d at the exam');
    expect(ageText(null, -1, 'exam')).toBeNull();
    expect(ageText(null, Number.NaN, 'exam')).toBeNull();
  });

  it('speaks Spanish', () => {
    setTestLocale('es');
    expect(ageText(calendar([2020, 8, 15], [2026, 11, 20]), 2288, 'exam', 'es')).toBe('6 a 3 m en el estudio');
    expect(ageText(readingDetail(parseDicomAge('006Y')!), 2191, 'exam', 'es')).toBe('6 a en el estudio (edad DICOM)');
    expect(ageText(readingDetail(parseAgeText('1.5 years')!), 547, 'today', 'es')).toBe('1,5 a hoy (según la página)');
    expect(ageText(calendar([2020, 1, 1], [2020, 2, 15]), 45, 'exam', 'es')).toBe('1 m 14 d en el estudio');
  });

  it('reads the dates through decide: the page\'s dates become the printed age, for the open exam and each list row', () => {
    const fact = (kind: Fact['kind'], text: string): Fact => ({ kind, text, where: 'test' });
    const a = decide({
      profileId: 'generic',
      primary: [fact('birthDate', '2020-01-31'), fact('examDate', '2020-02-29'), fact('modality', 'CT'), fact('procedure', 'CT HEAD')],
      rows: [
        [fact('birthDate', '2019-02-28'), fact('examDate', '2024-02-29'), fact('modality', 'CT')],
        [fact('patientAge', '006Y'), fact('modality', 'CR')],
        [fact('ageText', '4 yrs, 1 mth'), fact('modality', 'CT')],
      ],
      dateOrder: null,
      notes: [],
    });
    const v = view(a);
    expect(v.ageText).toBe('29 d at the exam');
    expect(v.list!.records.map((r) => r.ageText)).toEqual([
      '5 y at the exam',
      '6 y at the exam (DICOM age)',
      '4 y 1 mo today (as the page shows it)',
    ]);
  });
});

describe('buildPanelView', () => {
  it('describes the child and the exam, never a name or an id', () => {
    const v = view(childCtAnalysis());
    expect(v.mode).toBe('exam');
    expect(v.pillText).toBe('Child · CT');
    expect(v.ageText).toBe('6 y 3 mo at the exam');
    expect(v.examText).toBe('CT · CT ABDOMEN PELVIS W CONTRAST');
    expect(v.canDismiss).toBe(true);
    const visible = JSON.stringify({ ...v, evidence: [] });
    expect(visible).not.toContain('TEST^PEDS');
    expect(visible).not.toContain('1.2.826');
    expect(visible).not.toContain('2020');
  });

  it('keeps the evidence as it was read, behind "why am I seeing this"', () => {
    const v = view(childCtAnalysis());
    expect(v.evidence[0]).toEqual({
      kind: 'birthDate',
      text: 'Saturday, August 15, 2020',
      where: 'Orthanc Explorer · Patient · PatientBirthDate',
      conflict: false,
      note: null,
    });
  });

  it('never shows identifiers, not even as evidence', () => {
    const a = childCtAnalysis();
    a.evidence.push({ kind: 'examKey', text: '1.2.826.0.1.3680043.8.498.1', where: 'Study · StudyInstanceUID' });
    a.evidence.push({ kind: 'patientName', text: 'TEST^PEDS^SIX', where: 'Patient' });
    const text = JSON.stringify(view(a));
    expect(text).not.toContain('1.2.826');
    expect(text).not.toContain('TEST^PEDS');
  });

  it('notes when sources disagree', () => {
    const a = childCtAnalysis();
    a.evidence.push({ kind: 'age', text: '005Y', where: 'Instance · PatientAge', conflict: true });
    expect(view(a).notes).toContain('Sources on this page disagree; see “Why am I seeing this?”.');
  });

  it('is quiet for MR', () => {
    const v = view(analysisOf({ pediatric: true, ageDays: 900, ageBasis: 'exam', modality: 'MR', modalities: ['MR'], examDescription: 'MRI BRAIN' }));
    expect(v.mode).toBe('quiet');
    expect(v.pillText).toBe('Child · MR · no ionizing radiation');
    expect(v.notes[0]).toMatch(/No ionizing radiation/);
    expect(v.numbers).toEqual([]);
  });

  it(`lists at most ${LIST_ROWS_SHOWN} rows of a list page, counts the rest, and gives no single age`, () => {
    const records = Array.from({ length: LIST_ROWS_SHOWN + 3 }, (_, i) =>
      recordOf({
        pediatric: true,
        ageDays: 365 * (i + 2),
        ageBasis: 'exam',
        ageDetail: { source: 'calendar', years: i + 2, months: 0, days: 0 },
        modality: 'CT',
        campaign: 'ct',
        campaigns: ['ct'],
        description: `CT HEAD ${i}`,
      }),
    );
    const v = view(analysisOf({ records }));
    expect(v.mode).toBe('list');
    expect(v.pillText).toBe(`${LIST_ROWS_SHOWN + 3} pediatric exams`);
    expect(v.ageText).toBeNull();
    expect(v.list!.summary).toBe(`${LIST_ROWS_SHOWN + 3} pediatric exams in this list`);
    expect(v.list!.records).toHaveLength(LIST_ROWS_SHOWN);
    expect(v.list!.records[0]).toEqual({ description: 'CT HEAD 0', ageText: '2 y at the exam', modality: 'CT' });
    expect(v.list!.more).toBe('and 3 more');
    expect(v.canDismiss).toBe(false);
  });

  it('says "1 pediatric exam in this list" for one', () => {
    const v = view(analysisOf({ records: [recordOf({ pediatric: true, ageDays: 30, modality: 'CR', campaign: 'radiography', campaigns: ['radiography'] })] }));
    expect(v.list!.summary).toBe('1 pediatric exam in this list');
    expect(v.list!.records[0]!.description).toBe('CR');
  });

  it('shows a patient page with the open chart and its study list together', () => {
    const a = childCtAnalysis({
      records: [
        recordOf({
          pediatric: true,
          ageDays: 2288,
          ageBasis: 'exam',
          ageDetail: { source: 'calendar', years: 6, months: 3, days: 5 },
          modality: 'CT',
          campaign: 'ct',
          campaigns: ['ct'],
          description: 'CT ABDOMEN PELVIS W CONTRAST',
        }),
      ],
    });
    const v = view(a);
    expect(v.mode).toBe('exam');
    expect(v.list!.records[0]!.ageText).toBe('6 y 3 mo at the exam');
  });

  it('speaks Spanish (TC for CT)', () => {
    setTestLocale('es');
    const v = view(childCtAnalysis(), 'es');
    expect(v.pillText).toBe('Pediátrico · TC');
    expect(v.examText).toBe('TC · CT ABDOMEN PELVIS W CONTRAST');
  });
});

describe('age-based SSDE estimate', () => {
  // A 6-year-old (2192 days = 6.0 y): AAPM 204 Table 3 gives Deff 19.0 cm; Table 1D f(19 cm, 32 cm) = 1.84,
  // Table 2D f(19 cm, 16 cm) = 0.90. CTDIvol 10 mGy → 18.4 mGy and 9.0 mGy.
  const sixYearOld = (over: Partial<PageAnalysis> = {}) =>
    childCtAnalysis({ ageDays: 2192, ctdi: { ctdiVolMGy: 10, phantomCm: 32, source: 'page text' }, ...over });

  it('gives the Table 3 → Table 1D estimate for body CT with the 32 cm phantom, labelled as an estimate', () => {
    const [n] = view(sixYearOld()).numbers;
    expect(n).toMatchObject({ id: 'ssde-age', label: 'SSDE from age', value: '18.4 mGy', estimate: true });
    expect(n!.source).toMatch(/Table 3/);
    expect(n!.source).toMatch(/1D/);
    expect(n!.detail).toContain('CTDIvol 10.00 mGy (page text) × f 1.84');
    expect(n!.detail).toContain('effective diameter 19.0 cm from age');
  });

  it('uses Table 2D with the 16 cm phantom', () => {
    const [n] = view(sixYearOld({ ctdi: { ctdiVolMGy: 10, phantomCm: 16, source: 'page text' } })).numbers;
    expect(n!.value).toBe('9.0 mGy');
    expect(n!.source).toMatch(/2D/);
  });

  it('formats numbers for the language', () => {
    setTestLocale('es');
    const [n] = view(sixYearOld(), 'es').numbers;
    expect(n!.value).toBe('18,4 mGy');
  });

  it('adds the chest caveat for a chest CT', () => {
    const [n] = view(sixYearOld({ region: 'chest' })).numbers;
    expect(n!.detail).toMatch(/errors under 20%/);
  });

  it.each([
    ['the phantom is unknown', { ctdi: { ctdiVolMGy: 10, phantomCm: null, source: 'page text' } }],
    ['no CTDIvol is shown', { ctdi: null }],
    ['the exam is a head CT', { region: 'head' as const }],
    ['the region is unknown', { region: null }],
    ['the exam is not CT', { modality: 'CR' as const, modalities: ['CR' as const], campaign: 'radiography' as const, campaigns: ['radiography' as const] }],
  ])('gives no number when %s', (_why, over) => {
    expect(view(sixYearOld(over as Partial<PageAnalysis>)).numbers).toEqual([]);
  });

  it('says why when the age is outside the table', () => {
    const v = view(sixYearOld({ ageDays: 365.25 * 18.5 }));
    expect(v.numbers).toEqual([]);
    expect(v.notes.join(' ')).toMatch(/No SSDE/);
  });
});

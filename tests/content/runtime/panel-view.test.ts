import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PageAnalysis } from '@/content/types';
import { decidePanel } from '@/content/runtime/decide';
import { ageParts, ageText, buildPanelView, formatAge, LIST_ROWS_SHOWN } from '@/content/runtime/panel-view';
import { setTestLocale } from '../../setup/i18n-shim';
import { analysisOf, childCtAnalysis, recordOf } from '../../helpers/analysis-factory';

function view(a: PageAnalysis, locale = 'en') {
  const decision = decidePanel(a, { disabledCampaigns: [] });
  if (!decision.show) throw new Error(`expected a panel, got ${decision.reason}`);
  return buildPanelView({ analysis: a, decision, locale, disabledCampaigns: [], referenceTables: [], canDismiss: true });
}

describe('ages for people', () => {
  it('shows the e2e child (born 2020-08-15, exam 2026-11-20, 2288 days) as 6 years 3 months at the exam', () => {
    expect(ageText(2288, 'exam')).toBe('6 years 3 months at the exam');
  });

  it.each([
    [0, '0 days'],
    [1, '1 day'],
    [27, '27 days'],
    [45, '1 month'], // 45 d/o
    [400, '13 months'],
    [800, '2 years 2 months'], // 2 y 2 m 9 d
    [1096, '3 years'], // 2017-01-01 → 2020-01-01
    [6209, '17 years'], // 2000-01-01 → 2017-01-01
  ])('%i days → %s', (days, text) => {
    expect(formatAge(days)).toBe(text);
  });

  it('says what the age is relative to', () => {
    expect(ageText(400, 'order')).toBe('13 months at the order date');
    expect(ageText(400, 'today')).toBe('13 months today (the page shows no exam date)');
  });

  it('counts years like the calendar: never late, at most one day early (births 1990–2026, ages 0–19 y)', () => {
    const DAY = 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36 * 366 }), fc.integer({ min: 0, max: 19 * 366 }), (birthOffset, ageDays) => {
        const birth = new Date(Date.UTC(1990, 0, 1) + birthOffset * DAY);
        const exam = new Date(birth.getTime() + ageDays * DAY);
        const yearsOn = (d: Date) => {
          let y = d.getUTCFullYear() - birth.getUTCFullYear();
          const beforeBirthday =
            d.getUTCMonth() < birth.getUTCMonth() ||
            (d.getUTCMonth() === birth.getUTCMonth() && d.getUTCDate() < birth.getUTCDate());
          if (beforeBirthday) y--;
          return y;
        };
        const shown = ageParts(ageDays)!.years;
        const truth = yearsOn(exam);
        const tomorrow = yearsOn(new Date(exam.getTime() + DAY));
        expect([truth, tomorrow]).toContain(shown);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives no age for nonsense', () => {
    expect(formatAge(-1)).toBeNull();
    expect(formatAge(Number.NaN)).toBeNull();
  });

  it('speaks Spanish', () => {
    setTestLocale('es');
    expect(ageText(2288, 'exam')).toBe('6 años y 3 meses en el estudio');
    expect(formatAge(1)).toBe('1 día');
  });
});

describe('buildPanelView', () => {
  it('describes the child and the exam, never a name or an id', () => {
    const v = view(childCtAnalysis());
    expect(v.mode).toBe('exam');
    expect(v.pillText).toBe('Child · CT');
    expect(v.ageText).toBe('6 years 3 months at the exam');
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
      recordOf({ pediatric: true, ageDays: 365 * (i + 2), ageBasis: 'exam', modality: 'CT', campaign: 'ct', campaigns: ['ct'], description: `CT HEAD ${i}` }),
    );
    const v = view(analysisOf({ records }));
    expect(v.mode).toBe('list');
    expect(v.pillText).toBe(`${LIST_ROWS_SHOWN + 3} pediatric exams`);
    expect(v.ageText).toBeNull();
    expect(v.list!.summary).toBe(`${LIST_ROWS_SHOWN + 3} pediatric exams in this list`);
    expect(v.list!.records).toHaveLength(LIST_ROWS_SHOWN);
    expect(v.list!.records[0]).toEqual({ description: 'CT HEAD 0', ageText: '2 years at the exam', modality: 'CT' });
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
      records: [recordOf({ pediatric: true, ageDays: 2288, ageBasis: 'exam', modality: 'CT', campaign: 'ct', campaigns: ['ct'], description: 'CT ABDOMEN PELVIS W CONTRAST' })],
    });
    const v = view(a);
    expect(v.mode).toBe('exam');
    expect(v.list!.records[0]!.ageText).toBe('6 years 3 months at the exam');
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

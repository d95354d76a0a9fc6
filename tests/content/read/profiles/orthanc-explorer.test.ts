/**
 * Orthanc Explorer, on pages captured from the real Orthanc Explorer (capture-orthanc-explorer.mjs).
 * Child: born 2020-08-15, CT 2026-11-20 → 2288 days. Adult: born 1985-03-02, CT 2026-11-21 →
 * 41 years to 2026-03-02 (41·365 + 10 leap days = 14975) + 264 days = 15239 days.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../../content/read/analyze';
import { loadFixture } from '../../../helpers/pages';

const NOW = new Date('2026-11-26T12:00:00Z');
const run = (file: string) => {
  const p = loadFixture('orthanc-explorer', file);
  return analyzePage(p.doc, p.url, { now: NOW });
};
const CHILD_DAYS = 2288;
const ADULT_DAYS = 15239;

describe('child', () => {
  test.each(['child-study.html', 'child-series.html', 'child-instance.html'])('%s: CT, 2288 days at the exam', (file) => {
    const a = run(file);
    expect(a.profileId).toBe('orthanc-explorer');
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(CHILD_DAYS);
    expect(a.ageBasis).toBe('exam');
    expect(a.modality).toBe('CT');
    expect(a.campaign).toBe('ct');
    expect(a.campaigns).toEqual(['ct']);
    expect(a.region).toBe('abdomen-pelvis');
    expect(a.phases).toBe(1);
    expect(a.examDescription).toBe('CT ABDOMEN PELVIS W CONTRAST');
    expect(a.examKey).toBe('2.25.91822040815.1.1');
    expect(a.records).toEqual([]);
    expect(a.ageConflict).toBe(false);
  });

  test('instance page: PatientAge, weight and CTDIvol from the tag tree', () => {
    const a = run('child-instance.html');
    expect(a.weight).toEqual({ value: 20, unit: 'kg', kg: 20, date: null });
    expect(a.ctdi).toMatchObject({ ctdiVolMGy: 5.2, phantomCm: null });
    expect(a.ctdi!.source).toContain('0018,9345');
    const dicomAge = a.evidence.find((e) => e.kind === 'age' && e.text === '006Y');
    expect(dicomAge).toBeDefined();
    expect(dicomAge!.conflict).toBeUndefined();
  });

  test('patient page: the open chart is a child today; its study listed with its own age at the exam', () => {
    const a = run('child-patient.html');
    expect(a.pediatric).toBe(true);
    expect(a.ageBasis).toBe('today');
    expect(a.ageDays).toBe(CHILD_DAYS + 6); // 2026-11-26 is 6 days after the exam
    // 2020-08-15 → 2026-11-15 is 6 years 3 months; then 11 days to 2026-11-26
    expect(a.ageDetail).toEqual({ source: 'calendar', years: 6, months: 3, days: 11 });
    expect(a.modality).toBeNull();
    expect(a.campaign).toBeNull();
    expect(a.records).toEqual([
      {
        ageDays: CHILD_DAYS,
        ageBasis: 'exam',
        ageDetail: { source: 'calendar', years: 6, months: 3, days: 5 }, // … and 5 days to the exam on 2026-11-20
        pediatric: true,
        modality: 'CT',
        campaign: 'ct',
        campaigns: ['ct'],
        description: 'CT ABDOMEN PELVIS W CONTRAST',
      },
    ]);
  });
});

describe('adult', () => {
  test.each(['adult-study.html', 'adult-series.html', 'adult-instance.html'])('%s: not pediatric, campaign still named', (file) => {
    const a = run(file);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBe(ADULT_DAYS);
    expect(a.ageBasis).toBe('exam');
    expect(a.campaign).toBe('ct');
    expect(a.region).toBe('head');
    expect(a.minorHeadInjury).toBe(false);
    expect(a.examDescription).toBe('CT HEAD W/O CONTRAST');
  });
  test('adult patient page', () => {
    const a = run('adult-patient.html');
    expect(a.pediatric).toBe(false);
    expect(a.records).toHaveLength(1);
    expect(a.records[0]).toMatchObject({ ageDays: ADULT_DAYS, pediatric: false, campaign: null }); // an adult's row: exam not worked out
  });
  test('pediatric protocol wording never makes an adult with a known age pediatric', () => {
    // Both studies carry a protocol; only the child's says PEDS — and age wins anyway.
    expect(run('adult-series.html').evidence.some((e) => e.kind === 'pediatric-protocol')).toBe(false);
  });
});

test('patient list: no record, no patient', () => {
  const a = run('find-patients.html');
  expect(a.profileId).toBe('orthanc-explorer');
  expect(a.pediatric).toBe(false);
  expect(a.ageDays).toBeNull();
  expect(a.records).toEqual([]);
});

describe('one patient at a time: one document, hash navigation, earlier pages kept hidden', () => {
  // Captured in this order in ONE page: adult study → child study → adult series → child patient.
  const CHILD_BIRTH = 'Saturday, August 15, 2020';
  const ADULT_BIRTH = 'Saturday, March 2, 1985';
  const texts = (file: string) => run(file).evidence.map((e) => `${e.text} ${e.note ?? ''}`).join('\n');

  test('the captured documents really hold both patients', () => {
    const html = loadFixture('orthanc-explorer', 'nav-3-adult-series.html').html;
    expect(html).toContain(CHILD_BIRTH);
    expect(html).toContain(ADULT_BIRTH);
  });
  test('1 adult study', () => {
    const a = run('nav-1-adult-study.html');
    expect([a.pediatric, a.ageDays, a.examDescription]).toEqual([false, ADULT_DAYS, 'CT HEAD W/O CONTRAST']);
  });
  test('2 child study (the adult study page is replaced)', () => {
    const a = run('nav-2-child-study.html');
    expect([a.pediatric, a.ageDays, a.examDescription]).toEqual([true, CHILD_DAYS, 'CT ABDOMEN PELVIS W CONTRAST']);
    expect(texts('nav-2-child-study.html')).not.toContain(ADULT_BIRTH);
  });
  test('3 adult series while the child study page stays hidden', () => {
    const a = run('nav-3-adult-series.html');
    expect([a.pediatric, a.ageDays, a.examDescription, a.modality]).toEqual([false, ADULT_DAYS, 'CT HEAD W/O CONTRAST', 'CT']);
    expect(a.ageConflict).toBe(false);
    const t = texts('nav-3-adult-series.html');
    expect(t).not.toContain(CHILD_BIRTH);
    expect(t).not.toContain('PEDS');
  });
  test('4 child patient while the adult series page stays hidden', () => {
    const a = run('nav-4-child-patient.html');
    expect(a.pediatric).toBe(true);
    expect(a.records.map((r) => r.description)).toEqual(['CT ABDOMEN PELVIS W CONTRAST']);
    expect(texts('nav-4-child-patient.html')).not.toContain(ADULT_BIRTH);
  });
});

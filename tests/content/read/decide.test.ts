/**
 * `decide`: the age precedence and the merge of page facts with API facts (what content/pacs/ feeds in).
 * Expected ages are computed by hand in comments.
 */
import { describe, expect, test } from 'vitest';
import { decide } from '../../../content/read/decide';
import type { Fact, PageFindings } from '../../../content/read/types';

const NOW = new Date('2026-11-26T12:00:00Z');
const f = (kind: Fact['kind'], text: string, extra: Partial<Fact> = {}): Fact => ({ kind, text, where: `test · ${kind}`, ...extra });
const page = (primary: Fact[] | null, rows: Fact[][] = [], dateOrder: PageFindings['dateOrder'] = null): PageFindings => ({
  profileId: 'test',
  primary,
  rows,
  dateOrder,
  notes: [],
});
const run = (primary: Fact[] | null, opts: Parameters<typeof decide>[1] = {}, rows: Fact[][] = []) =>
  decide(page(primary, rows), { now: NOW, ...opts });

describe('age precedence', () => {
  test('1. birth date + exam date → age at the exam, in days', () => {
    const a = run([f('birthDate', '20200815'), f('examDate', '20261120'), f('modality', 'CT')]);
    expect([a.ageDays, a.ageBasis, a.pediatric]).toEqual([2288, 'exam', true]);
  });
  test('2. birth date + order date → age at the order', () => {
    // 2020-08-15 → 2026-09-01: 2191 + 16 (rest of August) + 1 = 2208
    const a = run([f('birthDate', '2020-08-15'), f('orderDate', '2026-09-01'), f('procedure', 'XR CHEST')]);
    expect([a.ageDays, a.ageBasis]).toEqual([2208, 'order']);
  });
  test('3. DICOM AS alone → age at the study, lower bound', () => {
    const a = run([f('patientAge', '017Y'), f('modality', 'CT')]);
    expect([a.ageDays, a.ageBasis, a.pediatric]).toEqual([6209, 'exam', true]);
    expect(run([f('patientAge', '018Y')]).pediatric).toBe(false);
  });
  test('4. birth date + today when no exam or order date is shown', () => {
    // 2020-08-15 → 2026-11-26 = 2288 + 6
    const a = run([f('birthDate', 'Saturday, August 15, 2020')]);
    expect([a.ageDays, a.ageBasis]).toEqual([2294, 'today']);
  });
  test('5. the age a banner shows → today', () => {
    const a = run([f('ageText', '4 yrs, 1 mth')]);
    expect([a.ageDays, a.ageBasis, a.pediatric]).toEqual([1491, 'today', true]);
  });
  test('dates win over the AS; the AS agreeing is noted without conflict', () => {
    const a = run([f('birthDate', '20200815'), f('examDate', '20261120'), f('patientAge', '006Y')]);
    expect(a.ageDays).toBe(2288);
    expect(a.ageConflict).toBe(false);
    expect(a.evidence.find((e) => e.text === '006Y')?.conflict).toBeUndefined();
  });
  test('an AS that disagrees is flagged, and the dates still decide', () => {
    const a = run([f('birthDate', '20200815'), f('examDate', '20261120'), f('patientAge', '019Y')]);
    expect([a.ageDays, a.pediatric, a.ageConflict]).toEqual([2288, true, true]);
    expect(a.evidence.find((e) => e.text === '019Y')?.conflict).toBe(true);
  });
  test('a banner age that disagrees with the birth date is flagged', () => {
    const a = run([f('birthDate', '2020-08-15'), f('ageText', '9 yrs')]);
    expect([a.ageDays, a.ageConflict]).toEqual([2294, true]);
    const ok = run([f('birthDate', '2020-08-15'), f('ageText', '6 yrs, 3 mths')]);
    expect(ok.ageConflict).toBe(false);
  });
  test('two different birth dates: the first is used, the second flagged', () => {
    const a = run([f('birthDate', '20200815'), f('birthDate', '20190815'), f('examDate', '20261120')]);
    expect([a.ageDays, a.ageConflict]).toEqual([2288, true]);
  });
  test('an exam date before the birth date is not used', () => {
    const a = run([f('birthDate', '20261120'), f('examDate', '20200815'), f('modality', 'CT')]);
    expect(a.ageBasis).not.toBe('exam');
  });
});

describe('cutoff', () => {
  // 2008-11-21 → 2026-11-20: 17 years 11 months 30 days; → 2026-11-21: 18 years exactly
  test('the day before the 18th birthday is pediatric; the birthday is not', () => {
    expect(run([f('birthDate', '20081121'), f('examDate', '20261120')]).pediatric).toBe(true);
    expect(run([f('birthDate', '20081121'), f('examDate', '20261121')]).pediatric).toBe(false);
  });
  test('a site cutoff of 21 years', () => {
    expect(run([f('birthDate', '20061121'), f('examDate', '20261120')], { pediatricCutoffYears: 21 }).pediatric).toBe(true);
    expect(run([f('birthDate', '20061121'), f('examDate', '20261120')]).pediatric).toBe(false);
  });
  test.each([Number.NaN, -1, 0, 99])('an out-of-range cutoff (%s) falls back to 18 and says so', (cutoff) => {
    const a = run([f('patientAge', '017Y')], { pediatricCutoffYears: cutoff });
    expect(a.pediatric).toBe(true);
    expect(a.evidence.some((e) => e.kind === 'settings' && e.note?.includes('outside range'))).toBe(true);
  });
});

describe('dates are never guessed', () => {
  const facts = [f('birthDate', '03/04/2020'), f('examDate', '11/20/2026'), f('modality', 'CT')];
  test('ambiguous birth date without a site order → no dated age, and the evidence says why', () => {
    const a = run(facts);
    expect(a.ageDays).toBeNull();
    expect(a.pediatric).toBe(false);
    expect(a.evidence.some((e) => e.kind === 'birthDate' && e.note?.includes('day/month order unknown'))).toBe(true);
  });
  test('the per-site setting resolves it; it wins over the profile order', () => {
    // MDY: 2020-03-04 → 2026-11-20; DMY: 2020-04-03 → 2026-11-20 (30 days fewer: March has 31, minus 1)
    const mdy = run(facts, { dateOrder: 'MDY' }).ageDays!;
    const dmy = decide({ ...page(facts), dateOrder: 'MDY' }, { now: NOW, dateOrder: 'DMY' }).ageDays!;
    expect(mdy - dmy).toBe(30);
    expect(decide(page(facts, [], 'MDY'), { now: NOW }).ageDays).toBe(mdy);
  });
});

describe('pediatric protocol without an age', () => {
  test('"PEDS" on the order with no age anywhere → pediatric', () => {
    const a = run([f('procedure', 'CT HEAD W/O CONTRAST PEDS')]);
    expect([a.pediatric, a.ageDays]).toEqual([true, null]);
    expect(a.evidence.some((e) => e.kind === 'pediatric-protocol')).toBe(true);
  });
  test('no procedure wording and no age → not pediatric', () => {
    expect(run([f('procedure', 'CT HEAD W/O CONTRAST')]).pediatric).toBe(false);
  });
});

describe('exam facts', () => {
  test('modality codes win over words; campaigns combine', () => {
    const a = run([f('modality', 'PT\\CT'), f('procedure', 'WHOLE BODY')]);
    expect([a.modality, a.modalities, a.campaign, a.campaigns]).toEqual(['PT', ['PT', 'CT'], 'nuclear-medicine', ['nuclear-medicine', 'ct']]);
  });
  test('words fill in without a code', () => {
    const a = run([f('procedure', 'VCUG')]);
    expect([a.modality, a.campaign]).toEqual(['RF', 'fluoroscopy']);
  });
  test('MR: no campaign', () => {
    expect(run([f('modality', 'MR'), f('procedure', 'MRI BRAIN')]).campaign).toBeNull();
  });
  test('Think A-Head: trauma wording on a head CT', () => {
    const a = run([f('modality', 'CT'), f('procedure', 'CT HEAD W/O - fall from monkey bars')]);
    expect([a.region, a.minorHeadInjury]).toEqual(['head', true]);
    expect(run([f('modality', 'CT'), f('procedure', 'CT ABDOMEN - fall')]).minorHeadInjury).toBe(false);
  });
  test('multiphase wording', () => {
    expect(run([f('procedure', 'CT ABD/PELVIS W/O & W')]).phases).toBe(2);
  });
  test('weight with its date; a bare number without unit is kept but not converted', () => {
    const a = run([f('weight', '44 lb'), f('weightDate', '2026-11-19'), f('procedure', 'CT')]);
    expect(a.weight).toMatchObject({ value: 44, unit: 'lb', date: '2026-11-19' });
    expect(run([f('weight', '20')]).weight).toEqual({ value: 20, unit: null, kg: null, date: null });
  });
  test('no exam open → no modality or campaign, even with a patient', () => {
    const a = run([f('birthDate', '20200815')]);
    expect([a.modality, a.campaign, a.campaigns]).toEqual([null, null, []]);
  });
});

describe('merging API facts (what content/pacs/ does)', () => {
  test('API DICOM tags put first win over page text, and a disagreeing page value is flagged', () => {
    const pageFacts = [f('birthDate', 'Saturday, August 15, 2020'), f('examDate', 'Friday, November 20, 2026'), f('modality', 'CT')];
    const api = [
      f('patientAge', '006Y', { where: 'Orthanc REST · simplified-tags · PatientAge' }),
      f('weight', '20', { unit: 'kg', where: 'Orthanc REST · PatientWeight' }),
      f('ctdiVol', '5.2000000000000002', { where: 'image header (0018,9345)', phantomCm: 32 }),
      f('birthDate', '20200815', { where: 'Orthanc REST · PatientBirthDate' }),
    ];
    const a = decide(page([...api, ...pageFacts]), { now: NOW });
    expect([a.ageDays, a.ageConflict]).toEqual([2288, false]);
    expect(a.weight).toEqual({ value: 20, unit: 'kg', kg: 20, date: null });
    expect(a.ctdi).toEqual({ ctdiVolMGy: 5.2, phantomCm: 32, source: 'image header (0018,9345)' });
    const wrong = decide(page([f('birthDate', '20190815'), ...pageFacts]), { now: NOW });
    expect(wrong.ageConflict).toBe(true);
  });
});

describe('list rows', () => {
  test('each row has its own age at its own exam, and nothing is primary', () => {
    const rows = [
      [f('birthDate', '20200815'), f('examDate', '20261120'), f('modality', 'CT'), f('procedure', 'CT HEAD')],
      [f('birthDate', '19850302'), f('examDate', '20261121'), f('modality', 'MR'), f('procedure', 'MRI KNEE')],
      [f('examDate', '20261121'), f('procedure', 'PEDS CHEST XR')],
      [f('birthDate', '20250101'), f('examDate', '20261121'), f('procedure', 'Upper GI')],
    ];
    const a = run(null, {}, rows);
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBeNull();
    expect(a.records.map((r) => [r.pediatric, r.ageDays, r.modality, r.campaign])).toEqual([
      [true, 2288, 'CT', 'ct'],
      [false, 15239, null, null], // an adult's row: its exam is not worked out
      [true, null, 'DX', 'radiography'],
      // 2025-01-01 → 2026-11-21: 365 + 324 (Jan 1 → Nov 21 in 2026)
      [true, 689, 'RF', 'fluoroscopy'],
    ]);
  });
});

test('no findings → nothing pediatric', () => {
  const a = decide({ profileId: null, primary: null, rows: [], dateOrder: null, notes: [] });
  expect([a.pediatric, a.ageDays, a.campaign, a.records]).toEqual([false, null, null, []]);
});

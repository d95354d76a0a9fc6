/**
 * The other profiles on their saved pages. Ages are worked out by hand in the comments:
 *  child  2020-08-15 → 2026-11-20 = 2288 d;   adult 1985-03-02 → 2026-11-21 = 15239 d
 *  infant 2026-03-10 → 2026-11-18 = 21+30+31+30+31+31+30+31+18 = 253 d;  → 2026-11-21 = 256 d
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../../content/read/analyze';
import type { AnalyzeOptions } from '../../../../content/read/types';
import { loadFixture } from '../../../helpers/pages';

const NOW = new Date('2026-11-26T12:00:00Z');
const run = (profile: string, file: string, opts: AnalyzeOptions = {}) => {
  const p = loadFixture(profile, file);
  return analyzePage(p.doc, p.url, { now: NOW, ...opts });
};
const rec = (a: ReturnType<typeof run>) => a.records.map((r) => [r.pediatric, r.ageDays, r.modality, r.campaign]);
const evidenceText = (a: ReturnType<typeof run>) => a.evidence.map((e) => `${e.text} ${e.where}`).join('\n');

describe('Orthanc Explorer 2', () => {
  test('expanded study is the open record; every study row is a record', () => {
    const a = run('orthanc-explorer-2', 'study-list-expanded.html');
    expect([a.profileId, a.pediatric, a.ageDays, a.ageBasis, a.modality, a.campaign]).toEqual(['orthanc-explorer-2', true, 2288, 'exam', 'CT', 'ct']);
    expect(a.examKey).toBe('d1983cbb-814fdf4f-db498fe8-bc2ec139-8549cc40');
    expect(rec(a)).toEqual([
      [true, 2288, 'CT', 'ct'],
      [false, 15239, null, null], // an adult's row: its exam is not worked out
      [true, 253, 'RF', 'fluoroscopy'],
    ]);
  });
  test('no study open → no primary exam, records only', () => {
    const a = run('orthanc-explorer-2', 'study-list.html');
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([false, null, null]);
    expect(a.records.filter((r) => r.pediatric)).toHaveLength(2);
  });
});

describe('OHIF', () => {
  test('3.11 list: rows without age; only explicit PEDS wording makes a row pediatric', () => {
    const a = run('ohif', 'v3111-studylist.html');
    expect(a.pediatric).toBe(false);
    expect(rec(a)).toEqual([
      [false, null, 'CT', 'ct'],
      [false, null, 'CT', 'ct'],
      [true, null, 'CT', 'ct'],
      [false, null, 'MR', null],
    ]);
    expect(a.records[2]!.description).toBe('CT HEAD W/O CONTRAST PEDS');
  });
  test('3.13 list: columns mapped by header labels, no row ids', () => {
    const a = run('ohif', 'v3132-studylist.html');
    expect(rec(a)).toEqual([
      [false, null, 'CT', 'ct'],
      [false, null, 'CT', 'ct'],
      [true, null, 'CT', 'ct'],
      [false, null, 'DX', 'radiography'],
    ]);
  });
  test('3.13 viewer: DOB from the header box, exam from the overlay and the OPEN study item only', () => {
    const a = run('ohif', 'v3132-viewer-infant.html');
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality, a.modalities, a.campaign]).toEqual([true, 256, 'exam', 'CT', ['CT'], 'ct']);
    expect(a.examDescription).toBe('CT HEAD W/O CONTRAST PEDS');
    expect(a.examKey).toBe('2.25.91822040815.3.1');
    expect(evidenceText(a)).not.toContain('XR CHEST'); // the prior study stays mounted, closed
  });
  test('3.11 viewer, header collapsed: no age, so an adult exam without PEDS wording is not pediatric', () => {
    const a = run('ohif', 'v3111-viewer-adult.html');
    expect([a.pediatric, a.ageDays, a.modality, a.campaign, a.examDescription]).toEqual([false, null, 'CT', 'ct', 'CT HEAD W/O CONTRAST']);
    expect(a.evidence.some((e) => e.kind === 'examDate' && e.note === '2026-11-21')).toBe(true);
  });
});

describe('Stone Web Viewer', () => {
  test('active viewport only; no DOB on screen, PEDS protocol wording makes it pediatric', () => {
    const a = run('stone', 'viewer-child.html');
    expect([a.pediatric, a.ageDays, a.modality, a.modalities, a.examDescription]).toEqual([true, null, 'CT', ['CT'], 'CT HEAD W/O CONTRAST PEDS']);
    expect(evidenceText(a)).not.toContain('AXIAL HEAD 5MM'); // hidden viewport 2 holds another study
  });
  test('adult study', () => {
    const a = run('stone', 'viewer-adult.html');
    expect([a.pediatric, a.campaign, a.examKey]).toEqual([false, 'ct', '2.25.91822040815.2.1']);
  });
});

describe('dcm4chee-arc', () => {
  test('each study row with its own patient birth date', () => {
    const a = run('dcm4chee', 'study-list.html');
    // child → 2023-02-01: 730 + 16+30+31+30+31+31+1 = 900 d
    expect(rec(a)).toEqual([
      [true, 2288, 'CT', 'ct'],
      [true, 900, 'RF', 'fluoroscopy'],
      [false, 15239, null, null],
    ]);
    expect(a.pediatric).toBe(false);
  });
});

describe('OpenEMR: the top frame joins its banner with the order in a same-origin tab frame', () => {
  const withOrderFrame = (main: string) => {
    const top = loadFixture('openemr', main);
    const frame = loadFixture('openemr', 'order-frame.html');
    const iframe = top.doc.querySelector('iframe[name="enc"]')!;
    // What a browser gives the top frame for a same-origin iframe (happy-dom does not load frames).
    Object.defineProperty(iframe, 'contentDocument', { value: frame.doc });
    const hidden = top.doc.querySelector('iframe[name="pat"]')!;
    Object.defineProperty(hidden, 'contentDocument', { value: loadFixture('openemr', 'order-frame.html').doc });
    return top;
  };
  test('child: banner DOB + order date → age at the order', () => {
    const top = withOrderFrame('main-child.html');
    const a = analyzePage(top.doc, top.url, { now: NOW });
    expect([a.profileId, a.pediatric, a.ageDays, a.ageBasis, a.modality, a.campaign, a.phases, a.region]).toEqual([
      'openemr', true, 2288, 'order', 'CT', 'ct', 2, 'abdomen-pelvis',
    ]);
    expect(a.ageConflict).toBe(false); // "Age: 6" agrees with the DOB
    expect(a.evidence.some((e) => e.where.includes('tab "enc"'))).toBe(true);
  });
  test('adult: a DOB valid both ways is not guessed; the site setting resolves it', () => {
    const top = withOrderFrame('main-adult.html');
    const unknown = analyzePage(top.doc, top.url, { now: NOW });
    expect([unknown.pediatric, unknown.ageBasis]).toEqual([false, 'today']); // from "Age: 41"
    const mdy = analyzePage(top.doc, top.url, { now: NOW, dateOrder: 'MDY' });
    // 1985-03-02 → 2026-11-20 = 15239 − 1
    expect([mdy.pediatric, mdy.ageDays, mdy.ageBasis]).toEqual([false, 15238, 'order']);
  });
  test('without the frame the banner alone gives the age today and no exam', () => {
    const top = loadFixture('openemr', 'main-child.html');
    const a = analyzePage(top.doc, top.url, { now: NOW });
    expect([a.pediatric, a.ageBasis, a.modality]).toEqual([true, 'today', null]);
  });
  test('a child frame defers to the top frame', () => {
    const frame = loadFixture('openemr', 'order-frame.html');
    Object.defineProperty(frame.doc, 'defaultView', { value: { top: {} } });
    const a = analyzePage(frame.doc, frame.url, { now: NOW });
    expect([a.profileId, a.pediatric, a.modality, a.examDescription]).toEqual(['openemr', false, null, null]);
    expect(a.evidence.some((e) => e.note === 'deferred to the top frame')).toBe(true);
  });
  test('the order page opened on its own: the order, no age', () => {
    const a = run('openemr', 'order-frame.html');
    expect([a.pediatric, a.ageDays, a.modality, a.phases]).toEqual([false, null, 'CT', 2]);
  });
  test('login page: nothing', () => {
    const a = run('openemr', 'login.html');
    expect([a.profileId, a.pediatric, a.records]).toEqual(['openemr', false, []]);
  });
});

describe('OpenMRS O3', () => {
  test('chart banner + orders list; the search overlay banner of another patient is ignored', () => {
    const a = run('openmrs-o3', 'chart-orders-child.html');
    // The active radiology order is the exam (the generic reader completes the profile): its order date is the
    // reference. 2022-08-15 → 2026-11-20 = 1461 + 97 = 1558 d.
    expect([a.pediatric, a.ageDays, a.ageBasis, a.ageConflict]).toEqual([true, 1558, 'order', false]);
    expect([a.modality, a.campaigns]).toEqual(['CT', ['ct']]);
    expect(rec(a)).toEqual([
      [true, 1558, 'CT', 'ct'],
      [true, 1557, 'DX', 'radiography'],
      [true, 1556, null, null],
    ]);
    expect(evidenceText(a)).not.toContain('02-Mar-1985');
  });
  test('adult imaging page', () => {
    const a = run('openmrs-o3', 'chart-imaging-adult.html');
    expect([a.pediatric, ...rec(a)]).toEqual([false, [false, 15239, null, null]]);
  });
});

describe('generic', () => {
  test('order entry: dl banner + labelled select and input; the sidebar patient is not read', () => {
    const a = run('generic', 'order-entry.html');
    // 2019-05-30 → 2026-11-20: 7 y (2555 + 2 leap days) + 1+30+31+31+30+31+20 = 2731 d
    expect([a.profileId, a.pediatric, a.ageDays, a.ageBasis, a.modality, a.region, a.ageConflict]).toEqual([
      'generic', true, 2731, 'order', 'CT', 'abdomen-pelvis', false,
    ]);
    expect(a.weight).toMatchObject({ value: 22.4, unit: 'kg', kg: 22.4 });
    expect(evidenceText(a)).not.toContain('1970');
  });
  test('worklist: one record per row, own age at own exam', () => {
    const a = run('generic', 'worklist.html');
    // row 3: 2008-11-21 → 2026-11-21 is exactly 18 y (not pediatric); row 4: 2016-10-01 → 2026-11-22 = 3652 + 52
    expect(rec(a)).toEqual([
      [true, 2288, 'CT', 'ct'],
      [false, 15239, null, null], // an adult's row: its exam is not worked out
      [true, 256, 'RF', 'fluoroscopy'],
      [false, 6574, null, null],
      [true, 3704, 'MR', null],
    ]);
    expect([a.pediatric, a.modality]).toEqual([false, null]);
  });
  test('EHR banner with a DOB that reads both ways: the order date 11/20/2026 on the same page shows M/D', () => {
    const a = run('generic', 'ehr-banner.html');
    // 2019-03-04 → 2026-11-20 (the scheduled CT's order date): 2557 + 27+30+31+30+31+31+30+31+20 = 2818
    expect([a.pediatric, a.ageBasis, a.ageDays, a.modality]).toEqual([true, 'order', 2818, 'CT']);
    expect(a.weight).toMatchObject({ value: 48, unit: 'lb' });
    expect(a.records[0]).toMatchObject({ ageDays: 2818, ageBasis: 'order', pediatric: true, campaign: 'ct' });
    // The page's own order wins over the per-site setting.
    expect(run('generic', 'ehr-banner.html', { dateOrder: 'DMY' }).ageDays).toBe(2818);
    expect(a.ageConflict).toBe(false);
  });
  test('malformed markup: no crash, nothing pediatric', () => {
    const a = run('generic', 'malformed.html');
    expect(a.pediatric).toBe(false);
  });
});

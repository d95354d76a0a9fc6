import { describe, expect, it } from 'vitest';
import { ssde } from '../../../../clinical/ssde';
import type { PhantomReading } from '../../../../content/pacs/phantom';
import type { RdsrIrradiationEvent, RdsrReading } from '../../../../content/pacs/rdsr';
import { studyDose, type HeaderDose, type StudyDoseInputs } from '../../../../content/pacs/history/study-dose';

const BODY: PhantomReading = { kind: 'known', cm: 32, code: { value: '113691', scheme: 'DCM', meaning: '' } };
const HEAD: PhantomReading = { kind: 'known', cm: 16, code: { value: '113690', scheme: 'DCM', meaning: '' } };
const ev = (over: Partial<RdsrIrradiationEvent> = {}): RdsrIrradiationEvent => ({
  eventUid: null,
  localizer: false,
  ctdiVolMGy: 5,
  phantom: BODY,
  targetRegion: null,
  protocol: null,
  scannerSsde: null,
  dlpMGyCm: 12.5,
  ...over,
});
const report = (events: RdsrIrradiationEvent[], totalDlpMGyCm: number | null = null): RdsrReading => ({ events, totalDlpMGyCm });
const header = (over: Partial<HeaderDose> = {}): HeaderDose => ({ ctdiVolMGy: 4.2, phantom: BODY, dwCm: null, ...over });
const inputs = (over: Partial<StudyDoseInputs>): StudyDoseInputs => ({ reports: [], header: null, region: 'abdomen-pelvis', ageYears: 6, ...over });

/** The expected SSDE from the clinical module itself for a body CT with a Dw (AAPM 220 size, AAPM 204 32 cm factor). */
const bodySsde = (ctdi: number, dwCm: number) => {
  const r = ssde({ ctdiVolMGy: ctdi, phantom: 32, region: 'body', bodyPart: 'abdomen-pelvis', size: { metric: 'dw', dwCm } });
  if (r.status !== 'ok') throw new Error('no ssde');
  return r.estimate.ssdeMGy;
};

describe('one earlier CT: CTDIvol, DLP and SSDE from what its data states', () => {
  it('nothing at all: no dose (the row says so)', () => {
    expect(studyDose(inputs({}))).toBeNull();
    expect(studyDose(inputs({ reports: [report([ev({ localizer: true, ctdiVolMGy: 0.1, dlpMGyCm: null })])] }))).toBeNull();
  });

  it('the dose report: CTDIvol, the DLP total when stated, and SSDE from its Dw (AAPM 220 → 204)', () => {
    const d = studyDose(inputs({ reports: [report([ev({ localizer: true, ctdiVolMGy: 0.2, dlpMGyCm: 1 }), ev({ scannerSsde: { mGy: 9.9, method: null, dwCm: 16 } })], 40)] }))!;
    expect(d.ctdi).toMatchObject({ mGy: 5, from: 'rdsr', events: 1 });
    expect(d.dlp).toEqual({ mGyCm: 40, from: 'rdsr-total' });
    expect(d.ssde).toMatchObject({ kind: 'computed', size: 'report-dw' });
    if (d.ssde?.kind !== 'computed') throw new Error();
    expect(d.ssde.estimate.ssdeMGy).toBeCloseTo(bodySsde(5, 16), 6);
    expect(d.ssde.estimate.ssdeMGy).toBeCloseTo(3.704369 * Math.exp(-0.03671937 * 16) * 5, 3); // AAPM 204 fit, 32 cm
  });

  it('DLP as the sum of the acquisitions (localizer included) when no total is stated', () => {
    const d = studyDose(inputs({ reports: [report([ev({ localizer: true, ctdiVolMGy: 0.2, dlpMGyCm: 1.5 }), ev({ dlpMGyCm: 12.5 })])] }))!;
    expect(d.dlp).toEqual({ mGyCm: 14, from: 'rdsr-events' });
  });

  it('several acquisitions: the highest CTDIvol, and how many there were', () => {
    const d = studyDose(inputs({ reports: [report([ev({ ctdiVolMGy: 3 }), ev({ ctdiVolMGy: 7 })])] }))!;
    expect(d.ctdi).toMatchObject({ mGy: 7, events: 2 });
  });

  it("the image header's CTDIvol and Dw when there is no dose report", () => {
    const d = studyDose(inputs({ header: header({ dwCm: 18 }) }))!;
    expect(d.ctdi).toMatchObject({ mGy: 4.2, from: 'image-header' });
    expect(d.dlp).toBeNull();
    expect(d.ssde).toMatchObject({ kind: 'computed', size: 'header-dw' });
    if (d.ssde?.kind === 'computed') expect(d.ssde.estimate.ssdeMGy).toBeCloseTo(bodySsde(4.2, 18), 6);
  });

  it("the scanner's own SSDE when the report gives no Dw and the size cannot be had", () => {
    const d = studyDose(inputs({ ageYears: null, reports: [report([ev({ scannerSsde: { mGy: 9.1, method: { value: '113988', scheme: 'DCM', meaning: 'Estimated from Water Equivalent Diameter' }, dwCm: null } })])] }))!;
    expect(d.ssde).toMatchObject({ kind: 'scanner', mGy: 9.1 });
  });

  it('age-based (AAPM 204 Table 3) for body CT, marked as such', () => {
    const d = studyDose(inputs({ reports: [report([ev()])] }))!;
    expect(d.ssde).toMatchObject({ kind: 'computed', size: 'age', caveats: expect.arrayContaining(['age-based-estimate']) });
  });

  it.each<[string, Partial<StudyDoseInputs>, string]>([
    ['a head CT without Dw: no age-based SSDE', { region: 'head', reports: [report([ev({ phantom: HEAD })])] }, 'none'],
    ['region unknown', { region: null, reports: [report([ev({ scannerSsde: { mGy: 1, method: null, dwCm: 16 } })])] }, 'region-unknown'],
    ['phantom not stated anywhere', { reports: [report([ev({ phantom: { kind: 'unknown' } })])] }, 'phantom-unknown'],
    ['a 10 cm phantom', { reports: [report([ev({ phantom: { kind: 'unsupported', code: { value: '130541', scheme: 'DCM', meaning: '' } } })])] }, 'phantom-unsupported'],
    ['a Dw outside the published range: never extrapolated', { reports: [report([ev({ scannerSsde: { mGy: 1, method: null, dwCm: 2 } })])] }, 'refused'],
    ['an age outside Table 3', { ageYears: 30, reports: [report([ev()])] }, 'outside-range'],
  ])('no SSDE when %s', (_, over, reason) => {
    const d = studyDose(inputs(over))!;
    expect(d.ctdi).not.toBeNull();
    if (reason === 'none') expect(d.ssde).toBeNull();
    else if (reason === 'refused') expect(d.ssde).toMatchObject({ kind: 'scanner' }); // the scanner's value stands in; ours is not computed
    else expect(d.ssde).toEqual({ kind: 'refused', reason });
  });

  it("the report's phantom is taken from the image header when the report does not state it", () => {
    const d = studyDose(inputs({ reports: [report([ev({ phantom: { kind: 'unknown' } })])], header: header() }))!;
    expect(d.ctdi?.phantom).toEqual(BODY);
  });
});

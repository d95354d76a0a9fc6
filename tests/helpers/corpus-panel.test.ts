import { describe, expect, it } from 'vitest';
import type { CorpusTruth } from './corpus';
import { analysisOutcome, hostOutcome, sameOutcome, truthOutcome } from './corpus-panel';
import { analysisOf, childCtAnalysis, recordOf } from './analysis-factory';

const truth = (t: Partial<CorpusTruth>): CorpusTruth => ({
  pediatric: false, ageDays: null, ageToleranceDays: 0, referenceDate: '2026-12-01', referenceBasis: 'today', modality: null, campaigns: [], ...t,
});

describe('the panel a corpus truth implies', () => {
  it.each([
    ['a child with a CT', truth({ pediatric: true, modality: 'CT', campaigns: ['ct'] }), { mode: 'exam', modality: 'CT', campaigns: ['ct'] }],
    ['a PET/CT (campaigns sorted)', truth({ pediatric: true, modality: 'PT', campaigns: ['nuclear-medicine', 'ct'] }), { mode: 'exam', modality: 'PT', campaigns: ['ct', 'nuclear-medicine'] }],
    ['an adult with a CT', truth({ modality: 'CT', campaigns: ['ct'] }), { mode: 'none' }],
    ['a child with an MR', truth({ pediatric: true, modality: 'MR' }), { mode: 'quiet', modality: 'MR' }],
    ['a child with no exam', truth({ pediatric: true }), { mode: 'none' }],
    ['a worklist with 3 pediatric rows', truth({ pediatricRecords: 3 }), { mode: 'list', exams: 3 }],
    ['a worklist with none', truth({ pediatricRecords: 0 }), { mode: 'none' }],
  ] as const)('%s', (_what, t, want) => {
    expect(truthOutcome(t).outcome).toEqual(want);
  });

  it('says whether the truth counts the rows', () => {
    expect(truthOutcome(truth({})).rowsGiven).toBe(false);
    expect(truthOutcome(truth({ pediatricRecords: 0 })).rowsGiven).toBe(true);
  });
});

describe('the panel an analysis gives, and the one a page shows', () => {
  it('agree on a child CT', () => {
    const a = analysisOutcome(childCtAnalysis());
    const h = hostOutcome({ 'data-mode': 'exam', 'data-modality': 'CT', 'data-campaigns': 'ct', 'data-pediatric': 'true' });
    expect(a).toEqual({ mode: 'exam', modality: 'CT', campaigns: ['ct'] });
    expect(sameOutcome(a, h)).toBe(true);
  });
  it('tell a list from an exam, and a count from another', () => {
    const list = analysisOutcome(analysisOf({ records: [recordOf({ pediatric: true, campaign: 'ct', campaigns: ['ct'] })] }));
    expect(list).toEqual({ mode: 'list', exams: 1 });
    expect(sameOutcome(list, hostOutcome({ 'data-mode': 'list', 'data-pediatric-exams': '2' }))).toBe(false);
    expect(hostOutcome(null)).toEqual({ mode: 'none' });
    expect(() => hostOutcome({ 'data-mode': 'odd' })).toThrow(/unknown data-mode/);
  });
});

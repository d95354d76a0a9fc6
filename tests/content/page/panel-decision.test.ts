import { describe, expect, it } from 'vitest';
import { TabFactsSchema } from '@/content/page/messages';
import { decidePanel, hostAttributes, tabFactsFrom } from '@/content/page/panel-decision';
import { analysisOf, childCtAnalysis, recordOf } from '../../helpers/analysis-factory';

const none = { disabledCampaigns: [] as string[] };

describe('decidePanel', () => {
  it('shows the exam panel for a child with an ionizing exam', () => {
    expect(decidePanel(childCtAnalysis(), none)).toMatchObject({ show: true, mode: 'exam', campaigns: ['ct'] });
  });

  it('shows nothing for an adult, even when the exam names a campaign', () => {
    const adult = childCtAnalysis({ pediatric: false, ageDays: 16_000 });
    expect(decidePanel(adult, none)).toEqual({ show: false, reason: 'no-child' });
  });

  it('shows nothing for a page with no patient', () => {
    expect(decidePanel(analysisOf(), none)).toEqual({ show: false, reason: 'no-child' });
  });

  it('shows nothing for a child whose page names no exam', () => {
    expect(decidePanel(analysisOf({ pediatric: true, ageDays: 900 }), none)).toEqual({ show: false, reason: 'no-exam' });
  });

  it.each([[['MR']], [['US']], [['MR', 'US']]] as const)('is quiet for a child with %j only', (modalities) => {
    const a = analysisOf({ pediatric: true, ageDays: 900, modality: modalities[0], modalities: [...modalities] });
    expect(decidePanel(a, none)).toMatchObject({ show: true, mode: 'quiet', campaigns: [] });
  });

  it('keeps both campaigns of a PET/CT and drops the ones the user switched off', () => {
    const a = childCtAnalysis({ modality: 'PT', modalities: ['PT', 'CT'], campaign: 'nuclear-medicine', campaigns: ['nuclear-medicine', 'ct'] });
    expect(decidePanel(a, none)).toMatchObject({ mode: 'exam', campaigns: ['nuclear-medicine', 'ct'] });
    expect(decidePanel(a, { disabledCampaigns: ['ct'] })).toMatchObject({ mode: 'exam', campaigns: ['nuclear-medicine'] });
    expect(decidePanel(a, { disabledCampaigns: ['ct', 'nuclear-medicine'] })).toEqual({ show: false, reason: 'campaigns-off' });
  });

  it('counts the pediatric ionizing rows of a list page and nothing else', () => {
    const a = analysisOf({
      records: [
        recordOf({ pediatric: true, ageDays: 400, modality: 'CT', campaign: 'ct', campaigns: ['ct'], description: 'CT HEAD' }),
        recordOf({ pediatric: false, ageDays: 20_000, modality: 'CT', campaign: 'ct', campaigns: ['ct'] }),
        recordOf({ pediatric: true, ageDays: 500, modality: 'MR', campaigns: [] }),
        recordOf({ pediatric: true, ageDays: 30, modality: 'CR', campaign: 'radiography', campaigns: ['radiography'] }),
      ],
    });
    const d = decidePanel(a, none);
    expect(d).toMatchObject({ show: true, mode: 'list' });
    expect(d.show && d.pediatricRecords.map((r) => r.description ?? r.modality)).toEqual(['CT HEAD', 'CR']);
  });
});

describe('hostAttributes', () => {
  it('gives the e2e child its age in days and its campaign', () => {
    const a = childCtAnalysis();
    const d = decidePanel(a, none);
    if (!d.show) throw new Error('expected a panel');
    expect(hostAttributes(a, d, [])).toEqual({
      'data-pediatric': 'true',
      'data-mode': 'exam',
      'data-age-days': '2288',
      'data-modality': 'CT',
      'data-campaign': 'ct',
      'data-campaigns': 'ct',
      'data-pediatric-exams': null,
      'data-age-unsure': null,
    });
  });

  it('never puts one age on a list page', () => {
    const a = analysisOf({
      records: [
        recordOf({ pediatric: true, ageDays: 400, campaign: 'ct', campaigns: ['ct'] }),
        recordOf({ pediatric: true, ageDays: 30, campaign: 'fluoroscopy', campaigns: ['fluoroscopy'] }),
      ],
    });
    const d = decidePanel(a, none);
    if (!d.show) throw new Error('expected a panel');
    const attrs = hostAttributes(a, d, []);
    expect(attrs['data-age-days']).toBeNull();
    expect(attrs['data-modality']).toBeNull();
    expect(attrs['data-campaign']).toBeNull();
    expect(attrs['data-campaigns']).toBe('ct fluoroscopy');
    expect(attrs['data-pediatric-exams']).toBe('2');
  });

  it('names the first campaign still on as primary when the primary one is off', () => {
    const a = childCtAnalysis({ modality: 'PT', modalities: ['PT', 'CT'], campaign: 'nuclear-medicine', campaigns: ['nuclear-medicine', 'ct'] });
    const d = decidePanel(a, { disabledCampaigns: ['nuclear-medicine'] });
    if (!d.show) throw new Error('expected a panel');
    expect(hostAttributes(a, d, ['nuclear-medicine'])['data-campaign']).toBe('ct');
  });
});

describe('tabFactsFrom', () => {
  it('reports only the allow-listed facts, and they pass the message schema', () => {
    const a = childCtAnalysis();
    const facts = tabFactsFrom(a, decidePanel(a, none), true);
    expect(facts).toEqual({ pediatric: true, campaigns: ['ct'], modality: 'CT', siteEnabled: true });
    expect(TabFactsSchema.safeParse(facts).success).toBe(true);
    const text = JSON.stringify(facts);
    for (const secret of ['2288', 'TEST', 'PEDS', '2020', '2026', '1.2.826']) expect(text).not.toContain(secret);
  });

  it('says no child and names nothing on an adult page', () => {
    const a = childCtAnalysis({ pediatric: false });
    expect(tabFactsFrom(a, decidePanel(a, none), true)).toEqual({ pediatric: false, campaigns: [], modality: null, siteEnabled: true });
  });

  it('reports no facts before any analysis', () => {
    expect(tabFactsFrom(null, null, false)).toEqual({ pediatric: false, campaigns: [], modality: null, siteEnabled: false });
  });

  it('gives no single modality for a list page', () => {
    const a = analysisOf({ records: [recordOf({ pediatric: true, modality: 'CT', campaign: 'ct', campaigns: ['ct'] })] });
    expect(tabFactsFrom(a, decidePanel(a, none), true)).toEqual({ pediatric: true, campaigns: ['ct'], modality: null, siteEnabled: true });
  });
});

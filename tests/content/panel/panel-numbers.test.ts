import { describe, expect, it } from 'vitest';
import type { ReferenceLevelTable } from '@/clinical/reference-levels';
import type { PageAnalysis } from '@/content/read/types';
import { decidePanel } from '@/content/page/panel-decision';
import { buildPanelView } from '@/content/panel/panel-view';
import { setTestLocale } from '../../setup/i18n-shim';
import { childCtAnalysis } from '../../helpers/analysis-factory';

function view(a: PageAnalysis, opts: { disabled?: string[]; tables?: ReferenceLevelTable[]; locale?: string } = {}) {
  const decision = decidePanel(a, { disabledCampaigns: opts.disabled ?? [] });
  if (!decision.show) throw new Error(`expected a panel, got ${decision.reason}`);
  return buildPanelView({
    analysis: a,
    decision,
    locale: opts.locale ?? 'en',
    disabledCampaigns: opts.disabled ?? [],
    referenceTables: opts.tables ?? [],
    canDismiss: true,
  });
}

describe('campaign reminders in the panel', () => {
  it('gives a child CT the CT campaign with its reminders and link', () => {
    const [ct] = view(childCtAnalysis()).campaigns;
    expect(ct!.id).toBe('ct');
    expect(ct!.title).toBe('CT (Image Gently)');
    expect(ct!.reminders[0]).toMatch(/^Child-size the scan/);
    expect(ct!.reminders.join(' ')).toMatch(/One phase is often enough/);
    expect(ct!.link!.href).toMatch(/^https:\/\/www\.imagegently\.org\//);
  });

  it('names the phase count of a multiphase order', () => {
    const [ct] = view(childCtAnalysis({ phases: 3 })).campaigns;
    expect(ct!.reminders.join(' ')).toContain('This order names 3 phases');
  });

  it('raises Think A-Head for a head CT ordered for a minor head injury, and not for every head CT', () => {
    expect(view(childCtAnalysis({ region: 'head', minorHeadInjury: true })).campaigns.map((c) => c.id)).toEqual(['think-a-head', 'ct']);
    expect(view(childCtAnalysis({ region: 'head' })).campaigns.map((c) => c.id)).toEqual(['ct']);
  });

  it('adds the current-practice line on shielding for fluoroscopy, never a shielding step', () => {
    const v = view(childCtAnalysis({ modality: 'RF', modalities: ['RF'], campaign: 'fluoroscopy', campaigns: ['fluoroscopy'], examDescription: 'VCUG' }));
    expect(v.campaigns.map((c) => c.id)).toEqual(['fluoroscopy', 'current-practice']);
    expect(v.campaigns[1]!.reminders[0]).toMatch(/no longer recommended/);
    expect(JSON.stringify(v.campaigns)).not.toMatch(/thyroid collar|use (a )?shield/i);
  });

  it('leaves out campaigns switched off', () => {
    const petCt = childCtAnalysis({ modality: 'PT', modalities: ['PT', 'CT'], campaign: 'nuclear-medicine', campaigns: ['nuclear-medicine', 'ct'] });
    expect(view(petCt, { disabled: ['ct'] }).campaigns.map((c) => c.id)).toEqual(['nuclear-medicine']);
  });

  it('speaks Spanish', () => {
    setTestLocale('es');
    const [ct] = view(childCtAnalysis(), { locale: 'es' }).campaigns;
    expect(ct!.title).not.toBe('CT (Image Gently)');
    expect(ct!.link!.label).toBe('Página de la campaña');
  });
});

describe('nuclear medicine: the guideline row for the weight', () => {
  const nm = (description: string, weight: PageAnalysis['weight'], over: Partial<PageAnalysis> = {}) =>
    childCtAnalysis({
      modality: 'NM',
      modalities: ['NM'],
      campaign: 'nuclear-medicine',
      campaigns: ['nuclear-medicine'],
      region: null,
      examDescription: description,
      weight,
      ...over,
    });
  const kg = (value: number): PageAnalysis['weight'] => ({ value, unit: 'kg', kg: value, date: '2026-11-20' });

  // NAGL 2010 (J Nucl Med 2011;52:318, Table 1), 99mTc-MAG3 with flow: 5.55 MBq/kg, minimum 37, maximum 148 MBq.
  it.each([
    [20, '111 MBq (3.0 mCi)', /Activity per kg/], // 5.55 × 20
    [10, '55.5 MBq (1.5 mCi)', /Activity per kg/], // 5.55 × 10 = 55.5
    [5, '37 MBq (1.0 mCi)', /minimum/], // 27.75 → raised to 37
    [40, '148 MBq (4.0 mCi)', /maximum/], // 222 → capped at 148
  ])('MAG3 with flow for %i kg → %s', (w, value, rule) => {
    const numbers = view(nm('NM RENAL MAG3 WITH FLOW', kg(w), { ageDays: w >= 40 ? 4800 : w <= 5 ? 200 : 2192 })).numbers;
    const n = numbers.find((x) => x.id === 'nm-tc99m-mag3-with-flow')!;
    expect(n.value).toBe(value);
    expect(n.label).toBe('Guideline row for this weight (decision support, not a prescription): 99mTc-MAG3 (with flow study)');
    expect(n.detail).toMatch(rule);
    expect(n.source).toMatch(/NAGL 2010/);
    expect(n.source).toMatch(/2010 table/);
  });

  it('shows the EANM card as a second, labelled method', () => {
    const numbers = view(nm('NM RENAL MAG3 WITH FLOW', kg(20))).numbers;
    const e = numbers.find((x) => x.id === 'eanm-tc99m-mag3')!;
    expect(e.label).toMatch(/^EANM paediatric dosage card \(second method\): 99mTc-MAG3/);
    expect(e.value).toMatch(/^\d+(\.\d)? MBq \(\d+\.\d+ mCi\)$/);
    expect(e.source).toBe('EANM paediatric dosage card (2016)');
    expect(e.detail).toContain('Class A, baseline 11.9 MBq');
  });

  it('shows both variants, labelled, when the order does not say which', () => {
    const ids = view(nm('NM RENAL MAG3', kg(20))).numbers.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['nm-tc99m-mag3-with-flow', 'nm-tc99m-mag3-without-flow']));
  });

  it('gives no number for a weight without a unit, and says why', () => {
    const v = view(nm('NM RENAL MAG3 WITH FLOW', { value: 20, unit: null, kg: null, date: null }));
    expect(v.numbers).toEqual([]);
    expect(v.notes).toContain('No activity shown: the weight has no unit (kg or lb).');
  });

  it('says so when the page shows no weight', () => {
    const v = view(nm('NM HIDA SCAN', null));
    expect(v.numbers).toEqual([]);
    expect(v.notes).toContain('No weight with a unit on this page, so no activity is shown.');
  });

  it('points to the SNMMI / Image Gently table for an agent without a verified row', () => {
    const v = view(nm('PET/CT FDG WHOLE BODY', kg(20), { modality: 'PT', modalities: ['PT', 'CT'], campaigns: ['nuclear-medicine', 'ct'] }));
    expect(v.notes.join(' ')).toMatch(/18F-FDG \(body, brain\): not verified here/);
    expect(v.numbers.some((n) => n.id.startsWith('nm-'))).toBe(false);
    expect(v.numbers.some((n) => n.id === 'eanm-f18-fdg-body-2d')).toBe(true);
  });

  it('says when the exam names no agent at all', () => {
    expect(view(nm('NM WHOLE BODY', kg(20))).notes.join(' ')).toMatch(/names no radiopharmaceutical/);
  });
});

describe('reference-level position', () => {
  // A synthetic table for the test (not a published one): abdomen CT, by age, 32 cm phantom.
  const table: ReferenceLevelTable = {
    id: 'test-abdomen',
    name: 'Test abdomen table',
    exam: 'Abdomen-pelvis CT with contrast',
    metric: 'age-years',
    phantomCm: 32,
    source: 'test fixture',
    year: 2024,
    bins: [
      { from: 1, to: 5, ctdiVolMGy: { median: 3, p75: 4 } },
      { from: 5, to: 10, ctdiVolMGy: { median: 4, p75: 5 } },
    ],
  };
  const ctdi = (v: number, phantomCm: 16 | 32 | null = 32) => ({ ctdiVolMGy: v, phantomCm, source: 'page text' });

  it("places the exam in the table's group by its own metric, as a position, not a limit", () => {
    const n = view(childCtAnalysis({ ctdi: ctdi(5.2) }), { tables: [table] }).numbers.find((x) => x.id.startsWith('reference-'))!;
    expect(n.label).toBe('Reference level (Test abdomen table)');
    expect(n.value).toBe('CTDIvol 5.2 mGy');
    expect(n.detail).toMatch(/above the 75th percentile of Test abdomen table/);
    expect(n.detail).toMatch(/not limits for one child/);
    expect(n.source).toBe('test fixture, 2024');
  });

  it('never compares a head CT with an abdomen table', () => {
    const v = view(childCtAnalysis({ region: 'head', ctdi: ctdi(5.2, 16) }), { tables: [table] });
    expect(v.numbers.filter((x) => x.id.startsWith('reference-'))).toEqual([]);
  });

  it('makes no comparison when the phantom is unknown, and says so', () => {
    const v = view(childCtAnalysis({ ctdi: ctdi(5.2, null) }), { tables: [table] });
    expect(v.numbers.filter((x) => x.id.startsWith('reference-'))).toEqual([]);
    expect(v.notes.join(' ')).toMatch(/No comparison with Test abdomen table/);
  });

  it('shows no reference line without a loaded table (the bundled set is empty)', () => {
    const v = view(childCtAnalysis({ ctdi: ctdi(5.2) }));
    expect(v.numbers.filter((x) => x.id.startsWith('reference-'))).toEqual([]);
  });
});

/**
 * An age the page does not tie to the patient (`PageAnalysis.ageUnsure`: no label, no patient header): the chip asks
 * "Child?", the panel gives the campaign's reminders and no clinical number, says why in one note, and the evidence
 * says the age is unsure. Each case below is an analysis that gives numbers when the age is sure (checked first, so
 * the case cannot pass by having nothing to hide).
 */
import { describe, expect, it } from 'vitest';
import type { ReferenceLevelTable } from '@/clinical/reference-levels';
import type { PageAnalysis } from '@/content/read/types';
import { decidePanel, hostAttributes, tabFactsFrom } from '@/content/page/panel-decision';
import { buildPanelView } from '@/content/panel/panel-view';
import { analyzePage } from '@/content/analyze';
import { parseAgeText, readingDetail } from '@/content/read/parse/age';
import { setTestLocale } from '../../setup/i18n-shim';
import { parseHtml } from '../../helpers/pages';
import { analysisOf, childCtAnalysis, recordOf } from '../../helpers/analysis-factory';

// A synthetic table for the test (not a published one): abdomen CT, by age, 32 cm phantom.
const TABLE: ReferenceLevelTable = {
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

function view(a: PageAnalysis, locale = 'en') {
  const decision = decidePanel(a, { disabledCampaigns: [] });
  if (!decision.show) throw new Error(`expected a panel, got ${decision.reason}`);
  return buildPanelView({ analysis: a, decision, locale, disabledCampaigns: [], referenceTables: [TABLE], canDismiss: true });
}

const kg = (value: number): PageAnalysis['weight'] => ({ value, unit: 'kg', kg: value, date: '2026-11-20' });
const ctdi = { ctdiVolMGy: 10, phantomCm: 32 as const, source: 'page text' };
const nm = (description: string, over: Partial<PageAnalysis> = {}) =>
  childCtAnalysis({ modality: 'NM', modalities: ['NM'], campaign: 'nuclear-medicine', campaigns: ['nuclear-medicine'], region: null, examDescription: description, weight: kg(20), ...over });

const CASES: [string, PageAnalysis, RegExp][] = [
  ['a body CT with CTDIvol and its phantom (SSDE from age)', childCtAnalysis({ ageDays: 2192, ctdi }), /^ssde-age$/],
  ['a body CT with a loaded reference-level table', childCtAnalysis({ ageDays: 2192, ctdi: { ...ctdi, ctdiVolMGy: 5.2 } }), /^reference-/],
  ['a MAG3 renal scan with a weight in kg (guideline row and EANM card)', nm('NM RENAL MAG3 WITH FLOW'), /^nm-tc99m-mag3/],
  ['a PET/CT with FDG and a weight (EANM card)', nm('PET/CT FDG WHOLE BODY', { modality: 'PT', modalities: ['PT', 'CT'], campaigns: ['nuclear-medicine', 'ct'] }), /^eanm-/],
  ['an age as the page shows it, at the order date', childCtAnalysis({ ageDays: 2192, ageBasis: 'order', ageDetail: readingDetail(parseAgeText('6 yrs')!), ctdi }), /^ssde-age$/],
];

describe('an age the page does not tie to the patient: reminders, no numbers', () => {
  it.each(CASES)('%s', (_what, sure, numberId) => {
    expect(view(sure).numbers.some((n) => numberId.test(n.id))).toBe(true);

    const unsure = { ...sure, ageUnsure: true };
    const v = view(unsure);
    expect(v.numbers).toEqual([]);
    expect(v.notes).toEqual(["Unsure this age is the patient's, so no dose numbers are shown: check the patient's age."]);
    expect(v.pillText).toMatch(/^Child\? · /);
    expect(v.campaigns.map((c) => c.id)).toEqual(view(sure).campaigns.map((c) => c.id));
    expect(v.campaigns.length).toBeGreaterThan(0);
    expect(v.evidence[0]).toMatchObject({ kind: 'age-unsure', where: 'Age' });
    expect(v.evidence[0]!.text).toMatch(/no label and no patient header/);
  });

  it('says nothing of the sort when the age is sure', () => {
    const v = view(childCtAnalysis());
    expect(v.pillText).toBe('Child · CT');
    expect(v.evidence.some((e) => e.kind === 'age-unsure')).toBe(false);
    expect(v.notes.join(' ')).not.toMatch(/Unsure/);
  });

  it('asks on the quiet chip of an MR too', () => {
    const mr = childCtAnalysis({ modality: 'MR', modalities: ['MR'], campaign: null, campaigns: [], ageUnsure: true });
    expect(view(mr).pillText).toBe('Child? · MR · no ionizing radiation');
  });

  it('speaks Spanish', () => {
    setTestLocale('es');
    const v = view({ ...childCtAnalysis(), ageUnsure: true }, 'es');
    expect(v.pillText).toBe('¿Pediátrico? · TC');
    expect(v.notes[0]).toMatch(/^No es seguro que esta edad sea la del paciente/);
  });
});

describe('from a page read by the generic reader', () => {
  const page = (body: string) =>
    analyzePage(parseHtml(`<!doctype html><html><head><title>Order</title></head><body>${body}</body></html>`), 'https://ehr.example.org/app/order', {
      now: new Date('2026-11-20T15:00:00Z'),
    });
  const exam = '<h2>CT ABDOMEN PELVIS W CONTRAST</h2><p>Scheduled: 11/20/2026</p>';

  it('asks "Child?" for a lone unlabelled age, and not when a patient header shows it', () => {
    const lone = view(page(`<div class="x">6 y.o.</div>${exam}`));
    expect([lone.pillText, lone.numbers, lone.evidence[0]?.kind]).toEqual(['Child? · CT', [], 'age-unsure']);
    const header = view(page(`<div class="banner"><span>DOE, KIM</span> <span>MRN 0012345</span> <span>6 y.o. M</span></div>${exam}`));
    expect(header.pillText).toBe('Child · CT');
    expect(header.evidence.some((e) => e.kind === 'age-unsure')).toBe(false);
  });
});

describe('the decision carries it', () => {
  it('in exam and quiet modes, and on the host in the e2e builds', () => {
    const d = decidePanel({ ...childCtAnalysis(), ageUnsure: true }, { disabledCampaigns: [] });
    expect(d).toMatchObject({ show: true, mode: 'exam', ageUnsure: true });
    if (!d.show) throw new Error('no panel');
    expect(hostAttributes(childCtAnalysis(), d, [])['data-age-unsure']).toBe('true');
    const sure = decidePanel(childCtAnalysis(), { disabledCampaigns: [] });
    if (!sure.show) throw new Error('no panel');
    expect(sure.ageUnsure).toBe(false);
    expect(hostAttributes(childCtAnalysis(), sure, [])['data-age-unsure']).toBeNull();
    const mr = childCtAnalysis({ modality: 'MR', modalities: ['MR'], campaign: null, campaigns: [], ageUnsure: true });
    expect(decidePanel(mr, { disabledCampaigns: [] })).toMatchObject({ mode: 'quiet', ageUnsure: true });
  });

  it('never on a list page, whose rows carry their own ages', () => {
    const list = analysisOf({ ageUnsure: true, records: [recordOf({ pediatric: true, ageDays: 400, modality: 'CT', campaign: 'ct', campaigns: ['ct'] })] });
    expect(decidePanel(list, { disabledCampaigns: [] })).toMatchObject({ mode: 'list', ageUnsure: false });
  });

  it('leaves the allow-listed tab facts as they were (a child, its campaigns)', () => {
    const a = { ...childCtAnalysis(), ageUnsure: true };
    expect(tabFactsFrom(a, decidePanel(a, { disabledCampaigns: [] }), true)).toEqual({ pediatric: true, campaigns: ['ct'], modality: 'CT', siteEnabled: true });
  });
});

/**
 * Clinical safety cases: order/series wording in → reminders, rows and numbers out, through the same path the
 * page uses (facts → decide → decidePanel → buildPanelView). Each row names the rule it guards; rows where
 * nothing must be shown are as important as the others.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '@/content/read/decide';
import { decidePanel } from '@/content/page/panel-decision';
import { buildPanelView } from '@/content/panel/panel-view';
import type { Fact, PageAnalysis } from '@/content/read/types';
import type { PanelView } from '@/content/panel/view-model';
import { setTestLocale } from '../setup/i18n-shim';

const NOW = new Date('2026-11-26T12:00:00Z');

interface Exam {
  /** Order / study / series wording as the page shows it. */
  order: string;
  /** DICOM modality code(s) as the page shows them; absent = the page shows none. */
  modality?: string;
  /** DICOM age (AS) at the study. */
  age?: string;
  weight?: string;
  ctdi?: { mGy: string; phantomCm?: 16 | 32 };
}

function analysisOf(e: Exam): PageAnalysis {
  const f = (kind: Fact['kind'], text: string, extra: Partial<Fact> = {}): Fact => ({ kind, text, where: `case · ${kind}`, ...extra });
  const facts: Fact[] = [f('patientAge', e.age ?? '006Y'), f('procedure', e.order)];
  if (e.modality) facts.push(f('modality', e.modality));
  if (e.weight) facts.push(f('weight', e.weight), f('weightDate', '20261120'));
  if (e.ctdi) facts.push(f('ctdiVol', e.ctdi.mGy, e.ctdi.phantomCm ? { phantomCm: e.ctdi.phantomCm } : {}));
  return decide({ profileId: 'case', primary: facts, rows: [], dateOrder: null, notes: [] }, { now: NOW });
}

function viewOf(e: Exam, locale = 'en'): PanelView | null {
  const a = analysisOf(e);
  const decision = decidePanel(a, { disabledCampaigns: [] });
  if (!decision.show) return null;
  return buildPanelView({ analysis: a, decision, locale, disabledCampaigns: [], referenceTables: [], canDismiss: true });
}

const blocksOf = (v: PanelView | null) => v?.campaigns.map((c) => c.id) ?? [];
const remindersOf = (v: PanelView | null) => v?.campaigns.flatMap((c) => c.reminders) ?? [];
const everythingOf = (v: PanelView | null) =>
  v ? [...remindersOf(v), ...v.notes, ...v.numbers.flatMap((n) => [n.label, n.value, n.detail ?? '', n.source])].join('\n') : '';

interface Case extends Exam {
  /** The campaign blocks, in order ([] = none; the panel may still show a quiet note). */
  blocks: string[];
  /** The panel mode, when the row is about it (null = no panel). */
  mode?: 'exam' | 'quiet' | 'list' | null;
  /** Each must match some reminder line. */
  says?: RegExp[];
  /** None may appear anywhere in the panel (reminders, numbers, notes). */
  never?: RegExp[];
}

function check(c: Case, locale = 'en') {
  const v = viewOf(c, locale);
  if (c.mode !== undefined) expect(v?.mode ?? null).toBe(c.mode);
  expect(blocksOf(v)).toEqual(c.blocks);
  const reminders = remindersOf(v);
  for (const re of c.says ?? []) expect(reminders.some((r) => re.test(r)), `${re} in ${JSON.stringify(reminders)}`).toBe(true);
  const all = everythingOf(v);
  for (const re of c.never ?? []) expect(all).not.toMatch(re);
}

const DECISION_RULE = /decision rule|whether a head CT is needed/i;
const CHILD_PROTECTION_LINE = /child-protection imaging protocol/;

describe('1. Think A-Head never argues against imaging a possibly abused child', () => {
  const PROTECTION = { blocks: ['child-protection', 'ct'], says: [CHILD_PROTECTION_LINE, /skeletal survey/], never: [DECISION_RULE] };
  it.each<[string, Case]>([
    ['NAT', { order: 'CT HEAD WO CONTRAST NAT', modality: 'CT', ...PROTECTION }],
    ['non-accidental trauma', { order: 'CT HEAD NON-ACCIDENTAL TRAUMA', modality: 'CT', ...PROTECTION }],
    ['suspected abuse', { order: 'CT HEAD W/O - suspected abuse', modality: 'CT', ...PROTECTION }],
    ['abusive head trauma (AHT)', { order: 'CT BRAIN ?AHT', modality: 'CT', ...PROTECTION }],
    ['child protection', { order: 'CT HEAD child protection referral', modality: 'CT', ...PROTECTION }],
    ['a fall with abuse wording: abuse wins', { order: 'CT HEAD fall from bed, ?NAT', modality: 'CT', ...PROTECTION }],
    ['Spanish: maltrato', { order: 'TC CRÁNEO SIN CONTRASTE MALTRATO', modality: 'CT', ...PROTECTION }],
    ['skeletal survey for NAT (radiography)', { order: 'XR SKELETAL SURVEY NAT', modality: 'DX', blocks: ['child-protection', 'radiography', 'current-practice'], says: [CHILD_PROTECTION_LINE], never: [DECISION_RULE] }],
  ])('%s → the child-protection line, no Think A-Head', (_, c) => check(c));

  it.each<[string, Case]>([
    ['GCS alone', { order: 'CT HEAD TRAUMA GCS 7', modality: 'CT', blocks: ['ct'], never: [DECISION_RULE] }],
    ['TBI alone', { order: 'CT HEAD TBI', modality: 'CT', blocks: ['ct'] }],
    ['MVC alone', { order: 'CT HEAD MVC', modality: 'CT', blocks: ['ct'] }],
    ['LOC alone', { order: 'CT HEAD W/O LOC', modality: 'CT', blocks: ['ct'] }],
    ['trauma protocol wording alone', { order: 'CT HEAD TRAUMA', modality: 'CT', blocks: ['ct'] }],
    ['a severe head injury', { order: 'CT HEAD severe head injury, intubated', modality: 'CT', blocks: ['ct'] }],
    ['a fall on an abdomen CT', { order: 'CT ABDOMEN - fall', modality: 'CT', blocks: ['ct'] }],
    ['"incidental" is not dental', { order: 'CT CHEST incidental nodule follow-up', modality: 'CT', blocks: ['ct'] }],
  ])('%s → no Think A-Head', (_, c) => check(c));

  it.each<[string, Case]>([
    ['minor head injury', { order: 'CT head, minor head injury, GCS 15', modality: 'CT', blocks: ['think-a-head', 'ct'] }],
    ['mild head injury', { order: 'CT HEAD MILD HEAD INJURY', modality: 'CT', blocks: ['think-a-head', 'ct'] }],
    ['fall', { order: 'CT HEAD W/O - fall from monkey bars', modality: 'CT', blocks: ['think-a-head', 'ct'] }],
    ['bump', { order: 'CT HEAD bump on forehead', modality: 'CT', blocks: ['think-a-head', 'ct'] }],
    ['head injury', { order: 'CT HEAD - HEAD INJURY', modality: 'CT', blocks: ['think-a-head', 'ct'] }],
    ['Spanish: caída', { order: 'TC CRÁNEO - caída de la cama', modality: 'CT', blocks: ['think-a-head', 'ct'] }],
  ])('%s → Think A-Head, scoped to minor blunt head injury', (_, c) =>
    check({ ...c, says: [/GCS 14–15/, /not .*suspected abuse|suspected abuse.*not/i], never: [CHILD_PROTECTION_LINE] }),
  );
});

describe('3. truncation: an underestimated Dw overestimates the SSDE', () => {
  it.each(['en', 'es'])('%s', async (locale) => {
    const { i18n } = await import('#i18n');
    setTestLocale(locale);
    const t = i18n.t as unknown as (k: string) => string;
    for (const key of ['clinical.dwWarning.truncatedByReconstructionCircle', 'clinical.dwWarning.touchesImageEdge', 'pacs.note.dwTruncated']) {
      const text = t(key);
      expect(text, key).toMatch(locale === 'en' ? /Dw .*under.*SSDE .*over/ : /Dw .*subestim.*SSDE .*sobrestim/);
      expect(text, key).not.toMatch(locale === 'en' ? /SSDE (are|is|may be) underestimated/ : /SSDE se subestiman/);
    }
  });
});

describe('4. Step Lightly only with ionizing guidance', () => {
  it.each<[string, Case]>([
    ['US-guided PICC (US code)', { order: 'US GUIDED PICC', modality: 'US', blocks: [], mode: 'quiet' }],
    ['US-guided PICC (words only)', { order: 'US GUIDED PICC', blocks: [], mode: 'quiet' }],
    ['US-guided abscess drainage', { order: 'US GUIDED ABSCESS DRAINAGE', modality: 'US', blocks: [], mode: 'quiet' }],
    ['MR-guided biopsy', { order: 'MR GUIDED BIOPSY', modality: 'MR', blocks: [], mode: 'quiet' }],
    ['MR angiography', { order: 'MR ANGIOGRAPHY HEAD', modality: 'MR', blocks: [], mode: 'quiet' }],
    ['radiograph for line position', { order: 'XR CHEST 1 VIEW PICC PLACEMENT', modality: 'DX', blocks: ['radiography', 'current-practice'] }],
    ['radiograph for line position (words only)', { order: 'XR CHEST 1 VIEW PICC PLACEMENT', blocks: ['radiography', 'current-practice'] }],
    ['chest radiograph, ?aspiration', { order: 'XR CHEST 2 VIEWS ?ASPIRATION', modality: 'CR', blocks: ['radiography', 'current-practice'] }],
    ['CT angiogram', { order: 'CT ANGIOGRAPHY CHEST (CTA)', modality: 'CT', blocks: ['ct'] }],
    ['CT angiogram (words only)', { order: 'CT ANGIOGRAPHY CHEST (CTA)', blocks: ['ct'] }],
  ])('%s → no Step Lightly', (_, c) => check({ ...c, never: [/fluoroscopy pedal/] }));

  it.each<[string, Case]>([
    ['fluoroscopy-guided PICC', { order: 'PICC PLACEMENT', modality: 'RF', blocks: ['fluoroscopy', 'interventional', 'current-practice'] }],
    ['an XA procedure', { order: 'PICC PLACEMENT', modality: 'XA', blocks: ['fluoroscopy', 'interventional', 'current-practice'] }],
    ['catheter angiography', { order: 'CEREBRAL ANGIOGRAPHY', modality: 'XA', blocks: ['fluoroscopy', 'interventional', 'current-practice'] }],
    ['the wording alone (fluoroscopic guidance assumed)', { order: 'GASTROSTOMY TUBE PLACEMENT', blocks: ['fluoroscopy', 'interventional', 'current-practice'] }],
    ['CT-guided biopsy', { order: 'CT GUIDED BIOPSY LIVER', modality: 'CT', blocks: ['ct', 'interventional'] }],
  ])('%s → Step Lightly', (_, c) => check({ ...c, says: [/fluoroscopy pedal/] }));

  it('a worklist row: US-guided PICC is not a pediatric ionizing exam; a fluoroscopic one is', () => {
    const f = (kind: Fact['kind'], text: string): Fact => ({ kind, text, where: 'row' });
    const a = decide(
      {
        profileId: 'case',
        primary: null,
        rows: [
          [f('patientAge', '004Y'), f('modality', 'US'), f('procedure', 'US GUIDED PICC')],
          [f('patientAge', '004Y'), f('modality', 'DX'), f('procedure', 'XR CHEST 1 VIEW PICC PLACEMENT')],
          [f('patientAge', '004Y'), f('modality', 'RF'), f('procedure', 'PICC PLACEMENT')],
        ],
        dateOrder: null,
        notes: [],
      },
      { now: NOW },
    );
    expect(a.records.map((r) => r.campaigns)).toEqual([[], ['radiography'], ['interventional', 'fluoroscopy']]);
  });
});

describe('2. nuclear-medicine agent matching: a wrong match would show another agent’s activity', () => {
  interface NmCase extends Exam {
    /** Number labels, in order, each with its value when the row is about it ([] = no number at all). */
    numbers: (RegExp | [RegExp, string])[];
    /** Each must match some note. */
    notes?: RegExp[];
    never?: RegExp[];
  }
  const NM = { modality: 'NM', weight: '20 kg' };
  it.each<[string, NmCase]>([
    ['I-131 thyroid uptake: not the Na-123I row', { ...NM, order: 'NM THYROID UPTAKE I-131', numbers: [], notes: [/I-131/], never: [/Na-123I|123I-iodide/] }],
    ['131I written the other way', { ...NM, order: 'NM 131I WHOLE BODY THYROID', numbers: [], notes: [/I-131/] }],
    ['I-131 MIBG', { ...NM, order: 'NM I-131 MIBG', numbers: [], notes: [/I-131/] }],
    ['WBC with HMPAO: not brain perfusion', { ...NM, order: 'NM WBC SCAN TC99M HMPAO', numbers: [], notes: [/white cells/i], never: [/brain perfusion/i] }],
    ['leukocyte scan with HMPAO', { ...NM, order: 'NM LEUKOCYTE SCAN HMPAO', numbers: [], notes: [/white cells/i], never: [/brain perfusion/i] }],
    ['white cell scan, HMPAO-labelled', { ...NM, order: 'NM WHITE CELL SCAN (HMPAO LABELLED)', numbers: [], notes: [/white cells/i], never: [/brain perfusion/i] }],
    ['MIBI parathyroid: not the cardiac rows', { ...NM, order: 'NM MIBI PARATHYROID', numbers: [], notes: [/not myocardial perfusion/], never: [/rest|stress/] }],
    ['sestamibi with no cardiac wording', { ...NM, order: 'NM SESTAMIBI SCAN', numbers: [], notes: [/not myocardial perfusion/] }],
    ['brain perfusion HMPAO still gets its rows', { ...NM, order: 'NM BRAIN PERFUSION SPECT HMPAO', numbers: [/99mTc-HMPAO \/ ECD \(brain perfusion\)/, /EANM.*99mTc-HMPAO \(brain perfusion\)/] }],
    ['myocardial sestamibi still gets its card row', { ...NM, order: 'NM MYOCARDIAL PERFUSION SESTAMIBI STRESS', numbers: [/EANM.*one-day protocol, stress/] }],
    [
      'body FDG: 3D first, 2D labelled, never 2D alone',
      { modality: 'PT\\CT', weight: '20 kg', order: 'PET/CT FDG WHOLE BODY', numbers: [[/EANM.*18F-FDG \(3D PET/, '68 MBq (1.8 mCi)'], [/EANM.*18F-FDG \(body, 2D PET/, '126 MBq (3.4 mCi)']] },
    ],
    ['brain FDG: 3D only', { modality: 'PT', weight: '20 kg', order: 'PET BRAIN FDG', numbers: [/EANM.*18F-FDG \(3D PET/], never: [/2D/] }],
    [
      'neonatal jaundice: the row’s 18.5 MBq minimum, the 37 MBq minimum as an option',
      { modality: 'NM', age: '010D', weight: '3.5 kg', order: 'NM HEPATOBILIARY HIDA NEONATAL JAUNDICE', numbers: [[/99mTc-IDA/, '18.5 MBq (0.50 mCi)']], notes: [] },
    ],
  ])('%s', (_, c) => {
    const v = viewOf(c);
    expect(blocksOf(v)).toContain('nuclear-medicine');
    const numbers = v!.numbers.filter((n) => n.id.startsWith('nm-') || n.id.startsWith('eanm-'));
    expect(numbers.length, JSON.stringify(numbers.map((n) => n.label))).toBe(c.numbers.length);
    c.numbers.forEach((want, k) => {
      const [label, value] = Array.isArray(want) ? want : [want, null];
      expect(numbers[k]!.label).toMatch(label);
      if (value) expect(numbers[k]!.value).toBe(value);
    });
    for (const re of c.notes ?? []) expect(v!.notes.some((n) => re.test(n)), `${re} in ${JSON.stringify(v!.notes)}`).toBe(true);
    const all = numbers.map((n) => `${n.label} ${n.value} ${n.detail ?? ''}`).join('\n');
    for (const re of c.never ?? []) expect(all).not.toMatch(re);
  });

  it('neonatal jaundice: the 37 MBq minimum is shown as optional, beside the row, not as the row', () => {
    const v = viewOf({ modality: 'NM', age: '010D', weight: '3.5 kg', order: 'NM HEPATOBILIARY HIDA NEONATAL JAUNDICE' })!;
    const [row] = v.numbers;
    expect(row!.value).toBe('18.5 MBq (0.50 mCi)');
    expect(row!.detail).toMatch(/37 MBq \(1\.0 mCi\).*may be considered.*optional/);
    expect(row!.label).not.toMatch(/37/);
    setTestLocale('es');
    const es = viewOf({ modality: 'NM', age: '010D', weight: '3.5 kg', order: 'NM HEPATOBILIARY HIDA NEONATAL JAUNDICE' }, 'es')!;
    expect(es.numbers[0]!.detail).toMatch(/37 MBq \(1,0 mCi\).*opcional/);
  });
});

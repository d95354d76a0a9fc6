import { describe, expect, it, test } from 'vitest';
import { i18n } from '#i18n';
import { CAMPAIGNS, CURRENT_PRACTICE, DENTAL_PRACTICE, REMINDERS, remindersFor, type CampaignId } from '../../clinical/campaigns';
import type { Campaign } from '../../content/read/types';
import { loadCatalog } from '../setup/i18n-shim';

const t = i18n.t as unknown as (key: string, subs?: string[]) => string;
const flat = (key: string) => key.replace(/\./g, '_');

// Compile-time: every campaign the analyzer can name is a campaign here.
const _compatible: CampaignId = 'ct' as Campaign;
void _compatible;

describe('campaign data', () => {
  test.each(Object.values(CAMPAIGNS))('$id links to an https page of the campaign', (c) => {
    expect(c.link).toMatch(/^https:\/\/(www\.imagegently\.org|imagegentlyproviders\.org)\//);
  });
  test.each(REMINDERS)('$id has English and Spanish text', (r) => {
    expect(loadCatalog('en')[flat(r.messageKey)]?.message).toBeTruthy();
    expect(loadCatalog('es')[flat(r.messageKey)]?.message).toBeTruthy();
  });
  it('has unique reminder ids', () => {
    expect(new Set(REMINDERS.map((r) => r.id)).size).toBe(REMINDERS.length);
  });

  describe('no shielding or thyroid-collar steps', () => {
    const forbidden = /shield|collar|apron|lead\b|plomo|tiroid|delantal|protector/i;
    test.each(['en', 'es'])('in %s, only the current-practice line mentions shielding', (lang) => {
      const catalog = loadCatalog(lang);
      for (const r of REMINDERS) expect(catalog[flat(r.messageKey)]!.message, r.id).not.toMatch(forbidden);
      expect(catalog[flat(CURRENT_PRACTICE.messageKey)]!.message).toMatch(/AAPM.*2019.*NCRP.*2021/);
      expect(catalog[flat(CURRENT_PRACTICE.messageKey)]!.message).toMatch(lang === 'en' ? /no longer recommended/ : /ya no se recomienda/);
    });
  });
});

describe('remindersFor', () => {
  const ids = (r: ReturnType<typeof remindersFor>) => r.groups.map((g) => [g.campaign.id, g.reminders.map((x) => x.id)]);

  it('gives the CT reminders for a CT exam', () => {
    expect(ids(remindersFor({ campaigns: ['ct'], region: 'abdomen-pelvis', phases: 1 }))).toEqual([
      ['ct', ['ct.child-size', 'ct.one-phase', 'ct.indicated-area', 'ct.necessary', 'ct.team']],
    ]);
  });

  it('names the phase count when the order is multi-phase, instead of the general one-phase line', () => {
    const r = remindersFor({ campaigns: ['ct'], phases: 3 });
    const ct = r.groups[0]!.reminders;
    expect(ct.map((x) => x.id)).not.toContain('ct.one-phase');
    const multi = ct.find((x) => x.id === 'ct.multi-phase')!;
    expect(t(multi.messageKey, multi.substitutions)).toBe(
      'This order names 3 phases. One phase is often enough for a child; keep an extra phase only if it answers the clinical question.',
    );
  });

  describe('Think A-Head', () => {
    it('joins a head CT whose order names a minor head injury, first', () => {
      const r = remindersFor({ campaigns: ['ct'], region: 'head', minorHeadInjury: true });
      expect(r.groups.map((g) => g.campaign.id)).toEqual(['think-a-head', 'ct']);
      expect(r.groups[0]!.campaign.link).toBe(CAMPAIGNS['think-a-head'].link);
    });
    test.each([
      ['a head CT without injury wording', { campaigns: ['ct'], region: 'head', minorHeadInjury: false }],
      ['a head CT with no flag', { campaigns: ['ct'], region: 'head' }],
      ['a chest CT with trauma wording', { campaigns: ['ct'], region: 'chest', minorHeadInjury: true }],
      ['a skull radiograph after a fall', { campaigns: ['radiography'], region: 'head', minorHeadInjury: true }],
      ['a campaign list that names it directly', { campaigns: ['think-a-head'], region: 'head' }],
    ])('does not join %s', (_, ctx) => {
      expect(remindersFor(ctx).groups.map((g) => g.campaign.id)).not.toContain('think-a-head');
    });
  });

  describe('current practice line', () => {
    test.each(['fluoroscopy', 'radiography'])('comes once with %s', (c) => {
      const r = remindersFor({ campaigns: [c, 'fluoroscopy'] });
      expect(r.currentPractice).toEqual({ messageKey: 'clinical.reminder.currentPracticeShielding', link: CURRENT_PRACTICE.link });
    });
    test.each(['ct', 'nuclear-medicine', 'interventional', 'dental'])('is absent for %s alone', (c) => {
      expect(remindersFor({ campaigns: [c] }).currentPractice).toBeNull();
    });
    it('dental exams get the ADA 2024 line instead (aprons and thyroid collars), never the AAPM/NCRP one', () => {
      expect(remindersFor({ campaigns: ['dental'] }).dentalPractice).toEqual({ messageKey: DENTAL_PRACTICE.messageKey });
      expect(remindersFor({ campaigns: ['ct'] }).dentalPractice).toBeNull();
      for (const lang of ['en', 'es']) expect(loadCatalog(lang)[flat(DENTAL_PRACTICE.messageKey)]!.message).toMatch(/ADA.*2024/);
    });
  });

  it('gives two campaigns for a fluoroscopy-guided procedure, in a fixed order, and ignores unknown ones', () => {
    const r = remindersFor({ campaigns: ['fluoroscopy', 'interventional', 'mr', 'ct'] });
    expect(r.groups.map((g) => g.campaign.id)).toEqual(['ct', 'fluoroscopy', 'interventional']);
  });

  it('gives nothing without a campaign', () => {
    expect(remindersFor({ campaigns: [] })).toEqual({ groups: [], currentPractice: null, dentalPractice: null, childProtection: null });
  });
});

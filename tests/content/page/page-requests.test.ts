import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageRequestSchema } from '@/content/page/messages';
import { CUTOFF_RANGE, isPageRequest, parsePageSettingsReply } from '@/content/page/page-requests';
import { PEDIATRIC_CUTOFF_MAX_YEARS, PEDIATRIC_CUTOFF_MIN_YEARS } from '@/clinical/pediatric-cutoff';
import { PediatricCutoffSchema } from '@/settings/schema';
import { sampleRecipe } from '../../helpers/recipes';

describe('isPageRequest', () => {
  it.each([
    [{ type: 'get-tab-facts' }, true],
    [{ type: 'focus-panel' }, true],
    [{ type: 'page-settings-changed' }, true],
    [{ type: 'focus-panel', extra: 1 }, false],
    [{ type: 'test-recipe', recipe: sampleRecipe() }, true],
    [{ type: 'test-recipe', recipe: { ...sampleRecipe(), v: 2 } }, false],
    [{ type: 'test-recipe' }, false],
    [{ type: 'test-recipe', recipe: sampleRecipe(), extra: 1 }, false],
    [{ type: 'tab-facts' }, false],
    [{}, false],
    [null, false],
    ['focus-panel', false],
    [['focus-panel'], false],
  ])('%j → %s', (x, ok) => {
    expect(isPageRequest(x)).toBe(ok);
  });

  it('accepts exactly what PageRequestSchema accepts', () => {
    const candidate = fc.oneof(
      fc.record({ type: fc.constantFrom('get-tab-facts', 'focus-panel', 'page-settings-changed', 'tab-facts', 'x') }),
      fc.record({ type: fc.constantFrom('get-tab-facts', 'focus-panel', 'page-settings-changed'), extra: fc.anything() }),
      fc.record({ type: fc.constant('test-recipe'), recipe: fc.oneof(fc.constant(sampleRecipe()), fc.constant({ ...sampleRecipe(), id: 'X' }), fc.anything()) }),
      fc.anything(),
    );
    fc.assert(
      fc.property(candidate, (x) => {
        expect(isPageRequest(x)).toBe(PageRequestSchema.safeParse(x).success);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parsePageSettingsReply', () => {
  const good = { pediatricCutoffYears: 18, dateOrder: 'DMY', disabledCampaigns: ['dental'], snoozedUntil: null, siteRecipes: [sampleRecipe()] };

  it('takes a well-formed reply', () => {
    expect(parsePageSettingsReply(good)).toEqual(good);
    expect(parsePageSettingsReply({ ...good, dateOrder: null, snoozedUntil: 1_790_000_000_000 })).not.toBeNull();
  });

  it.each([
    ['no reply', undefined],
    ['a cutoff of 0', { ...good, pediatricCutoffYears: 0 }],
    ['a fractional cutoff', { ...good, pediatricCutoffYears: 17.5 }],
    ['an unknown date order', { ...good, dateOrder: 'YMD' }],
    ['campaigns that are not strings', { ...good, disabledCampaigns: [1] }],
    ['a snooze that is not a time', { ...good, snoozedUntil: 'tomorrow' }],
  ])('refuses %s', (_label, x) => {
    expect(parsePageSettingsReply(x)).toBeNull();
  });

  it('keeps the valid recipes of a reply and leaves out a bad one (never the whole reply)', () => {
    const bad = { ...sampleRecipe(), id: 'Not An Id' };
    expect(parsePageSettingsReply({ ...good, siteRecipes: [bad, sampleRecipe({ id: 'b' })] })?.siteRecipes).toEqual([sampleRecipe({ id: 'b' })]);
    expect(parsePageSettingsReply({ ...good, siteRecipes: 'x' })?.siteRecipes).toEqual([]);
  });

  it('accepts exactly the cutoffs the settings schema accepts', () => {
    expect(CUTOFF_RANGE).toEqual([PEDIATRIC_CUTOFF_MIN_YEARS, PEDIATRIC_CUTOFF_MAX_YEARS]);
    const reply = (pediatricCutoffYears: number) => ({ ...good, pediatricCutoffYears });
    for (const n of [-1, 0, 0.5, 1, 2, 17.5, 18, 21, 22, 30]) {
      expect(parsePageSettingsReply(reply(n)) !== null, String(n)).toBe(PediatricCutoffSchema.safeParse(n).success);
    }
  });
});

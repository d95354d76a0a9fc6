/** `siteRecipes` in the policy: each recipe checked on its own, added to the user's, read-only, winning its place. */
import { describe, expect, it } from 'vitest';
import { mergePolicy, withPolicyRecipes } from '@/settings/merge';
import { parsePolicy } from '@/settings/policy';
import { defaultSettings } from '@/settings/schema';
import { sampleRecipe } from '../helpers/recipes';

describe('policy siteRecipes', () => {
  it('takes a list of recipes', () => {
    const r = parsePolicy({ siteRecipes: [sampleRecipe()] });
    expect(r).toEqual({ value: { siteRecipes: [sampleRecipe()] }, issues: [] });
  });
  it('takes the list as one JSON string (Windows registry, Firefox passes strings through)', () => {
    expect(parsePolicy({ siteRecipes: JSON.stringify([sampleRecipe()]) }).value.siteRecipes).toEqual([sampleRecipe()]);
  });
  it('ignores a bad recipe with a message, keeps the good ones and the other keys', () => {
    const r = parsePolicy({ pediatricCutoffYears: 16, siteRecipes: [{ ...sampleRecipe(), id: 'Bad Id' }, sampleRecipe({ id: 'ok' })] });
    expect(r.value).toEqual({ pediatricCutoffYears: 16, siteRecipes: [sampleRecipe({ id: 'ok' })] });
    expect(r.issues).toEqual([expect.stringMatching(/^policy value ignored: siteRecipes\[0\]: id: /)]);
  });
  it('ignores a second recipe with the same id', () => {
    const r = parsePolicy({ siteRecipes: [sampleRecipe(), sampleRecipe({ pathPrefix: '/' })] });
    expect(r.value.siteRecipes).toEqual([sampleRecipe()]);
    expect(r.issues).toHaveLength(1);
  });
  it.each([
    ['not a list', { a: 1 }, 'siteRecipes: expected a list'],
    ['a string that is not JSON', '[{', 'siteRecipes: a string that is not JSON'],
  ])('refuses %s', (_what, raw, issue) => {
    const r = parsePolicy({ siteRecipes: raw });
    expect(r.value).toEqual({});
    expect(r.issues).toEqual([`policy value ignored: ${issue}`]);
  });
  it("keeps its behaviour for the existing keys (a recipe key does not touch them)", () => {
    const raw = { pediatricCutoffYears: 15, statementsEnabled: 0, disabledCampaigns: ['dental', 'nope'] };
    const without = parsePolicy(raw);
    const withRecipes = parsePolicy({ ...raw, siteRecipes: [sampleRecipe()] });
    const { siteRecipes, ...rest } = withRecipes.value;
    expect([rest, withRecipes.issues, siteRecipes]).toEqual([without.value, without.issues, [sampleRecipe()]]);
  });
});

describe('merging recipes', () => {
  const mine = sampleRecipe({ id: 'mine', origin: 'https://other.example.org' });
  const samePlace = sampleRecipe({ id: 'my-orders' });
  const policy = sampleRecipe({ id: 'org-orders' });
  it('the policy recipes come first and are added to the user\'s', () => {
    const user = { ...defaultSettings(), siteRecipes: [mine] };
    const m = mergePolicy(user, { siteRecipes: [policy] });
    expect(m.settings.siteRecipes.map((r) => r.id)).toEqual(['org-orders', 'mine']);
    expect(m.managed).toEqual(['siteRecipes']);
  });
  it("a user recipe for the policy recipe's site and path, or with its id, is left out", () => {
    expect(withPolicyRecipes([policy], [samePlace, mine, sampleRecipe({ id: 'org-orders', origin: 'https://x.example' })]).map((r) => r.id)).toEqual([
      'org-orders',
      'mine',
    ]);
  });
  it('without a policy the user recipes stand alone and nothing is managed', () => {
    const m = mergePolicy({ ...defaultSettings(), siteRecipes: [mine] }, {});
    expect([m.settings.siteRecipes, m.managed]).toEqual([[mine], []]);
  });
});

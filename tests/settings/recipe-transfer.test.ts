/** Recipes out and in: a file, a bare list or a policy object; each recipe on its own; the organisation's stand. */
import { describe, expect, it } from 'vitest';
import { exportRecipesFile, mergeRecipes, parseRecipesImport, RECIPES_FORMAT } from '@/settings/recipe-transfer';
import { sampleRecipe } from '../helpers/recipes';

const NOW = new Date('2026-11-26T10:00:00Z');

describe('recipes export and import', () => {
  it('round-trips a file', () => {
    const text = exportRecipesFile([sampleRecipe()], NOW);
    expect(JSON.parse(text)).toMatchObject({ format: RECIPES_FORMAT, version: 1, exportedAt: NOW.toISOString() });
    expect(parseRecipesImport(text)).toEqual({ ok: true, recipes: [sampleRecipe()], skipped: 0 });
  });
  it('takes a bare list or a policy object', () => {
    expect(parseRecipesImport(JSON.stringify([sampleRecipe()]))).toMatchObject({ ok: true, recipes: [sampleRecipe()] });
    expect(parseRecipesImport(JSON.stringify({ pediatricCutoffYears: 18, siteRecipes: [sampleRecipe()] }))).toMatchObject({ ok: true, recipes: [sampleRecipe()] });
  });
  it('skips and counts a bad recipe, keeps the good ones', () => {
    const r = parseRecipesImport(JSON.stringify([sampleRecipe(), { ...sampleRecipe({ id: 'b' }), values: ['2019-03-04'] }, 7]));
    expect(r).toEqual({ ok: true, recipes: [sampleRecipe()], skipped: 2 });
  });
  it.each([
    ['not JSON', '{', 'not-json'],
    ['no recipes', '{"a":1}', 'no-recipes'],
  ])('refuses %s', (_what, text, error) => expect(parseRecipesImport(text)).toEqual({ ok: false, error }));
  it("merges: replaces the user's recipe for the same id or place, never the organisation's", () => {
    const user = [sampleRecipe({ id: 'old' }), sampleRecipe({ id: 'keep', pathPrefix: '/' })];
    const org = [sampleRecipe({ id: 'org', origin: 'https://pacs.example.org' })];
    const incoming = [sampleRecipe({ id: 'new' }), sampleRecipe({ id: 'x', origin: 'https://pacs.example.org' })];
    const m = mergeRecipes(user, org, incoming);
    expect(m.list.map((r) => r.id)).toEqual(['keep', 'new']);
    expect([m.added, m.refused]).toEqual([1, 1]);
  });
});

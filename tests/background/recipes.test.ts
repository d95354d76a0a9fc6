/**
 * The background side of site recipes: the picker only on enabled sites, saving only a valid recipe of the
 * sender's own site that does not stand in for the organisation's, and the "needs attention" flag kept only as a
 * boolean for a recipe of the reporting page's origin.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSetting } from '@/settings/items';
import { resetPolicyCacheForTests } from '@/background/policy-cache';
import {
  recordRecipeStatus,
  saveRecipe,
  startPicker,
  withUserRecipe,
  writeRecipeStatus,
} from '@/background/recipes';
import { handleMessage } from '@/background/tab-facts';
import { parseRecipeStatus, readRecipeStatus, RECIPE_STATUS_KEY } from '@/settings/recipe-status';
import { OPTIONAL_SITE_HOSTS, STATEMENT_HOSTS } from '@/settings/hosts';
import { installFakePermissions } from '../helpers/fake-permissions';
import { sampleRecipe } from '../helpers/recipes';

const PAGE = 'https://ris.example.org/orders/4711';

beforeEach(() => {
  fakeBrowser.reset();
  resetPolicyCacheForTests();
  installFakePermissions(fakeBrowser, {
    required: { origins: [...STATEMENT_HOSTS] },
    optional: { origins: [...OPTIONAL_SITE_HOSTS] },
    granted: ['https://ris.example.org/*'],
  });
});

describe('startPicker', () => {
  it('injects into the frame of an enabled site only', async () => {
    const injected: [number, number][] = [];
    const inject = async (tab: number, frame: number) => void injected.push([tab, frame]);
    expect(await startPicker(4, 0, PAGE, inject)).toBe(true);
    expect(await startPicker(4, 0, 'https://not-enabled.example.org/x', inject)).toBe(false);
    expect(await startPicker(4, 0, 'chrome://extensions/', inject)).toBe(false);
    expect(await startPicker(4, 0, undefined, inject)).toBe(false);
    expect(injected).toEqual([[4, 0]]);
  });
  it("not on a host granted only for a statement feed (the popup's own rule)", async () => {
    await fakeBrowser.storage.local.set({
      'settings.statementSources': { imagegently: true, extraUrls: ['https://ris.example.org/feed.xml'] },
      'siteAccess.turnedOn': [],
    });
    expect(await startPicker(4, 0, PAGE, async () => undefined)).toBe(false);
    await fakeBrowser.storage.local.set({ 'siteAccess.turnedOn': ['https://ris.example.org/*'] });
    expect(await startPicker(4, 0, PAGE, async () => undefined)).toBe(true);
  });
});

describe('saveRecipe', () => {
  it("stores a valid recipe of the sender's site, replacing the user's one for the same site and path", async () => {
    await fakeBrowser.storage.local.set({ 'settings.siteRecipes': [sampleRecipe({ id: 'old' }), sampleRecipe({ id: 'other', pathPrefix: '/' })] });
    await writeRecipeStatus('ris-example-org-orders', true);
    expect(await saveRecipe(sampleRecipe(), PAGE)).toEqual({ ok: true, recipe: sampleRecipe() });
    expect((await readSetting('siteRecipes')).map((r) => r.id)).toEqual(['other', 'ris-example-org-orders']);
    expect(await readRecipeStatus()).toEqual({}); // a new recipe starts without a flag
  });
  it.each([
    ['a recipe with a value in it', { ...sampleRecipe(), values: { birthDate: '2019-03-04' } }, PAGE, 'invalid'],
    ['a label that is a date', sampleRecipe({ fields: [{ kind: 'birthDate', locators: [{ label: '2019-03-04' }] }] }), PAGE, 'invalid'],
    ["another site's recipe", sampleRecipe({ origin: 'https://pacs.example.org' }), PAGE, 'other-site'],
    ['a site that is not enabled', sampleRecipe({ origin: 'https://off.example.org' }), 'https://off.example.org/orders/1', 'not-enabled'],
  ])('refuses %s', async (_what, recipe, url, reason) => {
    expect(await saveRecipe(recipe, url)).toEqual({ ok: false, reason });
    expect(await readSetting('siteRecipes')).toEqual([]);
  });
  it("refuses to stand in for the organisation's recipe", () => {
    const org = sampleRecipe({ id: 'org' });
    expect(withUserRecipe([], [org], sampleRecipe())).toEqual({ ok: false, reason: 'managed' });
    expect(withUserRecipe([], [org], sampleRecipe({ id: 'org', pathPrefix: '/' }))).toEqual({ ok: false, reason: 'managed' });
    expect(withUserRecipe([], [org], sampleRecipe({ id: 'mine', pathPrefix: '/' }))).toEqual({ ok: true, list: [sampleRecipe({ id: 'mine', pathPrefix: '/' })] });
  });
  it('arrives from the picker as a page message checked by the content-message schema', async () => {
    const sender = { id: fakeBrowser.runtime.id, tab: { id: 3 } as never, frameId: 0, url: PAGE };
    expect(await handleMessage({ type: 'save-recipe', recipe: sampleRecipe() }, sender)).toEqual({ ok: true, recipe: sampleRecipe() });
    expect(handleMessage({ type: 'save-recipe', recipe: { ...sampleRecipe(), v: 9 } }, sender)).toBeUndefined();
  });
});

describe('recipe status', () => {
  const sender = (url: string) => ({ id: fakeBrowser.runtime.id, tab: { id: 3 } as never, frameId: 0, url });

  it("keeps a boolean per id, for a recipe of the page's own origin only", async () => {
    await fakeBrowser.storage.local.set({ 'settings.siteRecipes': [sampleRecipe()] });
    expect(await recordRecipeStatus(PAGE, 'ris-example-org-orders', true)).toBe(true);
    expect(await recordRecipeStatus('https://pacs.example.org/', 'ris-example-org-orders', false)).toBe(false);
    expect(await recordRecipeStatus(PAGE, 'unknown', true)).toBe(false);
    expect((await fakeBrowser.storage.local.get(RECIPE_STATUS_KEY))[RECIPE_STATUS_KEY]).toEqual({ 'ris-example-org-orders': true });
    handleMessage({ type: 'recipe-status', id: 'ris-example-org-orders', needsAttention: false }, sender(PAGE));
    await vi.waitFor(async () => expect(await readRecipeStatus()).toEqual({ 'ris-example-org-orders': false }));
  });
  it('refuses a status message that carries anything more', () => {
    expect(handleMessage({ type: 'recipe-status', id: 'x', needsAttention: true, missing: ['birth date'] }, sender(PAGE))).toBeUndefined();
  });
  it('reads a damaged store as the flags it can', () => {
    expect(parseRecipeStatus({ ok: true, 'Bad Id': true, other: 'yes' })).toEqual({ ok: true });
    expect(parseRecipeStatus([1])).toEqual({});
  });
});

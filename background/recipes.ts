/**
 * Background side of site recipes (content/read/recipe/): the picker's injection, saving what it made, and each
 * recipe's "needs attention" flag.
 *
 * - `start-picker` from a page (the panel's "Why am I seeing this?" → "Teach this page") or `start-picker-in-tab`
 *   from the popup: picker.js is injected only into a frame of a site the user enabled (its host permission is
 *   granted — not the one-off activeTab of "Check this page once").
 * - `save-recipe` from the picker: checked with the zod schema; its origin must be the sender's, the site must be
 *   enabled, and it may not stand in for an organisation's recipe (same id, or same site and path). It replaces the
 *   user's recipe for the same site and path. Selectors and labels only: the schema has no room for values.
 * - `recipe-status` from a page: `{ id, needsAttention }`, kept only for a recipe of the sender's origin, in
 *   `storage.local` as id → boolean (RECIPE_STATUS_KEY). Nothing else about a page is stored.
 */
import { browser, type Browser } from 'wxt/browser';
import { isRecipeId, type SiteRecipe } from '@/content/read/recipe/recipe';
import { getSettingsState } from '@/settings/index';
import { writeSetting } from '@/settings/items';
import { getPageSettings } from '@/settings/page';
import { SiteRecipeSchema } from '@/settings/recipe-schema';
import { siteStatusForTab } from '@/settings/site-access-client';
import { readRecipeStatus, RECIPE_STATUS_KEY } from '@/settings/recipe-status';
import { policyCache } from './policy-cache';

/** The picker script (entrypoints/picker.content), injected on request. */
export const PICKER_SCRIPT_FILE = '/content-scripts/picker.js';

let writes: Promise<unknown> = Promise.resolve();
function serialised<T>(job: () => Promise<T>): Promise<T> {
  const next = writes.then(job, job);
  writes = next.catch(() => undefined);
  return next;
}

/** Set (or, with null, forget) one recipe's flag. */
export function writeRecipeStatus(id: string, needsAttention: boolean | null): Promise<void> {
  return serialised(async () => {
    const current = await readRecipeStatus();
    if (needsAttention === null) delete current[id];
    else if (current[id] === needsAttention) return;
    else current[id] = needsAttention;
    await browser.storage.local.set({ [RECIPE_STATUS_KEY]: current });
  });
}

/**
 * Is the page's site one the user enabled — the popup's own rule (settings/site-access-client.ts: granted and
 * turned on as a site, not only a statement feed's host), or a host the manifest requires?
 */
export async function isSiteEnabled(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  const status = await siteStatusForTab({ id: 0, url });
  return status.kind === 'site' && (status.enabled || status.required);
}

function originOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

export type InjectPicker = (tabId: number, frameId: number) => Promise<unknown>;
const injectPicker: InjectPicker = (tabId, frameId) =>
  browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PICKER_SCRIPT_FILE] });

/** Inject the picker into a frame of an enabled site. Resolves whether it was injected. */
export async function startPicker(tabId: number, frameId: number, url: string | undefined, inject: InjectPicker = injectPicker): Promise<boolean> {
  if (!(await isSiteEnabled(url))) return false;
  try {
    await inject(tabId, frameId);
    return true;
  } catch {
    return false;
  }
}

export type SaveRecipeResult = { ok: true; recipe: SiteRecipe } | { ok: false; reason: 'invalid' | 'other-site' | 'not-enabled' | 'managed' };

/** The pure part of saving: the user's list with `recipe` in it, or why not. */
export function withUserRecipe(
  user: readonly SiteRecipe[],
  managed: readonly SiteRecipe[],
  recipe: SiteRecipe,
): { ok: true; list: SiteRecipe[] } | { ok: false; reason: 'managed' } {
  const place = (r: SiteRecipe) => `${r.origin} ${r.pathPrefix}`;
  if (managed.some((r) => r.id === recipe.id || place(r) === place(recipe))) return { ok: false, reason: 'managed' };
  return { ok: true, list: [...user.filter((r) => r.id !== recipe.id && place(r) !== place(recipe)), recipe] };
}

/** Save the picker's recipe for `senderUrl`'s site. */
export async function saveRecipe(raw: unknown, senderUrl: string | undefined): Promise<SaveRecipeResult> {
  const parsed = SiteRecipeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const recipe = parsed.data;
  if (originOf(senderUrl) !== recipe.origin) return { ok: false, reason: 'other-site' };
  if (!(await isSiteEnabled(senderUrl))) return { ok: false, reason: 'not-enabled' };
  const state = await getSettingsState();
  const next = withUserRecipe(state.user.siteRecipes, state.policy.siteRecipes ?? [], recipe);
  if (!next.ok) return next;
  await writeSetting('siteRecipes', next.list);
  await writeRecipeStatus(recipe.id, null);
  return { ok: true, recipe };
}

/** Keep a page's report of a recipe's status, when the recipe is one of that page's origin. */
export async function recordRecipeStatus(senderUrl: string | undefined, id: string, needsAttention: boolean): Promise<boolean> {
  const origin = originOf(senderUrl);
  if (!origin) return false;
  const settings = await getPageSettings(origin, Date.now(), () => policyCache().snapshot());
  if (!settings.siteRecipes.some((r) => r.id === id)) return false;
  await writeRecipeStatus(id, needsAttention);
  return true;
}

const isExtensionPage = (sender: Browser.runtime.MessageSender) =>
  sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));

/**
 * The popup's "Teach this page": `{ type: 'start-picker-in-tab', tabId }` from an extension page.
 * (Page messages — `recipe-status`, `start-picker`, `save-recipe` — come through background/tab-facts.ts
 * `handleMessage`, which checks them with the content-message schema.)
 */
export function handleRecipePageMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<boolean> | undefined {
  if (!isExtensionPage(sender) || !message || typeof message !== 'object') return undefined;
  const m = message as { type?: unknown; tabId?: unknown };
  if (m.type !== 'start-picker-in-tab' || typeof m.tabId !== 'number' || !Number.isInteger(m.tabId) || m.tabId < 0) return undefined;
  const tabId = m.tabId;
  return browser.tabs.get(tabId).then(
    (tab) => startPicker(tabId, 0, tab.url),
    () => false,
  );
}

export function registerRecipes(): void {
  browser.runtime.onMessage.addListener((message, sender) => handleRecipePageMessage(message, sender));
}

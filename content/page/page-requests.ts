/**
 * Checks of what reaches the always-on content script, without zod (zod/mini alone is ~22 kB,
 * a third of that script's budget; `npm run bench` reports the sizes). Each guard accepts exactly
 * what its zod schema in content/page/messages.ts accepts; tests/content/page/page-requests.test.ts
 * holds them to that over generated inputs.
 */
import { PEDIATRIC_CUTOFF_MAX_YEARS, PEDIATRIC_CUTOFF_MIN_YEARS } from '@/clinical/pediatric-cutoff';
import type { PageRequest, PageSettingsReply } from '@/content/page/messages';
import { isSiteRecipe } from '@/content/read/recipe/recipe';

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * `PageRequestSchema`: `{ type: 'get-tab-facts' | 'focus-panel' | 'page-settings-changed' }`, nothing more, or
 * `{ type: 'test-recipe', recipe }` with a valid recipe.
 */
export function isPageRequest(x: unknown): x is PageRequest {
  if (!isPlainObject(x)) return false;
  const keys = Object.keys(x);
  if (x.type === 'test-recipe') return keys.length === 2 && keys.includes('recipe') && isSiteRecipe(x.recipe);
  return (
    keys.length === 1 &&
    keys[0] === 'type' &&
    (x.type === 'get-tab-facts' || x.type === 'focus-panel' || x.type === 'page-settings-changed')
  );
}

/** The cutoffs a user or a policy may choose (clinical/pediatric-cutoff.ts). */
export const CUTOFF_RANGE = [PEDIATRIC_CUTOFF_MIN_YEARS, PEDIATRIC_CUTOFF_MAX_YEARS] as const;

/** The background's answer to `get-page-settings`, or null when it is not one. */
export function parsePageSettingsReply(x: unknown): PageSettingsReply | null {
  if (!isPlainObject(x)) return null;
  const { pediatricCutoffYears: cutoff, dateOrder, disabledCampaigns, snoozedUntil, siteRecipes } = x;
  if (typeof cutoff !== 'number' || !Number.isInteger(cutoff) || cutoff < CUTOFF_RANGE[0] || cutoff > CUTOFF_RANGE[1]) return null;
  if (dateOrder !== null && dateOrder !== 'MDY' && dateOrder !== 'DMY') return null;
  if (!Array.isArray(disabledCampaigns) || !disabledCampaigns.every((c) => typeof c === 'string')) return null;
  if (snoozedUntil !== null && (typeof snoozedUntil !== 'number' || !Number.isFinite(snoozedUntil))) return null;
  // Recipes are checked one by one (the background checked them too): a bad one is left out, never the reply.
  const recipes = Array.isArray(siteRecipes) ? siteRecipes.filter(isSiteRecipe) : [];
  return { pediatricCutoffYears: cutoff, dateOrder, disabledCampaigns: [...disabledCampaigns], snoozedUntil, siteRecipes: recipes };
}

/**
 * Site recipes' "needs attention" flags, as the background keeps them (background/recipes.ts): in storage.local
 * under RECIPE_STATUS_KEY, recipe id → boolean (a field was not found on the last page the recipe ran on).
 * Nothing else about a page is stored. Read by the options page.
 */
import { browser } from 'wxt/browser';
import { isRecipeId } from '@/content/read/recipe/recipe';

export const RECIPE_STATUS_KEY = 'recipes.status';

export type RecipeStatusMap = Record<string, boolean>;

/** The stored flags, checked (a bad entry is dropped). */
export function parseRecipeStatus(raw: unknown): RecipeStatusMap {
  const out: RecipeStatusMap = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [id, flag] of Object.entries(raw as Record<string, unknown>)) if (isRecipeId(id) && typeof flag === 'boolean') out[id] = flag;
  return out;
}

export async function readRecipeStatus(): Promise<RecipeStatusMap> {
  try {
    return parseRecipeStatus((await browser.storage.local.get(RECIPE_STATUS_KEY))[RECIPE_STATUS_KEY]);
  } catch {
    return {};
  }
}


/**
 * Export and import of site recipes (the options page's recipes section). Pure: text in, recipes and counts out.
 * An import takes a recipes file, a bare list of recipes, or a policy object with `siteRecipes` (so IT's policy
 * file can be tried in one browser first). Each recipe is checked on its own; a bad one is skipped and counted.
 */
import type { SiteRecipe } from '@/content/read/recipe/recipe';
import { RECIPE_LIMITS } from '@/content/read/recipe/recipe';
import { SiteRecipeSchema } from './recipe-schema';
import { repairList, uniqueRecipes } from './schema';
import { MAX_IMPORT_BYTES } from './transfer';

export const RECIPES_FORMAT = 'image-gently-companion/site-recipes';
export const RECIPES_VERSION = 1;

export function exportRecipesFile(recipes: readonly SiteRecipe[], now: Date): string {
  return JSON.stringify({ format: RECIPES_FORMAT, version: RECIPES_VERSION, exportedAt: now.toISOString(), recipes }, null, 2) + '\n';
}

export type RecipesImport = { ok: true; recipes: SiteRecipe[]; skipped: number } | { ok: false; error: 'too-large' | 'not-json' | 'no-recipes' };

export function parseRecipesImport(text: string): RecipesImport {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  const obj = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  const list = Array.isArray(data) ? data : obj?.format === RECIPES_FORMAT ? obj.recipes : obj?.siteRecipes;
  if (!Array.isArray(list)) return { ok: false, error: 'no-recipes' };
  const r = uniqueRecipes(repairList(SiteRecipeSchema, list, 'recipes', RECIPE_LIMITS.recipes));
  return { ok: true, recipes: r.value, skipped: list.length - r.value.length };
}

/**
 * The user's recipes with `incoming` added: each replaces the user's recipe with its id or its site and path;
 * one that would stand in for an organisation's recipe (`managed`) is left out and counted.
 */
export function mergeRecipes(
  user: readonly SiteRecipe[],
  managed: readonly SiteRecipe[],
  incoming: readonly SiteRecipe[],
): { list: SiteRecipe[]; added: number; refused: number } {
  const place = (r: SiteRecipe) => `${r.origin} ${r.pathPrefix}`;
  const managedIds = new Set(managed.map((r) => r.id));
  const managedPlaces = new Set(managed.map(place));
  let list = [...user];
  let added = 0;
  let refused = 0;
  for (const r of incoming) {
    if (managedIds.has(r.id) || managedPlaces.has(place(r))) {
      refused++;
      continue;
    }
    list = [...list.filter((u) => u.id !== r.id && place(u) !== place(r)), r];
    added++;
  }
  return { list: list.slice(-RECIPE_LIMITS.recipes), added, refused };
}

/**
 * The zod/mini schema of a site recipe (content/read/recipe/recipe.ts), for storage, imports and the policy.
 * Built from the same predicates as the content script's zod-free `isSiteRecipe`, so the two accept exactly the
 * same values (tests/settings/recipe-schema.test.ts checks that over generated input).
 */
import * as z from 'zod/mini';
import {
  hasOneFieldPerStep,
  isCssText,
  isLabelText,
  isOriginText,
  isPathPrefix,
  isRecipeId,
  RECIPE_FIELD_KINDS,
  RECIPE_LIMITS,
  RECIPE_STEPS,
  RECIPE_VERSION,
  type SiteRecipe,
} from '../content/read/recipe/recipe';
import { lazySchema } from '../utils/lazy-schema';

const checked = (ok: (s: string) => boolean, error: string) => z.string().check(z.refine(ok, { error }));

export const LocatorSchema = lazySchema(() =>
  z.union([
    z.strictObject({ css: checked(isCssText, `css must be a selector of 1–${RECIPE_LIMITS.css} characters on one line, without { }`) }),
    z.strictObject({
      label: checked(isLabelText, `label must be 1–${RECIPE_LIMITS.label} characters of label text (no value: at most two digits in a row)`),
    }),
  ]),
);

export const RecipeFieldSchema = lazySchema(() =>
  z.strictObject({
    kind: z.enum(RECIPE_FIELD_KINDS),
    locators: z.array(LocatorSchema).check(
      z.refine((l) => l.length >= 1 && l.length <= RECIPE_LIMITS.locators, { error: `1–${RECIPE_LIMITS.locators} locators` }),
    ),
  }),
);

export const SiteRecipeSchema = lazySchema(() =>
  z.strictObject({
    v: z.literal(RECIPE_VERSION),
    id: checked(isRecipeId, 'id must be lower-case letters, digits and dashes (up to 64)'),
    origin: checked(isOriginText, 'origin must be an http(s) origin like https://ris.example.org'),
    pathPrefix: checked(isPathPrefix, 'pathPrefix must be a path starting with / (no query or fragment)'),
    name: z.optional(checked((s) => s.length >= 1 && s.length <= RECIPE_LIMITS.name, `name must have 1–${RECIPE_LIMITS.name} characters`)),
    fields: z.array(RecipeFieldSchema).check(
      z.refine((f) => f.length >= 1 && f.length <= RECIPE_STEPS.length, { error: `1–${RECIPE_STEPS.length} fields` }),
      z.refine((f) => hasOneFieldPerStep(f), { error: 'at most one field per step (birth date or age; exam; exam or order date)' }),
    ),
  }),
) as unknown as z.ZodMiniType<SiteRecipe>;

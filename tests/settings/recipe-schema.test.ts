/**
 * The recipe's zod schema (storage, imports, policy) and the content script's zod-free `isSiteRecipe` accept
 * exactly the same values — over generated recipes, good and broken.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSiteRecipe, RECIPE_FIELD_KINDS } from '@/content/read/recipe/recipe';
import { SiteRecipeSchema } from '@/settings/recipe-schema';
import { sampleRecipe } from '../helpers/recipes';

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('#dob', '[data-testid="x"]', 'a{b}', ' x', 'Date of birth', 'born 2019-03-04', 'DOB:', ''),
);
const locator = fc.oneof(
  fc.record({ css: text }),
  fc.record({ label: text }),
  fc.record({ css: text, label: text }),
  fc.constant({}),
  fc.constant('x'),
);
const field = fc.oneof(
  fc.record({ kind: fc.constantFrom(...RECIPE_FIELD_KINDS, 'weight'), locators: fc.array(locator, { maxLength: 5 }) }),
  fc.record({ kind: fc.constantFrom(...RECIPE_FIELD_KINDS), locators: fc.array(locator, { maxLength: 5 }), value: fc.string() }),
);
const recipe = fc.record(
  {
    v: fc.constantFrom(1, 2, '1'),
    id: fc.constantFrom('ris', 'a-b-1', 'A', '-x', 'x'.repeat(65), ''),
    origin: fc.constantFrom('https://ris.example.org', 'http://10.1.2.3:8042', 'https://ris.example.org/', 'ftp://x', 'HTTPS://RIS.example.org'),
    pathPrefix: fc.constantFrom('/', '/orders/', 'orders', '/a?b', '/a b'),
    name: fc.option(fc.string({ maxLength: 90 }), { nil: undefined }),
    fields: fc.array(field, { maxLength: 4 }),
    extra: fc.constant(1),
  },
  { requiredKeys: ['v', 'id', 'origin', 'pathPrefix', 'fields'] },
);

describe('SiteRecipeSchema and isSiteRecipe', () => {
  it('agree on generated values', () => {
    fc.assert(
      fc.property(fc.oneof(recipe, fc.anything()), (x) => {
        expect(SiteRecipeSchema.safeParse(x).success).toBe(isSiteRecipe(x));
      }),
      { numRuns: 2000 },
    );
  });
  it('agree on a valid recipe and on each single break of it', () => {
    const good = sampleRecipe();
    const broken: unknown[] = [
      { ...good, v: 2 },
      { ...good, fields: [...good.fields, good.fields[0]] },
      { ...good, fields: [{ kind: 'birthDate', locators: [{ label: 'Born 03/04/2019' }] }] },
      { ...good, pathPrefix: '/orders?x' },
      { ...good, secret: 'x' },
    ];
    expect(SiteRecipeSchema.safeParse(good).success).toBe(true);
    for (const b of broken) expect([SiteRecipeSchema.safeParse(b).success, isSiteRecipe(b)]).toEqual([false, false]);
  });
});

/** Site recipes for settings and background tests (selectors and labels only, as every recipe). */
import type { SiteRecipe } from '@/content/read/recipe/recipe';

export function sampleRecipe(overrides: Partial<SiteRecipe> = {}): SiteRecipe {
  return {
    v: 1,
    id: 'ris-example-org-orders',
    origin: 'https://ris.example.org',
    pathPrefix: '/orders/',
    fields: [
      { kind: 'birthDate', locators: [{ css: '[data-testid="pt-born"]' }, { label: 'Date of birth' }] },
      { kind: 'procedure', locators: [{ css: 'span.order-proc' }] },
      { kind: 'examDate', locators: [{ css: 'time.order-when' }, { css: 'body > main > section:nth-of-type(2) > time' }] },
    ],
    ...overrides,
  };
}

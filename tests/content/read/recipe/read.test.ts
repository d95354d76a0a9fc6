/**
 * Reading with a site recipe: it wins over the page reader for its site, its evidence says "site recipe", and a
 * field it cannot find falls back to the page reader and flags the recipe (a boolean per recipe id).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../../content/read/analyze';
import {
  isSiteRecipe,
  recipeFor,
  recipeIdFor,
  type SiteRecipe,
} from '../../../../content/read/recipe/recipe';
import { SITE_RECIPE_PROFILE_ID } from '../../../../content/read/recipe/read';
import { loadFixture, parseHtml } from '../../../helpers/pages';
import { loadRecipePage } from '../../../helpers/recipe-pages';

const NOW = new Date('2026-11-26T12:00:00Z');

const ACME: SiteRecipe = {
  v: 1,
  id: 'acme-orders',
  origin: 'http://127.0.0.1:8080',
  pathPrefix: '/acme/',
  fields: [
    { kind: 'birthDate', locators: [{ css: '[data-testid="pt-born"]' }] },
    { kind: 'procedure', locators: [{ css: 'span.order-proc' }] },
    { kind: 'examDate', locators: [{ css: 'time.order-when' }] },
  ],
};

describe('analyzePage with a site recipe', () => {
  test('a page the page reader cannot read', () => {
    const p = loadRecipePage('acme-ris', 2);
    const without = analyzePage(p.doc, p.url, { now: NOW });
    expect([without.profileId, without.pediatric, without.ageDays]).toEqual([null, false, null]);
  });

  test('is read with the recipe: age at the exam, the exam, evidence "site recipe"', () => {
    const p = loadRecipePage('acme-ris', 2);
    const a = analyzePage(p.doc, p.url, { now: NOW, siteRecipes: [ACME] });
    expect(a.profileId).toBe(SITE_RECIPE_PROFILE_ID);
    expect(a.pediatric).toBe(true);
    expect(a.ageBasis).toBe('exam');
    expect(a.ageDetail).toEqual({ source: 'calendar', years: 5, months: 4, days: 9 }); // 2021-07-15 → 2026-11-24
    expect([a.modality, a.region, a.examDescription]).toEqual(['CT', 'head', 'CT HEAD WITHOUT CONTRAST']);
    expect(a.recipe).toEqual({ id: 'acme-orders', needsAttention: false });
    const where = a.evidence.filter((e) => ['birthDate', 'examDate'].includes(e.kind)).map((e) => e.where);
    expect(where).toEqual(['site recipe · birth date', 'site recipe · exam date']);
  });

  test('a recipe for another origin or path is not used', () => {
    const p = loadRecipePage('acme-ris', 2);
    for (const other of [{ ...ACME, origin: 'http://127.0.0.1:8081' }, { ...ACME, pathPrefix: '/other/' }]) {
      const a = analyzePage(p.doc, p.url, { now: NOW, siteRecipes: [other] });
      expect([a.profileId, a.recipe]).toEqual([null, undefined]);
    }
  });

  test('the recipe wins over the page reader for the kinds it reads; the reader keeps the others', () => {
    // The generic reader reads this banner (DOB, Weight); the recipe points at the birth date in the sidebar card.
    const doc = parseHtml(`<body><main><p>DOB: 01/02/1980</p><p>Weight: 18 kg</p>
      <div class="card"><span data-field="born">2020-05-06</span><b class="exam">XR CHEST</b><i class="on">2026-11-20</i></div></main></body>`);
    const recipe: SiteRecipe = {
      ...ACME,
      pathPrefix: '/',
      fields: [
        { kind: 'birthDate', locators: [{ css: '[data-field="born"]' }] },
        { kind: 'procedure', locators: [{ css: 'b.exam' }] },
        { kind: 'examDate', locators: [{ css: 'i.on' }] },
      ],
    };
    const a = analyzePage(doc, 'http://127.0.0.1:8080/chart', { now: NOW, siteRecipes: [recipe] });
    expect(a.ageDetail).toEqual({ source: 'calendar', years: 6, months: 6, days: 14 });
    expect(a.weight?.kg).toBe(18);
    expect(a.evidence.some((e) => e.text === '01/02/1980')).toBe(false);
  });

  test('a field the recipe cannot find: the page reader stands in and the recipe needs attention', () => {
    const p = loadFixture('generic', 'order-entry.html');
    const plain = analyzePage(p.doc, p.url, { now: NOW });
    const broken: SiteRecipe = {
      ...ACME,
      origin: new URL(p.url).origin,
      pathPrefix: '/',
      fields: [{ kind: 'birthDate', locators: [{ css: '#gone' }, { label: 'No such label' }] }],
    };
    const a = analyzePage(p.doc, p.url, { now: NOW, siteRecipes: [broken] });
    expect(a.recipe).toEqual({ id: 'acme-orders', needsAttention: true });
    expect([a.pediatric, a.ageDays, a.profileId]).toEqual([plain.pediatric, plain.ageDays, plain.profileId]);
    expect(a.evidence).toContainEqual(expect.objectContaining({ kind: 'recipe', text: 'birth date', where: 'site recipe' }));
  });

  test('a recipe whose every field is missing on a page nothing else reads: flagged, not pediatric', () => {
    const p = loadRecipePage('acme-ris', 1);
    const broken: SiteRecipe = { ...ACME, fields: [{ kind: 'birthDate', locators: [{ css: '[data-testid="dob-gone"]' }] }] };
    const a = analyzePage(p.doc, p.url, { now: NOW, siteRecipes: [broken] });
    expect([a.pediatric, a.profileId, a.recipe]).toEqual([false, null, { id: 'acme-orders', needsAttention: true }]);
  });

  test('a blank field is not missing (the page shows no value)', () => {
    const doc = parseHtml('<body><span data-testid="pt-born"></span><span class="order-proc">CT HEAD</span><time class="order-when">2026-11-20</time></body>');
    const a = analyzePage(doc, 'http://127.0.0.1:8080/acme/x', { now: NOW, siteRecipes: [ACME] });
    expect(a.recipe).toEqual({ id: 'acme-orders', needsAttention: false });
    expect(a.pediatric).toBe(false);
  });

  test('an age field: an AS value is DICOM PatientAge, a bare number is years', () => {
    const recipe: SiteRecipe = { ...ACME, pathPrefix: '/', fields: [{ kind: 'age', locators: [{ css: '#a' }] }] };
    for (const [text, days] of [['006Y', 2191], ['7', 2556]] as const) {
      const doc = parseHtml(`<body><b id="a">${text}</b></body>`);
      expect(analyzePage(doc, 'http://127.0.0.1:8080/', { now: NOW, siteRecipes: [recipe] }).ageDays).toBe(days);
    }
  });
});

describe('recipeFor', () => {
  const site = (pathPrefix: string, id: string): SiteRecipe => ({ ...ACME, id, pathPrefix });
  test('the longest matching path prefix wins; same origin only', () => {
    const list = [site('/', 'all'), site('/acme/', 'acme'), site('/acme/orders/', 'orders')];
    expect(recipeFor(list, new URL('http://127.0.0.1:8080/acme/orders/1'))?.id).toBe('orders');
    expect(recipeFor(list, new URL('http://127.0.0.1:8080/acme/list'))?.id).toBe('acme');
    expect(recipeFor(list, new URL('http://127.0.0.1:8080/x'))?.id).toBe('all');
    expect(recipeFor(list, new URL('https://127.0.0.1:8080/x'))).toBeNull();
    expect(recipeFor(undefined, new URL('http://127.0.0.1:8080/x'))).toBeNull();
  });
});

describe('recipeIdFor', () => {
  test('from host and path, unique', () => {
    expect(recipeIdFor('https://ris.example.org', '/')).toBe('ris-example-org');
    expect(recipeIdFor('http://10.1.2.3:8042', '/cgi-bin/')).toBe('10-1-2-3-8042-cgi-bin');
    expect(recipeIdFor('https://ris.example.org', '/', new Set(['ris-example-org']))).toBe('ris-example-org-2');
    expect(isSiteRecipe({ ...ACME, id: recipeIdFor('https://a.b', '/x/y/') })).toBe(true);
  });
});

describe('isSiteRecipe', () => {
  test.each([
    ['a wrong version', { ...ACME, v: 2 }],
    ['an extra key', { ...ACME, values: ['2019-03-04'] }],
    ['an origin with a path', { ...ACME, origin: 'http://127.0.0.1:8080/acme' }],
    ['a path prefix without a slash', { ...ACME, pathPrefix: 'acme' }],
    ['no fields', { ...ACME, fields: [] }],
    ['two fields of one step', { ...ACME, fields: [ACME.fields[0], { kind: 'age', locators: [{ css: '#a' }] }] }],
    ['a label holding a date', { ...ACME, fields: [{ kind: 'birthDate', locators: [{ label: 'born 2019-03-04' }] }] }],
    ['a locator with two ways', { ...ACME, fields: [{ kind: 'birthDate', locators: [{ css: '#a', label: 'DOB' }] }] }],
    ['a CSS rule instead of a selector', { ...ACME, fields: [{ kind: 'birthDate', locators: [{ css: 'a{color:red}' }] }] }],
    ['an id with capitals', { ...ACME, id: 'Acme' }],
  ])('refuses %s', (_what, value) => expect(isSiteRecipe(value)).toBe(false));
  test('accepts a recipe with a name', () => expect(isSiteRecipe({ ...ACME, name: 'Acme orders' })).toBe(true));
});

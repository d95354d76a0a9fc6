/** The picker's draft: steps, what a pick reads as, the recipe it makes (locators only) and where it applies. */
import { describe, expect, it } from 'vitest';
import {
  backStep,
  defaultPathPrefix,
  draftRecipe,
  emptyDraft,
  kindFor,
  pathPrefixes,
  pickElement,
  readPick,
  skipStep,
  stepName,
  withKind,
} from '@/content/picker/draft';
import { isSiteRecipe } from '@/content/read/recipe/recipe';
import { parseHtml } from '../../helpers/pages';
import { elementWithText, loadRecipePage } from '../../helpers/recipe-pages';

describe('kindFor', () => {
  it.each([
    ['patient', '2019-03-04', null, 'birthDate'],
    ['patient', '03/04/2019', null, 'birthDate'],
    ['patient', '5 yrs 2 mos', null, 'age'],
    ['patient', '006Y', null, 'age'],
    ['patient', '7', null, 'age'],
    ['exam', 'CT HEAD', null, 'procedure'],
    ['date', '2026-11-20', 'Scheduled', 'examDate'],
    ['date', '2026-11-20', 'Order date', 'orderDate'],
  ] as const)('%s "%s" (label %s) → %s', (step, text, label, kind) => expect(kindFor(step, text, label, null)).toBe(kind));
});

describe('readPick', () => {
  it('says what the reader makes of the text', () => {
    expect(readPick('birthDate', '2019-03-04', null)).toEqual({ kind: 'birthDate', iso: '2019-03-04' });
    expect(readPick('birthDate', '04.03.2019', null)).toEqual({ kind: 'none', why: 'ambiguous-date' });
    expect(readPick('birthDate', '04.03.2019', 'DMY')).toEqual({ kind: 'birthDate', iso: '2019-03-04' });
    expect(readPick('examDate', 'soon', null)).toEqual({ kind: 'none', why: 'not-a-date' });
    expect(readPick('age', 'n/a', null)).toEqual({ kind: 'none', why: 'not-an-age' });
    expect(readPick('procedure', 'CT HEAD WO', null)).toEqual({ kind: 'procedure', modality: 'CT', text: 'CT HEAD WO' });
    expect(readPick('procedure', '', null)).toEqual({ kind: 'none', why: 'empty' });
  });
});

describe('steps', () => {
  const page = loadRecipePage('acme-ris', 1);
  it('pick, skip, back and the summary; the recipe carries locators, never the picked text', () => {
    let d = emptyDraft();
    d = pickElement(d, elementWithText(page.doc, '2019-03-04'), page.doc, null);
    expect(stepName(d)).toBe('exam');
    d = skipStep(d);
    expect(stepName(d)).toBe('date');
    d = pickElement(d, elementWithText(page.doc, '2026-11-20'), page.doc, null);
    expect(stepName(d)).toBe('summary');
    d = withKind(d, 'date', 'orderDate');
    expect(stepName(backStep(d))).toBe('date');
    const recipe = draftRecipe(d, { id: 'acme', origin: 'http://127.0.0.1:8080', pathPrefix: '/acme/orders/' })!;
    expect(isSiteRecipe(recipe)).toBe(true);
    expect(recipe.fields.map((f) => f.kind)).toEqual(['birthDate', 'orderDate']);
    expect(JSON.stringify(recipe)).not.toMatch(/2019|2026-11|HOPPER/);
  });
  it('nothing picked: no recipe', () => {
    expect(draftRecipe(skipStep(skipStep(skipStep(emptyDraft()))), { id: 'x', origin: 'http://a.b', pathPrefix: '/' })).toBeNull();
  });
  it('an element with no locator (not in the document) is not picked', () => {
    const doc = parseHtml('<body><p>2019-03-04</p></body>');
    const loose = doc.createElement('span');
    loose.textContent = '2019-03-04';
    expect(pickElement(emptyDraft(), loose, doc, null)).toEqual(emptyDraft());
  });
});

describe('path prefixes', () => {
  it.each([
    ['http://h/acme/orders/4711', ['/', '/acme/', '/acme/orders/'], '/acme/orders/'],
    ['http://h/patients/12345/chart', ['/', '/patients/', '/patients/12345/'], '/patients/'],
    ['http://h/cgi-bin/ris.pl?req=77', ['/', '/cgi-bin/'], '/cgi-bin/'],
    ['http://h/', ['/'], '/'],
    ['http://h/app/#/study/1', ['/', '/app/'], '/app/'],
  ])('%s', (url, all, chosen) => {
    expect(pathPrefixes(new URL(url))).toEqual(all);
    expect(defaultPathPrefix(new URL(url))).toBe(chosen);
  });
});

/**
 * Selector generation for the picker: over several layouts, the locators made for a field on one page of a site
 * find the same field on a second page of that site, with another patient — and never carry a value or a
 * framework-generated id.
 */
import { describe, expect, test } from 'vitest';
import { locate } from '../../../../content/read/recipe/locate';
import type { Locator, RecipeField, SiteRecipe } from '../../../../content/read/recipe/recipe';
import { isSiteRecipe } from '../../../../content/read/recipe/recipe';
import { readWithRecipe } from '../../../../content/read/recipe/read';
import {
  cssEscape,
  isGeneratedToken,
  labelTextOf,
  locatorsFor,
  stableSelector,
  structuralPath,
} from '../../../../content/read/recipe/selector';
import { parseHtml } from '../../../helpers/pages';
import { elementWithText, loadRecipePage } from '../../../helpers/recipe-pages';

describe('isGeneratedToken', () => {
  test.each([
    'ember1234', ':r1:', ':R2a6:', '«r1»', 'mui-42', 'ext-gen1029', 'j_idt17', 'react-select-3-input', 'css-1x2y3z',
    'sc-bdVaJa', 'jsx-2473', 'Banner_dob__3xYz1', '_1x2y3', 'a1b2c3d4', '3f9a1e0c', 'patient-123456',
    'e7b9c0d2-51aa-4c7e-9d1e-2b2a7d0c9f11', 'id5', 'gwt-uid-7', 'yui_3_17_2_1_164', 'headlessui-listbox-button-7',
  ])('%s is generated (or holds a value)', (token) => expect(isGeneratedToken(token)).toBe(true));
  test.each(['dob', 'patient-dob', 'birthDate', 'field_2', 'exam-date', 'pt-born', 'ctl00_Main_txtBorn', 'order-proc', 'patient-header__dob'])(
    '%s names a field',
    (token) => expect(isGeneratedToken(token)).toBe(false),
  );
});

describe('cssEscape', () => {
  test.each([
    ['dob', 'dob'],
    [':r1:', '\\:r1\\:'],
    ['1abc', '\\31 abc'],
    ['-1x', '-\\31 x'],
    ['a b', 'a\\ b'],
    ['-', '\\-'],
  ])('%s → %s', (raw, escaped) => expect(cssEscape(raw)).toBe(escaped));
  test('an escaped id selects its element', () => {
    const doc = parseHtml('<body><p id="a:b.c[1]">x</p></body>');
    expect(doc.querySelector(`#${cssEscape('a:b.c[1]')}`)?.textContent).toBe('x');
  });
});

interface Layout {
  layout: string;
  /** Page 1's values of the fields to pick, and the field kind each is. */
  picks: { kind: RecipeField['kind']; page1: string; page2: string }[];
  /** What the first (most robust) locator of each pick must look like. */
  best: RegExp[];
}

const LAYOUTS: Layout[] = [
  {
    layout: 'acme-ris', // React-like: `:r1:` ids everywhere, icon-only labels, data-testid on the birth date
    picks: [
      { kind: 'birthDate', page1: '2019-03-04', page2: '2021-07-15' },
      { kind: 'procedure', page1: 'CT ABDOMEN PELVIS WITH CONTRAST', page2: 'CT HEAD WITHOUT CONTRAST' },
      { kind: 'examDate', page1: '2026-11-20', page2: '2026-11-24' },
    ],
    best: [/^\[data-testid="pt-born"\]$/, /^span\.order-proc$/, /^time\.order-when$/],
  },
  {
    layout: 'ember-chart', // `ember123` ids on every element, BEM classes; fields move between pages
    picks: [
      { kind: 'birthDate', page1: '15-Aug-2020', page2: '02-Jan-2024' },
      { kind: 'procedure', page1: 'XR CHEST 2 VIEWS', page2: 'FLUORO VCUG' },
      { kind: 'examDate', page1: 'Nov 22, 2026', page2: 'Dec 1, 2026' },
    ],
    best: [/^span\.patient-header__dob$/, /^div\.imaging-request__exam$/, /^div\.imaging-request__date > span$/],
  },
  {
    layout: 'cssinjs-order', // hashed CSS-in-JS classes; aria-labels name the fields
    picks: [
      { kind: 'age', page1: '5 yrs 2 mos', page2: '14 mos' },
      { kind: 'procedure', page1: 'NM RENAL SCAN DMSA', page2: 'CT CHEST WO' },
      { kind: 'orderDate', page1: '11/19/2026', page2: '11/21/2026' },
    ],
    best: [/^span\[aria-label="Patient age"\]$/, /^p\[aria-label="Requested exam"\]$/, /^p\[aria-label="Requested on"\]$/],
  },
  {
    layout: 'legacy-table', // bare table cells, labels the reader does not know; a paragraph added on page 2
    picks: [
      { kind: 'birthDate', page1: '04.03.2019', page2: '28.02.2022' },
      { kind: 'procedure', page1: 'MRT KNIE LINKS', page2: 'CT SCHAEDEL NATIV' },
      { kind: 'examDate', page1: '20.11.2026', page2: '21.11.2026' },
    ],
    best: [/^table\.req > tbody > tr(:nth-of-type\(1\))? > td:nth-of-type\(4\)$/, /^table\.req > /, /^table\.req > /],
  },
  {
    layout: 'aspnet-form', // ASP.NET WebForms: deterministic `ctl00_…` ids, labels with `for`, a select
    picks: [
      { kind: 'birthDate', page1: '2018-06-30', page2: '2010-01-09' },
      { kind: 'procedure', page1: 'CT ABDOMEN', page2: 'XR HAND' },
      { kind: 'examDate', page1: '2026-11-23', page2: '2026-11-25' },
    ],
    best: [/^#ctl00_Main_txtBorn$/, /^#ctl00_Main_ddlExam$/, /^#ctl00_Main_txtWhen$/],
  },
];

const cssOf = (l: Locator) => ('css' in l ? l.css : null);

describe.each(LAYOUTS)('$layout', ({ layout, picks, best }) => {
  const one = loadRecipePage(layout, 1);
  const two = loadRecipePage(layout, 2);
  const fields: RecipeField[] = picks.map((p) => ({ kind: p.kind, locators: locatorsFor(elementWithText(one.doc, p.page1), one.doc) }));

  test('each pick gets locators, the most robust first', () => {
    fields.forEach((f, i) => {
      expect(f.locators.length, picks[i]!.page1).toBeGreaterThan(0);
      expect(cssOf(f.locators[0]!), picks[i]!.kind).toMatch(best[i]!);
    });
  });

  test('every locator finds the picked value on the page it was made on', () => {
    fields.forEach((f, i) => {
      for (const l of f.locators) expect(locate(one.doc, l)?.text, JSON.stringify(l)).toBe(picks[i]!.page1);
    });
  });

  test('no locator holds a value of the page or a generated id', () => {
    const json = JSON.stringify(fields);
    for (const p of picks) expect(json).not.toContain(p.page1);
    for (const value of ['HOPPER', 'MRN', 'A00012345', 'Knuth', 'WIRTH', '88412077']) expect(json).not.toContain(value);
    expect(json).not.toMatch(/ember\d|:r[0-9a-z]+:|\\:r|css-[0-9a-z]{5}/);
  });

  test('a recipe made on page 1 reads page 2 (another patient)', () => {
    const recipe: SiteRecipe = { v: 1, id: 'test', origin: new URL(one.url).origin, pathPrefix: '/', fields };
    expect(isSiteRecipe(recipe)).toBe(true);
    const reading = readWithRecipe(two.doc, recipe);
    expect(reading.missing).toEqual([]);
    expect(reading.facts.map((f) => f.text)).toEqual(picks.map((p) => (p.kind === 'age' && /^\d+$/.test(p.page2) ? `${p.page2} y` : p.page2)));
  });
});

describe('selectors on small layouts', () => {
  test('a unique non-generated id wins over everything else', () => {
    const doc = parseHtml('<body><label for="dob">DOB</label><span id="dob" data-testid="x">2020-01-01</span></body>');
    expect(locatorsFor(doc.getElementById('dob')!, doc)[0]).toEqual({ css: '#dob' });
  });
  test('an id used twice on the page is not unique: the next attribute is used', () => {
    const doc = parseHtml('<body><span id="dob" data-field="birth">2020-01-01</span><span id="dob">x</span></body>');
    expect(stableSelector(doc.querySelector('[data-field]')!, doc)).toBe('[data-field="birth"]');
  });
  test('an attribute that repeats the value is never used', () => {
    const doc = parseHtml('<body><span data-value-text="2020-01-01" title="2020-01-01" aria-label="2020-01-01">2020-01-01</span></body>');
    const json = JSON.stringify(locatorsFor(doc.querySelector('span')!, doc));
    expect(json).not.toContain('2020');
  });
  test('a data-* attribute holding a record number is not used; the label is', () => {
    const doc = parseHtml('<body><div><dl><dt>Date of birth</dt><dd data-record="889123">2020-01-01</dd></dl></div></body>');
    const locators = locatorsFor(doc.querySelector('dd')!, doc);
    expect(locators[0]).toEqual({ label: 'Date of birth' });
    expect(JSON.stringify(locators)).not.toContain('889');
  });
  test('the cell before a value is a label only when it reads as one (a name never is)', () => {
    const doc = parseHtml('<body><table><tr><td>Ada Hopper</td><td class="v">2020-01-01</td></tr></table></body>');
    expect(labelTextOf(doc.querySelector('td.v')!, doc)).toBeNull();
    const labelled = parseHtml('<body><table><tr><td>Born:</td><td>2020-01-01</td></tr></table></body>');
    expect(labelTextOf(labelled.querySelectorAll('td')[1]!, labelled)).toBe('Born');
  });
  test('"Label: value" in one element: the label is anchored and the value read after it', () => {
    const doc = parseHtml('<body><div><span>Patient: Doe</span> <span>DOB: 03/04/2019</span></div></body>');
    const el = doc.querySelectorAll('span')[1]!;
    const locators = locatorsFor(el, doc);
    expect(locators).toContainEqual({ label: 'DOB' });
    for (const l of locators) expect(locate(doc, l)?.text).toBe('03/04/2019');
  });
  test('inline pairs in one text: the value stops before the next label', () => {
    const doc = parseHtml('<body><p>DOB: 03/04/2019 Age: 6 Sex: F</p></body>');
    expect(locate(doc, { label: 'Age' })?.text).toBe('6');
  });
  test('aria-labelledby and label[for] lead to the control', () => {
    const doc = parseHtml('<body><span id="l1">Exam</span><div aria-labelledby="l1">CT HEAD</div><label for="d">Date</label><input id="d" value="2026-01-02"></body>');
    expect(locate(doc, { label: 'Exam' })?.text).toBe('CT HEAD');
    expect(locate(doc, { label: 'date:' })?.text).toBe('2026-01-02');
  });
  test('the structural path is the last resort and is always offered', () => {
    const doc = parseHtml('<body><div><div><span>x</span><span>2020-01-01</span></div></div></body>');
    const el = doc.querySelectorAll('span')[1]!;
    expect(structuralPath(el, doc)).toBe('body > div > div > span:nth-of-type(2)');
    expect(locatorsFor(el, doc)).toEqual([{ css: 'body > div > div > span:nth-of-type(2)' }]);
  });
  test('a selector the browser cannot parse finds nothing (no throw)', () => {
    const doc = parseHtml('<body><p>x</p></body>');
    expect(locate(doc, { css: 'p:::nope' })).toBeNull();
  });
});

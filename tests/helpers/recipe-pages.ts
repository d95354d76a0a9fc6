/**
 * The site-recipe fixtures (tests/fixtures/recipe/<layout>/page-N.html): two pages of one made-up site each, with
 * different patients. Parsed like the page fixtures (tests/helpers/pages.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureUrl, parseHtml } from './pages';

export const RECIPE_PAGES_DIR = join(import.meta.dirname, '..', 'fixtures', 'recipe');

export interface RecipePage {
  url: string;
  doc: Document;
  html: string;
}

export function loadRecipePage(layout: string, page: 1 | 2): RecipePage {
  const html = readFileSync(join(RECIPE_PAGES_DIR, layout, `page-${page}.html`), 'utf8');
  return { url: fixtureUrl(html), doc: parseHtml(html), html };
}

/** The innermost element whose own text (whitespace collapsed) is `text`, or whose value is. */
export function elementWithText(doc: Document, text: string): Element {
  const all = Array.from(doc.body.querySelectorAll('*')).reverse();
  const hit = all.find((el) => {
    if (el.tagName.toUpperCase() === 'OPTION') return false; // a select is picked as a whole
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t === text) return true;
    const tag = el.tagName.toUpperCase();
    if (tag === 'INPUT') return (el as HTMLInputElement).value === text;
    if (tag === 'SELECT') {
      const s = el as HTMLSelectElement;
      return s.options[s.selectedIndex]?.textContent === text;
    }
    return false;
  });
  if (!hit) throw new Error(`no element with text ${text}`);
  return hit;
}

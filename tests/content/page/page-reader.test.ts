import { afterEach, describe, expect, it } from 'vitest';
import { borrowPageReader, lendPageReader, type PageReader } from '@/content/page/page-reader';
import { readAndAnalyze } from '@/content/read/analyze';
import { decide } from '@/content/read/decide';
import { testRecipe } from '@/content/read/recipe/read';
import { readAndRemember, routeContainerOf } from '@/content/page/route-container';
import { parseHtml } from '../../helpers/pages';

const KEY = Symbol.for('image-gently-companion.page-reader');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[KEY];
});

describe('page reader lent by reader.js', () => {
  it('is null in a frame where reader.js was not injected', () => {
    expect(borrowPageReader()).toBeNull();
  });

  it('gives the scripts of the frame the very functions reader.js lent', () => {
    const reader: PageReader = { read: readAndAnalyze, routeContainer: routeContainerOf, decide, testRecipe };
    lendPageReader(reader);
    expect(borrowPageReader()).toBe(reader);
  });
});

describe('the route container', () => {
  const URL_ = 'https://ehr.example.org/app/worklist';
  const page = () =>
    parseHtml(`<!doctype html><html><body><div class="ban"><span>DOE, KIM</span><span>8 y.o. F</span></div>
      <table><thead><tr><th>Procedure</th><th>Status</th></tr></thead><tbody><tr><td>CT HEAD</td><td>Ordered</td></tr></tbody></table></body></html>`);

  it('is the scope of the profile that read the page, with no detection of its own', () => {
    const doc = page();
    expect(readAndRemember(doc, URL_).findings.profileId).toBe('generic');
    // Detection now would find no profile on the emptied page (and answer null): the reading's profile answers.
    doc.body.replaceChildren();
    expect(routeContainerOf(doc, URL_)).toBe(doc.body);
  });

  it('is detected on a page (or URL) the last reading was not of', () => {
    const doc = page();
    readAndRemember(doc, URL_);
    doc.body.replaceChildren();
    expect(routeContainerOf(doc, `${URL_}?tab=2`)).toBeNull();
    expect(routeContainerOf(page(), URL_)).not.toBeNull();
  });
});


/**
 * Fixture pages for page-reading tests: parsed with happy-dom's DOMParser (no scripts run, no network).
 * Each fixture file starts with `<!-- fixture-url: … -->`: the URL the page was (or would be) served at.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

export const PAGES_DIR = join(import.meta.dirname, '..', 'fixtures', 'pages');

const window = new Window({ url: 'http://localhost/' });

/**
 * happy-dom 21's parser drops the rest of a document after a comment that ends in a closing tag, such as Orthanc
 * Explorer's `<!--li …><a …>…</a></li-->`; browsers parse it as a comment. A space before `-->` keeps the comment
 * a comment in both (comments are not text: nothing the profiles read changes).
 */
export function parseHtml(html: string): Document {
  const safe = html.replace(/(<\/[a-zA-Z][a-zA-Z0-9]*)-->/g, '$1 -->');
  return new window.DOMParser().parseFromString(safe, 'text/html') as unknown as Document;
}

export interface FixturePage {
  profile: string;
  file: string;
  url: string;
  html: string;
  doc: Document;
}

export function fixtureUrl(html: string): string {
  const m = /<!--\s*fixture-url:\s*(\S+)\s*-->/.exec(html);
  if (!m) throw new Error('fixture has no "<!-- fixture-url: … -->" comment');
  return m[1]!;
}

export function loadFixture(profile: string, file: string): FixturePage {
  const html = readFileSync(join(PAGES_DIR, profile, file), 'utf8');
  return { profile, file, url: fixtureUrl(html), html, doc: parseHtml(html) };
}

/** The page corpus of unseen systems: not a profile's folder (tests/helpers/corpus.ts reads it with its manifests). */
export const CORPUS_FOLDER = 'corpus';
const NOT_PROFILES = new Set([CORPUS_FOLDER]);

/** Every fixture page, by profile folder (the corpus excluded). */
export function allFixtures(): FixturePage[] {
  const out: FixturePage[] = [];
  for (const profile of readdirSync(PAGES_DIR, { withFileTypes: true })) {
    if (!profile.isDirectory() || NOT_PROFILES.has(profile.name)) continue;
    for (const file of readdirSync(join(PAGES_DIR, profile.name)).sort()) {
      if (file.endsWith('.html')) out.push(loadFixture(profile.name, file));
    }
  }
  return out;
}

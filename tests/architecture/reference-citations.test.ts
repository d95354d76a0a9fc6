/**
 * Every citation of docs/reference/ in the code and the tests ("docs/reference/ssde.md §1.4") names a page that
 * exists and a section it has, so a reader can always follow a number to its published source; and no comment in
 * the code cites a document outside the repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/import-graph';

const CITATION = /docs\/reference\/([a-z-]+\.md) §([0-9]+(?:\.[0-9]+)?)(?:[–-]([0-9]+(?:\.[0-9]+)?))?/g;
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|tsx|md)$/.test(f) && !f.startsWith('tests/e2e/ohif/') && f !== 'CHANGELOG.md' && existsSync(join(ROOT, f)));

const sectionsOf = (page: string) =>
  new Set([...readFileSync(join(ROOT, 'docs/reference', page), 'utf8').matchAll(/^#{2,3} ([0-9]+(?:\.[0-9]+)?)[. ]/gm)].map((m) => m[1]!));

describe('citations of docs/reference/', () => {
  const citations = files.flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(CITATION)].map((m) => ({ file: f, page: m[1]!, from: m[2]!, to: m[3] })));

  it('there are some (the clinical modules cite their sources)', () => {
    expect(citations.filter((c) => c.file.startsWith('clinical/')).length).toBeGreaterThan(10);
  });

  it('each names an existing page and section', () => {
    const bad = citations.filter((c) => {
      const page = join(ROOT, 'docs/reference', c.page);
      if (!existsSync(page)) return true;
      const sections = sectionsOf(c.page);
      return !sections.has(c.from) || (c.to !== undefined && !sections.has(c.to));
    });
    expect(bad.map((c) => `${c.file}: docs/reference/${c.page} §${c.from}${c.to ? `–${c.to}` : ''}`)).toEqual([]);
  });
});

/** The comments of a source file (line and block), roughly: enough to find the documents they cite. */
function commentsOf(text: string): string[] {
  return [...text.matchAll(/\/\*[\s\S]*?\*\/|(?<![:'"`\w])\/\/[^\n]*/g)].map((m) => m[0]);
}

const MD_PATH = /(?<![\w/.-])((?:\.{1,2}\/|\/)?[\w.-]+(?:\/[\w.-]+)*\.md)\b/g;
/** A relative path that climbs (`../…`), whatever it names. */
const UP_PATH = /(?<![\w/.-])((?:\.\.\/)+[\w.-]+(?:\/[\w.-]+)*\/?)/g;

/** Cited documents that are not in the repository: outside its root, or a path that names no file in it. */
export function outsideCitations(file: string, text: string, exists: (path: string) => boolean, names: ReadonlySet<string>): string[] {
  const bad: string[] = [];
  for (const comment of commentsOf(text)) {
    for (const m of comment.matchAll(MD_PATH)) {
      const cited = m[1]!;
      if (cited.startsWith('/')) {
        bad.push(cited);
        continue;
      }
      const fromFile = normalize(join(dirname(file), cited));
      const fromRoot = normalize(cited);
      const inside = (p: string) => !p.startsWith('..') && exists(p);
      if (cited.includes('/') ? !(inside(fromFile) || inside(fromRoot)) : !names.has(basename(cited))) bad.push(cited);
    }
    for (const m of comment.matchAll(UP_PATH)) {
      const cited = m[1]!.replace(/[.]$/, '');
      if (cited.endsWith('.md')) continue; // checked above
      const fromFile = normalize(join(dirname(file), cited));
      if (fromFile.startsWith('..') || !exists(fromFile)) bad.push(cited);
    }
  }
  return bad;
}

describe('no comment cites a document outside the repository', () => {
  // This file plants citations to see them caught.
  const code = files.filter((f) => /\.(ts|tsx)$/.test(f) && f !== 'tests/architecture/reference-citations.test.ts');
  const names = new Set(files.filter((f) => f.endsWith('.md')).map((f) => basename(f)));
  const exists = (p: string) => existsSync(join(ROOT, p));

  it('in the code and the tests', () => {
    const bad = code.flatMap((f) => outsideCitations(f, readFileSync(join(ROOT, f), 'utf8'), exists, names).map((c) => `${f}: ${c}`));
    expect(bad).toEqual([]);
  });

  it('catches a citation of a folder beside the repository, an absolute path or a page the repository lacks', () => {
    const planted = [
      '/** Formats (evidence: ../shared/reference/peers-and-web-pacs.md §B9). */',
      '// see /work/shared/reference/clinical.md',
      '/* toolchain.md §4.5 */',
      '/** the page of ../shared/tools/perf-worklist.mjs */',
    ].join('\n');
    expect(outsideCitations('content/read/parse/dates.ts', planted, exists, names)).toEqual([
      '../shared/reference/peers-and-web-pacs.md',
      '/work/shared/reference/clinical.md',
      'toolchain.md',
      '../shared/tools/perf-worklist.mjs',
    ]);
    expect(outsideCitations('content/read/parse/dates.ts', '/** docs/reference/page-formats.md §1, ARCHITECTURE.md */', exists, names)).toEqual([]);
  });
});

/**
 * Every citation of docs/reference/ in the code and the tests ("docs/reference/ssde.md §1.4") names a page that
 * exists and a section it has, so a reader can always follow a number to its published source.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * What the page-side scripts are made of: every module content.js, panel.js and picker.js import, followed from their
 * entrypoints through our own sources (packages are not followed). Those scripts run inside pages the
 * extension does not control, on every enabled site, so:
 * - they write no storage (settings, dismissals and snoozes are written by the background) and never touch the
 *   dismissal secret;
 * - they log nothing to the page's console.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/builds.mjs';

const ENTRYPOINTS = ['entrypoints/content/index.tsx', 'entrypoints/panel.content/index.tsx', 'entrypoints/picker.content/index.tsx'];

function resolveImport(from: string, spec: string): string | null {
  const bare = spec.replace(/\?.*$/, '');
  const base = bare.startsWith('@/') ? join(ROOT, bare.slice(2)) : bare.startsWith('.') ? resolve(dirname(from), bare) : null;
  if (!base) return null; // a package, or a virtual module (#i18n)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null; // CSS and other assets
}

/** Every own source file reachable from the entrypoints, with its text without comments. */
function pageSideSources(): Map<string, string> {
  const seen = new Map<string, string>();
  const queue = ENTRYPOINTS.map((e) => join(ROOT, e));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1'));
    for (const m of text.matchAll(/(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]/g)) {
      if (/^\s*(import|export)\s+type\s/.test(m[0])) continue; // types only: nothing of it is bundled
      const target = resolveImport(file, m[1]!);
      if (target) queue.push(target);
    }
  }
  return seen;
}

const sources = pageSideSources();
const offending = (re: RegExp) => [...sources].filter(([, text]) => re.test(text)).map(([file]) => relative(ROOT, file)).sort();

describe('page-side scripts (content.js, panel.js, picker.js)', () => {
  it('are followed through their own modules', () => {
    const files = [...sources.keys()].map((f) => relative(ROOT, f));
    expect(files).toEqual(expect.arrayContaining(['settings/page.ts', 'settings/raw.ts', 'content/panel/panel-controller.ts', 'content/page/page-watch.ts']));
  });

  it('write no storage and never touch the dismissal secret', () => {
    expect(offending(/storage\.(local|sync|session)\.(set|remove|clear)\b|\.setValue\(|dismissalSecret|writeSetting|updateSetting/)).toEqual([]);
  });

  it('log nothing to the page’s console', () => {
    expect(offending(/\bconsole\.(log|warn|error|info|debug|trace)\b/)).toEqual([]);
  });
});

/**
 * What gets shipped and how it is checked: the test builds' manifests, `web-ext lint` on the Firefox
 * build, and `npm run zip` (Chrome zip, Firefox zip, Firefox sources zip for AMO review).
 * Needs no browser; runs in the e2e project because it builds and zips (slow).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildDir, ensureBuilds } from '../../scripts/lib/builds.mjs';
import { listZip } from './harness/zip';

type Manifest = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const read = (b: Parameters<typeof buildDir>[0]): Manifest => JSON.parse(readFileSync(join(buildDir(b), 'manifest.json'), 'utf8'));
const STATEMENTS = ['https://imagegently.org/*', 'https://www.imagegently.org/*'];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

describe('test builds', () => {
  beforeAll(() => void ensureBuilds(['chrome-mv3', 'chrome-mv3-e2e', 'firefox-mv3-e2e', 'chrome-mv3-e2e-runtime']), 300_000);

  it('e2e builds add loopback hosts and a static content script at document_start in every frame', () => {
    for (const b of ['chrome-mv3-e2e', 'firefox-mv3-e2e'] as const) {
      const m = read(b);
      expect(m.host_permissions).toEqual(expect.arrayContaining(['http://127.0.0.1/*', 'http://localhost/*', ...STATEMENTS]));
      expect(m.content_scripts).toEqual([
        expect.objectContaining({
          matches: ['http://127.0.0.1/*', 'http://localhost/*'],
          js: ['content-scripts/content.js'],
          run_at: 'document_start',
          all_frames: true,
        }),
      ]);
      expect(m).not.toHaveProperty('web_accessible_resources');
    }
  });

  it('e2e-runtime is the production manifest plus loopback hosts: the content script stays runtime-registered', () => {
    const prod = read('chrome-mv3');
    const rt = read('chrome-mv3-e2e-runtime');
    expect([...rt.host_permissions].sort()).toEqual([...STATEMENTS, 'http://127.0.0.1/*', 'http://localhost/*'].sort());
    expect(rt.content_scripts ?? []).toEqual([]);
    const { host_permissions: _a, key: _k, ...restRt } = rt;
    const { host_permissions: _b, ...restProd } = prod;
    expect(restRt).toEqual(restProd);
  });
});

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

describe('web-ext lint (Firefox build)', () => {
  let lint: { summary: { errors: number; warnings: number; notices: number }; errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
  beforeAll(() => {
    ensureBuilds(['firefox-mv3']);
    const r = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'web-ext'),
      ['lint', '--source-dir', buildDir('firefox-mv3'), '--output', 'json', '--no-config-discovery'],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 },
    );
    lint = JSON.parse(r.stdout);
  }, 300_000);

  it('has no errors', () => {
    expect(lint.errors, JSON.stringify(lint.errors, null, 1)).toEqual([]);
  });

  it("has no warnings except Preact's own innerHTML assignment (dangerouslySetInnerHTML support; see README)", () => {
    const unexpected = lint.warnings.filter((w) => {
      if (w.code !== 'UNSAFE_VAR_ASSIGNMENT' || !/innerHTML/.test(w.message) || !w.file || !w.line || !w.column) return true;
      // The flagged spot must be Preact's `.innerHTML = x.__html` (its dangerouslySetInnerHTML path).
      const src = readFileSync(join(buildDir('firefox-mv3'), w.file), 'utf8').split('\n')[w.line - 1] ?? '';
      const at = src.slice(Math.max(0, w.column - 60), w.column + 60);
      return !/\.innerHTML\s*=\s*\w+\.__html/.test(at);
    });
    expect(unexpected, JSON.stringify(unexpected, null, 1)).toEqual([]);
    if (lint.warnings.length) console.info(`web-ext lint: ${lint.warnings.length} known Preact innerHTML warning(s): ${lint.warnings.map((w) => w.file).join(', ')}`);
  });
});

describe('npm run zip', () => {
  const zips = {
    chrome: join(ROOT, '.output', `${pkg.name}-${pkg.version}-chrome.zip`),
    firefox: join(ROOT, '.output', `${pkg.name}-${pkg.version}-firefox.zip`),
    sources: join(ROOT, '.output', `${pkg.name}-${pkg.version}-sources.zip`),
  };
  let status: number | null = null;
  let log = '';
  beforeAll(() => {
    for (const z of Object.values(zips)) rmSync(z, { force: true });
    const r = spawnSync('npm', ['run', 'zip'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    status = r.status;
    log = `${r.stdout}\n${r.stderr}`;
    // Two production builds and three zips: ~1 min on an idle 2-core machine, over 5 min on a busy one.
  }, 900_000);

  it('succeeds and writes the Chrome zip, the Firefox zip and the Firefox sources zip', () => {
    expect(status, log.slice(-3000)).toBe(0);
    for (const z of Object.values(zips)) expect(existsSync(z), z).toBe(true);
  });

  it('store zips hold the built extension at their root with the right manifest', () => {
    const chrome = listZip(zips.chrome);
    const firefox = listZip(zips.firefox);
    for (const entries of [chrome, firefox]) {
      expect(entries).toEqual(expect.arrayContaining(['manifest.json', 'background.js', 'content-scripts/content.js', 'popup.html', 'icon/128.png', '_locales/en/messages.json', '_locales/es/messages.json']));
      expect(entries.some((e) => e.startsWith('.output/') || e.includes('node_modules/'))).toBe(false);
    }
  });

  it('the sources zip has what AMO needs to rebuild, and not tests/e2e/ohif, .output or node_modules', () => {
    const entries = listZip(zips.sources);
    expect(entries).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'entrypoints/background.ts', 'README.md']));
    const forbidden = entries.filter((e) => /^(tests\/e2e\/ohif\/|\.output\/|demo-output\/|test-results\/)|(^|\/)node_modules\//.test(e));
    expect(forbidden).toEqual([]);
  });
});

/**
 * Content-script sizes: content.js — the script every page of an enabled site loads — must stay ≤ 64 KB
 * minified and ≤ 22 KB gzip; every other content script (panel.js, injected where a child is shown; pacs.js,
 * beside it on a PACS viewer) ≤ 160 KB minified and ≤ 56 KB gzip (KB = 1,000 bytes here). Also reported: the
 * modules the bytes come from, with the webextension-polyfill's and zod's shares.
 *
 * Builds the production Chrome extension (`wxt build`) for the sizes, and the same with source maps
 * (bench/wxt.sourcemap.config.ts, into .output/bench-sourcemap) for the attribution.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

const ROOT = join(import.meta.dirname, '..');
const KB = 1000;
/** content.js loads on every page of an enabled site; the others only where they are used. */
const BUDGET: Record<string, { raw: number; gzip: number }> = { content: { raw: 64 * KB, gzip: 22 * KB } };
const OTHER_BUDGET = { raw: 160 * KB, gzip: 56 * KB };

function build(args: string[]) {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', ...args], { cwd: ROOT, stdio: 'ignore' });
}

/** Bytes of the minified file attributed to each source module (by the source map's segments). */
function attribute(file: string): Map<string, number> {
  const code = readFileSync(file, 'utf8');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  const lines = code.split('\n');
  const bytes = new Map<string, number>();
  let prev: { line: number; col: number; src: string } | null = null;
  const add = (src: string, n: number) => bytes.set(src, (bytes.get(src) ?? 0) + n);
  map.eachMapping((m) => {
    if (prev) add(prev.src, (prev.line === m.generatedLine ? m.generatedColumn : lines[prev.line - 1]!.length) - prev.col);
    prev = { line: m.generatedLine, col: m.generatedColumn, src: m.source ?? '(unmapped)' };
  });
  if (prev) {
    const p = prev as { line: number; col: number; src: string };
    add(p.src, lines[p.line - 1]!.length - p.col);
  }
  return bytes;
}

/** node_modules package name, or the project folder (content/profiles, clinical, …). */
function groupOf(source: string): string {
  const i = source.lastIndexOf('node_modules/');
  if (i >= 0) {
    const parts = source.slice(i + 13).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const parts = source.replace(/^(\.\.\/)+/, '').split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts[0]!;
}

const kb = (n: number) => `${(n / KB).toFixed(2)} kB`;
const pct = (n: number, total: number) => `${((100 * n) / total).toFixed(1)}%`;

build([]);
build(['-c', 'bench/wxt.sourcemap.config.ts']);

let failed = false;
const scripts = readdirSync(join(ROOT, '.output/chrome-mv3/content-scripts'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => f.replace(/\.js$/, ''))
  .sort((a, b) => (a === 'content' ? -1 : b === 'content' ? 1 : a.localeCompare(b)));
for (const name of scripts) {
  const file = join(ROOT, '.output/chrome-mv3/content-scripts', `${name}.js`);
  const raw = readFileSync(file);
  const gzip = gzipSync(raw, { level: 9 }).length;
  const groups = new Map<string, number>();
  for (const [src, n] of attribute(join(ROOT, '.output/bench-sourcemap/chrome-mv3/content-scripts', `${name}.js`))) {
    groups.set(groupOf(src), (groups.get(groupOf(src)) ?? 0) + n);
  }
  const total = [...groups.values()].reduce((a, b) => a + b, 0);
  const budget = BUDGET[name] ?? OTHER_BUDGET;
  const rawOk = raw.length <= budget.raw;
  const gzipOk = gzip <= budget.gzip;
  failed ||= !rawOk || !gzipOk;
  console.log(`\n${name}.js  ${kb(raw.length)} minified (budget ${kb(budget.raw)}) ${rawOk ? 'OK' : 'OVER'}, ` +
    `${kb(gzip)} gzip (budget ${kb(budget.gzip)}) ${gzipOk ? 'OK' : 'OVER'}`);
  console.log(`  webextension-polyfill: ${kb(groups.get('webextension-polyfill') ?? 0)} (${pct(groups.get('webextension-polyfill') ?? 0, total)})` +
    `; zod: ${kb(groups.get('zod') ?? 0)} (${pct(groups.get('zod') ?? 0, total)})`);
  for (const [group, n] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 16)) {
    console.log(`  ${kb(n).padStart(10)}  ${pct(n, total).padStart(6)}  ${group}`);
  }
}
console.log(failed ? '\nbundle-size: OVER BUDGET' : '\nbundle-size: within budget');
process.exit(failed ? 1 : 0);

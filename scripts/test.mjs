#!/usr/bin/env node
// `npm test`: the whole pipeline, in one vitest run and one JSON report.
//   1. prerequisites (Chromium, Firefox ESR, Orthanc + DICOMweb); missing → the apt-get line
//   2. builds, once: production chrome + firefox, e2e chrome + firefox, e2e-runtime chrome
//   3. vitest, both projects (unit first, then e2e; see vitest.config.ts), default + JSON reporters
//   4. `SKIPPED: n (reasons)` when anything was skipped, and as the very last line
//      `N passed, N failed` (a test file that failed to load counts as one failure).
// Exit status is non-zero on any failure. Extra arguments go to vitest (`npm test -- tests/settings`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILDS, ROOT, buildDir, runBuild } from './lib/builds.mjs';
import { prerequisites } from './lib/prerequisites.mjs';
import { summarize } from './lib/summary.mjs';

const RESULTS = join(ROOT, 'test-results');
const JSON_REPORT = join(RESULTS, 'vitest.json');
const SKIP_LOG = join(RESULTS, 'e2e-skips.jsonl');
const stages = [];
const t = () => performance.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

function finish(passed, failed, notes = []) {
  console.log('\n=== stages');
  for (const s of stages) console.log(`  ${s.name.padEnd(34)} ${secs(s.ms)}`);
  for (const n of notes) console.log(n);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

// 1. prerequisites ------------------------------------------------------------------------------
let t0 = t();
const pre = prerequisites();
console.log('=== prerequisites');
console.log(`  chromium: ${pre.chromium ?? 'MISSING'}`);
console.log(`  firefox:  ${pre.firefox ?? 'MISSING'}`);
console.log(`  orthanc:  ${pre.orthanc ?? 'MISSING'} (DICOMweb plugin: ${pre.dicomWebPlugin ?? 'MISSING'})`);
if (pre.missing.length > 0) {
  const msg = `  missing: ${pre.missing.join(', ')}. Install with:\n    ${pre.aptLine}`;
  if (process.env.SKIP_E2E === '1') console.log(`${msg}\n  SKIP_E2E=1: the e2e suites that need them are skipped (and reported).`);
  else console.log(`${msg}\n  (or set SKIP_E2E=1 to skip those suites). The e2e suites that need them will fail.`);
}
stages.push({ name: 'prerequisites', ms: t() - t0 });

// 2. builds ---------------------------------------------------------------------------------------
console.log('\n=== builds');
for (const name of Object.keys(BUILDS)) {
  t0 = t();
  try {
    runBuild(name);
  } catch (e) {
    console.log(String(e.message ?? e));
    stages.push({ name: `build ${name} (FAILED)`, ms: t() - t0 });
    finish(0, 1, [`build ${name} failed; no tests were run.`]);
  }
  const ms = t() - t0;
  stages.push({ name: `build ${name}`, ms });
  const dir = buildDir(name);
  const size = (f) => (existsSync(join(dir, f)) ? `${(statSync(join(dir, f)).size / 1024).toFixed(1)} kB` : '-');
  const files = ['content-scripts/content.js', 'content-scripts/panel.js', 'content-scripts/pacs.js', 'background.js'].filter((f) => existsSync(join(dir, f)));
  console.log(`  ${name.padEnd(24)} ${secs(ms).padStart(7)}   ${files.map((f) => `${f.split('/').pop()} ${size(f)}`).join(', ')}`);
}

// 3. vitest ---------------------------------------------------------------------------------------
console.log('\n=== vitest (unit, then e2e)');
mkdirSync(RESULTS, { recursive: true });
rmSync(JSON_REPORT, { force: true });
rmSync(SKIP_LOG, { force: true });
t0 = t();
const vitest = spawnSync(
  join(ROOT, 'node_modules', '.bin', 'vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile=${JSON_REPORT}`, ...process.argv.slice(2)],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, E2E_SKIP_LOG: SKIP_LOG, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } },
);
stages.push({ name: 'vitest', ms: t() - t0 });

// 4. summary ---------------------------------------------------------------------------------------
if (!existsSync(JSON_REPORT)) {
  finish(0, 1, [`vitest wrote no report (exit ${vitest.status}, signal ${vitest.signal ?? 'none'}).`]);
}
const report = JSON.parse(readFileSync(JSON_REPORT, 'utf8'));
const skipLog = existsSync(SKIP_LOG) ? readFileSync(SKIP_LOG, 'utf8') : '';
const summary = summarize(report, { root: ROOT, skipLog, vitestStatus: vitest.status });
// The last line of `summary.lines` is `N passed, N failed`; finish() prints it last, after the stages.
finish(summary.passed, summary.failed, summary.lines.slice(0, -1));

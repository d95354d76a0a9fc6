// Turns vitest's JSON report (+ the e2e skip log) into the closing lines of `npm test`:
//   FAILED OUTSIDE ANY TEST: … (one per test file that failed to load or whose hook failed)
//   SKIPPED: n (reasons)            (only when something was skipped)
//   N passed, N failed              (always the very last line)
// A test file that failed to load counts as one failure; a non-zero vitest exit with no failed test
// (an unhandled error) counts as one failure too.
import { relative } from 'node:path';

/**
 * @param {any} report vitest JSON report (jest-compatible shape)
 * @param {{ root: string, skipLog?: string, vitestStatus?: number | null }} opts
 * @returns {{ passed: number, failed: number, skipped: number, lines: string[] }}
 */
export function summarize(report, { root, skipLog = '', vitestStatus = 0 }) {
  let passed = 0;
  let failed = 0;
  const skipped = [];
  const lines = [];
  for (const file of report?.testResults ?? []) {
    const rel = relative(root, file.name ?? '');
    const results = file.assertionResults ?? [];
    if (file.status === 'failed' && results.every((r) => r.status !== 'failed')) {
      failed += 1;
      lines.push(`FAILED OUTSIDE ANY TEST (did not load, or a hook failed): ${rel}: ${String(file.message ?? '').split('\n')[0]}`);
    }
    for (const r of results) {
      if (r.status === 'passed') passed += 1;
      else if (r.status === 'failed') failed += 1;
      else skipped.push({ file: rel, name: r.fullName ?? r.title, status: r.status });
    }
  }
  if (vitestStatus !== 0 && failed === 0) {
    failed += 1;
    lines.push(`vitest exited with status ${vitestStatus} although no test failed (unhandled error?): counted as one failure.`);
  }
  if (skipped.length > 0) {
    const reasons = new Set();
    for (const line of skipLog.split('\n').filter(Boolean)) {
      try {
        const { suite, reason } = JSON.parse(line);
        reasons.add(`${suite}: ${reason}`);
      } catch {
        /* a torn line */
      }
    }
    if (reasons.size === 0) for (const s of skipped) reasons.add(`${s.file} › ${s.name} (${s.status}, no reason recorded)`);
    lines.push(`SKIPPED: ${skipped.length} (${[...reasons].join('; ')})`);
  }
  lines.push(`${passed} passed, ${failed} failed`);
  return { passed, failed, skipped: skipped.length, lines };
}

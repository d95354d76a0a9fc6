/** The closing lines of `npm test` (scripts/lib/summary.mjs), on hand-written vitest JSON reports. */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../scripts/lib/summary.mjs';

const file = (name: string, status: string, results: { status: string; title?: string }[], message = '') => ({
  name: `/repo/${name}`,
  status,
  message,
  assertionResults: results.map((r) => ({ fullName: r.title ?? 't', title: r.title ?? 't', status: r.status })),
});

describe('npm test summary', () => {
  it('counts passed and failed tests; the last line is "N passed, N failed"', () => {
    const report = { testResults: [file('a.test.ts', 'passed', [{ status: 'passed' }, { status: 'passed' }]), file('b.test.ts', 'failed', [{ status: 'passed' }, { status: 'failed' }])] };
    const s = summarize(report, { root: '/repo', vitestStatus: 1 });
    expect(s.lines).toEqual(['3 passed, 1 failed']);
  });

  it('a test file that failed to load counts as one failure and is named', () => {
    const report = { testResults: [file('broken.test.ts', 'failed', [], "SyntaxError: Unexpected token '<'\n at x"), file('ok.test.ts', 'passed', [{ status: 'passed' }])] };
    const s = summarize(report, { root: '/repo', vitestStatus: 1 });
    expect(s.failed).toBe(1);
    expect(s.lines).toEqual(["FAILED OUTSIDE ANY TEST (did not load, or a hook failed): broken.test.ts: SyntaxError: Unexpected token '<'", '1 passed, 1 failed']);
  });

  it('a failing hook (all tests of a file "failed" without results) is not double-counted', () => {
    const report = { testResults: [file('hook.test.ts', 'failed', [{ status: 'failed' }, { status: 'failed' }])] };
    expect(summarize(report, { root: '/repo', vitestStatus: 1 }).lines).toEqual(['0 passed, 2 failed']);
  });

  it('a non-zero vitest exit with no failed test counts as one failure', () => {
    const report = { testResults: [file('a.test.ts', 'passed', [{ status: 'passed' }])] };
    const s = summarize(report, { root: '/repo', vitestStatus: 1 });
    expect(s.lines.at(-1)).toBe('1 passed, 1 failed');
    expect(s.lines[0]).toMatch(/unhandled error/);
  });

  it('reports skipped tests with the reasons from the skip log', () => {
    const report = { testResults: [file('e.e2e.test.ts', 'passed', [{ status: 'skipped' }, { status: 'pending' }, { status: 'passed' }])] };
    const skipLog = [
      JSON.stringify({ suite: 'foundation: Firefox', reason: 'missing firefox (install: apt-get install -y firefox-esr)' }),
      JSON.stringify({ suite: 'foundation: Firefox', reason: 'missing firefox (install: apt-get install -y firefox-esr)' }),
      '{"torn',
    ].join('\n');
    expect(summarize(report, { root: '/repo', skipLog }).lines).toEqual([
      'SKIPPED: 2 (foundation: Firefox: missing firefox (install: apt-get install -y firefox-esr))',
      '1 passed, 0 failed',
    ]);
  });

  it('names skipped tests when no reason was recorded (a bare it.skip)', () => {
    const report = { testResults: [file('x.test.ts', 'passed', [{ status: 'skipped', title: 'later' }])] };
    expect(summarize(report, { root: '/repo' }).lines[0]).toBe('SKIPPED: 1 (x.test.ts › later (skipped, no reason recorded))');
  });
});

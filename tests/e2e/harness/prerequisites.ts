/**
 * What the e2e suites need on the machine, where it is, and what to do when it is missing.
 *
 * - Missing and `SKIP_E2E` unset: the suite FAILS with the exact `apt-get install` line to run.
 * - Missing and `SKIP_E2E=1`: the suite is skipped, a warning is printed, and the reason is appended
 *   to the skip log (`E2E_SKIP_LOG`, default `test-results/e2e-skips.jsonl`) that `scripts/test.mjs`
 *   prints as `SKIPPED: n (reasons)`. What is present still runs.
 */
import { describe, it } from 'vitest';
import { aptLine, prerequisites, type Need, type Prerequisites } from '../../../scripts/lib/prerequisites.mjs';
import { recordSkip } from '../../helpers/skip-log';

export { aptLine, prerequisites, type Need, type Prerequisites };
export { recordSkip, skipLogPath } from '../../helpers/skip-log';

export const skipRequested = (): boolean => process.env.SKIP_E2E === '1';

/**
 * Returns null when every need is met; otherwise either records a skip (SKIP_E2E=1) and returns the
 * reason, or returns an Error carrying the apt-get line.
 */
export function checkNeeds(suite: string, needs: Need[]): { skip: string } | { error: Error } | null {
  const pre = prerequisites();
  const missing = needs.filter((n) => pre.missing.includes(n));
  if (missing.length === 0) return null;
  const line = aptLine(missing);
  if (skipRequested()) {
    const reason = `missing ${missing.join(', ')} (install: ${line})`;
    recordSkip(suite, reason);
    return { skip: reason };
  }
  return {
    error: new Error(
      `e2e suite "${suite}" needs ${missing.join(', ')}, which is not installed.\n` +
        `Install it with:\n  ${line}\n` +
        `or run with SKIP_E2E=1 to skip (reported as skipped).`,
    ),
  };
}

/**
 * `describe` for an e2e suite that needs real browsers or Orthanc. Missing needs make the suite one
 * failing test carrying the apt-get line, or, with SKIP_E2E=1, skip the suite loudly (see module comment).
 */
export function describeE2E(name: string, needs: Need[], fn: () => void): void {
  const result = checkNeeds(name, needs);
  if (result === null) {
    describe(name, fn);
  } else if ('skip' in result) {
    describe.skip(`${name} [skipped: ${result.skip}]`, fn);
  } else {
    // One failing test that carries the apt-get line (a throwing beforeAll would show the suite's
    // tests as "skipped", which is exactly what must not happen without SKIP_E2E=1).
    describe(name, () => {
      it(`prerequisites for "${name}"`, () => {
        throw result.error;
      });
    });
  }
}

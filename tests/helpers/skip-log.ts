/**
 * The skip log `npm test` prints as `SKIPPED: n (reasons)` (scripts/lib/summary.mjs): one JSON line per skip
 * reason in `E2E_SKIP_LOG` (default `test-results/e2e-skips.jsonl`). Any test that skips for a reason of its own
 * records it here, and says it loudly on stderr.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const skipLogPath = (): string => process.env.E2E_SKIP_LOG ?? join(ROOT, 'test-results', 'e2e-skips.jsonl');

/** Appends one skip reason to the skip log and prints it loudly. */
export function recordSkip(suite: string, reason: string): void {
  const line = JSON.stringify({ suite, reason, at: new Date().toISOString() });
  const file = skipLogPath();
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, line + '\n');
  console.warn(`\n*** SKIPPED "${suite}": ${reason} ***\n`);
}

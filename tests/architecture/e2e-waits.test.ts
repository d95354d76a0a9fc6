/**
 * Playwright's `waitForFunction` does not await what its predicate returns: an `async` predicate returns a
 * Promise, which is truthy, so the wait ends at once and the test races what it meant to wait for. e2e tests
 * wait on extension storage or APIs with `expect.poll(() => page.evaluate(async …))` instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const E2E = join(import.meta.dirname, '..', 'e2e');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'ohif' ? [] : files(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

it('no e2e test passes an async predicate to waitForFunction (it would not wait)', () => {
  const found = files(E2E).flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/waitForFunction\(\s*async\b/g)].map((m) => `${f.slice(E2E.length + 1)} @${m.index}`),
  );
  expect(found).toEqual([]);
});

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { SCRIPT_CONTEXT_ALIAS } from './scripts/lib/aliases.mjs';

/**
 * Two projects, one run, one JSON report (`npm test`):
 * - unit: pure modules, components under happy-dom, background/popup logic on fakeBrowser.
 * - e2e:  real browsers (Chromium, Firefox ESR) and a real Orthanc, one file at a time, after unit.
 *         Suites use tests/e2e/harness (see its README); `npm test` builds everything first.
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        // As the build does (wxt.config.ts): tests that import WXT's context get the one that ships.
        resolve: { alias: [SCRIPT_CONTEXT_ALIAS] },
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**', '**/node_modules/**'],
          environment: 'node',
          setupFiles: ['tests/setup/i18n-shim.ts'],
          testTimeout: 20_000,
          // Process the panel's CSS so `?inline` imports give the real stylesheet (default: '').
          css: { include: [/components\/.*\.css/] },
          // Unit tests run first, then the e2e project: the machine has 2 cores, and browsers
          // racing unit workers make e2e timing flaky.
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The corpus e2e analyses its pages with the reader too (tests/helpers/corpus.ts imports `@/content/…`).
        resolve: { alias: [{ find: /^@\//, replacement: `${import.meta.dirname}/` }] },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

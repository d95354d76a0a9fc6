// Module replacements shared by the build (wxt.config.ts) and the unit tests (vitest.config.ts), so the tests
// run what ships.
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * WXT's content-script context ends itself on a CustomEvent any page script can dispatch (and posts the extension
 * id to the page); every entrypoint is built with ours instead (content/page/script-context.ts).
 */
export const SCRIPT_CONTEXT_ALIAS = {
  find: /^wxt\/utils\/content-script-context$/,
  replacement: resolve(ROOT, 'content/page/script-context.ts'),
};

/**
 * reader.js — the page reader (content/read/: profiles, parsers, decision), injected by the background into a frame
 * where content.js's cheap gate saw a patient and an exam (content/page/reader-gate.ts), or a PACS viewer. Wiring
 * only: it lends the reader to the frame's scripts (content/page/page-reader.ts), which share the extension's
 * isolated world: content.js reads the page with it, then panel.js and pacs.js. It holds no UI, no zod and no
 * webextension-polyfill (wxt.config.ts), and makes no call of its own.
 */
import { decide } from '@/content/read/decide';
import { testRecipe } from '@/content/read/recipe/read';
import { borrowPageReader, lendPageReader } from '@/content/page/page-reader';
import { readAndRemember, routeContainerOf } from '@/content/page/route-container';

export default defineContentScript({
  // Never registered: the background injects it with scripting.executeScript on `load-reader`.
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  main() {
    if (borrowPageReader()) return; // injected twice into one frame
    lendPageReader({ read: readAndRemember, routeContainer: routeContainerOf, decide, testRecipe });
  },
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { LOOPBACK_HOSTS, OPTIONAL_SITE_HOSTS, STATEMENT_HOSTS } from './settings/hosts';
import { isE2eMode } from './utils/build-mode';
import { SCRIPT_CONTEXT_ALIAS } from './scripts/lib/aliases.mjs';

/**
 * Build modes
 * - production (default): the shipping manifest. Required hosts are the statements source only;
 *   PACS/EHR origins are optional and granted per site at runtime.
 * - e2e: adds a static content script and host permissions for loopback, so e2e suites can drive
 *   fixture pages and a local Orthanc without a permission prompt.
 * - e2e-runtime: the production manifest plus loopback host permissions only; the content script
 *   is still registered at runtime by the background (install → reconcile → register → panel).
 */
/** Entrypoints built with the browser's own API object instead of webextension-polyfill (see the hook below). */
const NATIVE_BROWSER_ENTRYPOINTS: ReadonlySet<string> = new Set(['content', 'reader', 'pacs']);

const GECKO_ID = 'image-gently-companion@imagegently-companion.org';

export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact()],
    // Content scripts get a lifetime only the extension can end (content/page/script-context.ts).
    resolve: { alias: [SCRIPT_CONTEXT_ALIAS] },
    build: {
      // Content scripts must stay small (bench/bundle-size.bench.ts: content.js ≤ 64 KB, ≤ 22 KB gzip). Terser
      // (2 passes) saves ~1 KB gzip over esbuild's minifier on content.js; the sources zip carries the originals.
      // `wrap_iife`: the bundle's outer `function(){…}()` in parentheses, so V8 compiles it eagerly at once instead
      // of pre-parsing all of it and parsing it again when it is called (panel.js: 220 KB, measured 15–75 ms →
      // 17–28 ms of evaluation after its compile under a trace, bench/profile-pacs.ts).
      minify: 'terser',
      terserOptions: { compress: { passes: 2 }, format: { comments: false, wrap_iife: true }, ecma: 2020 as const },
    },
  }),
  zip: {
    // The OHIF test viewer is a test fixture with its own lockfile, not part of the sources.
    excludeSources: ['tests/e2e/ohif/**', 'demo-output/**', '.output/**', 'test-results/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Image Gently',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'activeTab', 'scripting'],
    host_permissions: [...STATEMENT_HOSTS],
    // PACS, viewer and EHR origins: granted one site at a time by the user's click.
    optional_host_permissions: [...OPTIONAL_SITE_HOSTS],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'focus-panel': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandFocusPanel__',
      },
    },
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '123' }),
  }),
  hooks: {
    // content.js, the script every page of an enabled site loads, uses the browser's own API object rather than
    // webextension-polyfill (9.5 of its 64 KB, bench/bundle-size.bench.ts). It needs none of the polyfill's
    // adaptations: Chrome ≥ 123 and Firefox return promises from runtime.sendMessage, and its one answering
    // listener answers with sendResponse. pacs.js calls no extension API of its own (only WXT's content-script
    // context does). Every other entrypoint keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => NATIVE_BROWSER_ENTRYPOINTS.has(e.name))) return;
      const native = { find: /^wxt\/browser$/, replacement: resolve(import.meta.dirname, 'node_modules/wxt/dist/browser.mjs') };
      const alias = config.resolve?.alias;
      const list = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = { ...config.resolve, alias: [native, ...list] };
    },
    'build:manifestGenerated': (wxt, manifest) => {
      const mode = wxt.config.mode;
      const browser = wxt.config.browser;
      const m = manifest as Record<string, unknown> & typeof manifest;

      if (browser === 'firefox') {
        // Firefox-only keys, added here so they never leak into Chrome's manifest.
        m.browser_specific_settings = {
          gecko: {
            id: GECKO_ID,
            strict_min_version: '140.0',
            data_collection_permissions: { required: ['none'] },
          } as Record<string, unknown>,
          // Firefox for Android reads data_collection_permissions from 142 on (web-ext lint
          // KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION otherwise).
          gecko_android: { strict_min_version: '142.0' },
        } as typeof m.browser_specific_settings;
      } else {
        // Chrome-only: enterprise policy schema (Firefox reads policies.json → 3rdparty.Extensions).
        m.storage = { managed_schema: 'managed_schema.json' };
      }

      // No web-accessible resources: panel CSS and icons are inlined into the shadow root.
      delete m.web_accessible_resources;

      if (isE2eMode(mode)) {
        m.host_permissions = [...new Set([...(m.host_permissions ?? []), ...LOOPBACK_HOSTS])];
        if (browser !== 'firefox') {
          // A stable extension id for policy e2e (Chromium managed policies are keyed by id): the
          // public half of a throwaway test key, committed; no private key exists or is needed.
          m.key = process.env.E2E_MANIFEST_KEY ?? readFileSync(resolve(import.meta.dirname, 'tests/e2e/e2e-manifest-key.txt'), 'utf8').trim();
        }
      }
      if (mode === 'e2e') {
        m.content_scripts = [
          ...(m.content_scripts ?? []),
          {
            matches: [...LOOPBACK_HOSTS],
            js: ['content-scripts/content.js'],
            run_at: 'document_start',
            all_frames: true,
          },
        ];
      }
    },
  },
});

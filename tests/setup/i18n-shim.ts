/**
 * Test shim: `@webext-core/fake-browser` throws "not implemented" for `i18n.*`. This loads the
 * real locale files (the same YAML that the build turns into `_locales/<lang>/messages.json`)
 * and answers `browser.i18n.getMessage` / `getUILanguage` like the browser does, including
 * `$1`…`$9` substitutions. Set the language with `setTestLocale('es')`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const cache = new Map<string, Catalog>();

export function loadCatalog(locale: string): Catalog {
  let catalog = cache.get(locale);
  if (!catalog) {
    const text = readFileSync(resolve(__dirname, '../../locales', `${locale}.yml`), 'utf8');
    catalog = generateChromeMessages(parseMessagesText(text, 'YAML')) as Catalog;
    cache.set(locale, catalog);
  }
  return catalog;
}

let currentLocale = 'en';
export function setTestLocale(locale: string): void {
  currentLocale = locale;
}

/** Chrome's algorithm, reduced to what our messages use: named placeholders → $n, then $n → substitution. */
export function formatMessage(catalog: Catalog, key: string, substitutions?: string | string[]): string {
  const entry = catalog[key] ?? loadCatalog('en')[key];
  if (!entry) return '';
  const subs = substitutions == null ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  let text = entry.message;
  if (entry.placeholders) {
    for (const [name, ph] of Object.entries(entry.placeholders)) {
      text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), ph.content);
    }
  }
  return text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
}

function install(): void {
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = (key: string, subs?: string | string[]) => formatMessage(loadCatalog(currentLocale), key, subs);
  i18n.getUILanguage = () => currentLocale;
}

install();
beforeEach(() => {
  currentLocale = 'en';
  install();
});

import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../setup/i18n-shim';
import { IDENTICAL_ALLOWED } from './identical-allowed';

const en = loadCatalog('en');
const es = loadCatalog('es');
const placeholders = (message: string) => [...new Set(message.match(/\$\d/g) ?? [])].sort();
const pluralForms = (message: string) => message.split(' | ').length;

describe('locales: English and Spanish', () => {
  it('have exactly the same keys', () => {
    const missingInEs = Object.keys(en).filter((k) => !(k in es));
    const missingInEn = Object.keys(es).filter((k) => !(k in en));
    expect({ missingInEs, missingInEn }).toEqual({ missingInEs: [], missingInEn: [] });
  });

  it('leave nothing untranslated (identical only where allowed, with a reason)', () => {
    const identical = Object.keys(en).filter((k) => es[k] && es[k]!.message === en[k]!.message && !(k in IDENTICAL_ALLOWED));
    expect(identical).toEqual([]);
  });

  it('allow-list entries still exist and are still identical (no stale exceptions)', () => {
    const stale = Object.keys(IDENTICAL_ALLOWED).filter((k) => !en[k] || !es[k] || en[k]!.message !== es[k]!.message);
    expect(stale).toEqual([]);
  });

  it('have no empty message', () => {
    const empty = [...Object.entries(en), ...Object.entries(es)].filter(([, v]) => !v.message.trim()).map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('use the same $1…$9 substitutions and plural forms in both languages', () => {
    const mismatched = Object.keys(en).filter(
      (k) =>
        es[k] &&
        (placeholders(en[k]!.message).join() !== placeholders(es[k]!.message).join() ||
          pluralForms(en[k]!.message) !== pluralForms(es[k]!.message)),
    );
    expect(mismatched).toEqual([]);
  });

  it('have message names Chrome accepts (ASCII letters, digits, underscore)', () => {
    // Chrome refuses to load an extension whose messages.json has another character in a name.
    const bad = [...Object.keys(en), ...Object.keys(es)].filter((k) => !/^[A-Za-z0-9_]+$/.test(k));
    expect(bad).toEqual([]);
  });

  it('write CT as TC in Spanish, never TAC (docs/glossary-es.md)', () => {
    const tac = Object.entries(es).filter(([, v]) => /\bTAC\b/.test(v.message)).map(([k]) => k);
    expect(tac).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { i18n } from '#i18n';
import { loadCatalog, setTestLocale } from './i18n-shim';

describe('i18n test shim', () => {
  it('answers from the English locale file by default', () => {
    expect(i18n.t('extName')).toBe('Image Gently Companion');
    expect(i18n.t('news.heading')).toBe('Latest statements');
  });
  it('switches to Spanish', () => {
    setTestLocale('es');
    expect(i18n.t('news.heading')).toBe('Últimos comunicados');
  });
  it('loads both catalogs with the same keys', () => {
    expect(Object.keys(loadCatalog('es')).sort()).toEqual(Object.keys(loadCatalog('en')).sort());
  });
});

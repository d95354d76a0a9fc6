import { describe, expect, it } from 'vitest';
import {
  formatNumber,
  formatter,
  formatterUpTo,
  numberSymbolsOf,
  parseNumberSymbols,
  rememberNumberSymbols,
} from '@/content/panel/number-format';

/** Locales with different separators, minus signs, digits and grouping (Indian, minimum grouping 2, native digits). */
const LOCALES = [
  'en', 'en-US', 'en-GB', 'en-IN', 'es', 'es-ES', 'es-MX', 'de', 'de-CH', 'de-AT', 'fr', 'fr-CH', 'it', 'pt-BR', 'pt-PT',
  'pl', 'nl', 'sv', 'fi', 'nb', 'da', 'ru', 'uk', 'cs', 'tr', 'el', 'ar', 'ar-EG', 'ar-SA', 'fa', 'he', 'hi', 'bn', 'mr',
  'ne', 'ur', 'ja', 'zh-CN', 'zh-TW', 'ko', 'th', 'vi', 'id',
];

/** A seeded generator (mulberry32): the same numbers every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Numbers of every size the panel shows (and more), with ties and carries pinned. */
function numbers(): number[] {
  const r = random(20141);
  const out = [0, -0, 1, -1, 0.5, 1.005, 2.675, 9.995, 99.95, 999.5, 1000, 1234.5, 9999.99, 12345.678, 100000, 1234567.891, 0.0001, 5e-7, 1e21, -37.4, -0.04];
  for (let i = 0; i < 300; i++) {
    const magnitude = 10 ** Math.floor(r() * 9 - 3);
    const sign = r() < 0.2 ? -1 : 1;
    out.push(sign * r() * magnitude);
    out.push(sign * Math.round(r() * 100000) / 1000); // exact thousandths: ties at 2 digits
  }
  return out;
}

describe('number formats without Intl on the page', () => {
  it('give Intl.NumberFormat’s text for the panel’s options, over many locales and numbers', () => {
    const ns = numbers();
    let compared = 0;
    // Differences are gathered and compared once: one `expect` per number made this test ~10× slower, and it timed
    // out on a loaded machine.
    const differences: string[] = [];
    const compare = (what: string, got: string, want: string) => {
      compared++;
      if (got !== want && differences.length < 20) differences.push(`${what}: ${JSON.stringify(got)} ≠ Intl ${JSON.stringify(want)}`);
    };
    for (const locale of LOCALES) {
      const s = numberSymbolsOf(locale);
      for (const digits of [0, 1, 2]) {
        const exact = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
        const upTo = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
        for (const n of ns) {
          compare(`${locale} ${digits} ${n}`, formatNumber(n, digits, digits, s), exact.format(n));
          compare(`${locale} ≤${digits} ${n}`, formatNumber(n, 0, digits, s), upTo.format(n));
        }
      }
    }
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(LOCALES.length * 3 * 600);
  });

  it('NaN and infinities as Intl writes them', () => {
    const s = numberSymbolsOf('en');
    expect(formatNumber(Number.NaN, 1, 1, s)).toBe('NaN');
    expect(formatNumber(Number.POSITIVE_INFINITY, 1, 1, s)).toBe('∞');
    expect(formatNumber(Number.NEGATIVE_INFINITY, 1, 1, s)).toBe('-∞');
  });

  it('reads the symbols the panel needs (examples pinned)', () => {
    expect(numberSymbolsOf('es')).toMatchObject({ decimal: ',', group: '.', minimumGroupingDigits: 2, primaryGroup: 3, secondaryGroup: 3 });
    expect(numberSymbolsOf('en-IN')).toMatchObject({ decimal: '.', group: ',', primaryGroup: 3, secondaryGroup: 2, minimumGroupingDigits: 1 });
    expect(numberSymbolsOf('ar-EG').digits.join('')).toBe('٠١٢٣٤٥٦٧٨٩');
    expect(numberSymbolsOf('not a locale!')).toEqual(numberSymbolsOf('en'));
  });

  it('formatters: exactly n digits, or up to n (whole numbers without any)', () => {
    expect(formatter('en', 1)(10.286)).toBe('10.3');
    expect(formatter('es', 2)(10.286)).toBe('10,29');
    expect(formatter('en', 0)(1234.5)).toBe('1,235');
    expect(formatterUpTo('en', 2)(4)).toBe('4');
    expect(formatterUpTo('es', 2)(1.5)).toBe('1,5');
    expect(formatter('not a locale!', 1)(2.25)).toBe('2.3');
  });

  it('with the background’s symbols remembered, the page makes no Intl.NumberFormat at all', () => {
    const background = numberSymbolsOf('de');
    const Original = Intl.NumberFormat;
    let made = 0;
    Intl.NumberFormat = new Proxy(Original, {
      construct(target, args: ConstructorParameters<typeof Intl.NumberFormat>) {
        made++;
        return Reflect.construct(target, args);
      },
    });
    try {
      rememberNumberSymbols('de-x-test', parseNumberSymbols(JSON.parse(JSON.stringify(background)))!);
      expect(formatter('de-x-test', 2)(1234.5)).toBe('1.234,50');
      expect(formatterUpTo('de-x-test', 1)(-0.25)).toBe('-0,3');
      expect(made).toBe(0);
    } finally {
      Intl.NumberFormat = Original;
    }
  });

  it('refuses a malformed reply (the page then reads the symbols itself)', () => {
    const good = numberSymbolsOf('en');
    expect(parseNumberSymbols(good)).toEqual(good);
    for (const bad of [null, 'x', {}, { ...good, digits: ['0'] }, { ...good, primaryGroup: 0 }, { ...good, decimal: '<b>too long</b>' }, { ...good, digits: [...good.digits.slice(0, 9), ''] }]) {
      expect(parseNumberSymbols(bad)).toBeNull();
    }
  });
});

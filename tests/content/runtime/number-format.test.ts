import { describe, expect, it } from 'vitest';
import { formatter, formatterUpTo, warmFormats } from '@/content/runtime/number-format';

describe('number formats (kept per locale and precision)', () => {
  it('formats with the locale’s separators and the asked precision', () => {
    expect(formatter('en', 1)(10.286)).toBe('10.3');
    expect(formatter('es', 2)(10.286)).toBe('10,29');
    expect(formatter('en', 0)(1234.5)).toBe('1,235');
  });

  it('up to n digits: whole numbers print without any', () => {
    expect(formatterUpTo('en', 2)(4)).toBe('4');
    expect(formatterUpTo('es', 2)(1.5)).toBe('1,5');
    expect(formatterUpTo('en', 2)(1.234)).toBe('1.23');
  });

  it('falls back to English for a locale Intl refuses', () => {
    expect(formatter('not a locale!', 1)(2.25)).toBe('2.3');
  });

  it('makes each format once, however many renders ask (warmFormats makes the panel’s four)', () => {
    const Original = Intl.NumberFormat;
    let made = 0;
    Intl.NumberFormat = new Proxy(Original, {
      construct(target, args: ConstructorParameters<typeof Intl.NumberFormat>) {
        made++;
        return Reflect.construct(target, args);
      },
    });
    try {
      warmFormats('de');
      expect(made).toBe(4);
      for (let i = 0; i < 5; i++) for (const d of [0, 1, 2]) formatter('de', d)(1.5);
      formatterUpTo('de', 2)(3);
      expect(made).toBe(4);
    } finally {
      Intl.NumberFormat = Original;
    }
  });
});

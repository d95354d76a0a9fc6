/**
 * Number formats for the panel, without `Intl` on the page.
 *
 * A renderer's first `Intl.NumberFormat` loads the locale's data on the page's main thread: measured 13–48 ms in
 * one task on a PACS page while it loads (bench/profile-pacs.ts), close to the 50 ms long-task budget on its own.
 * So the locale's symbols — separators, minus sign, digits, grouping — are read with `Intl` once in the
 * background (`numberSymbolsOf`), sent to panel.js on request (`get-number-symbols`: nothing from the page goes
 * with it), and numbers are formatted here from them. The text is the same as `Intl.NumberFormat`'s for the
 * options the panel uses (tests/content/panel/number-format.test.ts compares them over many locales and
 * numbers). Until the symbols are known for a locale, they are read with `Intl` here, once.
 * Formatting with `Intl.NumberFormat` on the page instead was measured and missed the long-task budget (docs/pacs.md).
 */

export interface NumberSymbols {
  decimal: string;
  group: string;
  /** Around a negative number's digits: `-` before, nothing after, in English. */
  negativePrefix: string;
  negativeSuffix: string;
  /** The locale's digits 0–9 (its default numbering system). */
  digits: string[];
  /** Group sizes from the right: 3 then 3 in English, 3 then 2 in Indian English. */
  primaryGroup: number;
  secondaryGroup: number;
  /** Digits the integer part needs beyond the first group before it is grouped: 1 in English (1,000), 2 in Spanish (1000, 10.000). */
  minimumGroupingDigits: number;
  nan: string;
  infinity: string;
}

const partsOf = (nf: Intl.NumberFormat, n: number) => nf.formatToParts(n);
const joined = (parts: Intl.NumberFormatPart[]) => parts.map((p) => p.value).join('');

/** The symbols of `locale` (English when Intl does not know it), read with Intl. For the background. */
export function numberSymbolsOf(locale: string): NumberSymbols {
  let resolved = 'en';
  try {
    resolved = new Intl.NumberFormat(locale).resolvedOptions().locale;
  } catch {
    // not a locale Intl accepts: English
  }
  const plain = new Intl.NumberFormat(resolved, { maximumFractionDigits: 20 });
  const ungrouped = new Intl.NumberFormat(resolved, { useGrouping: false });
  const part = (n: number, type: Intl.NumberFormatPartTypes) => partsOf(plain, n).find((p) => p.type === type)?.value ?? '';
  const integerGroups = (n: number) => partsOf(plain, n).filter((p) => p.type === 'integer').map((p) => p.value.length);
  const big = integerGroups(1234567890);
  const primaryGroup = big.length > 1 ? big[big.length - 1]! : 3;
  const secondaryGroup = big.length > 2 ? big[big.length - 2]! : primaryGroup;
  let minimumGroupingDigits = 1;
  while (minimumGroupingDigits < 4 && integerGroups(10 ** (primaryGroup + minimumGroupingDigits - 1)).length < 2) minimumGroupingDigits++;
  const negative = partsOf(plain, -1);
  const first = negative.findIndex((p) => p.type === 'integer');
  return {
    decimal: part(1.5, 'decimal') || '.',
    group: part(1234567890, 'group') || ',',
    negativePrefix: joined(negative.slice(0, first)),
    negativeSuffix: joined(negative.slice(first + 1)),
    digits: Array.from({ length: 10 }, (_, d) => ungrouped.format(d)),
    primaryGroup,
    secondaryGroup,
    minimumGroupingDigits,
    nan: plain.format(Number.NaN),
    infinity: plain.format(Number.POSITIVE_INFINITY),
  };
}

const isShortString = (x: unknown, max = 8): x is string => typeof x === 'string' && x.length <= max;
const isSmallInt = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 1 && (x as number) <= 9;

/** The background's answer to `get-number-symbols`, checked; anything else → null. */
export function parseNumberSymbols(x: unknown): NumberSymbols | null {
  if (typeof x !== 'object' || x === null) return null;
  const s = x as Record<string, unknown>;
  const ok =
    isShortString(s.decimal) &&
    isShortString(s.group) &&
    isShortString(s.negativePrefix) &&
    isShortString(s.negativeSuffix) &&
    Array.isArray(s.digits) &&
    s.digits.length === 10 &&
    s.digits.every((d) => isShortString(d, 2) && d.length > 0) &&
    isSmallInt(s.primaryGroup) &&
    isSmallInt(s.secondaryGroup) &&
    isSmallInt(s.minimumGroupingDigits) &&
    isShortString(s.nan, 16) &&
    isShortString(s.infinity, 16);
  if (!ok) return null;
  const { decimal, group, negativePrefix, negativeSuffix, digits, primaryGroup, secondaryGroup, minimumGroupingDigits, nan, infinity } = s as unknown as NumberSymbols;
  return { decimal, group, negativePrefix, negativeSuffix, digits: [...digits], primaryGroup, secondaryGroup, minimumGroupingDigits, nan, infinity };
}

/**
 * `x` (finite, ≥ 0) rounded half away from zero to `digits` fraction digits, from its shortest decimal form (as
 * ICU rounds: 1.005 → 1.01, where `toFixed` gives 1.00): [integer digits, `digits` fraction digits], ASCII.
 */
function roundDecimal(x: number, digits: number): [string, string] {
  const [mantissa, exp = '0'] = x.toString().split('e');
  const [whole, fraction = ''] = mantissa!.split('.');
  let all = whole! + fraction;
  let point = whole!.length + Number(exp); // digits before the decimal point
  if (point < 0) {
    all = '0'.repeat(-point) + all;
    point = 0;
  }
  if (all.length < point + digits + 1) all = all.padEnd(point + digits + 1, '0');
  const keep = all.slice(0, point + digits).split('').map(Number);
  if (Number(all[point + digits]) >= 5) {
    let i = keep.length - 1;
    while (i >= 0 && keep[i] === 9) keep[i--] = 0;
    if (i >= 0) keep[i]!++;
    else {
      keep.unshift(1);
      point++;
    }
  }
  const intDigits = keep.slice(0, point).join('').replace(/^0+(?=\d)/, '') || '0';
  return [intDigits, keep.slice(point).join('')];
}

function grouped(intDigits: string, s: NumberSymbols): string {
  if (intDigits.length < s.primaryGroup + s.minimumGroupingDigits) return intDigits;
  const groups = [intDigits.slice(-s.primaryGroup)];
  let rest = intDigits.slice(0, -s.primaryGroup);
  while (rest.length > s.secondaryGroup) {
    groups.unshift(rest.slice(-s.secondaryGroup));
    rest = rest.slice(0, -s.secondaryGroup);
  }
  if (rest) groups.unshift(rest);
  return groups.join('\u0000');
}

/** `n` with `minFraction`–`maxFraction` fraction digits in the locale's symbols: Intl.NumberFormat's text. Pure. */
export function formatNumber(n: number, minFraction: number, maxFraction: number, s: NumberSymbols): string {
  if (Number.isNaN(n)) return s.nan;
  const negative = n < 0 || Object.is(n, -0);
  let body: string;
  if (!Number.isFinite(n)) body = s.infinity;
  else {
    const [intDigits, fractionDigits] = roundDecimal(Math.abs(n), maxFraction);
    let fraction = fractionDigits;
    while (fraction.length > minFraction && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
    const ascii = grouped(intDigits, s) + (fraction ? `\u0001${fraction}` : '');
    body = '';
    for (const c of ascii) body += c === '\u0000' ? s.group : c === '\u0001' ? s.decimal : s.digits[c.charCodeAt(0) - 48];
  }
  return negative ? s.negativePrefix + body + s.negativeSuffix : body;
}

/** Symbols per locale: the background's (remembered on arrival), or read here with Intl when they are not known. */
const symbols = new Map<string, NumberSymbols>();

/** panel.js: the background's reading of `locale`'s symbols. */
export function rememberNumberSymbols(locale: string, s: NumberSymbols): void {
  symbols.set(locale, s);
}

function symbolsFor(locale: string): NumberSymbols {
  let s = symbols.get(locale);
  if (!s) {
    s = numberSymbolsOf(locale);
    symbols.set(locale, s);
  }
  return s;
}

/** Exactly `digits` fraction digits. */
export function formatter(locale: string, digits: number): (n: number) => string {
  const s = symbolsFor(locale);
  return (n) => formatNumber(n, digits, digits, s);
}

/** Up to `digits` fraction digits (whole numbers print without any). */
export function formatterUpTo(locale: string, digits: number): (n: number) => string {
  const s = symbolsFor(locale);
  return (n) => formatNumber(n, 0, digits, s);
}

/**
 * Dates, times and numbers for the popup, in the browser's language (Intl), with a safe
 * fallback when the locale is unknown to Intl. Pure.
 */
import { i18n } from '#i18n';
import type { FetchError } from '@/news/sources';

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** A statement's day, e.g. "Nov 25, 2019" / "25 nov 2019". The day is a calendar day: no time zone. */
export function formatStatementDate(isoDay: string, locale: string): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(safeLocale(locale), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d),
  );
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 days ago" / "hace 3 días"; under a minute, "now" / "ahora". */
export function formatAgo(thenMs: number, nowMs: number, locale: string): string {
  const rtf = new Intl.RelativeTimeFormat(safeLocale(locale), { numeric: 'auto' });
  const elapsed = Math.max(0, nowMs - thenMs);
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return rtf.format(-Math.floor(elapsed / ms), unit);
  }
  return rtf.format(0, 'second');
}

export function numberFormatter(locale: string): (value: number, digits: number) => string {
  const cache = new Map<number, Intl.NumberFormat>();
  return (value, digits) => {
    let f = cache.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(safeLocale(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits });
      cache.set(digits, f);
    }
    return f.format(value);
  };
}

/** Why a refresh failed, in words. */
export function errorReason(error: FetchError): string {
  switch (error.code) {
    case 'network':
      return i18n.t('news.error.network');
    case 'timeout':
      return i18n.t('news.error.timeout');
    case 'http':
      return i18n.t('news.error.http', [String(error.status ?? '?')]);
    case 'too-large':
      return i18n.t('news.error.tooLarge');
    case 'format':
      return i18n.t('news.error.format');
    case 'redirect':
      return i18n.t('news.error.redirect');
    case 'not-permitted':
      return i18n.t('news.error.notPermitted');
  }
}

/**
 * The status line under the list: "Updated 2 hours ago", or on failure
 * "updated 3 days ago — could not refresh: <reason>". Null when there is nothing to say.
 */
export function statusLine(
  status: { updatedAt: number | null; error: FetchError | null },
  nowMs: number,
  locale: string,
): { text: string; error: boolean } | null {
  if (status.error) {
    const when = status.updatedAt === null ? i18n.t('news.notUpdated') : i18n.t('news.updatedAgo', [formatAgo(status.updatedAt, nowMs, locale)]);
    return { text: i18n.t('news.errorLine', [when, errorReason(status.error)]), error: true };
  }
  if (status.updatedAt !== null) return { text: i18n.t('news.updated', [formatAgo(status.updatedAt, nowMs, locale)]), error: false };
  return null;
}

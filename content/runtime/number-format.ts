/**
 * Number formats for the panel, one per locale and precision, kept for the content script's life: creating an
 * `Intl.NumberFormat` costs milliseconds (measured 5–15 ms for the first ones in a page), so the panel does
 * not make new ones per render.
 */
const formats = new Map<string, Intl.NumberFormat>();

function kept(key: string, locale: string, options: Intl.NumberFormatOptions): (n: number) => string {
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, options);
    } catch {
      f = new Intl.NumberFormat('en', options);
    }
    formats.set(key, f);
  }
  const format = f;
  return (n) => format.format(n);
}

/** Exactly `digits` fraction digits. */
export function formatter(locale: string, digits: number): (n: number) => string {
  return kept(`${locale}|${digits}`, locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Up to `digits` fraction digits (whole numbers print without any). */
export function formatterUpTo(locale: string, digits: number): (n: number) => string {
  return kept(`${locale}|≤${digits}`, locale, { maximumFractionDigits: digits });
}

/**
 * Make the formats the panel and its PACS section use, at an idle moment (panel.js start-up) rather than in a
 * render: a renderer's first `Intl.NumberFormat` loads its locale data (~25 ms measured on a quiet machine).
 */
export function warmFormats(locale: string): void {
  for (const digits of [0, 1, 2]) formatter(locale, digits);
  formatterUpTo(locale, 2);
}

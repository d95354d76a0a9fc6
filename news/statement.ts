/**
 * A statement of the Image Gently Alliance as shown in the popup: what every source (the
 * imagegently.org pages, RSS, Atom, JSON Feed, the bundled snapshot, the cache) is turned into.
 *
 * Pure: no browser APIs. The schema is the boundary: parsers build candidates and keep only
 * those that pass it (a bad item is dropped, the good ones stay), and the cache is read back
 * through it.
 */
import * as z from 'zod/mini';
import { isHttpUrl } from '@/utils/http-url';

/** Longest title kept (longer ones are cut at a word boundary and end with "…"). */
export const MAX_TITLE_CHARS = 300;
/** Longest summary kept. */
export const MAX_SUMMARY_CHARS = 400;

export { isHttpUrl };

/**
 * `href` resolved against `base`, when the result is http(s); otherwise null.
 * @example resolveHttpUrl('/Current-Events', 'https://www.imagegently.org/') //=> 'https://www.imagegently.org/Current-Events'
 * @example resolveHttpUrl('javascript:alert(1)', 'https://www.imagegently.org/') //=> null
 */
export function resolveHttpUrl(href: string | null | undefined, base: string): string | null {
  if (href == null) return null;
  // Browsers strip ASCII tab/newline and surrounding whitespace from hrefs; do the same so that
  // "java\nscript:" is recognised for what it is (the URL parser does the rest).
  const cleaned = href.replace(/[\t\n\r]/g, '').trim();
  if (cleaned === '') return null;
  try {
    const url = new URL(cleaned, base);
    return isHttpUrl(url.href) ? url.href : null;
  } catch {
    return null;
  }
}

/** A real calendar day written YYYY-MM-DD (no 2019-02-30), in a sane range for this site. */
export function isIsoDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  return isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  // NOTE: the Alliance was founded in 2007; 1990–2200 only rules out garbage, not real items.
  if (year < 1990 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const StatementSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  title: z.string().check(z.minLength(1), z.maxLength(MAX_TITLE_CHARS)),
  date: z.string().check(z.refine(isIsoDay, 'not a YYYY-MM-DD day')),
  url: z.string().check(z.maxLength(2048), z.refine(isHttpUrl, 'not an http(s) URL')),
  summary: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_SUMMARY_CHARS))),
});
export type Statement = z.infer<typeof StatementSchema>;

/**
 * Stable id from the day and the title, so the same statement read from the home page, the
 * news page, a feed or the bundled snapshot is one statement (read once, counted once).
 * Case, punctuation and spacing of the title do not matter.
 * @example statementId('2019-11-12', 'Endorsement Statement of the AAPM Gonadal Shielding Position') //=> '2019-11-12-…' (16 hex digits)
 */
export function statementId(date: string, title: string): string {
  const key = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return `${date}-${hash32(key, 0x811c9dc5)}${hash32(key, 0x01000193 ^ 0x5bd1e995)}`;
}

/** FNV-1a over UTF-16 code units, seeded; 8 hex digits. Two seeds give a 64-bit id. */
function hash32(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Newest first; equal days keep their given order (Array.prototype.sort is stable). */
export function newestFirst(statements: readonly Statement[]): Statement[] {
  return [...statements].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/**
 * One list from several: unique by id (the first occurrence wins; a later one only fills a
 * missing summary), newest first.
 */
export function mergeStatements(...lists: ReadonlyArray<readonly Statement[]>): Statement[] {
  const byId = new Map<string, Statement>();
  for (const list of lists) {
    for (const s of list) {
      const kept = byId.get(s.id);
      if (!kept) byId.set(s.id, s);
      else if (kept.summary === undefined && s.summary !== undefined) byId.set(s.id, { ...kept, summary: s.summary });
    }
  }
  return newestFirst([...byId.values()]);
}

/** Text cut to `max` characters at a word boundary, ending with "…" when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/, '')}…`;
}

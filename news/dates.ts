/**
 * Dates as the statement sources write them. Pure.
 *
 * imagegently.org (home page and "In the News", archived copies 2015–2019; see
 * docs/reference/campaigns.md §2) starts a news line with its date, in these styles:
 *   `11/25/2019: Title`   `7/25/19: Title`   `6/4/2019 Title`   `April 10, 2017 - Title`
 *   `July 5: Title` (no year: inferred from the neighbouring items, see `inferYear`)
 * Numbers are US month/day/year. Feeds use RFC 822 (RSS `pubDate`) or RFC 3339 (Atom, JSON Feed).
 */
import { isValidDay, isoDay } from './statement';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** What a news line starts with. `year` is null for `July 5:` (to be inferred). */
export interface LeadingDate {
  year: number | null;
  month: number;
  day: number;
  /** The rest of the line after the date and its separator (may be ''). */
  rest: string;
}

// Separator between a date and its title: a colon or a dash (with optional spaces), or — after a
// numeric date only — plain space before a non-digit (`6/4/2019 Optimizing …`).
const SEP = String.raw`\s*[:\-–—|]\s*`;
const NUMERIC = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:${SEP}|\s+(?=\D)|$)`);
const TEXTUAL_WITH_YEAR = new RegExp(String.raw`^${MONTH_NAME}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:${SEP}|$)`, 'i');
// Without a year only a colon separates: "May 10 - 12 …" is more likely a range than an item.
const TEXTUAL_NO_YEAR = new RegExp(String.raw`^${MONTH_NAME}\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*:\s*`, 'i');
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:${SEP}|$)`);
// Bullets and decorations some lines start with.
const LEADING_DECORATION = /^[\s•·▪►»*]+/;

/** Two-digit years: `19` → 2019. (The site's items start in 2007; `70`–`99` would be 1900s.) */
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function monthNumber(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? 0;
}

/**
 * The date a line starts with, or null when it does not start with one of the site's styles
 * (or the date is not a real day).
 * @example readLeadingDate('7/25/19: Simple preoperative …') //=> { year: 2019, month: 7, day: 25, rest: 'Simple preoperative …' }
 * @example readLeadingDate('July 5: Title') //=> { year: null, month: 7, day: 5, rest: 'Title' }
 */
export function readLeadingDate(line: string): LeadingDate | null {
  const text = line.replace(LEADING_DECORATION, '');
  let m = NUMERIC.exec(text);
  if (m) return checked(fullYear(m[3]!), Number(m[1]), Number(m[2]), text.slice(m[0].length));
  m = TEXTUAL_WITH_YEAR.exec(text);
  if (m) return checked(Number(m[3]), monthNumber(m[1]!), Number(m[2]), text.slice(m[0].length));
  m = ISO.exec(text);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), text.slice(m[0].length));
  m = TEXTUAL_NO_YEAR.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    const day = Number(m[2]);
    // Any leap year accepts Feb 29; the year is checked again once inferred.
    if (!isValidDay(2000, month, day)) return null;
    return { year: null, month, day, rest: text.slice(m[0].length).trim() };
  }
  return null;
}

function checked(year: number, month: number, day: number, rest: string): LeadingDate | null {
  return isValidDay(year, month, day) ? { year, month, day, rest: rest.trim() } : null;
}

/**
 * The day a feed gives, as written (no time-zone conversion: the publisher's own calendar day).
 * RFC 3339 (`2019-11-25T10:00:00-05:00`) and RFC 822 (`Mon, 25 Nov 2019 15:00:00 GMT`).
 */
export function readFeedDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = new RegExp(String.raw`^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+${MONTH_NAME}\.?\s+(\d{4}|\d{2})\b`, 'i').exec(t);
  if (m) return valid(fullYear(m[3]!), monthNumber(m[2]!), Number(m[1]));
  return null;
}

function valid(year: number, month: number, day: number): string | null {
  return isValidDay(year, month, day) ? isoDay(year, month, day) : null;
}

/**
 * The year of a `July 5:` item from its neighbours in page order (`before` is the nearest dated
 * item above it, `after` the nearest below, both YYYY-MM-DD).
 *
 * NOTE: pages list news newest first, so the day should fall between `after` and `before`; the
 * latest year that does wins. If the page runs oldest first instead, the same test is made the
 * other way round. With neither working, the nearest neighbour's year is used; with no dated
 * neighbour at all, null (the item is undated and is dropped).
 * @example inferYear(7, 5, '2018-09-10', '2018-05-10') //=> 2018
 * @example inferYear(12, 20, '2019-01-15', '2018-11-02') //=> 2018
 */
export function inferYear(month: number, day: number, before: string | null, after: string | null): number | null {
  const years = [before, after].filter((d): d is string => d !== null).map((d) => Number(d.slice(0, 4)));
  if (years.length === 0) return null;
  const lo = Math.min(...years) - 1;
  const hi = Math.max(...years) + 1;
  for (const newestFirstOrder of [true, false]) {
    const [upper, lower] = newestFirstOrder ? [before, after] : [after, before];
    const fitting: number[] = [];
    for (let year = lo; year <= hi; year++) {
      if (!isValidDay(year, month, day)) continue;
      const d = isoDay(year, month, day);
      if ((upper === null || d <= upper) && (lower === null || d >= lower)) fitting.push(year);
    }
    // The year closest to the item above (or, with nothing above, to the item below).
    if (fitting.length > 0) return upper !== null ? Math.max(...fitting) : Math.min(...fitting);
  }
  const nearest = Number((before ?? after)!.slice(0, 4));
  return isValidDay(nearest, month, day) ? nearest : null;
}

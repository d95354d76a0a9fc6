/**
 * Statements from imagegently.org's own pages (the home page and "Current Events → In the
 * News"). The site publishes no feed (docs/reference/campaigns.md §2); its news are lines that
 * start with a date, each followed by a paragraph or two and often a "Read more" link.
 *
 * How a page is read:
 * 1. The HTML becomes lines: every block element (p, div, li, h1–h6, td …) and every <br> ends a
 *    line; each line keeps the links (hrefs) that touch it and whether it sits in a heading.
 *    Navigation (nav, header, footer, role=navigation/banner/contentinfo, menus, breadcrumbs),
 *    scripts, styles and form controls contribute nothing.
 * 2. A line that starts with a date in one of the site's styles (news/dates.ts) starts an item;
 *    the rest of the line is its title. A line holding only a date takes its title from the next.
 * 3. The item's link is the first usable (http/https, resolved against the page URL) link on the
 *    title line, else on the next few lines ("Read more"); with none, the page itself.
 *    Its summary is the first following line that is neither a heading nor a date line.
 * 4. Dated lines that are not statements are left out: bylines (`December 2, 2019 - Image Gently
 *    Alliance` under the Butterfly Award), award notices, the pledge. Undated text (pledge
 *    banner, mission, navigation, "Children's Book on CT") never starts an item.
 * 5. `July 5:` gets its year from the dated items around it (news/dates.ts `inferYear`).
 *
 * Plain text lines (a `text/plain` body without markup) go through steps 2–5 with no links, as
 * literal text (no entities, no tags).
 */
import { parseDocument } from 'htmlparser2';
import { inferYear, readLeadingDate } from './dates';
import { BLOCK, NEVER_TEXT, collapseSpace, isElement, isText, walk, type DomElement } from './dom';
import { DomUtils } from 'htmlparser2';
import { MAX_SUMMARY_CHARS, MAX_TITLE_CHARS, clip, isoDay, resolveHttpUrl } from './statement';

/** A line of reading text. */
export interface PageLine {
  text: string;
  /** Raw hrefs of the links on this line, in order. */
  hrefs: string[];
  /** Inside h1–h6. */
  heading: boolean;
  /** The innermost block element the line ended in (null: top level or plain text). */
  block: DomElement | null;
}

/** A candidate before validation; the caller makes ids and checks the schema. */
export interface PageItem {
  date: string;
  title: string;
  url: string;
  /** False when no usable link was found and `url` is the page itself. */
  linked: boolean;
  summary?: string;
}

const SKIP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar']);
const SKIP_ELEMENTS = new Set(['nav', 'header', 'footer']);
// Class or id naming a menu, breadcrumb or navigation bar (DNN skins: "dnnMenu", "topNav" …).
const SKIP_CLASS = /menu|breadcrumb|navigation|navbar|nav(?![a-z])/i;

function isSkipped(el: DomElement): boolean {
  const name = el.name.toLowerCase();
  if (NEVER_TEXT.has(name) || SKIP_ELEMENTS.has(name)) return true;
  const role = DomUtils.getAttributeValue(el, 'role')?.toLowerCase();
  if (role && SKIP_ROLES.has(role)) return true;
  const names = `${DomUtils.getAttributeValue(el, 'class') ?? ''} ${DomUtils.getAttributeValue(el, 'id') ?? ''}`;
  return SKIP_CLASS.test(names);
}

/** The page as lines of reading text (step 1). */
export function pageLines(html: string): PageLine[] {
  const doc = parseDocument(html, { decodeEntities: true });
  const lines: PageLine[] = [];
  let text: string[] = [];
  let hrefs: string[] = [];
  let headingDepth = 0;
  let lineHeading = false;
  // Links open at this point; a link spanning a line break belongs to both lines.
  const openLinks: string[] = [];
  const blocks: DomElement[] = [];

  const endLine = (): void => {
    const t = collapseSpace(text.join(''));
    if (t !== '') lines.push({ text: t, hrefs, heading: lineHeading, block: blocks[blocks.length - 1] ?? null });
    text = [];
    hrefs = [...openLinks];
    lineHeading = headingDepth > 0;
  };

  walk(doc.children, {
    enter(node) {
      if (isElement(node)) {
        if (isSkipped(node)) return false;
        const name = node.name.toLowerCase();
        if (name === 'br' || BLOCK.has(name)) endLine();
        if (BLOCK.has(name)) blocks.push(node);
        if (/^h[1-6]$/.test(name)) {
          headingDepth++;
          lineHeading = true;
        }
        if (name === 'a') {
          const href = DomUtils.getAttributeValue(node, 'href');
          if (href !== undefined) {
            openLinks.push(href);
            hrefs.push(href);
          }
        }
        return true;
      }
      if (isText(node)) {
        text.push(node.data);
        if (headingDepth > 0) lineHeading = true;
      }
      return true;
    },
    exit(node) {
      if (!isElement(node) || isSkipped(node)) return;
      const name = node.name.toLowerCase();
      if (name === 'a' && DomUtils.getAttributeValue(node, 'href') !== undefined) openLinks.pop();
      if (BLOCK.has(name)) {
        endLine();
        blocks.pop();
      }
      if (/^h[1-6]$/.test(name)) headingDepth--;
    },
  });
  endLine();
  return lines;
}

/** A text/plain body as lines. */
export function textLines(body: string): PageLine[] {
  return body
    .split(/\r\n|\r|\n/)
    .map((line) => collapseSpace(line))
    .filter((line) => line !== '')
    .map((text) => ({ text, hrefs: [], heading: false, block: null }));
}

// Dated lines that are not statements (step 4).
const BYLINE = /^(?:by\s+)?(?:the\s+)?image\s+gently\s*®?(?:\s+alliance)?[.!]?$/i;
const AWARD = /\bawards?\b|\bawardee\b|\bcongratulations\b/i;
const PLEDGE = /\bpledge\b/i;
// "Read more", "Read more...", "Read more here...." at the end of a title or summary.
const READ_MORE = /\s*\bread more(?: here)?\s*[.…]*\s*$/i;

function isStatementTitle(title: string): boolean {
  if (title.length < 4 || !/\p{L}{3}/u.test(title)) return false;
  return !BYLINE.test(title) && !AWARD.test(title) && !PLEDGE.test(title);
}

/**
 * A line's text with a trailing "Read more" removed. Lines are already text, decoded exactly
 * once: an HTML page's entities were decoded by the parser and its tags were structure, never
 * text; a text/plain body has neither. So a title the author wrote as `&lt;b&gt;Bold` is the
 * text "<b>Bold", as a reader of the page sees it, and stays that (the popup renders text only).
 * NOTE: reading such text once more as HTML (as this parser once did) decodes twice: it ate the
 * author's words and turned `&amp;lt;b&amp;gt;` into a tag-looking "<b>" the page never showed.
 */
function lineText(text: string): string {
  return collapseSpace(text.replace(READ_MORE, ''));
}

/** How many lines after a title line may still hold the item's link ("Read more"). */
const LINK_LOOKAHEAD = 3;

/**
 * Whether `follower` can belong to the item started on `dated`: it sits in the same block or
 * inside the block's parent (the next <p> in the same column), not after the list or section
 * the dated line is in.
 */
function sameContext(dated: PageLine, follower: PageLine): boolean {
  const scope = dated.block?.parent ?? null;
  if (scope === null) return true;
  for (let node: DomElement['parent'] = follower.block; node; node = node.parent) {
    if (node === scope) return true;
  }
  return false;
}

interface Draft {
  year: number | null;
  month: number;
  day: number;
  title: string;
  hrefs: string[];
  summary?: string;
  /** The line that started the item. */
  line: PageLine;
  /** Index in the list of all dated lines (statements or not), for year inference. */
  datedIndex: number;
}

/** Items from lines (steps 2–5), in page order. */
export function itemsFromLines(lines: readonly PageLine[], sourceUrl: string): PageItem[] {
  const drafts: Draft[] = [];
  /** Every dated line's day (null when yearless), statements or not: neighbours for `July 5:`. */
  const datedDays: (string | null)[] = [];
  let current: Draft | null = null;
  let followers = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const date = readLeadingDate(line.text);
    if (date) {
      let title = date.rest;
      let hrefs = [...line.hrefs];
      if (title === '' && i + 1 < lines.length && !readLeadingDate(lines[i + 1]!.text)) {
        // A date on its own line, the title on the next.
        i++;
        title = lines[i]!.text;
        hrefs = [...hrefs, ...lines[i]!.hrefs];
      }
      title = lineText(title);
      datedDays.push(date.year === null ? null : isoDay(date.year, date.month, date.day));
      if (isStatementTitle(title)) {
        current = { year: date.year, month: date.month, day: date.day, title, hrefs, line, datedIndex: datedDays.length - 1 };
        drafts.push(current);
      } else {
        current = null;
      }
      followers = 0;
      continue;
    }
    if (!current) continue;
    if (line.heading || followers >= LINK_LOOKAHEAD || !sameContext(current.line, line)) {
      current = null;
      continue;
    }
    followers++;
    current.hrefs.push(...line.hrefs);
    if (current.summary === undefined && followers === 1) {
      const summary = lineText(line.text);
      if (summary.length > 0) current.summary = clip(summary, MAX_SUMMARY_CHARS);
    }
  }

  const items: PageItem[] = [];
  for (const draft of drafts) {
    let year = draft.year;
    if (year === null) {
      const before = nearestDated(datedDays, draft.datedIndex, -1);
      const after = nearestDated(datedDays, draft.datedIndex, +1);
      year = inferYear(draft.month, draft.day, before, after);
      if (year === null) continue; // no dated neighbour: undated, left out
    }
    let url: string | null = null;
    for (const href of draft.hrefs) {
      url = resolveHttpUrl(href, sourceUrl);
      if (url) break;
    }
    items.push({
      date: isoDay(year, draft.month, draft.day),
      title: clip(draft.title, MAX_TITLE_CHARS),
      url: url ?? sourceUrl,
      linked: url !== null,
      ...(draft.summary !== undefined ? { summary: draft.summary } : {}),
    });
  }
  return items;
}

function nearestDated(days: readonly (string | null)[], from: number, step: -1 | 1): string | null {
  for (let i = from + step; i >= 0 && i < days.length; i += step) {
    if (days[i]) return days[i]!;
  }
  return null;
}

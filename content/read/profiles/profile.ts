/**
 * What a site profile is, and the small DOM helpers profiles share. A profile knows one system's pages:
 * a cheap predicate (URL first, then one or two selectors), the element that holds the current route (the panel
 * observes it for SPA changes), and `read`, which returns raw facts from ONLY that route's record — never from
 * hidden earlier pages or panels still mounted — so patient and exam facts come from one record.
 * Profiles are pure over the Document: `textContent` (not `innerText`: no layout, works in happy-dom), no network.
 */
import type { DateOrder, Evidence, Fact, FactKind, PageFindings } from '../types';

export interface SiteProfile {
  /** Equals the file name (content/read/profiles/<id>.ts). */
  id: string;
  /** Human name for evidence and diagnostics. */
  name: string;
  /** For the README support matrix: 'live' = tested against a running instance; 'saved' = saved/synthetic pages. */
  tested: 'live' | 'saved';
  /** Is this page one of this system's? Cheap: URL checks and a few selectors. */
  matches(doc: Document, url: URL): boolean;
  /** The element holding the current route's content (to observe for SPA changes); null when not rendered yet. */
  routeContainer(doc: Document): Element | null;
  /** Facts of the open record and of list rows, from the active route only. */
  read(doc: Document, url: URL, options: ReadOptions): PageFindings;
  /**
   * An EHR or order system whose screens show orders in forms the profile does not read itself (order baskets,
   * orders lists, forms shown inline): when it reads the patient but no exam, the generic reader names the exam.
   * Not for PACS viewers, whose study lists are the profile's own to read.
   */
  ordersByGenericReader?: true;
}

export interface ReadOptions {
  /** Per-site date order setting (profiles with a fixed display format ignore it). */
  dateOrder?: DateOrder;
  /** The clock of the analysis (a reader that weighs dates against today uses it). */
  now?: Date;
}

/** Whitespace-collapsed textContent ('' for null). */
export function textOf(node: Node | null | undefined): string {
  return node ? (node.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
}

/**
 * The longest text one fact keeps. A label's value or a list cell is a few words; a longer one is a page's worth
 * of text under a label, and every word pattern that later runs over the fact must stay cheap on it.
 */
export const MAX_FACT_CHARS = 2048;
const MESSY_SPACE = /\s\s|[^\S ]/;

/**
 * Already a fact's text, by one look at its characters (no regular expression): printable ASCII, single spaces
 * inside, none at the ends, short. Anything else (other white space or letters) takes the general path.
 */
function isFactText(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > MAX_FACT_CHARS) return false;
  let space = true; // a space first is not clean
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
    } else if (c < 33 || c > 126) return false;
    else space = false;
  }
  return !space;
}

/**
 * A fact's text as every reader stores it: whitespace collapsed, trimmed, at most MAX_FACT_CHARS long.
 * Allocation-free for the usual clean, short cell (a 5,000-row worklist reads thousands).
 */
export function factText(raw: string): string {
  if (isFactText(raw)) return raw;
  const head = raw.length > 4 * MAX_FACT_CHARS ? raw.slice(0, 4 * MAX_FACT_CHARS) : raw;
  const text = MESSY_SPACE.test(head) ? head.replace(/\s+/g, ' ').trim() : head.trim();
  return text.length > MAX_FACT_CHARS ? text.slice(0, MAX_FACT_CHARS).trimEnd() : text;
}

/**
 * The most facts one record keeps. A chart or a study shows a few dozen labelled values; thousands are a page
 * built to be read (each later fact of a kind becomes a line of evidence), and the rest are not read.
 */
export const MAX_FACTS_PER_RECORD = 200;

/** A fact, or nothing when the text is empty or the record is full. */
export function pushFact(facts: Fact[], kind: FactKind, text: string, where: string, extra?: Partial<Fact>): void {
  if (facts.length >= MAX_FACTS_PER_RECORD) return;
  const t = factText(text);
  if (t) facts.push({ kind, text: t, where, ...extra });
}

export function findings(
  profileId: string,
  primary: Fact[] | null,
  rows: Fact[][] = [],
  notes: Evidence[] = [],
  dateOrder: DateOrder | null = null,
): PageFindings {
  return { profileId, primary: primary && primary.length > 0 ? primary : null, rows, dateOrder, notes };
}

/** Path ends with one of the suffixes (case-insensitive). */
export function pathEndsWith(url: URL, ...suffixes: string[]): boolean {
  const p = url.pathname.toLowerCase();
  return suffixes.some((s) => p.endsWith(s));
}

/** Normalised label for matching: lower case, letters/digits/spaces only ("Date of Birth:" → "date of birth"). */
export function labelKey(text: string): string {
  const lower = text.toLowerCase();
  const shape = keyShape(lower);
  // Already a key (most short labels and values): as it is.
  if (shape === KEY) return lower;
  // Accents dropped (NFD, then the combining marks) only where there is a letter beyond ASCII: most labels and values
  // are plain ASCII, which NFD leaves as it is.
  return (shape === ASCII ? lower : lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '')).replace(/[^a-z0-9#]+/g, ' ').trim();
}

const KEY = 0;
const ASCII = 1;
const BEYOND_ASCII = 2;

/**
 * What a lower-cased text is, by one look at its characters: a key already (`a-z`, `0-9`, `#`, single spaces inside),
 * other ASCII, or text with a character beyond ASCII.
 */
function keyShape(s: string): number {
  let shape = KEY;
  let space = true; // a space first is not a key's
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return BEYOND_ASCII;
    if (c === 32) {
      if (space) shape = ASCII;
      space = true;
    } else {
      space = false;
      if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 35)) shape = ASCII;
    }
  }
  return space && s.length > 0 ? ASCII : shape;
}

/** Header cells of a table-like header row → column index by normalised label. */
export function columnIndex(cells: ArrayLike<Element>): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < cells.length; i++) {
    const key = labelKey(textOf(cells[i]));
    if (key && !map.has(key)) map.set(key, i);
  }
  return map;
}

/** First column whose normalised label is one of `labels`. */
export function findColumn(cols: Map<string, number>, labels: readonly string[]): number {
  for (const l of labels) {
    const i = cols.get(l);
    if (i !== undefined) return i;
  }
  return -1;
}

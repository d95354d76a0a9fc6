/**
 * Statements from feeds an institution may add as extra sources: RSS 2.0 (and 0.9x/1.0),
 * Atom 1.0 and JSON Feed 1.0/1.1. Pure.
 *
 * Every text field is made plain (feeds carry escaped HTML, CDATA, even scripts in titles).
 * The item's day is the one the feed wrote (no time-zone shift). An item with no usable link
 * points to the feed's home page (its channel/feed link), else to the feed itself; an item
 * without a title or a day is left out. Items cut off by a truncated document are left out.
 */
import { DomHandler, DomUtils, Parser } from 'htmlparser2';
import { jsonNestsDeeperThan } from '../utils/json-depth';
import { readFeedDate } from './dates';
import { hasChildren, isElement, isText, plainText, readableText, type DomElement, type DomNode } from './dom';
import { MAX_SUMMARY_CHARS, MAX_TITLE_CHARS, clip, resolveHttpUrl } from './statement';
import type { PageItem } from './parse-page';

/**
 * The XML tree, plus the elements that were never closed (the document ended inside them).
 * htmlparser2 closes open elements at the end of input with an "implied" close; that is how a
 * truncated feed's last, partial item is recognised.
 */
function parseXml(body: string): { roots: DomNode[]; unclosed: Set<DomElement> } {
  const unclosed = new Set<DomElement>();
  class TrackingHandler extends DomHandler {
    override onclosetag(): void {
      // Parser calls onclosetag(name, isImplied); DomHandler's signature takes no arguments.
      // eslint-disable-next-line prefer-rest-params
      const implied = arguments[1] === true;
      const open = this.tagStack[this.tagStack.length - 1];
      if (implied && open && isElement(open as DomNode)) unclosed.add(open as DomElement);
      super.onclosetag();
    }
  }
  const handler = new TrackingHandler();
  const parser = new Parser(handler, { xmlMode: true, decodeEntities: true });
  parser.end(body);
  return { roots: handler.root.children, unclosed };
}

function localName(el: DomElement): string {
  const name = el.name.toLowerCase();
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function childElements(el: DomElement): DomElement[] {
  return el.children.filter((c): c is DomElement => isElement(c));
}

function child(el: DomElement, name: string): DomElement | undefined {
  return childElements(el).find((c) => localName(c) === name || c.name.toLowerCase() === name);
}

/** XML text of an element (CDATA included), then made plain: it may be escaped HTML. */
function fieldText(el: DomElement | undefined): string {
  if (!el) return '';
  return plainText(rawText(el));
}

/** Concatenated text and CDATA content, no markup interpretation. */
function rawText(el: DomElement): string {
  const parts: string[] = [];
  const stack: DomNode[] = [...el.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) parts.push(node.data);
    else if (hasChildren(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return parts.join('');
}

/** Atom text construct: type="xhtml" holds markup as elements; "html" escaped markup; "text" plain. */
function atomText(el: DomElement | undefined): string {
  if (!el) return '';
  if (DomUtils.getAttributeValue(el, 'type')?.toLowerCase() === 'xhtml') return readableText(el.children);
  return fieldText(el);
}

/**
 * Where the XML prolog ends: whitespace, the XML declaration, comments, processing instructions
 * and a doctype (with an internal subset) skipped, in one forward pass; -1 when one is left open.
 *
 * NOTE: one regular expression with a repeated group of alternatives backtracks exponentially
 * when the prolog does not end in an element (`'<!---->'.repeat(28) + '!'` took seconds of
 * service-worker time, each extra comment doubling it); every step here moves forward.
 */
function prologEnd(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    let end: number;
    if (text.startsWith('<?', i)) end = after(text, '?>', i + 2);
    else if (text.startsWith('<!--', i)) end = after(text, '-->', i + 4);
    else if (text.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') end = doctypeEnd(text, i + 9);
    else return i;
    if (end === -1) return -1;
    i = end;
  }
}

/** Index just past the next `token` from `from`, or -1. */
function after(text: string, token: string, from: number): number {
  const at = text.indexOf(token, from);
  return at === -1 ? -1 : at + token.length;
}

/** Index just past a doctype's `>`, an internal subset `[…]` included (it ends at a `]` then `>`). */
function doctypeEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '[' && text[i] !== '>') i++;
  if (i >= text.length) return -1;
  if (text[i] === '>') return i + 1;
  for (let close = text.indexOf(']', i); close !== -1; close = text.indexOf(']', close + 1)) {
    let j = close + 1;
    while (j < text.length && /\s/.test(text[j]!)) j++;
    if (text[j] === '>') return j + 1;
  }
  return -1;
}

/** The root element of an XML feed: `rss`, `feed` (Atom) or `rdf:RDF` (RSS 1.0), else null. */
export function feedKind(body: string): 'rss' | 'atom' | 'rdf' | null {
  const head = body.slice(0, 4096);
  const start = prologEnd(head);
  if (start === -1) return null;
  const m = /^<([A-Za-z][\w.:-]*)/.exec(head.slice(start));
  if (!m) return null;
  const name = m[1]!.toLowerCase();
  if (name === 'rss') return 'rss';
  if (name === 'feed' || name.endsWith(':feed')) return 'atom';
  if (name === 'rdf:rdf') return 'rdf';
  return null;
}

/** Items of an RSS or Atom document, in document order. */
export function itemsFromXmlFeed(body: string, sourceUrl: string): PageItem[] {
  const kind = feedKind(body);
  if (!kind) return [];
  const { roots, unclosed } = parseXml(body);
  const root = roots.find((n): n is DomElement => isElement(n));
  if (!root) return [];
  if (kind === 'atom') return atomItems(root, unclosed, sourceUrl);
  const channel = kind === 'rss' ? child(root, 'channel') : child(root, 'channel') ?? root;
  if (!channel) return [];
  // RSS 2.0 items are inside <channel>; RSS 1.0 items are siblings of it.
  const itemParent = kind === 'rss' ? channel : root;
  const home = resolveHttpUrl(fieldText(child(channel, 'link')), sourceUrl) ?? sourceUrl;
  const items: PageItem[] = [];
  for (const item of childElements(itemParent)) {
    if (localName(item) !== 'item' || unclosed.has(item)) continue;
    const title = clip(fieldText(child(item, 'title')), MAX_TITLE_CHARS);
    const date = readFeedDate(fieldText(child(item, 'pubdate')) || fieldText(child(item, 'date')));
    if (!title || !date) continue;
    const guid = child(item, 'guid');
    const guidIsLink = guid !== undefined && DomUtils.getAttributeValue(guid, 'isPermaLink') !== 'false';
    const url =
      resolveHttpUrl(fieldText(child(item, 'link')), sourceUrl) ??
      (guidIsLink ? resolveHttpUrl(fieldText(guid), sourceUrl) : null);
    const summary = clip(fieldText(child(item, 'description')), MAX_SUMMARY_CHARS);
    items.push({ date, title, url: url ?? home, linked: url !== null, ...(summary ? { summary } : {}) });
  }
  return items;
}

function atomLink(el: DomElement, base: string): string | null {
  const links = childElements(el).filter((c) => localName(c) === 'link');
  const alternate =
    links.find((l) => (DomUtils.getAttributeValue(l, 'rel') ?? 'alternate').toLowerCase() === 'alternate') ?? null;
  return alternate ? resolveHttpUrl(DomUtils.getAttributeValue(alternate, 'href'), base) : null;
}

function atomItems(feed: DomElement, unclosed: Set<DomElement>, sourceUrl: string): PageItem[] {
  const feedBase = resolveHttpUrl(DomUtils.getAttributeValue(feed, 'xml:base'), sourceUrl) ?? sourceUrl;
  const home = atomLink(feed, feedBase) ?? sourceUrl;
  const items: PageItem[] = [];
  for (const entry of childElements(feed)) {
    if (localName(entry) !== 'entry' || unclosed.has(entry)) continue;
    const base = resolveHttpUrl(DomUtils.getAttributeValue(entry, 'xml:base'), feedBase) ?? feedBase;
    const title = clip(atomText(child(entry, 'title')), MAX_TITLE_CHARS);
    const date = readFeedDate(fieldText(child(entry, 'published')) || fieldText(child(entry, 'updated')));
    if (!title || !date) continue;
    const url = atomLink(entry, base);
    const summary = clip(atomText(child(entry, 'summary') ?? child(entry, 'content')), MAX_SUMMARY_CHARS);
    items.push({ date, title, url: url ?? home, linked: url !== null, ...(summary ? { summary } : {}) });
  }
  return items;
}

/** Items of a JSON Feed (https://www.jsonfeed.org/version/1.1/), in feed order; [] for other JSON. */
export function itemsFromJsonFeed(body: string, sourceUrl: string): PageItem[] {
  if (jsonNestsDeeperThan(body)) return [];
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return [];
  }
  if (!isRecord(data) || typeof data.version !== 'string' || !data.version.startsWith('https://jsonfeed.org/version/1')) {
    return [];
  }
  if (!Array.isArray(data.items)) return [];
  const home = resolveHttpUrl(str(data.home_page_url), sourceUrl) ?? sourceUrl;
  const items: PageItem[] = [];
  for (const item of data.items) {
    if (!isRecord(item)) continue;
    const title = clip(plainText(str(item.title)), MAX_TITLE_CHARS);
    const date = readFeedDate(str(item.date_published) || str(item.date_modified));
    if (!title || !date) continue;
    const url = resolveHttpUrl(str(item.url), sourceUrl) ?? resolveHttpUrl(str(item.external_url), sourceUrl);
    const summaryText = str(item.summary) || str(item.content_text) || str(item.content_html);
    const summary = clip(plainText(summaryText), MAX_SUMMARY_CHARS);
    items.push({ date, title, url: url ?? home, linked: url !== null, ...(summary ? { summary } : {}) });
  }
  return items;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

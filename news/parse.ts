/**
 * `parseStatements(body, contentType, sourceUrl)`: any statement source → Statement[].
 * Pure (no browser APIs, no DOMParser: it runs in the MV3 service worker, in the popup and in
 * tests alike).
 *
 * Which format: the body decides, the content type only rules out what cannot be text.
 * Servers often label feeds `text/html` or `text/plain`, so a body that is a JSON Feed, an RSS
 * or an Atom document is read as one whatever its label; any other text is read as an
 * imagegently.org page (HTML), or as lines of literal text when labelled `text/plain` and free
 * of markup. A `text/plain` body that carries markup is an HTML page served with the wrong type
 * and is read as one, whole (never line by line: the same words give the same title whatever
 * else the body holds). A binary type (image, audio, video, font, PDF, zip, octet-stream) gives [].
 *
 * Every text is decoded exactly once, by its own format's rules: entities a page escaped
 * (`&lt;b&gt;`) are the author's literal text "<b>"; a real tag is structure and never text.
 *
 * What comes out: plain-text titles and summaries, http(s) links only (relative ones resolved
 * against `sourceUrl`), real days, stable ids (news/statement.ts), no duplicates, newest first,
 * at most MAX_STATEMENTS. Each item is checked against StatementSchema; one bad item is dropped,
 * the rest are kept. Bodies over MAX_BODY_CHARS, and markup nested deeper than MAX_NESTING, are
 * not read at all (the fetcher stops at 2 MB).
 */
import { nestsDeeperThan } from './dom';
import { itemsFromJsonFeed, itemsFromXmlFeed, feedKind } from './parse-feeds';
import { itemsFromLines, pageLines, textLines, type PageItem } from './parse-page';
import { StatementSchema, newestFirst, statementId, type Statement } from './statement';

/** The fetcher's cap is 2 MiB of bytes; a string of at most that many UTF-16 units is all we read. */
export const MAX_BODY_CHARS = 2 * 1024 * 1024;
/** The most statements one source may yield (the popup shows far fewer). */
export const MAX_STATEMENTS = 100;
/** Deeper markup is not a news page or feed but an attack on the parser (see `nestsDeeperThan`). */
export const MAX_NESTING = 1000;

/**
 * A `<` that HTML reads as markup: a start or end tag, comment, doctype or processing
 * instruction (htmlparser2 turns all of these into nodes; any other `<`, as in "< 5", is text).
 */
const MARKUP_START = /<[a-z!?/]/i;

const TEXTUAL_TYPE = /^(?:text\/[\w.+-]+|application\/(?:[\w.-]+\+)?(?:xml|json)|application\/xhtml\+xml|application\/(?:rss|atom)\+xml|application\/feed\+json)$/;

/** The media type without parameters, lower case; '' when absent. */
function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** True when the content type may hold statements (missing counts as maybe). */
export function isTextualContentType(contentType: string): boolean {
  const type = mediaType(contentType);
  return type === '' || TEXTUAL_TYPE.test(type);
}

export function parseStatements(body: string, contentType: string, sourceUrl: string): Statement[] {
  if (typeof body !== 'string' || body.length > MAX_BODY_CHARS) return [];
  if (!isTextualContentType(contentType)) return [];
  const text = body.replace(/^\uFEFF/, '');
  const start = text.trimStart();
  let items: PageItem[];
  if (start.startsWith('{')) items = itemsFromJsonFeed(text, sourceUrl);
  else if (nestsDeeperThan(start, MAX_NESTING)) items = [];
  else if (feedKind(start)) items = itemsFromXmlFeed(start, sourceUrl);
  else if (mediaType(contentType) === 'text/plain' && !MARKUP_START.test(text)) items = itemsFromLines(textLines(text), sourceUrl);
  else items = itemsFromLines(pageLines(text), sourceUrl);
  return toStatements(items);
}

/** Ids, schema check, dedup (a linked copy beats one pointing at its page), newest first, cap. */
function toStatements(items: readonly PageItem[]): Statement[] {
  const byId = new Map<string, { statement: Statement; linked: boolean }>();
  for (const item of items) {
    const candidate = {
      id: statementId(item.date, item.title),
      title: item.title,
      date: item.date,
      url: item.url,
      ...(item.summary ? { summary: item.summary } : {}),
    };
    const parsed = StatementSchema.safeParse(candidate);
    if (!parsed.success) continue;
    const kept = byId.get(parsed.data.id);
    if (!kept || (!kept.linked && item.linked)) byId.set(parsed.data.id, { statement: parsed.data, linked: item.linked });
  }
  return newestFirst([...byId.values()].map((v) => v.statement)).slice(0, MAX_STATEMENTS);
}

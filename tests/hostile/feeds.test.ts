/**
 * Hostile statement sources: whatever a feed host sends, the service worker gets a result back
 * in time linear in the body. Linearity is asserted on what the parsers are handed or give back
 * (field sizes), never on the clock; the time budgets are in `npm run bench` (bench/hostile).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS, plainText } from '../../news/dom';
import { feedKind } from '../../news/parse-feeds';
import { MAX_STATEMENTS, parseStatements } from '../../news/parse';
import { MAX_SUMMARY_CHARS, MAX_TITLE_CHARS, StatementSchema } from '../../news/statement';

const FEED_URL = 'https://feeds.example.org/statements';

describe('feedKind: the XML prolog is skipped in one pass', () => {
  it('comment runs that a backtracking prolog pattern explodes on are read at once', () => {
    // 2^n backtracking for the old pattern: n = 28 took seconds, each comment doubled it.
    expect(feedKind('<!---->'.repeat(500) + '!')).toBeNull();
    expect(feedKind('<!---->'.repeat(500) + '<rss version="2.0">')).toBe('rss');
    expect(feedKind('<!-- a --> '.repeat(300) + '<?pi x?>'.repeat(10) + '<feed>')).toBe('atom');
    expect(feedKind('<?xml version="1.0"?>'.repeat(200) + '!')).toBeNull();
  });

  it('reads every legitimate prolog shape', () => {
    expect(feedKind('<?xml version="1.0"?>\n<!-- c --><!DOCTYPE rss PUBLIC "-//x" "y">\n<rss>')).toBe('rss');
    expect(feedKind('<!DOCTYPE feed [ <!ENTITY a "b"> ]  >\n<atom:feed>')).toBe('atom');
    expect(feedKind('<!doctype rdf>\n<rdf:RDF>')).toBe('rdf');
    expect(feedKind('  \n<html><rss>')).toBeNull();
    expect(feedKind('<!-- never closed <rss>')).toBeNull();
    expect(feedKind('<?xml version="1.0"?><!DOCTYPE x [ <!ENTITY a "]"> ] ><rss>')).toBe('rss');
  });

  it('never throws and agrees with a reference reading on arbitrary prologs', () => {
    const piece = fc.constantFrom('<!---->', '<!-- x -->', '<?xml v?>', '<!DOCTYPE rss>', ' ', '\n', '<!--', '-->', '?>', '[', ']', '>', '<!DOCTYPE a [', '!');
    const root = fc.constantFrom('<rss>', '<feed>', '<rdf:RDF>', '<html>', '', 'text');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), root, (pieces, r) => {
        const kind = feedKind(pieces.join('') + r);
        expect([null, 'rss', 'atom', 'rdf']).toContain(kind);
      }),
    );
  });
});

describe('feed fields: markup is capped and guarded before it is parsed', () => {
  it('a field of any size comes out at most MAX_FIELD_CHARS long', () => {
    expect(plainText('a '.repeat(1_000_000)).length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
    expect(plainText('<b>x</b> '.repeat(200_000)).length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
    expect(plainText('<b>Hi</b> &amp; <script>alert(1)</script>there')).toBe('Hi & there');
  });

  it('markup nested past the field limit is not parsed (empty text), ordinary nesting is', () => {
    expect(plainText('<div>'.repeat(5_000) + 'deep')).toBe('');
    expect(plainText('<div>'.repeat(20) + 'ok' + '</div>'.repeat(20))).toBe('ok');
  });

  it('800 KB of nested <div> in a JSON Feed summary leaves the item, without its summary', () => {
    const feed = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ title: 'Kept', date_published: '2020-03-01T00:00:00Z', url: 'https://x.example.org/a', content_html: '<div>'.repeat(160_000) + 'buried text' }],
    });
    expect(parseStatements(feed, 'application/feed+json', FEED_URL)).toMatchObject([{ title: 'Kept', date: '2020-03-01' }]);
    expect(parseStatements(feed, 'application/feed+json', FEED_URL)[0]).not.toHaveProperty('summary');
  });

  it('escaped markup inside RSS and Atom text is guarded the same way', () => {
    const deep = '&lt;div&gt;'.repeat(100_000) + 'buried text';
    const rss = `<rss><channel><item><title>R</title><pubDate>1 Mar 2020</pubDate><description>${deep}</description></item></channel></rss>`;
    const atom = `<feed><entry><title>A</title><updated>2020-03-01</updated><summary type="html">${deep}</summary></entry></feed>`;
    expect(parseStatements(rss, 'text/xml', FEED_URL).map((s) => [s.title, s.summary])).toEqual([['R', undefined]]);
    expect(parseStatements(atom, 'text/xml', FEED_URL).map((s) => [s.title, s.summary])).toEqual([['A', undefined]]);
  });
});

describe('any feed a source sends gives a list of valid statements', () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      '<!---->', '<![CDATA[x]]>', ']]>', '&lt;div&gt;', '&lt;b&gt;bold&lt;/b&gt;', '&#0;', '&#x202E;', '&amp;amp;', '<script>alert(1)</script>',
      '<b>', '</b>', '<div>'.repeat(40), '<!DOCTYPE x [', '<?xml ?>', 'constructor', '__proto__', '\u0000', '\ud800', '\u202e', 'Статья',
    ),
  );
  const text = fc.array(hostile, { maxLength: 4 }).map((p) => p.join(''));
  const day = fc.constantFrom('Mon, 01 Mar 2021 10:00:00 GMT', '2021-03-01', '2021-03-01T00:00:00Z', '2021-02-30', '', 'yesterday', '1 Mar 1800', '3/1/2021');
  const link = fc.constantFrom('https://x.example.org/a', 'javascript:alert(1)', '/relative', '', 'data:text/html,x', ' http://x.example.org/b ', 'https://', '//x.example.org/c');
  const prolog = fc.array(fc.constantFrom('<?xml version="1.0"?>', '<!-- c -->', '<!---->', '<!DOCTYPE rss>', ' ', '\n'), { maxLength: 6 }).map((p) => p.join(''));
  const item = fc.record({ title: text, date: day, url: link, summary: text });
  const cut = fc.option(fc.nat(), { nil: undefined });

  const rss = fc.tuple(prolog, link, fc.array(item, { maxLength: 5 }), cut).map(([pro, home, items, at]) => {
    const body = `${pro}<rss version="2.0"><channel><link>${home}</link>${items
      .map((i) => `<item><title>${i.title}</title><pubDate>${i.date}</pubDate><link>${i.url}</link><guid>${i.url}</guid><description>${i.summary}</description></item>`)
      .join('')}</channel></rss>`;
    return at === undefined ? body : body.slice(0, at % (body.length + 1));
  });
  const atom = fc.tuple(prolog, fc.array(item, { maxLength: 5 }), fc.constantFrom('text', 'html', 'xhtml'), cut).map(([pro, items, type, at]) => {
    const body = `${pro}<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${items[0]?.url ?? ''}">${items
      .map((i) => `<entry><title type="${type}">${i.title}</title><updated>${i.date}</updated><link rel="alternate" href="${i.url}"/><summary type="${type}">${i.summary}</summary></entry>`)
      .join('')}</feed>`;
    return at === undefined ? body : body.slice(0, at % (body.length + 1));
  });
  const json = fc.tuple(fc.array(fc.oneof(item.map((i) => ({ title: i.title, date_published: i.date, url: i.url, content_html: i.summary })), fc.jsonValue()), { maxLength: 5 }), link)
    .map(([items, home]) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', home_page_url: home, items }));
  const html = fc.array(item, { maxLength: 5 }).map((items) =>
    `<html><body>${items.map((i) => `<p>${i.date}: <a href="${i.url}">${i.title}</a></p><p>${i.summary}</p>`).join('')}</body></html>`);

  it.each([
    ['RSS', rss, 'application/rss+xml'],
    ['Atom', atom, 'application/atom+xml'],
    ['JSON Feed', json, 'application/feed+json'],
    ['an HTML page', html, 'text/html'],
  ] as const)('%s: never throws; every statement passes the schema, links are http(s), text is bounded', (_, body, type) => {
    let read = 0;
    fc.assert(
      fc.property(body, (b) => {
        const list = parseStatements(b, type, FEED_URL);
        read += list.length;
        expect(list.length).toBeLessThanOrEqual(MAX_STATEMENTS);
        for (const s of list) {
          expect(StatementSchema.safeParse(s).success).toBe(true);
          expect(/^https?:\/\//.test(s.url)).toBe(true);
          expect(s.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS + 1);
          expect((s.summary ?? '').length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS + 1);
        }
      }),
      { numRuns: 200 },
    );
    // The generator makes real feeds too, not only garbage: statements came out of some of them.
    expect(read).toBeGreaterThan(20);
  });
});

/**
 * Hostile statement sources: whatever a feed host sends, the service worker gets a result back
 * in time linear in the body. Linearity is asserted on what the parsers are handed or give back
 * (field sizes), never on the clock; the time budgets are in `npm run bench` (bench/hostile).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS, plainText } from '../../news/dom';
import { feedKind } from '../../news/parse-feeds';
import { parseStatements } from '../../news/parse';

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

/**
 * fetchSource against real HTTP on loopback (node's fetch, a node:http server): real redirects,
 * headers, slow and oversized answers. Nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../e2e/harness/static';
import { fetchSource, redirectTarget, sourceUrls, IMAGEGENTLY_URLS, MAX_REDIRECTS, type FetchDeps } from '../../news/sources';

const fixture = (name: string) => readFileSync(resolve(__dirname, '../fixtures/news', name), 'utf8');
const RSS = fixture('feed.rss.xml');

let allowed: StaticServer;
let other: StaticServer;
const seen: { path: string; headers: Record<string, string | string[] | undefined> }[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  other = await serveStatic({ '/feed.xml': { body: RSS, type: 'application/rss+xml' } });
  allowed = await serveStatic({
    routes: {
      '/feed.xml': (req, res) => {
        seen.push({ path: '/feed.xml', headers: req.headers });
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"', 'last-modified': 'Mon, 25 Nov 2019 10:00:00 GMT' });
        res.end(RSS);
      },
      '/page': { body: fixture('imagegently-in-the-news.html'), type: 'text/html; charset=utf-8' },
      '/latin1': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
        res.end(Buffer.from('<p>3/1/2020: Caf\xe9 statement</p>', 'latin1'));
      },
      '/empty-page': '<html><body><p>Site redesigned: nothing dated here.</p></body></html>',
      '/png': { body: RSS, type: 'image/png' },
      '/server-error': { body: 'oops', status: 503, type: 'text/plain' },
      '/not-found': { body: 'nope', status: 404, type: 'text/html' },
      '/slow': async (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write(RSS.slice(0, 100));
        await sleep(1500);
        res.end(RSS.slice(100));
      },
      '/big-declared': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(3 * 1024 * 1024) });
        res.end('x'.repeat(3 * 1024 * 1024));
      },
      '/big-chunked': async (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = '<p>x</p>'.repeat(8192); // 64 KiB
        for (let i = 0; i < 64 && !res.destroyed; i++) {
          res.write(chunk);
          await sleep(1);
        }
        res.end();
      },
      '/redirect-inside': (_req, res) => void res.writeHead(302, { location: '/page' }).end(),
      '/redirect-outside': (_req, res) => void res.writeHead(301, { location: other.url('/feed.xml') }).end(),
      '/redirect-loop': (_req, res) => void res.writeHead(307, { location: '/redirect-loop' }).end(),
      '/redirect-nowhere': (_req, res) => void res.writeHead(302).end(),
    },
  });
});
afterAll(async () => {
  await allowed?.close();
  await other?.close();
});

/** The extension may read the `allowed` server only (hosts differ by port here). */
const deps = (extra: Partial<FetchDeps> = {}): FetchDeps => ({
  fetch: (input, init) => fetch(input, init),
  isPermitted: (url) => new URL(url).port === String(allowed.port),
  timeoutMs: 1000,
  ...extra,
});

describe('fetchSource', () => {
  it('fetches and parses; sends conditional headers next time and keeps the copy on 304; no cookies', async () => {
    const first = await fetchSource(allowed.url('/feed.xml'), undefined, deps());
    expect(first.kind).toBe('fetched');
    if (first.kind !== 'fetched') return;
    expect(first.statements.map((s) => s.title)).toEqual([
      'Dose & size: the SSDE explained',
      'The same statement twice (once)',
      'An item with only a guid permalink',
      'Think A-Head: keep calm and image gently',
    ]);
    expect(first.etag).toBe('"v1"');
    expect(first.lastModified).toBe('Mon, 25 Nov 2019 10:00:00 GMT');

    const second = await fetchSource(allowed.url('/feed.xml'), { etag: first.etag, lastModified: first.lastModified }, deps());
    expect(second).toEqual({ kind: 'not-modified' });
    const sent = seen.at(-1)!.headers;
    expect(sent['if-none-match']).toBe('"v1"');
    expect(sent['if-modified-since']).toBe('Mon, 25 Nov 2019 10:00:00 GMT');
    expect(sent.cookie).toBeUndefined();
    expect(sent.referer).toBeUndefined();
  });

  it('follows a redirect within permitted hosts and resolves links against the final URL', async () => {
    const out = await fetchSource(allowed.url('/redirect-inside'), undefined, deps());
    expect(out.kind).toBe('fetched');
    if (out.kind !== 'fetched') return;
    expect(out.finalUrl).toBe(allowed.url('/page'));
    // "fixture-five.html" is relative: resolved against /page, not /redirect-inside
    expect(out.statements.find((s) => s.title.startsWith('Fixture item five'))!.url).toBe(allowed.url('/fixture-five.html'));
  });

  it('checks each hop before requesting it: a host that is not permitted is never asked', async () => {
    const asked: string[] = [];
    const out = await fetchSource(allowed.url('/redirect-outside'), undefined, deps({ fetch: (i, init) => (asked.push(String(i)), fetch(i, init)) }));
    expect(out).toEqual({ kind: 'failed', error: { code: 'redirect' } });
    expect(asked).toEqual([allowed.url('/redirect-outside')]);
    expect(other.requests.filter((r) => r.path === '/feed.xml')).toEqual([]);
  });

  it('follows hops by hand, each with redirect "manual"; too many hops, or a redirect without a target, is "redirect"', async () => {
    const modes: (RequestRedirect | undefined)[] = [];
    const counting = deps({ fetch: (i, init) => (modes.push(init?.redirect), fetch(i, init)) });
    expect((await fetchSource(allowed.url('/redirect-inside'), undefined, counting)).kind).toBe('fetched');
    expect(modes).toEqual(['manual', 'manual']);
    modes.length = 0;
    expect(await fetchSource(allowed.url('/redirect-loop'), undefined, counting)).toEqual({ kind: 'failed', error: { code: 'redirect' } });
    expect(modes).toHaveLength(MAX_REDIRECTS + 1);
    expect(await fetchSource(allowed.url('/redirect-nowhere'), undefined, deps())).toEqual({ kind: 'failed', error: { code: 'redirect' } });
  });

  it("stops at a browser's opaque redirect (it hides where it goes) without following it", async () => {
    const asked: string[] = [];
    const opaque = { type: 'opaqueredirect', status: 0, url: '', headers: new Headers(), body: null } as unknown as Response;
    const out = await fetchSource('https://feeds.example.org/ig.xml', undefined, {
      fetch: async (i) => (asked.push(String(i)), opaque),
      isPermitted: () => true,
    });
    expect(out).toEqual({ kind: 'failed', error: { code: 'redirect' } });
    expect(asked).toEqual(['https://feeds.example.org/ig.xml']);
  });

  it('never steps down from https to http, and resolves relative targets', () => {
    expect(redirectTarget('https://a.example/feed', 'http://a.example/feed')).toBeNull();
    expect(redirectTarget('https://a.example/feed', '//b.example/x')).toBe('https://b.example/x');
    expect(redirectTarget('http://a.example/feed', 'https://a.example/feed')).toBe('https://a.example/feed');
    expect(redirectTarget('https://a.example/dir/feed', 'other.xml')).toBe('https://a.example/dir/other.xml');
    expect(redirectTarget('https://a.example/feed', 'javascript:alert(1)')).toBeNull();
    expect(redirectTarget('https://a.example/feed', 'file:///etc/passwd')).toBeNull();
    expect(redirectTarget('https://a.example/feed', 'http://[bad')).toBeNull();
    expect(redirectTarget('https://a.example/feed', null)).toBeNull();
  });

  it('refuses a redirect to a host that is not permitted, and a source that is not', async () => {
    expect(await fetchSource(allowed.url('/redirect-outside'), undefined, deps())).toEqual({ kind: 'failed', error: { code: 'redirect' } });
    let called = false;
    const out = await fetchSource(other.url('/feed.xml'), undefined, deps({ fetch: (i, init) => ((called = true), fetch(i, init)) }));
    expect(out).toEqual({ kind: 'failed', error: { code: 'not-permitted' } });
    expect(called).toBe(false);
    expect(await fetchSource('javascript:alert(1)', undefined, deps())).toEqual({ kind: 'failed', error: { code: 'not-permitted' } });
  });

  it('200 with nothing recognisable is "format"; a binary type too', async () => {
    expect(await fetchSource(allowed.url('/empty-page'), undefined, deps())).toEqual({ kind: 'failed', error: { code: 'format' } });
    expect(await fetchSource(allowed.url('/png'), undefined, deps())).toEqual({ kind: 'failed', error: { code: 'format' } });
  });

  it('HTTP errors carry the status; 304 without validators is one too', async () => {
    expect(await fetchSource(allowed.url('/server-error'), undefined, deps())).toEqual({ kind: 'failed', error: { code: 'http', status: 503 } });
    expect(await fetchSource(allowed.url('/not-found'), undefined, deps())).toEqual({ kind: 'failed', error: { code: 'http', status: 404 } });
  });

  it('times out a slow body, and a closed port is a network error', async () => {
    expect(await fetchSource(allowed.url('/slow'), undefined, deps({ timeoutMs: 300 }))).toEqual({ kind: 'failed', error: { code: 'timeout' } });
    const closed = await serveStatic({});
    const url = closed.url('/feed.xml');
    await closed.close();
    expect(await fetchSource(url, undefined, deps({ isPermitted: () => true }))).toEqual({ kind: 'failed', error: { code: 'network' } });
  });

  it('stops at 2 MiB: declared length, and counted while reading', async () => {
    expect(await fetchSource(allowed.url('/big-declared'), undefined, deps())).toEqual({ kind: 'failed', error: { code: 'too-large' } });
    expect(await fetchSource(allowed.url('/big-chunked'), undefined, deps({ timeoutMs: 5000 }))).toEqual({ kind: 'failed', error: { code: 'too-large' } });
    // a smaller cap shows the counter at work on an ordinary page
    expect(await fetchSource(allowed.url('/page'), undefined, deps({ maxBytes: 500 }))).toEqual({ kind: 'failed', error: { code: 'too-large' } });
  });

  it('decodes the charset the server names', async () => {
    const out = await fetchSource(allowed.url('/latin1'), undefined, deps());
    expect(out.kind === 'fetched' && out.statements[0]!.title).toBe('Café statement');
  });
});

describe('sourceUrls', () => {
  it('imagegently.org pages first, then extra feeds; duplicates and non-http dropped', () => {
    expect(sourceUrls({ imagegently: true, extraUrls: ['https://f.example/rss', 'https://f.example/rss', 'ftp://x/'] })).toEqual([
      ...IMAGEGENTLY_URLS,
      'https://f.example/rss',
    ]);
    expect(sourceUrls({ imagegently: false, extraUrls: [] })).toEqual([]);
    expect(IMAGEGENTLY_URLS).toEqual(['https://www.imagegently.org/', 'https://www.imagegently.org/Current-Events/In-the-News']);
  });
});

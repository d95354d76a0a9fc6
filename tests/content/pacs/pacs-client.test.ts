import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { DicomJsonArraySchema } from '../../../content/pacs/dicom-data';
import { createPacsClient, PacsCaches, PacsRequestError, StudyCache, type PacsFailureKind } from '../../../content/pacs/pacs-client';
import { fakePacs, fixture, fixtureText, type FakeAnswer } from '../../helpers/fake-pacs';

const ORIGIN = 'http://127.0.0.1:8042';
const PAGE = `${ORIGIN}/app/explorer.html#series?uuid=x`;
const Anything = z.unknown();

function client(routes: Record<string, FakeAnswer>, extra: Partial<Parameters<typeof createPacsClient>[0]> = {}) {
  const pacs = fakePacs(ORIGIN, routes);
  const c = createPacsClient({ pageUrl: PAGE, fetch: pacs.fetch, cache: new StudyCache(), timeoutMs: 200, ...extra });
  return { pacs, c };
}

async function failure(p: Promise<unknown>): Promise<{ kind: PacsFailureKind; status: number | null }> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PacsRequestError);
    const err = e as PacsRequestError;
    return { kind: err.kind, status: err.status };
  }
  throw new Error('expected a failure');
}

describe('same-origin GETs', () => {
  it('sends a credentialed same-origin GET with no redirects and returns validated JSON', async () => {
    const { pacs, c } = client({ '/series/abc': { text: fixtureText('orthanc-child-series') } });
    const data = await c.json('/series/abc', z.looseObject({ ID: z.string() }));
    expect(data.ID).toBe((fixture('orthanc-child-series') as { ID: string }).ID);
    expect(pacs.requests).toHaveLength(1);
    expect(pacs.requests[0]!.url).toBe(`${ORIGIN}/series/abc`);
    expect(pacs.requests[0]!.init).toMatchObject({ method: 'GET', credentials: 'same-origin', redirect: 'error', headers: { Accept: 'application/json' } });
  });

  it('refuses other origins and non-http schemes before sending anything', async () => {
    const { pacs, c } = client({});
    expect(await failure(c.json('https://elsewhere.example/series/abc', Anything))).toEqual({ kind: 'cross-origin', status: null });
    expect(await failure(c.json('//elsewhere.example/x', Anything))).toMatchObject({ kind: 'cross-origin' });
    expect(await failure(c.bytes('http://127.0.0.1:9999/frames', 'application/octet-stream'))).toMatchObject({ kind: 'cross-origin' });
    expect(pacs.requests).toHaveLength(0);
  });
});

describe('failures become short, typed reasons', () => {
  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [406, 'not-acceptable'],
    [415, 'not-acceptable'],
    [500, 'http'],
    [302, 'http'],
  ] as const)('HTTP %i → %s', async (status, kind) => {
    const { c } = client({ '/x': { status, text: '{}' } });
    expect(await failure(c.json('/x', Anything))).toEqual({ kind, status });
  });

  it('malformed JSON and JSON that fails the schema are "malformed"', async () => {
    const { c } = client({ '/a': { text: '{"ID": "x", ' }, '/b': { json: [{ '00100010': 'no vr' }] }, '/c': { text: '<html>login</html>', contentType: 'text/html' } });
    expect(await failure(c.json('/a', Anything))).toMatchObject({ kind: 'malformed' });
    expect(await failure(c.json('/b', DicomJsonArraySchema))).toMatchObject({ kind: 'malformed' });
    expect(await failure(c.json('/c', Anything))).toMatchObject({ kind: 'malformed' });
  });

  it('a request that never answers times out', async () => {
    const { c } = client({ '/slow': { hang: true } }, { timeoutMs: 30 });
    const started = Date.now();
    expect(await failure(c.json('/slow', Anything))).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a refused connection (or a refused redirect) is "network"', async () => {
    const { c } = client({ '/down': { reject: true } });
    expect(await failure(c.json('/down', Anything))).toMatchObject({ kind: 'network' });
  });

  it('leaving the page aborts requests under way', async () => {
    const outer = new AbortController();
    const { c } = client({ '/slow': { hang: true } }, { signal: outer.signal, timeoutMs: 5000 });
    const pending = failure(c.json('/slow', Anything));
    outer.abort();
    expect(await pending).toMatchObject({ kind: 'aborted' });
    expect(await failure(c.json('/other', Anything))).toMatchObject({ kind: 'aborted' });
  });

  it('refuses bodies over the size cap', async () => {
    const { c } = client({ '/big': { bytes: new Uint8Array(2048), contentType: 'application/octet-stream' } }, { maxBinaryBytes: 1024 });
    expect(await failure(c.bytes('/big', 'application/octet-stream'))).toMatchObject({ kind: 'too-large' });
  });
});

describe('one GET per resource, cached per study in memory', () => {
  it('answers repeated and concurrent reads from one request', async () => {
    const { pacs, c } = client({ '/series/abc': { json: { ID: 'abc' } } });
    const [a, b] = await Promise.all([c.json('/series/abc', Anything), c.json('/series/abc', Anything)]);
    await c.json(`${ORIGIN}/series/abc#fragment`, Anything);
    expect(a).toEqual(b);
    expect(pacs.requests).toHaveLength(1);
    expect(c.sent).toBe(1);
  });

  it('keeps definite failures (no hammering a 401) but retries after a timeout', async () => {
    const pacs = fakePacs(ORIGIN, { '/auth': { status: 401, text: '' }, '/slow': { hang: true } });
    const cache = new StudyCache();
    const c = createPacsClient({ pageUrl: PAGE, fetch: pacs.fetch, cache, timeoutMs: 20 });
    await failure(c.json('/auth', Anything));
    await failure(c.json('/auth', Anything));
    expect(pacs.requests.filter((r) => r.url.endsWith('/auth'))).toHaveLength(1);
    await failure(c.json('/slow', Anything));
    await new Promise((r) => setTimeout(r, 0));
    await failure(c.json('/slow', Anything));
    expect(pacs.requests.filter((r) => r.url.endsWith('/slow'))).toHaveLength(2);
  });

  it('keys by Accept header, so a frame and its metadata are different resources', async () => {
    const { pacs, c } = client({ '/f': { bytes: new Uint8Array([1]), contentType: 'application/octet-stream' } });
    await c.bytes('/f', 'application/octet-stream');
    await c.bytes('/f', 'multipart/related; type="application/octet-stream"');
    expect(pacs.requests).toHaveLength(2);
  });

  it('keeps a few studies and drops the oldest', () => {
    const caches = new PacsCaches(2);
    const a = caches.forStudy('A');
    caches.forStudy('B');
    expect(caches.forStudy('A')).toBe(a);
    caches.forStudy('C'); // drops B, the least recently used
    expect(caches.forStudy('A')).toBe(a);
    const b2 = caches.forStudy('B');
    expect(b2).not.toBe(a);
  });

  it('drops the oldest frames past the byte cap', async () => {
    const frame = () => ({ bytes: new Uint8Array(600), contentType: 'application/octet-stream' });
    const pacs = fakePacs(ORIGIN, { '/f1': frame(), '/f2': frame() });
    const c = createPacsClient({ pageUrl: PAGE, fetch: pacs.fetch, cache: new StudyCache(1000) });
    await c.bytes('/f1', 'x');
    await c.bytes('/f2', 'x');
    await new Promise((r) => setTimeout(r, 0));
    await c.bytes('/f2', 'x');
    await c.bytes('/f1', 'x');
    expect(pacs.requests.map((r) => new URL(r.url).pathname)).toEqual(['/f1', '/f2', '/f1']);
  });
});

/**
 * Hostile PACS answers: a body with no Content-Length is counted as it arrives and dropped past the cap (the
 * chunks read are counted, not the time), and multipart boundaries longer than RFC 2046 allows are refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseMultipart, MultipartError } from '../../content/pacs/multipart';
import { createPacsClient, PacsRequestError, StudyCache, type FetchLike } from '../../content/pacs/pacs-client';

const ORIGIN = 'http://127.0.0.1:8042';
const CHUNK = 64 * 1024;
const CAP = 1024 * 1024;

/** A server that streams `chunks` × 64 KiB with no Content-Length; counts the chunks it was asked for. */
function endlessServer(chunks: number, useRealResponse: boolean) {
  const seen = { pulled: 0, aborted: false };
  const fetch: FetchLike = async (_url, init) => {
    init.signal?.addEventListener('abort', () => (seen.aborted = true));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (seen.pulled === chunks) return controller.close();
        seen.pulled++;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
      },
    }, { highWaterMark: 0 });
    const response = new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } });
    if (useRealResponse) return response;
    // The shape of Firefox's content.fetch wrapper: no stream, only the whole body.
    return { status: 200, headers: response.headers, arrayBuffer: () => response.arrayBuffer() };
  };
  return { seen, client: createPacsClient({ pageUrl: `${ORIGIN}/app`, fetch, cache: new StudyCache(), timeoutMs: 60_000, maxJsonBytes: CAP, maxBinaryBytes: CAP }) };
}

const kindOf = (p: Promise<unknown>) => p.then(() => 'answered', (e: unknown) => (e instanceof PacsRequestError ? e.kind : String(e)));

describe('a body without Content-Length is counted while it is read', () => {
  it.each(['json', 'bytes'] as const)('%s: 64 MiB streamed is refused after the first 1 MiB, and the request is aborted', async (how) => {
    const { seen, client } = endlessServer(1024, true);
    const read = how === 'json' ? client.json('/big', z.unknown()) : client.bytes('/big', 'application/octet-stream');
    expect(await kindOf(read)).toBe('too-large');
    expect(seen.pulled).toBeLessThanOrEqual(CAP / CHUNK + 2);
    expect(seen.aborted).toBe(true);
  });

  it('a body under the cap is read whole, streamed or not', async () => {
    for (const real of [true, false]) {
      const { client } = endlessServer(4, real);
      const bytes = await client.bytes('/small', 'application/octet-stream');
      expect(bytes.body.byteLength).toBe(4 * CHUNK);
      expect(bytes.body).toBeInstanceOf(Uint8Array);
    }
  });
});

describe('multipart boundaries', () => {
  const body = (boundary: string) => new TextEncoder().encode(`--${boundary}\r\nContent-Type: application/octet-stream\r\n\r\nDATA\r\n--${boundary}--\r\n`);
  it('at most 70 characters (RFC 2046 §5.1.1); a longer one is refused before the body is searched', () => {
    const ok = 'b'.repeat(70);
    expect(parseMultipart(body(ok), `multipart/related; boundary=${ok}`)).toHaveLength(1);
    const long = 'b'.repeat(71);
    expect(() => parseMultipart(body(long), `multipart/related; boundary=${long}`)).toThrow(MultipartError);
    expect(() => parseMultipart(body('x'.repeat(200)), `multipart/related; boundary="${'x'.repeat(200)}"`)).toThrow(MultipartError);
  });
});

describe('any multipart body', () => {
  const hostile = fc.oneof(
    fc.constantFrom('--b', '--b--', '\r\n', '\r\n\r\n', '\n', ' ', '\t', 'Content-Type: application/octet-stream', '__proto__: x', ':', '--', '-', 'DATA', ''),
    fc.string({ maxLength: 8 }),
  );
  /** One token of a well-formed body, or (one time in four) a hostile piece in its place. */
  const or = (token: string) => fc.oneof({ weight: 3, arbitrary: fc.constant(token) }, { weight: 1, arbitrary: hostile });
  const part = fc.tuple(or('\r\n'), fc.array(or('Content-Type: application/octet-stream\r\n'), { maxLength: 2 }), or('\r\n'), fc.array(hostile, { maxLength: 4 }), or('\r\n--b'))
    .map((pieces) => pieces.flat().join(''));
  const body = fc.tuple(fc.array(hostile, { maxLength: 2 }), or('--b'), fc.array(part, { minLength: 1, maxLength: 4 }), or('--'), or('\r\n'))
    .map((pieces) => pieces.flat().join(''));

  it('gives its parts or a MultipartError, and every part lies inside the body', () => {
    let parts = 0;
    fc.assert(
      fc.property(body, fc.constantFrom('multipart/related; boundary=b', 'multipart/related; boundary="b"', 'multipart/related', 'text/plain; boundary=b', 'multipart/related; boundary='), (text, type) => {
        const bytes = new TextEncoder().encode(text);
        try {
          for (const p of parseMultipart(bytes, type)) {
            parts++;
            expect(p.body.buffer).toBe(bytes.buffer);
            expect(p.body.byteOffset + p.body.byteLength).toBeLessThanOrEqual(bytes.byteLength);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(MultipartError);
        }
      }),
      { numRuns: 500 },
    );
    // Well-formed bodies come out of the generator too.
    expect(parts).toBeGreaterThan(20);
  });
});

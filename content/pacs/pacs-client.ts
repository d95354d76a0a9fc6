import * as z from 'zod/mini';
import { jsonNestsDeeperThan } from '@/utils/json-depth';
import { readCapped } from '@/utils/read-capped';

/**
 * Same-origin GETs to the PACS the page runs on — the only network access page-side code has.
 *
 * - Only `GET`, only URLs whose origin is the page's own (anything else is refused before it is sent),
 *   `credentials: 'same-origin'` (the page's own session cookie, nothing else), redirects refused
 *   (a redirect to a login page on another host would carry study UIDs off the origin).
 * - One request per resource: responses (and definite failures: 401/403/404/malformed) are cached per study
 *   in memory for the tab's life, concurrent callers share one in-flight request; nothing is persisted.
 * - Every request has a timeout; failures become a `PacsRequestError` with a kind the panel can state.
 */

export type PacsFailureKind =
  | 'unauthorized' // 401: the API wants a token the page holds (e.g. OHIF with OIDC)
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'not-acceptable' // 406/415: the server cannot serve the representation asked for (e.g. uncompressed pixels)
  | 'timeout'
  | 'malformed' // not JSON, or JSON that fails the schema, or a broken multipart body
  | 'too-large'
  | 'http' // any other non-2xx
  | 'network' // the request failed (offline, refused, redirect refused)
  | 'cross-origin' // refused before sending
  | 'aborted'; // the page navigated away

export class PacsRequestError extends Error {
  override name = 'PacsRequestError';
  constructor(
    readonly kind: PacsFailureKind,
    readonly status: number | null = null,
  ) {
    super(kind);
  }
}

/** The part of `Response` this module uses (so tests can pass plain fakes and Firefox can pass `content.fetch`). */
export interface ResponseLike {
  status: number;
  type?: string;
  headers: { get(name: string): string | null };
  /** The body as it arrives, when the fetch gives it: read with a byte counter, dropped past the cap. */
  body?: ReadableStream<Uint8Array> | null;
  /** The whole body, for a fetch that gives no stream (then the cap is checked after it has arrived). */
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface GetInit {
  method: 'GET';
  headers: Record<string, string>;
  credentials: 'same-origin';
  redirect: 'error';
  signal?: AbortSignal;
}

export type FetchLike = (url: string, init: GetInit) => Promise<ResponseLike>;

export interface Bytes {
  body: Uint8Array;
  contentType: string;
}

type Cached = { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Bytes };

/** In-memory cache of one study's responses. Definite failures are cached too; timeouts and aborts are not. */
export class StudyCache {
  private readonly entries = new Map<string, Promise<Cached>>();
  private bytesHeld = 0;
  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  get(key: string): Promise<Cached> | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: Promise<Cached>): void {
    this.entries.set(key, value);
    value.then(
      (v) => {
        if (v.kind === 'bytes') {
          this.bytesHeld += v.bytes.body.byteLength;
          // Frames are the heavy entries: drop the oldest ones past the cap.
          for (const [k, p] of this.entries) {
            if (this.bytesHeld <= this.maxBytes) break;
            if (k === key) continue;
            p.then((o) => {
              if (o.kind === 'bytes' && this.entries.get(k) === p) {
                this.entries.delete(k);
                this.bytesHeld -= o.bytes.body.byteLength;
              }
            }, () => undefined);
          }
        }
      },
      (e: unknown) => {
        const kind = e instanceof PacsRequestError ? e.kind : 'network';
        if (kind === 'timeout' || kind === 'aborted' || kind === 'network') this.entries.delete(key);
      },
    );
  }
}

/** Per-study caches for the tab's life; a handful of studies are kept, the oldest dropped first. */
export class PacsCaches {
  private readonly studies = new Map<string, StudyCache>();
  constructor(private readonly maxStudies = 4) {}

  forStudy(studyKey: string): StudyCache {
    let cache = this.studies.get(studyKey);
    if (cache) {
      this.studies.delete(studyKey);
    } else {
      cache = new StudyCache();
      while (this.studies.size >= this.maxStudies) {
        const oldest = this.studies.keys().next().value;
        if (oldest === undefined) break;
        this.studies.delete(oldest);
      }
    }
    this.studies.set(studyKey, cache);
    return cache;
  }
}

export interface PacsClientOptions {
  /** The page's URL: its origin is the only one requests may go to. */
  pageUrl: string;
  fetch: FetchLike;
  cache: StudyCache;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** Aborted when the page navigates away from the study. */
  signal?: AbortSignal;
  /** Makes the controller whose signal is given to `fetch` (Firefox's `content.fetch` wants one from the page). */
  makeAbortController?: () => AbortController;
  maxJsonBytes?: number;
  maxBinaryBytes?: number;
}

export interface PacsClient {
  readonly origin: string;
  /** GETs `path` (relative to the origin, or absolute on it), parses JSON and validates it. */
  json<T>(path: string, schema: z.ZodMiniType<T>, accept?: string): Promise<T>;
  /** GETs `path` as bytes. */
  bytes(path: string, accept: string): Promise<Bytes>;
  /** Number of GETs actually sent (cache hits excluded). */
  readonly sent: number;
}

const statusKind = (status: number): PacsFailureKind =>
  status === 401 ? 'unauthorized'
  : status === 403 ? 'forbidden'
  : status === 404 ? 'not-found'
  : status === 406 || status === 415 ? 'not-acceptable'
  : 'http';

export function createPacsClient(options: PacsClientOptions): PacsClient {
  const origin = new URL(options.pageUrl).origin;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxJson = options.maxJsonBytes ?? 48 * 1024 * 1024;
  const maxBinary = options.maxBinaryBytes ?? 16 * 1024 * 1024;
  const makeController = options.makeAbortController ?? (() => new AbortController());
  let sent = 0;

  function resolve(path: string): string {
    let url: URL;
    try {
      url = new URL(path, origin);
    } catch {
      throw new PacsRequestError('cross-origin');
    }
    if (url.origin !== origin || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new PacsRequestError('cross-origin');
    }
    url.hash = '';
    return url.href;
  }

  async function get(url: string, accept: string, binary: boolean): Promise<Cached> {
    if (options.signal?.aborted) throw new PacsRequestError('aborted');
    const controller = makeController();
    let stop!: (e: PacsRequestError) => void;
    const stopped = new Promise<never>((_, reject) => (stop = reject));
    stopped.catch(() => undefined);
    const timer = setTimeout(() => {
      stop(new PacsRequestError('timeout'));
      controller.abort();
    }, timeoutMs);
    const onOuterAbort = () => {
      stop(new PacsRequestError('aborted'));
      controller.abort();
    };
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    try {
      const run = async (): Promise<Cached> => {
        sent++;
        let response: ResponseLike;
        try {
          response = await options.fetch(url, {
            method: 'GET',
            headers: { Accept: accept },
            credentials: 'same-origin',
            redirect: 'error',
            signal: controller.signal,
          });
        } catch {
          throw new PacsRequestError(options.signal?.aborted ? 'aborted' : 'network');
        }
        if (response.type === 'opaqueredirect') throw new PacsRequestError('network', response.status);
        if (response.status < 200 || response.status > 299) {
          throw new PacsRequestError(statusKind(response.status), response.status);
        }
        const declared = Number(response.headers.get('content-length') ?? '');
        const max = binary ? maxBinary : maxJson;
        if (Number.isFinite(declared) && declared > max) throw new PacsRequestError('too-large', response.status);
        const contentType = response.headers.get('content-type') ?? '';
        const body = await readBody(response, max, () => controller.abort());
        if (binary) return { kind: 'bytes', bytes: { body, contentType } };
        // As `Response.text()` reads every body: UTF-8 (DICOM JSON and Orthanc's REST answers are UTF-8).
        return { kind: 'text', text: new TextDecoder().decode(body) };
      };
      return await Promise.race([run(), stopped]);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onOuterAbort);
    }
  }

  /**
   * The body's bytes in an array of this realm, at most `max` of them. A streamed body is counted as it arrives
   * and the request aborted past the cap (a server that sends no Content-Length is not buffered whole first).
   * NOTE: with Firefox's content.fetch the body comes whole, in the page's buffer: copied here, since views on it
   * are wrappers (not `instanceof Uint8Array` in this realm, slow to read through).
   */
  async function readBody(response: ResponseLike, max: number, abort: () => void): Promise<Uint8Array> {
    const tooLarge = () => new PacsRequestError('too-large', response.status);
    if (!response.body) {
      const received = new Uint8Array(await response.arrayBuffer());
      if (received.byteLength > max) throw tooLarge();
      const copy = new Uint8Array(received.length);
      copy.set(received);
      return copy;
    }
    const bytes = await readCapped(response.body, max);
    if (bytes) return bytes;
    abort();
    throw tooLarge();
  }

  function cached(path: string, accept: string, binary: boolean): Promise<Cached> {
    const url = resolve(path);
    const key = `${binary ? 'B' : 'T'} ${accept} ${url}`;
    let entry = options.cache.get(key);
    if (!entry) {
      entry = get(url, accept, binary);
      options.cache.set(key, entry);
    }
    return entry;
  }

  return {
    origin,
    get sent() {
      return sent;
    },
    async json(path, schema, accept = 'application/json') {
      const entry = await cached(path, accept, false);
      if (entry.kind !== 'text') throw new PacsRequestError('malformed');
      if (jsonNestsDeeperThan(entry.text)) throw new PacsRequestError('malformed');
      let data: unknown;
      try {
        data = JSON.parse(entry.text);
      } catch {
        throw new PacsRequestError('malformed');
      }
      const parsed = schema.safeParse(data);
      if (!parsed.success) throw new PacsRequestError('malformed');
      return parsed.data;
    },
    async bytes(path, accept) {
      const entry = await cached(path, accept, true);
      if (entry.kind !== 'bytes') throw new PacsRequestError('malformed');
      return entry.bytes;
    },
  };
}

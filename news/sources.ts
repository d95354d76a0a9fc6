/**
 * Where statements come from, and fetching one source politely and defensively.
 *
 * Sources: imagegently.org's home page and its "In the News" page (on by default; the site has
 * no feed, docs/reference/campaigns.md §2), plus the extra RSS/Atom/JSON Feed URLs from the settings (each
 * granted its own optional host permission on the options page).
 *
 * `fetchSource` takes `fetch` and the permission check as parameters (no test-only branches):
 * - conditional GET: `If-None-Match` / `If-Modified-Since` from the cached copy; 304 keeps it;
 * - 10 s for the whole exchange, body included;
 * - at most 2 MiB of body (Content-Length checked first, then counted while reading);
 * - no cookies, no referrer;
 * - redirects are followed by hand (`redirect: 'manual'`), at most `MAX_REDIRECTS`, and each hop is checked
 *   before it is requested: http(s), permitted, never from https down to http. A browser hides where a redirect
 *   goes from extension code too (an "opaque redirect": no status, no Location), so there a redirect ends the
 *   fetch as `redirect` — nothing is requested from a host that was not checked first.
 * - 200 with no statements in it is a "format not recognised" failure (the caller keeps its cache).
 */
import { readCapped } from '../utils/read-capped';
import { parseStatements } from './parse';
import { IMAGEGENTLY_NEWS_URL } from './snapshot';
import { isHttpUrl, type Statement } from './statement';

export const IMAGEGENTLY_HOME_URL = 'https://www.imagegently.org/';
/** The built-in source: the site's own pages, read in this order. */
export const IMAGEGENTLY_URLS: readonly string[] = [IMAGEGENTLY_HOME_URL, IMAGEGENTLY_NEWS_URL];

export const FETCH_TIMEOUT_MS = 10_000;
/** Hops followed by hand before a source counts as redirecting too much. */
export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface SourceSettings {
  imagegently: boolean;
  extraUrls: readonly string[];
}

/** The URLs to fetch, in priority order (a statement found in several keeps the first copy). */
export function sourceUrls(sources: SourceSettings): string[] {
  const urls = [...(sources.imagegently ? IMAGEGENTLY_URLS : []), ...sources.extraUrls.filter(isHttpUrl)];
  return [...new Set(urls)];
}

/** Why a source could not be refreshed. The popup words it (news.error.<code>). */
export type FetchErrorCode =
  | 'network' // offline, DNS, refused, TLS …
  | 'timeout'
  | 'http' // a status other than 200/304; `status` says which
  | 'too-large'
  | 'format' // 200, but nothing recognisable as statements
  | 'redirect' // redirected where it may not be followed (not permitted, not http(s), to http, hidden, too many)
  | 'not-permitted'; // no host permission for the source itself

export interface FetchError {
  code: FetchErrorCode;
  status?: number;
}

export type FetchOutcome =
  | { kind: 'fetched'; statements: Statement[]; etag?: string; lastModified?: string; finalUrl: string }
  | { kind: 'not-modified' }
  | { kind: 'failed'; error: FetchError };

export interface FetchDeps {
  fetch: typeof fetch;
  /** Whether the extension may read this URL's host (required or granted host permission). */
  isPermitted: (url: string) => boolean | Promise<boolean>;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

const ACCEPT =
  'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1';

class TooLarge extends Error {}

export async function fetchSource(url: string, cached: Validators | undefined, deps: FetchDeps): Promise<FetchOutcome> {
  const failed = (code: FetchErrorCode, status?: number): FetchOutcome => ({
    kind: 'failed',
    error: status === undefined ? { code } : { code, status },
  });
  if (!isHttpUrl(url) || !(await deps.isPermitted(url))) return failed('not-permitted');

  const maxBytes = deps.maxBytes ?? MAX_BODY_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deps.timeoutMs ?? FETCH_TIMEOUT_MS);

  const headers: Record<string, string> = { Accept: ACCEPT };
  if (cached?.etag) headers['If-None-Match'] = cached.etag;
  if (cached?.lastModified) headers['If-Modified-Since'] = cached.lastModified;

  try {
    let finalUrl = url;
    let response: Response;
    for (let hops = 0; ; hops++) {
      response = await deps.fetch(finalUrl, {
        method: 'GET',
        headers,
        signal: controller.signal,
        redirect: 'manual',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
      if (response.type === 'opaqueredirect') {
        controller.abort();
        return failed('redirect');
      }
      if (!REDIRECT_STATUSES.has(response.status)) break;
      const next = redirectTarget(finalUrl, response.headers.get('location'));
      if (!next || hops >= MAX_REDIRECTS || !(await deps.isPermitted(next))) {
        controller.abort();
        return failed('redirect');
      }
      await response.body?.cancel().catch(() => undefined);
      finalUrl = next;
    }
    if (response.status === 304 && (cached?.etag || cached?.lastModified)) {
      controller.abort();
      return { kind: 'not-modified' };
    }
    if (response.status !== 200) {
      controller.abort();
      return failed('http', response.status);
    }
    const length = Number(response.headers.get('content-length'));
    if (Number.isFinite(length) && length > maxBytes) {
      controller.abort();
      return failed('too-large');
    }
    const contentType = response.headers.get('content-type') ?? '';
    const body = decode(await readBody(response, maxBytes, controller), contentType);
    const statements = parseStatements(body, contentType, finalUrl);
    if (statements.length === 0) return failed('format');
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    return {
      kind: 'fetched',
      statements,
      finalUrl,
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    };
  } catch (error) {
    if (error instanceof TooLarge) return failed('too-large');
    if (timedOut) return failed('timeout');
    return failed('network');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Where a redirect from `from` may go: its Location resolved against `from`, when that is an http(s) URL and not a
 * step down from https to http; else null.
 */
export function redirectTarget(from: string, location: string | null): string | null {
  if (!location) return null;
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    return null;
  }
  if (!isHttpUrl(next.href)) return null;
  if (new URL(from).protocol === 'https:' && next.protocol !== 'https:') return null;
  return next.href;
}

/** The body's bytes, stopping (and aborting the request) past `maxBytes`. */
async function readBody(response: Response, maxBytes: number, controller: AbortController): Promise<Uint8Array> {
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    if (whole.byteLength > maxBytes) throw new TooLarge();
    return whole;
  }
  const bytes = await readCapped(response.body, maxBytes);
  if (bytes) return bytes;
  controller.abort();
  throw new TooLarge();
}

/** Text in the charset the server names (UTF-8 when none, or an unknown one). */
function decode(bytes: Uint8Array, contentType: string): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

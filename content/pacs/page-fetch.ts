import type { FetchLike, ResponseLike } from './pacs-client';

/**
 * The fetch the PACS route uses in the page. Chrome: the content script's `fetch` already runs as the page
 * (its origin, its cookies, same-origin rules). Firefox: the content script's own `fetch` and `XMLHttpRequest`
 * are the extension's privileged copies, which omit the page's Origin/Referer (MDN, "Content scripts: XHR and
 * Fetch"); `content.fetch` is the page's own fetch and behaves exactly as the viewer's requests do.
 */
export interface PageFetch {
  fetch: FetchLike;
  /** 'content' when Firefox's `content.fetch` is used (reported in the diagnostic notes). */
  kind: 'content' | 'global';
}

type CloneInto = (value: object, target: object) => object;

/**
 * Firefox: the page's `fetch`, called with an init object cloned into the page (a content script's own objects
 * are not readable by page code). Without a signal: a page-realm AbortSignal cannot be cloned, so a request
 * that times out is abandoned (its answer ignored) rather than aborted.
 */
function contentFetch(): FetchLike | null {
  const content: unknown = Reflect.get(globalThis, 'content');
  const cloneInto: unknown = Reflect.get(globalThis, 'cloneInto');
  if (typeof content !== 'object' || content === null || typeof cloneInto !== 'function') return null;
  const fetch: unknown = Reflect.get(content, 'fetch');
  if (typeof fetch !== 'function') return null;
  const clone = cloneInto as CloneInto;
  return async (url, init) => {
    const { signal: _signal, ...plain } = init;
    const response = (await Reflect.apply(fetch, content, [url, clone(plain, content)])) as ResponseLike;
    return {
      status: response.status,
      type: response.type,
      headers: { get: (name) => response.headers.get(name) },
      // No `body`: the page's stream is not readable through the content script's wrappers; the whole body, in
      // the page's ArrayBuffer, is copied into this realm by pacs-client.
      arrayBuffer: () => response.arrayBuffer(),
    };
  };
}

export function pageFetch(): PageFetch {
  const fromContent = contentFetch();
  if (fromContent) return { kind: 'content', fetch: fromContent };
  return { kind: 'global', fetch: (url, init) => globalThis.fetch(url, init) };
}

/** The page's own requests so far (URLs only), for the DICOMweb root. */
export function pageResourceEntries(): { name: string; initiatorType: string }[] {
  try {
    return performance.getEntriesByType('resource').map((e) => ({ name: e.name, initiatorType: (e as PerformanceResourceTiming).initiatorType }));
  } catch {
    return [];
  }
}

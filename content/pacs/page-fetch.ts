import type { FetchLike, ResponseLike } from './pacs-client';

/**
 * The fetch the PACS route uses in the page. Chrome: the content script's `fetch` already runs as the page
 * (its origin, its cookies, same-origin rules). Firefox: the content script's own `fetch` and `XMLHttpRequest`
 * are the extension's privileged copies, which omit the page's Origin/Referer (MDN, "Content scripts: XHR and
 * Fetch"); `content.fetch` is the page's own fetch and behaves exactly as the viewer's requests do. A signal
 * given to `content.fetch` must come from the page too, so the AbortController is made from `content`.
 */
export interface PageFetch {
  fetch: FetchLike;
  makeAbortController?: () => AbortController;
  /** 'content' when Firefox's `content.fetch` is used (reported in the diagnostic notes). */
  kind: 'content' | 'global';
}

interface ContentWindow {
  fetch: (url: string, init: object) => Promise<ResponseLike>;
  AbortController: new () => AbortController;
}

function contentWindow(): ContentWindow | null {
  const c: unknown = Reflect.get(globalThis, 'content');
  if (typeof c !== 'object' || c === null) return null;
  const fetch: unknown = Reflect.get(c, 'fetch');
  const Controller: unknown = Reflect.get(c, 'AbortController');
  if (typeof fetch !== 'function' || typeof Controller !== 'function') return null;
  return {
    fetch: (url, init) => Reflect.apply(fetch, c, [url, init]) as Promise<ResponseLike>,
    AbortController: Controller as new () => AbortController,
  };
}

export function pageFetch(): PageFetch {
  const content = contentWindow();
  if (content) {
    return { kind: 'content', fetch: (url, init) => content.fetch(url, init), makeAbortController: () => new content.AbortController() };
  }
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

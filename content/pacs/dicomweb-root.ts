/**
 * Where a viewer's DICOMweb API lives, learnt from the requests the viewer itself already made
 * (`performance.getEntriesByType('resource')`: URLs only, same origin only) or from a per-site setting.
 * The page's configuration (OHIF's `window.config`, app-config.js) is never read or run.
 */

export interface ResourceEntryLike {
  name: string;
  initiatorType?: string;
}

const UID = /^[0-9]+(\.[0-9]+)*$/;

/** Splits a DICOMweb URL into its root and what follows `/studies`; null when it is not one. */
export function splitDicomWebUrl(href: string): { origin: string; root: string; studyUid: string | null } | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  // The last `/studies` path segment; what follows is empty (QIDO) or a Study Instance UID.
  const m = /^(.*)\/studies(?:\/([^/]+)(?:\/.*)?)?$/.exec(url.pathname);
  if (!m) return null;
  const studyUid = m[2] === undefined ? null : decodeURIComponent(m[2]);
  if (studyUid !== null && !UID.test(studyUid)) return null;
  if (studyUid === null && url.search === '') return null; // a bare `/studies` page route, not a query
  return { origin: url.origin, root: url.origin + m[1]!, studyUid };
}

/**
 * The DICOMweb root most used by the page's own same-origin requests, preferring requests about
 * `studyUid`. Null when the page has made none.
 */
export function dicomWebRootFromResources(
  entries: readonly ResourceEntryLike[],
  pageUrl: string,
  studyUid: string | null = null,
): string | null {
  const origin = new URL(pageUrl).origin;
  const scores = new Map<string, number>();
  for (const entry of entries) {
    if (entry.initiatorType && !['xmlhttprequest', 'fetch', 'other'].includes(entry.initiatorType)) continue;
    const split = splitDicomWebUrl(entry.name);
    if (!split || split.origin !== origin) continue;
    const weight = studyUid !== null && split.studyUid === studyUid ? 3 : 1;
    scores.set(split.root, (scores.get(split.root) ?? 0) + weight);
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const [root, score] of scores) {
    if (score > bestScore) {
      best = root;
      bestScore = score;
    }
  }
  return best;
}

/** A per-site DICOMweb root (path like `/dicom-web` or a URL on the page's origin); null when unusable. */
export function configuredDicomWebRoot(setting: string | null | undefined, pageUrl: string): string | null {
  if (!setting?.trim()) return null;
  let url: URL;
  try {
    url = new URL(setting.trim(), pageUrl);
  } catch {
    return null;
  }
  if (url.origin !== new URL(pageUrl).origin || url.search || url.hash) return null;
  return url.origin + url.pathname.replace(/\/+$/, '');
}

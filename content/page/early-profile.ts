import { ohif } from '@/content/read/profiles/ohif';
import { orthancExplorer } from '@/content/read/profiles/orthanc-explorer';
import { orthancExplorer2 } from '@/content/read/profiles/orthanc-explorer-2';
import type { SiteProfile } from '@/content/read/profiles/profile';
import { stone } from '@/content/read/profiles/stone';

/**
 * The PACS viewers' profiles, whose pages get panel.js (and pacs.js) even before the page text shows a child: the
 * study in the site's own API may show one. Imported one by one, not through the registry, so that content.js,
 * which asks for them early, does not carry the rest of the reader (the generic one above all).
 */
export const VIEWER_PROFILES: readonly SiteProfile[] = [orthancExplorer, orthancExplorer2, ohif, stone];
export const VIEWER_PROFILE_IDS: ReadonlySet<string> = new Set(VIEWER_PROFILES.map((p) => p.id));

/**
 * The first profile among `ids` whose predicate matches the frame as it is now (while the page is still
 * loading: the URL, and whatever DOM has been parsed), or null. Only those profiles' predicates run (a few
 * URL tests and `querySelector` calls); the page is not read. The registry's profiles do not claim each
 * other's pages (tests/content/read/profiles/registry.test.ts), so skipping the others changes no answer.
 */
export function earlyProfileId(doc: Document, url: URL, ids: ReadonlySet<string> = VIEWER_PROFILE_IDS): string | null {
  for (const p of VIEWER_PROFILES) {
    if (!ids.has(p.id)) continue;
    try {
      if (p.matches(doc, url)) return p.id;
    } catch {
      // A predicate on a half-parsed document: no early answer; the reading after load decides.
    }
  }
  return null;
}

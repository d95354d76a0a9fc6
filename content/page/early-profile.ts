import { PROFILES } from '@/content/read/profiles';

/**
 * The first profile among `ids` whose predicate matches the frame as it is now (while the page is still
 * loading: the URL, and whatever DOM has been parsed), or null. Only those profiles' predicates run (a few
 * URL tests and `querySelector` calls); the page is not read. The registry's profiles do not claim each
 * other's pages (tests/content/read/profiles/registry.test.ts), so skipping the others changes no answer.
 */
export function earlyProfileId(doc: Document, url: URL, ids: ReadonlySet<string>): string | null {
  for (const p of PROFILES) {
    if (!ids.has(p.id)) continue;
    try {
      if (p.matches(doc, url)) return p.id;
    } catch {
      // A predicate on a half-parsed document: no early answer; the reading after load decides.
    }
  }
  return null;
}

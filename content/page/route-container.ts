import { detectProfile } from '@/content/read/analyze';
import type { SiteProfile } from '@/content/read/analyze';

/**
 * The profile that reads this page, detected once per document and URL: detection may read the
 * page's text (the generic profile looks for patient labels), which on a 5,000-row list costs
 * milliseconds, and the watcher asks for the container after every change it reports.
 */
let cached: { doc: Document; url: string; profile: SiteProfile | null } | null = null;

/** The route container of the profile that reads this page (null → the watcher observes the body). */
export function routeContainerOf(doc: Document, url: string): Element | null {
  try {
    if (!cached || cached.doc !== doc || cached.url !== url) cached = { doc, url, profile: detectProfile(doc, new URL(url)) };
    return cached.profile?.routeContainer(doc) ?? null;
  } catch {
    return null;
  }
}

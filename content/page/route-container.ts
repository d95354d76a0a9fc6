import { detectProfile, PROFILES, readAndAnalyze, type PageReading } from '@/content/read/analyze';
import type { SiteProfile } from '@/content/read/analyze';
import type { AnalyzeOptions } from '@/content/read/types';

/**
 * The profile that reads this page, known once per document and URL: from the page's last reading
 * (`readAndRemember`), else detected. Detection may read the page's text (the generic profile looks for patient
 * labels), which on a 5,000-row list costs as much as the reading itself, and the watcher asks for the container
 * after every change it reports.
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

/**
 * `readAndAnalyze`, keeping the profile that read the page for `routeContainerOf`, which then reads nothing.
 * A reading by a site recipe does not say which profile matched: the container is detected then.
 */
export function readAndRemember(doc: Document, url: string | URL, options?: AnalyzeOptions): PageReading {
  const reading = readAndAnalyze(doc, url, options);
  const id = reading.findings.profileId;
  const profile = id === null ? null : PROFILES.find((p) => p.id === id);
  if (profile !== undefined) cached = { doc, url: String(url), profile };
  return reading;
}

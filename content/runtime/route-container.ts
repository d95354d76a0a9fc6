import { detectProfile } from '@/content/analyze';

/** The route container of the profile that reads this page (null → the watcher observes the body). */
export function routeContainerOf(doc: Document, url: string): Element | null {
  try {
    return detectProfile(doc, new URL(url))?.routeContainer(doc) ?? null;
  } catch {
    return null;
  }
}

/**
 * The registry: every site profile, in the order they are tried (first match wins). Specific systems first,
 * the generic reader last. Adding a profile = one file in this folder + one line here (tests/content/profiles
 * checks that every file is registered, has fixtures and a "Test URLs" comment).
 */
import { orthancExplorer } from './orthanc-explorer';
import type { SiteProfile } from './profile';

export const PROFILES: readonly SiteProfile[] = [orthancExplorer];

/** The first profile whose predicate matches, or null. */
export function detectProfile(doc: Document, url: URL): SiteProfile | null {
  for (const p of PROFILES) if (p.matches(doc, url)) return p;
  return null;
}

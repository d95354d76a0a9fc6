/**
 * The registry: every site profile, in the order they are tried (first match wins). Specific systems first,
 * the generic reader last (it also checks that no specific profile claims the page). Adding a profile = one file
 * in this folder + one line here (tests/content/read/profiles/registry.test.ts checks that every profile file is
 * registered, has fixtures and a "Test URLs" comment, and that no profile claims another's pages).
 */
import { dcm4chee } from './dcm4chee';
import { createGenericProfile } from './generic';
import { ohif } from './ohif';
import { openemr } from './openemr';
import { openmrsO3 } from './openmrs-o3';
import { orthancExplorer } from './orthanc-explorer';
import { orthancExplorer2 } from './orthanc-explorer-2';
import type { PageFindings } from '../types';
import type { ReadOptions, SiteProfile } from './profile';
import { stone } from './stone';

const SPECIFIC: readonly SiteProfile[] = [orthancExplorer, orthancExplorer2, ohif, stone, dcm4chee, openemr, openmrsO3];

const GENERIC = createGenericProfile(SPECIFIC);

export const PROFILES: readonly SiteProfile[] = [...SPECIFIC, GENERIC];

/**
 * The first profile whose predicate matches, or null. The generic profile is asked last, once, with the analysis'
 * clock and date order (`options`), so that the reading it makes to decide is the one `read` then uses.
 */
export function detectProfile(doc: Document, url: URL, options?: ReadOptions): SiteProfile | null {
  for (const p of SPECIFIC) if (p.matches(doc, url)) return p;
  return GENERIC.claims(doc, options) ? GENERIC : null;
}

/**
 * The generic reader's findings for a page a site profile matched by its address but found none of its own markup
 * on, or null when the generic reader finds nothing of a patient there either.
 */
export function readUnknownShape(doc: Document, url: URL, options: ReadOptions, profile: SiteProfile): PageFindings | null {
  if (!GENERIC.claims(doc, options)) return null;
  const found = GENERIC.read(doc, url, options);
  const note = { kind: 'profile' as const, text: profile.name, where: url.pathname, note: 'page not shaped as this profile knows it: read by the generic reader' };
  return { ...found, notes: [note, ...found.notes] };
}

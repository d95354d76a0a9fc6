/**
 * The reading of a page content.js has not read (its gate saw no patient and exam, or the reader is not here yet):
 * no profile, no facts, nothing found. Kept apart from content/read/decide.ts so that content.js does not carry the
 * decision rules for it.
 */
import type { PageReading } from '@/content/read/analyze';

export function unreadPage(): PageReading {
  return {
    findings: { profileId: null, primary: null, rows: [], dateOrder: null, notes: [] },
    analysis: {
      profileId: null,
      pediatric: false,
      ageDays: null,
      ageBasis: null,
      ageDetail: null,
      modality: null,
      modalities: [],
      campaign: null,
      campaigns: [],
      region: null,
      phases: null,
      minorHeadInjury: false,
      childProtection: false,
      weight: null,
      ctdi: null,
      examDescription: null,
      examKey: null,
      records: [],
      evidence: [],
      ageConflict: false,
    },
  };
}

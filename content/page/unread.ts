/**
 * The reading of a page content.js has not read (its gate saw no patient and exam, or the reader is not here yet):
 * no profile, no facts, nothing found. Kept apart from content/read/decide/ so that content.js does not carry the
 * decision rules for it.
 */
import type { PageReading } from '@/content/read/analyze';
import { emptyAnalysis } from '@/content/read/empty-analysis';

export function unreadPage(): PageReading {
  return {
    findings: { profileId: null, primary: null, rows: [], dateOrder: null, notes: [] },
    analysis: emptyAnalysis(),
  };
}

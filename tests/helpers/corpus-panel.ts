/**
 * What a corpus page must show in a browser: the panel outcome its truth implies (tests/helpers/corpus.ts), the one
 * a PageAnalysis gives (through the product's own content/page/panel-decision.ts), and the one a Chromium page
 * shows on its panel host (the e2e build's `data-*` attributes). Used by tests/e2e/corpus.e2e.test.ts.
 */
import { decidePanel, shownCampaigns } from '@/content/page/panel-decision';
import type { PageAnalysis } from '@/content/read/types';
import type { CorpusTruth } from './corpus';

export type PanelOutcome =
  | { mode: 'none' }
  /** One child, one ionizing exam: its modality and campaigns (sorted). */
  | { mode: 'exam'; modality: string | null; campaigns: string[] }
  /** A child, MR or US only. */
  | { mode: 'quiet'; modality: string | null }
  /** A list with this many pediatric ionizing rows. */
  | { mode: 'list'; exams: number };

const NON_IONIZING = new Set(['MR', 'US']);

/**
 * The outcome the truth implies, in decidePanel's order: a child with a campaign → exam; pediatric ionizing rows →
 * list; a child with an MR/US exam → quiet; else none. `rows: null` when the truth does not count the page's rows
 * (`pediatricRecords` absent): then it does not say whether a list panel shows.
 */
export function truthOutcome(t: CorpusTruth): { outcome: PanelOutcome; rowsGiven: boolean } {
  const rowsGiven = t.pediatricRecords !== undefined;
  if (t.pediatric && t.campaigns.length > 0) return { outcome: { mode: 'exam', modality: t.modality, campaigns: [...t.campaigns].sort() }, rowsGiven };
  if ((t.pediatricRecords ?? 0) > 0) return { outcome: { mode: 'list', exams: t.pediatricRecords! }, rowsGiven };
  if (t.pediatric && t.modality !== null && NON_IONIZING.has(t.modality)) return { outcome: { mode: 'quiet', modality: t.modality }, rowsGiven };
  return { outcome: { mode: 'none' }, rowsGiven };
}

/** The outcome of an analysis with every campaign switched on (the e2e browser's settings). */
export function analysisOutcome(a: PageAnalysis): PanelOutcome {
  const d = decidePanel(a, { disabledCampaigns: [] });
  if (!d.show) return { mode: 'none' };
  if (d.mode === 'exam') return { mode: 'exam', modality: a.modality, campaigns: [...shownCampaigns(d, [])].sort() };
  if (d.mode === 'quiet') return { mode: 'quiet', modality: a.modality };
  return { mode: 'list', exams: d.pediatricRecords.length };
}

/** The outcome a page shows: its panel host's attributes (null = no panel host). */
export function hostOutcome(attrs: Record<string, string | null> | null): PanelOutcome {
  if (!attrs) return { mode: 'none' };
  const mode = attrs['data-mode'];
  if (mode === 'exam') {
    const campaigns = (attrs['data-campaigns'] ?? '').split(' ').filter(Boolean).sort();
    return { mode: 'exam', modality: attrs['data-modality'] ?? null, campaigns };
  }
  if (mode === 'quiet') return { mode: 'quiet', modality: attrs['data-modality'] ?? null };
  if (mode === 'list') return { mode: 'list', exams: Number(attrs['data-pediatric-exams'] ?? 'NaN') };
  throw new Error(`panel host with an unknown data-mode: ${JSON.stringify(attrs)}`);
}

export const sameOutcome = (a: PanelOutcome, b: PanelOutcome): boolean => JSON.stringify(a) === JSON.stringify(b);

export function outcomeText(o: PanelOutcome): string {
  switch (o.mode) {
    case 'none':
      return 'no panel';
    case 'exam':
      return `exam panel (${o.modality ?? 'no modality'}; ${o.campaigns.join(', ') || 'no campaign'})`;
    case 'quiet':
      return `quiet panel (${o.modality ?? 'no modality'})`;
    case 'list':
      return `list panel (${o.exams} pediatric exam${o.exams === 1 ? '' : 's'})`;
  }
}

/**
 * Whether the panel shows for a page analysis, in which mode, and what the host element and the
 * tab facts say. Pure: analysis + settings in, plain data out.
 *
 * Rules:
 * - exam: the page's primary patient is a child and the exam is ionizing (it has a campaign);
 * - quiet: a child whose exam is MR or US only: at most a quiet "no ionizing radiation" note;
 * - list: a list page (worklist, a patient's studies) with N pediatric ionizing exams: the panel
 *   says "N pediatric exams in this list", never one age as the patient's;
 * - otherwise (adult, no patient, no exam, every campaign of the exam turned off): no panel.
 * An exam or quiet panel whose age the page does not tie to the patient (`PageAnalysis.ageUnsure`: no label, no
 * patient header) is `ageUnsure`: the chip says "Child?" and the panel gives the reminders but no clinical number.
 */
import type { TabFacts } from '@/content/page/messages';
import type { Campaign, ExamRecord, ModalityCode, PageAnalysis } from '@/content/read/types';

export type PanelDecision =
  | { show: false; reason: 'no-child' | 'no-exam' | 'campaigns-off' }
  | {
      show: true;
      mode: 'exam' | 'quiet' | 'list';
      /** Campaigns of the primary exam that are switched on (exam mode). */
      campaigns: Campaign[];
      /** Pediatric ionizing rows of a list page (campaigns switched on), in page order. */
      pediatricRecords: ExamRecord[];
      /**
       * The primary patient's age is one the page does not tie to them (exam and quiet modes): reminders only, no
       * SSDE, activity or reference level, and the chip asks ("Child?"). Always false on a list page.
       */
      ageUnsure: boolean;
    };

const NON_IONIZING: ReadonlySet<ModalityCode> = new Set(['MR', 'US']);

export function decidePanel(
  analysis: PageAnalysis,
  settings: { disabledCampaigns: readonly string[] },
): PanelDecision {
  const on = (c: Campaign) => !settings.disabledCampaigns.includes(c);
  const campaigns = analysis.campaigns.filter(on);
  const pediatricRecords = analysis.records.filter((r) => r.pediatric && r.campaigns.some(on));
  const ageUnsure = analysis.ageUnsure === true;

  if (analysis.pediatric && campaigns.length > 0) {
    return { show: true, mode: 'exam', campaigns, pediatricRecords, ageUnsure };
  }
  if (pediatricRecords.length > 0) {
    return { show: true, mode: 'list', campaigns: [], pediatricRecords, ageUnsure: false };
  }
  if (analysis.pediatric && analysis.campaigns.length > 0) return { show: false, reason: 'campaigns-off' };
  if (
    analysis.pediatric &&
    analysis.modalities.length > 0 &&
    analysis.modalities.every((m) => NON_IONIZING.has(m))
  ) {
    return { show: true, mode: 'quiet', campaigns: [], pediatricRecords: [], ageUnsure };
  }
  if (analysis.records.some((r) => r.pediatric && r.campaigns.length > 0)) return { show: false, reason: 'campaigns-off' };
  return { show: false, reason: analysis.pediatric ? 'no-exam' : 'no-child' };
}

/** Campaigns named by the panel: the exam's, or the union over the list's pediatric rows. */
export function shownCampaigns(decision: PanelDecision & { show: true }, disabled: readonly string[]): Campaign[] {
  if (decision.mode === 'exam') return decision.campaigns;
  const seen = new Set<Campaign>();
  for (const r of decision.pediatricRecords) for (const c of r.campaigns) if (!disabled.includes(c)) seen.add(c);
  return [...seen];
}

/**
 * Attributes of `<image-gently-panel>`: `data-pediatric`, `data-age-days` (primary exam only),
 * `data-campaign` (primary), `data-campaigns` (space-separated, so `[data-campaigns~="ct"]` works),
 * `data-mode`, `data-modality` (primary exam only), `data-pediatric-exams` on list pages and `data-age-unsure` when the age is not tied to the patient.
 * A null value removes the attribute.
 */
export function hostAttributes(
  analysis: PageAnalysis,
  decision: PanelDecision & { show: true },
  disabled: readonly string[],
): Record<string, string | null> {
  const campaigns = shownCampaigns(decision, disabled);
  const primary = decision.mode === 'exam' && analysis.campaign && campaigns.includes(analysis.campaign)
    ? analysis.campaign
    : decision.mode === 'exam'
      ? (campaigns[0] ?? null)
      : null;
  return {
    'data-pediatric': 'true',
    'data-mode': decision.mode,
    'data-age-days': decision.mode !== 'list' && analysis.ageDays != null ? String(analysis.ageDays) : null,
    'data-modality': decision.mode !== 'list' ? analysis.modality : null,
    'data-campaign': primary,
    'data-campaigns': campaigns.join(' '),
    'data-pediatric-exams': decision.mode === 'list' || decision.pediatricRecords.length > 0
      ? String(decision.pediatricRecords.length)
      : null,
    'data-age-unsure': decision.ageUnsure ? 'true' : null,
  };
}

/**
 * The only facts that leave the page (content/page/messages.ts): pediatric flag, campaigns, modality,
 * site enabled. Campaigns and modality are reported only when the panel shows; nothing else.
 */
export function tabFactsFrom(
  analysis: PageAnalysis | null,
  decision: PanelDecision | null,
  siteEnabled: boolean,
  disabled: readonly string[] = [],
): TabFacts {
  if (!analysis || !decision?.show) {
    return { pediatric: analysis?.pediatric ?? false, campaigns: [], modality: null, siteEnabled };
  }
  return {
    pediatric: true,
    campaigns: shownCampaigns(decision, disabled),
    modality: decision.mode === 'list' ? null : analysis.modality,
    siteEnabled,
  };
}

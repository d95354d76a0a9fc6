/**
 * PageAnalysis (+ settings) → PanelView: everything the panel shows, translated and formatted.
 * The one place where the panel's content is decided; pure except for `i18n.t` (a lookup).
 *
 * What never appears: names, ids, dates, the exam key. The age appears as an age ("6 years
 * 3 months at the exam"), the exam as its modality and description, the evidence as text behind
 * "why am I seeing this".
 */
import { i18n } from '#i18n';
import { ssde, SSDE_CAVEAT_MESSAGE_KEY, SSDE_REFUSAL_MESSAGE_KEY, type BodyPart } from '@/clinical/ssde';
import type { PanelCampaign, PanelEvidence, PanelNumber, PanelRecord, PanelView } from '@/components/Panel';
import type { AgeBasis, BodyRegion, ExamRecord, ModalityCode, PageAnalysis } from '@/content/types';
import type { PanelDecision } from './decide';

/** Rows listed in the card of a list page; the rest are counted ("and 12 more"). */
export const LIST_ROWS_SHOWN = 8;

export interface ViewInput {
  analysis: PageAnalysis;
  decision: PanelDecision & { show: true };
  /** BCP 47 tag for numbers, from the browser's UI language. */
  locale: string;
  /** Campaign blocks for the campaigns shown (reminders come from clinical/campaigns.ts). */
  campaigns: PanelCampaign[];
  /** Whether "dismiss for this exam" can work (an exam key and a usable install secret). */
  canDismiss: boolean;
}

type T = (key: string, ...args: unknown[]) => string;
/** `i18n.t` with a runtime key (keys built from data: modality codes, caveats). */
const t = i18n.t as unknown as T;

export function buildPanelView(input: ViewInput): PanelView {
  const { analysis: a, decision: d } = input;
  const fmt = numberFormatter(input.locale);
  const modality = a.modality ? modalityLabel(a.modality) : null;

  const notes: string[] = [];
  const numbers: PanelNumber[] = [];
  if (d.mode === 'quiet') notes.push(t('panel.quietNote'));
  if (a.evidence.some((e) => e.conflict)) notes.push(t('panel.conflictNote'));
  if (d.mode === 'exam') {
    const s = ageSsde(a, fmt);
    if (s.number) numbers.push(s.number);
    notes.push(...s.notes);
  }

  const pillText =
    d.mode === 'list'
      ? t('panel.pillList', d.pediatricRecords.length)
      : d.mode === 'quiet'
        ? t('panel.pillQuiet', [modality ?? ''])
        : t('panel.pillExam', [modality ?? t('panel.examUnknownModality')]);

  return {
    mode: d.mode,
    pillText,
    ageText: d.mode !== 'list' && a.ageDays != null ? ageText(a.ageDays, a.ageBasis) : null,
    examText: d.mode !== 'list' ? examText(modality, a.examDescription) : null,
    list: d.pediatricRecords.length > 0 ? listSummary(d.pediatricRecords) : null,
    campaigns: input.campaigns,
    numbers,
    notes,
    evidence: a.evidence.map(
      (e): PanelEvidence => ({ kind: e.kind, text: e.text, where: e.where, conflict: !!e.conflict, note: e.note ?? null }),
    ),
    canDismiss: d.mode !== 'list' && input.canDismiss,
  };
}

export function modalityLabel(code: ModalityCode): string {
  return t(`panel.modality.${code}`) || code;
}

function examText(modality: string | null, description: string | null): string | null {
  if (modality && description) return `${modality} · ${description}`;
  return description ?? modality;
}

/**
 * An age for people, from days: under 4 weeks in days, under 2 years in months, then years and
 * months.
 *
 * NOTE: days alone do not say how many 29 Februaries the child has lived through, so no rule is
 * exact on every day. Years here are counted with the fewest possible leap days (N years =
 * 365·N + ⌊N/4⌋ days): on a birthday the new age always shows, and at worst it shows one day
 * early, never late (a mean-year rule would show "16 years 11 months" on a 17th birthday).
 * Months within the year are 30.4375 days (±1 day). The exact number of days is on the host
 * element (`data-age-days`), and the dates as read are in the evidence.
 */
export function ageParts(ageDays: number): { years: number; months: number; days: number } | null {
  if (!Number.isFinite(ageDays) || ageDays < 0) return null;
  const days = Math.floor(ageDays);
  let years = Math.floor(days / 365.25);
  while (365 * (years + 1) + Math.floor((years + 1) / 4) <= days) years++;
  while (years > 0 && 365 * years + Math.floor(years / 4) > days) years--;
  const rest = days - (365 * years + Math.floor(years / 4));
  return { years, months: Math.min(11, Math.floor(rest / 30.4375)), days };
}

export function formatAge(ageDays: number): string | null {
  const p = ageParts(ageDays);
  if (!p) return null;
  if (p.days < 28) return t('panel.ageDays', p.days);
  if (p.years < 2) return t('panel.ageMonths', p.years * 12 + p.months);
  if (p.months === 0) return t('panel.ageYears', p.years);
  return t('panel.ageJoin', [t('panel.ageYears', p.years), t('panel.ageMonths', p.months)]);
}

export function ageText(ageDays: number, basis: AgeBasis | null): string | null {
  const age = formatAge(ageDays);
  if (!age) return null;
  return t(`panel.ageAt.${basis ?? 'exam'}`, [age]);
}

function listSummary(records: ExamRecord[]) {
  const shown: PanelRecord[] = records.slice(0, LIST_ROWS_SHOWN).map((r) => ({
    description: r.description ?? (r.modality ? modalityLabel(r.modality) : t('panel.examUnknownModality')),
    ageText: r.ageDays != null ? ageText(r.ageDays, r.ageBasis) : null,
    modality: r.modality,
  }));
  const rest = records.length - shown.length;
  return {
    summary: t('panel.listSummary', records.length),
    records: shown,
    more: rest > 0 ? t('panel.listMore', [String(rest)]) : null,
  };
}

function numberFormatter(locale: string) {
  const cache = new Map<number, Intl.NumberFormat>();
  return (value: number, digits: number) => {
    let f = cache.get(digits);
    if (!f) {
      try {
        f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      } catch {
        f = new Intl.NumberFormat('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
      }
      cache.set(digits, f);
    }
    return f.format(value);
  };
}

/** Body regions the AAPM 204 age table may size (body CT of the trunk). */
const BODY_PART: Partial<Record<BodyRegion, BodyPart>> = {
  abdomen: 'abdomen-pelvis',
  pelvis: 'abdomen-pelvis',
  'abdomen-pelvis': 'abdomen-pelvis',
  chest: 'chest',
  'chest-abdomen-pelvis': 'chest-abdomen-pelvis',
};

/**
 * The age-based SSDE estimate (AAPM 204 Table 3 → Table 1D/2D): only for body CT of the trunk,
 * only with CTDIvol and a known phantom on the page, labelled as an estimate. An unknown phantom
 * gives no number here (the PACS data route shows both candidates when it reads the dose report).
 */
function ageSsde(a: PageAnalysis, fmt: (v: number, digits: number) => string): { number: PanelNumber | null; notes: string[] } {
  const bodyPart = a.region ? BODY_PART[a.region] : undefined;
  if (a.modality !== 'CT' || !bodyPart || !a.ctdi || a.ctdi.phantomCm == null || a.ageDays == null) {
    return { number: null, notes: [] };
  }
  const result = ssde({
    ctdiVolMGy: a.ctdi.ctdiVolMGy,
    phantom: a.ctdi.phantomCm,
    region: 'body',
    bodyPart,
    size: { metric: 'age', ageYears: a.ageDays / 365.25 },
  });
  if (result.status === 'refused') return { number: null, notes: [t(SSDE_REFUSAL_MESSAGE_KEY[result.reason])] };
  if (result.status !== 'ok') return { number: null, notes: [] };
  const e = result.estimate;
  const detail = [
    t('panel.ssdeDetail', [fmt(a.ctdi.ctdiVolMGy, 2), a.ctdi.source, fmt(e.conversionFactor, 2), fmt(e.diameterCm, 1), String(e.phantomCm)]),
    ...result.caveats.filter((c) => c !== 'age-based-estimate').map((c) => t(SSDE_CAVEAT_MESSAGE_KEY[c])),
  ].join(' ');
  return {
    number: {
      id: 'ssde-age',
      label: t('panel.ssdeFromAge'),
      value: `${fmt(e.ssdeMGy, 1)} mGy`,
      detail,
      source: e.source,
      estimate: true,
    },
    notes: [],
  };
}

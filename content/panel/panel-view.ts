/**
 * PageAnalysis (+ settings) → PanelView: everything the panel shows, translated and formatted.
 * The one place where the panel's content is decided; pure except for `i18n.t` (a lookup).
 *
 * An age the page does not tie to the patient (`decision.ageUnsure`) gives the "Child?" pill, the reminders, one
 * note saying why no number is shown, and an evidence line saying the age is unsure; no clinical number.
 *
 * What never appears: names, ids, dates, the exam key. The age appears as an age, printed the
 * way EHRs print it ("6 y 3 mo at the exam"), the exam as its modality and description, the
 * evidence as text behind "why am I seeing this".
 */
import { i18n } from '#i18n';
import { formatter, formatterUpTo } from './number-format';
import { remindersFor } from '@/clinical/campaigns';
import type { ReferenceLevelTable } from '@/clinical/reference-levels';
import type { PanelCampaign, PanelEvidence, PanelNumber, PanelRecord, PanelView } from './view-model';
import { ehrAgeParts } from '@/content/read/parse/age';
import type { AgeBasis, AgeDetail, ExamRecord, ModalityCode, PageAnalysis } from '@/content/read/types';
import { shownCampaigns, type PanelDecision } from '@/content/page/panel-decision';
import { ageSsdeNumber, nmNumbers, referenceNumbers } from './panel-numbers';

/** Evidence kinds that are identifiers, never shown even behind "why am I seeing this". */
const IDENTIFYING_EVIDENCE: ReadonlySet<string> = new Set(['examKey', 'patientName', 'patientId', 'accession']);

/** Rows listed in the card of a list page; the rest are counted ("and 12 more"). */
export const LIST_ROWS_SHOWN = 8;

export interface ViewInput {
  analysis: PageAnalysis;
  decision: PanelDecision & { show: true };
  /** BCP 47 tag for numbers, from the browser's UI language. */
  locale: string;
  /** Campaigns the user (or the organisation) switched off. */
  disabledCampaigns: readonly string[];
  /** Local reference-level tables (settings); the bundled set is added by panel-numbers.ts. */
  referenceTables: readonly ReferenceLevelTable[];
  /** Whether "dismiss for this exam" can work (an exam key and a usable install secret). */
  canDismiss: boolean;
  /** A size (Dw) was measured on this exam's images (PACS route): the age-based SSDE is not shown. */
  measuredSize?: boolean;
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
  // An age the page does not tie to the patient: the reminders still apply to a possible child, but no number
  // is computed from an age (or a weight) that may be someone else's.
  if (d.ageUnsure) notes.push(t('panel.ageUnsureNote'));
  else if (d.mode === 'exam') {
    for (const r of [ageSsdeNumber(a, t, fmt, { measuredSize: input.measuredSize === true }), nmNumbers(a, t, fmt), referenceNumbers(a, input.referenceTables, t, fmt)]) {
      numbers.push(...r.numbers);
      notes.push(...r.notes);
    }
  }

  const pillText =
    d.mode === 'list'
      ? t('panel.pillList', d.pediatricRecords.length)
      : d.mode === 'quiet'
        ? t(d.ageUnsure ? 'panel.pillQuietUnsure' : 'panel.pillQuiet', [modality ?? ''])
        : t(d.ageUnsure ? 'panel.pillExamUnsure' : 'panel.pillExam', [modality ?? t('panel.examUnknownModality')]);
  const evidence = a.evidence
    .filter((e) => !IDENTIFYING_EVIDENCE.has(e.kind))
    .map((e): PanelEvidence => ({ kind: e.kind, text: e.text, where: e.where, conflict: !!e.conflict, note: e.note ?? null }));
  if (d.ageUnsure) evidence.unshift({ kind: 'age-unsure', text: t('panel.ageUnsureWhy'), where: t('panel.age'), conflict: false, note: null });

  return {
    mode: d.mode,
    pillText,
    ageText: d.mode !== 'list' && a.ageDays != null ? ageText(a.ageDetail, a.ageDays, a.ageBasis, input.locale) : null,
    examText: d.mode !== 'list' ? examText(modality, a.examDescription) : null,
    list: d.pediatricRecords.length > 0 ? listSummary(d.pediatricRecords, input.locale) : null,
    campaigns: campaignBlocks(a, d, input.disabledCampaigns),
    numbers,
    notes,
    evidence,
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
 * The age as EHRs print it (content/read/parse/age.ts `ehrAgeParts`): exact calendar parts from the
 * dates ("4 y 1 mo", "11 mo", "29 d"), or a DICOM AS or printed age as read ("6 y", "4 y 1 mo"),
 * with what it is relative to. No rounding from days.
 */
export function formatAgeParts(detail: AgeDetail, locale = 'en'): string {
  const number = formatterUpTo(locale, 2);
  return ehrAgeParts(detail)
    .map((p) => t(`panel.ageUnit.${p.unit}`, [number(p.value)]))
    .join(' ');
}

/**
 * "6 y 3 mo at the exam", "6 y at the exam (DICOM age)", "4 y 1 mo today (as the page shows it)".
 * Without a detail (an analysis not made by content/read/decide/) the exact days are shown ("2288 d").
 */
export function ageText(detail: AgeDetail | null | undefined, ageDays: number, basis: AgeBasis | null, locale = 'en'): string | null {
  if (!Number.isFinite(ageDays) || ageDays < 0) return null;
  const at = basis ?? 'exam';
  if (!detail) return t(`panel.ageAt.${at}`, [t('panel.ageUnit.days', [String(Math.floor(ageDays))])]);
  const age = formatAgeParts(detail, locale);
  if (detail.source === 'dicom') return t('panel.ageDicom', [age]);
  if (detail.source === 'shown') return t(`panel.ageAsShown.${at}`, [age]);
  return t(`panel.ageAt.${at}`, [age]);
}

function listSummary(records: ExamRecord[], locale: string) {
  const shown: PanelRecord[] = records.slice(0, LIST_ROWS_SHOWN).map((r) => ({
    description: r.description ?? (r.modality ? modalityLabel(r.modality) : t('panel.examUnknownModality')),
    ageText: r.ageDays != null ? ageText(r.ageDetail, r.ageDays, r.ageBasis, locale) : null,
    modality: r.modality,
  }));
  const rest = records.length - shown.length;
  return {
    summary: t('panel.listSummary', records.length),
    records: shown,
    more: rest > 0 ? t('panel.listMore', [String(rest)]) : null,
  };
}

/** The kept formats of number-format.ts (a render makes none of its own). */
function numberFormatter(locale: string) {
  return (value: number, digits: number) => formatter(locale, digits)(value);
}

/**
 * The reminder blocks (clinical/campaigns.ts, texts in the `clinical:` locale section): the
 * child-protection line first when the order names possible abuse, one per campaign shown, Think A-Head
 * when the order names a minor head injury on a head CT (never with abuse wording), and the
 * current-practice line on shielding where older campaign texts had shielding steps.
 */
export function campaignBlocks(a: PageAnalysis, d: PanelDecision & { show: true }, disabled: readonly string[]): PanelCampaign[] {
  const campaigns = shownCampaigns(d, disabled);
  if (campaigns.length === 0) return [];
  const exam = d.mode === 'exam';
  const r = remindersFor({
    campaigns,
    region: exam ? a.region : null,
    phases: exam ? a.phases : null,
    minorHeadInjury: exam && a.minorHeadInjury,
    childProtection: exam && a.childProtection === true,
  });
  const blocks: PanelCampaign[] = [];
  if (r.childProtection) {
    blocks.push({ id: 'child-protection', title: t('panel.childProtection'), reminders: [t(r.childProtection.messageKey)], link: null });
  }
  blocks.push(...r.groups.map((g) => ({
    id: g.campaign.id,
    title: t(g.campaign.nameKey),
    reminders: g.reminders.map((m) => t(m.messageKey, m.substitutions)),
    link: { href: g.campaign.link, label: t('panel.campaignLink') },
  })));
  if (r.currentPractice) {
    blocks.push({
      id: 'current-practice',
      title: t('panel.currentPractice'),
      reminders: [t(r.currentPractice.messageKey)],
      link: { href: r.currentPractice.link, label: t('panel.currentPracticeLink') },
    });
  }
  if (r.dentalPractice) {
    blocks.push({ id: 'current-practice-dental', title: t('panel.currentPractice'), reminders: [t(r.dentalPractice.messageKey)], link: null });
  }
  return blocks;
}

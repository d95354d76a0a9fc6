/**
 * "This child on this PACS" → what the panel shows and what the record prints, translated and formatted.
 * Numbers carry their source and method as the PACS section's do; no effective dose, no risk figure.
 */
import { i18n } from '#i18n';
import { PARENTS_SITE } from '@/clinical/campaigns';
import { SSDE_CAVEAT_MESSAGE_KEY, SSDE_REFUSAL_MESSAGE_KEY } from '@/clinical/ssde';
import type { HistoryCountView, HistoryRowView, HistorySectionView, PanelNumber } from '@/content/panel/view-model';
import { formatter } from '@/content/panel/number-format';
import type { BodyRegion, ModalityCode } from '@/content/read/types';
import { noteText, ctdiDigits } from '../section-view';
import type { DoseState, HistoryState } from './history';
import { MAX_DOSE_READS, type HistoryStudy } from './model';
import { recordHtml, type RecordRow } from './record';
import type { StudyDose } from './study-dose';

/** Where the printed record sends parents to learn more: the Alliance's site for parents. */
export const PARENTS_PAGE = PARENTS_SITE;

const modalityName = (m: ModalityCode) => i18n.t(`panel.modality.${m}` as 'panel.modality.CT') || m;
/** Locale keys of the regions (message names allow no hyphen). */
const REGION_KEY: Record<BodyRegion, string> = {
  head: 'head',
  neck: 'neck',
  chest: 'chest',
  abdomen: 'abdomen',
  pelvis: 'pelvis',
  'abdomen-pelvis': 'abdomenPelvis',
  'chest-abdomen-pelvis': 'chestAbdomenPelvis',
  spine: 'spine',
  extremity: 'extremity',
  'whole-body': 'wholeBody',
  cardiac: 'cardiac',
  dental: 'dental',
  other: 'other',
};
const regionName = (r: BodyRegion) => i18n.t(`history.region.${REGION_KEY[r]}` as 'history.region.head') || r;

function examText(s: HistoryStudy): string {
  const m = s.modalities.map(modalityName).join(' + ');
  if (m && s.description) return `${m} · ${s.description}`;
  return s.description ?? (m || '—');
}

interface DoseNumbers {
  numbers: PanelNumber[];
  notes: string[];
  /** "CTDIvol 5.0 mGy · DLP 125 mGy·cm · SSDE 10.3 mGy" for the record. */
  summary: string;
}

function doseNumbers(key: string, dose: StudyDose, locale: string): DoseNumbers {
  const f0 = formatter(locale, 0);
  const f1 = formatter(locale, 1);
  const f2 = formatter(locale, 2);
  const fCtdi = (mGy: number) => (ctdiDigits(mGy) === 2 ? f2(mGy) : f1(mGy));
  const numbers: PanelNumber[] = [];
  const notes: string[] = [];
  const summary: string[] = [];
  const { ctdi, dlp, ssde } = dose;
  if (ctdi) {
    const phantom = ctdi.phantom.kind === 'known' ? (ctdi.phantom.cm === 16 ? i18n.t('pacs.phantom16') : i18n.t('pacs.phantom32')) : i18n.t('pacs.phantomUnknown');
    const from = ctdi.from === 'image-header' ? i18n.t('history.ctdiFromHeader') : ctdi.events > 1 ? i18n.t('history.ctdiFromRdsrMax', [String(ctdi.events)]) : i18n.t('history.ctdiFromRdsr');
    numbers.push({ id: `${key}-ctdi`, label: i18n.t('history.ctdi'), value: `${fCtdi(ctdi.mGy)} mGy`, detail: phantom, source: `DICOM, ${from}`, estimate: false });
    summary.push(`CTDIvol ${fCtdi(ctdi.mGy)} mGy`);
  }
  if (dlp) {
    const value = `${dlp.mGyCm < 100 ? f1(dlp.mGyCm) : f0(dlp.mGyCm)} mGy·cm`;
    numbers.push({
      id: `${key}-dlp`,
      label: i18n.t('history.dlp'),
      value,
      detail: null,
      source: `DICOM, ${dlp.from === 'rdsr-total' ? i18n.t('history.dlpFromTotal') : i18n.t('history.dlpFromEvents')}`,
      estimate: false,
    });
    summary.push(`DLP ${value}`);
  }
  if (ssde?.kind === 'computed') {
    const e = ssde.estimate;
    const how = ssde.size === 'report-dw' ? 'history.ssdeFromReportDw' : ssde.size === 'header-dw' ? 'history.ssdeFromHeaderDw' : 'history.ssdeFromAge';
    numbers.push({
      id: `${key}-ssde`,
      label: i18n.t('history.ssde'),
      value: `${f1(e.ssdeMGy)} mGy`,
      detail: `${i18n.t('pacs.ssdeDetail', [f2(e.conversionFactor), fCtdi(ctdi?.mGy ?? Number.NaN)])}; ${i18n.t(how, [e.method])}`,
      source: e.source,
      estimate: ssde.size === 'age',
    });
    for (const c of ssde.caveats) notes.push(i18n.t(SSDE_CAVEAT_MESSAGE_KEY[c] as 'clinical.ssdeCaveat.interpolated'));
    summary.push(`SSDE ${f1(e.ssdeMGy)} mGy`);
  } else if (ssde?.kind === 'scanner') {
    const method = ssde.method?.meaning || ssde.method?.value || null;
    numbers.push({
      id: `${key}-ssde`,
      label: i18n.t('history.ssde'),
      value: `${f1(ssde.mGy)} mGy`,
      detail: method ? i18n.t('history.ssdeScannerMethod', [method]) : i18n.t('history.ssdeScanner'),
      source: 'DICOM TID 10013 (113930)',
      estimate: false,
    });
    summary.push(`SSDE ${f1(ssde.mGy)} mGy`);
  } else if (ssde?.kind === 'refused') {
    notes.push(
      ssde.reason === 'phantom-unknown' ? i18n.t('history.noSsdePhantom')
      : ssde.reason === 'region-unknown' ? i18n.t('history.noSsdeRegion')
      : ssde.reason === 'phantom-unsupported' ? i18n.t('history.noSsdePhantomUnsupported')
      : i18n.t(SSDE_REFUSAL_MESSAGE_KEY[ssde.reason] as 'clinical.ssdeRefusal.invalidSize'),
    );
  }
  return { numbers, notes, summary: summary.join(' · ') };
}

/** A study's row as last built, with the dose state it was built from: a dose read rebuilds its own row only. */
export type HistoryRowCache = WeakMap<HistoryStudy, { dose: DoseState | undefined; row: HistoryRowView; record: RecordRow }>;

export function buildHistoryView(state: HistoryState, locale: string, rowCache: HistoryRowCache = new WeakMap()): HistorySectionView | null {
  switch (state.status) {
    case 'idle':
      return null;
    case 'loading':
      return { status: 'loading', text: i18n.t('history.loading') };
    case 'failed':
      return { status: 'failed', text: i18n.t('history.failed', [noteText(state.note)]) };
  }
  const rows: HistoryRowView[] = [];
  const record: RecordRow[] = [];
  let pending = false;
  for (const s of state.list.listed) {
    const d = state.doses.get(s.key);
    if (d?.state === 'pending') pending = true;
    let built = rowCache.get(s);
    if (!built || built.dose !== d) {
      let dose: DoseNumbers = { numbers: [], notes: [], summary: '' };
      if (d?.state === 'failed') dose.notes.push(noteText(d.note));
      else if (d?.state === 'read') dose = d.dose ? doseNumbers(s.key, d.dose, locale) : { ...dose, notes: [i18n.t('history.noDose')] };
      const exam = examText(s);
      built = {
        dose: d,
        row: { date: s.date ?? '—', exam, facility: s.facility, current: s.current, numbers: dose.numbers, notes: dose.notes },
        record: { date: s.date ?? '—', exam, facility: s.facility ?? '', dose: dose.summary },
      };
      rowCache.set(s, built);
    }
    rows.push(built.row);
    record.push(built.record);
  }
  const counts: HistoryCountView[] = state.counts.map((c) => ({ modality: modalityName(c.modality), last12Months: c.last12Months, all: c.all }));
  const repeat = state.repeat
    ? state.repeat.daysBefore === 0
      ? i18n.t('history.repeatSameDay', [modalityName(state.repeat.modality), regionName(state.repeat.region), state.repeat.date])
      : i18n.t('history.repeat', [modalityName(state.repeat.modality), regionName(state.repeat.region), state.repeat.date, String(state.repeat.daysBefore)])
    : null;
  const notes: string[] = [];
  if (state.list.all.length <= 1) notes.push(i18n.t('history.none'));
  const cts = state.list.all.filter((s) => s.modalities.includes('CT')).length;
  if (cts > MAX_DOSE_READS) notes.push(i18n.t('history.doseNotRead', [String(MAX_DOSE_READS)]));
  if (pending) notes.push(i18n.t('history.dosesPending'));
  const lang = locale.toLowerCase().startsWith('es') ? 'es' : 'en';
  return {
    status: 'ready',
    rows,
    more: state.list.omitted > 0 ? i18n.t('history.more', [String(state.list.omitted)]) : null,
    countsCaption: i18n.t('history.countsCaption', [state.today]),
    counts,
    noIonizing: counts.length === 0 ? i18n.t('history.noIonizing') : null,
    repeat,
    notes,
    source: i18n.t('history.source', [state.source]),
    // Built when it is printed (a getter, once), not on every dose read.
    record: lazyRecord(() =>
      recordHtml(
        {
          lang,
          title: i18n.t('history.record.title'),
          subtitle: i18n.t('history.record.subtitle', [state.today]),
          headers: { date: i18n.t('history.record.date'), exam: i18n.t('history.record.exam'), facility: i18n.t('history.record.facility'), dose: i18n.t('history.record.dose') },
          paragraphs: [i18n.t('history.record.why'), i18n.t('history.record.note'), i18n.t('history.record.learnMore', [PARENTS_PAGE])],
          footer: i18n.t('history.record.footer'),
        },
        record,
      ),
    ),
  };
}

function lazyRecord(build: () => string): { readonly html: string } {
  let html: string | null = null;
  return {
    get html() {
      return (html ??= build());
    },
  };
}

/**
 * PACS result → what the panel's PACS section shows, translated and formatted. Pure apart from `i18n.t`.
 * Numbers carry their source; the unknown-phantom case shows both candidates, labelled, never one number.
 * Nothing identifying is shown: no names, ids, UIDs or dates (the series description is exam text).
 */
import { i18n } from '#i18n';
import { SSDE_CAVEAT_MESSAGE_KEY, SSDE_REFUSAL_MESSAGE_KEY, type SsdeEstimate, type SsdeRefusalReason } from '@/clinical/ssde';
import type { AlongScanView, PacsSectionView, PanelNumber } from '@/content/panel/view-model';
import type { AlongScan, PacsDose, PacsNote, PacsNoteCode } from './measure';
import type { PhantomReading } from './phantom';
import { formatter } from '@/content/panel/number-format';

const NOTE_KEY = {
  'api-unauthorized': 'pacs.note.apiUnauthorized',
  'api-forbidden': 'pacs.note.apiForbidden',
  'api-not-found': 'pacs.note.apiNotFound',
  'api-timeout': 'pacs.note.apiTimeout',
  'api-malformed': 'pacs.note.apiMalformed',
  'api-unavailable': 'pacs.note.apiUnavailable',
  'no-dicomweb-root': 'pacs.note.noDicomwebRoot',
  'no-ct-series': 'pacs.note.noCtSeries',
  'no-axial-series': 'pacs.note.noAxialSeries',
  'pixels-refused': 'pacs.note.pixelsRefused',
  'no-patient-in-slice': 'pacs.note.noPatientInSlice',
  'dw-truncated': 'pacs.note.dwTruncated',
  'no-rdsr': 'pacs.note.noRdsr',
  'rdsr-ambiguous': 'pacs.note.rdsrAmbiguous',
  'no-ctdivol': 'pacs.note.noCtdivol',
  'ctdi-from-header': 'pacs.note.ctdiFromHeader',
  'no-phantom': 'pacs.note.noPhantom',
  'phantom-from-header': 'pacs.note.phantomFromHeader',
  'region-unknown': 'pacs.note.regionUnknown',
  'region-not-covered': 'pacs.note.regionNotCovered',
} as const satisfies Partial<Record<PacsNoteCode, string>>;

const isRefusalReason = (r: string | undefined): r is SsdeRefusalReason => r !== undefined && r in SSDE_REFUSAL_MESSAGE_KEY;

export function noteText(note: PacsNote): string {
  switch (note.code) {
    case 'cannot-decode':
      return i18n.t('pacs.note.cannotDecode', [note.detail ?? '?']);
    case 'pixel-format':
      return i18n.t('pacs.note.pixelFormat', [note.detail ?? '?']);
    case 'phantom-unsupported':
      return i18n.t('pacs.note.phantomUnsupported', [note.detail ?? '?']);
    case 'ssde-refused':
      return isRefusalReason(note.detail) ? i18n.t(SSDE_REFUSAL_MESSAGE_KEY[note.detail] as 'clinical.ssdeRefusal.invalidSize') : i18n.t('pacs.note.ssdeRefused');
    default:
      return i18n.t(NOTE_KEY[note.code]);
  }
}


function phantomText(p: PhantomReading): string {
  if (p.kind === 'known') return p.cm === 16 ? i18n.t('pacs.phantom16') : i18n.t('pacs.phantom32');
  if (p.kind === 'unsupported') return i18n.t('pacs.phantomOther', [p.code.meaning || p.code.value]);
  return i18n.t('pacs.phantomUnknown');
}

/** Relative difference above which the scanner's own number is shown next to ours. */
const DIFFERS = 0.05;
const differs = (a: number, b: number) => Math.abs(a - b) > DIFFERS * Math.max(Math.abs(a), Math.abs(b));

/**
 * CTDIvol as printed: 1 decimal, 2 below 1 mGy — so that the printed f × CTDIvol gives the printed SSDE (a
 * 0.46 mGy infant scan printed as "0.5" would make f × CTDIvol disagree with the SSDE by up to 10 %).
 */
export function ctdiDigits(mGy: number): 1 | 2 {
  return mGy < 1 ? 2 : 1;
}

export function buildPacsSection(dose: PacsDose | null, readingNotes: readonly PacsNote[], locale: string): PacsSectionView {
  const f1 = formatter(locale, 1);
  const f2 = formatter(locale, 2);
  const fCtdi = (mGy: number) => (ctdiDigits(mGy) === 2 ? f2(mGy) : f1(mGy));
  const numbers: PanelNumber[] = [];
  const lines: string[] = [];
  const notes = readingNotes.map(noteText);
  if (!dose) return { numbers, lines, scanner: null, notes, canMeasureAlongScan: false };

  const report = dose.region === 'head' ? i18n.t('pacs.reportHead') : i18n.t('pacs.reportBody');
  const ssdeNumber = (id: string, label: string, e: SsdeEstimate): PanelNumber => ({
    id,
    label,
    value: `${f1(e.ssdeMGy)} mGy`,
    detail: i18n.t('pacs.ssdeDetail', [f2(e.conversionFactor), fCtdi(dose.ctdi?.mGy ?? Number.NaN)]),
    source: `${e.source} (${report})`,
    estimate: false,
  });
  const s = dose.ssde;
  if (s?.status === 'ok') {
    numbers.push(ssdeNumber('pacs-ssde', i18n.t('pacs.ssde'), s.estimate));
    for (const c of s.caveats) notes.push(i18n.t(SSDE_CAVEAT_MESSAGE_KEY[c] as 'clinical.ssdeCaveat.interpolated'));
  } else if (s?.status === 'phantom-unknown') {
    notes.push(i18n.t('clinical.ssdePhantomUnknown'));
    for (const c of s.candidates) {
      const label = i18n.t('clinical.ssdePhantomCandidate', [String(c.phantomCm)]);
      if (c.estimate) numbers.push(ssdeNumber(`pacs-ssde-${c.phantomCm}`, label, c.estimate));
      else if (c.refusal) notes.push(`${label}: ${i18n.t(SSDE_REFUSAL_MESSAGE_KEY[c.refusal.reason] as 'clinical.ssdeRefusal.invalidSize')}`);
    }
  }
  if (dose.dw) {
    numbers.push({
      id: 'pacs-dw',
      label: i18n.t('pacs.dw'),
      value: `${f1(dose.dw.dwCm)} cm`,
      detail: i18n.t('pacs.dwDetail', [f1(dose.dw.areaCm2), dose.dw.meanHu === null ? '—' : formatter(locale, 0)(dose.dw.meanHu)]),
      source: 'AAPM Report 220',
      estimate: false,
    });
  }
  if (dose.ctdi) {
    numbers.push({
      id: 'pacs-ctdi',
      label: i18n.t('pacs.ctdi'),
      value: `${fCtdi(dose.ctdi.mGy)} mGy`,
      detail: `${phantomText(dose.ctdi.phantom)}; ${dose.ctdi.from === 'rdsr' ? i18n.t('pacs.ctdiFromRdsr') : i18n.t('pacs.ctdiFromHeader')}`,
      source: 'DICOM',
      estimate: false,
    });
  }
  if (s && s.status !== 'refused') lines.push(i18n.t('pacs.methodDw'));
  if (dose.slice) {
    const series = dose.slice.seriesDescription ? i18n.t('pacs.sliceSeries', [dose.slice.seriesDescription]) : dose.slice.seriesNumber !== null ? String(dose.slice.seriesNumber) : '—';
    lines.push(i18n.t('pacs.slice', [String(dose.slice.index), String(dose.slice.count), f1(dose.slice.zMm), series]));
  }
  lines.push(i18n.t('pacs.sourceApi', [dose.sourceLabel]));

  let scanner: string | null = null;
  if (dose.scanner) {
    const ours = s?.status === 'ok' ? s.estimate.ssdeMGy : null;
    const parts: string[] = [];
    let different = false;
    if (dose.scanner.dwCm !== null) {
      parts.push(i18n.t('pacs.scannerDw', [f1(dose.scanner.dwCm)]));
      different ||= !dose.dw || differs(dose.scanner.dwCm, dose.dw.dwCm);
    }
    if (dose.scanner.ssdeMGy !== null) {
      parts.push(i18n.t('pacs.scannerSsde', [f1(dose.scanner.ssdeMGy)]));
      different ||= ours === null || differs(dose.scanner.ssdeMGy, ours);
    }
    if (parts.length) scanner = different ? i18n.t('pacs.scanner', [parts.join(', ')]) : i18n.t('pacs.scannerAgrees');
  }
  notes.push(...dose.notes.map(noteText));
  return { numbers, lines, scanner, notes, canMeasureAlongScan: !!dose.dw && dose.ctdi?.phantom.kind === 'known' };
}

/** "SSDE along the scan": the mean over the slices read, or the note saying why there is none. */
export function alongScanView(result: AlongScan | PacsNote, locale: string): AlongScanView {
  if (!('methodCode' in result)) return { text: noteText(result), method: false };
  const f1 = formatter(locale, 1);
  return { text: i18n.t('pacs.alongResult', [f1(result.meanSsdeMGy), f1(result.meanDwCm), String(result.slices.length)]), method: true };
}

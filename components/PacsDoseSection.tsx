/**
 * The panel's PACS section: SSDE = f(Dw) × CTDIvol from this study's own images, with Dw,
 * CTDIvol and its phantom and source, the method (DICOM CID 10023), the slice used, where it was read,
 * the scanner's own numbers when they differ, notes on what could not be read, and — only when asked —
 * "SSDE along the scan" (CID 10023 113989). Everything arrives formatted (content/panel/view-model.ts
 * PacsSectionView); text nodes only.
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AlongScanView, PacsSectionView } from '@/content/panel/view-model';
import { NumberItem } from './NumberItem';

export interface PacsDoseSectionProps {
  view: PacsSectionView;
  /** Runs "SSDE along the scan" (reads a few more images); absent when it cannot be offered. */
  onMeasureAlongScan?: (() => Promise<AlongScanView>) | null;
}

type AlongState = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: AlongScanView };

export function PacsDoseSection({ view, onMeasureAlongScan }: PacsDoseSectionProps) {
  const [along, setAlong] = useState<AlongState>({ state: 'idle' });
  if (view.numbers.length === 0 && view.notes.length === 0) return null;

  const run = async () => {
    if (!onMeasureAlongScan || along.state === 'running') return;
    setAlong({ state: 'running' });
    let result: AlongScanView;
    try {
      result = await onMeasureAlongScan();
    } catch {
      result = { text: i18n.t('pacs.note.apiUnavailable'), method: false };
    }
    setAlong({ state: 'done', result });
  };

  return (
    <section class="igp-numbers igp-pacs" aria-label={i18n.t('pacs.heading')}>
      <h3>{i18n.t('pacs.heading')}</h3>
      {view.numbers.length > 0 && (
        <dl>
          {view.numbers.map((n) => (
            <NumberItem number={n} />
          ))}
        </dl>
      )}
      {view.lines.map((line) => (
        <p class="igp-detail">{line}</p>
      ))}
      {view.scanner && <p class="igp-detail igp-pacs-scanner">{view.scanner}</p>}
      {view.notes.length > 0 && (
        <ul class="igp-notes igp-pacs-notes">
          {view.notes.map((n) => (
            <li>{n}</li>
          ))}
        </ul>
      )}
      {view.canMeasureAlongScan && onMeasureAlongScan && (
        <div class="igp-pacs-along">
          <button type="button" class="igp-btn" onClick={run} disabled={along.state === 'running'} title={i18n.t('pacs.alongHint')}>
            {i18n.t('pacs.alongButton')}
          </button>
          <p class="igp-detail" role="status" aria-live="polite">
            {along.state === 'running' ? i18n.t('pacs.alongRunning') : along.state === 'done' ? along.result.text : ''}
          </p>
          {along.state === 'done' && along.result.method && <p class="igp-detail">{i18n.t('pacs.methodAlong')}</p>}
        </div>
      )}
    </section>
  );
}

/**
 * The panel's PACS section (issue #5): SSDE = f(Dw) × CTDIvol from this study's own images, with Dw,
 * CTDIvol and its phantom and source, the method (DICOM CID 10023), the slice used, where it was read,
 * the scanner's own numbers when they differ, notes on what could not be read, and — only when asked —
 * "SSDE along the scan" (CID 10023 113989). Rendered in the Panel's `pacs` slot; text nodes only.
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AlongScan, PacsNote } from '@/content/pacs/measure';
import { NumberItem } from './Panel';
import { alongScanText, noteText, type PacsSectionView } from '@/content/pacs/section-view';

export interface PacsDoseSectionProps {
  view: PacsSectionView;
  locale: string;
  /** Runs "SSDE along the scan" (reads a few more images); absent when it cannot be offered. */
  onMeasureAlongScan?: () => Promise<AlongScan | PacsNote>;
}

type AlongState = { state: 'idle' } | { state: 'running' } | { state: 'done'; text: string; method: boolean };

export function PacsDoseSection({ view, locale, onMeasureAlongScan }: PacsDoseSectionProps) {
  const [along, setAlong] = useState<AlongState>({ state: 'idle' });
  if (view.numbers.length === 0 && view.notes.length === 0) return null;

  const run = async () => {
    if (!onMeasureAlongScan || along.state === 'running') return;
    setAlong({ state: 'running' });
    let result: AlongScan | PacsNote;
    try {
      result = await onMeasureAlongScan();
    } catch {
      result = { code: 'api-unavailable' };
    }
    setAlong('methodCode' in result ? { state: 'done', text: alongScanText(result, locale), method: true } : { state: 'done', text: noteText(result), method: false });
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
            {along.state === 'running' ? i18n.t('pacs.alongRunning') : along.state === 'done' ? along.text : ''}
          </p>
          {along.state === 'done' && along.method && <p class="igp-detail">{i18n.t('pacs.methodAlong')}</p>}
        </div>
      )}
    </section>
  );
}

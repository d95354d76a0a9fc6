/**
 * "This child on this PACS": the child's studies on this PACS (date, exam, facility; for CT, CTDIvol, DLP and
 * SSDE with their sources), ionizing exams counted by modality, a neutral note on a recent exam of the same
 * modality and region, and "Print an imaging record". Everything arrives formatted (content/panel/view-model.ts
 * HistorySectionView); text nodes only. The reading starts when the section is opened (or earlier, once the page
 * is idle). The record is printed from a sandboxed iframe made here, whose document allows no request, and
 * removed after printing: no extension page, nothing stored.
 */
import { Component } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { HistoryRowView, HistorySection, HistorySectionView } from '@/content/panel/view-model';
import { NumberItem } from './NumberItem';

/** Prints `html` from a sandboxed, script-less iframe appended to `host`; the iframe is removed after printing. */
export function printRecord(host: HTMLElement, html: string): HTMLIFrameElement {
  host.querySelector('iframe.igp-history-record')?.remove();
  const frame = host.ownerDocument.createElement('iframe');
  frame.className = 'igp-history-record';
  // Same origin (so this script may call print on it), no scripts, modals allowed (print is one).
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.addEventListener(
    'load',
    () => {
      const win = frame.contentWindow;
      if (!win) return;
      win.addEventListener('afterprint', () => frame.remove(), { once: true });
      win.focus();
      win.print();
    },
    { once: true },
  );
  frame.srcdoc = html;
  host.appendChild(frame);
  return frame;
}

/** One study; re-rendered only when its row is a new object (a dose read rebuilds its own row, not the others). */
class StudyRow extends Component<{ row: HistoryRowView }> {
  override shouldComponentUpdate(next: { row: HistoryRowView }) {
    return next.row !== this.props.row;
  }

  override render() {
    const r = this.props.row;
    return (
      <li class={r.current ? 'igp-history-study igp-history-current' : 'igp-history-study'}>
        <p>
          <span class="igp-history-date">{r.date}</span> <span class="igp-history-exam">{r.exam}</span>
          {r.current && <span class="igp-tag">{i18n.t('history.thisExam')}</span>}
        </p>
        {r.facility && <p class="igp-detail igp-history-facility">{r.facility}</p>}
        {r.numbers.length > 0 && (
          <dl>
            {r.numbers.map((n) => (
              <NumberItem number={n} />
            ))}
          </dl>
        )}
        {r.notes.map((n) => (
          <p class="igp-detail">{n}</p>
        ))}
      </li>
    );
  }
}

export function ChildHistorySection({ section }: { section: HistorySection }) {
  const [view, setView] = useState<HistorySectionView | null>(null);
  const host = useRef<HTMLElement>(null);
  useEffect(() => section.subscribe(setView), [section]);

  const onToggle = (e: Event) => {
    if ((e.currentTarget as HTMLDetailsElement).open) section.start();
  };
  const onPrint = (e: MouseEvent) => {
    if (!e.isTrusted || view?.status !== 'ready' || !host.current) return;
    printRecord(host.current, view.record.html);
  };

  return (
    <section class="igp-history" aria-label={i18n.t('history.heading')} ref={host}>
      <details onToggle={onToggle}>
        <summary>{i18n.t('history.heading')}</summary>
        {(view === null || view.status === 'loading') && (
          <p class="igp-detail" role="status">
            {view?.text ?? i18n.t('history.loading')}
          </p>
        )}
        {view?.status === 'failed' && <p class="igp-detail igp-history-failed">{view.text}</p>}
        {view?.status === 'ready' && (
          <div class="igp-history-body">
            {view.repeat && <p class="igp-history-repeat">{view.repeat}</p>}
            {view.counts.length > 0 ? (
              <table class="igp-history-counts">
                <caption>{view.countsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{i18n.t('history.countsModality')}</th>
                    <th scope="col">{i18n.t('history.countsLast12')}</th>
                    <th scope="col">{i18n.t('history.countsAll')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.counts.map((c) => (
                    <tr data-modality={c.modality}>
                      <th scope="row">{c.modality}</th>
                      <td>{c.last12Months}</td>
                      <td>{c.all}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              view.noIonizing && <p class="igp-detail">{view.noIonizing}</p>
            )}
            <ol class="igp-history-list">
              {view.rows.map((r) => (
                <StudyRow row={r} />
              ))}
            </ol>
            {view.more && <p class="igp-detail">{view.more}</p>}
            {view.notes.length > 0 && (
              <ul class="igp-notes igp-history-notes">
                {view.notes.map((n) => (
                  <li>{n}</li>
                ))}
              </ul>
            )}
            <p class="igp-detail">{view.source}</p>
            <button type="button" class="igp-btn igp-history-print" onClick={onPrint}>
              {i18n.t('history.print')}
            </button>
          </div>
        )}
      </details>
    </section>
  );
}

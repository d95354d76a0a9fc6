// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChildHistorySection, printRecord } from '@/components/ChildHistorySection';
import type { HistorySection, HistorySectionView } from '@/content/panel/view-model';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function fakeSection() {
  let listener: ((v: HistorySectionView | null) => void) | null = null;
  const section: HistorySection & { emit(v: HistorySectionView): void } = {
    start: vi.fn(),
    subscribe(l) {
      listener = l;
      l(null);
      return () => (listener = null);
    },
    emit: (v) => act(() => listener?.(v)),
  };
  return section;
}

const READY: HistorySectionView = {
  status: 'ready',
  rows: [
    { date: '2026-11-20', exam: 'CT · <b>CT ABDOMEN</b>', facility: 'Synthetic Childrens Hospital', current: true, numbers: [{ id: 'a-ssde', label: 'SSDE', value: '10.3 mGy', detail: null, source: 'AAPM 204', estimate: false }], notes: [] },
    { date: '2026-03-01', exam: 'Fluoroscopy · VCUG', facility: null, current: false, numbers: [], notes: ['No dose report'] },
  ],
  more: null,
  countsCaption: 'Exams with ionizing radiation on this PACS (to 2026-12-07)',
  counts: [{ modality: 'CT', last12Months: 1, all: 2 }],
  noIonizing: null,
  repeat: 'An earlier CT of the abdomen and pelvis was done on 2026-11-02, 18 days before this exam.',
  notes: [],
  source: 'Read from the site’s own Orthanc REST API',
  record: { html: '<!doctype html><html><body><h1>Imaging record</h1></body></html>' },
};

describe('ChildHistorySection', () => {
  it('starts the reading when opened, then shows the studies, counts and note as text', () => {
    const section = fakeSection();
    act(() => render(<ChildHistorySection section={section} />, root));
    expect(section.start).not.toHaveBeenCalled();
    const details = root.querySelector('details')!;
    act(() => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    expect(section.start).toHaveBeenCalled();
    section.emit(READY);
    expect(root.querySelectorAll('.igp-history-study')).toHaveLength(2);
    expect(root.querySelector('.igp-history-current')?.textContent).toContain('10.3 mGy');
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('tr[data-modality="CT"]')?.textContent).toBe('CT12');
    expect(root.querySelector('.igp-history-repeat')?.textContent).toContain('18 days');
  });

  it('a failed reading is one short note', () => {
    const section = fakeSection();
    act(() => render(<ChildHistorySection section={section} />, root));
    section.emit({ status: 'failed', text: 'could not be read: HTTP 401' });
    expect(root.querySelector('.igp-history-failed')?.textContent).toBe('could not be read: HTTP 401');
    expect(root.querySelector('.igp-history-print')).toBeNull();
  });

  it('ignores a print click the page made', () => {
    const section = fakeSection();
    act(() => render(<ChildHistorySection section={section} />, root));
    section.emit(READY);
    root.querySelector<HTMLButtonElement>('.igp-history-print')!.click();
    expect(root.querySelector('iframe')).toBeNull();
  });
});

describe('printRecord', () => {
  it('prints from a sandboxed iframe without scripts, whose document is the record', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const frame = printRecord(host, READY.status === 'ready' ? READY.record.html : '');
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
    expect(frame.srcdoc).toContain('<h1>Imaging record</h1>');
    expect(frame.getAttribute('src')).toBeNull();
    // A second print replaces the first frame.
    printRecord(host, '<p>2</p>');
    expect(host.querySelectorAll('iframe')).toHaveLength(1);
    host.remove();
  });
});

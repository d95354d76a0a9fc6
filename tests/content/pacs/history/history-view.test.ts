import { afterEach, describe, expect, it } from 'vitest';
import { buildHistoryView, PARENTS_PAGE } from '../../../../content/pacs/history/history-view';
import type { HistoryState } from '../../../../content/pacs/history/history';
import { listStudies, ionizingCounts, recentRepeat, type ListedStudy } from '../../../../content/pacs/history/model';
import { studyDose } from '../../../../content/pacs/history/study-dose';
import { escapeHtml, RECORD_CSP, recordHtml } from '../../../../content/pacs/history/record';
import { setTestLocale } from '../../../setup/i18n-shim';

afterEach(() => setTestLocale('en'));

const BODY = { kind: 'known' as const, cm: 32 as const, code: { value: '113691', scheme: 'DCM', meaning: '' } };
const listed = (key: string, date: string, modalities: string[], description: string, facility: string | null = 'Synthetic Childrens Hospital'): ListedStudy => ({
  key,
  studyDate: date,
  modalities,
  description,
  facility,
  bodyParts: [],
});

function ready(over: Partial<Extract<HistoryState, { status: 'ready' }>> = {}): HistoryState {
  const list = listStudies(
    [listed('a', '20261120', ['CT'], 'CT ABDOMEN PELVIS'), listed('b', '20261102', ['CT'], 'CT ABDOMEN PELVIS'), listed('c', '20260301', ['RF'], 'VCUG <b>x</b>', null)],
    'a',
  );
  const dose = studyDose({
    reports: [{ events: [{ eventUid: null, localizer: false, ctdiVolMGy: 5, phantom: BODY, targetRegion: null, protocol: null, scannerSsde: { mGy: 9, method: null, dwCm: 16 }, dlpMGyCm: 12.5 }], totalDlpMGyCm: null }],
    header: null,
    region: 'abdomen-pelvis',
    ageYears: 4,
  });
  return {
    status: 'ready',
    list,
    counts: ionizingCounts(list.all, '2026-12-07'),
    repeat: recentRepeat(list.all),
    doses: new Map([
      ['a', { state: 'read', dose }],
      ['b', { state: 'pending' }],
    ]),
    today: '2026-12-07',
    source: 'Orthanc REST API',
    ...over,
  };
}

describe('the section, formatted', () => {
  it('rows, counts, the 30-day note, numbers with their sources, and the record', () => {
    const v = buildHistoryView(ready(), 'en');
    if (v?.status !== 'ready') throw new Error();
    expect(v.rows.map((r) => [r.date, r.exam, r.current])).toEqual([
      ['2026-11-20', 'CT · CT ABDOMEN PELVIS', true],
      ['2026-11-02', 'CT · CT ABDOMEN PELVIS', false],
      ['2026-03-01', 'Fluoroscopy · VCUG <b>x</b>', false],
    ]);
    expect(v.counts).toEqual([
      { modality: 'CT', last12Months: 2, all: 2 },
      { modality: 'Fluoroscopy', last12Months: 1, all: 1 },
    ]);
    expect(v.repeat).toBe('An earlier CT of the abdomen and pelvis was done on 2026-11-02, 18 days before this exam.');
    expect(v.rows[0]!.numbers.map((n) => [n.label, n.value, n.estimate])).toEqual([
      ['CTDIvol', '5.0 mGy', false],
      ['DLP', '12.5 mGy·cm', false],
      ['SSDE', '10.3 mGy', false],
    ]);
    expect(v.rows[0]!.numbers[2]!.source).toMatch(/AAPM/);
    expect(v.rows[0]!.numbers[2]!.detail).toContain('Dw from the dose report');
    expect(v.notes).toContain('Reading dose reports…');
    expect(v.record.html).toContain('CTDIvol 5.0 mGy · DLP 12.5 mGy·cm · SSDE 10.3 mGy');
    expect(v.record.html).toContain('VCUG &lt;b&gt;x&lt;/b&gt;');
    expect(v.record.html).not.toContain('<b>');
    expect(v.record.html).toContain(PARENTS_PAGE);
    expect(v.record.html).toContain('lang="en"');
  });

  it('in Spanish: the record and the numbers', () => {
    setTestLocale('es');
    const v = buildHistoryView(ready(), 'es');
    if (v?.status !== 'ready') throw new Error();
    expect(v.rows[0]!.numbers[2]!.value).toBe('10,3 mGy');
    expect(v.record.html).toContain('lang="es"');
    expect(v.record.html).toContain('Registro de imágenes');
    expect(v.repeat).toContain('TC');
  });

  it.each<[string, HistoryState, unknown]>([
    ['not started: nothing', { status: 'idle' }, null],
    ['reading', { status: 'loading' }, { status: 'loading', text: "Reading this child's studies from the PACS…" }],
    ['the API refused', { status: 'failed', note: { code: 'api-unauthorized' } }, { status: 'failed', text: expect.stringContaining('HTTP 401') }],
  ])('%s', (_, state, expected) => expect(buildHistoryView(state, 'en')).toEqual(expected));

  it('only the current study, no ionizing exam: says so, no counts, no 30-day note', () => {
    const list = listStudies([listed('a', '20261120', ['US'], 'US ABDOMEN')], 'a');
    const v = buildHistoryView(ready({ list, counts: [], repeat: null, doses: new Map() }), 'en');
    if (v?.status !== 'ready') throw new Error();
    expect(v.counts).toEqual([]);
    expect(v.noIonizing).toBe('No exams with ionizing radiation on this PACS.');
    expect(v.repeat).toBeNull();
    expect(v.notes).toEqual(['No other studies of this child on this PACS.']);
    expect(v.rows[0]!.numbers).toEqual([]);
  });
});

describe('the printable record', () => {
  const text = { lang: 'en', title: 'T', subtitle: 'S', headers: { date: 'D', exam: 'E', facility: 'F', dose: 'X' }, paragraphs: ['why & how'], footer: 'foot' };
  it('escapes every piece of text and allows no request', () => {
    const html = recordHtml(text, [{ date: '2026-11-20', exam: '<img src=x onerror=alert(1)>', facility: '"Hospital"', dose: '' }]);
    expect(html).not.toMatch(/<img|<script|<link|<a\s|<iframe/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(`content="${escapeHtml(RECORD_CSP)}"`);
    expect(RECORD_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(html).toContain('<p>why &amp; how</p>');
  });
});

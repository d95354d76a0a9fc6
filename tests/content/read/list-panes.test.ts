/**
 * One patient at a time on lists: a worklist, queue or board of other people beside a pane of one patient (a detail
 * card with the patient's name or record number and a labelled birth date or age) — the pane is the open record,
 * whether the list marks its row selected only by styling or not at all. Without the pane, nobody's exam.
 * Minimal layouts written for the test (none is a corpus page), with negatives.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T14:00:00Z');
const URL_ = 'https://ris.example.org/tech/worklist';

function read(body: string, options: AnalyzeOptions = {}): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`), URL_, { now: NOW, ...options });
}

/** A table worklist under the application's bar titled as a list; its rows carry ages; no row is marked selected. */
const TABLE_LIST = `<h2>CT Technologist Worklist</h2><div class="user">12/07/2026 · J. Marsh, RT(CT)</div>
  <div class="wrap"><div class="left"><table>
    <tr><td>Time</td><td>Patient</td><td>Age</td><td>Exam</td><td>Status</td></tr>
    <tr class="hl"><td>07:30</td><td>Fenwick, Ada</td><td>2 yrs</td><td>CT HEAD WO CONTRAST</td><td>Arrived</td></tr>
    <tr><td>08:10</td><td>Lowe, Carl</td><td>58 yrs</td><td>CT CHEST W CONTRAST</td><td>Scheduled</td></tr>
    <tr><td>09:00</td><td>Marsh, Tia</td><td>12 yrs</td><td>CT SINUS WO</td><td>Scheduled</td></tr>
  </table></div>`;

const SPAN_PANE = (dob: string, age: string, exam: string) => `<div class="detail">
    <div class="card"><b>Patient</b><div><span>Name</span><span>FENWICK, ADA</span></div><div><span>DOB</span><span>${dob}</span></div>
      <div><span>Age</span><span>${age}</span></div><div><span>MRN</span><span>HX-2093311</span></div></div>
    <div class="card"><b>Exam</b><div><span>Procedure</span><span>${exam}</span></div><div><span>Status</span><span>Patient arrived</span></div>
      <div><span>Indication</span><span>Fall from bed, vomiting x2</span></div></div></div></div>`;

describe('a worklist beside a detail pane: the pane is the open record', () => {
  test('table list under a list title, pane of label/value spans: the child and her CT', () => {
    const a = read(TABLE_LIST + SPAN_PANE('03/15/2024', '2 yrs', 'CT HEAD WITHOUT CONTRAST'));
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(997); // 2024-03-15 → 2026-12-07 (arrived today)
    expect(a.modality).toBe('CT');
    expect(a.campaigns).toEqual(['ct']);
  });

  test('div-grid queue (ARIA rows), pane as a definition list: the infant and the fluoroscopy', () => {
    const a = read(`<header><h1>Fluoroscopy Queue</h1></header>
      <div role="grid"><div role="row"><span role="columnheader">Patient</span><span role="columnheader">Age</span><span role="columnheader">Procedure</span></div>
        <div role="row"><span role="gridcell">Okafor, Nia</span><span role="gridcell">5 mo</span><span role="gridcell">FL UPPER GI</span></div>
        <div role="row"><span role="gridcell">Hale, Roy</span><span role="gridcell">71 y</span><span role="gridcell">FL ESOPHAGRAM</span></div>
        <div role="row"><span role="gridcell">Nunez, Eva</span><span role="gridcell">9 y</span><span role="gridcell">FL VCUG</span></div></div>
      <section class="pane"><dl><dt>Patient</dt><dd>Okafor, Nia</dd><dt>Date of birth</dt><dd>07/02/2026</dd><dt>Sex</dt><dd>F</dd></dl>
        <dl><dt>Procedure</dt><dd>FL UPPER GI SERIES</dd><dt>Scheduled</dt><dd>12/07/2026 10:30</dd></dl></section>`);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(158); // 2026-07-02 → 2026-12-07
    expect(a.modality).toBe('RF');
    expect(a.campaigns).toEqual(['fluoroscopy']);
  });

  test('Spanish: lista de trabajo and a ficha of label/value rows (table)', () => {
    const a = read(`<div class="cab">Lista de trabajo — Radiología</div>
      <table><tr><td>Hora</td><td>Paciente</td><td>Edad</td><td>Estudio</td></tr>
        <tr><td>08:00</td><td>RUIZ, Pablo</td><td>7 años</td><td>RX tórax PA</td></tr>
        <tr><td>08:20</td><td>SOTO, Ana</td><td>64 años</td><td>RX rodilla</td></tr></table>
      <div class="ficha"><table><tr><td>Paciente</td><td>RUIZ, Pablo</td></tr><tr><td>Fecha de nacimiento</td><td>02/05/2019</td></tr>
        <tr><td>Historia clínica</td><td>440921</td></tr><tr><td>Estudio</td><td>RX TÓRAX PA Y LATERAL</td></tr><tr><td>Fecha</td><td>07/12/2026</td></tr></table></div>`);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(2776); // 2019-05-02 → 2026-12-07
    expect(a.modality).toBe('DX');
  });

  test('negative: the same list without a pane — nobody\'s exam', () => {
    const a = read(`${TABLE_LIST}</div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
    expect(a.modality).toBeNull();
  });

  test('negative: an adult in the pane stays an adult, whatever the children of the list', () => {
    const a = read(TABLE_LIST + SPAN_PANE('05/30/1968', '58 yrs', 'CT CHEST WITH CONTRAST'));
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 58 * 365).toBe(true);
    expect(a.modality).toBe('CT');
  });

  test('negative: a child in the pane with an MR exam has no ionizing campaign', () => {
    const a = read(TABLE_LIST + SPAN_PANE('03/15/2024', '2 yrs', 'MRI BRAIN WO CONTRAST'));
    expect(a.ageDays).toBe(997);
    expect(a.modality).toBe('MR');
    expect(a.campaigns).toEqual([]);
  });

  test('negative: a card of two people (the patient and a sibling) is no one patient\'s pane', () => {
    const a = read(`${TABLE_LIST}<div class="detail"><div><span>Name</span><span>FENWICK, ADA</span></div><div><span>DOB</span><span>03/15/2024</span></div>
      <div><span>Name</span><span>FENWICK, OLA</span></div><div><span>DOB</span><span>06/01/2019</span></div></div></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
  });

  test('a row marked selected and the pane of the same patient: the pane\'s birth date dates the age, not the row\'s rounded age', () => {
    const a = read(TABLE_LIST.replace('<tr class="hl">', '<tr class="selected">') + SPAN_PANE('03/15/2024', '2 yrs', 'CT HEAD WITHOUT CONTRAST'));
    expect(a.ageDays).toBe(997);
    expect(a.modality).toBe('CT');
  });

  test('negative: a selected row beside a pane of another patient — the pane is not the row\'s record', () => {
    const a = read(TABLE_LIST.replace('<tr class="hl">', '<tr class="selected">') + SPAN_PANE('03/15/2024', '2 yrs', 'CT HEAD WITHOUT CONTRAST').replace('FENWICK, ADA', 'LOWE, CARL').replace('HX-2093311', 'HX-1190044'));
    expect(a.ageDays).toBe(730); // the selected row's "2 yrs", as shown
  });
});

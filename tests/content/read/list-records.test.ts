/**
 * Lists of exams whatever their markup: each row a record with its own age at its own date (a birth date and an
 * exam/scheduled date are enough), whether the list is a table, a div grid with a header row, an ARIA grid, a list
 * of cards or options with no header; and a list with no row open is nobody's exam. Minimal layouts written for
 * the test (none is a corpus page).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-24T15:00:00Z');
const URL_ = 'https://ris.example.org/app/worklist';

function read(body: string, options: AnalyzeOptions = {}): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), URL_, { now: NOW, ...options });
}

function pediatricDescriptions(a: PageAnalysis): string[] {
  return a.records.filter((r) => r.pediatric && r.campaigns.length > 0).map((r) => r.description ?? '');
}

describe('a list whose rows carry a birth date and an exam date (no age column)', () => {
  test('ARIA grid: role=grid/row/gridcell, header in its own rowgroup; 18 the day after the birthday is adult', () => {
    const a = read(`<div class="toolbar">Telerad worklist · Tuesday</div>
      <div role="grid" aria-label="Worklist">
        <div role="rowgroup"><div role="row"><span role="columnheader">Patient</span><span role="columnheader">DOB</span><span role="columnheader">Exam date</span><span role="columnheader">Mod</span><span role="columnheader">Procedure</span><span role="columnheader">Site</span></div></div>
        <div role="rowgroup">
          <div role="row"><span role="gridcell">Ames, Lia</span><span role="gridcell">2019-03-02</span><span role="gridcell">2026-11-24</span><span role="gridcell">CT</span><span role="gridcell">CT head without contrast</span><span role="gridcell">North ED</span></div>
          <div role="row"><span role="gridcell">Boyd, Sam</span><span role="gridcell">2008-11-23</span><span role="gridcell">2026-11-24</span><span role="gridcell">CT</span><span role="gridcell">CT chest with contrast</span><span role="gridcell">North ED</span></div>
          <div role="row"><span role="gridcell">Cruz, Noa</span><span role="gridcell">2008-11-25</span><span role="gridcell">2026-11-24</span><span role="gridcell">DX</span><span role="gridcell">XR ankle 3 views</span><span role="gridcell">Urgent care</span></div>
          <div role="row"><span role="gridcell">Diaz, Eve</span><span role="gridcell">2021-06-10</span><span role="gridcell">2026-11-23</span><span role="gridcell">US</span><span role="gridcell">US abdomen complete</span><span role="gridcell">Peds clinic</span></div>
          <div role="row"><span role="gridcell">Engel, Max</span><span role="gridcell">2015-01-30</span><span role="gridcell">2026-11-23</span><span role="gridcell">MR</span><span role="gridcell">MR brain</span><span role="gridcell">Peds neuro</span></div>
          <div role="row"><span role="gridcell">Falk, Ola</span><span role="gridcell">1961-07-14</span><span role="gridcell">2026-11-23</span><span role="gridcell">CT</span><span role="gridcell">CT abdomen pelvis</span><span role="gridcell">Oncology</span></div>
        </div>
      </div>`);
    expect(a.records).toHaveLength(6);
    expect(pediatricDescriptions(a)).toEqual(['CT head without contrast', 'XR ankle 3 views']);
    expect(a.records[1]!.pediatric).toBe(false); // 18 since yesterday
    expect(a.records[2]!.pediatric).toBe(true); // 18 tomorrow
    expect(a.records[3]!.pediatric).toBe(true); // a child, but US
    expect(a.records[3]!.campaigns).toEqual([]);
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBeNull();
  });

  test('plain div rows under a header row of labels, Spanish (F. nacimiento, Fecha programada, Prestación)', () => {
    const a = read(`<h2>Agenda TC — sala 2</h2>
      <div class="lista">
        <div class="cab"><div>Paciente</div><div>Fecha de nacimiento</div><div>Fecha programada</div><div>Modalidad</div><div>Prestación</div></div>
        <div class="fila"><div>GIL PONS, Ana</div><div>14/02/2016</div><div>25/11/2026</div><div>CT</div><div>TC de tórax con contraste</div></div>
        <div class="fila"><div>RUIZ SOLER, Pau</div><div>03/09/1975</div><div>25/11/2026</div><div>CT</div><div>TC abdomen</div></div>
        <div class="fila"><div>MARÍN RÍOS, Leo</div><div>30/12/2022</div><div>26/11/2026</div><div>MR</div><div>RM cerebral</div></div>
        <div class="fila"><div>SANZ VIDAL, Eva</div><div>01/08/2012</div><div>26/11/2026</div><div>CR</div><div>Radiografía de tórax PA</div></div>
      </div>`);
    expect(a.records).toHaveLength(4);
    expect(pediatricDescriptions(a)).toEqual(['TC de tórax con contraste', 'Radiografía de tórax PA']);
    expect(a.records[0]!.ageBasis).toBe('scheduled');
    expect(a.records[2]!.campaigns).toEqual([]);
    expect(a.modality).toBeNull();
  });

  test('a table with DOB and Scheduled columns only (MWL-style), no age anywhere', () => {
    const a = read(`<table class="mwl"><thead><tr><th>Name</th><th>Birth Date</th><th>SPS Start Date</th><th>Modality</th><th>Requested Procedure</th></tr></thead><tbody>
      <tr><td>POE^ADA</td><td>20230709</td><td>20261124</td><td>RF</td><td>VOIDING CYSTOURETHROGRAM</td></tr>
      <tr><td>ROE^TED</td><td>19830130</td><td>20261124</td><td>MR</td><td>MR KNEE</td></tr>
      <tr><td>LEE^KIM</td><td>20081125</td><td>20261124</td><td>CT</td><td>CT HEAD WO CONTRAST</td></tr></tbody></table>`);
    expect(a.records).toHaveLength(3);
    expect(pediatricDescriptions(a)).toEqual(['VOIDING CYSTOURETHROGRAM', 'CT HEAD WO CONTRAST']);
  });
});

describe('a list of cards or options with no header: each item a record', () => {
  test('a procedure board of case cards ("4 mo · M"), cath and EP cases; a TEE is not ionizing', () => {
    const a = read(`<div class="bar">Procedure board · 11/24/2026</div><div class="rooms">
      <div class="room"><div class="room-h">Lab 1 · Congenital</div>
        <div class="case"><span class="t">07:30</span><div class="pt">RAND, ELI · 4 mo · M</div><div class="proc">Diagnostic cardiac cath, right and left heart</div><div class="sub">Dr. Moss · GA</div></div>
        <div class="case"><span class="t">11:00</span><div class="pt">BABY BOY OWEN · 3 d · M</div><div class="proc">Balloon atrial septostomy</div><div class="sub">NICU transport</div></div>
        <div class="case"><span class="t">13:00</span><div class="pt">HART, JUNE · 12 y · F</div><div class="proc">Transesophageal echocardiogram under sedation</div><div class="sub">pre-cardioversion</div></div>
      </div>
      <div class="room"><div class="room-h">Lab 2 · Adult</div>
        <div class="case"><span class="t">08:00</span><div class="pt">STONE, DALE · 67 y · M</div><div class="proc">Coronary angiography, possible PCI</div><div class="sub">NSTEMI, chest pain for 2 weeks</div></div>
      </div></div>`);
    expect(pediatricDescriptions(a)).toEqual(['Diagnostic cardiac cath, right and left heart', 'Balloon atrial septostomy']);
    expect(a.records.find((r) => r.description?.startsWith('Transesophageal'))?.campaigns).toEqual([]);
    // The 67-year-old's case is a record with its age; an adult's exam is not worked out (the panel lists children).
    expect(a.records.filter((r) => r.ageDays !== null && r.ageDays > 60 * 365).map((r) => [r.pediatric, r.description, r.campaigns])).toEqual([[false, null, []]]);
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBeNull();
  });

  test('a listbox of requests ("F 6Y"), one selected: every option is a record, the selected one is the exam', () => {
    const a = read(`<div role="listbox" aria-label="Requests">
        <div role="option" aria-selected="false"><span>Holm, Maja</span><span>F 6Y</span><span>X-ray wrist left</span><span>2026-11-18</span></div>
        <div role="option" aria-selected="false"><span>Berg, Lars</span><span>M 72Y</span><span>CT abdomen with contrast</span><span>2026-11-18</span></div>
        <div role="option" aria-selected="true"><span>Dahl, Elias</span><span>M 9Y</span><span>CT head</span><span>2026-11-17</span></div>
        <div role="option" aria-selected="false"><span>Nord, Ebba</span><span>F 15Y</span><span>Ultrasound abdomen</span><span>2026-11-16</span></div>
      </div>
      <div class="detail"><span class="name">Dahl, Elias</span> <span>M 9Y</span><div><span class="k">Requested examination</span> <span>CT head</span></div></div>`);
    expect(pediatricDescriptions(a)).toEqual(['X-ray wrist left', 'CT head']);
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('CT');
  });

  test('rows that name no exam (a census of patients) are not exam records', () => {
    const a = read(`<ul class="census"><li><span>Dahl, Ida</span> <span>6 y.o. F</span> <span>Bed 4</span></li>
      <li><span>Berg, Ola</span> <span>45 y.o. M</span> <span>Bed 5</span></li></ul>`);
    expect(a.records).toHaveLength(0);
  });
});

describe('a list with no row open is nobody\'s exam', () => {
  test('a reading worklist table with AS ages and a folder pane naming "Unread CT"', () => {
    const a = read(`<div id="folders"><div class="fold">My queue</div><div class="fold sel">All unread</div><div class="fold">Unread CT</div><div class="fold">Unread Peds</div></div>
      <table><thead><tr><th>Status</th><th>Patient Name</th><th>Age</th><th>Procedure Description</th><th>Mod</th><th>Exam Date</th></tr></thead><tbody>
      <tr><td>Unread</td><td>MORA, DIEGO</td><td>012Y</td><td>CT ABDOMEN PELVIS W CONTRAST</td><td>CT</td><td>11/24/2026</td></tr>
      <tr><td>Unread</td><td>PATIL, ANA</td><td>005M</td><td>CR CHEST 1 VIEW</td><td>CR</td><td>11/24/2026</td></tr>
      <tr><td>Unread</td><td>OKAFOR, G</td><td>045Y</td><td>CT CHEST WO</td><td>CT</td><td>11/24/2026</td></tr></tbody></table>`);
    expect(a.records.filter((r) => r.pediatric)).toHaveLength(2);
    expect(a.modality).toBeNull();
    expect(a.campaigns).toEqual([]);
  });

  test('a protocoling queue of cards with a title naming CT, no card open', () => {
    const a = read(`<h2 class="title">CT protocol queue</h2>
      <div class="q"><div class="item"><b>Lund, Kai</b> <span>9 y.o. M</span> <span>CT abdomen pelvis with contrast</span></div>
      <div class="item"><b>Berg, Ola</b> <span>71 y.o. M</span> <span>CT chest</span></div></div>`);
    expect(a.modality).toBeNull();
    expect(a.pediatric).toBe(false);
    expect(pediatricDescriptions(a)).toEqual(['CT abdomen pelvis with contrast']);
  });
});

describe('a list of the patient\'s earlier exams is history, not records', () => {
  test('a "Recent imaging" table under a chart whose exam is an ultrasound: no pediatric record, no list', () => {
    const a = read(`<div class="sb"><span>Finch, Ivy</span> <span>MRN 4471902</span> <span>Female, 5 wk.o., 10/20/2026</span></div>
      <h2>US ABDOMEN LIMITED (PYLORUS)</h2>
      <h3>Recent Imaging</h3>
      <table><thead><tr><th>Exam</th><th>Date</th><th>Status</th></tr></thead><tbody>
        <tr><td>XR ABDOMEN 1 VIEW</td><td>11/18/2026</td><td>Final</td></tr></tbody></table>`);
    expect(a.modality).toBe('US');
    expect(a.records.filter((r) => r.pediatric && r.campaigns.length > 0)).toHaveLength(0);
  });

  test('Spanish: "Estudios anteriores" grid under the open exam', () => {
    const a = read(`<div class="cab"><span>PONS GIL, Nora</span> <span>NHC 0082311</span> <span>Edad: 8 años</span></div>
      <div><span class="et">Prestación</span> <span>RM de rodilla</span></div>
      <div class="titulo">Estudios anteriores</div>
      <div class="lista"><div class="c"><div>Fecha</div><div>Estudio</div><div>Modalidad</div></div>
        <div class="f"><div>02/10/2025</div><div>Radiografía de rodilla</div><div>CR</div></div>
        <div class="f"><div>12/01/2024</div><div>TC de rodilla</div><div>CT</div></div></div>`);
    expect(a.modality).toBe('MR');
    expect(a.records.filter((r) => r.pediatric && r.campaigns.length > 0)).toHaveLength(0);
  });
});


describe("an adult's row is kept with its age only: its exam is not worked out (the panel lists children's rows)", () => {
  const head = ['Patient', 'DOB', 'Exam date', 'Mod', 'Procedure'];
  const body = [
    ['Gray, Ida', '2016-04-02', '2026-11-24', 'CT', 'CT head without contrast'],
    ['Hale, Rob', '1970-05-06', '2026-11-24', 'CT', 'CT abdomen pelvis with contrast'],
    ['Ives, Kim', '', '2026-11-24', '', 'PEDS chest XR 2 views'],
    ['Jota, Leo', '2012-09-09', '2026-11-24', 'PT\\CT', 'PET/CT whole body FDG'],
  ];
  const expected = [
    [true, 'CT head without contrast', ['ct']],
    [false, null, []],
    // No age: the exam is worked out (a pediatric protocol makes the row pediatric).
    [true, 'PEDS chest XR 2 views', ['radiography']],
    [true, 'PET/CT whole body FDG', ['nuclear-medicine', 'ct']],
  ];
  const summary = (a: PageAnalysis) => a.records.map((r) => [r.pediatric, r.description, r.campaigns]);
  test('a table', () => {
    const a = read(`<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
      <tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    expect(summary(a)).toEqual(expected);
  });
  test('a div grid with a header row', () => {
    const a = read(`<div class="grid"><div class="hd">${head.map((h) => `<span>${h}</span>`).join('')}</div>
      ${body.map((r) => `<div class="row">${r.map((c) => `<span>${c}</span>`).join('')}</div>`).join('')}</div>`);
    expect(summary(a)).toEqual(expected);
  });
  test('rows of cards with no header', () => {
    const a = read(`<ul class="cases">${body
      .map((r) => `<li><b>${r[0]}</b> · DOB ${r[1] || '—'} · ${r[2]} · <span>${r[4]}</span></li>`)
      .join('')}</ul>`);
    expect(a.records).toHaveLength(4);
    expect(a.records.filter((r) => !r.pediatric).every((r) => r.description === null && r.campaigns.length === 0)).toBe(true);
  });
});

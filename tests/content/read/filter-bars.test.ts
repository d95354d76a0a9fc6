/**
 * A page's search or filter controls say what to look for, not which exam is open (layouts written for the test): a
 * filter bar of modality check boxes and a date range, a search form's criteria line and saved search, a search
 * region's `<select>` of modalities, a fieldset titled "Filter", a facet list of modality counts ("CT (12)"), a line
 * that opens with "Filtered by:", a "Search" heading over the form before its list. None of them names the exam or
 * adds a modality or a campaign; the selected row of the list below still names its exam.
 * Negatives: an order form's chosen modality and exam still count; a filter bar over a worklist with nothing
 * selected is no one's exam; a block titled as a filter that holds the list itself still lists it; an MR stays MR.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Worklist</title></head><body>${body}</body></html>`), 'https://ris.example-imaging.org/worklist', { now: NOW });
const exam = (a: PageAnalysis) => ({ modality: a.modality, campaigns: [...a.campaigns].sort(), pediatric: a.pediatric });
const header = `<div class="pt-header"><span>Patient: BRENNAN, Liam</span> <span>DOB: 04/23/2016</span> <span>MRN 3344120</span></div>`;

describe("a filter or search form's criteria are a query, not the open exam", () => {
  const cases: ReadonlyArray<readonly [string, string, string, readonly string[]]> = [
    [
      'filter bar of modality check boxes (CT and DX checked) and a date range, over an MRI',
      `<div class="filter-bar"><span>Modality:</span> <label><input type="checkbox" checked> CT</label> <label><input type="checkbox" checked> DX</label> <label><input type="checkbox"> MR</label> <span>Date range: 12/01/2026 – 12/07/2026</span></div>
       ${header}<div class="exam"><b>Exam:</b> MRI brain without contrast</div>`,
      'MR',
      [],
    ],
    [
      "a search form's criteria line and saved search, over an ultrasound",
      `<form class="search-form"><div>Search criteria — Modality: CT, DX · Status: Scheduled · Saved search: My CT list</div><button>Search</button></form>
       ${header}<div>Procedure: US abdomen complete</div>`,
      'US',
      [],
    ],
    [
      "a search region's select of modalities (CT chosen) and a from date, over a renal ultrasound",
      `<div role="search"><label>Modality <select><option>All</option><option selected>CT</option><option>MR</option></select></label> <label>From <input value="12/01/2026"></label></div>
       ${header}<div>Exam: US renal</div>`,
      'US',
      [],
    ],
    [
      'a fieldset titled "Filter" with a modality select (CT), over a hip radiograph',
      `<fieldset><legend>Filter</legend><label for="m">Modality</label><select id="m"><option selected>CT</option><option>MR</option></select><label for="d">Date</label><input id="d" value="12/07/2026"></fieldset>
       ${header}<p>Order: XR hip 2 views</p>`,
      'DX',
      ['radiography'],
    ],
    [
      'a facet list of modality counts in a side panel, over an MRI of the knee',
      `<div class="facets"><div class="facet-title">Modality</div><ul><li><label><input type="checkbox" checked> CT (12)</label></li><li><label><input type="checkbox"> DX (30)</label></li><li><label><input type="checkbox"> MR (4)</label></li></ul></div>
       ${header}<div>Study: MR knee left without contrast</div>`,
      'MR',
      [],
    ],
    [
      'a line that opens with "Filtered by:", over a renal ultrasound',
      `<div class="crumbs">Filtered by: Modality: CT · Date range: Last 7 days · Saved search: My CT list</div>
       ${header}<div>Exam: US renal</div>`,
      'US',
      [],
    ],
    [
      'a "Search" heading over its form, then the exam in the next panel',
      `<div class="panel"><h3>Search</h3><div>Modality: CT, DX</div><div>Date range: 12/01/2026 – 12/07/2026</div></div>
       ${header}<div>Exam: US renal</div>`,
      'US',
      [],
    ],
    [
      'Spanish: a "Filtros" bar (Modalidad: TC, RX) over an ultrasound',
      `<div class="filtros"><b>Filtros</b> <span>Modalidad: TC, RX</span> <span>Rango de fechas: 01/12/2026 – 07/12/2026</span></div>
       <div>Paciente: SOTO, Ana · Fecha de nacimiento: 14/03/2020</div><div>Estudio: Ecografía abdominal</div>`,
      'US',
      [],
    ],
    [
      'a bar of modality chips and a date range with its Apply command, no class or title saying filter',
      `<div class="bar">Modality: <span class="chip on">CT</span> <span class="chip">MR</span> · Date range: Last 7 days <button>Apply</button></div>
       ${header}<div>Exam: US renal</div>`,
      'US',
      [],
    ],
    [
      'a bar of labelled selects (Modality: CT) with its Search command, no class or title saying filter',
      `<div class="top"><label>Modality</label> <select><option selected>CT</option><option>MR</option></select> <label>Status</label> <select><option selected>Scheduled</option></select> <input type="submit" value="Search"></div>
       ${header}<div>Exam: US renal</div>`,
      'US',
      [],
    ],
    [
      'facet check boxes with counts (CT ticked), no class or title saying filter',
      `<div class="left"><div><b>Modality</b></div><label><input type="checkbox" checked> CT (12)</label><label><input type="checkbox"> DX (30)</label><label><input type="checkbox"> MR (4)</label></div>
       ${header}<div>Exam: MRI brain without contrast</div>`,
      'MR',
      [],
    ],
  ];
  test.each(cases)('%s', (_, body, modality, campaigns) => {
    const a = read(body);
    expect(exam(a)).toEqual({ modality, campaigns, pediatric: true });
  });

  test('a worklist under filter chips (CT, DX on): the selected row names its exam', () => {
    const a = read(`<div class="filters">Modality: <span class="chip on">CT</span><span class="chip on">DX</span> Date range: Today</div>
      <table><thead><tr><th>Patient</th><th>DOB</th><th>Exam</th><th>Date</th></tr></thead><tbody>
      <tr><td>KIM, Joon</td><td>03/03/1960</td><td>MR lumbar spine</td><td>12/07/2026</td></tr>
      <tr aria-selected="true" class="selected"><td>NG, Lily</td><td>03/23/2018</td><td>US hip</td><td>12/07/2026</td></tr></tbody></table>`);
    expect(exam(a)).toEqual({ modality: 'US', campaigns: [], pediatric: true });
  });
  test("a worklist under a filter form: the selected row's CT is the exam", () => {
    const a = read(`<form class="search"><label for="m">Modality</label><select id="m"><option selected>MR</option></select><label for="q">Patient</label><input id="q" value="NG"></form>
      <table><thead><tr><th>Patient</th><th>DOB</th><th>Exam</th><th>Date</th></tr></thead><tbody>
      <tr><td>KIM, Joon</td><td>03/03/1960</td><td>MR lumbar spine</td><td>12/07/2026</td></tr>
      <tr aria-selected="true" class="selected"><td>NG, Lily</td><td>03/23/2018</td><td>CT abdomen pelvis with contrast</td><td>12/07/2026</td></tr></tbody></table>`);
    expect(exam(a)).toEqual({ modality: 'CT', campaigns: ['ct'], pediatric: true });
  });
});

describe('negatives: what is not a filter still counts, and a filter opens nothing', () => {
  test("an order form's chosen modality and exam still name the exam", () => {
    const a = read(`<form class="order-form">${header}<label for="m">Modality</label><select id="m"><option>MR</option><option selected>CT</option></select>
      <label for="p">Procedure</label><select id="p"><option selected>CT head without contrast</option></select><button>Sign order</button></form>`);
    expect(exam(a)).toEqual({ modality: 'CT', campaigns: ['ct'], pediatric: true });
  });
  test('an order line with a Search command beside its procedure field still names the exam', () => {
    const a = read(`${header}<div class="order-line"><label for="p">Procedure</label><input id="p" value="CT head without contrast"> <button>Search</button></div><div>Priority: Routine</div>`);
    expect(exam(a)).toEqual({ modality: 'CT', campaigns: ['ct'], pediatric: true });
  });
  test("a small order form with a patient lookup's Search command: its patient, modality and exam still count", () => {
    const a = read(`<form class="new-order"><div><label for="q">Find patient</label><input id="q" value="BRENNAN"> <button>Search</button></div>
      <div>Patient: BRENNAN, Liam · DOB: 04/23/2016</div><label for="m">Modality</label><select id="m"><option selected>CT</option><option>MR</option></select>
      <label for="e">Exam</label><select id="e"><option selected>CT head without contrast</option></select></form>`);
    expect(exam(a)).toEqual({ modality: 'CT', campaigns: ['ct'], pediatric: true });
  });
  test("a viewer's small tool bar with a Search command beside the study's description keeps the exam", () => {
    const a = read(`${header}<div class="study-bar"><span>CT HEAD WO CONTRAST</span> <select aria-label="Series"><option selected>Series 2 · Axial 5 mm</option></select> <input placeholder="Find in report"><button>Search</button></div>`);
    expect(exam(a)).toEqual({ modality: 'CT', campaigns: ['ct'], pediatric: true });
  });
  test('a box of appropriateness criteria is no filter: its exam still counts', () => {
    const a = read(`${header}<div class="criteria"><div>Exam: CT head without contrast</div><div>Appropriateness criteria: usually appropriate</div></div>`);
    expect(exam(a)).toEqual({ modality: 'CT', campaigns: ['ct'], pediatric: true });
  });
  test('a filter bar over a worklist with no row selected: no one\'s exam', () => {
    const a = read(`<div class="filter-bar">Modality: <label><input type="checkbox" checked> CT</label> Date range: Today</div>
      <table><thead><tr><th>Patient</th><th>DOB</th><th>Exam</th><th>Date</th></tr></thead><tbody>
      <tr><td>KIM, Joon</td><td>03/03/1960</td><td>MR lumbar spine</td><td>12/07/2026</td></tr>
      <tr><td>NG, Lily</td><td>03/23/2018</td><td>CT head</td><td>12/07/2026</td></tr></tbody></table>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
  });
  test("a block classed as a search that holds the list itself still lists it: the selected row's CT", () => {
    const a = read(`<div class="search-page"><div>Modality: MR</div>
      <table><thead><tr><th>Patient</th><th>DOB</th><th>Exam</th><th>Date</th></tr></thead><tbody>
      <tr><td>KIM, Joon</td><td>03/03/1960</td><td>MR lumbar spine</td><td>12/07/2026</td></tr>
      <tr aria-selected="true" class="selected"><td>NG, Lily</td><td>03/23/2018</td><td>CT head without contrast</td><td>12/07/2026</td></tr></tbody></table></div>`);
    expect(exam(a)).toEqual({ modality: 'CT', campaigns: ['ct'], pediatric: true });
  });
  test('an adult under a filter of pediatric and CT chips stays an adult with an MR', () => {
    const a = read(`<div class="filters"><span class="chip on">Peds</span> <span class="chip on">CT</span></div>
      <div class="pt-header"><span>Patient: HOLM, Erik</span> <span>DOB: 02/14/1961</span></div><div>Exam: MRI lumbar spine</div>`);
    expect(exam(a)).toEqual({ modality: 'MR', campaigns: [], pediatric: false });
  });
});

describe("a worklist's bar of criteria with a command styled as a button (a <span class=\"btn\">, role=\"button\") is a query", () => {
  const list = (selected: string) => `<table><thead><tr><th>Patient</th><th>DOB</th><th>Procedure</th><th>Date</th></tr></thead><tbody>
      <tr><td>KIM, Joon</td><td>03/03/1960</td><td>CT chest with contrast</td><td>12/07/2026</td></tr>
      <tr class="sel"><td>NG, Lily</td><td>03/23/2018</td><td>${selected}</td><td>12/07/2026</td></tr></tbody></table>`;
  test("a plain bar of selects naming two modalities, with a 'Refresh' span: the selected row's ultrasound is the exam", () => {
    const a = read(`<div class="subbar"><label>Worklist <select><option>Ultrasound + ED</option></select></label>
      <label>Modality <select><option>US (+ED CT)</option></select></label><label>Date <input value="12/07/2026"></label>
      <span class="btn">Refresh</span><span class="btn">Print list</span></div>${list('US appendix limited')}`);
    expect(exam(a)).toEqual({ modality: 'US', campaigns: [], pediatric: true });
  });
  test("a Spanish bar of criteria with an 'Actualizar' command of role button: the selected row's MRI", () => {
    const a = read(`<div class="barra"><span>Modalidad</span> <select><option selected>TC, RM</option></select> <span>Sala</span> <select><option selected>TC-1, RM-2</option></select>
      <a role="button" href="#">Actualizar</a></div>${list('RM cerebral sin contraste')}`, 'es');
    expect(exam(a)).toEqual({ modality: 'MR', campaigns: [], pediatric: true });
  });
  test('negative: an order form whose button-styled command signs the order keeps its chosen modality', () => {
    const a = read(`${header}<div class="order"><label>Modality <select><option selected>CT</option></select></label>
      <label>Procedure <select><option selected>CT head without contrast</option></select></label><span class="btn">Sign order</span></div>`);
    expect(exam(a)).toEqual({ modality: 'CT', campaigns: ['ct'], pediatric: true });
  });
  test("negative: a 'Refresh' link that is no button beside a chart's modality field keeps it", () => {
    const a = read(`${header}<div class="exam-card"><span>Modality:</span> <select><option selected>CT</option></select> <span>Exam: CT head without contrast</span> <a href="#">Refresh</a></div>`);
    expect(exam(a)).toEqual({ modality: 'CT', campaigns: ['ct'], pediatric: true });
  });
});

/**
 * Schedule and worklist pages: a heading naming the service and the day is the list's title, never the exam; the case
 * the page has open (a highlighted row, a "Selected case" drawer, a detail pane naming the selected row's patient) is
 * the open record, its birth date included; a list with nothing open is nobody's exam; a chart's banner keeps a
 * schedule sidebar's highlighted row someone else's. Each on layouts written for the test (tables, div lists, drawers).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-08T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>Schedule</title></head><body>${body}</body></html>`), 'https://cvis.example.org/board', { now: NOW });

const CATH_ROWS = (selected: boolean) => `<table><thead><tr><th>Time</th><th>Lab</th><th>Patient</th><th>DOB</th><th>Procedure</th><th>Attending</th><th>Status</th></tr></thead><tbody>
  <tr><td>07:30</td><td>Cath 1</td><td>ABARA, CHUKWUDI</td><td>08/02/2026</td><td>Diagnostic cardiac catheterization</td><td>Whitcombe</td><td>In room</td></tr>
  <tr${selected ? ' class="row-selected" aria-selected="true"' : ''}><td>09:00</td><td>EP</td><td>DUBOIS, CHLOE</td><td>04/19/2011</td><td>EP study with SVT ablation</td><td>Sorensen</td><td>Pre-op</td></tr>
  <tr><td>11:00</td><td>Cath 2</td><td>MORRISON, DALE</td><td>01/12/1959</td><td>Left heart cath, coronary angiography</td><td>Ferreira</td><td>Scheduled</td></tr></tbody></table>`;
const DRAWER = `<aside class="drawer"><h2>Selected case</h2>
  <div class="f"><span class="k">Patient</span><span>DUBOIS, CHLOE</span></div><div class="f"><span class="k">MRN</span><span>40218833</span></div>
  <div class="f"><span class="k">DOB</span><span>04/19/2011</span></div><div class="f"><span class="k">Procedure</span><span>EP study with SVT ablation</span></div>
  <div class="f"><span class="k">Scheduled</span><span>12/08/2026 09:00</span></div></aside>`;
/** DUBOIS, CHLOE born 2011-04-19, at 2026-12-08. */
const CHLOE_DAYS = 5712;

describe('a schedule page: the heading is its title, the open case is the record', () => {
  test('"Cath & EP Schedule — Tuesday …" over a table with a highlighted row and a "Selected case" drawer', () => {
    const a = read(`<h1>Cath &amp; EP Schedule — Tuesday, December 8, 2026</h1>${CATH_ROWS(true)}${DRAWER}`);
    expect([a.pediatric, a.ageDays, a.modality, a.examDescription]).toEqual([true, CHLOE_DAYS, 'XA', 'EP study with SVT ablation']);
    expect(new Set(a.campaigns)).toEqual(new Set(['interventional', 'fluoroscopy']));
  });
  test('"IR Schedule" as the page\'s title, a highlighted row and no drawer: the row is the open case, the title no exam', () => {
    const a = read(`<h1>IR Schedule — Tuesday 12/08/2026</h1>${CATH_ROWS(true)}`);
    expect([a.pediatric, a.ageDays, a.examDescription]).toEqual([true, CHLOE_DAYS, 'EP study with SVT ablation']);
    const plain = read(`<h1>IR Schedule</h1>${CATH_ROWS(true)}`);
    expect([plain.pediatric, plain.ageDays, plain.examDescription]).toEqual([true, CHLOE_DAYS, 'EP study with SVT ablation']);
  });
  test('a "Selected case" card beside a schedule titled as other people\'s, no row highlighted', () => {
    const a = read(`<h2>IR Schedule</h2>${CATH_ROWS(false)}${DRAWER}`);
    expect([a.pediatric, a.ageDays, a.examDescription]).toEqual([true, CHLOE_DAYS, 'EP study with SVT ablation']);
  });
  test('Spanish agenda of div items: the active item carries the birth date, the pane names the patient without it', () => {
    const a = read(`<div class="top"><h1>Agenda de Radiología — martes 8 de diciembre de 2026</h1><span>Sala: Telemando 1</span></div>
      <div class="list">
       <div class="item"><span>08:00</span><span>PÉREZ SOTO, Luis</span><span>F. nac. 02/05/1980</span><span>Enema opaco</span><span>Citado</span></div>
       <div class="item activo" aria-current="true"><span>09:30</span><span>RUIZ GIL, Ana</span><span>F. nac. 14/03/2022</span><span>Esofagograma</span><span>En sala</span></div>
       <div class="item"><span>10:30</span><span>GARCÍA LÓPEZ, Marta</span><span>F. nac. 30/11/1975</span><span>Cistografía</span><span>Citado</span></div></div>
      <section class="detalle"><h2>Paciente</h2><div><b>Nombre:</b> RUIZ GIL, Ana</div><div><b>NHC:</b> 0402299</div>
       <div><b>Prueba:</b> Esofagograma</div><div><b>Fecha:</b> 08/12/2026</div></section>`);
    expect([a.pediatric, a.ageDays, a.modality, a.campaigns]).toEqual([true, 1730, 'RF', ['fluoroscopy']]);
  });
  test('a "Worklist" table whose active row has the DOB, a detail pane naming that patient without one', () => {
    const a = read(`<div class="app">RadWorks RIS · Fluoroscopy</div><div class="split"><div class="left"><h2>Worklist</h2>
      <table><thead><tr><th>Time</th><th>Patient</th><th>DOB</th><th>Exam</th><th>Status</th></tr></thead><tbody>
      <tr><td>08:00</td><td>HALE, TOM</td><td>1971-02-03</td><td>FL BARIUM SWALLOW</td><td>Arrived</td></tr>
      <tr class="active"><td>08:30</td><td>PIKE, OLIVER</td><td>2019-06-21</td><td>FL VCUG</td><td>In room</td></tr>
      <tr><td>09:00</td><td>NG, AMY</td><td>2015-09-09</td><td>FL UGI</td><td>Scheduled</td></tr></tbody></table></div>
      <div class="right"><div class="pane"><div class="pane-title">Patient</div><div>PIKE, OLIVER</div><div>MRN 22018844</div><div>Male</div>
      <div>Exam: FL VCUG</div><div>Exam date: 2026-12-08</div></div></div></div>`);
    expect([a.pediatric, a.ageDays, a.modality, a.examDescription]).toEqual([true, 2727, 'RF', 'FL VCUG']);
  });
});

describe('negatives: nothing open, or a chart beside a schedule', () => {
  test('a day\'s schedule with no case open: nobody\'s exam, and the title ("IR Schedule — Tuesday") is not one', () => {
    for (const title of ['IR Schedule — Tuesday 12/08/2026', 'Cath &amp; EP Schedule — Tuesday, December 8, 2026', 'IR Schedule']) {
      const a = read(`<h1>${title}</h1>${CATH_ROWS(false)}`);
      expect([a.pediatric, a.modality, a.campaigns, a.examDescription], title).toEqual([false, null, [], null]);
      expect(a.records.filter((r) => r.pediatric && r.campaigns.length > 0).length, title).toBe(2);
    }
  });
  test("an adult's chart with a schedule sidebar whose highlighted row is a child: the adult's", () => {
    const a = read(`<div class="banner"><span>KOWALSKI, ADAM</span><span>MRN 55102934</span><span>DOB: 03/14/1988</span></div>
      <div class="main"><div><b>Procedure:</b> CT chest with contrast</div></div>
      <div class="side"><h3>Today's Schedule</h3><table><thead><tr><th>Time</th><th>Patient</th><th>DOB</th><th>Procedure</th></tr></thead><tbody>
      <tr><td>08:00</td><td>LEE, AL</td><td>05/01/2016</td><td>VCUG</td></tr>
      <tr aria-selected="true"><td>09:00</td><td>POE, ED</td><td>02/02/2018</td><td>Upper GI</td></tr></tbody></table></div>`);
    expect([a.pediatric, a.modality, a.examDescription]).toEqual([false, 'CT', 'CT chest with contrast']);
    expect(a.ageDays! > 18 * 365).toBe(true);
  });
});

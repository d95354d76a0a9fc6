/**
 * One patient at a time on pages made of lists: the expanded row of a study list (and the details under it) is the
 * open record; the selected report of a chart's Reports tab names the exam, its report text (often a `<pre>` block)
 * says which; an Orders tab's pending/active imaging order is the exam, the chart header's patient is the patient.
 * Minimal layouts written for the test (none is a corpus page), with negatives.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');
const URL_ = 'https://share.example.org/app/studies';

function read(body: string, options: AnalyzeOptions = {}): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), URL_, { now: NOW, ...options });
}

const STUDY_TABLE = (expanded: boolean) => `<h2>Studies</h2>
  <table class="studies"><thead><tr><th></th><th>Patient</th><th>Study Date</th><th>Description</th><th>Modality</th></tr></thead><tbody>
  <tr><td>▸</td><td>Moss, Ben</td><td>2026-11-19</td><td>CT HEAD WO CONTRAST</td><td>CT</td></tr>
  <tr${expanded ? ' aria-expanded="true" class="expanded"' : ''}><td>${expanded ? '▾' : '▸'}</td><td>Quinn, Ada</td><td>2026-11-20</td><td>FLUORO UPPER GI SERIES</td><td>RF</td></tr>
  ${expanded ? `<tr class="details"><td colspan="5"><div><span>Patient ID: 4471902</span> <span>DOB: 2019-05-02</span> <span>Sex: F</span></div>
    <div class="sub">Prior studies</div><ul><li>2025-03-01 CT ABDOMEN PELVIS W CONTRAST</li><li>2024-08-12 US ABDOMEN</li></ul></td></tr>` : ''}
  <tr><td>▸</td><td>Reyes, Tom</td><td>2026-11-18</td><td>XR CHEST 2 VIEWS</td><td>DX</td></tr></tbody></table>`;

describe('the expanded row of a study list is the open record', () => {
  test('table: the row with aria-expanded and its details row (DOB, priors) — the exam is the row\'s, not a prior', () => {
    const a = read(STUDY_TABLE(true));
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('RF');
    expect(a.campaigns).toEqual(['fluoroscopy']);
    expect(a.ageDays).toBe(2759); // 2019-05-02 → 2026-11-20 (study date)
  });

  test('the same list with no row expanded: nobody\'s exam', () => {
    const a = read(STUDY_TABLE(false));
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBeNull();
  });

  test('div rows, Spanish: the expanded row (aria-expanded) and its detail panel right under it', () => {
    const a = read(`<div class="lista-estudios">
      <div class="est-row" role="row" aria-expanded="false"><span>▸</span><span>PONS RUIZ, Marta</span><span>20/11/2026</span><span>TC de tórax</span></div>
      <div class="est-row" role="row" aria-expanded="true"><span>▾</span><span>GIL SANZ, Hugo</span><span>20/11/2026</span><span>Radiografía de tórax PA y lateral</span></div>
      <div class="est-detalle"><div><span class="k">NHC</span> <span>0082211</span></div><div><span class="k">Fecha de nacimiento</span> <span>14/03/2021</span></div>
        <div><span class="k">Estudios anteriores</span></div><div>TC craneal 02/02/2024</div></div>
      <div class="est-row" role="row" aria-expanded="false"><span>▸</span><span>VIDAL ROS, Ana</span><span>20/11/2026</span><span>RM rodilla</span></div>
    </div>`);
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('DX');
    expect(a.ageDays! > 5 * 365 && a.ageDays! < 6 * 365).toBe(true);
  });

  test('an adult in the expanded row stays adult; the child in a collapsed row is not the record', () => {
    const a = read(`<table><thead><tr><th>Patient</th><th>DOB</th><th>Study Date</th><th>Description</th></tr></thead><tbody>
      <tr><td>Lund, Kai</td><td>2018-02-01</td><td>2026-11-20</td><td>CT ABDOMEN</td></tr>
      <tr aria-expanded="true"><td>Berg, Ola</td><td>1961-07-14</td><td>2026-11-20</td><td>CT CHEST WO</td></tr>
      <tr><td colspan="4">Accession A-22910 · Referring Dr. Holt · Prior: XR CHEST 2024-05-05</td></tr>
      <tr><td>Falk, Ida</td><td>2017-01-09</td><td>2026-11-19</td><td>XR WRIST</td></tr></tbody></table>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 60 * 365).toBe(true);
    expect(a.modality).toBe('CT');
  });
});

describe('a chart\'s Reports tab: the selected report names the exam', () => {
  test('VistA-like: a table of reports with the selected row, the report text in a <pre> (Exm Date, DOB); priors are not the exam', () => {
    const a = read(`<div class="hdr"><b>ZZTEST,ANNA</b> <span>666-00-1234</span> <span>3 WEST PEDS</span></div>
      <table class="rlist"><thead><tr><th>Procedure</th><th>Date/Time</th><th>Status</th></tr></thead><tbody>
        <tr><td>CT ABDOMEN W/CONT</td><td>Nov 02, 2026@09:10</td><td>VERIFIED</td></tr>
        <tr class="selected"><td>UPPER GI SERIES</td><td>Nov 20, 2026@10:15</td><td>VERIFIED</td></tr>
        <tr><td>CHEST 2 VIEWS PA&amp;LAT</td><td>Jun 14, 2025@15:40</td><td>VERIFIED</td></tr></tbody></table>
      <pre>ZZTEST,ANNA    666-00-1234          DOB-MAR 03, 2019
Exm Date: NOV 20, 2026@10:15
Req Phys: HOLT,MARA                 Pat Loc: 3 WEST PEDS

 (Case 1120-12 COMPLETE) UPPER GI SERIES          (RAD  Detailed) CPT:74240

    Clinical History:
      Vomiting for 3 weeks. Prior CT abdomen 11/02 normal.

    Impression:
      Normal upper GI. No malrotation.</pre>`, { now: new Date('2026-11-21T15:00:00Z') });
    expect(a.modality).toBe('RF');
    expect(a.campaigns).toEqual(['fluoroscopy']);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(2819); // 2019-03-03 → 2026-11-20
  });

  test('a list of reports with a checked radio, the report pane beside it: the checked one is an ultrasound, the CTs are priors', () => {
    const a = read(`<div class="banner"><span>Ruiz, Leo</span> <span>MRN 7731002</span> <span>DOB: 2016-04-09</span></div>
      <table class="results"><thead><tr><th></th><th>Exam</th><th>Date</th></tr></thead><tbody>
        <tr><td><input type="radio" name="r"></td><td>CT HEAD WO CONTRAST</td><td>2026-10-02</td></tr>
        <tr><td><input type="radio" name="r"></td><td>CT CHEST W CONTRAST</td><td>2026-11-19</td></tr>
        <tr><td><input type="radio" name="r" checked></td><td>US ABDOMEN COMPLETE</td><td>2026-11-19</td></tr></tbody></table>
      <div class="report"><div>Findings: normal liver and spleen.</div></div>`);
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('US');
    expect(a.campaigns).toEqual([]);
  });

  test('an adult\'s Reports tab stays adult', () => {
    const a = read(`<div class="hdr"><b>Berg, Ola</b> <span>MRN 5512901</span> <span>DOB 07/14/1961</span></div>
      <ul class="reports"><li>XR KNEE 3 VIEWS · 10/02/2026</li><li class="active">CT CHEST WO CONTRAST · 11/19/2026</li></ul>
      <pre>Exam date: 11/19/2026
Procedure: CT CHEST WO CONTRAST
Impression: no nodule.</pre>`);
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBe('CT');
    expect(a.ageDays! > 65 * 365).toBe(true);
  });
});

describe('an Orders tab: the pending imaging order of the chart\'s patient', () => {
  test('an adult\'s pending CT in a tab pane the stylesheet shows by an "active" class; completed and discontinued orders, a daughter "age 4"', () => {
    const a = read(`<style>.pane{display:none}.pane.active{display:block}</style>
      <div class="banner"><span class="nm">LIND, EVA</span> <span>45 y.o. F</span> <span>MRN: 00912233</span></div>
      <div class="pane"><div>Vitals 11/19/2026 BP 120/80</div></div>
      <div class="pane active">
        <div class="grp">Imaging</div>
        <div class="ord"><span class="nm">XR CHEST 2 VIEWS</span><span class="st">Completed</span><span>10/02/2026</span></div>
        <div class="ord"><span class="nm">CT ABDOMEN PELVIS W IV CONTRAST</span><span class="st">Pending</span><span>11/21/2026</span></div>
        <div class="ord"><span class="nm">MRI LUMBAR SPINE WO</span><span class="st">Discontinued</span><span>09/12/2026</span></div>
        <div class="social">Social history: lives with husband and daughter (age 4).</div>
      </div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 44 * 365).toBe(true);
    expect(a.modality).toBe('CT');
  });

  test('Spanish table of orders: the "Pendiente" CT is the exam, not the "Realizada" X-ray', () => {
    const a = read(`<div class="cab"><span>PONS GIL, Nora</span> <span>NHC 0082311</span> <span>Edad: 8 años</span></div>
      <table><thead><tr><th>Prueba</th><th>Estado</th><th>Fecha</th></tr></thead><tbody>
        <tr><td>Radiografía de tórax PA</td><td>Realizada</td><td>02/10/2026</td></tr>
        <tr><td>TC de abdomen con contraste</td><td>Pendiente</td><td>21/11/2026</td></tr>
        <tr><td>Ecografía abdominal</td><td>Anulada</td><td>12/09/2026</td></tr></tbody></table>`);
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('CT');
  });
});

describe('a row disclosed by its toggle (▼ open, ▶ closed) is the open record, whatever its class', () => {
  // A child born 2012-04-15; the open study of 2026-11-18: 5330 days.
  test('div grid of studies: the ▼ row (a PET) and its series under it; the ▶ rows are the same child\'s other studies', () => {
    const a = read(`<div class="g"><div class="x"><span></span><span>Patient Name</span><span>Birth Date</span><span>Study Date</span><span>Study Description</span><span>Modality</span></div>
      <div class="x"><span>▼</span><span>Berg^Ola</span><span>2012-04-15</span><span>2026-11-18</span><span>PET BRAIN FDG</span><span>PT</span></div>
      <div class="s"><span>Series 1</span><span>PT</span><span>Brain 3D AC</span></div>
      <div class="x"><span>▶</span><span>Berg^Ola</span><span>2012-04-15</span><span>2026-10-20</span><span>MR BRAIN</span><span>MR</span></div>
      <div class="x"><span>▶</span><span>Berg^Ola</span><span>2012-04-15</span><span>2019-05-09</span><span>CT HEAD</span><span>CT</span></div></div>`);
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality, a.campaigns]).toEqual([true, 5330, 'exam', 'PT', ['nuclear-medicine']]);
  });
  test('table with ▾/▸ toggles and no classes: the ▾ row\'s CT, not the DX above it', () => {
    const a = read(`<table><tr><th></th><th>Name</th><th>DOB</th><th>Date</th><th>Description</th><th>Mod</th></tr>
      <tr><td>▸</td><td>Berg, Ola</td><td>04/15/2012</td><td>11/19/2026</td><td>XR CHEST 2 VIEWS</td><td>DX</td></tr>
      <tr><td>▾</td><td>Berg, Ola</td><td>04/15/2012</td><td>11/18/2026</td><td>CT CHEST W CONTRAST</td><td>CT</td></tr>
      <tr><td colspan="6">3 series · 412 images</td></tr></table>`);
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([true, 5330, 'CT']);
  });
  test('every row ▶ (none disclosed): a list, nobody\'s exam', () => {
    const a = read(`<div class="g"><div class="x"><span></span><span>Patient Name</span><span>Birth Date</span><span>Study Date</span><span>Study Description</span><span>Modality</span></div>
      <div class="x"><span>▶</span><span>Berg^Ola</span><span>2012-04-15</span><span>2026-11-18</span><span>PET BRAIN FDG</span><span>PT</span></div>
      <div class="x"><span>▶</span><span>Dahl^Eva</span><span>1970-01-02</span><span>2026-11-18</span><span>CT HEAD</span><span>CT</span></div></div>`);
    expect([a.pediatric, a.modality]).toEqual([false, null]);
  });
  test('an adult\'s ▼ row stays adult; the child\'s ▶ row is not the record', () => {
    const a = read(`<table><tr><th></th><th>Name</th><th>DOB</th><th>Date</th><th>Description</th><th>Mod</th></tr>
      <tr><td>▼</td><td>Dahl, Eva</td><td>01/02/1970</td><td>11/18/2026</td><td>CT HEAD</td><td>CT</td></tr>
      <tr><td>▶</td><td>Berg, Ola</td><td>04/15/2012</td><td>11/18/2026</td><td>CT CHEST</td><td>CT</td></tr></table>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeGreaterThan(56 * 365);
  });
});

/**
 * The exam's kind and region on whole pages (layouts written for the test, none a corpus page): a CT of the face,
 * jaws, orbits or sinuses in a medical order is a head CT, not dental imaging, while a dental chart's cone-beam CT
 * or panoramic stays dental; an MR of the jaw gets no campaign; a limb named by its muscle or segment (thigh, calf,
 * vastus lateralis, muslo) is an extremity; "Abd/Pel" and "A/P CT" are abdomen and pelvis, and a viewer's short
 * "Abd CT" takes the fuller study description of the same exam.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');

function read(body: string, options: AnalyzeOptions = {}, url = 'https://ehr.example.org/app/orders'): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), url, { now: NOW, ...options });
}
const exam = (a: PageAnalysis) => [a.modality, [...a.campaigns].sort(), a.region];

describe('a CT of the face, jaws, orbits or sinuses in a medical order is CT of the head, nothing more', () => {
  test('an order composer (div grid, selected order): CT MAXILLOFACIAL/SINUS W/O CONTRAST (70486)', () => {
    const a = read(`<div class="storyboard"><div class="pt-name">Okafor, Tobi</div><div>9 y.o. M</div><div>MRN 40021387</div></div>
      <div class="orders"><div class="ord selected"><span class="nm">CT MAXILLOFACIAL/SINUS W/O CONTRAST (70486)</span><span>Routine</span><span>Pending</span></div>
      <div class="ord"><span class="nm">CBC with differential</span><span>Routine</span><span>Pending</span></div></div>
      <div class="reason">Reason for exam: facial swelling, ?dental abscess</div>`);
    expect(a.pediatric).toBe(true);
    expect(exam(a)).toEqual(['CT', ['ct'], 'head']);
  });
  test('a RIS worklist row with the CT code: CT FACIAL BONES and CT MANDIBLE, no dental campaign on any row', () => {
    const a = read(`<h2>CT 2 — Worklist</h2><table><thead><tr><th>Patient</th><th>DOB</th><th>Mod</th><th>Procedure</th><th>Status</th></tr></thead><tbody>
      <tr><td>LINDQVIST, Ebba</td><td>04/12/2016</td><td>CT</td><td>CT FACIAL BONES W/O CONTRAST</td><td>Scheduled</td></tr>
      <tr><td>ORTIZ, Mateo</td><td>11/30/2013</td><td>CT</td><td>CT MANDIBLE W/O</td><td>Scheduled</td></tr>
      <tr><td>HALE, Jon</td><td>02/02/1975</td><td>MR</td><td>MRI TMJ BILATERAL</td><td>Arrived</td></tr></tbody></table>`, {}, 'https://ris.example.org/worklist');
    expect(a.records.length).toBe(3);
    for (const r of a.records) expect(r.campaigns).not.toContain('dental');
    expect(a.records.map((r) => r.campaigns)).toEqual([['ct'], ['ct'], []]);
  });
  test('a Spanish printed request (prose labels): Estudio: TC de macizo facial y órbitas', () => {
    const a = read(`<div class="print"><p><b>Paciente:</b> RUIZ PONCE, Marta &nbsp; <b>Edad:</b> 12 años &nbsp; <b>NHC:</b> 0912345</p>
      <p><b>Estudio:</b> TC de macizo facial y órbitas sin contraste</p><p><b>Motivo:</b> traumatismo facial, dolor dental</p></div>`);
    expect(exam(a)).toEqual(['CT', ['ct'], 'head']);
  });
  test('an MR of the jaw on a child\'s order (definition list): no campaign at all', () => {
    const a = read(`<dl><dt>Patient</dt><dd>Berg, Nils</dd><dt>Age</dt><dd>11</dd><dt>Exam</dt><dd>MRI TMJ bilateral with and without contrast</dd></dl>`);
    expect(exam(a)).toEqual(['MR', [], 'head']);
  });
  test('still dental: a dental chart\'s cone-beam CT (CDT code) and a clinic\'s panoramic', () => {
    const cbct = read(`<div class="pt"><span>Reyes, Mia</span><span>Age: 12</span></div>
      <table><tr><th>Code</th><th>Description</th><th>Status</th></tr><tr><td>D0367</td><td>CBCT mandible, implant planning</td><td>Scheduled</td></tr></table>`);
    expect(exam(cbct)).toEqual(['CT', ['ct', 'dental'], 'dental']);
    const pano = read(`<div class="card"><b>Lind, Ivar</b> · 13 yrs</div><p>Procedure: Panoramic radiograph (OPG)</p>`);
    expect(exam(pano)).toEqual(['PX', ['dental'], 'dental']);
  });
});

describe('regions: limbs named by their segment or muscle; abdomen with pelvis', () => {
  test('an IR request form (labels and inputs): CT-guided biopsy, Site: Left thigh (vastus lateralis)', () => {
    const a = read(`<div class="banner"><span>Quint, Rosa</span><span>DOB: 05/02/2015</span></div>
      <form><label>Procedure <input value="CT-guided core needle biopsy"></label>
      <label>Anatomic site <input value="Left thigh (vastus lateralis)"></label></form>`);
    expect(exam(a)).toEqual(['CT', ['ct', 'interventional'], 'extremity']);
  });
  test('a Spanish request (table): Biopsia guiada por TC, Localización: muslo izquierdo', () => {
    const a = read(`<table><tr><th>Paciente</th><td>SOTO, Ana</td></tr><tr><th>Edad</th><td>7 años</td></tr>
      <tr><th>Procedimiento</th><td>Biopsia guiada por TC</td></tr><tr><th>Sitio anatómico</th><td>Muslo izquierdo</td></tr></table>`);
    expect(a.region).toBe('extremity');
  });
  test('forearm and calf radiographs: extremity', () => {
    expect(read(`<div><span>Ames, Rita</span> <span>6 y.o.</span></div><p>Exam: XR forearm 2 views</p>`).region).toBe('extremity');
    expect(read(`<div><span>Ames, Rita</span> <span>6 y.o.</span></div><p>Exam: XR right calf soft tissue</p>`).region).toBe('extremity');
  });
  test('"CT ABD/PELVIS W CONTRAST" in an order row and "A/P CT" on a protocol page: abdomen-pelvis', () => {
    expect(read(`<div><span>Ames, Rita</span> <span>6 y.o.</span></div><table><tr><th>Order</th><th>Status</th></tr><tr><td>CT ABD/PELVIS W CONTRAST</td><td>Ordered</td></tr></table>`).region).toBe('abdomen-pelvis');
    expect(read(`<div><span>Ames, Rita</span> <span>6 y.o.</span></div><h3>Protocol</h3><p>Exam: A/P CT with IV contrast</p>`).region).toBe('abdomen-pelvis');
  });
  test('a viewer whose exam label is "Abd CT", its study description naming abdomen and pelvis', () => {
    const a = read(`<div class="viewer-header"><span>MORALES^LUCIA</span><span>8Y F</span></div>
      <div class="study-list"><div class="study active"><div class="label">Abd CT</div><div class="desc">CT ABDOMEN PELVIS WITH CONTRAST</div><div>2026-12-07</div></div></div>
      <div class="overlay">CT Se: 3</div>`, {}, 'https://pacs.example.org/viewer');
    expect(exam(a)).toEqual(['CT', ['ct'], 'abdomen-pelvis']);
  });
  test('negatives: "Abd CT" alone stays abdomen; a CT chest with an earlier "CT A/P" stays chest', () => {
    expect(read(`<div class="viewer-header"><span>MORALES^LUCIA</span><span>8Y F</span></div><div class="label">Abd CT</div>`).region).toBe('abdomen');
    const a = read(`<div><span>Ames, Rita</span> <span>6 y.o.</span></div><p>Exam: CT chest without contrast</p>
      <h3>Prior studies</h3><table><tr><th>Date</th><th>Exam</th></tr><tr><td>01/02/2026</td><td>CT A/P with contrast</td></tr></table>`);
    expect(a.region).toBe('chest');
  });
});

describe('a breast imaging exam named by its code first or by the tomosynthesis is a mammogram (radiography)', () => {
  test('a reading worklist with the adult\'s diagnostic mammogram row selected and an info pane', () => {
    const a = read(`<h3>Worklist: Unreported</h3><table><tr><th>Name</th><th>Age</th><th>Exam date</th><th>Examination</th><th>Status</th></tr>
      <tr><td>HOLM, SARA</td><td>9 y</td><td>12/07/2026</td><td>XR CHEST 2V</td><td>Unread</td></tr>
      <tr class="sel" aria-selected="true"><td>FROST, JUNE</td><td>67 y</td><td>12/06/2026</td><td>MG DIAGNOSTIC BIL + TOMO</td><td>Unread</td></tr>
      <tr><td>ROSS, EMMA</td><td>3 mo</td><td>12/07/2026</td><td>US HEAD</td><td>Unread</td></tr></table>`, {}, 'https://pacs.example.org/worklist');
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBe('MG');
    expect(a.campaigns).toEqual(['radiography']);
  });
  test('an order line of a chart: "Breast tomosynthesis, left — diagnostic" for a 58-year-old', () => {
    const a = read(`<div class="hdr"><b>Patient:</b> LARSEN, INGRID &nbsp; <b>DOB:</b> 03/22/1968</div>
      <div class="orders"><h4>Orders</h4><div>Breast tomosynthesis, left — diagnostic · ordered 12/07/2026</div></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBe('MG');
  });
  test('negative: a medication list with magnesium and milligrams names no exam', () => {
    const a = read(`<div class="hdr"><b>Patient:</b> BAKER, JOE &nbsp; <b>DOB:</b> 01/02/1961</div>
      <h4>MAR</h4><table><tr><td>Mg sulfate 2 g IV over 20 min</td><td>Given 12/07/2026</td></tr><tr><td>MG 2 mg/kg PO</td><td>Held</td></tr></table>`);
    expect(a.modality).toBeNull();
    expect(a.campaigns).toEqual([]);
  });
});

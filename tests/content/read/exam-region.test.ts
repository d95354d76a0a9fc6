/**
 * The exam's region and nuclear-medicine wording on whole pages (layouts written for the test): a dental imaging
 * exam's region is the dentition, a cephalometric radiograph's alone the head's; a central venous line or port is
 * placed in the chest; organ words name the region (liver, gallbladder, kidney → abdomen; uterus,
 * ovary, bladder → pelvis); nuclear-medicine studies named by their agent or common name are NM (and never CT,
 * even where "Tc" is the agent's symbol).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');

function read(body: string, options: AnalyzeOptions = {}): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://clinic.example.net/chart', { now: NOW, ...options });
}
const exam = (a: PageAnalysis) => [a.modality, [...a.campaigns].sort(), a.region];

describe('a dental imaging exam: region dental', () => {
  test('a tooth chart with a procedure grid: today\'s bitewings by code and words', () => {
    const a = read(`<div class="pt"><span class="nm">Okafor, Tobi</span><span>Age: 9</span><span>Chart # 30211</span></div>
      <div class="teeth"><span>3</span><span>14</span><span>19</span><span>30</span><span>A</span><span>T</span></div>
      <div class="grid"><div class="r"><span>11/20/2026</span><span>D0272</span><span>Bitewings - two radiographic images</span><span>C</span></div>
      <div class="r"><span>11/20/2026</span><span>D1120</span><span>Prophylaxis - child</span><span>C</span></div></div>`);
    expect(exam(a)).toEqual(['IO', ['dental'], 'dental']);
  });
  test('an appointment card whose only exam word is "pano"', () => {
    const a = read(`<div class="card"><b>Lind, Ivar</b> · 13 yrs · DOB 02/02/2013</div>
      <p>Appointment: 11/24/2026 09:40, Op 2</p><p>Procedure: Pano + ortho records</p>`);
    expect(exam(a)).toEqual(['PX', ['dental'], 'dental']);
  });
  test('a cone-beam CT of the jaw by code alone in an order row', () => {
    const a = read(`<div class="hdr"><span>Reyes, Mia</span><span>Age: 12</span></div>
      <table><tr><th>Code</th><th>Description</th><th>Status</th></tr><tr><td>D0367</td><td>CBCT both jaws</td><td>Scheduled</td></tr></table>`);
    expect([a.modality, a.region]).toEqual(['CT', 'dental']);
  });
});

describe('organ words name the region', () => {
  test('a gynecologic pelvic ultrasound, transabdominal: pelvis, no campaign', () => {
    const a = read(`<div class="ban"><span>Ngata, Aroha</span><span>14 y.o. F</span></div>
      <h2>US pelvis gynecologic, transabdominal</h2><p>Reason: left adnexal pain, ovary?</p>`);
    expect(exam(a)).toEqual(['US', [], 'pelvis']);
  });
  test('organ words alone: uterus and ovaries → pelvis; gallbladder → abdomen; kidneys → abdomen', () => {
    const b = read(`<div class="ban"><span>Sato, Emi</span><span>Age: 15</span></div><p>Exam: Ultrasound uterus and ovaries</p>`);
    expect(b.region).toBe('pelvis');
    const c = read(`<div class="ban"><span>Dube, Sifiso</span><span>Age: 11</span></div><p>Exam: Gallbladder ultrasound</p>`);
    expect(c.region).toBe('abdomen');
    const d = read(`<div class="ban"><span>Moss, Ada</span><span>Age: 6</span></div><p>Exam: NM kidneys (cortical scan)</p>`);
    expect([d.modality, d.region]).toEqual(['NM', 'abdomen']);
  });
});

describe('nuclear medicine by agent or common name', () => {
  test('a hepatobiliary scan in a worklist row: NM, abdomen', () => {
    const a = read(`<div class="ban"><span>Ivanov, Lev</span><span>2 mos</span><span>M</span></div>
      <table><tr><th>Time</th><th>Exam</th><th>Status</th></tr><tr class="selected"><td>10:00</td><td>Hepatobiliary scan with phenobarbital prep</td><td>Arrived</td></tr></table>`);
    expect(exam(a)).toEqual(['NM', ['nuclear-medicine'], 'abdomen']);
  });
  test('a milk scan and a sulfur-colloid gastric emptying study are NM, not CT', () => {
    const a = read(`<div class="hdr"><span>Patient: Kaur, Jas</span><span>Age: 7 mo</span></div><h2>Milk scan (reflux study)</h2>`);
    expect([a.modality, a.campaigns]).toEqual(['NM', ['nuclear-medicine']]);
    const b = read(`<div class="hdr"><span>Patient: Berg, Nils</span><span>Age: 4 yrs</span></div>
      <p>Requested exam: Tc-99m sulfur colloid solid gastric emptying</p>`);
    expect([b.modality, b.campaigns, b.region]).toEqual(['NM', ['nuclear-medicine'], 'abdomen']);
  });
  test('a radionuclide cystogram is NM, not fluoroscopy', () => {
    const a = read(`<div class="hdr"><span>Patient: Diaz, Leo</span><span>Age: 3</span></div><p>Order: Radionuclide cystogram</p>`);
    expect([a.modality, a.campaigns, a.region]).toEqual(['NM', ['nuclear-medicine'], 'pelvis']);
  });
});

describe('the heart: catheterization, valves, coronary CT, echo', () => {
  test('a Spanish cath-lab case card: TAVI under fluoroscopy → XA, cardiac', () => {
    const a = read(`<div class="caso"><div class="h">Sala 2 · 08:30</div><div>MORENO DÍAZ, Luis</div><div>NHC 55120944 · F. Nac. 14/03/1946</div>
      <div><span class="k">Procedimiento</span> <span>Implante de válvula aórtica transcatéter (TAVI) transfemoral</span></div></div>`);
    expect(a.region).toBe('cardiac');
    expect(a.pediatric).toBe(false);
  });
  test('a coronary CT angiogram order in a table: CT, cardiac', () => {
    const a = read(`<table><tr><th>Patient</th><td>Hale, Rory</td><th>Age</th><td>15 yrs</td></tr>
      <tr><th>Procedure</th><td>CTA coronary arteries w contrast</td><th>Priority</th><td>Routine</td></tr></table>`);
    expect(exam(a)).toEqual(['CT', ['ct'], 'cardiac']);
  });
  test('an echocardiogram is ultrasound of the heart: no campaign', () => {
    const a = read(`<dl><dt>Name</dt><dd>Hale, Rory</dd><dt>Age</dt><dd>4 yrs</dd><dt>Exam</dt><dd>Echocardiogram complete, pediatric</dd></dl>`);
    expect(exam(a)).toEqual(['US', [], 'cardiac']);
  });
});

describe('a cephalometric radiograph is dental imaging (PX) of the head', () => {
  test('a Spanish dental imaging list (table, selected row): "Telerradiografía de cráneo lateral" today', () => {
    const a = read(`<div class="ficha"><span>Paciente: Soto Vera, Inés</span> <span>F. nacimiento: 03/05/2013</span></div>
      <table class="imgs"><tr><th>Fecha</th><th>Tipo de imagen</th><th>Equipo</th></tr>
      <tr class="selected"><td>20/11/2026</td><td>Telerradiografía de cráneo lateral</td><td>Sala 2</td></tr>
      <tr><td>02/03/2025</td><td>Ortopantomografía</td><td>Sala 1</td></tr></table>`);
    expect(exam(a)).toEqual(['PX', ['dental'], 'head']);
    expect(a.pediatric).toBe(true);
  });
  test('an orthodontic records card (definition list): "Lateral cephalogram"; and "Cefalometría lateral" in a label row', () => {
    const a = read(`<dl><dt>Patient</dt><dd>Moreau, Theo</dd><dt>Age</dt><dd>11 yrs</dd><dt>Image</dt><dd>Lateral cephalogram (ortho records)</dd></dl>`);
    expect(exam(a)).toEqual(['PX', ['dental'], 'head']);
    const b = read(`<div class="cab">Paciente: Ruiz Pardo, Leo · 12 años</div><p><b>Prueba:</b> Cefalometría lateral</p>`);
    expect(exam(b)).toEqual(['PX', ['dental'], 'head']);
  });
  test('negatives: a "telerradiografía de tórax" is a chest radiograph; a pano with a ceph images the dentition', () => {
    const a = read(`<div class="cab">Paciente: Gil Sanz, Ana · 9 años</div><p><b>Estudio solicitado:</b> Telerradiografía de tórax PA</p>`);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'chest']);
    const b = read(`<dl><dt>Patient</dt><dd>Lind, Ivar</dd><dt>Age</dt><dd>13 yrs</dd><dt>Procedure</dt><dd>Pano + ceph, ortho records</dd></dl>`);
    expect(exam(b)).toEqual(['PX', ['dental'], 'dental']);
  });
});

describe('a central venous line or port is placed in the chest', () => {
  test('an IR worklist row (table, selected): "PICC placement, L arm, fluoro" → XA, chest', () => {
    const a = read(`<table><tr><th>Patient</th><th>Age</th><th>Procedure</th><th>Status</th></tr>
      <tr class="selected"><td>Abara, Kemi</td><td>4 yrs</td><td>PICC placement, L arm, fluoro</td><td>In room</td></tr></table>`);
    expect(exam(a)).toEqual(['XA', ['fluoroscopy', 'interventional'], 'chest']);
  });
  test('a Spanish request (label paragraphs): "Colocación de reservorio venoso subcutáneo" → XA, chest', () => {
    const a = read(`<div class="cab">Paciente: Núñez Gil, Mar · 7 años</div><p>Prueba solicitada: Colocación de reservorio venoso subcutáneo</p>`);
    expect(exam(a)).toEqual(['XA', ['fluoroscopy', 'interventional'], 'chest']);
  });
  test('negative: a bedside ultrasound-guided PICC is the chest\'s but no campaign', () => {
    const a = read(`<dl><dt>Patient</dt><dd>Ito, Ren</dd><dt>Age</dt><dd>2 mo</dd><dt>Procedure</dt><dd>US-guided PICC, bedside, tip by ECG</dd></dl>`);
    expect(exam(a)).toEqual(['US', [], 'chest']);
  });
});

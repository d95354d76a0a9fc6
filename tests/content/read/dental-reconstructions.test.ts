/**
 * Dental imaging screens (layouts written for the test) whose captions name the exam by a view or a log: a cone-beam
 * CT viewer's panoramic reconstruction pane is the CT (dental and CT campaigns), not a panoramic radiograph; a
 * medical-exposure log titled with the regulations' acronym (IR(ME)R) is no intervention. Nuclear-medicine
 * worksheets that write the radionuclide mass number first ("99m Tc-DMSA") are nuclear medicine with no CT.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://imaging.example.org/study/88', { now: NOW });
const exam = (a: PageAnalysis) => [a.modality, [...a.campaigns].sort(), a.region];

describe("a cone-beam CT viewer's panoramic reconstruction pane is the CT", () => {
  test('a viewer of four panes with captions, the panoramic one first in the header', () => {
    const a = read(`<div class="hdr">Moreau, Jade · DOB 2014-05-02 · F · ID 55120</div>
      <div class="bar"><span class="t">Panoramic reconstruction</span> <span class="d">07/12/2026</span></div>
      <div class="grid"><div class="pane">Axial 112/240</div><div class="pane">Coronal</div><div class="pane">Sagittal</div>
      <div class="pane">Panoramic reconstruction · slab 10 mm</div></div>
      <div class="side">FOV 5 × 5 cm · 90 kV · 0.15 mm voxel</div>`);
    expect(exam(a)).toEqual(['CT', ['ct', 'dental'], 'dental']);
  });
  test('a Spanish viewer whose active pane is captioned "CORONAL / RECONSTRUCCIÓN PANORÁMICA"', () => {
    const a = read(`<div class="pac">Paciente: RUIZ, Marta · 12 años · NHC 448120</div>
      <table><tr><td>Vista activa</td><td><b>CORONAL / RECONSTRUCCIÓN PANORÁMICA</b></td></tr>
      <tr><td>Fecha estudio</td><td>07/12/2026</td></tr></table>`);
    expect(exam(a)).toEqual(['CT', ['ct', 'dental'], 'dental']);
  });
  test('a panoramic radiograph acquisition screen stays a panoramic radiograph', () => {
    const a = read(`<div class="hdr">Moreau, Jade · DOB 2014-05-02 · F</div>
      <h3>Panoramic radiograph</h3><div>Acquired 07/12/2026 10:05 · 68 kV · child program</div>`);
    expect(exam(a)).toEqual(['PX', ['dental'], 'dental']);
  });
});

describe("a medical-exposure log titled IR(ME)R is no intervention", () => {
  test('intraoral images above a log card headed "Exposure log (IR(ME)R)"', () => {
    const a = read(`<div class="pt">Okafor, Tunde · DOB 03/03/2017 · 9 yrs</div>
      <div class="mount">Mount: Bitewings x2 · 07/12/2026 09:40</div>
      <div class="card"><h5>Exposure log (IR(ME)R)</h5><div>Justified by Dr K. Shah · Operator J. Lee</div>
      <div>Unit: Intraoral X-ray, 60 kV</div></div>`);
    expect(exam(a)).toEqual(['IO', ['dental'], 'dental']);
  });
  test('a section headed "IR(ME)R record" above a periapical of a front tooth', () => {
    const a = read(`<div class="pt">Okafor, Tunde · 9 yrs · M</div>
      <section><h4>IR(ME)R record</h4><p>Periapical UR1 after trauma · 07/12/2026 11:20 · 1 exposure · grade A</p></section>`);
    expect(exam(a)).toEqual(['IO', ['dental'], 'dental']);
  });
  test('a radiograph record with an "IR(ME)R justification" field', () => {
    const a = read(`<div class="pt">Okafor, Tunde · DOB 03/03/2017 · M</div>
      <dl><dt>Examination</dt><dd>XR Left wrist 2 views</dd><dt>IR(ME)R justification</dt><dd>Dr K. Shah, 07/12/2026</dd></dl>`);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'extremity']);
  });
});

describe('a radionuclide written mass number first is nuclear medicine, not CT', () => {
  test('a dose worksheet "Prueba: Gammagrafía renal con 99m Tc-DMSA"', () => {
    const a = read(`<div>Paciente: LÓPEZ, Nil · F. nac. 03/09/2025 · 1 a</div>
      <table><tr><td>Prueba:</td><td><b>Gammagrafía renal cortical con <sup>99m</sup>Tc-DMSA</b> (planar)</td></tr>
      <tr><td>Fecha cita</td><td>07/12/2026</td></tr></table>`);
    expect(exam(a)).toEqual(['NM', ['nuclear-medicine'], 'abdomen']);
  });
  test('an acquisition sheet with the protocol as its legend', () => {
    const a = read(`<div>Patient: Brandt, Ella · DOB 11/06/2021</div>
      <fieldset><legend>Diuretic renogram 99m Tc-MAG3 (F0)</legend><div>Injected 07/12/2026 09:10 · 40 MBq</div></fieldset>`);
    expect(exam(a)).toEqual(['NM', ['nuclear-medicine'], 'abdomen']);
  });
  test('a hybrid whose CT is the study\'s keeps its CT', () => {
    const a = read(`<div>Patient: Brandt, Ella · DOB 11/06/2021</div>
      <fieldset><legend>Bone scan 99mTc-MDP with SPECT/CT lumbar spine</legend><div>07/12/2026</div></fieldset>`);
    expect(exam(a)).toEqual(['NM', ['ct', 'nuclear-medicine'], 'spine']);
  });
});

/**
 * A mother's chart that speaks of her newborn: the patient is the mother, her own exam is the exam; the baby's age,
 * section and radiograph are the baby's. Layouts written for the test: a Spanish banner with a newborn section
 * table, English cards, a prose postpartum note, an order list. And the other way round: a newborn's own chart
 * with a "Newborn" section is the newborn's.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');

function read(body: string): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://his.example.org/obstetricia/chart', { now: NOW });
}
const exam = (a: PageAnalysis) => [a.pediatric, a.modality, [...a.campaigns], a.region];

describe('the mother is the patient; her exam is the exam', () => {
  test('Spanish banner, a "Datos del recién nacido" table with the baby\'s age and radiograph, her obstetric ultrasound', () => {
    const a = read(`<div class="banner"><span>GÓMEZ RUIZ, Lucía</span><span>NHC 00455120</span><span>31 años</span><span>G2P1</span></div>
      <div class="sec"><div class="h">Datos del recién nacido</div>
      <table><tr><td>Nombre</td><td>RN GÓMEZ RUIZ</td></tr><tr><td>Edad</td><td>2 días</td></tr><tr><td>Estudios</td><td>Rx de tórax AP: sin hallazgos</td></tr></table></div>
      <div class="sec"><div class="h">Solicitud actual</div><div>Eco obstétrica — biometría fetal y líquido amniótico</div></div>`);
    expect(exam(a)).toEqual([false, 'US', [], 'pelvis']);
    expect(a.ageDays! > 30 * 365).toBe(true);
  });
  test('English cards: a "Newborn" card with the baby\'s XR, "Today\'s order" TVUS', () => {
    const a = read(`<div class="banner"><div class="nm">Ruiz, Carla</div><div>MRN 88120044</div><div>DOB 04/22/1994</div></div>
      <div class="card"><div class="t">Newborn</div><div>Baby Girl Ruiz · 2 days · NICU</div><div>XR chest 1 view — normal</div></div>
      <div class="card"><div class="t">Today's order</div><div>TVUS — pelvic sono for retained products</div></div>`);
    expect(exam(a)).toEqual([false, 'US', [], 'pelvis']);
  });
  test('a postpartum note: the newborn\'s chest radiograph in prose, her pelvic ultrasound ordered', () => {
    const a = read(`<div class="hdr"><span>Okafor, Ada</span> <span>MRN 77120455</span> <span>28 y.o. F</span></div>
      <div class="note"><h4>Postpartum day 2</h4><p>Her newborn son had a chest x-ray today for tachypnea, normal. Mother tolerating diet.</p></div>
      <div class="orders"><div class="row"><span>Ultrasound pelvis transabdominal</span> <span>Ordered</span></div></div>`);
    expect(exam(a)).toEqual([false, 'US', [], 'pelvis']);
  });
  test('Spanish: "su hijo" section with a CT of the baby; the mother\'s gynecological ultrasound', () => {
    const a = read(`<table class="b"><tr><th>Paciente</th><td>LUNA PAZ, María</td><th>Edad</th><td>24 años</td></tr></table>
      <h3>Su hijo</h3><ul><li>Neonato de 5 días — TC de cráneo sin contraste (hoy)</li></ul>
      <h3>Estudio solicitado</h3><p>Ecografía ginecológica transvaginal</p>`);
    expect(exam(a)).toEqual([false, 'US', [], 'pelvis']);
  });
});

describe('a newborn\'s own chart is the newborn\'s', () => {
  test('banner "RN" with its age; a "Newborn exam" section with its radiograph', () => {
    const a = read(`<div class="banner"><span>Boy Ruiz, Baby</span><span>MRN 44120987</span><span>Age: 2 days</span></div>
      <h3>Newborn exam</h3><div>XR chest 1 view portable — ordered</div>`);
    expect(exam(a)).toEqual([true, 'DX', ['radiography'], 'chest']);
  });
  test('Spanish: "Datos del recién nacido" holds the age of the chart\'s own patient', () => {
    const a = read(`<div class="sec"><div class="h">Datos del recién nacido</div>
      <table><tr><td>Nombre</td><td>RN LUNA PAZ</td></tr><tr><td>NHC</td><td>55120931</td></tr><tr><td>Edad</td><td>5 días</td></tr></table></div>
      <div><b>Estudio:</b> Ecografía transfontanelar</div>`);
    expect(exam(a)).toEqual([true, 'US', [], 'head']);
  });
});

describe("the mother's own exam in an Indicaciones / Plan / Orders line, her newborn's radiograph in the prose", () => {
  test('Spanish inpatient note: "Recién nacido … 2 días de vida", "Rx de tórax realizada", "Indicaciones: Ecografía ginecológica transabdominal"', () => {
    const a = read(`<div class="cab"><span>LÓPEZ DÍAZ, Marta</span> <span>NHC 00377120</span> <span>31 años</span> <span>Obstetricia · cama 214</span></div>
      <div class="evol"><div class="t">Evolución</div><p>Puérpera de 2 días tras parto eutócico. Recién nacido varón de 2 días de vida ingresado en Neonatología por taquipnea; Rx de tórax realizada ayer al RN, sin hallazgos. Loquios escasos, dolor hipogástrico.</p></div>
      <div class="ind"><b>Indicaciones:</b> Ecografía ginecológica transabdominal. Analítica de control.</div>`);
    expect(exam(a)).toEqual([false, 'US', [], 'pelvis']);
    expect(a.ageDays! > 30 * 365).toBe(true);
  });
  test('English progress note: "31 y F", newborn in the NICU with a chest x-ray, "Plan:" transabdominal pelvic ultrasound', () => {
    const a = read(`<div class="pt-hdr">Silva, Renata · 31 y F · MRN 66120874 · L&D Postpartum 3W-12</div>
      <h4>Progress note — PPD 2</h4>
      <p>Newborn daughter, 2 days old, admitted to NICU for grunting; chest radiograph performed on the baby this morning was clear.</p>
      <p><b>Plan:</b> transabdominal pelvic ultrasound to evaluate for retained products; continue ibuprofen.</p>`);
    expect(exam(a)).toEqual([false, 'US', [], 'pelvis']);
    expect(a.ageDays! > 30 * 365).toBe(true);
  });
  test("Spanish orders table with the mother in the Paciente column; the newborn's radiograph in the note", () => {
    const a = read(`<div class="cab"><span>LÓPEZ DÍAZ, Marta</span> <span>NHC 00377120</span> <span>31 años</span></div>
      <p>Recién nacido de 2 días de vida en observación; Rx de tórax realizada al RN hoy.</p>
      <table><thead><tr><th>Fecha solicitud</th><th>Estudio</th><th>Paciente</th><th>Estado</th></tr></thead><tbody>
        <tr><td>19/11/2026</td><td>Ecografía ginecológica transabdominal</td><td>LOPEZ DIAZ, MARTA</td><td>Solicitada</td></tr>
        <tr><td>18/11/2026</td><td>Ecografía obstétrica</td><td>LÓPEZ DÍAZ, Marta</td><td>Realizada</td></tr>
      </tbody></table>`);
    expect(exam(a)).toEqual([false, 'US', [], 'pelvis']);
    expect(a.ageDays! > 30 * 365).toBe(true);
  });
  test('English orders list: the mother\'s "US Pelvis Transabdominal" ordered; "XR Chest Newborn" under her baby\'s name is the baby\'s', () => {
    const a = read(`<div class="banner"><span class="nm">Silva, Renata</span> <span>MRN 66120874</span> <span>DOB 02/14/1995</span></div>
      <table><thead><tr><th>Ordered</th><th>Procedure</th><th>Patient</th><th>Status</th></tr></thead><tbody>
        <tr><td>11/20/2026</td><td>XR Chest 1 View Portable</td><td>Silva, Baby Girl</td><td>Completed</td></tr>
        <tr><td>11/20/2026</td><td>US Pelvis Transabdominal</td><td>Silva, Renata</td><td>Ordered</td></tr>
      </tbody></table>`);
    expect(exam(a)).toEqual([false, 'US', [], 'pelvis']);
    expect(a.pediatric).toBe(false);
  });
});

describe("a newborn spoken of only in the note's prose is not the patient", () => {
  test('Spanish: "Recién nacido de 2 días: Rx de tórax realizada hoy." before her requested ultrasound', () => {
    const a = read(`<div class="cab"><span>PAZ ORTEGA, Inés</span> <span>NHC 00410233</span> <span>31 años</span></div>
      <p>Puerperio inmediato sin incidencias. Recién nacido de 2 días de vida: Rx de tórax realizada hoy en la unidad neonatal. Se solicita ecografía ginecológica transabdominal por dolor pélvico.</p>`);
    expect(exam(a)).toEqual([false, 'US', [], 'pelvis']);
  });
  test('English: "Newborn (DOL 2) had a chest x-ray today in the nursery." before her pelvic ultrasound', () => {
    const a = read(`<div class="hdr"><span>Okafor, Ada</span> <span>MRN 77120455</span> <span>31 y.o. F</span></div>
      <p>Newborn boy, day of life 2, had a chest x-ray today in the nursery for tachypnea. Pelvic ultrasound requested today for fever and uterine tenderness.</p>`);
    expect(exam(a)).toEqual([false, 'US', [], 'pelvis']);
  });
  test('the newborn named earlier in the sentence: "Recién nacido de 2 días: Rx de tórax hoy."', () => {
    const a = read(`<div class="cab"><span>PAZ ORTEGA, Inés</span> <span>NHC 00410233</span> <span>31 años</span></div>
      <p>Recién nacido de 2 días: Rx de tórax hoy, normal. Ecografía pélvica transabdominal pendiente por loquios malolientes.</p>`);
    expect(exam(a)).toEqual([false, 'US', [], 'pelvis']);
  });
  test("a child's own chart that mentions her newborn period is still hers (a 6-year-old: no parent)", () => {
    const a = read(`<div class="hdr"><span>Okafor, Zara</span> <span>MRN 77120999</span> <span>6 y.o. F</span></div>
      <p>Born at term, NICU stay as a newborn for jaundice. Chest x-ray today for cough and fever.</p>`);
    expect(exam(a)).toEqual([true, 'DX', ['radiography'], 'chest']);
  });
});

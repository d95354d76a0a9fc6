/**
 * A chart's own orders table with a patient column (layouts written for the test): inside one patient's chart an
 * orders/requests list repeats the patient's name on every row ("GARCÍA LÓPEZ, Sofía" in the banner, "Sofía García
 * López" in the rows). Those rows are the patient's orders, not a list of people: the order still to be done is the
 * exam, done rows are history. A worklist of different patients stays a list; a row naming someone else is theirs.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, url = 'https://his.example.org/hce/paciente/88/pedidos'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), url, { now: NOW });
const exam = (a: PageAnalysis) => [a.pediatric, a.modality, [...a.campaigns], a.region];
/** The rows of the patient's own orders carry the patient's age: none is someone else's (an age-less row). */
const ownRows = (a: PageAnalysis) => a.records.every((r) => r.ageDays !== null && r.pediatric === a.pediatric);

describe("a chart's own orders with a patient column are the patient's orders", () => {
  test('Spanish table: "Fecha solicitud | Estudio | Paciente | Estado", the name in the rows in any case, accents and order', () => {
    const a = read(`<div class="cabecera"><span class="nom">GARCÍA LÓPEZ, Sofía</span> <span>NHC 00412877</span> <span>6 años</span> <span>Mujer</span></div>
      <h3>Peticiones de imagen</h3>
      <table class="grid"><thead><tr><th>Fecha solicitud</th><th>Estudio</th><th>Paciente</th><th>Estado</th></tr></thead><tbody>
        <tr><td>05/12/2026</td><td>TC de cráneo sin contraste</td><td>GARCIA LOPEZ, SOFIA</td><td>Solicitado</td></tr>
        <tr><td>14/03/2026</td><td>Rx de tórax PA y lateral</td><td>García López, Sofía</td><td>Realizado</td></tr>
        <tr><td>02/01/2026</td><td>Ecografía abdominal</td><td>Sofía García López</td><td>Informado</td></tr>
      </tbody></table>`);
    expect(exam(a)).toEqual([true, 'CT', ['ct'], 'head']);
    expect(ownRows(a)).toBe(true);
  });
  test('English div grid: "Requested | Procedure | Patient | Status", the rows repeat "LAST, First" with a middle initial', () => {
    const a = read(`<div class="banner"><div class="pt">Nguyen, Liam</div><div>MRN 30018842</div><div>DOB 03/24/2019</div></div>
      <div class="orders" role="grid">
        <div role="row" class="hdr"><span role="columnheader">Requested</span><span role="columnheader">Procedure</span><span role="columnheader">Patient</span><span role="columnheader">Status</span></div>
        <div role="row"><span role="gridcell">11/02/2026</span><span role="gridcell">XR Chest 2 Views</span><span role="gridcell">NGUYEN, LIAM J</span><span role="gridcell">Completed</span></div>
        <div role="row"><span role="gridcell">12/06/2026</span><span role="gridcell">CT Abdomen Pelvis with contrast</span><span role="gridcell">Nguyen, Liam</span><span role="gridcell">Pending</span></div>
      </div>`, 'https://ehr.example.org/chart/30018842/orders');
    expect(exam(a)).toEqual([true, 'CT', ['ct'], 'abdomen-pelvis']);
    expect(ownRows(a)).toBe(true);
  });
  test('cards: each order card repeats "Patient: …"; the requested MR is the exam (no campaign)', () => {
    const a = read(`<header><h2>PEREZ, MATEO</h2><span>8 y/o M</span><span>MRN 55001234</span></header>
      <div class="order-card"><div class="t">MRI Brain w/o contrast</div><div>Patient: PEREZ, Mateo</div><div>Status: Ordered</div><div>Ordered 12/05/2026</div></div>
      <div class="order-card"><div class="t">XR Hand left 3 views</div><div>Patient: Perez, Mateo</div><div>Status: Completed</div><div>Ordered 06/10/2026</div></div>`, 'https://ehr.example.org/chart/55001234/orders');
    expect(exam(a)).toEqual([true, 'MR', [], 'head']);
    expect(ownRows(a)).toBe(true);
  });
});

describe('lists of other people stay lists', () => {
  test('a worklist of different patients with a Patient column: records, no exam', () => {
    const a = read(`<h2>Worklist — CT 1</h2>
      <table><thead><tr><th>Requested</th><th>Procedure</th><th>Patient</th><th>DOB</th><th>Status</th></tr></thead><tbody>
        <tr><td>12/07/2026</td><td>CT Head wo</td><td>Nguyen, Liam</td><td>03/04/2019</td><td>Scheduled</td></tr>
        <tr><td>12/07/2026</td><td>CT Chest w</td><td>Ortiz, Ana</td><td>01/02/1970</td><td>Scheduled</td></tr>
        <tr><td>12/07/2026</td><td>XR Knee</td><td>Berg, Ola</td><td>05/05/2012</td><td>Arrived</td></tr>
      </tbody></table>`, 'https://ris.example.org/worklist');
    expect([a.pediatric, a.modality, a.records.length]).toEqual([false, null, 3]);
  });
  test('a chart whose one-row list names someone else: not the patient\'s exam', () => {
    const a = read(`<div class="cabecera"><span>RUIZ MORA, Carmen</span> <span>NHC 00998877</span> <span>34 años</span></div>
      <table><thead><tr><th>Fecha solicitud</th><th>Estudio</th><th>Paciente</th><th>Estado</th></tr></thead><tbody>
        <tr><td>05/12/2026</td><td>TC de cráneo sin contraste</td><td>Lucas Ruiz Mora</td><td>Solicitado</td></tr>
      </tbody></table>`);
    expect([a.pediatric, a.modality]).toEqual([false, null]);
  });
  test('an adult chart of the same shape: her own CT is the exam, not pediatric', () => {
    const a = read(`<div class="cabecera"><span>RUIZ MORA, Carmen</span> <span>NHC 00998877</span> <span>34 años</span></div>
      <table><thead><tr><th>Fecha solicitud</th><th>Estudio</th><th>Paciente</th><th>Estado</th></tr></thead><tbody>
        <tr><td>05/12/2026</td><td>TC de tórax con contraste</td><td>Carmen Ruiz Mora</td><td>Pendiente</td></tr>
        <tr><td>01/06/2026</td><td>Mamografía bilateral</td><td>Carmen Ruiz Mora</td><td>Realizado</td></tr>
      </tbody></table>`);
    expect(exam(a)).toEqual([false, 'CT', ['ct'], 'chest']);
    expect(ownRows(a)).toBe(true);
  });
});

describe('a list whose rows all name one person, with no name read in the header', () => {
  test('the header writes the name without a comma ("SOFÍA GARCÍA LÓPEZ"); the rows repeat "GARCÍA LÓPEZ, Sofía"', () => {
    const a = read(`<h1>SOFÍA GARCÍA LÓPEZ</h1><div>6 años · Mujer · NHC 00412877</div>
      <table><thead><tr><th>Fecha solicitud</th><th>Estudio</th><th>Paciente</th><th>Estado</th></tr></thead><tbody>
        <tr><td>05/12/2026</td><td>Rx de tórax PA</td><td>GARCÍA LÓPEZ, Sofía</td><td>Pendiente</td></tr>
        <tr><td>14/03/2026</td><td>TC de cráneo</td><td>GARCÍA LÓPEZ, Sofía</td><td>Realizado</td></tr>
      </tbody></table>`);
    expect(exam(a)).toEqual([true, 'DX', ['radiography'], 'chest']);
  });
  test('siblings in the rows ("GARCÍA LÓPEZ, Sofía", "GARCÍA LÓPEZ, Lucas"): still a list of people', () => {
    const a = read(`<h1>Peticiones pendientes</h1>
      <table><thead><tr><th>Fecha solicitud</th><th>Estudio</th><th>Paciente</th><th>Estado</th></tr></thead><tbody>
        <tr><td>05/12/2026</td><td>Rx de tórax PA</td><td>GARCÍA LÓPEZ, Sofía</td><td>Pendiente</td></tr>
        <tr><td>05/12/2026</td><td>TC de cráneo</td><td>GARCÍA LÓPEZ, Lucas</td><td>Pendiente</td></tr>
      </tbody></table>`);
    expect([a.pediatric, a.modality]).toEqual([false, null]);
  });
});

/**
 * Tracking boards and whiteboards: a column of what happens next or today ("Today", "Next step", "Pending",
 * "Dispo", Spanish "Hoy", "Pendiente") holds where the patient goes or what waits ("CT", "XR", "US") — a plan or a
 * location, never the row's exam. The exam is the one named under an exam column or in the row (here under headers the
 * reader does not know as exam columns: "Rad", "Workup", "Imágenes"). Minimal layouts
 * written for the test.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T16:00:00Z');

function read(body: string): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>Board</title></head><body>${body}</body></html>`), 'https://ed.example.org/board', { now: NOW });
}

/** The rows the panel would list: pediatric, with an ionizing campaign. */
const listed = (a: PageAnalysis) => a.records.filter((r) => r.pediatric && r.campaigns.length > 0).map((r) => r.modality);

describe('a plan or location column is not the exam', () => {
  test('table: "Today" and "Next step" columns', () => {
    const a = read(`<div>PEDS ED · 12/07/2026 15:40</div><table>
      <tr><th>Rm</th><th>Pt</th><th>Age</th><th>CC</th><th>Rad</th><th>Today</th><th>Next step</th></tr>
      <tr><td>4</td><td>ROWE, ABE</td><td>6y M</td><td>Head injury</td><td>CT Head</td><td>Obs</td><td></td></tr>
      <tr><td>5</td><td>SOTO, BEA</td><td>3y F</td><td>Rash</td><td></td><td>CT</td><td>XR</td></tr>
      <tr><td>6</td><td>TATE, CY</td><td>9m M</td><td>Cough</td><td>XR Chest 1V</td><td></td><td>US</td></tr>
    </table>`);
    expect(listed(a)).toEqual(['CT', 'DX']);
  });
  test('div grid with a header row: "Pending" and "Dispo"', () => {
    const row = (cells: string[]) => `<div class="r">${cells.map((c) => `<span>${c}</span>`).join('')}</div>`;
    const a = read(`<div class="board">${row(['Bed', 'Patient', 'Age', 'Complaint', 'Workup', 'Pending', 'Dispo'])}
      ${row(['A1', 'UHL, DEE', '12y F', 'Wrist pain', 'XR Wrist Lt 3V', '', 'Home'])}
      ${row(['A2', 'VANCE, ELI', '5y M', 'Fever', 'CBC', 'CT', 'Admit'])}
      ${row(['A3', 'WEST, FAY', '15y F', 'Syncope', 'ECG', 'XR', 'Home'])}</div>`);
    expect(listed(a)).toEqual(['DX']);
  });
  test('Spanish table: "Hoy", "Pendiente"', () => {
    const a = read(`<table><tr><th>Box</th><th>Paciente</th><th>Edad</th><th>Motivo</th><th>Imágenes</th><th>Pendiente</th><th>Hoy</th></tr>
      <tr><td>3</td><td>Rojas, Ana</td><td>7 años</td><td>Caída</td><td>Rx codo izquierdo</td><td></td><td>Alta</td></tr>
      <tr><td>4</td><td>Soto, Luis</td><td>4 años</td><td>Dolor abdominal</td><td></td><td>TC</td><td>Eco</td></tr></table>`);
    expect(listed(a)).toEqual(['DX']);
  });
  test('an exam column that holds a modality code still gives the exam', () => {
    const a = read(`<table><tr><th>Rm</th><th>Pt</th><th>Age</th><th>Mod</th><th>Today</th></tr>
      <tr><td>4</td><td>ROWE, ABE</td><td>6y M</td><td>CT</td><td>Obs</td></tr></table>`);
    expect(listed(a)).toEqual(['CT']);
  });
});

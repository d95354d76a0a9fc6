/**
 * Orthanc Explorer 2's expanded study (pages written for the test from OE2's StudyList/StudyItem/StudyDetails
 * markup): a site whose list columns show no birth date, age, study date or modality still shows them in the open
 * study's details — the study's and patient's tags as "Label: value" items and the series table's Modality column.
 * The other rows stay list rows; a collapsed study's details are never read.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../../content/read/analyze';
import type { PageAnalysis } from '../../../../content/read/types';
import { parseHtml } from '../../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>Orthanc Explorer 2</title></head><body><div id="app">${body}</div></body></html>`), 'https://pacs.example.org/ui/app/#/', { now: NOW });

const head = (cols: string[]) =>
  `<thead class="study-table-header"><tr><th></th>${cols.map((c) => `<th class="study-table-title">${c}</th>`).join('')}</tr></thead>`;
const collapsed = (cells: string[], id: string) =>
  `<tbody><tr class="study-row-collapsed"><td><input type="checkbox"></td>${cells.map((c) => `<td class="cut-text"><span>${c}</span></td>`).join('')}</tr><tr class="collapse" id="study-details-${id}"></tr></tbody>`;
const series = (rows: string[][]) =>
  `<table class="table table-sm series-table"><thead><tr><th>Series Number</th><th>Series Description</th><th>Modality</th><th># instances</th></tr></thead><tbody>${rows
    .map((r) => `<tr class="series-row-collapsed">${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

describe('the expanded study\'s details give what the list columns do not show', () => {
  test('DICOM keyword items (StudyDate, PatientAge) and a series table of CR series', () => {
    const a = read(`<table class="table study-table">${head(['Patient Name', 'Patient ID', 'Description', 'Accession Nb'])}
      ${collapsed(['BERG ANNA', 'P100', 'THORAX', 'A1'], 'a1')}
      <tbody><tr class="study-row-expanded"><td><input type="checkbox"></td><td>HOLM NOAH</td><td>P200</td><td>HAND LEFT</td><td>A2</td></tr>
      <tr class="collapse show" id="study-details-a2"><td colspan="5"><table class="table study-details-table"><tbody><tr>
      <td><ul><li>StudyDate: 20261207</li><li>AccessionNumber: A2</li><li>StudyDescription: HAND LEFT</li></ul></td>
      <td><ul><li>PatientName: HOLM NOAH</li><li>PatientAge: 012Y</li><li>PatientSex: M</li></ul></td></tr>
      <tr><td colspan="2">${series([['1', 'PA', 'CR', '1'], ['2', 'OBL', 'CR', '1']])}</td></tr></tbody></table></td></tr></tbody>
      ${collapsed(['LUND EVA', 'P300', 'BRAIN', 'A3'], 'a3')}</table>`);
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality, a.campaigns]).toEqual([true, 4383, 'exam', 'CR', ['radiography']]);
    expect(a.records).toHaveLength(3);
  });
  test('translated labels in label/value spans: Patient Birth Date, Study Date, Body Part Examined; modality only in the series', () => {
    const item = (k: string, v: string) => `<li><span class="details-label">${k}:</span> <span class="details">${v}</span></li>`;
    const a = read(`<table class="table study-table">${head(['Patient Name', 'Description'])}
      <tbody><tr class="study-row-expanded"><td><input type="checkbox"></td><td>OKAFOR ADA</td><td>ABDOMEN 1 VIEW</td></tr>
      <tr class="collapse show" id="study-details-b1"><td colspan="3"><table class="table study-details-table"><tbody><tr>
      <td><ul>${item('Study Date', '20261206')}${item('Body Part Examined', 'ABDOMEN')}</ul></td>
      <td><ul>${item('Patient Birth Date', '20250810')}${item('Patient Sex', 'F')}</ul></td></tr>
      <tr><td colspan="2">${series([['1', 'AP SUPINE', 'DX', '1'], ['99', 'Dose', 'SR', '1']])}</td></tr></tbody></table></td></tr></tbody>
      ${collapsed(['NILSEN ODA', 'CHEST'], 'b2')}</table>`);
    // 2025-08-10 → 2026-12-06
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality, a.campaigns, a.region]).toEqual([true, 483, 'exam', 'DX', ['radiography'], 'abdomen']);
  });
  test('negative: no study expanded — no open record, however the collapsed rows\' details hold tags', () => {
    const a = read(`<table class="table study-table">${head(['Patient Name', 'Description'])}
      ${collapsed(['HOLM NOAH', 'HAND LEFT'], 'c1')}${collapsed(['LUND EVA', 'BRAIN'], 'c2')}</table>`);
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([false, null, null]);
  });
  test('negative: the row\'s own Study Date and Modalities columns win over the details', () => {
    const a = read(`<table class="table study-table">${head(['Patient Name', 'Study Date', 'Modalities'])}
      <tbody><tr class="study-row-expanded"><td><input type="checkbox"></td><td>HOLM NOAH</td><td>20261207</td><td>MR</td></tr>
      <tr class="collapse show" id="study-details-d1"><td colspan="4"><ul><li>PatientAge: 012Y</li><li>StudyDate: 20200101</li></ul>
      ${series([['1', 'T1', 'MR', '20'], ['2', 'LOC', 'CT', '1']])}</td></tr></tbody></table>`);
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality, a.campaigns]).toEqual([true, 4383, 'exam', 'MR', []]);
  });
});

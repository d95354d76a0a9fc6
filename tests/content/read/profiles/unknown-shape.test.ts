/**
 * A site profile that matches a page by its address but finds none of its own markup there (another version of the
 * product, a reskinned or proxied UI, a saved copy): the generic reader reads the page instead of nothing. A page
 * that has the profile's markup but no route shown yet (the app still loading) stays the profile's: nothing read.
 * Layouts written for the test.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../../content/read/analyze';
import type { PageAnalysis } from '../../../../content/read/types';
import { parseHtml } from '../../../helpers/pages';

const NOW = new Date('2026-12-07T12:00:00Z');
const read = (url: string, body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), url, { now: NOW });

const ORTHANC = 'http://pacs.example.org:8042/app/explorer.html#study?uuid=1';
const DCM4CHEE = 'https://pacs.example.org/dcm4chee-arc/ui2/en/study/study';

describe('a page at a profile\'s address without its markup is read by the generic reader', () => {
  test('Orthanc Explorer address, a tag list of a child\'s CT (no jQuery Mobile pages)', () => {
    const a = read(ORTHANC, `<div class="crumb">Patient » Study</div><ul class="tags"><li>Patient</li><li>PatientBirthDate 20190310</li>
      <li>PatientName DOE^JANE</li><li>Study</li><li>StudyDate 20261205</li><li>StudyDescription CT CHEST WO CONTRAST</li></ul>
      <div class="series">Modality: CT · SeriesNumber: 2</div>`);
    expect([a.pediatric, a.ageDays, a.modality, a.campaigns]).toEqual([true, 2827, 'CT', ['ct']]);
    expect(a.evidence.some((e) => e.kind === 'profile' && /Orthanc Explorer/.test(e.text) && /not shaped/.test(e.note ?? ''))).toBe(true);
  });
  test('the same address, an adult\'s study in a table', () => {
    const a = read(ORTHANC, `<table><tr><th>PatientBirthDate</th><td>1964-03-10</td></tr><tr><th>StudyDate</th><td>2026-12-05</td></tr>
      <tr><th>StudyDescription</th><td>CT chest low dose</td></tr></table>`);
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([false, 22915, 'CT']);
  });
  test('dcm4chee-arc address, a study list of plain rows with none open: no one\'s exam, rows counted', () => {
    const a = read(DCM4CHEE, `<table><thead><tr><th>Patient</th><th>Birth Date</th><th>Study Date</th><th>Description</th><th>Modality</th></tr></thead><tbody>
      <tr><td>ROE^ANN</td><td>2019-02-01</td><td>2026-12-01</td><td>CT HEAD WO</td><td>CT</td></tr>
      <tr><td>POE^BOB</td><td>1950-02-01</td><td>2026-12-01</td><td>CT CHEST</td><td>CT</td></tr></tbody></table>`);
    expect([a.pediatric, a.modality]).toEqual([false, null]);
    expect(a.records.filter((r) => r.pediatric)).toHaveLength(1);
  });
});

describe('a page with the profile\'s markup stays the profile\'s', () => {
  test('Orthanc Explorer still loading (its pages, none active yet): nothing read, no generic guess', () => {
    const a = read(ORTHANC, `<div data-role="page" id="find-patients"><ul id="all-patients"></ul></div>
      <div data-role="page" id="study"><ul id="study-info"><li>StudyDescription: <strong>CT HEAD</strong></li></ul><p>PatientBirthDate: 20190310</p></div>`);
    expect([a.pediatric, a.modality, a.profileId]).toEqual([false, null, 'orthanc-explorer']);
  });
});

describe('OpenMRS O3 chart with a banner the profile does not recognise: the generic reader reads the patient and exam', () => {
  const O3 = 'https://emr.example.org/openmrs/spa/patient/4c1d2e3f-0000-4000-8000-00000000abcd/chart/Orders';
  const orders = (name: string, status = 'Active') => `<main><h3>Orders</h3><table><thead><tr><th>Date of order</th><th>Order</th><th>Priority</th><th>Status</th></tr></thead>
    <tbody><tr><td>07-Dec-2026</td><td>${name}</td><td>Routine</td><td>${status}</td></tr></tbody></table></main>`;
  test('a header of spans "Name · Female · 3 yrs, 2 mths · 14-Sept-2023 · OpenMRS ID …", an active radiograph order', () => {
    const a = read(O3, `<header class="patient-header"><div class="info"><span class="pname">Amani Otieno</span><span>·</span><span>Female</span><span>·</span><span>3 yrs, 2 mths</span><span>·</span><span>14-Sept-2023</span><span>·</span><span>OpenMRS ID 100AB7C</span></div></header>${orders('X-ray chest, 2 views')}`);
    expect([a.pediatric, a.ageDays, a.modality, a.campaigns]).toEqual([true, 1180, 'DX', ['radiography']]);
  });
  test('a patient card with a definition list (no role=banner) and a CT order', () => {
    const a = read(O3, `<section class="patientCard"><h2>Juma Kibet</h2><dl><dt>Sex</dt><dd>Male</dd><dt>Birth date</dt><dd>02-Feb-2019</dd><dt>OpenMRS ID</dt><dd>10008YT</dd></dl></section>${orders('CT head without contrast')}`);
    expect([a.pediatric, a.ageDays, a.modality, a.campaigns]).toEqual([true, 2865, 'CT', ['ct']]);
  });
  test('negative: an adult in the same unrecognised header stays adult', () => {
    const a = read(O3, `<header class="patient-header"><div class="info"><span>Grace Wanjiru</span><span>·</span><span>Female</span><span>·</span><span>41 yrs</span><span>·</span><span>03-Sept-1985</span></div></header>${orders('CT head without contrast')}`);
    expect([a.pediatric, a.modality]).toEqual([false, 'CT']);
  });
});

/**
 * DICOM attribute keywords as labels (layouts written for the test): PACS tag views and study pages print
 * `PatientBirthDate`, `StudyDate`, `StudyDescription`, `PatientAge`… beside their values, with or without a colon,
 * in their own element or in one text. A patient's ID and a study's accession number are not two people.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T12:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://pacs.example.org/study/1', { now: NOW });

// A child born 2019-03-10, a CT on 2026-12-05: 2827 days.
describe('keywords beside their values', () => {
  test('a tag list: each keyword in its own span, the value after it, patient ID and accession number', () => {
    const a = read(`<ul class="tags"><li class="d">Patient</li><li><span class="k">PatientBirthDate</span>20190310</li>
      <li><span class="k">PatientID</span>RL-2209981</li><li><span class="k">PatientName</span>DOE^JANE</li><li><span class="k">PatientSex</span>F</li>
      <li class="d">Study</li><li><span class="k">AccessionNumber</span>CT26120544</li><li><span class="k">StudyDate</span>20261205</li>
      <li><span class="k">StudyDescription</span>CT CHEST WO CONTRAST</li><li><span class="k">StudyID</span>8812</li></ul>`);
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality, a.region]).toEqual([true, 2827, 'exam', 'CT', 'chest']);
  });
  test('keyword and value in one text, no colon (a plain tag dump)', () => {
    const a = read(`<div class="dump"><div>PatientName DOE^JANE</div><div>PatientBirthDate 20190310</div><div>PatientID 4471920</div>
      <div>AccessionNumber A26120544</div><div>StudyDate 20261205</div><div>StudyDescription CT HEAD WO CONTRAST</div><div>Modality CT</div></div>`);
    expect([a.pediatric, a.ageDays, a.modality, a.region]).toEqual([true, 2827, 'CT', 'head']);
  });
  test('a tag browser table: keyword, VR, value (DICOM AS age only)', () => {
    const a = read(`<table><thead><tr><th>Tag</th><th>Keyword</th><th>VR</th><th>Value</th></tr></thead><tbody>
      <tr><td>(0010,0010)</td><td>PatientName</td><td>PN</td><td>DOE^JANE</td></tr><tr><td>(0010,1010)</td><td>PatientAge</td><td>AS</td><td>007Y</td></tr>
      <tr><td>(0008,1030)</td><td>StudyDescription</td><td>LO</td><td>XR CHEST 2 VIEWS</td></tr></tbody></table>`);
    expect([a.pediatric, a.modality]).toEqual([true, 'DX']);
  });
  test('an adult\'s tag list: not pediatric', () => {
    const a = read(`<ul><li><span>PatientBirthDate</span>19640310</li><li><span>PatientID</span>4471920</li><li><span>AccessionNumber</span>A26120544</li>
      <li><span>StudyDate</span>20261205</li><li><span>StudyDescription</span>CT CHEST LOW DOSE</li></ul>`);
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([false, 22915, 'CT']);
  });
  test('a surname written in CamelCase is not a keyword ("McDonald Ana")', () => {
    const a = read(`<div class="hdr"><span>McDonald Ana</span> <span>DOB 2019-03-10</span></div><p>Exam: XR chest 2 views</p>`);
    expect([a.pediatric, a.ageDays]).toEqual([true, 2829]);
  });
});

describe('a keyword or attribute name written with its tag number, "(0010,0030)"', () => {
  test('spans: keyword (tag) then value, beside a study row of unlabelled dates', () => {
    const a = read(`<table><tr><td>DOE^JANE</td><td>P-1182</td><td>20190310</td><td>20261205</td><td>CT CHEST WO</td><td>CT</td></tr></table>
      <div class="tags"><span>PatientName (0010,0010)</span><span>DOE^JANE</span><span>PatientBirthDate (0010,0030)</span><span>20190310</span>
      <span>PatientAge (0010,1010)</span><span>007Y</span><span>StudyDate (0008,0020)</span><span>20261205</span><span>Modality (0008,0060)</span><span>CT</span></div>`);
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality]).toEqual([true, 2827, 'exam', 'CT']);
  });
  test('definition list of attribute names with bracketed tags, "Patient\'s Birth Date [0010,0030]:"', () => {
    const a = read(`<dl><dt>Patient's Name [0010,0010]:</dt><dd>DOE^JANE</dd><dt>Patient's Birth Date [0010,0030]:</dt><dd>20190310</dd>
      <dt>Study Date [0008,0020]:</dt><dd>20261205</dd><dt>Study Description [0008,1030]:</dt><dd>XR CHEST 2 VIEWS</dd></dl>`);
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality]).toEqual([true, 2827, 'exam', 'DX']);
  });
  test("an adult's birth date with its tag: not pediatric", () => {
    const a = read(`<div><span>PatientBirthDate (0010,0030)</span><span>19640310</span><span>StudyDate (0008,0020)</span><span>20261205</span>
      <span>StudyDescription (0008,1030)</span><span>CT CHEST LOW DOSE</span></div>`);
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([false, 22915, 'CT']);
  });
});

describe('a study description with no modality word takes the modality code shown for the study', () => {
  test('an Orthanc-Explorer-like study page: "StudyDescription: PELVIS AP + FROG LEG", series "CR · PELVIS AP · 1 instance"', () => {
    const a = read(`<h1>Study</h1><ul class="tags"><li>PatientName: DOE^ANA</li><li>PatientID: 4471920</li><li>PatientBirthDate: 20190310</li>
      <li>StudyDate: 20261205</li><li>StudyDescription: PELVIS AP + FROG LEG</li><li>AccessionNumber: A55120</li></ul>
      <h3>Series</h3><ul class="series"><li><a href="#s1">CR · PELVIS AP · 1 instance</a></li><li><a href="#s2">CR · FROG LEG LATERAL · 1 instance</a></li></ul>`);
    expect([a.pediatric, a.ageDays, a.modality, a.campaigns, a.region]).toEqual([true, 2827, 'CR', ['radiography'], 'pelvis']);
    expect(a.examDescription).toBe('PELVIS AP + FROG LEG');
  });
  test('a tag dump in <pre> with tag numbers: "(0008,1030) StudyDescription  PELVIS AP + FROG LEG", "(0008,0060) Modality  CR"', () => {
    const a = read(`<pre>(0010,0010) PatientName          DOE^ANA
(0010,0030) PatientBirthDate     20190310
(0008,0020) StudyDate            20261205
(0008,1030) StudyDescription     PELVIS AP + FROG LEG
(0008,0060) Modality             CR
</pre>`);
    expect([a.pediatric, a.ageDays, a.modality, a.campaigns, a.region]).toEqual([true, 2827, 'CR', ['radiography'], 'pelvis']);
  });
  test('negative: a tag list of an MR series stays MR ("Modality: MR", "StudyDescription: BRAIN ROUTINE")', () => {
    const a = read(`<ul><li>PatientBirthDate: 20190310</li><li>StudyDate: 20261205</li><li>SeriesDescription: T2 AX BRAIN</li><li>Modality: MR</li><li>StudyDescription: BRAIN ROUTINE</li></ul>`);
    expect([a.modality, a.campaigns, a.region]).toEqual(['MR', [], 'head']);
  });
  test('negative: codes of two kinds for the study (CT and MR series) name no modality', () => {
    const a = read(`<ul><li>PatientBirthDate: 20190310</li><li>StudyDate: 20261205</li><li>StudyDescription: HEAD TRAUMA</li></ul>
      <ul class="series"><li>CT · AXIAL 5MM · 40 instances</li><li>MR · T2 AX · 24 instances</li></ul>`);
    expect([a.modality, a.campaigns]).toEqual([null, []]);
  });
});

describe('keywords inside a run of items on one line (no colon, items apart by wide gaps or dots)', () => {
  test('a patient line "Patient: DOE^JANE   PatientID …   PatientBirthDate 20190310   Sex F" and a study line with its StudyDate', () => {
    const a = read(`<ul class="study"><li>Patient: DOE^JANE &nbsp; PatientID 4471920 &nbsp; PatientBirthDate 20190310 &nbsp; Sex F</li>
      <li>StudyDescription: CT HEAD WO CONTRAST</li><li>AccessionNumber A26120544 &nbsp; StudyDate 20261205</li></ul>`);
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([true, 2827, 'CT']);
  });
  test('items apart by middle dots: "PatientBirthDate 19640310 · PatientSex M · StudyDate 20261205" — an adult', () => {
    const a = read(`<div>Patient: SMITH^ALAN · PatientBirthDate 19640310 · PatientSex M · StudyDate 20261205</div>
      <div>StudyDescription: CT CHEST LOW DOSE</div>`);
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([false, 22915, 'CT']);
  });
});

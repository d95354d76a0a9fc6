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

describe('a colon printed between the label\'s element and the value\'s ("<span>PatientBirthDate</span>: <span>…</span>")', () => {
  test.each([
    [
      'a tag list of spans with the colon between them, series rows below',
      `<ul class="details"><li><span class="tag">PatientID</span>: <span class="val">VH-440918</span></li><li><span class="tag">PatientName</span>: <span class="val">DOE^JANE</span></li>
       <li><span class="tag">PatientBirthDate</span>: <span class="val">20190310</span></li><li><span class="tag">StudyDate</span>: <span class="val">20261205</span></li>
       <li><span class="tag">StudyDescription</span>: <span class="val">XR HAND LEFT 3 VIEWS</span></li></ul>
       <ul><li><a>Series 1 &mdash; DX &mdash; HAND PA &mdash; 1 instance</a></li></ul>`,
      [true, 2827, 'exam', 'DX', 'extremity', 'XR HAND LEFT 3 VIEWS'],
    ],
    [
      'a card of bold labels, a spaced colon, values in their own elements',
      `<div class="card"><div><strong>Patient</strong> : <em>Lind, Oskar</em></div><div><strong>Date of birth</strong> : <em>2019-03-10</em></div>
       <div><strong>Exam date</strong> : <em>2026-12-05</em></div><div><strong>Exam</strong> : <em>CT head without contrast</em></div></div>`,
      [true, 2827, 'exam', 'CT', 'head', 'CT head without contrast'],
    ],
    [
      'a Spanish paragraph of label spans and value spans, one per line',
      `<p><span>Paciente</span>: <span>GARCÍA, SOFÍA</span><br><span>Fecha de nacimiento</span>: <span>10/03/2019</span><br>
       <span>Estudio</span>: <span>RX TÓRAX PA</span><br><span>Fecha del estudio</span>: <span>05/12/2026</span></p>`,
      [true, 2827, 'exam', 'DX', 'chest', 'RX TÓRAX PA'],
    ],
    [
      'bold keywords with the colon in the value\'s text: the description keeps no colon',
      `<ul><li><b>PatientBirthDate</b>: 20190310</li><li><b>StudyDate</b>: 20261205</li><li><b>StudyDescription</b>: XR CHEST 2 VIEWS</li></ul>`,
      [true, 2827, 'exam', 'DX', 'chest', 'XR CHEST 2 VIEWS'],
    ],
    [
      "negative: an adult's tag list read the same way stays an adult's",
      `<ul><li><span>PatientBirthDate</span>: <span>19640310</span></li><li><span>StudyDate</span>: <span>20261205</span></li>
       <li><span>StudyDescription</span>: <span>CT CHEST LOW DOSE</span></li></ul>`,
      [false, 22915, 'exam', 'CT', 'chest', 'CT CHEST LOW DOSE'],
    ],
  ])('%s', (_name, body, expected) => {
    const a = read(body);
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality, a.region, a.examDescription]).toEqual(expected);
  });
  test('negative: a time split over spans ("10:30") is no label', () => {
    const a = read(`<div class="hdr"><span>Lind, Oskar</span> · <span>Appt</span> <span>10</span>:<span>30</span> · <span>DOB</span> 2019-03-10</div><p>Exam: XR chest</p>`);
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([true, 2829, 'DX']);
  });
});

describe("a series' tag view with no study description: its Modality and BodyPartExamined are the study", () => {
  test.each([
    [
      "a series page of spans: an adult's MR knee (no campaign)",
      `<ul><li><span>PatientName</span>: <span>SMITH^ALAN</span></li><li><span>PatientBirthDate</span>: <span>20040310</span></li>
       <li><span>StudyDate</span>: <span>20261205</span></li><li><span>SeriesDescription</span>: <span>PD FS SAG</span></li>
       <li><span>Modality</span>: <span>MR</span></li><li><span>BodyPartExamined</span>: <span>KNEE</span></li></ul>`,
      [false, 8305, 'MR', [], 'extremity'],
    ],
    [
      "a definition list: a child's CT chest",
      `<dl><dt>Patient's Name</dt><dd>DOE^JANE</dd><dt>Patient's Birth Date</dt><dd>20190310</dd><dt>Study Date</dt><dd>20261205</dd>
       <dt>Series Description</dt><dd>AXIAL 1.25</dd><dt>Modality</dt><dd>CT</dd><dt>Body Part Examined</dt><dd>CHEST</dd></dl>`,
      [true, 2827, 'CT', ['ct'], 'chest'],
    ],
    [
      'a tag dump with tag numbers: a child\'s MR brain stays MR',
      `<pre>(0010,0010) PatientName          DOE^JANE
(0010,0030) PatientBirthDate     20190310
(0008,0020) StudyDate            20261205
(0008,0060) Modality             MR
(0018,0015) BodyPartExamined     BRAIN
</pre>`,
      [true, 2827, 'MR', [], 'head'],
    ],
    [
      'negative: a Modality with no body part names no exam',
      `<ul><li><span>PatientBirthDate</span>: <span>20190310</span></li><li><span>StudyDate</span>: <span>20261205</span></li>
       <li><span>Modality</span>: <span>CT</span></li></ul>`,
      [true, 2827, null, [], null],
    ],
    [
      'negative: a body part beside codes of two kinds names no modality',
      `<ul><li><span>PatientBirthDate</span>: <span>20190310</span></li><li><span>StudyDate</span>: <span>20261205</span></li>
       <li><span>Modality</span>: <span>CT</span></li><li><span>BodyPartExamined</span>: <span>HEAD</span></li></ul>
       <ul class="series"><li>MR · T2 AX · 24 instances</li></ul>`,
      [true, 2827, null, [], null],
    ],
  ])('%s', (_name, body, expected) => {
    const a = read(body);
    expect([a.pediatric, a.ageDays, a.modality, a.campaigns, a.region]).toEqual(expected);
  });
  test('"MR" after a Modality label is the code, while "MR" before a number still labels the record number', () => {
    const a = read(`<dl><dt>Patient</dt><dd>DOE^JANE</dd><dt>MR</dt><dd>0042117</dd><dt>DOB</dt><dd>2019-03-10</dd>
      <dt>Study Date</dt><dd>2026-12-05</dd><dt>Modality</dt><dd>MR</dd><dt>Body part</dt><dd>KNEE</dd></dl>`);
    expect([a.pediatric, a.ageDays, a.modality, a.campaigns, a.region]).toEqual([true, 2827, 'MR', [], 'extremity']);
  });
});

describe("a number and a unit letter in another attribute's value is no age (a device's 'ProMax 3D Mid')", () => {
  test.each([
    [
      'a tag list with a model name and no age or birth date',
      `<ul><li><span>PatientName</span>: <span>MORALES^VALENTINA</span></li><li><span>PatientID</span>: <span>SD-20931</span></li>
       <li><span>StudyDescription</span>: <span>CBCT MAXILLA</span></li><li><span>ManufacturerModelName</span>: <span>ProMax 3D Mid</span></li></ul>`,
    ],
    [
      'a definition list of a device field',
      `<dl><dt>Patient:</dt><dd>Lind, Oskar</dd><dt>Device:</dt><dd>Orthophos 3D SL</dd><dt>Exam:</dt><dd>Dental CBCT</dd></dl>`,
    ],
  ])('%s', (_name, body) => {
    const a = read(body);
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
  });
  test.each([
    ['an age under an Age label', `<div>Patient: Lind, Oskar</div><div>Age: 3D</div><div>Exam: XR chest portable</div>`, 3],
    ["an age in the patient's own field", `<dl><dt>Patient:</dt><dd>Ruiz, Baby Boy 3 days</dd><dt>Exam:</dt><dd>XR chest portable</dd></dl>`, 3],
    ['a compact age under another label', `<dl><dt>Patient:</dt><dd>Lind, Oskar</dd><dt>Info:</dt><dd>7 y.o. boy</dd><dt>Exam:</dt><dd>XR chest</dd></dl>`, 2556],
  ])('still an age: %s', (_name, body, days) => {
    expect(read(body).ageDays).toBe(days);
  });
});

describe("a table of attributes ('Tag | Name | Value', 'Etiqueta | VR | Nombre | Valor'): each row's name labels its value", () => {
  /** Rows of other attributes (numbers of the acquisition) between the patient's and the study's. */
  const acquisition = (n: number) =>
    Array.from({ length: n }, (_, i) => `<tr><td>(0018,${String(1000 + i)})</td><td>DS</td><td>Attribute${i}</td><td>${i}.5</td></tr>`).join('');
  test.each([
    [
      "an adult's instance tags: birth date and study date, not the DICOM age nor the instance's creation date",
      `<h2>DICOM Tags</h2><table><thead><tr><th>Tag</th><th>Name</th><th>Value</th></tr></thead><tbody>
       <tr><td>0008,0020</td><td>StudyDate</td><td>20261205</td></tr><tr><td>0008,0060</td><td>Modality</td><td>DX</td></tr>
       <tr><td>0008,1030</td><td>StudyDescription</td><td>XR LUMBAR SPINE 2-3V</td></tr><tr><td>0010,0010</td><td>PatientName</td><td>DOE^JOHN</td></tr>
       <tr><td>0010,0030</td><td>PatientBirthDate</td><td>19870402</td></tr><tr><td>0010,1010</td><td>PatientAge</td><td>039Y</td></tr>
       <tr><td>0008,0012</td><td>InstanceCreationDate</td><td>20261206</td></tr></tbody></table>`,
      [false, 14492, 'exam', 'DX', ['radiography'], 'spine'],
    ],
    [
      "a Spanish tag browser of four columns, the patient's birth date after seventy other attributes: a child's CT head",
      `<table><tr><th>Etiqueta</th><th>VR</th><th>Nombre</th><th>Valor</th></tr><tr><td>(0010,0010)</td><td>PN</td><td>PatientName</td><td>GARCIA^SOFIA</td></tr>
       ${acquisition(70)}<tr><td>(0010,0030)</td><td>DA</td><td>PatientBirthDate</td><td>20190310</td></tr><tr><td>(0010,1010)</td><td>AS</td><td>PatientAge</td><td>007Y</td></tr>
       <tr><td>(0008,0020)</td><td>DA</td><td>StudyDate</td><td>20261205</td></tr><tr><td>(0008,0060)</td><td>CS</td><td>Modality</td><td>CT</td></tr>
       <tr><td>(0018,0015)</td><td>CS</td><td>BodyPartExamined</td><td>HEAD</td></tr></table>`,
      [true, 2827, 'exam', 'CT', ['ct'], 'head'],
    ],
    [
      'a German tag view (Tag | Name | Wert): a child\'s MR stays MR',
      `<table><tr><th>Tag</th><th>Name</th><th>Wert</th></tr><tr><td>0010,0030</td><td>PatientBirthDate</td><td>20190310</td></tr>
       <tr><td>0008,0020</td><td>StudyDate</td><td>20261205</td></tr><tr><td>0008,1030</td><td>StudyDescription</td><td>MRT SCHAEDEL</td></tr>
       <tr><td>0008,0060</td><td>Modality</td><td>MR</td></tr></table>`,
      [true, 2827, 'exam', 'MR', [], 'head'],
    ],
    [
      "negative: a lab panel's Name | Value table names no patient's age nor exam",
      `<div>Patient: Lind, Oskar</div><h3>Labs</h3><table><tr><th>Name</th><th>Value</th></tr><tr><td>Creatinine</td><td>0.4 mg/dL</td></tr><tr><td>eGFR</td><td>110</td></tr></table>`,
      [false, null, null, null, [], null],
    ],
    [
      'negative: a list of two patients under Name | DOB | Study | Date stays a list with no one open',
      `<table><tr><th>Name</th><th>DOB</th><th>Study</th><th>Date</th></tr><tr><td>Lind, Oskar</td><td>2019-03-10</td><td>CT head</td><td>2026-12-05</td></tr>
       <tr><td>Berg, Ana</td><td>1980-01-01</td><td>CT chest</td><td>2026-12-05</td></tr></table>`,
      [false, null, null, null, [], null],
    ],
  ])('%s', (_name, body, expected) => {
    const a = read(body);
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality, a.campaigns, a.region]).toEqual(expected);
  });
});

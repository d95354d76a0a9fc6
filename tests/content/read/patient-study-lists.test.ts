/**
 * One patient's studies (an archive's patient page, a PACS navigation with one patient expanded over its study rows,
 * a viewer's study browser): the newest study is the open exam — its modality, region and date — and older ones are
 * priors. A link back to the list of patients ("← Patients") is navigation, not a section of other people.
 * Several patients are a list (nothing open). Layouts written for the test: a patient card of DICOM keywords beside a
 * list of studies, a table of one patient row over its study rows, a div grid with a back link.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T10:00:00Z');

function read(body: string, url = 'https://archive.example.org/app/patient'): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>Archive</title></head><body>${body}</body></html>`), url, { now: NOW });
}

describe('a link back to the list of patients is not a section of other people', () => {
  test('a patient card of DICOM keywords under a header "← Patients · Patient" (list items)', () => {
    const a = read(`<div class="page-header"><a class="back">&#8592; Patients</a>Patient</div>
      <div class="page"><ul><li><b>PatientBirthDate</b>20150302</li><li><b>PatientName</b>LAMBERT^ZOE</li><li><b>PatientSex</b>F</li></ul></div>`);
    // Born 2015-03-02, today 2026-12-07.
    expect([a.pediatric, a.ageDays]).toEqual([true, 4298]);
  });
  test('label above value blocks after a "‹ Back to patient list" bar', () => {
    const a = read(`<h2>‹ Back to patient list</h2>
      <div class="card"><div class="f"><div class="l">Name</div><div class="v">Okafor, Ben</div></div>
      <div class="f"><div class="l">Date of birth</div><div class="v">1975-04-11</div></div></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 18 * 365).toBe(true);
  });
  test('negative: a title naming a list of patients still marks its rows as other people\'s', () => {
    const a = read(`<h2>Recent patients</h2><ul><li>Roe, Tim · DOB 2018-01-01</li><li>Hale, Amy · DOB 2017-02-02</li></ul>`);
    expect(a.pediatric).toBe(false);
  });
});

describe('one patient over its studies: the newest study done is the open exam', () => {
  const table = (birth: string, studies: string, more = '') => `<div class="bar">Navigation · Studies · Patients · MWL</div>
    <table><tr><th>Patient name</th><th>Patient ID</th><th>Birth Date</th><th>Sex</th><th></th></tr>
    <tr class="pt"><td>&#9662; NOWAK^JAN</td><td>KX-20931</td><td>${birth}</td><td>M</td><td></td></tr>
    <tr><th>Study date</th><th>Accession</th><th>Modalities</th><th>Description</th><th>#I</th></tr>
    ${studies}${more}</table>`;
  const childStudies = `<tr class="st"><td>2026-11-02</td><td>A2611020</td><td>CT</td><td>CT HEAD WO CONTRAST</td><td>210</td></tr>
    <tr class="st"><td>2026-12-07</td><td>A2612071</td><td>MR</td><td>MR BRAIN WO</td><td>640</td></tr>
    <tr class="st"><td>2025-04-19</td><td>A2504193</td><td>DX</td><td>XR CHEST 2 VIEWS</td><td>2</td></tr>`;

  test('a table, one patient row ▾ over study rows in any order: today\'s MR of a child is pediatric with no campaign', () => {
    const a = read(table('2014-01-20', childStudies), 'https://archive.example.org/ui2/study/study');
    // Born 2014-01-20, studied 2026-12-07: 4704 days.
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality, a.campaigns, a.region]).toEqual([true, 4704, 'exam', 'MR', [], 'head']);
  });
  test('an adult\'s PET/CT of last week over a June prior (codes "CT\\\\PT"): PT with its nuclear-medicine and CT campaigns', () => {
    const a = read(table('1966-05-02', `<tr class="st"><td>2026-12-01</td><td>P1</td><td>CT\\PT</td><td>PET/CT FDG SKULL BASE-MIDTHIGH</td><td>1400</td></tr>
      <tr class="st"><td>2026-06-15</td><td>P0</td><td>CT\\PT</td><td>PET/CT FDG SKULL BASE-MIDTHIGH</td><td>1380</td></tr>`));
    expect([a.pediatric, a.modality, a.campaigns, a.region, a.ageBasis]).toEqual([false, 'PT', ['nuclear-medicine', 'ct'], 'whole-body', 'exam']);
  });
  test('a div grid: a patient block (DICOM dates) wrapping its study lines; the newest is a bone scan', () => {
    const a = read(`<div class="list"><div class="patient-group">
        <div class="patient-line"><span>Patient's Name</span><span>SILVA^ANA</span><span>Patient ID</span><span>NRT-55</span><span>Birth Date</span><span>20120410</span><span>Sex</span><span>F</span></div>
        <div class="studies">
          <div class="study-line"><span>20261118</span><span>DX</span><span>XR L-SPINE 2V</span></div>
          <div class="study-line"><span>20261207</span><span>NM</span><span>NM BONE SCAN WHOLE BODY</span></div>
          <div class="study-line"><span>20261125</span><span>MR</span><span>MR L-SPINE W/WO</span></div>
        </div></div></div>`);
    expect([a.pediatric, a.ageDays, a.modality, a.campaigns, a.region]).toEqual([true, 5354, 'NM', ['nuclear-medicine'], 'whole-body']);
  });
});

describe('negatives: no newest study taken', () => {
  const study = (date: string, code: string, desc: string) => `<tr class="st"><td>${date}</td><td>${code}</td><td>${desc}</td><td>1</td></tr>`;
  test('two patients, each over its studies: a list, nothing open', () => {
    const a = read(`<table><tr><th>Patient name</th><th>Patient ID</th><th>Birth Date</th><th>Sex</th></tr>
      <tr class="pt"><td>&#9662; NOWAK^JAN</td><td>KX-1</td><td>2014-01-20</td><td>M</td></tr>${study('2026-12-07', 'CT', 'CT HEAD WO')}${study('2026-10-01', 'DX', 'XR CHEST')}
      <tr class="pt"><td>&#9662; ROSS^EVA</td><td>KX-2</td><td>2016-03-03</td><td>F</td></tr>${study('2026-12-06', 'CT', 'CT ABDOMEN')}</table>`);
    expect([a.pediatric, a.modality, a.campaigns]).toEqual([false, null, []]);
  });
  test('one patient expanded beside another collapsed: a list, nothing open', () => {
    const a = read(`<table><tr><th>Patient name</th><th>Patient ID</th><th>Birth Date</th><th>Sex</th></tr>
      <tr class="pt"><td>&#9656; ROSS^EVA</td><td>KX-2</td><td>2016-03-03</td><td>F</td></tr>
      <tr class="pt"><td>&#9662; NOWAK^JAN</td><td>KX-1</td><td>2014-01-20</td><td>M</td></tr>${study('2026-12-07', 'CT', 'CT HEAD WO')}${study('2026-10-01', 'DX', 'XR CHEST')}</table>`);
    expect([a.modality, a.campaigns]).toEqual([null, []]);
  });
  test('two studies on the newest day: neither is taken for the other', () => {
    const a = read(`<table><tr><th>Patient name</th><th>Patient ID</th><th>Birth Date</th><th>Sex</th></tr>
      <tr class="pt"><td>&#9662; NOWAK^JAN</td><td>KX-1</td><td>2014-01-20</td><td>M</td></tr>${study('2026-12-07', 'CT', 'CT HEAD WO')}${study('2026-12-07', 'US', 'US ABDOMEN')}${study('2026-10-01', 'DX', 'XR CHEST')}</table>`);
    expect([a.modality, a.campaigns]).toEqual([null, []]);
  });
  test('a study booked for a later day is not the exam: the newest done is (an MR, no campaign)', () => {
    const a = read(`<table><tr><th>Patient name</th><th>Patient ID</th><th>Birth Date</th><th>Sex</th></tr>
      <tr class="pt"><td>&#9662; NOWAK^JAN</td><td>KX-1</td><td>2014-01-20</td><td>M</td></tr>${study('2026-12-20', 'CT', 'CT CHEST W')}${study('2026-12-01', 'MR', 'MR KNEE LEFT')}${study('2026-10-01', 'DX', 'XR CHEST')}</table>`);
    expect([a.pediatric, a.modality, a.campaigns]).toEqual([true, 'MR', []]);
  });
});

/**
 * The newest study is the open exam only over an archive's or viewer's rows of studies done (a modality code, a
 * column of the study's own — accession, series, images, modality — or a count of its series or images), never over a
 * chart's rows of orders, results or appointments under the patient's banner (a status word, an order's date): those
 * rows name no open exam, and the banner still tells the patient's age.
 */
describe("a chart's orders, results and appointments under the banner row: no newest study taken", () => {
  const cases: { name: string; body: string; want: [boolean | null, string | null, string[]] }[] = [
    {
      name: 'a table chart: banner row over order rows (Order | Order date | Status | Priority), all done',
      body: `<div class="tabs">Summary · Chart Review · Orders · Results · Notes</div>
        <table><tr><th>Patient</th><th>MRN</th><th>Birth Date</th><th>Sex</th></tr>
        <tr class="banner"><td>PEREZ, MATEO</td><td>448120</td><td>2016-03-14</td><td>M</td></tr>
        <tr><th>Order</th><th>Order date</th><th>Status</th><th>Priority</th></tr>
        <tr><td>CT ABDOMEN PELVIS W CONTRAST</td><td>2026-12-01</td><td>Completed</td><td>Routine</td></tr>
        <tr><td>XR CHEST 2 VIEWS</td><td>2026-11-20</td><td>Completed</td><td>Routine</td></tr>
        <tr><td>US ABDOMEN COMPLETE</td><td>2026-10-02</td><td>Completed</td><td>Routine</td></tr></table>`,
      want: [null, null, []],
    },
    {
      name: 'a div chart: banner row over result cards (date · exam · Final / Preliminary)',
      body: `<div class="hdr">Chart · Patient Lookup · In Basket · Secure Chat</div>
        <div role="grid"><div role="row" class="banner"><span>OKOYE, GRACE</span><span>MRN 7730012</span><span>DOB 2014-08-02</span><span>Female</span></div>
        <div role="row"><span>2026-11-28</span><span>XR WRIST LEFT 3 VIEWS</span><span>Final</span></div>
        <div role="row"><span>2026-12-03</span><span>CT HEAD WO CONTRAST</span><span>Preliminary</span></div>
        <div role="row"><span>2026-09-14</span><span>MRI BRAIN W WO</span><span>Final</span></div></div>`,
      want: [true, null, []],
    },
    {
      name: 'an imaging tab with a Type column of codes, its rows all Final',
      body: `<table><tr><th>Patient</th><th>MRN</th><th>Birth Date</th><th>Sex</th></tr>
        <tr class="banner"><td>VARGA, LILI</td><td>E-55102</td><td>2013-02-11</td><td>F</td></tr>
        <tr><th>Exam date</th><th>Type</th><th>Procedure</th><th>Status</th></tr>
        <tr><td>2026-12-02</td><td>CT</td><td>CT CHEST W CONTRAST</td><td>Final</td></tr>
        <tr><td>2026-10-19</td><td>DX</td><td>XR CHEST 2 VIEWS</td><td>Final</td></tr></table>`,
      want: [null, null, []],
    },
    {
      name: 'a list: banner item over appointment items, all Completed',
      body: `<ul class="chart"><li class="banner">HALE, NOAH · MRN 300918 · DOB 2015-06-30 · M</li>
        <li><span>2026-12-04 09:30</span> <span>CT SINUS WO CONTRAST</span> <span>Completed</span></li>
        <li><span>2026-11-12 14:00</span> <span>US RENAL COMPLETE</span> <span>Completed</span></li>
        <li><span>2026-08-01 10:15</span> <span>XR HAND LEFT 3 VIEWS</span> <span>Completed</span></li></ul>`,
      want: [null, null, []],
    },
    {
      name: 'a table: banner row over dated exam names (Date | Procedure | Department), no code, column or count of a study',
      body: `<table><tr><th>Patient</th><th>MRN</th><th>Birth Date</th><th>Sex</th></tr>
        <tr class="banner"><td>HALE, NOAH</td><td>300918</td><td>2015-06-30</td><td>M</td></tr>
        <tr><th>Date</th><th>Procedure</th><th>Department</th></tr>
        <tr><td>2026-12-04</td><td>CT SINUS WO CONTRAST</td><td>Radiology</td></tr>
        <tr><td>2026-11-12</td><td>US RENAL COMPLETE</td><td>Radiology</td></tr>
        <tr><td>2026-08-01</td><td>XR HAND LEFT 3 VIEWS</td><td>Radiology</td></tr></table>`,
      want: [true, null, []],
    },
  ];
  test.each(cases)('$name', ({ body, want }) => {
    const a = read(body, 'https://ehr.example.org/chart/orders');
    const [pediatric, modality, campaigns] = want;
    expect([a.modality, a.campaigns]).toEqual([modality, campaigns]);
    if (pediatric !== null) expect(a.pediatric).toBe(pediatric);
  });
  test('an order signed among done ones under the banner is still the exam (the order, not the newest row)', () => {
    const a = read(`<ul class="chart"><li class="banner">PEREZ, MATEO · MRN 448120 · DOB 03/14/2016 · M</li>
      <li>CT ABDOMEN PELVIS W CONTRAST · Ordered 12/01/2026 · Signed</li>
      <li>XR CHEST 2 VIEWS · Ordered 11/20/2026 · Completed</li><li>US ABDOMEN COMPLETE · Ordered 10/02/2026 · Completed</li></ul>`);
    expect([a.pediatric, a.modality, a.campaigns, a.ageBasis]).toEqual([true, 'CT', ['ct'], 'order']);
  });
});

describe("a viewer's or archive's studies of one patient with no code: a count of series or images, a study column", () => {
  test("a viewer's study browser: patient item over study items with their series and images counted", () => {
    const a = read(`<ul class="browser"><li class="patient">BERG^ELSA · ID 220-81 · DOB 2016-09-09 · F</li>
      <li><span>2026-10-02</span> <span>XR ELBOW RIGHT 2 VIEWS</span> <span>1 series</span> <span>2 images</span></li>
      <li><span>2026-12-07</span> <span>CT ELBOW RIGHT WO</span> <span>3 series</span> <span>412 images</span></li>
      <li><span>2026-11-20</span> <span>US ELBOW RIGHT</span> <span>1 series</span> <span>36 images</span></li></ul>`, 'https://viewer.example.org/studies');
    expect([a.pediatric, a.modality, a.campaigns, a.ageBasis]).toEqual([true, 'CT', ['ct'], 'exam']);
  });
  test('an archive table with Study date, Accession, Referring physician and Description columns (no modality column)', () => {
    const a = read(`<table><tr><th>Patient name</th><th>Patient ID</th><th>Birth Date</th><th>Sex</th></tr>
      <tr class="pt"><td>&#9662; DIAZ^LUCA</td><td>PX-7</td><td>2012-12-01</td><td>M</td></tr>
      <tr><th>Study date</th><th>Accession</th><th>Referring physician</th><th>Study description</th></tr>
      <tr><td>2026-11-30</td><td>A77120</td><td></td><td>XR FOOT LEFT 3 VIEWS</td></tr>
      <tr><td>2026-12-05</td><td>A77301</td><td></td><td>FL UPPER GI SERIES</td></tr></table>`);
    expect([a.pediatric, a.modality, a.campaigns]).toEqual([true, 'RF', ['fluoroscopy']]);
  });
});

describe("an archive's report column is the reading's, not an order's status", () => {
  test("a patient folder's studies with a Report status column (Final, Preliminary): the newest study is the exam", () => {
    const a = read(`<table><tr><th>Patient name</th><th>MRN</th><th>DOB</th><th>Sex</th></tr>
      <tr class="pt"><td>KOVAC^IDA</td><td>KV-4410</td><td>2015-04-04</td><td>F</td></tr>
      <tr><th>Study date</th><th>Mod</th><th>Description</th><th>Report status</th></tr>
      <tr><td>2026-12-06</td><td>CT</td><td>CT HEAD WO CONTRAST</td><td>Preliminary</td></tr>
      <tr><td>2026-09-12</td><td>DX</td><td>XR SKULL 2 VIEWS</td><td>Final</td></tr></table>`, 'https://pacs.example.org/folder');
    expect([a.pediatric, a.modality, a.campaigns, a.region]).toEqual([true, 'CT', ['ct'], 'head']);
  });
  test('a div list of studies with a Report label row (Read, Dictated): the newest study is the exam', () => {
    const a = read(`<div class="folder"><div class="row pt"><span>ROSSI^MARCO</span><span>ID 88-120</span><span>DOB 2016-01-19</span><span>M</span></div>
      <div class="row hd"><span>Date</span><span>Modality</span><span>Study</span><span>Report</span></div>
      <div class="row"><span>2026-11-02</span><span>US</span><span>US ABDOMEN</span><span>Read</span></div>
      <div class="row"><span>2026-12-05</span><span>RF</span><span>FL VCUG</span><span>Dictated</span></div></div>`, 'https://pacs.example.org/folder');
    expect([a.pediatric, a.modality, a.campaigns]).toEqual([true, 'RF', ['fluoroscopy']]);
  });
});

describe('a record number that begins with a modality\'s letters is no exam: its row stays the patient\'s', () => {
  test("a table: 'MR-4410' beside the name, birth date and sex over the studies", () => {
    const a = read(`<table><tr><th>Patient name</th><th>MRN</th><th>DOB</th><th>Sex</th></tr>
      <tr class="pt"><td>KOVAC^IDA</td><td>MR-4410</td><td>2015-04-04</td><td>F</td></tr>
      <tr><th>Study date</th><th>Mod</th><th>Description</th><th>Accession</th></tr>
      <tr><td>2026-12-06</td><td>CT</td><td>CT HEAD WO CONTRAST</td><td>A1</td></tr>
      <tr><td>2026-09-12</td><td>DX</td><td>XR SKULL 2 VIEWS</td><td>A2</td></tr></table>`);
    expect([a.pediatric, a.ageDays, a.modality, a.campaigns]).toEqual([true, 4264, 'CT', ['ct']]);
  });
  test("a list: 'CT-0098812' as the patient's number over study items (no CT anywhere else)", () => {
    const a = read(`<ul class="browser"><li class="patient"><span>ABARA^CHIDI</span> <span>CT-0098812</span> <span>DOB 2018-03-22</span> <span>M</span></li>
      <li><span>2026-12-01</span> <span>DX</span> <span>XR ANKLE LEFT 3V</span> <span>1 series</span></li>
      <li><span>2026-11-30</span> <span>US</span> <span>US ANKLE LEFT</span> <span>1 series</span></li>
      <li><span>2025-06-11</span> <span>DX</span> <span>XR WRIST RIGHT 2V</span> <span>1 series</span></li></ul>`);
    expect([a.pediatric, a.modality, a.campaigns]).toEqual([true, 'DX', ['radiography']]);
  });
});

describe("a viewer's overlay of the one study shown, its patient's age beside it: that study is the exam", () => {
  test('English overlays with a side panel of study cards', () => {
    const a = read(`<div class="menu"><span>File</span><span>Edit</span><span>View</span><span>Tools</span><span>Help</span></div>
      <div class="side"><div class="pat">MORENO^AVA (5521-09)<br>F</div>
      <div class="st"><b>2026-12-07</b> CR CHEST PA<br>1 series · 1 image</div>
      <div class="st"><b>2025-02-11</b> CR ANKLE RIGHT 2 VIEWS<br>1 series · 2 images</div></div>
      <div class="vp"><div class="ov">MORENO^AVA<br>5521-09<br>006Y F</div>
      <div class="ov">St. Clare Imaging<br>CR CHEST PA<br>2026-12-07 08:41</div>
      <div class="ov">Image 1/1<br>W 2000 / L 1000</div></div>`, 'https://viewer.example.org/view');
    expect([a.pediatric, a.modality, a.campaigns, a.region]).toEqual([true, 'CR', ['radiography'], 'chest']);
  });
  test('Spanish overlays, earlier studies listed after them', () => {
    const a = read(`<div class="menu"><span>Archivo</span><span>Editar</span><span>Ver</span><span>Herramientas</span><span>Ayuda</span></div>
      <div class="vp"><div class="ov">CASTRO^LUCIA<br>HC 77120<br>009Y F</div>
      <div class="ov">Hospital del Sur · Radiología<br>RX Tórax PA<br>07/12/2026 08:41</div>
      <div class="ov">Imagen 1/1<br>W 2000 / L 1000</div></div>
      <div class="st"><b>03/03/2025</b> RX Tobillo derecho<br>1 serie · 2 imágenes</div>
      <div class="st"><b>11/10/2024</b> ECO abdominal<br>1 serie · 30 imágenes</div>`, 'https://visor.example.org/visor');
    expect([a.pediatric, a.modality, a.campaigns, a.region]).toEqual([true, 'DX', ['radiography'], 'chest']);
  });
});

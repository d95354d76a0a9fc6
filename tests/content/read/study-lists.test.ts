/**
 * Lists of studies and worklists in the shapes web PACS and RIS screens draw them: a study list with nothing open,
 * patients followed by their studies, div-table worklists with an age–sex cell, case boards with a drawer, and a
 * header that sits apart from the rows (a sticky header over a scrolling body, a CSS grid of loose cells).
 * Each row is a record with its own age at its own date; a list with nothing open is nobody's exam. Minimal layouts
 * written for the test (none is a corpus page).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-24T15:00:00Z');

function read(body: string, url = 'https://pacs.example.org/studylist', options: AnalyzeOptions = {}): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), url, { now: NOW, ...options });
}

function pediatricIonizing(a: PageAnalysis): string[] {
  return a.records.filter((r) => r.pediatric && r.campaigns.length > 0).map((r) => r.description ?? r.modality ?? '');
}

function nobodysExam(a: PageAnalysis): void {
  expect(a.pediatric).toBe(false);
  expect(a.modality).toBeNull();
  expect(a.campaigns).toEqual([]);
}

describe('a study list with nothing open: every row a record, no exam, no patient', () => {
  test('div rows under a sticky header in its own container, a count line above ("(6 studies)")', () => {
    const a = read(`<div class="app-header"><span class="logo">Viewer</span><span class="user">dr.ames</span></div>
      <div class="study-list">
        <div class="list-toolbar"><span class="title">Study List</span> <span class="count">(6 studies)</span></div>
        <div class="list-head sticky"><div class="cell">Patient Name</div><div class="cell">MRN</div><div class="cell">Birth Date</div><div class="cell">Study Date</div><div class="cell">Modality</div><div class="cell">Description</div></div>
        <div class="list-body scroll">
          <div class="study-row"><div class="cell">LOPEZ, MIA</div><div class="cell">RB0041123</div><div class="cell">Mar-02-2019</div><div class="cell">Nov-24-2026</div><div class="cell">CT</div><div class="cell">CT HEAD WO CONTRAST</div></div>
          <div class="study-row"><div class="cell">GRANT, PETER</div><div class="cell">RB0041150</div><div class="cell">Jan-14-1958</div><div class="cell">Nov-24-2026</div><div class="cell">CT</div><div class="cell">CT CHEST W CONTRAST</div></div>
          <div class="study-row"><div class="cell">NOOR, SAMI</div><div class="cell">RB0041177</div><div class="cell">Nov-26-2008</div><div class="cell">Nov-24-2026</div><div class="cell">DX</div><div class="cell">XR CHEST 2 VIEWS</div></div>
          <div class="study-row"><div class="cell">PARK, JUNE</div><div class="cell">RB0041181</div><div class="cell">Nov-23-2008</div><div class="cell">Nov-24-2026</div><div class="cell">CR</div><div class="cell">XR KNEE 3 VIEWS</div></div>
          <div class="study-row"><div class="cell">LOPEZ, MIA</div><div class="cell">RB0041123</div><div class="cell">Mar-02-2019</div><div class="cell">Oct-11-2026</div><div class="cell">MR</div><div class="cell">MR BRAIN WO</div></div>
          <div class="study-row"><div class="cell">OTTO, LINA</div><div class="cell">RB0041202</div><div class="cell">Jun-30-2023</div><div class="cell">Nov-20-2026</div><div class="cell">US</div><div class="cell">US ABDOMEN COMPLETE</div></div>
        </div>
      </div>`);
    expect(a.records).toHaveLength(6);
    // A 17-year-old two days before the 18th birthday is a child; one 18 since yesterday is not; MR/US never count.
    expect(pediatricIonizing(a)).toEqual(['CT HEAD WO CONTRAST', 'XR CHEST 2 VIEWS']);
    nobodysExam(a);
  });

  test('role-less CSS grid of loose spans: header labels then the cells, no row elements; Age cells (DICOM AS)', () => {
    const a = read(`<h2>Studies</h2><p class="muted">(4 studies)</p>
      <div class="grid" style="display:grid;grid-template-columns:repeat(5,1fr)">
        <span class="h">Patient</span><span class="h">Age</span><span class="h">Study Date</span><span class="h">Modality</span><span class="h">Study Description</span>
        <span>ROSS^ADA</span><span>007Y</span><span>2026-11-23</span><span>CT</span><span>CT ABDOMEN PELVIS W</span>
        <span>WEBB^TOM</span><span>052Y</span><span>2026-11-23</span><span>CT</span><span>CT HEAD WO</span>
        <span>KAYE^ELI</span><span>004M</span><span>2026-11-22</span><span>RF</span><span>VCUG</span>
        <span>ROSS^ADA</span><span>007Y</span><span>2026-11-20</span><span>US</span><span>US RENAL</span>
      </div>`);
    expect(a.records).toHaveLength(4);
    expect(pediatricIonizing(a)).toEqual(['CT ABDOMEN PELVIS W', 'VCUG']);
    nobodysExam(a);
  });

  test('at a viewer\'s address (its date-range filter) but not its list markup: read by the generic reader', () => {
    const a = read(`<div id="root"><input data-cy="input-date-range-start" value=""><input data-cy="input-date-range-end" value="">
      <div class="thead"><div class="tr"><div>Patient Name</div><div>Birth Date</div><div>Study Date</div><div>Modality</div><div>Description</div></div></div>
      <div class="tbody"><div class="tr"><div>ABE^KEN</div><div>Feb-01-2016</div><div><span>Nov-23-2026</span><span>10:15 AM</span></div><div>CT</div><div>CT HEAD</div></div>
        <div class="tr"><div>BAY^LIV</div><div>Feb-01-1960</div><div><span>Nov-23-2026</span><span>11:15 AM</span></div><div>CT</div><div>CT HEAD</div></div></div></div>`, 'https://viewer.example.org/');
    expect(a.profileId).toBe('generic');
    expect(a.records.map((r) => r.pediatric)).toEqual([true, false]);
    nobodysExam(a);
  });

  test('negative: a single chart with a short table of its prior studies is not a list of other patients', () => {
    const a = read(`<div class="banner"><span class="name">HALE, NORA</span> <span>MRN 7781002</span> <span>DOB 05/06/2015</span></div>
      <h2>CT ABDOMEN PELVIS WITH CONTRAST</h2><div>Exam date: 11/24/2026</div>
      <h3>Prior studies</h3>
      <div class="priors"><div class="ph"><div>Study Date</div><div>Modality</div><div>Description</div></div>
        <div class="pr"><div>10/02/2026</div><div>US</div><div>US ABDOMEN</div></div>
        <div class="pr"><div>03/15/2025</div><div>CR</div><div>XR ABDOMEN 1 VIEW</div></div></div>`);
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('CT');
    expect(pediatricIonizing(a)).toEqual([]);
  });
});

describe('a header table apart from its body table (a fixed header over a scrolling body)', () => {
  test('two tables: the first holds only the header cells, the second the rows', () => {
    const a = read(`<div class="grid-wrap"><div class="grid-head"><table><thead><tr><th>Patient</th><th>DOB</th><th>Exam Date</th><th>Mod</th><th>Procedure</th></tr></thead></table></div>
      <div class="grid-body" style="overflow:auto"><table><tbody>
        <tr><td>IBARRA, TOMAS</td><td>07/19/2012</td><td>11/24/2026</td><td>CT</td><td>CT ABDOMEN PELVIS W CONTRAST</td></tr>
        <tr><td>JONES, WENDY</td><td>02/11/1966</td><td>11/24/2026</td><td>CT</td><td>CT CHEST WO CONTRAST</td></tr>
        <tr><td>KERR, AVA</td><td>09/09/2024</td><td>11/24/2026</td><td>RF</td><td>CONTRAST ENEMA</td></tr>
        <tr><td>LYLE, SETH</td><td>05/05/2016</td><td>11/24/2026</td><td>MR</td><td>MR BRAIN W WO</td></tr>
      </tbody></table></div></div>`);
    expect(a.records).toHaveLength(4);
    expect(pediatricIonizing(a)).toEqual(['CT ABDOMEN PELVIS W CONTRAST', 'CONTRAST ENEMA']);
    nobodysExam(a);
  });
});

describe('a header apart from rows inside a scroll area (its viewport beside a scrollbar)', () => {
  test('div header row, then a scroll area whose viewport holds the rows and whose scrollbar is a sibling', () => {
    const a = read(`<div class="head"><div class="row"><div>Patient</div><div>DOB</div><div>Study Date</div><div>Modality</div><div>Study</div></div></div>
      <div class="scroll-area"><div class="viewport"><div class="content">
        <div class="row"><div>NASH, ROY</div><div>2012-04-04</div><div>2026-11-23</div><div>CT</div><div>CT SINUS WO</div></div>
        <div class="row"><div>OWEN, SUE</div><div>1957-04-04</div><div>2026-11-23</div><div>CT</div><div>CT SINUS WO</div></div>
        <div class="row"><div>PIKE, LEA</div><div>2019-09-09</div><div>2026-11-22</div><div>CR</div><div>XR CHEST 2 VIEWS</div></div>
      </div></div><div class="scrollbar"><div class="thumb"></div></div></div>`);
    expect(a.records).toHaveLength(3);
    expect(pediatricIonizing(a)).toEqual(['CT SINUS WO', 'XR CHEST 2 VIEWS']);
    nobodysExam(a);
  });

  test('a header table, then the body table inside a scroll area with a scrollbar sibling', () => {
    const a = read(`<div><table><thead><tr><th>Patient</th><th>Birth Date</th><th>Study Date</th><th>Modalities</th><th>Description</th></tr></thead></table></div>
      <div class="scroll-area"><div class="viewport"><div style="display:table"><table><tbody>
        <tr><td>QUAY, ALI</td><td>2010-01-20</td><td>2026-11-23</td><td>PT/CT</td><td>PET CT WHOLE BODY</td></tr>
        <tr><td>ROSS, IDA</td><td>1949-01-20</td><td>2026-11-23</td><td>CT</td><td>CT CHEST</td></tr>
      </tbody></table></div></div><div class="scrollbar"></div></div>`);
    expect(a.records).toHaveLength(2);
    expect(pediatricIonizing(a)).toEqual(['PET CT WHOLE BODY']);
    nobodysExam(a);
  });
});

describe('patient rows followed by their study rows: each study takes its patient\'s birth date', () => {
  test('a table: a patient row (name, ID, birth date, sex), then indented study rows (date, modality, description)', () => {
    const a = read(`<h1>Studies</h1>
      <table class="patients"><thead><tr><th>Patient's Name</th><th>Patient ID</th><th>Birth Date</th><th>Sex</th><th>#</th></tr></thead><tbody>
        <tr class="patient"><td>VEGA^LUIS</td><td>P-20931</td><td>2014-08-09</td><td>M</td><td>2</td></tr>
        <tr class="study"><td></td><td>2026-11-23</td><td>CT</td><td>CT CHEST WITH CONTRAST</td><td>312</td></tr>
        <tr class="study"><td></td><td>2026-09-02</td><td>MR</td><td>MR KNEE LEFT</td><td>240</td></tr>
        <tr class="patient"><td>HOLT^IRIS</td><td>P-20944</td><td>1979-01-30</td><td>F</td><td>1</td></tr>
        <tr class="study"><td></td><td>2026-11-23</td><td>CT</td><td>CT ABDOMEN PELVIS</td><td>401</td></tr>
        <tr class="patient"><td>BRUN^TEO</td><td>P-20950</td><td>2026-06-01</td><td>M</td><td>2</td></tr>
        <tr class="study"><td></td><td>2026-11-22</td><td>DX</td><td>XR PELVIS AP</td><td>2</td></tr>
        <tr class="study"><td></td><td>2026-11-22</td><td>US</td><td>US HIPS</td><td>24</td></tr>
      </tbody></table>`);
    expect(pediatricIonizing(a)).toEqual(['CT CHEST WITH CONTRAST', 'XR PELVIS AP']);
    expect(a.records).toHaveLength(5);
    expect(a.records[2]!.pediatric).toBe(false); // HOLT, born 1979
    nobodysExam(a);
  });

  test('a div grid of patient blocks, each holding its nested study rows (dcm4chee-arc-like, at its address)', () => {
    const a = read(`<app-root><div class="toolbar">Patients · Studies · MWL</div>
      <div class="list">
        <div class="patient-group"><div class="patient-line"><span>Patient's Name</span><span>KIM^SORA</span><span>Patient ID</span><span>NRT-1183</span><span>Birth Date</span><span>2012-02-29</span><span>Sex</span><span>F</span></div>
          <div class="studies">
            <div class="study-line"><span>2026-11-20</span><span>14:02</span><span>CT</span><span>CT ABDOMEN WITH CONTRAST</span></div>
            <div class="study-line"><span>2025-06-11</span><span>10:40</span><span>US</span><span>US PELVIS</span></div>
          </div></div>
        <div class="patient-group"><div class="patient-line"><span>Patient's Name</span><span>ROCHA^ANA</span><span>Patient ID</span><span>NRT-1190</span><span>Birth Date</span><span>1966-04-03</span><span>Sex</span><span>F</span></div>
          <div class="studies">
            <div class="study-line"><span>2026-11-20</span><span>09:12</span><span>CR</span><span>XR CHEST PA</span></div>
          </div></div>
        <div class="patient-group"><div class="patient-line"><span>Patient's Name</span><span>DIAS^RUI</span><span>Patient ID</span><span>NRT-1201</span><span>Birth Date</span><span>2019-10-10</span><span>Sex</span><span>M</span></div>
          <div class="studies">
            <div class="study-line"><span>2026-11-19</span><span>16:30</span><span>DX</span><span>XR FOREARM 2 VIEWS</span></div>
          </div></div>
      </div></app-root>`, 'https://archive.example.pt/dcm4chee-arc/ui2/en/study/patient');
    expect(pediatricIonizing(a)).toEqual(['CT ABDOMEN WITH CONTRAST', 'XR FOREARM 2 VIEWS']);
    nobodysExam(a);
  });
  test('a table of patients whose expanded rows hold a sub-table of studies with its own header', () => {
    const a = read(`<table class="pts"><thead><tr><th></th><th>Name</th><th>MRN</th><th>DOB</th><th>Sex</th></tr></thead><tbody>
        <tr class="pt" aria-expanded="false"><td>▸</td><td>UNGER, PIA</td><td>M-55120</td><td>06/06/2013</td><td>F</td></tr>
        <tr class="sub"><td colspan="5"><table><thead><tr><th>Study Date</th><th>Modality</th><th>Description</th></tr></thead><tbody>
          <tr><td>11/23/2026</td><td>CT</td><td>CT ABDOMEN PELVIS W</td></tr><tr><td>11/02/2026</td><td>US</td><td>US ABDOMEN</td></tr></tbody></table></td></tr>
        <tr class="pt" aria-expanded="false"><td>▸</td><td>VANCE, HAL</td><td>M-10077</td><td>01/01/1960</td><td>M</td></tr>
        <tr class="sub"><td colspan="5"><table><thead><tr><th>Study Date</th><th>Modality</th><th>Description</th></tr></thead><tbody>
          <tr><td>11/23/2026</td><td>CT</td><td>CT CHEST W</td></tr></tbody></table></td></tr>
        <tr class="pt" aria-expanded="false"><td>▸</td><td>WEST, ZOE</td><td>M-70021</td><td>02/02/2025</td><td>F</td></tr>
        <tr class="sub"><td colspan="5"><table><thead><tr><th>Study Date</th><th>Modality</th><th>Description</th></tr></thead><tbody>
          <tr><td>11/20/2026</td><td>RF</td><td>UPPER GI SERIES</td></tr></tbody></table></td></tr>
      </tbody></table>`);
    expect(pediatricIonizing(a)).toEqual(['CT ABDOMEN PELVIS W', 'UPPER GI SERIES']);
    expect(a.records).toHaveLength(4);
    nobodysExam(a);
  });

  test('negative: one patient\'s banner row followed by the rows of their own orders is a chart, not patients\' groups', () => {
    const a = read(`<div class="rows">
        <div class="row"><span>PRICE, ADAM</span><span>MRN 4410092</span><span>DOB 03/03/1971</span><span>M</span></div>
        <div class="row"><span>11/24/2026</span><span>CT</span><span>CT HEAD WO CONTRAST</span></div>
        <div class="row"><span>11/20/2026</span><span>CR</span><span>XR CHEST 2 VIEWS</span></div>
      </div>`, 'https://ehr.example.org/chart/orders');
    expect(pediatricIonizing(a)).toEqual([]);
    expect(a.pediatric).toBe(false);
  });

  test('negative: patients grouped with their studies, all adults, and a child\'s MR only', () => {
    const a = read(`<table><thead><tr><th>Name</th><th>Patient ID</th><th>Birth Date</th><th>Sex</th></tr></thead><tbody>
        <tr><td>ROY^ANN</td><td>A-1001</td><td>1950-02-02</td><td>F</td></tr>
        <tr class="study"><td>2026-11-23</td><td>CT</td><td>CT HEAD WO</td><td>1</td></tr>
        <tr><td>SAGE^KIT</td><td>A-1002</td><td>2017-03-04</td><td>M</td></tr>
        <tr class="study"><td>2026-11-23</td><td>MR</td><td>MR BRAIN</td><td>1</td></tr>
        <tr><td>TOLL^BEN</td><td>A-1003</td><td>1988-12-12</td><td>M</td></tr>
        <tr class="study"><td>2026-11-22</td><td>DX</td><td>XR HAND</td><td>1</td></tr>
      </tbody></table>`);
    expect(a.records).toHaveLength(3);
    expect(pediatricIonizing(a)).toEqual([]);
    nobodysExam(a);
  });
});

describe('a study browser with a patient expanded (▼) and one of its studies expanded over its series: the open study', () => {
  const table = (studyToggle: string, birth = '2019-03-15') => `<table class="results">
    <thead><tr><th></th><th>Patient's Name</th><th>Patient ID</th><th>Birth Date</th><th>Sex</th><th>#S</th></tr></thead><tbody>
    <tr><td>▶</td><td>ABBOTT^LINDA</td><td>P-0041</td><td>1969-04-02</td><td>F</td><td>2</td></tr>
    <tr><td>▼</td><td>BRENNAN^NOAH</td><td>P-0077</td><td>${birth}</td><td>M</td><td>3</td></tr>
    <tr class="study-head"><td></td><td>Study Date</td><td>Accession</td><td>Modality</td><td>Study Description</td><td>#I</td></tr>
    <tr><td>▶</td><td>2026-11-02</td><td>A26110201</td><td>US</td><td>US ABDOMEN COMPLETE</td><td>42</td></tr>
    <tr><td>${studyToggle}</td><td>2026-11-20</td><td>A26112007</td><td>CT</td><td>CT HEAD WO CONTRAST</td><td>210</td></tr>
    <tr class="series"><td></td><td>Series 1</td><td>CT</td><td>SCOUT</td><td>2</td><td></td></tr>
    <tr class="series"><td></td><td>Series 2</td><td>CT</td><td>AXIAL 2.5 MM BRAIN</td><td>120</td><td></td></tr>
    <tr><td>▶</td><td>2024-06-11</td><td>A24061103</td><td>CR</td><td>XR CHEST 2 VIEWS</td><td>2</td></tr>
    <tr><td>▶</td><td>CORDERO^ELENA</td><td>P-0102</td><td>2012-08-30</td><td>F</td><td>1</td></tr></tbody></table>`;
  test('a table: patient row ▼, study rows under their own header, one ▼ over its series rows', () => {
    const a = read(table('▼'));
    // Born 2019-03-15, studied 2026-11-20: 2807 days.
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality, a.campaigns, a.examDescription]).toEqual([true, 2807, 'exam', 'CT', ['ct'], 'CT HEAD WO CONTRAST']);
  });
  test('div rows with aria-expanded and ▾ toggles, DICOM dates, the series in a block of their own', () => {
    const a = read(`<div class="list">
      <div class="hdr"><span>Patient's Name</span><span>Patient ID</span><span>Birth Date</span><span>Sex</span></div>
      <div class="pat" role="row" aria-expanded="false"><span class="tg">▸</span><span>ABBOTT^LINDA</span><span>P-0041</span><span>19690402</span><span>F</span></div>
      <div class="pat" role="row" aria-expanded="true"><span class="tg">▾</span><span>BRENNAN^NOAH</span><span>P-0077</span><span>20190315</span><span>M</span></div>
      <div class="studies">
       <div class="st" role="row" aria-expanded="false"><span class="tg">▸</span><span>20261102</span><span>US</span><span>US ABDOMEN COMPLETE</span><span>A26110201</span></div>
       <div class="st" role="row" aria-expanded="true"><span class="tg">▾</span><span>20261120</span><span>RF</span><span>FL VCUG</span><span>A26112007</span></div>
       <div class="series"><div class="se"><span>1</span><span>RF</span><span>Fluoro loop 1</span><span>24 images</span></div><div class="se"><span>2</span><span>RF</span><span>Last image hold</span><span>3 images</span></div></div>
       <div class="st" role="row" aria-expanded="false"><span class="tg">▸</span><span>20240611</span><span>CR</span><span>XR CHEST 2 VIEWS</span><span>A24061103</span></div>
      </div>
      <div class="pat" role="row" aria-expanded="false"><span class="tg">▸</span><span>CORDERO^ELENA</span><span>P-0102</span><span>20120830</span><span>F</span></div></div>`);
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality, a.campaigns, a.examDescription]).toEqual([true, 2807, 'exam', 'RF', ['fluoroscopy'], 'FL VCUG']);
  });
  test('negative: an adult patient\'s expanded study is an adult\'s', () => {
    const a = read(table('▼', '1961-01-19'));
    expect([a.pediatric, a.modality]).toEqual([false, 'CT']);
    expect(a.ageDays! > 18 * 365).toBe(true);
  });
  test('negative: the patient expanded but no study open is no exam', () => {
    const a = read(table('▶'));
    expect([a.modality, a.campaigns, a.examDescription]).toEqual([null, [], null]);
  });
});

describe('div-table worklists with an age–sex cell', () => {
  test('ARIA-less div table, "Age/Sex" column ("12Y / M", "009Y F", "5 mo / F"); the selected row is the open exam', () => {
    const a = read(`<div class="wl">
        <div class="wl-head"><div>Status</div><div>Patient</div><div>Age/Sex</div><div>Procedure</div><div>Mod</div><div>Sched</div></div>
        <div class="wl-row"><div>Scheduled</div><div>ORTIZ, CAMILA</div><div>12Y / M</div><div>CT HEAD WO</div><div>CT</div><div>11/24/2026 08:00</div></div>
        <div class="wl-row"><div>Scheduled</div><div>BLAKE, HENRY</div><div>064Y M</div><div>CT CHEST WO</div><div>CT</div><div>11/24/2026 08:30</div></div>
        <div class="wl-row selected"><div>Arrived</div><div>SUNG, ELLA</div><div>009Y F</div><div>FLUORO UPPER GI</div><div>RF</div><div>11/24/2026 09:00</div></div>
        <div class="wl-row"><div>Scheduled</div><div>AVILA, NOA</div><div>5 mo / F</div><div>XR CHEST 1 VIEW</div><div>CR</div><div>11/24/2026 09:30</div></div>
        <div class="wl-row"><div>Scheduled</div><div>FINN, OSCAR</div><div>7Y/M</div><div>MRI BRAIN WO</div><div>MR</div><div>11/24/2026 10:00</div></div>
      </div>`, 'https://ris.example.org/worklist');
    expect(a.records).toHaveLength(5);
    expect(pediatricIonizing(a)).toEqual(['CT HEAD WO', 'FLUORO UPPER GI', 'XR CHEST 1 VIEW']);
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('RF');
  });

  test('a table whose patient cell carries name and "M 9Y" / "F 6 yrs", no age column', () => {
    const a = read(`<table><thead><tr><th>Patient</th><th>Exam</th><th>Modality</th><th>Exam Date</th></tr></thead><tbody>
      <tr><td>DAHL, ELIAS<br><small>M 9Y</small></td><td>CT SINUS WO</td><td>CT</td><td>11/24/2026</td></tr>
      <tr><td>BERG, LARS<br><small>M 72Y</small></td><td>CT SINUS WO</td><td>CT</td><td>11/24/2026</td></tr>
      <tr><td>HOLM, MAJA<br><small>F 6 yrs</small></td><td>XR WRIST LEFT</td><td>DX</td><td>11/24/2026</td></tr></tbody></table>`, 'https://ris.example.org/worklist');
    expect(pediatricIonizing(a)).toEqual(['CT SINUS WO', 'XR WRIST LEFT']);
    nobodysExam(a);
  });
});

describe('case boards: a card per case; the selected case\'s drawer is the open exam', () => {
  test('cath-lab board of cards with DOB, one case open in a drawer', () => {
    const a = read(`<div class="board">
        <div class="lane"><div class="lane-title">Lab 1</div>
          <div class="card"><div class="time">07:30</div><div class="who">REED, OWEN</div><div class="dob">DOB 04/12/2021</div><div class="what">Diagnostic right and left heart catheterization</div></div>
          <div class="card active"><div class="time">10:00</div><div class="who">MARSH, LILY</div><div class="dob">DOB 08/30/2014</div><div class="what">Cardiac catheterization, ASD device closure</div></div>
        </div>
        <div class="lane"><div class="lane-title">Lab 2</div>
          <div class="card"><div class="time">08:00</div><div class="who">COLE, DEAN</div><div class="dob">DOB 02/02/1951</div><div class="what">Coronary angiography</div></div>
          <div class="card"><div class="time">11:30</div><div class="who">PAGE, ROSE</div><div class="dob">DOB 01/19/2018</div><div class="what">Transthoracic echocardiogram</div></div>
        </div>
      </div>
      <div class="drawer open"><h3>Case details</h3>
        <div><span class="k">Patient</span> <span>MARSH, LILY</span></div><div><span class="k">DOB</span> <span>08/30/2014</span></div>
        <div><span class="k">Procedure</span> <span>Cardiac catheterization, ASD device closure</span></div><div><span class="k">Scheduled</span> <span>11/24/2026 10:00</span></div></div>`, 'https://cvis.example.org/board');
    expect(pediatricIonizing(a)).toEqual(['Diagnostic right and left heart catheterization', 'Cardiac catheterization, ASD device closure']);
    expect(a.pediatric).toBe(true);
    expect(a.campaigns).toContain('interventional');
  });

  test('IR board of article cards ("7 y F" beside the name), the selected case in an aside drawer; a room of one card', () => {
    const a = read(`<header class="top"><span>IR Scheduling Board</span> <span>Tue 11/24/2026</span></header>
      <main><section class="col"><h4>IR Suite A</h4>
        <article class="case-card"><p class="slot">08:00–09:00</p><p class="pt">ABBOTT, NINA <span>7 y F</span></p><p class="px">Tunneled central line placement</p><p>Dr. Ruiz</p></article>
        <article class="case-card is-selected" aria-selected="true"><p class="slot">09:30–11:00</p><p class="pt">BAXTER, LEO <span>13 y M</span></p><p class="px">Sclerotherapy of venous malformation, left thigh</p><p>Dr. Ruiz</p></article>
        <article class="case-card"><p class="slot">12:00–13:00</p><p class="pt">CHEN, MAY <span>58 y F</span></p><p class="px">Hepatic chemoembolization</p><p>Dr. Lowe</p></article>
      </section>
      <section class="col"><h4>IR Suite B</h4>
        <article class="case-card"><p class="slot">08:30–09:00</p><p class="pt">DORN, ELI <span>4 y M</span></p><p class="px">US-guided PICC placement</p><p>Dr. Amis</p></article>
      </section></main>
      <aside class="drawer" aria-label="Case"><h3>BAXTER, LEO</h3><div>MRN 00418822 · 13 y M · DOB 03/02/2013</div>
        <dl><dt>Procedure</dt><dd>Sclerotherapy of venous malformation, left thigh</dd><dt>Scheduled</dt><dd>11/24/2026 09:30</dd></dl></aside>`, 'https://ir.example.org/board');
    // The room of one card is not a person: its title ("IR Suite B") is no exam, and the US-guided line is not ionizing.
    expect(pediatricIonizing(a)).toEqual(['Tunneled central line placement', 'Sclerotherapy of venous malformation, left thigh']);
    expect(a.records).toHaveLength(4);
    expect(a.pediatric).toBe(true);
    expect(a.campaigns).toContain('interventional');
  });

  test('IR schedule cards with "6 y / F" ages and no open case: nobody\'s exam', () => {
    const a = read(`<h2>IR schedule — Tuesday</h2><ul class="cases">
        <li class="case"><b>08:00</b> <span>QUINN, ARLO</span> <span>6 y / F</span> <span>PICC placement with fluoroscopy</span></li>
        <li class="case"><b>09:00</b> <span>SHAW, EMMA</span> <span>44 y / F</span> <span>CT-guided liver biopsy</span></li>
        <li class="case"><b>10:30</b> <span>TATE, MILO</span> <span>15 y / M</span> <span>US-guided joint aspiration</span></li>
      </ul>`, 'https://ir.example.org/schedule');
    expect(pediatricIonizing(a)).toEqual(['PICC placement with fluoroscopy']);
    nobodysExam(a);
  });
});

describe('negatives', () => {
  test('a recent-patients sidebar beside an adult\'s open record is not the record, and its children are no rows', () => {
    const a = read(`<div class="recent"><div class="rh">Recent patients</div>
        <div class="rp"><span>ALBA, NIA</span> <span>4 y/o F</span> <span>CT head</span></div>
        <div class="rp"><span>BELL, IAN</span> <span>9 y/o M</span> <span>XR chest</span></div></div>
      <main><div class="banner"><span>STORM, KARL</span> <span>MRN 5520031</span> <span>DOB 07/07/1970</span></div>
        <div><span class="k">Exam</span> <span>CT CHEST WITH CONTRAST</span></div></main>`, 'https://ehr.example.org/chart');
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBe('CT');
    expect(pediatricIonizing(a)).toEqual([]);
  });

  test('adults\' rows are never pediatric, MR/US children never ionizing (a header row apart from the rows)', () => {
    const a = read(`<div class="hdr"><span>Patient</span><span>DOB</span><span>Study Date</span><span>Modality</span><span>Description</span></div>
      <div class="rows">
        <div class="r"><span>KNOX, AL</span><span>1990-01-01</span><span>2026-11-24</span><span>CT</span><span>CT HEAD</span></div>
        <div class="r"><span>LUND, BO</span><span>2016-05-05</span><span>2026-11-24</span><span>MR</span><span>MR SPINE</span></div>
        <div class="r"><span>MOSS, CY</span><span>2020-07-07</span><span>2026-11-24</span><span>US</span><span>US ABDOMEN</span></div>
      </div>`);
    expect(a.records).toHaveLength(3);
    expect(pediatricIonizing(a)).toEqual([]);
    nobodysExam(a);
  });
});

describe('a card of label/value pairs is not a grid of loose cells', () => {
  const banner = `<div class="pbar"><b>Amos, Lia</b> 6yo F DOB: 01/30/2020 #290115</div>`;
  test('an order card: label and value divs in turn, the order\'s procedure is the exam', () => {
    const a = read(`${banner}<div class="card"><div class="k">Order type</div><div>IMAGING</div><div class="k">Order</div><div><b>CT head without contrast</b> — minor fall</div>
      <div class="k">Date to be performed</div><div>11/28/2026</div><div class="k">Diagnosis</div><div>Head injury</div><div class="k">Status</div><div>PENDING</div></div>`);
    expect([a.pediatric, a.modality, a.records.length]).toEqual([true, 'CT', 0]);
    // Six pairs (twelve cells line up as three or four "columns" too).
    const six = read(`${banner}<div class="card"><div class="k">Order type</div><div>IMAGING</div><div class="k">Order</div><div><b>CT head without contrast</b></div>
      <div class="k">Date to be performed</div><div>11/28/2026</div><div class="k">Diagnosis</div><div>Head injury; prior CT 2025 normal</div>
      <div class="k">Facility</div><div>Main campus imaging</div><div class="k">Status</div><div>PENDING</div></div>`);
    expect([six.pediatric, six.modality, six.records.length]).toEqual([true, 'CT', 0]);
    expect(a.ageBasis).toBe('scheduled');
  });
  test('spans in a CSS grid of two columns, label then value; an MR order stays MR', () => {
    const a = read(`${banner}<div class="form" style="display:grid;grid-template-columns:140px 1fr"><span>Procedure</span><span>MRI brain w/o and w/ contrast</span>
      <span>Scheduled</span><span>11/30/2026</span><span>Modality</span><span>MR</span><span>Priority</span><span>Routine</span></div>`);
    expect([a.pediatric, a.modality, a.campaigns, a.records.length]).toEqual([true, 'MR', [], 0]);
  });
  test('a real loose grid (header cells, then rows of values) is still a list', () => {
    const a = read(`<div class="g" style="display:grid;grid-template-columns:repeat(4,1fr)"><span>Patient</span><span>DOB</span><span>Study date</span><span>Description</span>
      <span>Ames, Lia</span><span>2019-03-02</span><span>2026-11-20</span><span>CT head</span><span>Falk, Ola</span><span>1961-07-14</span><span>2026-11-20</span><span>CT chest</span></div>`);
    expect(pediatricIonizing(a)).toEqual(['CT head']);
  });
});

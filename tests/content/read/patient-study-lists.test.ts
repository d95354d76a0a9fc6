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

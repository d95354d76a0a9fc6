/**
 * German PACS, RIS and order screens (layouts written for the test): labels of the patient and the exam
 * (Geburtsdatum / geb., Alter, Geschlecht, PID, Untersuchung, Untersuchungsdatum, Termin, Modalität), ages in years,
 * months and days (6 J., 16 Jahre, 8 Monate, 5 Tage), exam words (Röntgen, MRT, CT, Sonographie, Szintigraphie)
 * and regions (Thorax, Schädel, Knie, Becken, Wirbelsäule), statuses and section titles (befundet, Voruntersuchungen,
 * Befund). A duration ("seit 5 Tagen", "vor 3 Wochen") is no age; an MRT or a Sonographie has no campaign.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-04T09:50:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="de"><head><title>t</title></head><body>${body}</body></html>`), 'https://ris.klinik.example/app', { now: NOW });

// A girl born 30.06.2020, an exam on 04.11.2026: 2318 days.
describe('German labels of the patient and the exam', () => {
  test.each([
    [
      'a header bar of spans ("geb. 30.06.2020", "w", "PID …", "Alter: 6 J.") over a definition list of the current exam',
      `<div class="ph"><span>Schneider, Lina</span><span>geb. 30.06.2020</span><span>w</span><span>PID 40028871</span><span>Alter: 6 J.</span></div>
       <h3>Aktuelle Untersuchung</h3><dl><dt>Untersuchung</dt><dd>Röntgen Thorax p.a.</dd><dt>Modalität</dt><dd>DX</dd><dt>Untersuchungsdatum</dt><dd>04.11.2026</dd></dl>`,
      [true, 2318, 'exam', 'DX', ['radiography'], 'chest'],
    ],
    [
      'a label/value table (Name, Geburtsdatum, Geschlecht, Untersuchung, Datum)',
      `<table><tr><th>Name</th><td>Schneider, Lina</td></tr><tr><th>Geburtsdatum</th><td>30.06.2020</td></tr><tr><th>Geschlecht</th><td>weiblich</td></tr>
       <tr><th>Untersuchung</th><td>CT Schädel nativ</td></tr><tr><th>Untersuchungsdatum</th><td>04.11.2026</td></tr></table>`,
      [true, 2318, 'exam', 'CT', ['ct'], 'head'],
    ],
    [
      'labels with colons in one line, an appointment ahead ("Termin: 10.11.2026")',
      `<p>Patientin: Schneider, Lina &middot; Geb.-Datum: 30.06.2020 &middot; Alter: 6 Jahre</p><p>Untersuchung: Sonographie Hüfte beidseits</p><p>Termin: 10.11.2026</p>`,
      [true, 2324, 'scheduled', 'US', [], 'pelvis'],
    ],
    [
      "negative: an adult's MRT of the knee stays an adult's, with no campaign",
      `<div class="ph"><span>Weber, Jonas</span><span>geb. 02.05.1981</span><span>m</span><span>PID 40011207</span><span>Alter: 45 J.</span></div>
       <dl><dt>Untersuchung</dt><dd>MRT Kniegelenk rechts nativ</dd><dt>Modalität</dt><dd>MR</dd><dt>Untersuchungsdatum</dt><dd>04.11.2026</dd></dl>`,
      [false, 16622, 'exam', 'MR', [], 'extremity'],
    ],
  ])('%s', (_name, body, expected) => {
    const a = read(body);
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality, a.campaigns, a.region]).toEqual(expected);
  });
});

describe('German ages, and durations that are no age', () => {
  test.each([
    ['Alter: 6 J.', `<div>Patient: Schneider, Lina</div><div>Alter: 6 J.</div><div>Untersuchung: Röntgen Thorax</div>`, 2191],
    ['Alter: 8 Monate', `<div>Patient: Schneider, Lina</div><div>Alter: 8 Monate</div><div>Untersuchung: Röntgen Thorax</div>`, 243],
    ['an age in the header line ("16 Jahre")', `<div class="hdr">Yilmaz, Deniz · 16 Jahre · m · PID 40031206</div><h2>MRT Knie rechts</h2>`, 5844],
  ])('%s', (_name, body, days) => {
    expect(read(body).ageDays).toBe(days);
  });
  test.each([
    ['a finding since days ("Fieber seit 5 Tagen")', `<div>Patient: Schneider, Lina</div><h4>Befund</h4><p>Fieber seit 5 Tagen.</p><div>Untersuchung: Röntgen Thorax</div>`],
    ['an injury weeks ago ("vor 3 Wochen")', `<div class="hdr">Yilmaz, Deniz · PID 40031206</div><p>Sportverletzung vor 3 Wochen.</p><h2>MRT Knie rechts</h2>`],
    ['a weekday after a day in a header ("Dec 07 Mon") is no age in months', `<div class="hdr">Lind, Oskar · Dec 07 Mon · MRN 4412</div><h2>XR chest</h2>`],
  ])('negative: %s', (_name, body) => {
    const a = read(body);
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
  });
});

describe('German exam words and regions', () => {
  test.each([
    ['Röntgen Thorax p.a. + seitlich', 'DX', 'chest'],
    ['Thorax 2 Ebenen', 'DX', 'chest'],
    ['CT Schädel nativ', 'CT', 'head'],
    ['MRT Kniegelenk rechts', 'MR', 'extremity'],
    ['Röntgen LWS 2 Ebenen', 'DX', 'spine'],
    ['Röntgen Becken a.p.', 'DX', 'pelvis'],
    ['Sonographie Abdomen', 'US', 'abdomen'],
    ['Skelettszintigraphie', 'NM', null],
    ['Röntgen Handgelenk links', 'DX', 'extremity'],
  ])('"%s" → %s, %s', (exam, modality, region) => {
    const a = read(`<div>Patient: Schneider, Lina</div><div>Geburtsdatum: 30.06.2020</div><div>Untersuchung: ${exam}</div>`);
    expect([a.modality, a.region]).toEqual([modality, region]);
  });
});

describe('German statuses and section titles', () => {
  test('a worklist row "geplant" today is the exam booked; a "befundet" row beside it is done', () => {
    const a = read(`<div class="ph"><span>Schneider, Lina</span><span>geb. 30.06.2020</span><span>w</span></div>
      <table><tr><th>Datum</th><th>Untersuchung</th><th>Status</th></tr><tr><td>10.11.2026</td><td>MRT Schädel</td><td>geplant</td></tr>
      <tr><td>02.10.2026</td><td>Röntgen Thorax</td><td>befundet</td></tr></table>`);
    expect([a.pediatric, a.modality, a.campaigns]).toEqual([true, 'MR', []]);
  });
});

describe("a table's caption titles its rows as a heading above it does", () => {
  test.each([
    [
      'German: a "befundet" ultrasound under "Untersuchungshistorie" is a prior, not the X-ray\'s modality',
      `<div class="ph"><span>Schneider, Lina</span><span>geb. 30.06.2020</span><span>w</span><span>PID 40028871</span></div>
       <dl><dt>Untersuchung</dt><dd>Röntgen Thorax p.a.</dd><dt>Untersuchungsdatum</dt><dd>04.11.2026</dd></dl>
       <table><caption>Untersuchungshistorie</caption><tr><th>Datum</th><th>Mod.</th><th>Untersuchung</th><th>Status</th></tr>
       <tr><td>15.01.2024</td><td>US</td><td>Abdomen</td><td>befundet</td></tr></table>`,
      [true, 2318, 'DX', ['radiography'], 'chest'],
    ],
    [
      'English: an "Exam history" caption over a Final ultrasound',
      `<div class="ph"><span>Lind, Lina</span><span>DOB 06/30/2020</span><span>F</span><span>MRN 40028871</span></div>
       <dl><dt>Exam</dt><dd>XR chest PA</dd><dt>Exam date</dt><dd>11/04/2026</dd></dl>
       <table><caption>Exam history</caption><tr><th>Date</th><th>Mod.</th><th>Exam</th><th>Status</th></tr><tr><td>01/15/2024</td><td>US</td><td>Abdomen</td><td>Final</td></tr></table>`,
      [true, 2318, 'DX', ['radiography'], 'chest'],
    ],
    [
      "negative: a caption that names no section (\"Series\") leaves the rows the study's: its series' code is the exam's",
      `<div class="ph"><span>Lind, Lina</span><span>DOB 06/30/2020</span><span>F</span><span>MRN 40028871</span></div>
       <dl><dt>Exam</dt><dd>XR pelvis AP</dd><dt>Exam date</dt><dd>11/04/2026</dd></dl>
       <table><caption>Series</caption><tr><th>#</th><th>Mod.</th><th>Description</th><th>Images</th></tr><tr><td>1</td><td>CR</td><td>PELVIS AP</td><td>1</td></tr></table>`,
      [true, 2318, 'CR', ['radiography'], 'pelvis'],
    ],
  ])('%s', (_name, body, expected) => {
    const a = read(body);
    expect([a.pediatric, a.ageDays, a.modality, a.campaigns, a.region]).toEqual(expected);
  });
});

/**
 * A zero-footprint viewer's open study beside its study browser (layouts written for the test, none a corpus page):
 * the header or overlay shows the open study (patient, `007Y M`, study date, study description), a side panel lists
 * the patient's studies or the open study's series thumbnails. The exam is the open study — dated as the header's
 * or overlay's study date, or the selected group of the panel — never an older study of the panel; a series label
 * ("CT · Se 2 · Chest 1.25mm Lung · 212 img") gives the modality, the study description the name and region; a hybrid
 * study's codes in one list ("PT\CT") beside its nuclear series add its CT.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Viewer</title></head><body>${body}</body></html>`), 'https://zfp.example-hospital.org/viewer/#/study/1.2.840.113619.2.55', { now: NOW });
const exam = (a: PageAnalysis) => [a.pediatric, a.modality, [...a.campaigns], a.region];

describe('the open study, not an older one of the study browser', () => {
  test('header strip with the study description and date; study browser of cards, the prior CR chest below the open CT', () => {
    const a = read(`<div class="topbar"><span class="brand">Enterprise Viewer</span>
        <div class="pt"><span class="nm">NGUYEN, LIAM</span><span>007Y M</span><span>MRN 5520193</span><span>DOB 14-Aug-2019</span></div>
        <div class="st"><span>CT CERVICAL SPINE WO CONTRAST</span><span>04-Dec-2026</span></div></div>
      <div class="browser"><div class="tabs"><span class="tab on">Primary</span><span class="tab">Recent</span><span class="tab">All</span></div>
        <div class="card"><div class="ln"><span>04-Dec-2026</span><span>CT</span></div><div class="ds">CT CERVICAL SPINE WO CONTRAST</div><div class="ct">3 series</div></div>
        <div class="card"><div class="ln"><span>11-Mar-2025</span><span>CR</span></div><div class="ds">XR CHEST 2 VIEWS</div><div class="ct">1 series</div></div></div>
      <div class="vp"><div class="ov tl">NGUYEN^LIAM<br>5520193</div><div class="ov bl">Se: 2 Im: 106/212<br>Bone 1.25mm Axial</div><div class="ov br">W: 2000 L: 500</div></div>`);
    expect(exam(a)).toEqual([true, 'CT', ['ct'], 'spine']);
    expect([a.ageBasis, a.ageDays]).toEqual(['exam', 2669]);
  });

  test('thumbnail groups by study (the open one marked active, no description in the overlay), "Study Date" in the overlay', () => {
    const a = read(`<div class="hdr"><b>OKONKWO, ADA</b> <span>F</span> <span>006Y</span> <span>PID 88120455</span></div>
      <aside class="thumbs">
        <section class="grp"><div class="gh">CR · 2025-06-02 · CHEST PA AND LATERAL</div><div class="th">CR 1 img</div><div class="th">CR 1 img</div></section>
        <section class="grp active"><div class="gh">CT · 2026-12-04 · CT ABDOMEN PELVIS W CONTRAST</div><div class="th">CT Se 1 · 3 img</div><div class="th">CT Se 2 · 240 img</div></section>
      </aside>
      <div class="vp"><div class="ov">OKONKWO^ADA<br>88120455</div><div class="ov">Study Date: 2026-12-04<br>Se: 2 Im: 120/240</div></div>`);
    expect(exam(a)).toEqual([true, 'CT', ['ct'], 'abdomen-pelvis']);
  });

  test('study groups in a role=complementary panel, none marked, the prior first: the one dated as the overlay\'s "Study Date"', () => {
    const a = read(`<div class="hdr"><b>OKONKWO, ADA</b> <span>F</span> <span>006Y</span> <span>PID 88120455</span></div>
      <div role="complementary" class="thumbs">
        <div class="grp"><div class="gh">2025-06-02 · CR · CHEST PA AND LATERAL</div><div class="th">Se 1 · 1 img</div><div class="th">Se 2 · 1 img</div></div>
        <div class="grp"><div class="gh">2026-12-04 · CT · CT CERVICAL SPINE WO CONTRAST</div><div class="th">Se 2 · Bone 1.25mm · 212 img</div><div class="th">Se 3 · Sag MPR · 88 img</div></div>
      </div>
      <div class="vp"><div class="ov tl">OKONKWO^ADA<br>88120455<br>006Y F</div><div class="ov tr">Study Date: 2026-12-04<br>Se: 2 Im: 120/212</div></div>`);
    expect(exam(a)).toEqual([true, 'CT', ['ct'], 'spine']);
    expect(a.ageBasis).toBe('exam');
  });

  test('a DICOM-keyword overlay ("StudyDate 20261204", "Modality CT") beside a table of the patient\'s studies, the prior CR first', () => {
    const a = read(`<div class="pbar">Patient: <b>SILVA, TOMAS</b> · DOB 2022-12-05 · M · ID 70023118</div>
      <div class="studies"><table><thead><tr><th>Date</th><th>Mod</th><th>Description</th><th>Images</th></tr></thead><tbody>
        <tr><td>2026-03-15</td><td>CR</td><td>XR CHEST 1 VIEW</td><td>1</td></tr>
        <tr><td>2026-12-04</td><td>CT</td><td>CT HEAD WO CONTRAST</td><td>186</td></tr></tbody></table></div>
      <div class="vp"><div class="c tl">SILVA^TOMAS<br>PatientID 70023118</div><div class="c tr">StudyDate 20261204<br>Modality CT</div><div class="c bl">Series 2 · Image 93/186</div></div>`);
    expect(exam(a)).toEqual([true, 'CT', ['ct'], 'head']);
    // Three years and 364 days at the study (four years on the day the page is read).
    expect([a.ageBasis, a.ageDays]).toEqual(['exam', 1460]);
  });

  test('a series label "CT · Se 2 · Chest 1.25mm Lung · 212 img" gives the modality; the study description the name and region', () => {
    const a = read(`<div class="hdr"><span>BERG, ELIN</span> <span>012Y F</span> <span>MRN 4430981</span></div>
      <div class="studybar"><span class="lab">Study</span> <span>CT CHEST ABDOMEN PELVIS W CONTRAST</span> <span>2026-12-04</span></div>
      <div class="series"><div class="s">CT · Se 1 · Scout · 2 img</div><div class="s sel">CT · Se 2 · Chest 1.25mm Lung · 212 img</div><div class="s">CT · Se 3 · Abd 2.5mm · 180 img</div></div>
      <div class="vp"><div class="ov">BERG^ELIN<br>Se: 2 Im: 88/212</div></div>`);
    expect(exam(a)).toEqual([true, 'CT', ['ct'], 'chest-abdomen-pelvis']);
    expect(a.examDescription).toMatch(/CHEST ABDOMEN PELVIS/);
  });
});

describe("the study's date beside its description", () => {
  test('a study bar "Study | CT CHEST ABDOMEN PELVIS W CONTRAST | 03-Dec-2026 16:42" in a viewer: the exam date', () => {
    const a = read(`<header><span>BERG, ELIN</span> <span>012Y F</span> <span>DOB 30-Sep-2014</span></header>
      <div class="sb"><span class="k">Study</span> <span>CT CHEST ABDOMEN PELVIS W CONTRAST</span> <span>03-Dec-2026 16:42</span></div>
      <div class="ser"><div>CT · Se 2 · Chest 1.25mm Lung · 212 img</div></div>`);
    expect([a.ageBasis, a.ageDays]).toEqual(['exam', 4447]);
  });
  test('a viewer\'s title block: a heading with the description, the date on the line under it', () => {
    const a = read(`<div class="pt"><b>OKAFOR, EMEKA</b> · DOB 11/26/2020 · MRN 7730021</div>
      <div class="st"><h3>XR FOREARM 2 VIEWS LEFT</h3><div>12/04/2026 09:12</div></div>
      <div class="th">Se 1 · 1 img</div><div class="th">Se 2 · 1 img</div>`);
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['exam', 2199, 'DX']);
  });
  test('not a viewer (no image labels): the date beside an order\'s name is not made the exam date', () => {
    const a = read(`<div class="pt"><b>OKAFOR, EMEKA</b> · DOB 11/26/2020 · MRN 7730021</div>
      <div class="st"><h3>XR FOREARM 2 VIEWS LEFT</h3><div>12/04/2026 09:12</div></div>`);
    expect(a.ageBasis).not.toBe('exam');
  });
});

describe('negatives', () => {
  test('an adult viewer whose "Recently viewed" panel lists children', () => {
    const a = read(`<div class="hdr"><span>HALVORSEN, PER</span> <span>054Y M</span> <span>MRN 1120934</span> <span>Study Date 2026-12-04</span></div>
      <div class="recent"><div class="t">Recently viewed</div>
        <div class="r">LOPEZ, ANA · 004Y F · CT HEAD WO · 2026-12-03</div><div class="r">KIM, JIN · 009Y M · XR CHEST 2V · 2026-12-02</div></div>
      <div class="series"><div class="s">CT Se 2 · Axial 2.5mm · 120 img</div></div>
      <div class="vp"><div class="ov">HALVORSEN^PER<br>CT CHEST WO CONTRAST<br>2026-12-04</div></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 50 * 365).toBe(true);
  });

  test('an adult viewer whose "Recently viewed" lines of children are dated as the open study', () => {
    const a = read(`<div class="bar"><span>HALVORSEN, PER</span> <span>054Y M</span> <span>DOB 09-Mar-1972</span></div>
      <div class="recent"><div>Recently viewed</div><div>LOPEZ, ANA · 004Y F · CT HEAD WO · 05-Dec-2026</div><div>KIM, JIN · 009Y M · XR CHEST 2V · 05-Dec-2026</div></div>
      <div class="series"><div>Se 2 · Axial 2.5mm · 140 img</div></div>
      <div class="vp"><div class="ov">CT CHEST WO CONTRAST<br>Study Date: 05-Dec-2026</div></div>`);
    expect([a.pediatric, a.modality, a.region]).toEqual([false, 'CT', 'chest']);
  });

  test('a study list with no study open: no exam', () => {
    const a = read(`<div class="bar">Study List · 3 studies</div>
      <table><tr><th>Patient</th><th>MRN</th><th>Age</th><th>Date</th><th>Modality</th><th>Description</th></tr>
        <tr><td>NGUYEN, LIAM</td><td>5520193</td><td>007Y</td><td>04-Dec-2026</td><td>CT</td><td>CT CERVICAL SPINE WO</td></tr>
        <tr><td>HALVORSEN, PER</td><td>1120934</td><td>054Y</td><td>04-Dec-2026</td><td>CT</td><td>CT CHEST WO</td></tr></table>`);
    expect(a.pediatric).toBe(false);
  });

  test("a thumbnail panel with only the open study's series: the overlay's description is the exam", () => {
    const a = read(`<div class="hdr"><span>NGUYEN, LIAM</span> <span>007Y M</span> <span>MRN 5520193</span></div>
      <div class="thumbs"><div class="th">Se 1 · Scout · 2 img</div><div class="th">Se 2 · Axial 2.5mm · 120 img</div><div class="th">Se 3 · Coronal MPR · 60 img</div></div>
      <div class="vp"><div class="ov tr">StudyDate 20261204<br>CT HEAD WO CONTRAST</div></div>`);
    expect(exam(a)).toEqual([true, 'CT', ['ct'], 'head']);
  });
});

describe("a hybrid study's codes in one list ('PT\\CT', 'NM/CT') beside its nuclear series: nuclear medicine and CT", () => {
  test("thumbnails of the open PET's series (the PT one active, 'AC' in its name), the overlay's code list 'PT\\CT'", () => {
    const a = read(`<div class="bar"><b>HALVORSEN, EIR</b> · 013Y F · ID 3390125</div>
      <div class="series"><div class="s active"><span>PT</span> <span>WB FDG AC</span> <span>311 img</span></div>
        <div class="s"><span>PT</span> <span>WB FDG NAC</span> <span>311 img</span></div></div>
      <div class="vp"><div class="ov">HALVORSEN^EIR<br>3390125</div><div class="ov">2026-12-04<br>PT\\CT</div></div>`);
    expect(exam(a)).toEqual([true, 'PT', ['nuclear-medicine', 'ct'], 'whole-body']);
  });
  test("a SPECT series open, the study's header listing 'NM/CT' among its tokens", () => {
    const a = read(`<div class="hdr"><span>OYELARAN, TAYO</span><span>009Y M</span><span>2026-12-03</span><span>NM/CT</span></div>
      <div class="thumbs"><div class="t sel">NM · SPECT MIBG ABDOMEN · 120 img</div></div>`);
    expect(exam(a)).toEqual([true, 'NM', ['nuclear-medicine', 'ct'], 'abdomen']);
  });
  test("negatives: a PET alone ('PT' only, its 'AC' no CT); a CT exam keeps no nuclear campaign beside a 'PT\\CT' list", () => {
    const a = read(`<div class="bar"><b>HALVORSEN, EIR</b> · 013Y F · ID 3390125</div>
      <div class="series"><div class="s active"><span>PT</span> <span>WB FDG AC</span> <span>311 img</span></div></div>
      <div class="vp"><div class="ov">2026-12-04<br>PT</div></div>`);
    expect(exam(a)).toEqual([true, 'PT', ['nuclear-medicine'], 'whole-body']);
    const b = read(`<div class="bar"><b>HALVORSEN, EIR</b> · 013Y F · ID 3390125</div>
      <div class="series"><div class="s active"><span>CT</span> <span>CT CHEST LUNG 1.25</span> <span>240 img</span></div></div>
      <div class="vp"><div class="ov">2026-12-04<br>PT\\CT</div></div>`);
    expect(b.campaigns).toEqual(['ct']);
  });
});

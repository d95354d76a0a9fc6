/**
 * A viewer's overlay text dates the study it shows (layouts written for the test): "Study Date", "Acq Date",
 * "Series Date", "Fecha del estudio", ISO, DICOM or numeric, with a time after it, in the same text as its label or
 * not, whether or not the reader names the exam; a prior's thumbnail line is never the reference.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Viewer</title></head><body>${body}</body></html>`), 'https://pacs.example.org/viewer/?study=1.2.840.1', { now: NOW });
const age = (a: PageAnalysis) => [a.ageBasis, a.ageDays];

describe("the overlay's labelled study date is the exam date", () => {
  test('corner blocks of lines: "Study Date: 2026-12-04   14:21", an exam the reader names', () => {
    const a = read(`<div class="viewport"><div class="ov ov-tl">KOWALSKI^NINA<br>ID: 55102934<br>DOB: 2019-03-02 F</div>
      <div class="ov ov-tr">Study Date: 2026-12-04   14:21<br>XR CHEST 1V<br>Children's Hospital</div>
      <div class="ov ov-bl">Se: 1 Im: 1/1<br>W: 2048 L: 1024</div></div>`);
    expect(age(a)).toEqual(['exam', 2834]);
    expect(a.modality).toBe('DX');
  });
  test('no exam the reader can name ("CHEST 1V" and a code): the date still dates the age', () => {
    const a = read(`<div class="overlay"><div>OKAFOR^EMEKA</div><div>PID 7730021</div><div>DOB 2020-06-11</div>
      <div>Acq Date: 20261204 Acq Time: 142100</div><div>CHEST 1V</div><div>CR</div></div>`);
    expect(age(a)).toEqual(['exam', 2367]);
  });
  test('"Series Date 04-Dec-2026 14:21:05" in one span, DOB in another', () => {
    const a = read(`<div class="dicom-overlay"><span>LINDQVIST, ELSA</span> <span>DOB 03-Feb-2016</span> <span>F</span>
      <span>Series Date 04-Dec-2026 14:21:05</span> <span>CT HEAD WO CONTRAST</span> <span>Series 3 · Axial 5mm</span></div>`);
    expect(age(a)).toEqual(['exam', 3957]);
    expect(a.modality).toBe('CT');
  });
  test('Spanish: "Fecha del estudio 04/12/2026 14:21" and "F. nac. 15/09/2021"', () => {
    const a = read(`<div class="visor"><div class="esq-si"><span>RUIZ MORA, PABLO</span><br><span>NHC 2231907</span><br><span>F. nac. 15/09/2021</span></div>
      <div class="esq-sd"><span>Fecha del estudio 04/12/2026 14:21</span><br><span>RX TÓRAX PA</span></div></div>`, 'es');
    expect(age(a)).toEqual(['exam', 1906]);
  });
});

describe("an infant's age at the overlay's study date (days count near a boundary)", () => {
  test('four corner blocks, DICOM keywords: "PatientBirthDate 20261106" top-left, "StudyDate 20261204" top-right', () => {
    const a = read(`<div class="vp"><div class="corner tl"><div>BAKER^NOAH</div><div>PatientID 90412277</div><div>PatientBirthDate 20261106</div><div>PatientSex M</div></div>
      <div class="corner tr"><div>StudyDate 20261204</div><div>StudyTime 091544</div><div>CT HEAD WO CONTRAST</div></div>
      <div class="corner bl"><div>SeriesNumber 3 · Instance 12/40</div><div>kVp 80 · mA 90</div></div>
      <div class="corner br"><div>WW 80 WL 40</div><div>Thk 5.0 mm</div></div></div>`);
    // 28 days old at the study, 31 on the day the page is read.
    expect(age(a)).toEqual(['exam', 28]);
    expect([a.pediatric, a.modality]).toEqual([true, 'CT']);
  });
  test('one text block of lines: "Acq Date 20261204", "DOB 20261106", the exam named only by a series', () => {
    const a = read(`<pre class="overlay">HOLM^ELSA
ID 7712093   F
DOB 20261106
Acq Date 20261204  09:15:44
Se 2  Im 14/36
Chest AP</pre>`);
    expect(age(a)).toEqual(['exam', 28]);
  });
  test('corner spans with "Study: 2026/12/04" and "Born: 2026/11/06", a CR code in the bottom corner', () => {
    const a = read(`<div class="ov-tl"><span>OKAFOR, BABY BOY</span><br><span>MRN 40017733</span><br><span>Born: 2026/11/06</span></div>
      <div class="ov-tr"><span>Study: 2026/12/04 10:02</span><br><span>NICU PORTABLE</span></div>
      <div class="ov-bl"><span>CR</span><br><span>Im: 1/1</span></div>`);
    expect(age(a)).toEqual(['exam', 28]);
    expect(a.modality).toBe('CR');
  });
});

describe("a prior's thumbnail is not the reference", () => {
  test('"Prior: CR · CHEST 1V · 2026-10-19" beside the current study with its own date', () => {
    const a = read(`<div class="ov">KOWALSKI^NINA<br>DOB: 2019-03-02<br>Study Date: 2026-12-04 14:21<br>XR CHEST 1V</div>
      <div class="thumbs"><div class="thumb cur">CR · CHEST 1V · 2026-12-04</div><div class="thumb">Prior: CR · CHEST 1V · 2026-10-19</div></div>`);
    expect(age(a)).toEqual(['exam', 2834]);
  });
  test('the prior is the only date shown: today, not the prior', () => {
    const a = read(`<div class="ov">KOWALSKI^NINA<br>DOB: 2019-03-02<br>XR CHEST 1V</div>
      <div class="thumbs"><div class="thumb">Prior: CR · CHEST 1V · 2026-10-19</div><div class="thumb">Prior DX CHEST 2V 2025-01-05</div></div>`);
    expect(age(a)).toEqual(['today', 2837]);
  });
});

/**
 * A web viewer's open study among the patient's study list (layouts written for the test): a history panel lists
 * "date · modality · description" rows, the image overlay shows the open study's modality and date, the series
 * are named "Axial 2.5 mm", "CT Coronal". The open study is the history row whose date (and modality) is the
 * overlay's: its description names the exam and region. Series names never give a region; older rows are priors;
 * a history list that no overlay date matches stays history.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'es'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Visor</title></head><body>${body}</body></html>`), 'https://pacs.example.org/visor/estudio?id=8812', { now: NOW });
const exam = (a: PageAnalysis) => [a.pediatric, a.modality, [...a.campaigns], a.region];

describe('the open study is the history row dated as the overlay', () => {
  test('Spanish div panel "Historial del paciente", overlay "CT 02/12/2026 11:37", thumbnails "CT Axial 48 img"', () => {
    const a = read(`<div class="visor">
      <div class="cab"><span>RAMOS VEGA, Tomás</span> <span>ID 7781203</span> <span>F. Nac. 14/03/2017</span> <span>M</span></div>
      <div class="lateral"><div class="tit">Historial del paciente</div>
        <div class="it">02/12/2026 · CT · TC CRÁNEO SIN CONTRASTE</div>
        <div class="it">05/06/2025 · CR · RX CRÁNEO AP Y LATERAL</div>
        <div class="it">11/01/2024 · US · ECOGRAFÍA ABDOMINAL</div></div>
      <div class="miniaturas"><div class="th">CT Axial 48 img</div><div class="th">CT Coronal 40 img</div><div class="th">CT Sagital 40 img</div></div>
      <div class="vp"><div class="ov izq"><div>RAMOS VEGA^TOMAS</div><div>7781203</div></div>
        <div class="ov der"><div>CT 02/12/2026 11:37</div><div>Axial 2.5 mm</div><div>Im: 24/48</div></div></div></div>`);
    expect(exam(a)).toEqual([true, 'CT', ['ct'], 'head']);
    expect(a.examDescription).toMatch(/cr[aá]neo/i);
    // The overlay's date is the open study's: the age is taken at it (the list's dates are the history's).
    expect([a.ageBasis, a.ageDays]).toEqual(['exam', 3550]);
  });
  test('English table "Prior studies" (Date | Mod | Description) oldest first, overlay "CT  2026-12-02 11:37", series "Axial 2.5 mm"', () => {
    const a = read(`<div class="top"><span>Patient: Osei, Kofi</span> <span>MRN 4410332</span> <span>DOB 2019-03-22</span></div>
      <div class="side"><table class="hist"><caption>Prior studies</caption>
        <tr><th>Date</th><th>Mod</th><th>Description</th></tr>
        <tr><td>2023-02-17</td><td>MR</td><td>MRI BRAIN WO</td></tr>
        <tr><td>2025-06-05</td><td>CR</td><td>XR CHEST 2 VIEWS</td></tr>
        <tr><td>2026-12-02</td><td>CT</td><td>CT CHEST W CONTRAST</td></tr></table></div>
      <div class="series"><div class="s">Localizer</div><div class="s">Axial 2.5 mm · 120 img</div><div class="s">Coronal MPR · 60 img</div></div>
      <div class="viewport"><div class="ov">CT  2026-12-02 11:37</div><div class="ov">Axial 2.5 mm</div><div class="ov">Se: 2 Im: 45/120</div></div>`, 'en');
    expect(exam(a)).toEqual([true, 'CT', ['ct'], 'chest']);
    expect([a.ageBasis, a.ageDays]).toEqual(['exam', 2812]);
  });
});

describe('history that the overlay does not open stays history', () => {
  test('no row dated as the overlay: no region from a prior row', () => {
    const a = read(`<div class="cab"><span>RAMOS VEGA, Tomás</span> <span>ID 7781203</span> <span>9 años</span></div>
      <div class="lateral"><div class="tit">Estudios previos</div>
        <div class="it">05/06/2025 · CR · RX CRÁNEO AP Y LATERAL</div>
        <div class="it">11/01/2024 · CT · TC ABDOMEN CON CONTRASTE</div></div>
      <div class="miniaturas"><div class="th">CT Axial 48 img</div><div class="th">CT Coronal 40 img</div><div class="th">Topograma</div></div>
      <div class="vp"><div class="ov der"><div>CT 07/12/2026 09:10</div><div>Axial 2.5 mm</div></div></div>`);
    expect(a.modality).toBe('CT');
    expect(a.region).toBeNull();
  });
  test('the row with the overlay\'s date but another modality is not the open study', () => {
    const a = read(`<div class="top"><span>Patient: Osei, Kofi</span> <span>MRN 4410332</span> <span>DOB 2019-03-22</span></div>
      <table class="hist"><caption>Prior studies</caption><tr><th>Date</th><th>Mod</th><th>Description</th></tr>
        <tr><td>2026-12-02</td><td>US</td><td>US ABDOMEN COMPLETE</td></tr></table>
      <div class="viewport"><div class="ov">CT  2026-12-02 11:37</div><div class="ov">Axial 2.5 mm</div></div>`, 'en');
    expect([a.modality, a.region]).toEqual(['CT', null]);
  });
  test('not a viewer: a chart tile "US 2026-11-30" does not make the order list another study', () => {
    const a = read(`<div class="hdr"><span>Patient: Osei, Kofi</span> <span>MRN 4410332</span> <span>DOB 2019-03-22</span></div>
      <div class="tiles"><div class="tile"><div>US 2026-11-30</div></div><div class="tile"><div>BMI 16.2</div></div></div>
      <table><tr><th>Ordered</th><th>Procedure</th><th>Status</th></tr><tr><td>2026-12-06</td><td>XR chest 2 views</td><td>Ordered</td></tr></table>`, 'en');
    expect([a.modality, a.region]).toEqual(['DX', 'chest']);
  });
  test('a study list of cards with no overlay: no card is taken as the open study for its date', () => {
    const a = read(`<div class="hdr"><span>OSEI, KOFI</span> <span>MRN 4410332</span> <span>DOB 03/22/2019</span></div>
      <div class="card"><div>Dec 02, 2026</div><div>CT</div><div>CT ABDOMEN PELVIS W CONTRAST</div><div>5 series · 612 images</div></div>
      <div class="card"><div>Jun 05, 2025</div><div>US</div><div>US ABDOMEN LIMITED</div><div>1 series · 22 images</div></div>`, 'en');
    expect(a.evidence.some((e) => /open in the viewer|shown by the viewer · /.test(e.where ?? ''))).toBe(false);
  });
  test('series names give no region: "Scout", "Pila", "MPR", "Localizer" under a study without a title', () => {
    const a = read(`<div class="cab"><span>RAMOS VEGA, Tomás</span> <span>ID 7781203</span> <span>9 años</span></div>
      <div class="miniaturas"><div class="th">CT Scout 1 img</div><div class="th">CT Pila 2 mm</div><div class="th">CT MPR Sagital</div><div class="th">CT Localizer</div></div>
      <div class="vp"><div class="ov der"><div>CT 07/12/2026 09:10</div></div></div>`);
    expect([a.modality, a.region]).toEqual(['CT', null]);
  });
});

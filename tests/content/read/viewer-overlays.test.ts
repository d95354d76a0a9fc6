/**
 * Web viewers: a DICOM modality code in the overlay, a thumbnail or a series label is the exam's modality when it is
 * the same kind of imaging as the description's words (CR or DX for "XR CHEST"), never a word that holds the letters
 * or a code of another kind; and the region comes from the study's title when the series says only "Axial 5mm".
 * Layouts written for the test: a div overlay with thumbnails, a series list, a table of series, a header bar.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');

function read(body: string): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>Viewer</title></head><body>${body}</body></html>`), 'https://pacs.example.org/viewer/study', { now: NOW });
}

describe('a modality code shown by the viewer is more specific than the description', () => {
  test('thumbnails labelled "CR" under a study "XR CHEST PA LAT" (div overlay)', () => {
    const a = read(`<div class="viewer"><div class="studies"><div class="study active"><div class="desc">XR CHEST PA LAT</div>
      <div class="thumbs"><div class="thumb"><div class="tl">CR</div><div class="tn">S1 · 1 img</div></div><div class="thumb"><div class="tl">CR</div><div class="tn">S2 · 1 img</div></div></div></div></div>
      <div class="vp"><div class="ov"><div>DOE^JANE</div><div>ID 44120987</div><div>F 009Y</div></div><div class="ov"><div>XR CHEST PA LAT</div></div></div></div>`);
    expect(a.modality).toBe('CR');
    expect(a.campaigns).toEqual(['radiography']);
  });
  test('a series list "Series 1 — CR — 1 image" and an overlay line "CR Se: 1"', () => {
    const a = read(`<header><span>Study: XR CHEST PA LAT</span> <span>Patient: Roe, Tim</span> <span>M 9Y</span></header>
      <ul class="series"><li class="s selected">Series 1 — CR — 1 image</li><li class="s">Series 2 — CR — 1 image</li></ul>
      <div class="overlay"><span>CR Se: 1 Im: 1/1</span></div>`);
    expect(a.modality).toBe('CR');
    expect(a.campaigns).toEqual(['radiography']);
  });
  test('a table of series with a Mod-less code column "DX" for "XR FOOT 3 VIEWS"', () => {
    const a = read(`<div class="bar">Lind, Eva · 7Y F · MRN 55120933</div><h2>XR FOOT 3 VIEWS LEFT</h2>
      <table class="ser"><tr><th>#</th><th></th><th>Images</th></tr><tr class="row active"><td>1</td><td>DX</td><td>3</td></tr></table>`);
    expect(a.modality).toBe('DX');
  });
});

describe('what is not a modality code of the exam', () => {
  test('"CREATININE" and "Cr 0.4 mg/dL" in a lab panel beside an XR: still DX from the words', () => {
    const a = read(`<header><span>Study: XR CHEST 2 VIEWS</span> <span>Patient: Roe, Tim</span> <span>M 9Y</span></header>
      <table class="labs"><tr><th>Test</th><th>Result</th></tr><tr><td>CREATININE</td><td>0.4 mg/dL</td></tr><tr><td>Cr</td><td>0.4</td></tr></table>`);
    expect(a.modality).toBe('DX');
  });
  test('an ionizing code never makes an ultrasound ionizing ("XA" thumbnail of another series)', () => {
    const a = read(`<header><span>Study: US ABDOMEN COMPLETE</span> <span>Patient: Roe, Tim</span> <span>M 9Y</span></header>
      <div class="thumbs"><div class="thumb"><div>US</div><div>S1 · 40 img</div></div><div class="thumb"><div>XA</div><div>S2 · 1 img</div></div></div>`);
    expect(a.modality).toBe('US');
    expect(a.campaigns).toEqual([]);
  });
  test('a modality filter bar of a study list does not change a CT', () => {
    const a = read(`<div class="filters"><button>CT</button><button>MR</button><button>US</button><button>CR</button></div>
      <header><span>Study: CT HEAD WO</span> <span>Patient: Roe, Tim</span> <span>M 9Y</span></header>`);
    expect(a.modality).toBe('CT');
    expect(a.campaigns).toEqual(['ct']);
  });
});

describe('the region from the study title when the series says only "Axial"', () => {
  test('Spanish study title "TC de cráneo simple", series "Axial 5mm"', () => {
    const a = read(`<div class="hdr"><span>PÉREZ, Juan</span><span>NHC 00912877</span><span>M 7A</span></div>
      <div class="study"><div class="t">TC de cráneo simple</div><div class="series selected"><span>Axial 5mm</span> <span>CT</span> <span>32 imágenes</span></div></div>`);
    expect(a.modality).toBe('CT');
    expect(a.region).toBe('head');
  });
  test('English header "CT HEAD", selected series "Helical 0.625"', () => {
    const a = read(`<div class="top">Roe, Tim · MRN 1234567 · 9 y.o. M · CT HEAD · 11/20/2026</div>
      <ul class="series"><li class="sel">Helical 0.625 (CT)</li><li>Scout (CT)</li></ul>`);
    expect(a.region).toBe('head');
  });
  test.each([
    ['Ecografía transfontanelar', 'head'],
    ['Rx de columna lumbar', 'spine'],
    ['Rx de mano izquierda', 'extremity'],
    ['Rx de rodilla derecha', 'extremity'],
    ['Rx de extremidad inferior', 'extremity'],
    ['TC de tórax con contraste', 'chest'],
    ['Ecografía abdominal', 'abdomen'],
    ['Ecografía pélvica', 'pelvis'],
    ['Rx de hombro', 'extremity'],
    ['Rx de cadera', 'pelvis'],
    ['TC de senos paranasales', 'head'],
    ['Rx de antebrazo', 'extremity'],
  ])('Spanish region words: %s → %s', (exam, region) => {
    const a = read(`<div class="hdr"><span>PÉREZ, Juan</span><span>NHC 00912877</span><span>Edad: 7 años</span></div><div><b>Estudio:</b> ${exam}</div>`);
    expect(a.region).toBe(region);
  });
});

describe('a radiography code written before the body part is the exam ("DX Hand left PA", "CR Chest PA")', () => {
  test('a div overlay with a bone-age hand film: "DX Hand links p.a." beside "009Y F"', () => {
    const a = read(`<div class="studies"><div class="st"><b>07.12.2026</b> DX Hand links (Skelettalter)<br>1 Serie</div></div>
      <div class="vp"><div class="ov">MUSTER^ERIKA<br>P-20931<br>009Y F</div><div class="ov">Radiologie<br>DX Hand links p.a.<br>07.12.2026 10:40</div></div>`);
    expect(a.modality).toBe('DX');
    expect(a.campaigns).toEqual(['radiography']);
    expect(a.region).toBe('extremity');
  });
  test('a table of series under a header line "CR Chest PA/Lat" (the code kept as written)', () => {
    const a = read(`<div class="bar"><span>Lind, Eva</span> <span>7Y F</span> <span>MRN 55120933</span></div><h3>CR Chest PA/Lat</h3>
      <table class="ser"><tr><th>Series</th><th>Images</th></tr><tr class="active"><td>PA</td><td>1</td></tr><tr><td>Lat</td><td>1</td></tr></table>`);
    expect(a.modality).toBe('CR');
    expect(a.region).toBe('chest');
  });
  test('a diagnosis written "Dx:" and a lab "CR 0.4" are not radiographs: the MR stays an MR', () => {
    const a = read(`<header><span>Study: MRI BRAIN WO</span> <span>Patient: Roe, Tim</span> <span>M 9Y</span></header>
      <div class="note">Dx: head injury, follow-up</div><div class="labs">CR 0.4 mg/dL</div>`);
    expect(a.modality).toBe('MR');
    expect(a.campaigns).toEqual([]);
  });
  test('a code with no body part names no exam ("DX" alone in a note line)', () => {
    const a = read(`<div class="hdr"><span>Roe, Tim</span> <span>M 9Y</span></div><p>DX pending review</p>`);
    expect(a.modality).toBeNull();
  });
});

describe("an overlay corner's date on its own line over the series' and image's lines is the open study's date", () => {
  test.each([
    [
      'div corner with line breaks ("20261114" / "Axial 5mm" / "Im: 1/32"), the description in another corner and in a study browser, DOB in the header',
      `<div class="hdr"><div>DOE^ANA</div><div><span class="l">DOB</span> Feb 29, 2024</div></div>
       <div class="side"><div class="study"><div>CT Head without contrast</div><div>CT · 3 series</div></div><div class="thumb"><div>S:1 Axial 5mm</div><div>32 img</div></div></div>
       <div class="vp"><div class="ov a">DOE^ANA<br>ID 44120987<br>CT HEAD WO CONTRAST</div><div class="ov b">20261114<br>Axial 5mm<br>Im: 1/32</div></div>`,
      [true, 989, 'exam', 'CT'],
    ],
    [
      'a corner of divs ("11/14/2026" / "Se: 2" / "Im: 14/40") beside a banner and a heading',
      `<header><span>Patient: Roe, Tim</span> <span>DOB: 02/29/2024</span></header><h2>MR BRAIN WO</h2>
       <div class="corner"><div>11/14/2026</div><div>Se: 2</div><div>Im: 14/40</div></div>`,
      [true, 989, 'exam', 'MR'],
    ],
    [
      "negative: a date over a line that is not a series' (a print footer) does not date the exam",
      `<header><span>Patient: Roe, Tim</span> <span>DOB: 02/29/2024</span></header><h2>CT HEAD WO</h2><div class="ov">Im: 3/40</div>
       <div class="foot"><div>11/14/2026</div><div>Printed by J. Smith</div></div>`,
      [true, 995, 'today', 'CT'],
    ],
    [
      "negative: a prior thumbnail's date on the line of its description ('Prior: CR · CHEST · 2026-10-19' over '1 img') is the prior's",
      `<div class="thumbs"><div class="thumb">Prior: CR · CHEST 1V · 2026-10-19<br>1 img</div></div>
       <div class="ov">DOE^ANA<br>DOB: 2024-02-29<br>XR CHEST 1 VIEW</div><div class="ov">Se: 1 Im: 1/1</div>`,
      [true, 995, 'today', 'CR'],
    ],
  ])('%s', (_name, body, expected) => {
    const a = read(body);
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality]).toEqual(expected);
  });
});

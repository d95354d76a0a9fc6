/**
 * Order, protocol and viewer screens no profile names (layouts written for the test): the open order's patient
 * line beats a queue of other patients whose items carry a selection mark in their class; an order window's bare
 * "Name" field holds the order's name; a record number under an "Identification Number" label identifies the
 * patient; a birth date beside a DICOM age (a viewer's overlay, a DICOM person name) gives the exact age.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');

function read(body: string): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://ris.example.org/app/screen', { now: NOW });
}

describe('the open order\'s patient, not the queue\'s', () => {
  test('a protocol queue of div items ("q-item" / "q-item active"), the order\'s patient line below', () => {
    const a = read(`<div class="queue"><div class="qt">To protocol (3)</div>
      <div class="q-item">MARSH, DONALD<div class="sub">CT CHEST W · 71 yrs</div></div>
      <div class="q-item active">NGUYEN, LIAM<div class="sub">CT ABD PELVIS W · 15 yrs</div></div>
      <div class="q-item">CHEN, WEI<div class="sub">CT SINUS WO · 44 yrs</div></div></div>
      <div class="order"><div class="pl"><span>NGUYEN, LIAM</span><span>15 yrs</span><span>MRN 00511907</span></div>
      <div><span class="cap">Ordered procedure</span> <span>CT ABDOMEN PELVIS WITH IV CONTRAST</span></div></div>`);
    expect(a.pediatric).toBe(true);
    expect(Math.abs(a.ageDays! - 15 * 365.25)).toBeLessThan(366);
  });
  test('a technologist\'s list of cards, one "card selected", the open exam\'s banner', () => {
    const a = read(`<section class="list"><article class="card"><b>Ruiz, Ana</b> <span>68 y</span> <span>XR hip</span></article>
      <article class="card selected"><b>Holm, Ivo</b> <span>6 y</span> <span>XR forearm</span></article>
      <article class="card"><b>Berg, Ola</b> <span>52 y</span> <span>XR knee</span></article></section>
      <div class="exam"><div class="bn">Holm, Ivo · 6 y · MRN 4471123</div><div><b>Exam:</b> XR forearm 2 views</div></div>`);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays! < 7 * 366).toBe(true);
  });
});

describe('an order window\'s "Name" field is the order\'s name', () => {
  test('"Name: XR Bone Age" beside a favourites list with a chest radiograph', () => {
    const a = read(`<div class="bar"><span><b>Patient:</b> ABERNETHY, CALLUM</span><span><b>Age:</b> 11 Y 2 M</span></div>
      <div class="left"><div>Favorites</div><div>XR Chest 2V</div><div>XR Bone Age</div></div>
      <div class="f"><span>Name:</span><span>XR Bone Age</span></div><div class="f"><span>Priority:</span><span>Routine</span></div>`);
    expect([a.modality, a.region]).toEqual(['DX', 'extremity']);
  });
  test('Spanish: "Nombre" in a definition list holds "Rx edad ósea (mano y muñeca izquierdas)"', () => {
    const a = read(`<div class="pac">PAZ LUNA, Tomás · 9 años · NHC 00451288</div>
      <ul class="fav"><li>Rx tórax PA</li><li>Rx abdomen</li></ul>
      <dl><dt>Nombre</dt><dd>Rx edad ósea (mano y muñeca izquierdas)</dd><dt>Prioridad</dt><dd>Normal</dd></dl>`);
    expect([a.modality, a.region]).toEqual(['DX', 'extremity']);
  });
  test('a person\'s name under "Name" stays the patient\'s', () => {
    const a = read(`<dl><dt>Name</dt><dd>Lind, Eva</dd><dt>Age</dt><dd>7 yrs</dd><dt>Exam</dt><dd>XR chest 2 views</dd></dl>`);
    expect([a.pediatric, a.region]).toEqual([true, 'chest']);
  });
});

describe('a record number under an "Identification Number" label identifies the patient', () => {
  test('legacy header: "Identification Number: 1009-2", an age with its birth date in brackets, a CT head order', () => {
    const a = read(`<div class="ph"><div>OpenChart Identification Number: <span>1009-2</span></div><div>Juma Said Mfinanga</div>
      <table><tr><td>Male</td><td>29 yrs (02-Aug-1997)</td></tr></table></div>
      <div class="bh">Radiology Order</div><table><tr><td>Imaging Procedure</td><td>CT HEAD WITHOUT CONTRAST</td></tr>
      <tr><td>Scheduled date</td><td>16/12/2026 07:30</td></tr></table>
      <div class="bh">Recently viewed patients</div><table><tr><td>Neema Kweka</td><td>6 yrs</td><td>1071-9</td></tr><tr><td>Rehema Swai</td><td>44 yrs</td><td>1002-5</td></tr></table>`);
    expect([a.pediatric, a.modality, a.region]).toEqual([false, 'CT', 'head']);
    expect(a.ageDays! > 29 * 365).toBe(true);
  });
  test('"Patient Identifier" in a span grid, "Imaging procedure" label', () => {
    const a = read(`<div class="hdr"><span class="k">Patient Identifier</span><span class="v">4471-33</span><span class="k">Age</span><span class="v">8 yrs</span></div>
      <div><span class="k">Imaging procedure</span> <span class="v">XR wrist 3 views</span></div>`);
    expect([a.pediatric, a.modality, a.region]).toEqual([true, 'DX', 'extremity']);
  });
});

describe('a birth date beside a DICOM age gives the exact age', () => {
  test('viewer overlay "OKONJO^ADA", "2017-05-30 (009Y)", labelled study date: days from the birth date', () => {
    const a = read(`<div class="ov"><div>OKONJO^ADA</div><div>KO-220187</div><div>2017-05-30 (009Y)</div><div>F</div></div>
      <div class="ov2"><div>Study date: 2026-11-18 11:35:40</div><div>CT HEAD WO CONTRAST</div></div>`);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays! > 3400 && a.ageDays! < 3470).toBe(true);
  });
  test('an overlay in spans, the AS before the birth date: "(047Y) 1979-02-11"', () => {
    const a = read(`<div class="ov"><span>DOE^JOHN</span> <span>M</span> <span>(047Y)</span> <span>1979-02-11</span></div>
      <div class="ov2"><span>DX FOOT 3 VIEWS LEFT</span> <span>Study date 2026-11-20</span></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 47.5 * 365.25).toBe(true);
  });
});

describe('a requisition\'s ticked box is the exam', () => {
  const banner = `<div class="hdr"><span>Lind, Eva</span> <span>DOB 03/22/2019</span> <span>MRN 5512093</span></div>`;
  test('check boxes inside their labels: the checked one', () => {
    const a = read(`${banner}<fieldset><legend>Exam requested</legend>
      <label><input type="checkbox"> CT head without contrast</label><br><label><input type="checkbox" checked> XR chest 2 views</label><br>
      <label><input type="checkbox"> MRI brain</label></fieldset>`);
    expect([a.modality, a.region]).toEqual(['DX', 'chest']);
    expect(a.examDescription).toBe('XR chest 2 views'); // the exam's name, not its box
  });
  test('a table of boxes and exam names in the next cell', () => {
    const a = read(`${banner}<table class="req"><tr><td><input type="checkbox"></td><td>CT head without contrast</td></tr>
      <tr><td><input type="checkbox"></td><td>MRI brain</td></tr><tr><td><input type="checkbox" checked></td><td>US abdomen complete</td></tr></table>`);
    expect([a.modality, a.campaigns]).toEqual(['US', []]);
    expect(a.examDescription).toBe('US abdomen complete');
  });
  test('a printed form: the ticked glyph before the exam is not part of its name', () => {
    const a = read(`${banner}<div class="req"><h3>Exam requested</h3><div>[ ] CT head without contrast</div>
      <div>[x] XR forearm 2 views</div><div>☐ MRI brain</div></div>`);
    expect([a.modality, a.examDescription]).toEqual(['DX', 'XR forearm 2 views']);
  });
  test('no box ticked: no exam', () => {
    const a = read(`${banner}<label><input type="checkbox"> CT head without contrast</label><label><input type="checkbox"> XR chest 2 views</label>`);
    expect(a.modality).toBeNull();
  });
});

/**
 * The frame around the record a screen is about, on layouts written for the test (none is a corpus page): the
 * application's title bar (a department name, the user, today's date) is not the exam.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const URL_ = 'https://his.example.org/app/screen';

function read(body: string, options: AnalyzeOptions = {}, lang = 'en'): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`), URL_, { now: NOW, ...options });
}

describe("the application's title bar is not the exam", () => {
  test('Spanish RIS card: "Fluoroscopía" in the top bar, the exam is the card\'s CUMS', () => {
    const a = read(
      `<div class="appbar">RIS Hospital del Valle · Fluoroscopía · Usuario: TR. Jiménez · lunes 07/12/2026</div>
      <div class="card"><div><b>GARCÍA LÓPEZ, Lucía</b> · NHC 00451234 · 5 años · F. nac. 14/03/2021</div>
      <div><span class="l">Exploración</span> <span>CUMS</span></div>
      <div><span class="l">Fecha</span> <span>09/12/2026</span></div>
      <div><span class="l">Indicación</span> <span>ITU febril de repetición</span></div></div>`,
      {},
      'es',
    );
    expect(a.examDescription).toBe('CUMS');
    expect(a.modality).toBe('RF');
    expect(a.campaigns).toEqual(['fluoroscopy']);
    expect(a.region).toBe('pelvis');
    expect(a.pediatric).toBe(true);
  });

  test('English: "Radiology | CT Scheduling | Logged in as" bar above a card whose exam is a VCUG in prose-free cells', () => {
    const a = read(`<header><span>Radiology</span> | <span>CT Scheduling</span> | <span>Logged in as: kpatel</span> | <span>Mon Dec 7, 2026</span></header>
      <table class="pt"><tr><td>MORRIS, Eli</td><td>MRN 20981133</td><td>3 y.o. M</td></tr></table>
      <div class="blk"><div class="cap">Exam</div><div>Voiding cystourethrogram</div></div>`);
    expect(a.examDescription).toBe('Voiding cystourethrogram');
    expect(a.modality).toBe('RF');
    expect(a.region).toBe('pelvis');
    expect(a.pediatric).toBe(true);
  });

  test('Spanish: "Servicio de Medicina Nuclear" title above a uretrocistografía order', () => {
    const a = read(
      `<div class="top"><span>Servicio de Medicina Nuclear</span><span>Dr. Ruiz</span></div>
      <div><span>PÉREZ SOTO, Marco</span> <span>HC 7781203</span> <span>Edad: 8 años</span></div>
      <div><div>Prueba solicitada</div><div>Uretrocistografía retrógrada y miccional</div></div>`,
      {},
      'es',
    );
    expect(a.modality).toBe('RF');
    expect(a.campaigns).toEqual(['fluoroscopy']);
  });

  test('a top bar with a department and the user, and no exam on the page: no exam', () => {
    const a = read(`<div class="bar">Nuclear Medicine · User: A. Osei · 12/07/2026</div>
      <div><span>LANG, Mia</span> <span>MRN 5510998</span> <span>7 y.o. F</span></div>
      <div><b>Allergies:</b> none known</div>`);
    expect(a.modality).toBeNull();
    expect(a.examDescription).toBeNull();
  });

  test('a department name alone as a heading is not an exam; a labelled modality field still is one', () => {
    const none = read(`<h1>Fluoroscopy</h1><div><span>KIM, Ada</span> <span>MRN 1029384</span> <span>6 y.o. F</span></div>`);
    expect(none.modality).toBeNull();
    const labelled = read(`<h1>Radiology</h1><div><span>KIM, Ada</span> <span>MRN 1029384</span> <span>6 y.o. F</span></div>
      <div><b>Exam:</b> Fluoroscopy</div>`);
    expect(labelled.modality).toBe('RF');
  });
});

const examWhere = (a: PageAnalysis) => a.evidence.find((e) => e.kind === 'modality')?.where ?? '';

describe('a work queue beside the open item', () => {
  test('plain divs: the queue column and the work area are not two people of a list; the header is the patient', () => {
    const a = read(`<div>Radiology · Protocoling</div>
      <div style="display:flex">
        <div>
          <div><div>MR BRAIN W/WO</div><div>F 15Y · sched 12/08</div></div>
          <div><div>CT CHEST W CON</div><div>M 9Y · sched 12/10</div></div>
          <div><div>US ABDOMEN</div><div>F 4Y · sched 12/10</div></div>
        </div>
        <div>
          <div>NOAH BECKER  M 9Y  MRN 61200478  Acc 77120099</div>
          <div><div>Ordered exam</div><div>CT CHEST WITH IV CONTRAST</div></div>
          <div><div>Scheduled</div><div>12/10/2026 09:00</div></div>
          <div><div>Protocol</div><select><option>Adult routine</option><option selected>Pediatric low dose</option></select></div>
        </div>
      </div>`);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(Math.round(9 * 365.25));
    expect(a.examDescription).toBe('CT CHEST WITH IV CONTRAST');
    expect(examWhere(a)).toContain('labelled Ordered exam');
  });

  test('an adult open beside a queue of children: the adult, and the labelled exam', () => {
    const a = read(`<ul class="wl">
        <li><span>MR BRAIN W/WO</span><span>F 15Y</span><span>sched 12/08</span></li>
        <li><span>XR SKULL 2V</span><span>M 2Y</span><span>sched 12/10</span></li>
        <li><span>CT CHEST W CON</span><span>M 9Y</span><span>sched 12/10</span></li>
      </ul>
      <section class="work"><header><b>ORTEGA, LUIS</b> <span>M 54Y</span> <span>Acc# 55012877</span></header>
        <div class="f"><div class="k">Exam ordered</div><div class="v">CT ABDOMEN PELVIS WITH CONTRAST</div></div>
        <div class="f"><div class="k">Scheduled</div><div class="v">12/10/2026 11:00</div></div></section>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 50 * 365).toBe(true);
    expect(a.examDescription).toBe('CT ABDOMEN PELVIS WITH CONTRAST');
  });

  test('a queue item marked current that is another patient does not replace the header', () => {
    const a = read(`<div class="q">
        <div class="qi" aria-current="true"><div>MR BRAIN W/WO</div><div>Ruiz, Ana · F 15Y</div></div>
        <div class="qi"><div>XR FOOT 3 VIEWS</div><div>Hart, Joe · M 67Y</div></div>
      </div>
      <div class="w"><div class="h"><span>DIAZ, LEO</span> <span>M 9Y</span> <span>MRN 30091122</span></div>
        <div><div class="t">Ordered exam</div><div>CT CHEST WITH IV CONTRAST</div></div></div>`);
    expect(a.ageDays).toBe(Math.round(9 * 365.25));
    expect(a.examDescription).toBe('CT CHEST WITH IV CONTRAST');
  });

  test('a current queue item that disagrees with the header is not the exam, even beside an unlabelled title', () => {
    const a = read(`<div class="q">
        <div class="qi selected"><div>MR BRAIN W/WO</div><div>Ruiz, Ana · F 15Y</div></div>
        <div class="qi"><div>XR FOOT 3 VIEWS</div><div>Hart, Joe · M 67Y</div></div>
      </div>
      <div class="w"><div class="h"><span>DIAZ, LEO</span> <span>M 9Y</span> <span>MRN 30091122</span></div>
        <h2>CT CHEST WITH IV CONTRAST</h2><div>Scheduled 12/10/2026</div></div>`);
    expect(a.ageDays).toBe(Math.round(9 * 365.25));
    expect(a.examDescription).toBe('CT CHEST WITH IV CONTRAST');
  });

  test('a current queue item that agrees with the header is the open item', () => {
    const a = read(`<div class="q">
        <div class="qi"><div>MR BRAIN W/WO</div><div>Ruiz, Ana · F 15Y</div></div>
        <div class="qi" aria-selected="true"><div>XR CHEST 2 VIEWS</div><div>Diaz, Leo · M 9Y</div></div>
      </div>
      <div class="w"><div class="h"><span>DIAZ, LEO</span> <span>M 9Y</span> <span>MRN 30091122</span></div>
        <div>Protocol notes</div></div>`);
    expect(a.ageDays).toBe(Math.round(9 * 365.25));
    expect(a.examDescription).toBe('XR CHEST 2 VIEWS');
  });

  test('a queue with nothing open: nobody\'s exam', () => {
    const a = read(`<div>
        <div><div>MR BRAIN W/WO</div><div>F 15Y · sched 12/08</div></div>
        <div><div>CT CHEST W CON</div><div>M 9Y · sched 12/10</div></div>
      </div>
      <div><div>No item selected</div></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBeNull();
  });
});

describe('a sidebar that is the patient header, and sidebars and lines of other people', () => {
  test('an <aside> storyboard (name, "6 y.o. M", MRN, allergies, weight) beside an order composer and a "Recently viewed" line', () => {
    const a = read(`<div class="toolbar">Chart Review · Results · Orders</div>
      <div class="layout"><aside class="storyboard">
        <div class="sb-name">Nakamura, Theo</div><div>6 y.o. M</div><div>MRN: 40021877</div><div>Pediatric Surgery Clinic</div>
        <div class="sb-sec"><div class="sb-h">Allergies</div><div>Amoxicillin</div></div>
        <div class="sb-sec"><div class="sb-h">Wt</div><div>21.4 kg</div></div>
      </aside>
      <main><div class="recent">Recently viewed: Pham, Julia (44 y.o. F) · Brandt, Oskar (71 y.o. M)</div>
        <h2>Order Composer</h2><div class="oc-title">CT ABDOMEN PELVIS W IV CONTRAST</div>
        <div><span class="lbl">Priority</span> <span>Routine</span></div>
        <div><span class="lbl">Expected Date</span> <span>12/09/2026</span></div></main></div>`);
    expect(a.pediatric).toBe(true);
    expect(Math.abs(a.ageDays! - 6 * 365.25)).toBeLessThan(2);
    expect(a.ageUnsure ?? false).toBe(false);
    expect(a.modality).toBe('CT');
    expect(a.weight?.kg).toBeCloseTo(21.4);
  });

  test('a div column with role=complementary as the banner (name, "4 yrs F", DOB) beside a chart and a "Recent patients" line', () => {
    const a = read(`<div class="app"><div class="col-left" role="complementary">
        <div class="pt-nm">ALVAREZ, MIA</div><div>4 yrs F</div><div>DOB 03/02/2022</div><div>Allergies: NKDA</div><div>Weight 16 kg</div>
      </div>
      <div class="col-main"><div>Recent patients: Kline, Roger 58 yo M · Ochoa, Ines 33 yo F</div>
        <h1>Imaging orders</h1>
        <div class="card"><div class="t">Procedure</div><div class="v">XR CHEST 2 VIEWS</div></div>
        <div class="card"><div class="t">Scheduled</div><div class="v">12/08/2026 10:30</div></div></div></div>`);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays! < 5 * 366).toBe(true);
    expect(a.modality).toBe('DX');
  });

  test('Spanish: a lateral column with the patient ("Edad: 7 años", NHC) beside the request', () => {
    const a = read(
      `<aside><div>SOTO VEGA, Pablo</div><div>NHC 00981234</div><div>Edad: 7 años</div><div>Alergias: no conocidas</div></aside>
      <section><h2>Solicitud de prueba</h2><div><div>Prueba solicitada</div><div>TC de cráneo sin contraste</div></div></section>`,
      {},
      'es',
    );
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('CT');
  });

  test('a recent-patients aside with several people stays theirs beside an adult\'s top banner', () => {
    const a = read(`<div class="banner"><span>Okafor, Grace</span> <span>52 y.o. F</span> <span>MRN 88120044</span></div>
      <div class="wrap"><aside class="recent-pts"><div class="h">Recent Patients</div>
        <div class="rp">Lopez, Sam<br>7 y.o. M · MRN 22014455</div><div class="rp">Young, Amy<br>3 y.o. F · MRN 22019981</div></aside>
      <main><h2>Orders</h2><div><span class="lbl">Procedure</span> <span>CT HEAD WO CONTRAST</span></div></main></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 50 * 365).toBe(true);
    expect(a.records).toHaveLength(0);
  });

  test('a sidebar of one recent patient under a "Pacientes recientes" title is not the patient', () => {
    const a = read(
      `<aside><div class="t">Pacientes recientes</div><div>RUIZ, Ana</div><div>NHC 0012345</div><div>6 años</div></aside>
      <div><span>MARÍN GIL, Rosa</span> <span>NHC 0098711</span> <span>F. nac. 02/02/1980</span></div>
      <div><div>Exploración</div><div>Rx de tórax PA y lateral</div></div>`,
      {},
      'es',
    );
    expect(a.pediatric).toBe(false);
  });

  test('a "My patients" sidebar list, no patient open: nothing is the patient\'s', () => {
    const a = read(`<div role="complementary"><div>My Patients</div><div>Lopez, Sam · 7 y.o. M</div></div>
      <main><h1>Welcome</h1><p>Select a patient to begin.</p></main>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
  });

  test('a line of several people with their ages never gives the patient\'s age', () => {
    const a = read(`<div>Recently viewed: Pham, Julia (44 y.o. F) · Brandt, Oskar (71 y.o. M)</div>
      <h2>Order</h2><div><b>Procedure:</b> XR chest 2 views</div>`);
    expect(a.ageDays).toBeNull();
    expect(a.pediatric).toBe(false);
  });
});

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

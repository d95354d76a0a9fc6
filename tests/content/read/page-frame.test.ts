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

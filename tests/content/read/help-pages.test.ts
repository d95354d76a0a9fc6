/**
 * Help and reference pages are about nobody: online help, a knowledge-base article, a quick reference — their title
 * says so. Their examples name ages, birth dates and exams (a training patient, a template named "PEDS CXR", a table
 * of ages and first tests), none of them a patient's. A chart with a Help link or a help tip is still read.
 * Minimal layouts written for the test (none is a corpus page), with negatives.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import { isHelpTitle } from '../../../content/read/generic/fields';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');

function read(title: string, body: string, url = 'https://ehr.example.org/app/page'): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html lang="en"><head><title>${title}</title></head><body>${body}</body></html>`), url, { now: NOW, dateOrder: 'MDY' });
}

const nobody = (a: PageAnalysis) => {
  expect(a.pediatric).toBe(false);
  expect(a.ageDays).toBeNull();
  expect(a.modality).toBeNull();
  expect(a.campaigns).toEqual([]);
};

/** An order system's online help: a worked example of a training patient's order. */
const ONLINE_HELP = `<header>OrderPoint 7 · Online Help</header><main><h1>Placing an imaging order</h1>
  <p>Search the patient, open Orders, then choose the exam. The weight prompt appears for children.</p>
  <h2>Worked example</h2>
  <div class="example">Patient: TRAINING, CHILD · DOB 02/10/2021 · 5 y M · MRN 000000<br>Exam: XR CHEST 2 VIEWS · Priority: Routine</div>
  <p>Release 7.2 (10/01/2026).</p></main>`;

/** A knowledge-base quick reference: template names and a table of ages and first tests. */
const QUICK_REFERENCE = `<div class="top">Radiology Knowledge Base</div><article><h1>Pediatric CT protocols</h1>
  <p>Reviewed 09/15/2026 by the CT protocol committee.</p>
  <table><tr><th>Template</th><th>Age</th><th>Exam</th></tr>
  <tr><td>PEDS CT HEAD LOW DOSE</td><td>0–5 y</td><td>CT head without contrast</td></tr>
  <tr><td>PEDS CT ABD</td><td>6–17 y</td><td>CT abdomen pelvis with contrast</td></tr></table>
  <p><b>PEDS CT HEAD</b>: History: 4-year-old fell from a swing. Technique: child-sized low-dose protocol.</p></article>`;

describe('help and reference pages', () => {
  test("online help with a training patient's worked example: nobody", () => {
    nobody(read('OrderPoint Online Help – Placing imaging orders', ONLINE_HELP));
  });

  test('knowledge-base quick reference with templates and age ranges: nobody', () => {
    nobody(read('KB0311 · Quick reference: pediatric CT protocols', QUICK_REFERENCE));
  });

  test('Spanish help page with an example patient: nobody', () => {
    nobody(read('Ayuda — Solicitud de estudios de imagen', `<h1>Cómo solicitar una radiografía</h1>
      <div class="ejemplo">Paciente: PRUEBA, NIÑA · Fecha de nacimiento: 03/04/2020 · 6 años<br>Estudio: RX TÓRAX PA Y LATERAL</div>`));
  });

  test('the same layouts under a chart title are read (the title is what tells)', () => {
    const a = read('OrderPoint – Orders', ONLINE_HELP);
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('DX');
  });

  test('negative: a chart with a Help link and a help tip still reads its patient', () => {
    const a = read('OrderPoint – WREN, OTTO – Radiology orders', `<nav><a>Chart</a><a>Orders</a><a>Help</a></nav>
      <div class="banner">WREN, OTTO · DOB 04/02/2019 · 7 y M · MRN 5501234</div>
      <main><h2>New order</h2><p>Exam: CT HEAD WO · Priority: Routine</p>
      <p class="tip">Help: see the quick reference for pediatric protocols.</p></main>`);
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('CT');
    expect(a.ageDays).not.toBeNull();
  });

  test('help titles and other titles', () => {
    for (const t of ['VoxPro Help - Dictation', 'User Guide: Scheduling', 'Tip sheet – ordering MRI', 'FAQ', 'Centro de ayuda', 'Hilfe – Befundung'])
      expect(isHelpTitle(t), t).toBe(true);
    for (const t of ['Radiology orders', 'WREN, OTTO - Chart', 'Helpdesk queue', 'Imaging worklist', 'Manual differential', 'Agenda de radiología'])
      expect(isHelpTitle(t), t).toBe(false);
  });
});

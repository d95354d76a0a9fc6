/**
 * A hospital's public information page about imaging children is nobody's chart: its age ranges and audiences
 * ("newborns to 17 years old", "ages 4 and up", "children under 6 years", "de 0 a 17 años") are not a patient's age,
 * and its exam names (CT, VCUG, upper GI, DMSA) are not an exam. Layouts written for the test: an English page of
 * sections and news items, a Spanish page of cards. Negative of the negative: a chart whose header shows only a name
 * and "17 y.o." is a 17-year-old's.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');

function read(body: string, url = 'https://www.example-childrens.org/radiology'): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>Pediatric Radiology</title></head><body>${body}</body></html>`), url, { now: NOW });
}

describe('a public page about imaging children is not a patient', () => {
  test('an English department page: sections on CT, VCUG, upper GI and DMSA, news items with dates', () => {
    const a = read(`<header><a href="/">Children's Hospital</a></header><main><h1>Pediatric Radiology</h1>
      <p>We image newborns to 17 years old, with equipment and doses sized for children.</p>
      <section><h2>What to expect: CT scan</h2><p>A CT scan takes a few minutes. Children under 6 years may need sedation. Child Life specialists help kids ages 4 and up.</p></section>
      <section><h2>VCUG (voiding cystourethrogram)</h2><p>For children 2 years and older, a parent can stay in the room.</p></section>
      <section><h2>Upper GI</h2><p>Your child should not eat for 4 hours before the exam.</p></section>
      <section><h2>DMSA kidney scan</h2><p>If your child is 4 years old or younger, bring a favourite toy.</p></section>
      <section><h2>News</h2><ul><li>November 12, 2026 — New low-dose CT scanner opens</li><li>October 3, 2026 — Image Gently pledge renewed</li></ul></section></main>`);
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBeNull();
    expect(a.campaigns).toEqual([]);
    expect(a.ageDays).toBeNull();
  });
  test('a Spanish page of cards: "de 0 a 17 años", "mayores de 4 años", "niños de 2 a 12 años"', () => {
    const a = read(`<h1>Radiología pediátrica</h1><div class="cards">
      <div class="card"><h3>TC (escáner)</h3><p>Atendemos a pacientes de 0 a 17 años. Para mayores de 4 años no suele hacer falta sedación.</p></div>
      <div class="card"><h3>Cistografía miccional (CUMS)</h3><p>Para niños de 2 a 12 años, un familiar puede acompañarle.</p></div>
      <div class="card"><h3>Gammagrafía renal DMSA</h3><p>Si su hijo tiene 5 años, puede traer su juguete favorito.</p></div></div>`, 'https://www.hospital-ejemplo.es/radiologia-pediatrica');
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBeNull();
    expect(a.ageDays).toBeNull();
  });
  test('negative of the negative: a chart header with only a name and "17 y.o." is a 17-year-old', () => {
    const a = read(`<div class="hdr"><span class="lbl">Name</span> <span>Brandt, Ola</span> <span>17 y.o.</span></div>
      <div><b>Exam:</b> CT head without contrast</div>`, 'https://ehr.example.org/chart/1');
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('CT');
  });
});

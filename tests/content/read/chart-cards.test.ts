/**
 * One patient's chart made of cards (panels with a title: the patient, a progress note, the orders) is not a list of
 * people: an age said in a card's prose ("9 días de vida", "a 7-year-old") beside the labelled age of the patient
 * card does not make the cards rows of other patients. Layouts written for the test: a Spanish HIS chart of titled
 * cards (a newborn; a mother), an English clinic chart of panels, and, as the other side of the rule, a board of
 * patient cards that IS a list (each card an age and an exam of its own).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import { statusClass } from '../../../content/read/generic/fields';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');

function read(body: string): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://his.example.org/chart/1', { now: NOW });
}
const card = (title: string, inner: string) => `<div class="panel"><div class="panel-title">${title}</div><div class="panel-body">${inner}</div></div>`;

describe('a chart of titled cards is one patient', () => {
  test('Spanish neonatal chart: labelled "Edad: 6 días" in the patient card, "6 días de vida" in the progress note, the pending radiograph in the orders card', () => {
    const a = read(
      card('Datos del paciente', '<span><em>Nombre:</em> RN de PÉREZ</span> <span><em>Historia:</em> 55012</span> <span><em>Edad:</em> 6 días</span> <span><em>Sexo:</em> F</span>') +
        card('Evolución 06/12/2026', '<p>Recién nacida de término, 6 días de vida, con ictericia y vómitos desde ayer. Madre de 30 años.</p>') +
        card('Pedidos', '<table><tr><th>Fecha</th><th>Estudio</th><th>Estado</th></tr><tr><td>06/12/2026</td><td>Rx de abdomen de pie</td><td>Pendiente</td></tr><tr><td>01/12/2026</td><td>Ecografía abdominal</td><td>Informada</td></tr></table>'),
    );
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(6);
    expect(a.modality).toBe('DX');
    expect([...a.campaigns]).toEqual(['radiography']);
  });
  test('Spanish mother\'s chart: her labelled age in the patient card, her newborn\'s "2 días de vida" in a note card; her ultrasound ordered', () => {
    const a = read(
      card('Paciente internada', '<span><em>Nombre:</em> SOSA, Marta</span> <span><em>HC:</em> 88231</span> <span><em>Edad:</em> 29 años</span>') +
        card('Evolución', '<p>Puerperio día 2. Recién nacido varón de 2 días de vida en alojamiento conjunto. Hermano de 5 años en domicilio.</p>') +
        card('Órdenes', '<table><tr><th>Fecha</th><th>Estudio</th><th>Estado</th></tr><tr><td>07/12/2026</td><td>Ecografía ginecológica transabdominal</td><td>Solicitada</td></tr></table>'),
    );
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 29 * 365).toBe(true);
    expect(a.modality).toBe('US');
    expect([...a.campaigns]).toEqual([]);
  });
  test('English clinic chart of panels: "Age: 7 yrs" in the demographics panel, "a 7-year-old" and a sibling in the HPI panel; CT ordered', () => {
    const a = read(
      card('Demographics', '<div><b>Name</b> Lee, Sam</div><div><b>MRN</b> 4410922</div><div><b>Age</b> 7 yrs</div>') +
        card('HPI', '<p>Sam is a 7-year-old boy with right lower quadrant pain for 2 days. His brother, age 11, had appendicitis last year.</p>') +
        card('Orders', '<div>CT abdomen pelvis with IV contrast — ordered today</div>'),
    );
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).not.toBeNull();
    expect(a.modality).toBe('CT');
  });
});

describe('a board of patient cards is still a list', () => {
  test('cards each with a name, an age in a cell and an exam: no open record, records counted', () => {
    const a = read(
      card('Bay 1', '<div>DIAZ, Ana</div><div>6 yrs</div><div>CT head without contrast</div>') +
        card('Bay 2', '<div>KIM, Jo</div><div>44 yrs</div><div>XR chest 2 views</div>') +
        card('Bay 3', '<div>ROSS, Eli</div><div>3 yrs</div><div>XR forearm</div>'),
    );
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBeNull();
    expect(a.records.filter((r) => r.pediatric).length).toBe(2);
  });
});

describe('status words: to be done, done, cancelled (English and Spanish)', () => {
  test.each([
    ['Pedido', 'active'], ['Pedida', 'active'], ['Ordenada', 'active'], ['Indicado', 'active'], ['Agendado', 'active'],
    ['Citada', 'active'], ['En espera', 'active'], ['Por realizar', 'active'], ['A realizar', 'active'], ['Awaiting', 'active'],
    ['Not started', 'active'], ['To do', 'active'], ['Pendiente', 'active'],
    ['Informado', 'done'], ['Realizada', 'done'], ['Final', 'done'], ['Anulado', 'cancelled'], ['Discontinued', 'cancelled'],
    ['Urgente', null], ['Routine', null], ['Rx de abdomen', null],
  ])('%s → %s', (text, expected) => {
    expect(statusClass(text)).toBe(expected);
  });
});

describe('a priority column does not say whether an exam is done', () => {
  test.each([
    ['es', 'Prioridad', 'Estado', 'Urgente', 'En trámite', 'Programada', 'Informado'],
    ['en', 'Priority', 'Status', 'STAT', 'Sent to RIS', 'Scheduled', 'Final'],
  ])('%s: the %s column\'s "scheduled" does not make the earlier exam (%s: done) the one to be done', (_lang, pcol, scol, p1, s1, p2, s2) => {
    const a = read(
      card('Paciente', '<span><em>Nombre:</em> RN de PÉREZ</span> <span><em>Historia:</em> 55012</span> <span><em>Edad:</em> 6 días</span>') +
        card('Pedidos', `<table><tr><th>Fecha</th><th>Estudio</th><th>${pcol}</th><th>${scol}</th></tr>
          <tr><td>06/12/2026</td><td>Rx de abdomen de pie</td><td>${p1}</td><td>${s1}</td></tr>
          <tr><td>01/12/2026</td><td>Ecografía cerebral transfontanelar</td><td>${p2}</td><td>${s2}</td></tr></table>`),
    );
    expect([a.modality, [...a.campaigns]]).toEqual(['DX', ['radiography']]);
  });
});

/**
 * Two cards of the same shape, the patient's and a relative's or contact's (layouts written for the test): a card
 * titled by a relative or contact word ("Parent/Guardian", "Emergency contact", "Caregiver", "Primary contact",
 * "Legal representative", "Madre / Tutor") or holding "Relationship: Mother" is that person's; the other card is the
 * patient's — not a list of two people (nobody). Layouts: div cards with an h3 and label lines, panels with a header
 * element and a definition list (relative's card first), title divs over label/value rows, a Spanish card pair, cards
 * with no title but a relationship field.
 * Negatives: an adult patient whose contact is a child stays an adult; two patients' cards with no relative's title
 * stay two people; "Relationship: Self" is the patient's own card; a layout row holding the patient's fields beside the
 * relationship is not dropped; an MR stays MR with no campaign.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Demographics</title></head><body>${body}</body></html>`), 'https://ehr.example-clinic.org/patient/4471', { now: NOW });
const got = (a: PageAnalysis) => ({ pediatric: a.pediatric, days: a.ageDays, modality: a.modality, campaigns: [...a.campaigns] });
const days = (iso: string) => Math.round((Date.UTC(2026, 11, 7) - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000);

/** Two cards of one shape: `first` and `second` are [title, name, birth date, phone]. */
const h3Cards = (first: readonly string[], second: readonly string[], exam: string) =>
  [first, second].map(([t, n, d, p]) => `<div class="card"><h3>${t}</h3><div>Name: ${n}</div><div>DOB: ${d}</div><div>Phone: ${p}</div></div>`).join('') +
  `<div class="order">Exam: ${exam}</div>`;
const dlPanels = (first: readonly string[], second: readonly string[], exam: string) =>
  [first, second].map(([t, n, d, p]) => `<section class="panel"><header>${t}</header><dl><dt>Name</dt><dd>${n}</dd><dt>Date of birth</dt><dd>${d}</dd><dt>Phone</dt><dd>${p}</dd></dl></section>`).join('') +
  `<p>Order: ${exam}</p>`;
const titleBoxes = (first: readonly string[], second: readonly string[], exam: string) =>
  [first, second].map(([t, n, d, p]) => `<div class="box"><div class="box-title">${t}</div><div class="kv"><span class="k">Name</span> <span>${n}</span></div><div class="kv"><span class="k">Birth date</span> <span>${d}</span></div><div class="kv"><span class="k">Phone</span> <span>${p}</span></div></div>`).join('') +
  `<div><b>Procedure:</b> ${exam}</div>`;

const child = ['Patient', 'FERRIS, Noah', '06/23/2019', '555-0100'] as const;
const childDays = days('2019-06-23');

describe("a relative's or contact's card beside the patient's: the other card is the patient's", () => {
  const cases: ReadonlyArray<readonly [string, (a: readonly string[], b: readonly string[], e: string) => string, string, boolean]> = [
    ['h3 cards, "Parent/Guardian" second', h3Cards, 'Parent/Guardian', false],
    ['h3 cards, "Caregiver" second', h3Cards, 'Caregiver', false],
    ['h3 cards, "Mother / Guardian" first', h3Cards, 'Mother / Guardian', true],
    ['header panels with definition lists, "Emergency contact" first', dlPanels, 'Emergency contact', true],
    ['header panels, "Primary contact" second', dlPanels, 'Primary contact', false],
    ['title boxes of label spans, "Legal representative" first', titleBoxes, 'Legal representative', true],
    ['title boxes, "Emergency Contact 2" second', titleBoxes, 'Emergency Contact 2', false],
    ['title boxes, "Parent / Guardian information" second', titleBoxes, 'Parent / Guardian information', false],
  ];
  test.each(cases)('%s', (_, layout, title, first) => {
    const other = [title, 'FERRIS, Dana', '08/22/1988', '555-0101'];
    const a = read(first ? layout(other, child, 'CT head without contrast') : layout(child, other, 'CT head without contrast'));
    expect(got(a)).toEqual({ pediatric: true, days: childDays, modality: 'CT', campaigns: ['ct'] });
  });

  test('Spanish cards: "Paciente" and "Madre / Tutor"', () => {
    const a = read(
      `<div class="ficha"><h4>Paciente</h4><p>Nombre: SOTO, Ana</p><p>Fecha de nacimiento: 14/03/2020</p><p>Teléfono: 600 111 222</p></div>
       <div class="ficha"><h4>Madre / Tutor</h4><p>Nombre: SOTO, Lucía</p><p>Fecha de nacimiento: 25/09/1990</p><p>Teléfono: 600 111 223</p></div>
       <p>Estudio: Rx de tórax PA y lateral</p>`,
      'es',
    );
    expect(got(a)).toEqual({ pediatric: true, days: days('2020-03-14'), modality: 'DX', campaigns: ['radiography'] });
  });

  test('cards with no title: the one holding "Relationship: Mother" is the mother\'s', () => {
    const a = read(`<div class="card"><div>Name: FERRIS, Noah</div><div>DOB: 06/23/2019</div><div>MRN: 4471</div></div>
      <div class="card"><div>Name: FERRIS, Dana</div><div>DOB: 08/22/1988</div><div>Relationship: Mother</div></div>
      <div>Exam: XR chest 2 views</div>`);
    expect(got(a)).toEqual({ pediatric: true, days: childDays, modality: 'DX', campaigns: ['radiography'] });
  });

  test('list items with a relationship label and value apart: <dt>Relation to patient</dt><dd>Father</dd>', () => {
    const a = read(`<ul class="people"><li><dl><dt>Name</dt><dd>KHAN, Omar</dd><dt>Relation to patient</dt><dd>Father</dd><dt>DOB</dt><dd>01/30/1985</dd></dl></li>
      <li><dl><dt>Name</dt><dd>KHAN, Zara</dd><dt>DOB</dt><dd>11/02/2021</dd><dt>MRN</dt><dd>99120</dd></dl></li></ul>
      <p>Exam: US abdomen complete</p>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2021-11-02'), modality: 'US', campaigns: [] });
  });
});

describe('negatives: the cards still say whose they are', () => {
  test("an adult patient whose emergency contact is a child stays an adult", () => {
    const a = read(h3Cards(['Patient', 'FERRIS, Dana', '08/22/1988', '555-0101'], ['Emergency contact', 'FERRIS, Noah', '06/23/2019', '555-0100'], 'CT chest with contrast'));
    expect(got(a)).toEqual({ pediatric: false, days: days('1988-08-22'), modality: 'CT', campaigns: ['ct'] });
  });
  test("an adult's caregiver card titled first, the adult's card second: still the adult", () => {
    const a = read(dlPanels(['Caregiver', 'MOSS, Eli', '02/02/2012', '555-0177'], ['Patient', 'MOSS, Ruth', '04/19/1949', '555-0176'], 'XR hip 2 views'));
    expect(got(a)).toEqual({ pediatric: false, days: days('1949-04-19'), modality: 'DX', campaigns: ['radiography'] });
  });
  test('two patients\' cards, no relative\'s title: a list of two people, nobody', () => {
    const a = read(h3Cards(['Patient', 'FERRIS, Noah', '06/23/2019', '555-0100'], ['Patient', 'LUND, Maja', '08/22/1988', '555-0101'], 'CT head without contrast'));
    expect(a.ageDays).toBeNull();
    expect(a.pediatric).toBe(false);
  });
  test('"Relationship: Self" is the patient\'s own card', () => {
    const a = read(`<div class="card"><div>Name: FERRIS, Noah</div><div>DOB: 06/23/2019</div><div>Relationship: Self</div></div>
      <div class="card"><div>Name: LUND, Maja</div><div>DOB: 08/22/1988</div><div>Relationship: Self</div></div>
      <div>Exam: CT head without contrast</div>`);
    expect(a.ageDays).toBeNull();
  });
  test("a layout row holding the patient's fields beside the contact's relationship keeps the patient's", () => {
    const a = read(`<div class="row"><div class="col">Patient name: FERRIS, Noah</div><div class="col">DOB: 06/23/2019</div>
      <div class="col">Contact: FERRIS, Dana</div><div class="col">Relationship: Mother</div></div><p>Exam: CT head without contrast</p>`);
    expect(got(a)).toEqual({ pediatric: true, days: childDays, modality: 'CT', campaigns: ['ct'] });
  });
  test('an MR stays MR with no campaign', () => {
    const other = ['Parent/Guardian', 'FERRIS, Dana', '08/22/1988', '555-0101'];
    const a = read(h3Cards(child, other, 'MRI brain without contrast'));
    expect(got(a)).toEqual({ pediatric: true, days: childDays, modality: 'MR', campaigns: [] });
  });
});

/**
 * French, Italian, Portuguese and Dutch screens (layouts written for the test, none a corpus page): their labels for
 * the birth date, the age, the sex, the record number, the exam and its dates; their age units; their month names;
 * their exam words (modality, campaign, region) and row statuses — read in the places that hold the English and
 * Spanish ones. Negatives: a duration ("depuis 2 ans", "da 3 anni", "há 2 anos") is no age, a parent's age is not the
 * child's, an adult stays adult, MR and ultrasound words get no campaign, Spanish "TEP" (a pulmonary embolism) is no
 * PET, an MRI scanner is no CT, a procedure code is no date.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import { findAgeMentions } from '../../../content/read/parse/age-mentions';
import { parseAgeText } from '../../../content/read/parse/age';
import { findDate, parseDate, weekdayOrder } from '../../../content/read/parse/dates';
import { campaignsFor, classifyProcedure } from '../../../content/read/parse/procedure';
import { dateRole, statusClass } from '../../../content/read/generic/fields';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');

function read(body: string, lang = ''): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`), 'https://ehr.example.org/app', { now: NOW });
}
const years = (a: PageAnalysis) => (a.ageDays === null ? null : Math.floor((a.ageDays + 1) / 365.25));
const exam = (text: string) => {
  const i = classifyProcedure(text);
  return [i.modalities[0] ?? null, campaignsFor(i.modalities, i.interventional, i.dental), i.region];
};

describe('labels of the birth date and the age, and the exam named beside them, on whole pages', () => {
  test.each([
    // [layout, html, lang, pediatric, age in whole years, modality]
    [
      'French banner of spans, "Née le" and "N° IPP", exam table with "Date d\'examen"',
      `<div class="bandeau"><span>DUPONT Léa</span> <span>Née le 12/03/2019</span> <span>Sexe : F</span> <span>N° IPP : 20045678</span></div>
       <table><tr><th>Examen</th><td>Scanner cérébral sans injection</td></tr><tr><th>Date d'examen</th><td>07/12/2026</td></tr></table>`,
      'fr', true, 7, 'CT',
    ],
    [
      'French definition list: Date de naissance, Âge in "ans"',
      `<dl><dt>Nom</dt><dd>MARTIN Hugo</dd><dt>Date de naissance</dt><dd>04/05/2016</dd><dt>Âge</dt><dd>10 ans</dd><dt>Examen</dt><dd>Radiographie du thorax face</dd></dl>`,
      'fr', true, 10, 'DX',
    ],
    [
      'French bold inline labels, "DDN" and a rendez-vous date',
      `<div><b>Patient :</b> PETIT Louis &nbsp; <b>DDN :</b> 03/02/2024 &nbsp; <b>Examen :</b> Échographie abdominale</div><p>Date du rendez-vous : 10/12/2026</p>`,
      'fr', true, 2, 'US',
    ],
    [
      'Italian order card: Data di nascita, Età in "anni", Esame richiesto, Data prenotazione',
      `<div class="card"><div><label>Paziente</label> <span>ROSSI Giulia</span></div><div><label>Data di nascita</label> <span>21/06/2015</span></div>
       <div><label>Età</label> <span>11 anni</span></div><div><label>Esame richiesto</label> <span>RX torace 2 proiezioni</span></div>
       <div><label>Data prenotazione</label> <span>09/12/2026</span></div></div>`,
      'it', true, 11, 'DX',
    ],
    [
      'Italian table with "Nato il" and months of an infant',
      `<table><tr><td>Cognome e nome</td><td>BIANCHI Marco</td></tr><tr><td>Nato il</td><td>02/03/2026</td></tr><tr><td>Età</td><td>9 mesi</td></tr>
       <tr><td>Prestazione</td><td>Cistografia minzionale</td></tr></table>`,
      'it', true, 0, 'RF',
    ],
    [
      'Brazilian chart card of small labels above values ("DATA DE NASC.", "PEDIDO DE EXAME", "DATA DE REALIZAÇÃO")',
      `<div class="card"><div class="small">PACIENTE</div><div class="big">Ana Clara Souza</div><div class="small">DATA DE NASC.</div><div>10/10/2020</div>
       <div class="small">PRONTUÁRIO</div><div>551203</div></div>
       <div class="card"><div class="small">PEDIDO DE EXAME</div><div class="big">Tomografia computadorizada de crânio sem contraste</div>
       <div class="small">DATA DE REALIZAÇÃO</div><div>05/12/2026</div></div>`,
      'pt-BR', true, 6, 'CT',
    ],
    [
      'Portuguese requisition table: Data de nascimento, Idade in "anos"',
      `<table><tr><th>Nome do utente</th><td>Rita Almeida</td></tr><tr><th>Data de nascimento</th><td>14/02/2013</td></tr><tr><th>Idade</th><td>13 anos</td></tr>
       <tr><th>Exame</th><td>Ecografia renal e vesical</td></tr></table>`,
      'pt-PT', true, 13, 'US',
    ],
    [
      'Dutch request form: Geboortedatum, Gevraagd onderzoek',
      `<table><tr><td>Naam</td><td>J. de Vries</td></tr><tr><td>Geboortedatum</td><td>08-07-2018</td></tr><tr><td>Geslacht</td><td>M</td></tr>
       <tr><td>Gevraagd onderzoek</td><td>X-thorax staand</td></tr><tr><td>Datum onderzoek</td><td>07-12-2026</td></tr></table>`,
      'nl', true, 8, 'DX',
    ],
    // Adults stay adults.
    [
      'French adult, bold labels, a duration in the reason ("depuis 2 ans")',
      `<div><b>Patiente :</b> LEROY Anne &nbsp; <b>Âge :</b> 45 ans &nbsp; <b>Examen :</b> TDM thoraco-abdomino-pelvienne</div><p>Motif : douleurs depuis 2 ans.</p>`,
      'fr', false, 45, 'CT',
    ],
    [
      'Portuguese adult whose daughter\'s age stands in the responsible party\'s field',
      `<div class="card"><div class="small">PACIENTE</div><div>Marcos Ribeiro</div><div class="small">DATA DE NASC.</div><div>25/06/1984</div>
       <div class="small">RESPONSÁVEL</div><div>Próprio (filha: Ana Ribeiro, 9 anos)</div></div>
       <div class="card"><div class="small">PEDIDO DE EXAME</div><div>Raio-X de coluna lombar AP e perfil</div><div class="small">DATA DE REALIZAÇÃO</div><div>01/12/2026</div></div>`,
      'pt-BR', false, 42, 'DX',
    ],
  ])('%s', (_layout, html, lang, pediatric, age, modality) => {
    const a = read(html, lang);
    expect([a.pediatric, years(a), a.modality]).toEqual([pediatric, age, modality]);
  });

  test.each([
    [
      'French dental chart row under "Acte | Date | Statut"',
      `<div class="hdr"><span>MOREAU Jules</span><span>M</span><span>3 ans</span><span>IPP 77123</span></div>
       <table><tr><th>Acte</th><th>Date</th><th>Statut</th></tr><tr><td>Radio rétro-alvéolaire 36</td><td>07/12/2026</td><td>Réalisé</td></tr></table>`,
    ],
    [
      'Italian dental list of one line',
      `<div class="pz"><b>BRUNO Alice</b> · 3 anni · F</div><ul><li>07/12/2026 — Rx endorale 75 — Eseguito</li></ul>`,
    ],
  ])('an intraoral image in French or Italian words: %s', (_layout, html) => {
    const a = read(html);
    expect([a.pediatric, a.modality, a.campaigns]).toEqual([true, 'IO', ['dental']]);
  });
  test.each([
    ['inline, beside the sex', `<div>Paziente: ESPOSITO Marco &nbsp; Età: anni 7 &nbsp; Sesso: M</div><div>Esame: Rx torace</div>`, 7],
    ['in a label table', `<table><tr><th>Paziente</th><td>ESPOSITO Marco</td></tr><tr><th>Età</th><td>anni 45</td></tr><tr><th>Esame</th><td>Rx torace</td></tr></table>`, 45],
  ])('Italian writes the years\' unit first ("Età: anni 7"): %s', (_layout, html, age) => {
    expect(years(read(html, 'it'))).toBe(age);
  });

  test.each([
    [
      'Portuguese study list of a PACS, a header row over one study row',
      `<div>Doente: COSTA Inês · Data de nascimento: 03/12/2014</div>
       <table><tr><th>Data do estudo</th><th>Estudo</th><th>Modalidade</th></tr><tr><td>01/12/2026</td><td>TC crânio sem contraste</td><td>CT</td></tr></table>`,
    ],
    [
      'Brazilian card of labelled lines',
      `<div class="card"><p><b>Paciente:</b> Inês Costa</p><p><b>Data de nascimento:</b> 03/12/2014</p>
       <p><b>Estudo:</b> Tomografia computadorizada de crânio</p><p><b>Data do estudo:</b> 01/12/2026</p></div>`,
    ],
  ])('a Portuguese study\'s date ("Data do estudo") dates the exam — the age at the study, not today: %s', (_layout, html) => {
    const a = read(html, 'pt');
    // Born 3 Dec 2014: 11 at the study on 1 Dec 2026, 12 today (7 Dec 2026).
    expect([a.pediatric, years(a), a.modality, a.ageBasis]).toEqual([true, 11, 'CT', 'exam']);
  });

  test('a parent\'s age beside the child\'s is the parent\'s (French card: "Mère : 38 ans")', () => {
    const a = read(`<div><b>Patient :</b> ROUX Emma &nbsp; <b>Âge :</b> 7 ans</div><div><b>Mère :</b> ROUX Claire, 38 ans</div><p>Examen : Cystographie rétrograde</p>`, 'fr');
    expect([a.pediatric, years(a), a.modality, a.campaigns]).toEqual([true, 7, 'RF', ['fluoroscopy']]);
  });
  test('nothing to read: a French page of durations only ("depuis 2 ans", "il y a 3 mois"), no patient', () => {
    const a = read(`<p>Douleurs abdominales depuis 2 ans, épisode aigu il y a 3 mois.</p><p>Examen : Échographie abdominale</p>`, 'fr');
    expect(a.ageDays).toBeNull();
    expect(a.pediatric).toBe(false);
  });
});

describe('age units and what is no age', () => {
  test.each([
    ['10 ans', 10 * 365],
    ['1 an', 365],
    ['3 mois', 91],
    ['12 jours', 12],
    ['5 semaines', 35],
    ['4 anni e 3 mesi', 1552],
    ['12 gg', 12],
    ['6 anos', 2191],
    ['1 ano e 2 meses', 425],
    ['5 jaar', 1826],
    ['3 maanden', 91],
    ['10 dagen', 10],
  ])('"%s" is an age', (text, days) => {
    expect(parseAgeText(text)?.days).toBeGreaterThanOrEqual(days);
    expect(parseAgeText(text)!.days).toBeLessThan(days + 3);
  });
  test.each([
    'douleurs depuis 2 ans',
    'fièvre pendant 3 jours',
    'il y a 6 mois',
    'dolore da 3 anni',
    'operato 2 anni fa',
    'febbre per 4 giorni',
    'dor há 2 anos',
    'tosse durante 3 semanas',
    'pijn sinds 2 jaar',
    '3 jaar geleden',
    'Mère : 38 ans',
    'Responsável: Fernanda Oliveira (mãe), 41 anos',
    'madre di 35 anni',
  ])('"%s" holds no age of the patient', (text) => {
    expect(findAgeMentions(text)).toEqual([]);
  });
  test.each([
    ['enfant de 5 ans', 5],
    ['bambino di 7 anni', 7],
    ['criança de 4 anos de idade', 4],
  ])('"%s" names a child of %i', (text, y) => {
    const m = findAgeMentions(text);
    expect(m.map((x) => Math.floor(x.reading.years))).toEqual([y]);
  });
});

describe('month names and weekdays', () => {
  test.each([
    ['12 déc. 2026', '2026-12-12'],
    ['1er décembre 2026', '2026-12-01'],
    ['3 février 2019', '2019-02-03'],
    ['14 juillet 2020', '2020-07-14'],
    ['2 juin 2021', '2021-06-02'],
    ['15 août 2018', '2018-08-15'],
    ['3 gennaio 2019', '2019-01-03'],
    ['21 giugno 2015', '2015-06-21'],
    ['5 de março de 2018', '2018-03-05'],
    ['9 de dezembro de 2026', '2026-12-09'],
    ['14 mei 2020', '2020-05-14'],
    ['2 okt 2017', '2017-10-02'],
  ])('"%s" is %s', (text, iso) => {
    const r = parseDate(text);
    expect(r.ok && r.iso).toBe(iso);
  });
  test.each(['general 12 2026', 'main 3 2026', 'outpatient 12, 2026'])('"%s" is no date', (text) => {
    expect(parseDate(text).ok).toBe(false);
  });
  test.each([
    ['vendredi 11/12/2026', 'DMY'],
    ['giovedì 10/12/2026', 'DMY'],
    ['samedi 12/05/2026', 'MDY'],
    // A name, not a weekday: the order stays unknown.
    ['Sam 11/12/2026', null],
  ])('"%s": its weekday says the day/month order (%s)', (text, order) => {
    const m = findDate(text);
    expect(m && weekdayOrder(text, m)).toBe(order);
  });
});

describe('exam words: modality, campaigns and region', () => {
  test.each([
    ['Scanner cérébral sans injection', ['CT', ['ct'], 'head']],
    ['TDM thoraco-abdomino-pelvienne', ['CT', ['ct'], 'chest-abdomen-pelvis']],
    ['Tomodensitométrie du rachis lombaire', ['CT', ['ct'], 'spine']],
    ['Radiographie du thorax face', ['DX', ['radiography'], 'chest']],
    ['Radio du genou face et profil', ['DX', ['radiography'], 'extremity']],
    ['ASP couché', ['DX', ['radiography'], 'abdomen']],
    ['Cystographie rétrograde', ['RF', ['fluoroscopy'], 'pelvis']],
    ['TOGD', ['RF', ['fluoroscopy'], 'abdomen']],
    ['Transit œso-gastro-duodénal', ['RF', ['fluoroscopy'], 'abdomen']],
    ['Lavement opaque aux hydrosolubles', ['RF', ['fluoroscopy'], 'abdomen']],
    ['Panoramique dentaire', ['PX', ['dental'], 'dental']],
    ['Scintigraphie osseuse', ['NM', ['nuclear-medicine'], null]],
    ['TEP-TDM au 18F-FDG', ['PT', ['nuclear-medicine', 'ct'], null]],
    ['TC torace senza mdc', ['CT', ['ct'], 'chest']],
    ['Tomografia computerizzata del cranio', ['CT', ['ct'], 'head']],
    ['RX ginocchio destro', ['DX', ['radiography'], 'extremity']],
    ['Cistografia minzionale', ['RF', ['fluoroscopy'], 'pelvis']],
    ['Clisma opaco a doppio contrasto', ['RF', ['fluoroscopy'], 'abdomen']],
    ['Pasto baritato', ['RF', ['fluoroscopy'], null]],
    ['Ortopantomografia (OPT)', ['PX', ['dental'], 'dental']],
    ['Tomografia computadorizada de abdome total', ['CT', ['ct'], 'abdomen']],
    ['Tomografia computorizada dos seios perinasais', ['CT', ['ct'], 'head']],
    ['Raio-X de tórax PA', ['DX', ['radiography'], 'chest']],
    ['Uretrocistografia miccional', ['RF', ['fluoroscopy'], 'pelvis']],
    ['Seriografia EED', ['RF', ['fluoroscopy'], 'abdomen']],
    ['Cintilografia renal com DMSA', ['NM', ['nuclear-medicine'], 'abdomen']],
    ['Radiografia panorâmica', ['PX', ['dental'], 'dental']],
    ['Tomografia de crânio sem contraste', ['CT', ['ct'], 'head']],
    ['Scintigraphie rénale au DMSA', ['NM', ['nuclear-medicine'], 'abdomen']],
    ['Tomografia de crânio sem contraste', ['CT', ['ct'], 'head']],
    ['Scintigraphie rénale au DMSA', ['NM', ['nuclear-medicine'], 'abdomen']],
    ['X-knie rechts staand', ['DX', ['radiography'], 'extremity']],
    ['Mictiecystogram', ['RF', ['fluoroscopy'], 'pelvis']],
    // No campaign for MR and ultrasound, in any language.
    ['IRM cérébrale', ['MR', [], 'head']],
    ['Échographie abdominale', ['US', [], 'abdomen']],
    ['RM ginocchio sinistro', ['MR', [], 'extremity']],
    ['Ecografia addome completo', ['US', [], 'abdomen']],
    ['Ressonância magnética de crânio', ['MR', [], 'head']],
    ['Ultrassonografia de abdome total', ['US', [], 'abdomen']],
    ['Echo heupen', ['US', [], 'pelvis']],
    ['Echo nieren', ['US', [], 'abdomen']],
    ['Ecografia anche', ['US', [], 'pelvis']],
    ['Ecografia anche', ['US', [], 'pelvis']],
    // Not these: an MRI scanner is a machine, Spanish "TEP" is a pulmonary embolism, an echocardiogram is the heart's.
    ['IRM cérébrale — scanner 3T', ['MR', [], 'head']],
    ['TC de tórax por sospecha de TEP', ['CT', ['ct'], 'chest']],
    ['Echo cor', ['US', [], 'cardiac']],
  ])('%s', (text, expected) => {
    expect(exam(text)).toEqual(expected);
  });
});

describe('statuses and the roles of dates', () => {
  test.each([
    ['Réalisé', 'done'], ['Terminé', 'done'], ['Eseguito', 'done'], ['Refertato', 'done'], ['Concluído', 'done'], ['Uitgevoerd', 'done'],
    ['Programmé', 'active'], ['En attente', 'active'], ['Prenotato', 'active'], ['Agendado', 'active'], ['Gepland', 'active'],
    ['Annulé', 'cancelled'], ['Annullato', 'cancelled'], ['Geannuleerd', 'cancelled'],
    ['Dupont', null], ['Scanner', null],
  ])('"%s" → %s', (text, cls) => {
    expect(statusClass(text)).toBe(cls);
  });
  test.each([
    ['Date de naissance', 'birth'], ['Né le', 'birth'], ['Data di nascita', 'birth'], ['Data de nascimento', 'birth'], ['Geboortedatum', 'birth'],
    ['Date d\'examen', 'exam'], ['Data esame', 'exam'], ['Data do exame', 'exam'], ['Datum onderzoek', 'exam'],
    ['Date du rendez-vous', 'scheduled'], ['Data prenotazione', 'scheduled'], ['Data do agendamento', 'scheduled'], ['Afspraak', 'scheduled'],
    ['Date de la demande', 'order'], ['Data richiesta', 'order'], ['Data da requisição', 'order'], ['Datum aanvraag', 'order'],
    ['Imprimé le', 'printed'], ['Impresso em', 'printed'], ['Examen précédent', 'prior'],
  ])('"%s" dates the %s', (label, role) => {
    expect(dateRole(label)).toBe(role);
  });
});

describe('a procedure code under a code\'s column is no date', () => {
  test.each([
    [
      'Portuguese requisition (Código | Designação), an adult of 77',
      `<table><tr><th>Nome do utente</th><td>Manuel Teixeira</td></tr><tr><th>Data de nascimento</th><td>02/05/1949</td></tr><tr><th>Idade</th><td>77 anos</td></tr></table>
       <table><tr><th>Código</th><th>Designação</th><th>Qtd.</th></tr><tr><td>12.05.04</td><td>TC abdominal e pélvica com contraste</td><td>1</td></tr></table>
       <p>Data da requisição: 30/11/2026</p>`,
      77,
    ],
    [
      'English order (Code | Description), an adult of 77',
      `<table><tr><th>Patient name</th><td>Manuel Teixeira</td></tr><tr><th>Date of birth</th><td>02/05/1949</td></tr></table>
       <table><tr><th>Code</th><th>Description</th><th>Qty</th></tr><tr><td>12.05.04</td><td>CT abdomen and pelvis with contrast</td><td>1</td></tr></table>
       <p>Request date: 30/11/2026</p>`,
      77,
    ],
    [
      'Italian request (Codice | Prestazione), a child of 9',
      `<table><tr><th>Paziente</th><td>Luca Conti</td></tr><tr><th>Data di nascita</th><td>03/09/2017</td></tr></table>
       <table><tr><th>Codice</th><th>Prestazione</th></tr><tr><td>87.44.1</td><td>RX torace</td></tr></table><p>Data richiesta: 30/11/2026</p>`,
      9,
    ],
  ])('%s', (_layout, html, age) => {
    expect(years(read(html))).toBe(age);
  });
});

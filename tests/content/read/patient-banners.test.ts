/**
 * Patient banners of unlabelled tokens (generic/banner.ts): a name or identifier, a sex token, an age and/or a date,
 * in sibling spans or divs, a table row or one text run split by `|` `·` `•` or spaces — and what is not the patient's
 * in them. Each layout is written for the test (none is a corpus page).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const URL_ = 'https://ehr.example.org/app/chart';

function read(body: string, options: AnalyzeOptions = {}, lang = 'en'): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Chart</title></head><body>${body}</body></html>`), URL_, { now: NOW, ...options });
}

const ev = (a: PageAnalysis, kind: string) => a.evidence.filter((e) => e.kind === kind);

describe('the age token of an unlabelled banner is the patient\'s', () => {
  test('encounter banner of spans with separator spans, a first-last name and a #number', () => {
    const a = read(`<div class="enc"><span class="pt">Luke Garza</span><span class="s">|</span><span>18 mos</span><span class="s">|</span>
      <span>M</span><span class="s">|</span><span>#88412</span><span class="s">|</span><span>Ins: BCBS PPO</span><span class="s">|</span><span>NKDA</span></div>
      <div class="orders"><h3>Orders</h3><div>XR CHEST 2 VIEWS</div></div>`);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(547);
    expect(a.ageUnsure).toBeFalsy();
    expect(a.modality).toBe('DX');
  });
  test('a print layout\'s table row of cells: name, "4 yo", sex, MRN', () => {
    const a = read(`<table class="hdr"><tr><td>Nadia Petrov</td><td>4 yo</td><td>F</td><td>MRN 2231</td><td>Medicaid</td></tr></table>
      <p><b>Requested exam:</b> CT head without contrast</p>`);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(1461);
    expect(a.ageUnsure).toBeFalsy();
    expect(a.modality).toBe('CT');
  });
  test('an adult\'s banner age "52Y F" in a viewer top bar', () => {
    const a = read(`<div class="topbar"><span>GARZA^LUIS</span> | <span>52Y F</span> | <span>ID 55120</span> | <span>CT ABD PEL W CON</span> | <span>07-Dec-2026 08:12</span></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBe(18993);
  });
});

describe('an unlabelled date in the banner is the birth date only where that is safe', () => {
  test('patient hub of divs: name, date, sex, Acct — the date beside the sex is the birth date', () => {
    const a = read(`<div class="hub"><div class="nm">Luke Garza</div><div>12/29/2018</div><div>M</div><div>Acct 3055</div><div>Ph (555) 201-3344</div></div>
      <div><h3>Diagnostic imaging</h3><div>CT head without contrast</div></div>`);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(2900);
    expect(a.ageUnsure).toBeFalsy();
    expect(ev(a, 'birthDate')[0]?.text).toBe('12/29/2018');
  });
  test('the same hub as one text run split by spaces', () => {
    const a = read(`<div class="hub">Luke Garza 12/29/2018 M Acct 3055 Ph (555) 201-3344</div>
      <div><h3>Diagnostic imaging</h3><div>CT head without contrast</div></div>`);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(2900);
  });
  test('an Epic-like line "Male • 03/14/2023 • MRN …" under the name', () => {
    const a = read(`<div class="banner"><div class="name">Garza, Luke</div><div class="line">Male • 03/14/2023 • MRN 22310045</div><div>Allergies: NKDA</div></div>
      <div><h2>Order</h2><div>CT ABDOMEN PELVIS W CONTRAST</div></div>`);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(1364);
  });
  test('Spanish: "Masc. · 12/05/2019 · NHC 0912345" (day first)', () => {
    const a = read(`<div class="cab"><span>Luis Ferrer Gil</span> · <span>Masc.</span> · <span>12/05/2019</span> · <span>NHC 0912345</span></div>
      <div><h3>Petición</h3><div>TC de cráneo sin contraste</div></div>`, {}, 'es');
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(2766);
  });
  test('a date that agrees with the banner\'s age is its birth date wherever it sits', () => {
    const a = read(`<div class="enc"><span>Luke Garza</span> | <span>#88412</span> | <span>M</span> | <span>Aetna</span> | <span>3 yo</span> | <span>03/14/2023</span></div>
      <div><h3>Orders</h3><div>XR chest 2 views</div></div>`);
    expect(a.ageDays).toBe(1364);
    expect(ev(a, 'birthDate')[0]?.text).toBe('03/14/2023');
  });
  test('a viewer top bar: the date beside the sex is the birth date, the date beside the exam the study\'s', () => {
    const a = read(`<div class="topbar"><span>OKAFOR^ADA</span> | <span>F</span> | <span>2019-05-30</span> | <span>ID 4410</span> | <span>CT HEAD WO</span> | <span>2026-12-04 09:30</span></div>`);
    expect(a.pediatric).toBe(true);
    expect(a.ageBasis).toBe('exam');
    expect(a.ageDays).toBe(2745);
  });
});

describe('negatives: a date in a banner that is not the birth date', () => {
  test('an adult\'s recent visit date in the banner, the same date as the page\'s encounter: no newborn', () => {
    const a = read(`<div class="hub"><div>Maria Lopez</div><div>12/01/2026</div><div>F</div><div>Acct 4410</div></div>
      <div>Encounter 12/01/2026</div><div><h3>Diagnostic imaging</h3><div>CT head without contrast</div></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
  });
  test('a recent date beside the sex with no age to agree with: not a birth date (it may be a visit\'s), never a newborn', () => {
    for (const html of [
      `<div class="hub"><div>Maria Lopez</div><div>F</div><div>11/28/2026</div><div>Acct 4410</div></div>`,
      `<div class="banner">LOPEZ, MARIA • Female • 03/14/2026 • MRN 220431</div>`,
    ]) {
      const a = read(`${html}<div><h3>Diagnostic imaging</h3><div>CT head without contrast</div></div>`);
      expect(a.pediatric, html).toBe(false);
      expect(ev(a, 'birthDate'), html).toHaveLength(0);
    }
  });
  test('a banner age that the date disagrees with: the date is another event\'s', () => {
    const a = read(`<div class="enc"><span>Maria Lopez</span> | <span>45 yo</span> | <span>F</span> | <span>12/01/2026</span> | <span>#55120</span></div>
      <div><h3>Orders</h3><div>CT head without contrast</div></div>`);
    expect(a.pediatric).toBe(false);
    expect(ev(a, 'birthDate')).toHaveLength(0);
  });
  test('a date after the identifier, not beside the sex, with other words between: not the birth date', () => {
    const a = read(`<div class="hub"><div>Maria Lopez</div><div>F</div><div>Acct 4410</div><div>Dr. Patel</div><div>11/02/2026</div></div>
      <div><h3>Diagnostic imaging</h3><div>CT head without contrast</div></div>`);
    expect(a.pediatric).toBe(false);
    expect(ev(a, 'birthDate')).toHaveLength(0);
  });
  test('today\'s date, a future date or a timestamp beside the sex is not a birth date', () => {
    for (const date of ['12/07/2026', '12/19/2026', '11/30/2026 08:40']) {
      const a = read(`<div class="hub"><div>Maria Lopez</div><div>F</div><div>${date}</div><div>Acct 4410</div></div>
        <div><h3>Diagnostic imaging</h3><div>CT head without contrast</div></div>`);
      expect(a.pediatric, date).toBe(false);
      expect(ev(a, 'birthDate'), date).toHaveLength(0);
    }
  });
  test('a recent date beside the sex in a viewer top bar that names the study: the study\'s, not a birth date', () => {
    const a = read(`<div class="topbar"><span>DOE^JOHN</span> | <span>M</span> | <span>11/22/2026</span> | <span>ID 4410</span> | <span>CT HEAD WO</span></div>`);
    expect(a.pediatric).toBe(false);
    expect(ev(a, 'birthDate')).toHaveLength(0);
  });
  test('a relative\'s banner-like line ("Sibling: … · F · date") on an adult\'s chart is not the patient\'s', () => {
    const a = read(`<div class="b"><span>LOPEZ, MARIA</span> · <span>F</span> · <span>MRN 0045120</span> · <span>Aetna</span></div>
      <div class="fam"><span>Sibling: Ana Lopez</span> · <span>F</span> · <span>03/22/2022</span> · <span>#4410</span></div>
      <div><h3>Orders</h3><div>CT head without contrast</div></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
  });
  test('relatives\' ages elsewhere ("daughter … 9Y", "Mother (42)") are not the patient\'s', () => {
    const a = read(`<div class="enc"><span>Luis Garza</span> | <span>M</span> | <span>#88412</span> | <span>Aetna</span></div>
      <div class="sh">Social: lives with daughter Ana 9Y F; Mother (42) at home</div>
      <div><h3>Orders</h3><div>CT head without contrast</div></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
  });
  test('a list of patients, each an unlabelled banner line, none open: nobody\'s birth date', () => {
    const a = read(`<h2>Today</h2><ul class="pts"><li>Luke Garza · M · 12/29/2018 · #4410 · XR chest 2 views</li>
      <li>Ana Ruiz · F · 03/02/2015 · #4411 · CT head without contrast</li><li>Omar Haddad · M · 06/19/1961 · #4412 · CT chest</li></ul>`);
    expect(a.pediatric).toBe(false);
  });
});

describe('a viewer top bar of tokens: its procedure token is the open study, "priors" are not', () => {
  test('a child\'s radiograph in the bar, a CT under "Related:"', () => {
    const a = read(`<div class="bar"><span>GARZA^LUKE</span> | <span>3y 7m M</span> | <span>ID 55120</span> | <span>XR CHEST 2V</span> | <span>04-Dec-2026 08:12</span></div>
      <div class="rel">Related: CT HEAD WO 02-Mar-2025</div>`);
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('DX');
    expect(a.examDescription).toBe('XR CHEST 2V');
    expect(ev(a, 'examDate')[0]?.text).toBe('04-Dec-2026');
  });
  test('an adult CT in the bar written in codes and abbreviations, earlier studies under "Relevant priors:"', () => {
    const a = read(`<header class="tb"><div>GARZA^LUIS</div><div>52Y F</div><div>ID 55120</div><div>CT ABD PEL W CON</div><div>07-Dec-2026 08:12</div></header>
      <section><div>Relevant priors: XR CHEST 2V 02-Mar-2025</div><div>Previous studies (2): US ABDOMEN 11-Jan-2024</div></section>`);
    expect(a.modality).toBe('CT');
    expect(a.examDescription).toBe('CT ABD PEL W CON');
    expect(a.pediatric).toBe(false);
  });
});

/**
 * An unlabelled date beside the patient's age is the birth date only when it fits the age (layouts written for the
 * test): the app's date in its toolbar or user bar, next to a newborn's header, is not a birth date; a date that
 * disagrees with the age stays unused; a labelled birth date that disagrees is still a conflict.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`), 'https://ris.example.org/app/1', { now: NOW });
const age = (a: PageAnalysis) => ({ days: a.ageDays, basis: a.ageBasis, conflict: a.ageConflict ?? false });
const birthRead = (a: PageAnalysis) => a.evidence.some((e) => e.kind === 'birthDate');

describe("today's date beside an age in days, weeks or months is not the birth date", () => {
  test('a RIS header of spans "BABY GIRL … 45 d/o F" under a user bar with today\'s date', () => {
    const a = read(`<div class="app-hdr"><span class="brand">RadFlow</span><span class="who">Dr. R. Menon (Nuclear Medicine)</span> · <span>12/07/2026</span></div>
      <div class="pt-banner"><span class="nm">BABY GIRL HOLLIS</span> <span>45 d/o F</span> <span>MRN 00917733</span></div>
      <div><span class="k">Procedure</span> <span>NM hepatobiliary scan (HIDA) with mebrofenin</span></div>`);
    expect(age(a)).toEqual({ days: 45, basis: 'today', conflict: false });
    expect([a.pediatric, a.modality, birthRead(a)]).toEqual([true, 'NM', false]);
  });
  test('a table row header "DOE, BABY BOY | 3 wks | M | 2026-12-07 09:12" (the worklist\'s day)', () => {
    const a = read(`<table class="ptinfo"><tr><td>DOE, BABY BOY</td><td>3 wks</td><td>M</td><td>2026-12-07 09:12</td><td>Acc 88120456</td></tr></table>
      <h2>FL UGI contrast study</h2>`);
    expect(age(a)).toEqual({ days: 21, basis: 'today', conflict: false });
    expect([a.pediatric, a.modality]).toEqual([true, 'RF']);
  });
  test('Spanish: "RN GARCÍA · 2 meses · F · NHC 449120" beside "Usuario: dra. Pérez · 07/12/2026"', () => {
    const a = read(`<div class="cab"><span>Usuario: dra. Pérez (Radiología)</span> <span>07/12/2026 11:40</span></div>
      <div class="paciente"><b>RN GARCÍA, LUNA</b> <span>2 meses</span> <span>F</span> <span>NHC 449120</span></div>
      <p>Estudio: Rx tórax AP</p>`, 'es');
    expect(age(a)).toEqual({ days: 60, basis: 'today', conflict: false });
    expect(birthRead(a)).toBe(false);
  });
});

describe('the app bar is never the patient header', () => {
  test('a toolbar\'s date that would fit a newborn\'s "1 day" is still not a birth date', () => {
    const a = read(`<div role="toolbar"><span>Dr. A. Osei · Neonatology</span> <span>2026-12-06 23:58</span></div>
      <div class="banner"><span>KIM, BABY BOY</span> <span>1 day M</span> <span>MRN 5510392</span></div><h3>XR chest AP portable</h3>`);
    expect([a.ageDays, birthRead(a)]).toEqual([1, false]);
  });
  test('a user bar of a div grid with the clock', () => {
    const a = read(`<div class="user-info"><div>jsmith</div><div>Sun 2026-12-05 22:10</div></div>
      <div class="hdr"><span>ROSS, Ada · MRN 7712004</span> <span>DOL 2 F</span></div><p>Order: US hips bilateral</p>`);
    expect([a.ageDays, birthRead(a), a.modality]).toEqual([2, false, 'US']);
  });
});

describe('a date beside the age that fits it is still the birth date; one that does not is unused', () => {
  test('"Female, 5 wk.o., 10/31/2026" in a storyboard: the birth date, exact', () => {
    const a = read(`<div class="sb"><span>Finch, Ivy</span> <span>MRN 4471902</span> <span>Female, 5 wk.o., 10/31/2026</span></div><h3>XR chest 2 views</h3>`);
    expect([a.ageDays, birthRead(a)]).toEqual([37, true]);
  });
  test('"6 y.o. M" beside a date of last month: not his birth date, the age as shown', () => {
    const a = read(`<div class="hdr"><span>PATEL, Dev</span> <span>6 y.o. M</span> <span>11/02/2026</span> <span>MRN 3319920</span></div><h3>CT head without contrast</h3>`);
    expect([a.ageDays, birthRead(a), a.ageConflict ?? false]).toEqual([2191, false, false]);
  });
  test('a labelled DOB that disagrees with the age is still a conflict', () => {
    const a = read(`<div class="hdr"><span>HOLLIS, BABY GIRL</span> <span>45 d/o F</span> <span>DOB: 11/30/2026</span> <span>MRN 00917733</span></div><h3>NM HIDA scan</h3>`);
    expect(a.ageConflict).toBe(true);
  });
});

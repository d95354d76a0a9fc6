/**
 * European dot dates (layouts written for the test): `DD.MM.YYYY` and the short `DD.MM.YY` of dental and imaging
 * software and European EHRs, for the birth date and the exam's date. The day/month order comes as for slashed
 * dates: a date on the page that reads one way only, else the site setting, else it stays unknown.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { DateOrder, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, dateOrder?: DateOrder): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://dental.example.eu/patient/55123', {
    now: NOW,
    ...(dateOrder ? { dateOrder } : {}),
  });

describe('DD.MM.YY birth and exam dates', () => {
  test('a one-line banner and an exam line, each with a short dot date', () => {
    const a = read(`<div class="hdr">Weber, Lena · DOB 14.02.14 · F</div><div class="exam">Exam date 03.12.26 — CT head without contrast</div>`);
    // 2014-02-14 → 2026-12-03
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality]).toEqual([true, 4675, 'exam', 'CT']);
  });
  test('a two-column table: an ambiguous birth date read by the order an exam date shows', () => {
    const a = read(`<table class="pt"><tr><td>Name</td><td>Weber, Lena</td></tr><tr><td>Date of birth</td><td>04.02.14</td></tr>
      <tr><td>Study date</td><td>19.11.26 10:42</td></tr><tr><td>Study</td><td>CBCT maxilla</td></tr></table>`);
    // 2014-02-04 → 2026-11-19
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality]).toEqual([true, 4671, 'exam', 'CT']);
  });
  test('a form of inputs whose short dates all read both ways: no age without the site order, the age with it', () => {
    // 03.06.26: 3 June or 6 March, neither of these days.
    const body = `<form><label>Patient</label><input value="Weber, Lena"><label>Birth date</label><input value="04.02.14">
      <label>Exam date</label><input value="03.06.26"><label>Exam</label><input value="CT head"></form>`;
    expect(read(body).ageDays).toBeNull();
    // 2014-02-04 → 2026-06-03
    expect(read(body, 'DMY').ageDays).toBe(4502);
  });
  test('the same form with an exam of four days ago as D/M (03.12.26): the page is D/M without the setting', () => {
    const body = `<form><label>Patient</label><input value="Weber, Lena"><label>Birth date</label><input value="04.02.14">
      <label>Exam date</label><input value="03.12.26"><label>Exam</label><input value="CT head"></form>`;
    // 2014-02-04 → 2026-12-03
    expect(read(body).ageDays).toBe(4685);
  });
  test('an adult born in the last century, written with a two-digit year', () => {
    const a = read(`<div class="hdr"><span>Krause, Dieter</span><span>DOB 23.06.58</span><span>M</span></div><div>Exam date 02.12.26</div><h3>CT chest</h3>`);
    expect([a.pediatric, a.modality]).toEqual([false, 'CT']);
    expect(a.ageDays).toBeGreaterThan(68 * 365);
  });
});

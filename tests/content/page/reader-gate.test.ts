/**
 * content.js's gate (content/page/reader-gate.ts) must never hide a child: every saved page and every corpus page
 * on which the reader finds something to show (or whose truth says a panel shows) passes it. Pages with no patient
 * or no exam do not, and the gate stops at its caps.
 */
import { describe, expect, it } from 'vitest';
import { analyzePage } from '@/content/analyze';
import { decidePanel } from '@/content/page/panel-decision';
import { MAX_CHARS, MAX_NODES, mayShowPatientExam, wantsReader } from '@/content/page/reader-gate';
import { loadCorpus, optionsOf, pageKey } from '../../helpers/corpus';
import { truthOutcome } from '../../helpers/corpus-panel';
import { allFixtures, parseHtml } from '../../helpers/pages';

const page = (body: string, title = 't') => parseHtml(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`);
const shows = (doc: Document, url: string, now = new Date('2026-11-20T15:00:00Z')) =>
  decidePanel(analyzePage(doc, url, { now }), { disabledCampaigns: [] }).show;

describe('the reader gate lets through every page with something to show', () => {
  const fixtures = allFixtures().filter((f) => /^https?:/.test(f.url));
  it.each(fixtures.map((f) => [`${f.profile}/${f.file}`, f] as const))('saved page %s', (_name, f) => {
    const doc = parseHtml(f.html);
    if (shows(doc, f.url)) expect(wantsReader(doc, f.url)).toBe(true);
  });

  const corpus = loadCorpus();
  it.each(corpus.map((p) => [pageKey(p), p] as const))('corpus page %s', (_key, p) => {
    const doc = parseHtml(p.html);
    const mustRead = truthOutcome(p.truth).outcome.mode !== 'none' || decidePanel(analyzePage(doc, p.url, optionsOf(p)), { disabledCampaigns: [] }).show;
    if (mustRead) expect(wantsReader(doc, p.url)).toBe(true);
  });

  it('checks pages that show a panel at all (the two lists above are not empty of them)', () => {
    expect(corpus.filter((p) => truthOutcome(p.truth).outcome.mode !== 'none').length).toBeGreaterThan(40);
  });
});

describe('pages it keeps the reader from', () => {
  it.each([
    ['a login page', '<form><label>User name</label><input name="u"><label>Password</label><input type="password"><button>Sign in</button></form>'],
    ['a blank page', ''],
    ['a menu of an enabled site', '<nav><a>Home</a><a>Schedule</a><a>Reports</a><a>Help</a></nav><p>Welcome back.</p>'],
    ['a patient without an exam', '<div>DOE, KIM · 6 y.o. M · MRN 0012345</div><p>Allergies: none known</p>'],
    ['an exam without a patient', '<h2>CT protocols</h2><p>Abdomen pelvis with contrast: 120 kVp</p>'],
  ])('%s', (_what, body) => {
    expect(mayShowPatientExam(page(body), {})).toBe(false);
  });

  it('reads a PACS viewer page whatever its text (its study may show a child)', () => {
    expect(wantsReader(page('<div id="root"></div>'), 'https://pacs.example.org/viewer?StudyInstanceUIDs=1.2.3')).toBe(true);
    expect(wantsReader(page('<div id="root"></div>'), 'https://pacs.example.org/other')).toBe(false);
  });

  it('reads every page of a site the user taught (site recipes)', () => {
    expect(mayShowPatientExam(page('<p>Welcome back.</p>'), { siteRecipes: [{}] })).toBe(true);
  });

  it('finds an age and an exam in any of several forms', () => {
    for (const [age, exam] of [['6 y.o. M', 'CT HEAD'], ['12Y / M', 'XR CHEST'], ['3 años', 'Esofagograma'], ['DOB 01/02/2020', 'VCUG'], ['5 mo / F', 'D0274 bitewings'], ['PatientBirthDate 20261106', 'StudyDate 20261204'], ['PatientID 90412277', 'CR'], ['Née le 12/03/2019', 'Scanner cérébral'], ['10 ans', 'IRM'], ['Età: 7 anni', 'RX torace'], ['Data de nascimento 10/10/2020', 'Ecografia'], ['Geboortedatum 08-07-2018', 'Onderzoek: X-thorax']]) {
      expect(mayShowPatientExam(page(`<span>${age}</span><div>${exam}</div>`)), `${age} + ${exam}`).toBe(true);
    }
    expect(mayShowPatientExam(page('<input value="6 y.o. F"><input value="XR HAND">'))).toBe(true);
  });

  it('finds a patient in an unlabelled banner: an identifier as banners write it, or a sex token alone', () => {
    for (const banner of ['<div>Luke Garza</div><div>12/29/2018</div><div>M</div><div>Ph 555-0101</div>', '<span>GARZA, LUKE</span> | <span>#88412</span>', '<div>Luke Garza 12/29/2018 Acct 3055</div>', '<span>GARZA^LUKE</span> | <span>ID 55120</span>']) {
      expect(mayShowPatientExam(page(`${banner}<div>CT head without contrast</div>`)), banner).toBe(true);
    }
    // A single letter inside a word or a sentence is no sex token.
    expect(mayShowPatientExam(page('<p>Plan M: review</p><div>CT protocols</div>'))).toBe(false);
  });

  it('finds a patient in a tag dump\'s DICOM keywords (one text per line, no "Patient" word of its own)', () => {
    expect(mayShowPatientExam(page('<pre>(0010,0030) PatientBirthDate     20210903\n(0008,0060) Modality             MR</pre>'))).toBe(true);
    expect(mayShowPatientExam(page('<pre>(0010,1010) PatientAge  006Y\n(0008,1030) StudyDescription  CHEST</pre>'))).toBe(true);
  });

  it('looks at no more than its caps of text nodes and characters', () => {
    const filler = '<p>lorem</p>'.repeat(MAX_NODES + 10);
    expect(mayShowPatientExam(page(`<div>6 y.o. M</div><div>CT HEAD</div>${filler}`))).toBe(true);
    expect(mayShowPatientExam(page(`${filler}<div>6 y.o. M</div><div>CT HEAD</div>`))).toBe(false);
    const long = `<p>${'x'.repeat(1999)}</p>`.repeat(Math.ceil(MAX_CHARS / 1999) + 2);
    expect(mayShowPatientExam(page(`${long}<div>6 y.o. M</div><div>CT HEAD</div>`))).toBe(false);
  });
});

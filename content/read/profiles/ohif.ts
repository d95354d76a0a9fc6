/**
 * OHIF Viewer v3 (3.11 and 3.13), study list and viewer, from saved pages written from the DOM recorded against a
 * real OHIF on Orthanc (docs/reference/page-formats.md §3).
 * Study list:
 * - 3.11: `tbody[data-cy="study-list-results"] > tr[data-cy^="studyRow-"]` wraps `tr[data-cy="<uid>"]` with the
 *   cells Patient Name | MRN | Study Date (`MMM-DD-YYYY` + time) | Description | Modality | Accession # | Instances.
 * - 3.13: the header table's `th > span` labels (Patient | MRN | Study Date | Modalities | Description | Accession)
 *   map the cells of the body table inside `div[data-radix-scroll-area-viewport]` (`td > div.truncate`); no row ids.
 * - Neither list shows birth date, age or sex: rows carry no age (only explicit PEDS wording counts).
 * Viewer (`/viewer?StudyInstanceUIDs=…`, also other mode routes):
 * - header patient box, when expanded: `div.text-muted-foreground.flex` with PatientID | Sex | DOB (`DD-MMM-YYYY`);
 *   collapsed it shows only "Patient" ("Multiple Patients" when display sets mix patients: then no patient facts).
 * - `[data-cy="viewport-overlay-top-left"]`: study date (3.13 `21-Nov-2026`, 3.11 `Nov 21, 2026`) + series description.
 * - `[data-cy="studyBrowser-panel"]`: study items (Radix accordion). Earlier studies stay mounted, so only the open
 *   item (`[data-state="open"]`) is read: date, description, modalities; its series labels
 *   (`[data-cy="series-modality-label"]`, `[data-cy="series-description-label"]`, 3.13).
 * - The StudyInstanceUID is only in the URL (`StudyInstanceUIDs=`): the exam key.
 * Dates here are month-name formats, so no day/month ambiguity.
 *
 * Test URLs (the e2e OHIF, tests/e2e/ohif/, serves these routes; fixtures in tests/fixtures/pages/ohif/):
 *   http://127.0.0.1:3000/                                           (study list)
 *   http://127.0.0.1:3000/viewer?StudyInstanceUIDs=2.25.91822040815.3.1  (viewer)
 */
import { parseDate } from '../parse/dates';
import { parseModalityCodes } from '../parse/procedure';
import type { Fact } from '../types';
import { findings, pushFact, type SiteProfile, textOf } from './profile';
import { type Column, mapColumns, rowFacts } from './table';

const NAME = 'OHIF';
/** OHIF mode routes that open a viewer (`/viewer`, `/segmentation`, `/tmtv`, `/microscopy` …; platform docs: modes). */
const VIEWER_ROUTES = /\/(viewer|segmentation|tmtv|microscopy)(\/|$)/i;

function isViewer(doc: Document, url: URL): boolean {
  return url.searchParams.has('StudyInstanceUIDs') || VIEWER_ROUTES.test(url.pathname) || doc.querySelector('[data-cy="viewport-grid"]') !== null;
}

/** 3.11 list: fixed column order (docs/reference/page-formats.md §3). */
const V311_COLUMNS: readonly Column[] = [
  { kind: 'examDate', index: 2, label: 'Study Date' },
  { kind: 'procedure', index: 3, label: 'Description' },
  { kind: 'modality', index: 4, label: 'Modality' },
];

/** The rows of the study list, or null when the page has neither version's list markup. */
function readList(doc: Document): Fact[][] | null {
  const rows: Fact[][] = [];
  const v311 = doc.querySelector('tbody[data-cy="study-list-results"]');
  if (v311) {
    const wheres = V311_COLUMNS.map((c) => `${NAME} 3.11 study list · ${c.label}`);
    for (const outer of Array.from(v311.querySelectorAll('tr[data-cy^="studyRow-"]'))) {
      const uid = outer.getAttribute('data-cy')!.slice('studyRow-'.length);
      const inner = outer.querySelector(`tr[data-cy="${CSS_escape(uid)}"]`) ?? outer;
      const facts = rowFacts((inner as HTMLTableRowElement).cells ?? inner.children, V311_COLUMNS, wheres, []);
      if (facts.length) rows.push(facts);
    }
    return rows;
  }
  // 3.13: header labels in one table, body rows in another inside the Radix scroll area.
  const body = doc.querySelector('div[data-radix-scroll-area-viewport] table tbody');
  const headerTable = Array.from(doc.querySelectorAll('table')).find((t) => t.querySelector('th') !== null);
  if (!body || !headerTable) return null;
  const headerRow = headerTable.querySelector('thead tr') ?? headerTable.querySelector('tr');
  const cols = mapColumns(Array.from(headerRow?.children ?? []).map((th) => th.querySelector('span') ?? th));
  const wheres = cols.map((c) => `${NAME} 3.13 worklist · ${c.label}`);
  for (const tr of Array.from(body.children)) {
    if (tr.tagName !== 'TR') continue;
    const facts = rowFacts((tr as HTMLTableRowElement).cells, cols, wheres, []);
    if (facts.length) rows.push(facts);
  }
  return rows;
}

/** A UID is digits and dots; escaping keeps a selector valid whatever the attribute holds. */
function CSS_escape(s: string): string {
  return s.replace(/[^a-zA-Z0-9._-]/g, (c) => `\\${c}`);
}

/** Leaf elements (no element children) with text, in document order. */
function leaves(root: Element): Element[] {
  return Array.from(root.querySelectorAll('*')).filter((e) => e.childElementCount === 0 && textOf(e) !== '');
}

function readViewer(doc: Document, url: URL): { primary: Fact[]; notes: string[] } {
  const primary: Fact[] = [];
  const notes: string[] = [];
  // Patient: the expanded header box (PatientID | Sex | DOB). Never from the study browser or overlays.
  const multiple = Array.from(doc.querySelectorAll('div')).some((d) => d.childElementCount === 0 && textOf(d) === 'Multiple Patients');
  if (multiple) notes.push('header says Multiple Patients: no patient facts');
  else {
    for (const box of Array.from(doc.querySelectorAll('div.text-muted-foreground.flex'))) {
      const parts = Array.from(box.children).map((c) => textOf(c));
      const last = parts[parts.length - 1] ?? '';
      if (parts.length >= 2 && /^[MFOU]$/.test(parts[parts.length - 2] ?? '') && parseDate(last).ok) {
        pushFact(primary, 'birthDate', last, `${NAME} viewer · header patient box · DOB`);
        break;
      }
    }
  }
  // Exam: the first viewport's overlay (study date), then the open study-browser item.
  const overlay = doc.querySelector('[data-cy="viewport-overlay-top-left"]');
  if (overlay) {
    const lines = leaves(overlay).map((e) => textOf(e));
    const dateLine = lines.find((l) => parseDate(l).ok);
    if (dateLine) pushFact(primary, 'examDate', dateLine, `${NAME} viewer · viewport overlay · study date`);
  }
  const panel = doc.querySelector('[data-cy="studyBrowser-panel"]');
  if (panel) {
    const items = Array.from(panel.querySelectorAll('[data-state="open"]')).filter((e) => e.querySelector('button[aria-expanded="true"], button[data-state="open"]'));
    const item = items[0];
    if (item) {
      const trigger = item.querySelector('button[aria-expanded="true"], button[data-state="open"]')!;
      const texts = leaves(trigger).map((e) => textOf(e));
      const date = texts.find((t) => parseDate(t).ok);
      if (date) pushFact(primary, 'examDate', date, `${NAME} viewer · study browser · date`);
      const mod = texts.find((t) => /^[A-Z]{2}(?:[\s,\\/]+[A-Z]{2})*$/.test(t) && parseModalityCodes(t).length > 0);
      if (mod) pushFact(primary, 'modality', mod, `${NAME} viewer · study browser · modalities`);
      const description = texts.filter((t) => t !== date && t !== mod && !/^\d+$/.test(t)).sort((a, b) => b.length - a.length)[0];
      if (description) pushFact(primary, 'procedure', description, `${NAME} viewer · study browser · description`);
      for (const l of Array.from(item.querySelectorAll('[data-cy="series-modality-label"]'))) pushFact(primary, 'modality', textOf(l), `${NAME} viewer · series · modality`);
      for (const l of Array.from(item.querySelectorAll('[data-cy="series-description-label"]'))) pushFact(primary, 'procedure', textOf(l), `${NAME} viewer · series · description`);
    } else notes.push('no open study in the study browser');
  }
  const uid = url.searchParams.get('StudyInstanceUIDs')?.split(',')[0];
  if (uid) pushFact(primary, 'examKey', uid, `${NAME} viewer · URL StudyInstanceUIDs`);
  return { primary, notes };
}

export const ohif: SiteProfile = {
  id: 'ohif',
  name: NAME,
  tested: 'saved',
  matches(doc, url) {
    return (
      (url.searchParams.has('StudyInstanceUIDs') && doc.getElementById('root') !== null) ||
      doc.querySelector('[data-cy="study-list-results"]') !== null ||
      doc.querySelector('[data-cy="viewport-grid"]') !== null ||
      doc.querySelector('[data-cy="studyBrowser-panel"]') !== null ||
      doc.querySelector('input[data-cy="input-date-range-start"]') !== null
    );
  },
  routeContainer(doc) {
    return doc.getElementById('root');
  },
  read(doc, url) {
    if (isViewer(doc, url)) {
      const { primary, notes } = readViewer(doc, url);
      return findings(this.id, primary, [], [
        { kind: 'profile', text: NAME, where: 'viewer' },
        ...notes.map((n) => ({ kind: 'profile', text: NAME, where: 'viewer', note: n })),
      ]);
    }
    const rows = readList(doc);
    // Not its list markup (another version's, a customised list): the generic reader reads it (analyze.ts).
    if (!rows) return { ...findings(this.id, null, [], [{ kind: 'profile', text: NAME, where: 'study list', note: 'no list markup known' }]), unknownShape: true };
    return findings(this.id, null, rows, [{ kind: 'profile', text: NAME, where: 'study list' }]);
  },
};

/**
 * Generic reader for unknown order-entry screens, worklists and EHR banners: labels such as Age, DOB, Sex, Weight,
 * Procedure, Exam, Modality (content/read/profiles/labels.ts) next to their values, in
 *  - definition lists (`dt` → `dd`),
 *  - key/value tables (a row of label cell + value cell),
 *  - list tables whose header names exam columns (Study date, Modality, Description…) → one record per row,
 *  - labelled form controls (`label[for]` → input/select/textarea value, or a control inside the label),
 *  - inline text "Label: value" (`<span>DOB: 08/15/2020</span>`, `<b>Age:</b> 6`).
 * Scope (one patient at a time): an open modal dialog if there is one, else `main`/`[role=main]`, else `body`.
 * It runs only where no known system matched (the registry passes the specific profiles in) and where a patient
 * label is present, so a login page or a news article about children is not read at all.
 * Numeric dates use the per-site setting (`dateOrder`); a date valid both ways stays unknown without it.
 *
 * Test URLs (synthetic fixtures in tests/fixtures/pages/generic/, served by any static server):
 *   http://127.0.0.1:8080/orders/new?patient=demo        (order entry form: labelled inputs, banner dl)
 *   http://127.0.0.1:8080/app/worklist                    (worklist table, one record per row)
 *   http://127.0.0.1:8080/chart/summary                   (EHR banner "DOB: … Age: …" inline text)
 *   http://127.0.0.1:8080/login                           (login page: not read)
 *   http://127.0.0.1:8080/news/children-imaging           (news article about children: not read)
 */
import type { Fact, FactTable } from '../types';
import { type LabelKind, labelKind, PATIENT_KINDS } from './labels';
import { findings, type SiteProfile, textOf } from './profile';
import { headerCellsOf, mapColumns, pushLabelled, readListTable } from './table';

const NAME = 'Generic labels';
/** Cost caps: how many candidate label elements / text nodes are looked at, so a huge page stays cheap. */
const MAX_LABEL_ELEMENTS = 400;
const MAX_NODES = 20_000;

/**
 * The one record the screen is about: an open modal dialog, else the whole body — minus side panels and hidden
 * parts, which the walk skips (`aside`, `nav`, `[role=complementary|navigation]`, `hidden`, inline `display:none`),
 * so a "recent patients" sidebar never mixes in. (Tag lookups and direct children only: a selector list with
 * `[role=…]` costs ~2 ms on a 5,000-row page.)
 */
function scopeOf(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const dialogs = doc.getElementsByTagName('dialog');
  for (let i = 0; i < dialogs.length; i++) if (dialogs[i]!.hasAttribute('open')) return dialogs[i]!;
  for (const child of Array.from(body.children)) {
    const role = child.getAttribute('role');
    if ((role === 'dialog' || role === 'alertdialog') && child.getAttribute('aria-modal') === 'true') return child;
  }
  return body;
}

/** Parts of the page that belong to other records or are not shown. */
function isAside(el: Element, tag: string): boolean {
  if (tag === 'ASIDE' || tag === 'NAV' || el.hasAttribute('hidden')) return true;
  const role = el.getAttribute('role');
  if (role === 'complementary' || role === 'navigation') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Does the page show a patient label (Age, DOB …) in a header cell, term, label or inline "DOB:" text? Cheap. */
function hasPatientLabel(scope: Element): boolean {
  for (const tag of ['th', 'dt', 'label']) {
    const els = scope.getElementsByTagName(tag);
    // Index access stops at the first hit; `length` is never asked for.
    for (let i = 0; i < MAX_LABEL_ELEMENTS; i++) {
      const el = els[i];
      if (!el) break;
      const k = labelKind(textOf(el));
      if (k && PATIENT_KINDS.has(k)) return true;
    }
  }
  return INLINE_PATIENT.test((scope.textContent ?? '').slice(0, 20_000));
}
const INLINE_PATIENT = /\b(?:DOB|D\.O\.B\.|Date of birth|Birth ?date|Age|Edad|Fecha de nacimiento)\s*:/i;

function controlValue(el: Element | null): string {
  if (!el) return '';
  if (el.tagName === 'SELECT') {
    const s = el as HTMLSelectElement;
    return textOf(s.options[s.selectedIndex] ?? null);
  }
  if ('value' in el && typeof (el as HTMLInputElement).value === 'string') return (el as HTMLInputElement).value;
  return textOf(el);
}

function readDefinitionList(dl: Element, facts: Fact[]): void {
  for (const dt of Array.from(dl.getElementsByTagName('dt'))) {
    const kind = labelKind(textOf(dt));
    const dd = dt.nextElementSibling;
    if (kind && dd?.tagName === 'DD') pushLabelled(facts, kind, textOf(dd), `${NAME} · dl · ${textOf(dt)}`);
  }
}

/** A key/value table row (`DOB | 08/15/2020 | Weight | 20 kg`). True when it held a known label. */
function readKeyValueRow(row: HTMLTableRowElement, facts: Fact[]): boolean {
  const cells = row.cells;
  let found = false;
  for (let i = 0; i + 1 < cells.length; i += 2) {
    const label = textOf(cells[i]);
    const kind = labelKind(label);
    if (!kind) continue;
    found = true;
    const value = cells[i + 1]!;
    pushLabelled(facts, kind, controlValue(value.querySelector('input, select, textarea')) || textOf(value), `${NAME} · table · ${label}`);
  }
  return found;
}

function readLabel(label: Element, doc: Document, facts: Fact[]): void {
  const own = label.querySelector('input, select, textarea');
  const forId = label.getAttribute('for');
  const control = own ?? (forId ? doc.getElementById(forId) : null);
  let labelText = textOf(label);
  if (own) labelText = labelText.replace(textOf(own), '').trim();
  const kind = labelKind(labelText);
  if (!kind) return;
  const value = control ? controlValue(control) : textOf(label.nextElementSibling);
  pushLabelled(facts, kind, value, `${NAME} · label · ${labelText}`);
}

const INLINE = /^([A-Za-zÁÉÍÓÚáéíóúñÑ .#]{2,30}?)\s*:\s*(.*)$/;
/** Subtrees never read as text. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'TEXTAREA', 'SVG', 'IFRAME']);

interface Scan {
  primary: Fact[];
  listTables: HTMLTableElement[];
}

/**
 * One walk over the scope. Lists (`table` with exam columns) are set aside and their subtree skipped (a 5,000-row
 * table costs nothing here); definition lists, labels and key/value rows are read where met and skipped; every other
 * text node is tried as "Label: value" (or "Label:" + the next text node, as in `<b>Age:</b> 6`).
 */
function scan(scope: Element, doc: Document): Scan {
  const primary: Fact[] = [];
  const listTables: HTMLTableElement[] = [];
  let visited = 0;
  const walker = doc.createTreeWalker(scope, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(n: Node): number {
      if (++visited > MAX_NODES) return 2;
      if (n.nodeType !== 1) return 1;
      const el = n as Element;
      const tag = el.tagName.toUpperCase();
      if (isAside(el, tag)) return 2;
      if (tag === 'TABLE') {
        const header = headerCellsOf(el as HTMLTableElement);
        if (header && mapColumns(header).length >= 2) {
          listTables.push(el as HTMLTableElement);
          return 2; // FILTER_REJECT: read as a list, below
        }
        return 1;
      }
      if (tag === 'TR') return readKeyValueRow(el as HTMLTableRowElement, primary) ? 2 : 1;
      if (tag === 'DL') {
        readDefinitionList(el, primary);
        return 2;
      }
      if (tag === 'LABEL') {
        readLabel(el, doc, primary);
        return 2;
      }
      return SKIP_TAGS.has(tag) ? 2 : 1;
    },
  });
  let pending: { kind: LabelKind; label: string } | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType !== 3) continue;
    const t = (n.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    if (!t) continue;
    if (pending) {
      pushLabelled(primary, pending.kind, t, `${NAME} · text · ${pending.label}`);
      pending = null;
      continue;
    }
    // A text node may hold several pairs: "DOB: 08/15/2020 Age: 6".
    for (const part of t.split(PAIR_START)) {
      const m = INLINE.exec(part);
      if (!m) continue;
      const kind = labelKind(m[1]!);
      if (!kind) continue;
      if (m[2]) pushLabelled(primary, kind, m[2], `${NAME} · text · ${m[1]!.trim()}`);
      else pending = { kind, label: m[1]!.trim() };
    }
  }
  return { primary, listTables };
}

/** Splits "DOB: 08/15/2020 Age: 6 Sex: F" before each known "Label:" so each pair stands alone. */
const PAIR_START = /(?=\b(?:DOB|D\.O\.B\.|Date of birth|Birth ?date|Age|Edad|Sex|Gender|Weight|Wt|Peso|Exam|Procedure|Modality|Order date|Study date|Fecha de nacimiento)\s*:)/gi;

/** Creates the generic profile; `others` are the specific profiles it must leave alone. */
export function createGenericProfile(others: readonly SiteProfile[]): SiteProfile {
  return {
    id: 'generic',
    name: NAME,
    tested: 'saved',
    matches(doc, url) {
      const scope = scopeOf(doc);
      return scope !== null && !others.some((p) => p.matches(doc, url)) && hasPatientLabel(scope);
    },
    routeContainer(doc) {
      return scopeOf(doc);
    },
    read(doc) {
      const scope = scopeOf(doc);
      if (!scope) return findings(this.id, null);
      const { primary, listTables } = scan(scope, doc);
      // List rows without patient columns (orders under a banner) inherit the banner's patient facts.
      const patientFacts = primary.filter((f) => f.kind === 'birthDate' || f.kind === 'ageText' || f.kind === 'patientAge');
      const tables: FactTable[] = [];
      for (const table of listTables) {
        const t = readListTable(table, (c) => `${NAME} · list · ${c.label}`, patientFacts);
        if (t) tables.push(t);
      }
      return { ...findings(this.id, primary, [], [{ kind: 'profile', text: NAME, where: scope.tagName.toLowerCase() }]), tables };
    },
  };
}

/**
 * Which label names each value, whatever the markup: for every segment of the walk (walk.ts), the label that
 * names it, if any —
 * - a table cell: its column header;
 * - a label element followed by its value: `<dt>`/`<dd>`, `<th>`/`<td>`, `<label>` + control, `<b>Age:</b> 6`,
 *   `<div class="cap">Unit #</div><div class="val">…</div>`, `<span class="k">Procedure</span><span>…</span>`;
 * - a grid of labels followed by as many values, in one container (`Patient MRN Age Sex` then their values) or in
 *   two stacked rows (small uppercase labels above values).
 * A label is a short text that names a fact (labels.ts), a patient field (name, record number, sex), a relative or
 * free text (fields.ts), or a date's role; text ending in ":" is a label too.
 */
import { labelKind, type LabelKind } from '../profiles/labels';
import { parseModalityCodes } from '../parse/procedure';
import { labelKey } from '../profiles/profile';
import { TICKED, UNTICKED } from './boxes';
import { dateRole, fieldClass, type FieldClass, statusClass } from './fields';
import { HEADING, INLINE_TAGS, type Seg } from './segment';

export type FieldKind = LabelKind | FieldClass | 'date' | 'other';

export interface Field {
  kind: FieldKind;
  label: string;
}

const MAX_LABEL = 40;
/** "Label:" with nothing after the colon. */
const ENDS_WITH_COLON = /[:：]\s*$/;
const TRAILING = /[\s:：*#]+$/;
/** A DICOM tag written beside its attribute's name: `(0010,0030)`, `[0010,0030]`, `(0010|0030)`. */
const DICOM_TAG = /\s*[([]\s*[0-9a-f]{4}\s*[,|]\s*[0-9a-f]{4}\s*[)\]]/i;
/** A date's format written in its label: `(MM/DD/YYYY)`, `(dd.mm.yyyy)`, `[YYYY-MM-DD]`, Spanish `(dd/mm/aaaa)`. */
const DATE_FORMAT = /\s*[([]\s*(?:dd|mm|yyyy|yy|aaaa|aa)(?:\s*[/.\-\s]\s*(?:dd|mm|yyyy|yy|aaaa|aa)){1,2}\s*[)\]]/i;

/** Words a date's label may hold besides its role words ("Exam Dt", "Date of service", "Checked in", "End date", "Admin time"). */
const DATE_LABEL_FILLER =
  /^(?:date|dt|dte|time|fecha|hora|f|of|for|on|at|the|de|del|la|el|y|and|in|check|service|day|dia|follow|up|next|end|fin|final|valid|good|until|hasta|valida|valido|admin|administration|dose|given|dosis|to|be|procedure|target|collected)$/;

/** Words of a date's label ("Appointment Date & Time", "Date to be performed"). */
const MAX_ROLE_WORDS = 4;

/**
 * A date's role in at most four words, every one a role word or a date word ("Booked", "Requested start", "Adm",
 * "Exam Dt", "Preferred date"); a value that holds a role word among others ("US abdomen complete") is not one.
 */
export function isRoleWord(label: string): boolean {
  if (/\d/.test(label) || labelKey(label).split(' ').length > MAX_ROLE_WORDS || dateRole(label) === null) return false;
  for (const w of labelKey(label).split(' ')) if (!DATE_LABEL_FILLER.test(w) && dateRole(w) === null) return false;
  return true;
}

/**
 * A short text that may head a column or a grid: a label, or any text that names a date's role ("Order Name",
 * "Date Completed"). Looser than `labelField`, which also decides what a value is.
 */
export function isHeaderText(text: string): boolean {
  return labelField(text) !== null || (text.length <= MAX_LABEL && !/\d/.test(text) && dateRole(text) !== null);
}

const SOAP_LETTER = /^(?:[SOAP]|A\s?[/&]\s?P)$/;

/** What a short text names when it is a label; null for a value. */
export function labelField(raw: string): Field | null {
  // A DICOM attribute printed with its tag ("PatientBirthDate (0010,0030)"), or a label that says how to write its
  // date ("Date of birth (MM/DD/YYYY)"), is labelled by its name.
  const text = raw.length <= MAX_LABEL + 14 && (raw.includes('(') || raw.includes('[')) ? raw.replace(DICOM_TAG, '').replace(DATE_FORMAT, '') : raw;
  if (!text || text.length > MAX_LABEL || /\d{3}/.test(text)) return null;
  const label = text.replace(TRAILING, '') || text;
  // A note's SOAP parts ("S:", "O:", "A:", "P:", "A/P:"): running text. Capitals only (a lone "a" or "o" is a word).
  if (SOAP_LETTER.test(label)) return { kind: 'freeText', label };
  const kind = labelKind(label) ?? fieldClass(label) ?? (isRoleWord(label) ? 'date' : null);
  if (kind) return { kind, label };
  if (ENDS_WITH_COLON.test(text) && /[a-záéíóúñ]/i.test(label)) return { kind: 'other', label };
  return null;
}

/**
 * An appointment's kind as a field of its card ("Type: MAMMO SCREENING BILATERAL", "Tipo de turno: Seriada EGD"): the
 * exam booked, when its value names one. Not a column's header: a list's "Type" column holds patient classes
 * ("Outpatient") beside its own Procedure column.
 */
function appointmentType(text: string): Field | null {
  if (text.length > MAX_TYPE_LABEL) return null;
  const label = text.replace(TRAILING, '');
  return APPOINTMENT_TYPE.has(labelKey(label)) ? { kind: 'procedure', label } : null;
}
const MAX_TYPE_LABEL = 24;
const APPOINTMENT_TYPE: ReadonlySet<string> = new Set(['type', 'appointment type', 'appt type', 'visit type', 'booking type', 'tipo', 'tipo de cita', 'tipo de turno']);

/**
 * A modality code written in capitals ("MR", "CT", "US"): after a Modality label it is that label's value, though "MR"
 * alone also labels a record number ("MR: 0042117").
 */
export function isModalityCode(text: string): boolean {
  return /^[A-Z]{2}$/.test(text.trim()) && parseModalityCodes(text).length > 0;
}

/** A label's translation: a short text in another script than the Latin one, with no digit ("تاريخ الميلاد", "検査日"). */
const OTHER_SCRIPT = /^(?=.*[^\P{L}\p{Script=Latin}])[^\p{Script=Latin}\d]{1,30}$/u;

/**
 * The segment after label `i` is the label said again in a second language: written in another script, on the label's
 * line or in the label's own block, and the text after it is no label itself.
 */
function isTranslation(segs: readonly Seg[], i: number): boolean {
  const t = segs[i + 1];
  if (!t || !segs[i + 2] || t.col !== null || !OTHER_SCRIPT.test(t.text.trim())) return false;
  const s = segs[i]!;
  return (t.line === s.line || s.el.contains(t.el) || s.el.parentElement === t.el.parentElement) && within(s.el, t.el, 1);
}

/**
 * Label `i` and the text after its translation are items of one bilingual list (a menu's "Notes <span>الملاحظات</span>"
 * then "Radiology Orders <span>طلبات الأشعة</span>"): elements of the same tag, each with its translation.
 */
function isBilingualItem(segs: readonly Seg[], i: number): boolean {
  const a = segs[i]!.el;
  const b = segs[i + 2]!.el;
  return a.tagName === b.tagName && isTranslation(segs, i + 2);
}

/** The nearest element that holds both (or null when they are further apart than `levels`). */
function within(a: Element, b: Element, levels: number): boolean {
  let x: Element | null = a;
  for (let i = 0; x && i <= levels; i++, x = x.parentElement) if (x.contains(b)) return true;
  return false;
}

/**
 * A label reaches the text after it on its line, in its own block (`<b>DOB</b><br>14.02.2014`), in its next element
 * (`<dt>`/`<dd>`), or past its block when the label is all its block holds (`<td><b>Exam</b></td><td>CT HEAD</td>`): a
 * label left empty at the end of a card (`<b>Exam</b><br></div><p>…`) does not name the next block's text.
 */
function reaches(label: Seg, value: Seg): boolean {
  if (label.line === value.line) return true;
  const block = label.el.parentElement;
  return !block || block.contains(value.el) || direct(label.el, value.el) || onlyChild(label.el, block);
}

/** `el` is its parent's only element and no text of the parent's lies beside it. */
function onlyChild(el: Element, parent: Element): boolean {
  if (parent.childElementCount !== 1) return false;
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n !== el && n.nodeType === 3 && /\S/.test(n.nodeValue ?? '')) return false;
  return true;
}

/** The element child of `parent` that holds `el`. */
function childHolding(parent: Element, el: Element): Element | null {
  let x: Element | null = el;
  while (x && x.parentElement !== parent) x = x.parentElement;
  return x;
}

/**
 * The field of every segment (same indexes as `segs`): the label naming it, or null. Label segments themselves
 * get null (they are not values).
 */
export function fieldsOf(segs: readonly Seg[]): (Field | null)[] {
  const out: (Field | null)[] = new Array(segs.length).fill(null);
  const isLabel: (Field | null)[] = segs.map((s) => (s.col === null || !s.row ? (labelField(s.text) ?? appointmentType(s.text)) : null));
  // ("Modality" then "MR": the code is the modality's value, not a record number's label.)
  for (let i = 1; i < segs.length; i++) if (isLabel[i] && isLabel[i - 1]?.kind === 'modality' && isModalityCode(segs[i]!.text)) isLabel[i] = null;
  const consumed = new Uint8Array(segs.length);
  // A column's header names every cell under it: read once per header text (a list's rows repeat a few headers).
  const byColumn = new Map<string, Field | null>();

  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.col !== null) {
      let f = byColumn.get(s.col);
      if (f === undefined) byColumn.set(s.col, (f = labelField(s.col)));
      if (f) out[i] = f;
      continue;
    }
    const label = isLabel[i];
    if (!label || consumed[i]) continue;
    // A bilingual label's second language in an element of its own ("Order Date<i>تاريخ الطلب</i>", "DOB
    // <span>生年月日</span>"): the value comes after the translation.
    const at = isTranslation(segs, i) && !isBilingualItem(segs, i) ? i + 2 : i + 1;
    const next = segs[at];
    if (!next) continue;
    // Value right after its label: a sibling element, the label's parent's own text, or a nested value. (A role
    // word right after a label is its value: "Status" → "Started".)
    const nextLabel = isLabel[at];
    // (A status word after a Status label — "Begun", "Performing" — is its value too.)
    if (!nextLabel || ((nextLabel.kind === 'date' || (label.kind === 'status' && statusClass(next.text) !== null)) && direct(s.el, next.el))) {
      if (within(s.el, next.el, 2) && reaches(s, next)) {
        const value = chosenOption(segs, at);
        out[value] = label;
        consumed[value] = 1;
        // A value split over inline elements (`<span>12/11/2026</span> <span>0900</span>`) stays one value.
        continue;
      }
    }
    // A grid: labels then as many values.
    // (A value that is itself a label — "DOB:" in the card under a "Patient" heading — is no value of it.)
    const grid = gridValue(segs, i, isLabel);
    if (grid >= 0 && !isLabel[grid]) {
      out[grid] = label;
      consumed[grid] = 1;
    }
  }
  relativesLines(segs, isLabel, out);
  return out;
}

/** Segments looked at after a relative's label, on its line and the lines after it. */
const MAX_RELATIVE_SEGS = 12;
/** Lines after a relative's line that may still be the relative's details. */
const MAX_RELATIVE_LINES = 4;
/** Facts of a person: on a relative's line they are the relative's. */
const PERSON_FACTS: ReadonlySet<FieldKind> = new Set(['birthDate', 'age', 'sex', 'weight', 'patientName', 'patientId']);
/** Labels of a relative's details on the lines after its label (a phone, an address, "Relationship:"). */
const RELATIVE_DETAILS: ReadonlySet<FieldKind> = new Set([...PERSON_FACTS, 'relative', 'info', 'other']);
/** A label that names the patient ("Patient", "Pt name", "Paciente"): the line is the patient's again. */
const PATIENT_LABEL = /^(?:patient|pt|paciente|patiente|paziente|pati[eë]nt)(?![\p{L}])/iu;

/** The nearest block (not an inline element) that holds `el`. */
function blockOf(el: Element): Element {
  let x = el;
  while (INLINE_TAGS.has(x.tagName) && x.parentElement) x = x.parentElement;
  return x;
}

/**
 * What follows a relative's label is the relative's: on its line (`<b>Mother</b> DOE, MARY <b>DOB</b> 05/05/1990`,
 * "Mother: DOE, MARY DOB: 05/05/1990", a key-value table row `Mother | DOE, MARY | DOB | 05/05/1990`) and on the
 * lines of details after it in the relative's card (`<b>Daughter</b> DOE, LILY<br><b>DOB</b> 08/15/2015`, a paragraph
 * per detail, a definition list) — up to a label that names the patient, a heading, a label of anything but a person's
 * details (the exam, a date's role), a fact given twice, or the card's end. The card is the label's block, or its
 * parent when that block holds the relative's line alone (`<p>Mother: …</p><p>DOB: …</p>`, `<dt>`). What comes before
 * the label is not the relative's.
 */
function relativesLines(segs: readonly Seg[], isLabel: readonly (Field | null)[], out: (Field | null)[]): void {
  for (let i = 0; i < segs.length; i++) {
    if (isLabel[i]?.kind !== 'relative' || segs[i]!.col !== null) continue;
    // (A label that is a block of its own, `<div class="l">Mother</div>DOE, MARY`, has its value on the next line:
    // the line is the value's.)
    const s = out[i + 1]?.kind === 'relative' ? segs[i + 1]! : segs[i]!;
    const keyValueRow = s.row !== null && s.row.tagName === 'TR';
    let card = blockOf(segs[i]!.el);
    let line = s.line;
    let lines = 0;
    const given = new Set<FieldKind>();
    for (let j = i + 1; j < segs.length && j <= i + MAX_RELATIVE_SEGS; j++) {
      const t = segs[j]!;
      if (t.line !== line && !(keyValueRow && t.row === s.row && t.col === null)) {
        if (keyValueRow || t.flags & HEADING || ++lines > MAX_RELATIVE_LINES) break;
        if (!card.contains(t.el)) {
          if (lines > 1 || !card.parentElement?.contains(t.el)) break;
          card = card.parentElement;
        }
        line = t.line;
      }
      const label = isLabel[j];
      if (label && (PATIENT_LABEL.test(label.label) || (t.line !== s.line && !RELATIVE_DETAILS.has(label.kind)))) break;
      const f = out[j];
      if (f && PERSON_FACTS.has(f.kind)) {
        if (t.line !== s.line && given.has(f.kind)) break;
        given.add(f.kind);
        out[j] = { kind: 'relative', label: f.label };
      }
    }
  }
}

/**
 * A label above a list box names its chosen option, not its first: the segment of the `aria-selected` option when
 * segment `k` is an unselected option of a list that has one.
 */
function chosenOption(segs: readonly Seg[], k: number): number {
  const option = segs[k]!.el.closest('[role="option"]');
  if (!option || option.getAttribute('aria-selected') !== 'false' || !option.parentElement) return k;
  for (const sib of Array.from(option.parentElement.children)) {
    if (sib.getAttribute('role') === 'option' && sib.getAttribute('aria-selected') === 'true') {
      const j = segIndexIn(segs, k - 1, sib);
      return j >= 0 ? j : k;
    }
  }
  return k;
}

/** `value` is the label's next element sibling (or inside it), or the label's own parent (`<b>Age:</b> 6`). */
function direct(label: Element, value: Element): boolean {
  if (value === label.parentElement) return true;
  const sib = label.nextElementSibling;
  return sib !== null && (sib === value || sib.contains(value));
}

/**
 * The value of label segment `i` in a grid: the container's children are k labels then k values (flat grid), or
 * the label's row is followed by a row with as many children (stacked rows). -1 when it is not a grid.
 */
function gridValue(segs: readonly Seg[], i: number, isLabel: readonly (Field | null)[]): number {
  const el = segs[i]!.el;
  const parent = el.parentElement;
  if (!parent) return -1;
  const kids = parent.children;
  const me = childHolding(parent, el);
  const j = me ? Array.prototype.indexOf.call(kids, me) : -1;
  if (j < 0) return -1;
  // Flat grid: labels in the first half of the children, values in the second.
  if (kids.length >= 4 && kids.length % 2 === 0 && j < kids.length / 2 && mostlyLabels(kids, 0, kids.length / 2)) {
    return segIndexIn(segs, i, kids[j + kids.length / 2]!);
  }
  // Stacked rows: the next sibling row has the same number of children.
  const below = parent.nextElementSibling;
  if (below && below.children.length === kids.length && kids.length >= 2 && mostlyLabels(kids, 0, kids.length)) {
    return segIndexIn(segs, i, below.children[j]!);
  }
  return -1;
}

function mostlyLabels(kids: HTMLCollection, from: number, to: number): boolean {
  let labels = 0;
  for (let k = from; k < to; k++) {
    const t = (kids[k]!.textContent ?? '').trim();
    if (!t || t.length > MAX_LABEL || /\d/.test(t)) return false;
    if (isHeaderText(t)) labels++;
  }
  return labels * 2 >= to - from;
}

/** The first segment after `i` inside `el` (looked for among the next few dozen). */
function segIndexIn(segs: readonly Seg[], i: number, el: Element): number {
  for (let k = i + 1; k < segs.length && k < i + 60; k++) if (el === segs[k]!.el || el.contains(segs[k]!.el)) return k;
  return -1;
}

/** Segments a value split over inline elements runs over at most, and the characters read of it. */
const MAX_LINE_SEGS = 6;
const MAX_LINE_CHARS = 200;

const isBox = (text: string) => TICKED.test(text) || UNTICKED.test(text);

/**
 * The text of the value at segment `k` with the pieces that continue it on its line: a value split over inline
 * elements (`<b>Exam</b> <span>CT</span> HEAD W/O<br>`, `<td><a>CT</a> CHEST</td>`) is one value, up to a line break, a
 * block, the next label or the end of its cell.
 */
export function valueLine(segs: readonly Seg[], k: number): string {
  const first = segs[k]!;
  let text = first.text;
  // (The options of a line of check boxes are each their own: "☒ CT chest ☐ XR chest".)
  if (isBox(text)) return text;
  for (let j = k + 1; j < segs.length && j <= k + MAX_LINE_SEGS && text.length < MAX_LINE_CHARS; j++) {
    const s = segs[j]!;
    if (s.line !== first.line || s.row !== first.row || s.col !== first.col || s.flags !== first.flags || isBox(s.text) || labelField(s.text)) break;
    text += ` ${s.text}`;
  }
  return text;
}

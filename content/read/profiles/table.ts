/**
 * Reading labelled values and list tables, shared by profiles: one pass over the rows, native `rows`/`cells`
 * collections, only the mapped columns' text — linear and cheap on a 5,000-row worklist.
 */
import { findAgeMentions } from '../parse/age-mentions';
import type { Fact, FactTable } from '../types';
import { ageAloneText } from '../parse/age';
import { EXAM_KINDS, type LabelKind, labelKind, labelNamesSex, ON_DEMAND_KINDS, PATIENT_KINDS } from './labels';
import { factText, MAX_FACTS_PER_RECORD, textOf } from './profile';

export interface Column {
  kind: LabelKind;
  index: number;
  label: string;
  /** An age written inside the cell with more (`DAHL, ELIAS M 9Y`): the age is taken out of the cell's text. */
  within?: true;
  /** An age column whose label names the age alone ("Age", not "Age/Sex"): a capital M after a number is months. */
  alone?: true;
}

/**
 * The most rows one list is read from. A worklist shows a few hundred to a few thousand; tens of thousands are a
 * page built to be read, and the rows after these are not (each costs a look at its cells and a record).
 */
export const MAX_LIST_ROWS = 20_000;

const AS_SHAPE = /^\d{3}[DWMY]$/;
const BARE_NUMBER = /^\d{1,3}$/;

/**
 * One labelled value → a fact (an "Age" value shaped like DICOM AS is `patientAge`; a bare number is years; under a
 * label that names the age alone — any but one that names the sex too, "Age/Sex" — `3M` is months).
 */
export function pushLabelled(facts: Fact[], kind: LabelKind, raw: string, where: string, label = ''): void {
  if (facts.length >= MAX_FACTS_PER_RECORD) return;
  const text = factText(raw);
  if (!text || text === '-' || text === '—') return;
  if (kind === 'age') {
    if (AS_SHAPE.test(text)) facts.push({ kind: 'patientAge', text, where });
    // A bare number under an "Age" label is years (OpenEMR prints `Age: 6`); kept as written in the evidence.
    else facts.push({ kind: 'ageText', text: BARE_NUMBER.test(text) ? `${text} y` : labelNamesSex(label) ? text : ageAloneText(text), where });
    return;
  }
  facts.push({ kind, text, where });
}

/** Header cells → the columns we understand. */
export function mapColumns(headerCells: ArrayLike<Element>): Column[] {
  const cols: Column[] = [];
  const seen = new Set<LabelKind>();
  for (let i = 0; i < headerCells.length; i++) {
    const label = textOf(headerCells[i]);
    const kind = labelKind(label);
    // First column of a kind wins ("Study date" before a later "Date").
    if (kind && !seen.has(kind)) {
      seen.add(kind);
      cols.push(kind === 'age' && !labelNamesSex(label) ? { kind, index: i, label, alone: true } : { kind, index: i, label });
    }
  }
  return cols;
}

/** Rows whose cells are looked at for an age written beside the name (`ageWithin`). */
const AGE_SAMPLE_ROWS = 3;

/**
 * A list with no Age or birth-date column whose rows carry the age in another cell, beside the sex (`M 9Y`,
 * `12Y / M`, `F | 6 yrs`) or as a DICOM AS (`009Y`), with the name or on a line under it: that column, read for its
 * age (`within`). Each of the first rows (up to AGE_SAMPLE_ROWS, two at least) must hold one such age in that cell, so a
 * note that mentions an age in one row does not make a column of ages. `cellsOf(r)` gives the cells of data row r.
 */
export function withAgeWithin(cols: Column[], header: ArrayLike<Element>, rowCount: number, cellsOf: (r: number) => ArrayLike<Element> | null): Column[] {
  if (rowCount < 2 || cols.some((c) => c.kind === 'age' || c.kind === 'birthDate')) return cols;
  const mapped = new Set(cols.map((c) => c.index));
  const sample = Math.min(rowCount, AGE_SAMPLE_ROWS);
  for (let i = 0; i < header.length; i++) {
    if (mapped.has(i)) continue;
    let all = true;
    for (let r = 0; r < sample && all; r++) all = ageWithin(cellsOf(r)?.[i]) !== '';
    if (all) return [...cols, { kind: 'age', index: i, label: textOf(header[i]), within: true }];
  }
  return cols;
}

/** The age a cell holds beside the sex or as a DICOM AS (`DAHL, ELIAS M 9Y` → `9Y`), or ''. */
function ageWithin(cell: Element | undefined): string {
  const text = cell ? factText(spacedText(cell)) : '';
  if (!text || text.length > MAX_WITHIN_CHARS) return '';
  for (const m of findAgeMentions(text)) if (m.form === 'pair' || m.form === 'as' || m.form === 'compact') return m.text;
  return '';
}

/** The most text of a cell looked at for an age beside the name. */
const MAX_WITHIN_CHARS = 160;

/** A cell's text with a space where an element begins or ends (`DAHL, ELIAS<br><small>M 9Y</small>` → `DAHL, ELIAS M 9Y`). */
function spacedText(el: Element): string {
  let out = '';
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c && out.length <= MAX_WITHIN_CHARS; c = c.nextSibling) {
      if (c.nodeType === 3) out += c.nodeValue ?? '';
      else if (c.nodeType === 1) {
        out += ' ';
        walk(c);
        out += ' ';
      }
    }
  };
  walk(el);
  return out;
}

export function isExamList(cols: readonly Column[]): boolean {
  return cols.some((c) => EXAM_KINDS.has(c.kind));
}

export function hasPatientColumn(cols: readonly Column[]): boolean {
  return cols.some((c) => PATIENT_KINDS.has(c.kind));
}

/**
 * Facts of one row: `base` (e.g. the banner's patient facts when the list has no patient columns) + mapped cells.
 * `where` strings are built once per column by the caller (no string work per row).
 */
export function rowFacts(cells: ArrayLike<Element>, cols: readonly Column[], wheres: readonly string[], base: readonly Fact[]): Fact[] {
  const facts = base.slice();
  for (let c = 0; c < cols.length; c++) {
    const col = cols[c]!;
    const cell = cells[col.index];
    if (cell) pushLabelled(facts, col.kind, cell.textContent ?? '', wheres[c]!, col.label);
  }
  return facts;
}

/**
 * Rows of a table section. Browsers have `section.rows`; happy-dom 21 lacks it on thead/tbody, so fall back to
 * the section's `tr` children (same rows, same order). A table's own rows are `tableRows`.
 */
export function rowsOf(section: HTMLTableSectionElement | HTMLTableElement): ArrayLike<HTMLTableRowElement> {
  if (section.tagName === 'TABLE') return tableRows(section as HTMLTableElement);
  const rows = (section as { rows?: ArrayLike<HTMLTableRowElement> }).rows;
  if (rows) return rows;
  return Array.from(section.children).filter((c) => c.tagName === 'TR') as HTMLTableRowElement[];
}

/**
 * A table's own rows, as browsers give `table.rows`: its head's, its bodies' and its own `tr` children, its foot's
 * last — never a nested table's (happy-dom 21's `table.rows` holds those too: a layout table around a list).
 */
export function tableRows(table: HTMLTableElement): ArrayLike<HTMLTableRowElement> {
  if (!hasNestedRows(table)) return table.rows;
  const head: HTMLTableRowElement[] = [];
  const body: HTMLTableRowElement[] = [];
  const foot: HTMLTableRowElement[] = [];
  for (const c of Array.from(table.children)) {
    const tag = c.tagName;
    if (tag === 'TR') body.push(c as HTMLTableRowElement);
    else if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') {
      const to = tag === 'THEAD' ? head : tag === 'TFOOT' ? foot : body;
      for (const r of Array.from(c.children)) if (r.tagName === 'TR') to.push(r as HTMLTableRowElement);
    }
  }
  return head.length === 0 && foot.length === 0 ? body : [...head, ...body, ...foot];
}

/** `table.rows` holds more than the table's own rows (a nested table's, in happy-dom 21; never in browsers). */
function hasNestedRows(table: HTMLTableElement): boolean {
  let own = 0;
  for (let c = table.firstElementChild; c; c = c.nextElementSibling) {
    const tag = c.tagName;
    if (tag === 'TR') own++;
    else if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') own += c.childElementCount;
  }
  return table.rows.length !== own;
}

/**
 * A row's own cells, as browsers give `tr.cells`: its `td`/`th` children — never a nested table's (happy-dom 21's
 * `tr.cells` holds those too). `cells` itself when it holds as many as the row's children (the usual row).
 */
export function cellsOf(tr: Element): ArrayLike<Element> {
  const cells = (tr as HTMLTableRowElement).cells;
  const children = tr.children;
  if (cells && cells.length === children.length) return cells;
  return Array.from(children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
}

/** The table's own `tbody` sections (not those of nested tables: happy-dom's `tBodies` includes them). */
export function bodiesOf(table: HTMLTableElement): Element[] {
  const bodies: Element[] = [];
  for (const c of Array.from(table.children)) if (c.tagName === 'TBODY') bodies.push(c);
  return bodies;
}

/** Header cells of a table: the last row of its thead, else its first row when that row is all `th`. */
export function headerCellsOf(table: HTMLTableElement): ArrayLike<Element> | null {
  const thead = table.tHead;
  const headRows = thead ? rowsOf(thead) : null;
  if (headRows && headRows.length > 0) return cellsOf(headRows[headRows.length - 1]!);
  const first = tableRows(table)[0];
  if (first && cellsOf(first).length > 1 && first.querySelector('td') === null) return cellsOf(first);
  return null;
}

/**
 * Reads a list table whose header names patient/exam columns, column by column (one pass over its first
 * `maxRows` rows, only the mapped cells, no per-cell objects). Returns null when the table is not a list of
 * exams/orders.
 */
export function readListTable(
  table: HTMLTableElement,
  whereOf: (col: Column) => string,
  base: readonly Fact[] = [],
  header: ArrayLike<Element> | null = headerCellsOf(table),
  maxRows = MAX_LIST_ROWS,
): FactTable | null {
  if (!header) return null;
  const mapped = mapColumns(header);
  if (!isExamList(mapped)) return null;
  const headerRow = header[0]?.parentElement ?? null;
  const own = bodiesOf(table);
  const bodies = own.length > 0 ? own : [table];
  const firstRows = rowsOf(bodies[0] as HTMLTableSectionElement);
  const skip = firstRows[0] === headerRow ? 1 : 0;
  const list = new ListReader(
    withAgeWithin(mapped, header, firstRows.length - skip, (r) => firstRows[r + skip]?.cells ?? null),
    Math.min(table.rows.length, maxRows),
  );
  let budget = maxRows;
  for (const body of bodies) {
    if (budget <= 0) break;
    if (body === table) {
      // A table with no tbody: its rows as `rows` gives them (head, own rows, foot).
      const rows = rowsOf(table);
      const n = Math.min(rows.length, budget);
      for (let r = 0; r < n; r++) if (rows[r] !== headerRow) list.readRow(rows[r]!);
      budget -= n;
      continue;
    }
    // A body's rows are its own `tr` children, met by walking its children (no collection lookup per row); when they
    // are all its children, no child's tag is looked at.
    const onlyRows = rowsOf(body as HTMLTableSectionElement).length === body.childElementCount;
    for (let row = body.firstElementChild; row && budget > 0; row = row.nextElementSibling) {
      if (!onlyRows && row.tagName !== 'TR') continue;
      budget--;
      if (row !== headerRow) list.readRow(row);
    }
  }
  return list.table(whereOf, base);
}

/**
 * Reads a list that is not a table — a div grid, an ARIA grid — the same way: `header` its column labels, `rows` its
 * row elements, whose element children are the cells (rows with another number of cells are not the list's; at most
 * `maxRows` rows are looked at).
 */
export function readListGrid(
  header: ArrayLike<Element>,
  rows: readonly Element[],
  whereOf: (col: Column) => string,
  base: readonly Fact[] = [],
  maxRows = MAX_LIST_ROWS,
): FactTable | null {
  const n = header.length;
  return readRows(header, rows.length, (r) => (rows[r] && rows[r].children.length === n ? rows[r].children : null), whereOf, base, maxRows);
}

/**
 * Reads a grid of loose cells with no row elements (a CSS grid of spans): `header` its column labels, `cells` the rest
 * of its cells in order, as many per row as there are labels (at most `maxRows` rows).
 */
export function readListCells(
  header: ArrayLike<Element>,
  cells: readonly Element[],
  whereOf: (col: Column) => string,
  base: readonly Fact[] = [],
  maxRows = MAX_LIST_ROWS,
): FactTable | null {
  const n = header.length;
  return readRows(header, Math.floor(cells.length / n), (r) => cells.slice(r * n, r * n + n), whereOf, base, maxRows);
}

/** A list of `count` rows under `header`, row r's cells given by `rowAt` (null: not one of the list's rows). */
function readRows(
  header: ArrayLike<Element>,
  count: number,
  rowAt: (r: number) => ArrayLike<Element> | null,
  whereOf: (col: Column) => string,
  base: readonly Fact[],
  maxRows: number,
): FactTable | null {
  const mapped = mapColumns(header);
  if (!isExamList(mapped)) return null;
  const list = new ListReader(withAgeWithin(mapped, header, count, rowAt), Math.min(count, maxRows));
  const last = Math.min(count, maxRows);
  for (let r = 0; r < last; r++) {
    const cells = rowAt(r);
    if (cells) list.read(cells);
  }
  return list.table(whereOf, base);
}

/**
 * A list's mapped cells, row by row: the patient's and the dates' text at once, the exam's (ON_DEMAND_KINDS) when
 * decide asks for it — most rows of a big worklist are adults', whose exam is never worked out. A row with no text
 * in any mapped cell is not kept.
 */
class ListReader {
  private readonly values: (string | undefined)[][];
  private readonly onDemand: boolean[];
  /**
   * Each kept row's cells (for on-demand columns): its cells, or (a table row read by `readRow`) its last cell read at
   * once, an element, from which the later cells are found.
   */
  private readonly kept: (ArrayLike<Element> | Element)[];
  /** Rows kept: the length of every column of `values` once read (they are filled by index, sized ahead). */
  private count = 0;
  /** For `readRow`: the column read at once at each cell index (−1: none), up to the last such cell. */
  private readonly atOnce: number[] = [];
  /** The on-demand columns, in column order. */
  private readonly later: number[];
  /**
   * The on-demand columns by cell index when they all come after the last cell read at once (the usual list: patient
   * and dates first, the exam after): a kept row's are then read in one walk from its anchor. Null otherwise.
   */
  private tail: number[] | null = null;

  /** `rows`: about how many rows will be read (arrays are sized for them). */
  constructor(
    private readonly cols: readonly Column[],
    rows = 0,
  ) {
    const size = Math.min(Math.max(rows, 0), MAX_LIST_ROWS);
    this.values = cols.map(() => new Array<string | undefined>(size));
    this.kept = new Array<ArrayLike<Element> | Element>(size);
    this.onDemand = cols.map((c) => ON_DEMAND_KINDS.has(c.kind));
    cols.forEach((c, i) => {
      if (this.onDemand[i]) return;
      while (this.atOnce.length <= c.index) this.atOnce.push(-1);
      this.atOnce[c.index] = i;
    });
    const later = cols.map((_, i) => i).filter((i) => this.onDemand[i]);
    this.later = later;
    if (later.length > 0 && later.every((i) => cols[i]!.index >= this.atOnce.length)) this.tail = [...later].sort((a, b) => cols[a]!.index - cols[b]!.index);
  }

  /** Reads one row's cells. */
  read(cells: ArrayLike<Element>): void {
    const { cols, values, onDemand } = this;
    const nCols = cols.length;
    const r = this.count;
    let any = false;
    for (let c = 0; c < nCols; c++) {
      const col = cols[c]!;
      let t = onDemand[c] ? undefined : col.within ? ageWithin(cells[col.index]) : factText(cells[col.index]?.textContent ?? '');
      if (t && col.alone) t = ageAloneText(t);
      values[c]![r] = t;
      if (t) any = true;
    }
    if (!any) for (let c = 0; c < nCols && !any; c++) if (onDemand[c] && this.cellText(cells, c, r)) any = true;
    // (A row with no text is not kept: the next row's values take its place.)
    if (!any) return;
    this.kept[r] = cells;
    this.count = r + 1;
  }

  /**
   * `read` of a table row: its own cells (`td`/`th` children, as `cellsOf`) walked once, as far as the last column
   * read at once, each such column's text read as its cell is met; the on-demand columns' cells are looked up when
   * asked for.
   */
  readRow(row: Element): void {
    const { atOnce, cols, values, later } = this;
    const last = atOnce.length - 1;
    const r = this.count;
    let any = false;
    let cell = last >= 0 ? row.firstElementChild : null;
    for (let i = 0; cell; i++) {
      const c = atOnce[i]!;
      if (c >= 0) {
        const col = cols[c]!;
        let t = col.within ? ageWithin(cell) : factText(cell.textContent ?? '');
        if (t && col.alone) t = ageAloneText(t);
        values[c]![r] = t;
        if (t) any = true;
      }
      if (i === last) break;
      cell = cell.nextElementSibling;
    }
    // The last cell read at once is the row's `last`-th cell (`cellIndex`, which counts the cells before it) only when
    // every element before it is a cell too: then the cells read are the row's first cells, as `cells` gives them.
    if (!cell || (cell as HTMLTableCellElement).cellIndex !== last) {
      this.read(cellsOf(row));
      return;
    }
    for (let k = 0; k < later.length; k++) values[later[k]!]![r] = undefined;
    if (!any) for (let k = 0; k < later.length && !any; k++) if (this.cellText(cellsOf(row), later[k]!, r)) any = true;
    // (A row with no text is not kept: the next row's values take its place.)
    if (!any) return;
    this.kept[r] = cell;
    this.count = r + 1;
  }

  private cellText(cells: ArrayLike<Element>, c: number, r: number): string {
    const t = factText(cells[this.cols[c]!.index]?.textContent ?? '');
    this.values[c]![r] = t;
    return t;
  }

  /** Kept row r's text in column c (an on-demand column). */
  private keptText(c: number, r: number): string {
    const kept = this.kept[r]!;
    if ((kept as Node).nodeType !== 1) return this.cellText(kept as ArrayLike<Element>, c, r);
    if (this.tail) {
      this.readTail(kept as Element, r, this.tail);
      return this.values[c]![r]!;
    }
    const index = this.cols[c]!.index;
    const last = this.atOnce.length - 1;
    // The row's cells after its anchor (the cell at `last`), or from its first.
    const anchor = kept as Element;
    let cell = index > last ? anchor.nextElementSibling : anchor.parentElement!.firstElementChild;
    let i = index > last ? last + 1 : 0;
    for (; cell; cell = cell.nextElementSibling) {
      const tag = cell.tagName;
      if (tag !== 'TD' && tag !== 'TH') continue;
      if (i++ === index) break;
    }
    const t = factText(cell?.textContent ?? '');
    this.values[c]![r] = t;
    return t;
  }

  /**
   * Kept row r's on-demand columns (`tail`, all after its anchor), in one walk over the cells after the anchor, as
   * `keptText` finds each; a column with no cell of its own is ''.
   */
  private readTail(anchor: Element, r: number, tail: readonly number[]): void {
    const { cols, values } = this;
    let i = this.atOnce.length;
    let k = 0;
    for (let cell = anchor.nextElementSibling; cell && k < tail.length; cell = cell.nextElementSibling) {
      const tag = cell.tagName;
      if (tag !== 'TD' && tag !== 'TH') continue;
      const c = tail[k]!;
      if (i++ !== cols[c]!.index) continue;
      values[c]![r] = factText(cell.textContent ?? '');
      k++;
    }
    for (; k < tail.length; k++) values[tail[k]!]![r] = '';
  }

  table(whereOf: (col: Column) => string, base: readonly Fact[]): FactTable {
    const { cols, values, count } = this;
    for (const v of values) v.length = count;
    this.kept.length = count;
    return {
      columns: cols.map((c, i) => (this.onDemand[i] ? { kind: c.kind, where: whereOf(c), onDemand: true } : { kind: c.kind, where: whereOf(c) })),
      values,
      cell: (c, r) => values[c]![r] ?? this.keptText(c, r),
      base: hasPatientColumn(cols) ? [] : base.slice(),
    };
  }
}

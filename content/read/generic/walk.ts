/**
 * One bounded walk over the page: its text as a list of segments (one per text node or form control) in document
 * order, each with what the markup says about it — whatever elements the page is built of:
 * - headings (`h1`–`h6`, `role=heading`, `legend`, `caption`, `summary`, elements whose class names a heading or a
 *   title, a block that is only bold text) and the section they open: earlier exams, other people, free text
 *   (fields.ts `sectionClass`);
 * - the selected/active/current item (`aria-selected`, `aria-current`, the usual class tokens), a select's chosen
 *   option, a control's value, the label of a checked radio, a pressed button with a number in it (a chosen slot);
 * - rows (table rows, list items, ARIA rows, div-grid rows) and, in tables, the column a cell is under.
 * Content the page does not show is not walked: `hidden`, `aria-hidden`, inline `display:none`, classes the page's own
 * stylesheet hides (simple `.class`/`#id` rules), hidden-class tokens, closed `details`/`dialog`, `template`,
 * scripts, navigation (`nav`, `role=navigation`), and sidebars (`aside`, `role=complementary`) unless one is the
 * patient's own header or a viewer's study browser (sidebar.ts). Nor is what a page's search or filter controls hold
 * (a filter bar, a search form, facets, a bar of criteria with its Search command): a query, not the open record.
 * Big tables are not walked row by row: lists with exam columns are handed back whole (read column by column by
 * table.ts), and of any table only its first rows and its selected rows are walked. Costs are capped (elements,
 * segments, characters per segment: profile.ts `factText`).
 */
import { bodiesOf, cellsOf, headerCellsOf, isExamList, mapColumns, MAX_LIST_ROWS, rowsOf, tableRows } from '../profiles/table';
import { classifyProcedure } from '../parse/procedure';
import { factText, labelKey, textOf } from '../profiles/profile';
import { onlyBox, splitAtBoxes } from './boxes';
import { isHeaderText, labelField } from './pairs';
import { FACET_COUNT, FILTER_LINE, hasHeadingClass, isButtonLike, hasHiddenClass, isAppChrome, isFilterCommand, isFilterControls, isFilterTitle, isPlanColumn, hasRowClass, isDetailsOf, isExpandedRow, isListTitle, isOpenRow, isSelectedElement, isUnderWay, sectionClass, statusClass, type StatusClass, withoutSelectionMarks } from './fields';
import { keepsSidebar } from './sidebar';

export { CHROME, CONTROL, FREE, HEADING, NEWBORN, OTHERS, PRIOR, RESULTS, SELECTED, type Seg } from './segment';
import { CHROME, CONTROL, FREE, HEADING, INLINE_TAGS, NEWBORN, OTHERS, PRIOR, RESULTS, SELECTED, type Seg } from './segment';

export interface RowInfo {
  selected: boolean;
  status: StatusClass | null;
  /** The status says the exam is under way now (fields.ts `isUnderWay`): the exam is today's. */
  underway: boolean;
  /** First and last segment index of the row. */
  from: number;
  to: number;
  /** A row of a list read column by column (its record comes from `listTables`/`listGrids`). */
  listed: boolean;
}

export interface PageText {
  segs: Seg[];
  rows: Map<Element, RowInfo>;
  /** Tables whose header names exam columns: read as lists (one record per row), with their header cells. */
  listTables: { table: HTMLTableElement; header: ArrayLike<Element> }[];
  /** Div and ARIA grids whose header names exam columns: their header cells and row elements (cells = children). */
  listGrids: { header: ArrayLike<Element>; rows: Element[] }[];
  /** Grids of loose cells (no row elements) whose header names exam columns: header cells, then every cell in order. */
  listCells: { header: ArrayLike<Element>; cells: Element[]; list: Element }[];
}

/** Cost caps: elements visited, segments kept, rows walked per table, stylesheet text read. */
const MAX_ELEMENTS = 20_000;
const MAX_SEGS = 6_000;
const TABLE_ROWS_WALKED = 40;
/**
 * The selected rows of a long table: the usual marks of `isSelectedElement`, as a selector would match them
 * (`tr[aria-selected="true"], tr[aria-current]:not([aria-current="false"]), tr.selected, …`) and of an expanded row
 * (`tr[aria-expanded="true"]`, `tr.expanded`). Checked row by row
 * over the section's rows: a selector query would match its list against every cell and text of the table too,
 * which costs more than everything else the reader does on a 5,000-row list.
 */
const LONG_LIST_SELECTED_CLASSES = new Set(['selected', 'active', 'current', 'highlight', 'is-selected', 'is-active', 'sel', 'expanded']);
const ASCII_SPACES = /[\t\n\f\r ]+/;

function isMarkedSelected(tr: Element, quirks: boolean): boolean {
  if (!tr.hasAttributes()) return false;
  if (tr.getAttribute('aria-selected') === 'true' || tr.getAttribute('aria-expanded') === 'true') return true;
  const current = tr.getAttribute('aria-current');
  if (current !== null && current !== 'false') return true;
  const cls = tr.getAttribute('class');
  if (!cls) return false;
  // Class names match case-insensitively in a quirks-mode document, as in a selector.
  for (const token of (quirks ? cls.toLowerCase() : cls).split(ASCII_SPACES)) if (LONG_LIST_SELECTED_CLASSES.has(token)) return true;
  return false;
}
const MAX_STYLE_CHARS = 64_000;
/** Elements a page's filter or search controls hold at most: a bigger block is a layout that holds more. */
const MAX_FILTER_ELEMENTS = 300;
/** Items of a filter's lists (its facets, its chips) at most: more is a list of results. */
const MAX_FILTER_ITEMS = 40;
/** Elements of a bar of search criteria with its command, at most (a form of a few fields). */
const MAX_FILTER_BAR = 60;
/** Labels of what a bar of search criteria never holds: the exam ordered, the patient's birth date or age. */
const NOT_CRITERIA: ReadonlySet<string> = new Set(['procedure', 'bodyPart', 'birthDate', 'age', 'weight']);
/** A range of dates to look in ("Date range", "Study date range", "Rango de fechas"): a search's criterion. */
const DATE_RANGE = /^(?:date range|study date range|date from to|period|time frame|timeframe|rango de fechas|periodo)$/;

/**
 * The segments from `from` on are a bar of search criteria: a search or filter command was met in it (`commanded`)
 * beside a control (a select, a box, an input), or it offers two modalities' counts ("CT (12)", "MR (4)") — and no
 * label of the exam or of the patient's birth date or age, and no exam named in its own text.
 */
function criteriaBar(segs: readonly Seg[], from: number, commanded: boolean): boolean {
  let control = false;
  const facets = new Set<string>();
  for (let i = from; i < segs.length; i++) {
    const s = segs[i]!;
    const kind = labelField(s.text)?.kind;
    if (kind && NOT_CRITERIA.has(kind)) return false;
    // An exam named in the bar's own text, not as an option to pick ("CT HEAD WO" beside a viewer's series select).
    if (!(s.flags & CONTROL) && s.text.length <= 90 && !s.text.startsWith('☑') && !s.text.startsWith('☐') && namesExam(s.text)) return false;
    if (s.flags & CONTROL || s.text.startsWith('☑') || s.text.startsWith('☐') || DATE_RANGE.test(labelKey(s.text.slice(0, 30).split(/[:：]/)[0]!))) control = true;
    if (FACET_COUNT.test(s.text)) facets.add(s.text.replace(/^[☑☐]\s*/, '').replace(/\s*\(.*$/, '').toUpperCase());
  }
  return (commanded && control) || facets.size >= 2;
}

/** A text that names an exam: an imaging modality and a body region ("CT HEAD WO", "US abdomen complete"). */
function namesExam(text: string): boolean {
  const named = classifyProcedure(text);
  return named.modalities.length > 0 && named.region !== null;
}

/**
 * A block that holds a list (a table, a grid, rows) or is too big to be a page's filter or search controls alone: a
 * search page's results sit inside it.
 */
function holdsList(el: Element): boolean {
  return (
    el.getElementsByTagName('table').length > 0 ||
    el.getElementsByTagName('*').length > MAX_FILTER_ELEMENTS ||
    el.getElementsByTagName('li').length > MAX_FILTER_ITEMS ||
    el.querySelector('[role=row],[role=grid],[role=table],[role=treegrid]') !== null
  );
}

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'BUTTON', 'NAV']);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LEGEND', 'CAPTION', 'SUMMARY']);
const TEXT_INPUTS = new Set(['', 'text', 'date', 'datetime-local', 'number', 'search', 'tel']);

/** Where a form control names itself, in the order tried. */
const CONTROL_NAMES = ['aria-label', 'title', 'placeholder'] as const;
/** A date format hint in a control's name: "(MM/DD/YYYY)", "dd.mm.yyyy", "(aaaa-mm-dd)". */
const FORMAT_HINT = /\(?\b(?:mm|dd|yyyy|yy|aaaa)(?:[/.\s-]+(?:mm|dd|yyyy|yy|aaaa)){1,2}\b\)?/gi;
/** `<label>` elements looked at for the ids they name. */
const MAX_LABELS = 2_000;

/** The segment just pushed is a visible label of this control (its previous sibling, or that of its cell). */
function isLabelBefore(label: Element, control: Element): boolean {
  const prev = control.previousElementSibling ?? control.parentElement?.previousElementSibling ?? null;
  return prev !== null && (prev === label || prev.contains(label));
}

const FLAG_OF_SECTION = { prior: PRIOR, results: PRIOR | RESULTS, others: OTHERS, free: FREE, newborn: NEWBORN, open: 0 } as const;
/** Passed by visitChildren to the details block of an expanded row only (never stored on a segment). */
const OPEN = 1 << 10;

/**
 * `.class` and `#id` selectors the page's own stylesheet hides with `display:none` (simple rules only), and for a
 * hidden class the classes that show it again (`.pane{display:none} .pane.active{display:block}`: the active tab).
 */
function stylesheetHidden(doc: Document): { classes: Set<string>; ids: Set<string>; shownWith: Map<string, Set<string>> } {
  const classes = new Set<string>();
  const ids = new Set<string>();
  const shownWith = new Map<string, Set<string>>();
  let budget = MAX_STYLE_CHARS;
  for (const style of Array.from(doc.getElementsByTagName('style'))) {
    if (budget <= 0) break;
    const css = (style.textContent ?? '').slice(0, budget);
    budget -= css.length;
    for (const rule of css.split('}')) {
      const brace = rule.indexOf('{');
      if (brace < 0) continue;
      const selectors = rule.slice(0, brace);
      if (selectors.includes('@')) continue; // media queries (print-only rules) and the like
      const display = DISPLAY.exec(rule.slice(brace))?.[1]?.toLowerCase();
      if (!display) continue;
      if (display !== 'none') {
        // `.a.b{display:block}`: an element of class a with class b shows.
        for (const raw of selectors.split(',')) {
          const two = /^\.([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)$/.exec(raw.trim());
          if (!two) continue;
          for (const [a, b] of [[two[1]!, two[2]!], [two[2]!, two[1]!]] as const) {
            let set = shownWith.get(a);
            if (!set) shownWith.set(a, (set = new Set()));
            set.add(b);
          }
        }
        continue;
      }
      for (const raw of selectors.split(',')) {
        const sel = raw.trim();
        if (/^\.[A-Za-z_][\w-]*$/.test(sel)) classes.add(sel.slice(1));
        else if (/^#[A-Za-z_][\w-]*$/.test(sel)) ids.add(sel.slice(1));
      }
    }
  }
  return { classes, ids, shownWith };
}

const DISPLAY = /display\s*:\s*([a-z-]+)/i;

/** A colon (and the spaces after it) at the start of a text: the end of the label before it. */
const LEAD_COLON = /^[:：]\s*/;

/**
 * The segment before a text that starts with a colon is that colon's label: it is on the same line, in an element
 * inside the text's own (`<li><span>Label</span>: …</li>`), and reads as a label once the colon ends it.
 */
function joinsLabel(prev: Seg | undefined, el: Element, line: number): boolean {
  if (!prev || prev.line !== line || prev.el === el || !el.contains(prev.el) || /[:：]\s*$/.test(prev.text)) return false;
  return labelField(`${prev.text}:`) !== null;
}

const INLINE_HIDDEN = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export function walkPage(scope: Element, doc: Document): PageText {
  const segs: Seg[] = [];
  const rows = new Map<Element, RowInfo>();
  const listTables: PageText['listTables'] = [];
  const listGrids: PageText['listGrids'] = [];
  const listCells: PageText['listCells'] = [];
  // Bodies of lists whose header row sits in a container of its own before them (a sticky header over a scrolling
  // body): the body's grid, or the body table's header cells, found when the header was walked.
  const bodyGrids = new Map<Element, Grid>();
  const bodyHeaders = new Map<Element, ArrayLike<Element>>();
  const hiddenBy = stylesheetHidden(doc);
  const quirks = doc.compatMode === 'BackCompat';
  let elements = 0;
  // Search or filter commands met (a "Search" or "Apply" button) and facets' counts ("CT (12)"): a bar of criteria
  // around them is a query.
  let commands = 0;
  let facets = 0;
  // A check box just walked, as a printed form shows it (☑/☐), for the text that follows it.
  let box: { glyph: string; near: Element | null } | null = null;
  // Inside a <pre>: text laid out by its line breaks and spaces.
  let inPre = 0;
  // The line being walked (`Seg.line`): a new one at each element that is not inline, before and after it.
  let line = 0;

  const isHidden = (el: Element): boolean => {
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
    const style = el.getAttribute('style');
    if (style !== null && INLINE_HIDDEN.test(style)) return true;
    if (hasHiddenClass(el)) return true;
    if (hiddenBy.ids.size > 0 && el.id && hiddenBy.ids.has(el.id)) return true;
    if (hiddenBy.classes.size > 0) {
      const cls = el.getAttribute('class');
      if (cls) {
        const tokens = cls.split(/\s+/);
        for (const c of tokens) {
          if (!hiddenBy.classes.has(c)) continue;
          const shown = hiddenBy.shownWith.get(c);
          if (!shown || !tokens.some((t) => shown.has(t))) return true;
        }
      }
    }
    return el.getAttribute('role') === 'navigation';
  };

  /**
   * A sidebar (`aside`, `role=complementary`) is walked, then kept only when it is the patient's own header (one
   * person's name or record number with an age or birth date) or a viewer's study browser (sidebar.ts); a sidebar of
   * recent patients, a census or tools leaves nothing behind.
   */
  const visitSidebar = (el: Element, flags: number, row: Element | null, col: string | null): void => {
    const at = mark();
    visitChildren(el, flags, row, col);
    if (segs.length === at.segs || keepsSidebar(segs, at.segs)) return;
    rollback(at);
  };

  /** Where the walk is, to go back to when what was walked since is not kept (a sidebar's, a filter's). */
  type Mark = { segs: number; tables: number; grids: number; loose: number };
  const mark = (): Mark => ({ segs: segs.length, tables: listTables.length, grids: listGrids.length, loose: listCells.length });
  const rollback = (at: Mark): void => {
    if (segs.length === at.segs && listTables.length === at.tables && listGrids.length === at.grids && listCells.length === at.loose) return;
    segs.length = at.segs;
    listTables.length = at.tables;
    listGrids.length = at.grids;
    listCells.length = at.loose;
    for (const [r, info] of rows) if (info.from >= at.segs) rows.delete(r);
    box = null;
  };

  // The ids `<label for>` names (a control they name has a visible label).
  let labelledIds: Set<string> | null = null;
  /**
   * A text input's own name when no visible label names it: its aria-label, title or placeholder (a format hint such
   * as "(MM/DD/YYYY)" dropped), when that is a field's label ("Date of birth", "Appointment date", "MRN"); never a
   * search box's.
   */
  const controlName = (input: Element): string | null => {
    if (input.closest('label') || input.hasAttribute('aria-labelledby')) return null;
    // A search box's name says what to look for ("Patient name", "MRN"), not whose its text is.
    if ((input.getAttribute('type') ?? '').toLowerCase() === 'search' || input.getAttribute('role') === 'searchbox' || input.closest('[role=search],search')) return null;
    if (input.id) {
      if (!labelledIds) {
        labelledIds = new Set();
        const labels = doc.getElementsByTagName('label');
        for (let i = 0; i < labels.length && i < MAX_LABELS; i++) {
          const f = labels[i]!.getAttribute('for');
          if (f) labelledIds.add(f);
        }
      }
      if (labelledIds.has(input.id)) return null;
    }
    for (const attr of CONTROL_NAMES) {
      const name = (input.getAttribute(attr) ?? '').replace(FORMAT_HINT, '').trim();
      if (name && labelField(name)) return name;
    }
    return null;
  };

  const push = (raw: string, el: Element, flags: number, row: Element | null, col: string | null) => {
    if (segs.length >= MAX_SEGS) return;
    let text = factText(raw);
    if (!text) return;
    // A gap printed with non-breaking spaces between labelled values ("Edad: 8 meses&nbsp;&nbsp;Sexo: F", a tag view's
    // "AccessionNumber A26120544&nbsp;&nbsp;StudyDate 20261205") separates them as a "·" would.
    if ((text.includes(':') || CAMEL_WORD.test(text)) && (raw.includes('\u00a0') || raw.includes('\u2003'))) {
      const gapped = factText(raw.replace(INLINE_GAP, gapOf));
      if (gapped !== text && splitInline(gapped).length > splitInline(text).length) text = gapped;
    }
    // A box printed in an element of its own ("<span>[X]</span> XR skeletal survey", a cell "[ ]" before the option's
    // cell) is the next text's box, as an HTML check box is.
    // A colon printed between a label's element and its value's (`<span>PatientBirthDate</span>: <span>20140219</span>`,
    // `<b>DOB</b>: 19.02.2014`) ends the label on its line, as in "DOB: 19.02.2014" — it is not a value of its own.
    const colon = LEAD_COLON.exec(text);
    if (colon && joinsLabel(segs[segs.length - 1], el, line)) {
      segs[segs.length - 1]!.text += ':';
      text = text.slice(colon[0].length);
      if (!text) return;
    }
    const printed = onlyBox(text);
    if (printed !== null) {
      box = { glyph: printed ? '☑' : '☐', near: el.parentElement?.parentElement ?? null };
      return;
    }
    // The box's own text: its label, or the next cell of its row.
    if (box) {
      if (box.near?.contains(el)) text = `${box.glyph} ${text}`;
      box = null;
    }
    // "☒ CT chest ☐ XR chest": one segment per option of a line of check boxes (boxes.ts).
    // "DOB: 08/15/2020 Age: 6 Procedure: CT HEAD": one segment per "Label:" and per value.
    for (const option of splitAtBoxes(text)) {
      for (const part of splitInline(option)) {
        segs.push({ text: part, el, flags, row, col, line });
        if (part.endsWith(')') && FACET_COUNT.test(part)) facets++;
      }
    }
  };

  const headingLike = (el: Element, tag: string): boolean => {
    if (HEADING_TAGS.has(tag) || el.getAttribute('role') === 'heading' || hasHeadingClass(el)) return true;
    // A block that is only bold text: <div><b>Contacts</b></div>.
    const only = el.firstElementChild;
    if (!only || only !== el.lastElementChild || (only.tagName !== 'B' && only.tagName !== 'STRONG')) return false;
    for (const n of Array.from(el.childNodes)) if (n.nodeType === 3 && (n.nodeValue ?? '').trim()) return false;
    return true;
  };

  const visit = (el: Element, flags: number, row: Element | null, col: string | null): void => {
    if (INLINE_TAGS.has(el.tagName.toUpperCase())) {
      visitElement(el, flags, row, col);
      return;
    }
    line++;
    visitElement(el, flags, row, col);
    line++;
  };

  const visitElement = (el: Element, flags: number, row: Element | null, col: string | null): void => {
    if (++elements > MAX_ELEMENTS || segs.length >= MAX_SEGS) return;
    const tag = el.tagName.toUpperCase();
    if (tag === 'BUTTON') {
      // Buttons are commands, except a pressed or selected one with a number in it (a scheduler's chosen slot).
      if (!isHidden(el) && isPressed(el)) {
        const t = textOf(el);
        if (/\d/.test(t)) push(t, el, flags | SELECTED | CONTROL, row, col);
      }
      if (!isHidden(el) && isFilterCommand(textOf(el) || (el.getAttribute('aria-label') ?? ''))) commands++;
      return;
    }
    // An element with no attributes has no role, class, id, style or state: no check by attribute below can hold
    // (most cells and text blocks of a page; a look at each attribute of each costs more than the rest of the walk).
    const attrs = el.hasAttributes();
    if (SKIP_TAGS.has(tag) || (attrs && isHidden(el))) return;
    // A command styled as a button (`<span class="btn">Refresh</span>`, `role="button"`) runs a search as a <button> does
    // (a leaf first: the class test is the dearer one, and this runs for every element with attributes).
    if (attrs && el.childElementCount === 0 && isButtonLike(el) && isFilterCommand(textOf(el))) commands++;
    // A page's search or filter controls (a filter bar, a search form, facets) hold a query, not the open record: the
    // modalities and dates they name are not the exam's. Not when the block holds the list it filters.
    if (attrs && isFilterControls(el) && !holdsList(el)) return;
    if (tag === 'ASIDE' || (attrs && el.getAttribute('role') === 'complementary')) {
      visitSidebar(el, flags, row, col);
      return;
    }
    if (tag === 'LABEL' && labelsCheckedRadio(el, doc)) flags |= SELECTED;
    if (attrs && isAppChrome(el)) flags |= CHROME;
    if (tag === 'SELECT') {
      const s = el as HTMLSelectElement;
      const chosen = Array.from(s.options).find((o) => o.hasAttribute('selected')) ?? s.options[s.selectedIndex];
      if (chosen) push(textOf(chosen), el, flags | CONTROL | (chosen.hasAttribute('selected') ? SELECTED : 0), row, col);
      return;
    }
    if (tag === 'INPUT') {
      const input = el as HTMLInputElement;
      const type = (input.getAttribute('type') ?? '').toLowerCase();
      // (A radio's label is a chosen option: see `labelsCheckedRadio`.)
      if ((type === 'submit' || type === 'button') && isFilterCommand(input.value ?? '')) commands++;
      if (type === 'checkbox') {
        box = { glyph: input.checked || input.hasAttribute('checked') ? '☑' : '☐', near: input.parentElement?.parentElement ?? null };
        return;
      }
      if (!TEXT_INPUTS.has(type)) return;
      const value = input.value ?? '';
      // A control named only by itself (aria-label, title, placeholder) reads as its label, then its value.
      const name = value.trim() ? controlName(input) : null;
      const last = segs[segs.length - 1];
      if (name && !(last && last.el !== el && labelField(last.text)?.kind === labelField(name)?.kind && isLabelBefore(last.el, el))) push(name, el, flags, row, col);
      push(value, el, flags | CONTROL, row, col);
      return;
    }
    if (tag === 'TEXTAREA') {
      push((el as HTMLTextAreaElement).value ?? '', el, flags | CONTROL | FREE, row, col);
      return;
    }
    if ((tag === 'DIALOG' && !el.hasAttribute('open')) || (tag === 'DETAILS' && !el.hasAttribute('open'))) {
      if (tag === 'DETAILS') for (const c of Array.from(el.children)) if (c.tagName.toUpperCase() === 'SUMMARY') visit(c, flags, row, col);
      return;
    }
    if (tag === 'TABLE') {
      visitTable(el as HTMLTableElement, flags, row);
      return;
    }
    if (tag === 'PRE') {
      inPre++;
      try {
        visitChildren(el, flags, row, col);
      } finally {
        inPre--;
      }
      return;
    }
    // Open: selected, expanded, or the details under an expanded row (OPEN from visitChildren, not passed further down).
    const open = (flags & OPEN) !== 0 || (attrs && isSelectedElement(el)) || ((attrs || tag === 'TR' || tag === 'LI') && isOpenRow(el));
    flags &= ~OPEN;
    const inherited = (flags & SELECTED) !== 0;
    if (open) flags |= SELECTED;
    const grid = bodyGrids.get(el) ?? gridOf(el);
    if (grid) {
      visitGrid(grid, flags);
      return;
    }
    const apart = headerApart(el);
    if (apart) {
      // The header row is not walked; its body, met next, is walked as a grid of these columns.
      bodyGrids.set(apart.body, { header: el.children, labels: apart.labels, rows: Array.from(apart.body.children) });
      return;
    }
    const cells = looseCells(el);
    if (cells) {
      // Cells with no row around them: read column by column; not walked (no row says which cells are one record).
      if ((flags & PRIOR) === 0) listCells.push({ header: cells.header, cells: cells.cells, list: el });
      return;
    }
    const at = mark();
    const from = at.segs;
    const commanded = commands;
    const faceted = facets;
    const startAt = elements;
    const isRow = tag === 'TR' || tag === 'LI' || (attrs && (isRowRole(el) || (el.childElementCount >= 2 && (hasRowClass(el) || repeatedBlock(el)))));
    if (isRow) row = el;
    visitChildren(el, flags, row, col);
    // A block that opens by saying it is a filter's criteria ("Filtered by: Modality CT · Last 7 days"), or a small bar
    // of criteria with its search command or a facet's counts: a query.
    if (
      !isRow &&
      segs.length > from &&
      (FILTER_LINE.test(segs[from]!.text) || (elements - startAt <= MAX_FILTER_BAR && (commands > commanded || facets > faceted + 1) && criteriaBar(segs, from, commands > commanded))) &&
      !holdsList(el)
    ) {
      rollback(at);
      return;
    }
    // A row is the open one when it is itself open, or alone in an open block (not one of the items of an open tab).
    if (isRow && segs.length > from) rows.set(el, rowInfo(el, open || (inherited && alone(el)), from, segs.length - 1));
  };

  /**
   * A div or ARIA grid: its header row (not walked) names the columns of its rows. A grid whose columns name exams is
   * a list (read column by column by the reader); of any grid only the first rows and the selected ones are walked.
   */
  const visitGrid = (grid: Grid, flags: number): void => {
    const { labels, rows: gridRows } = grid;
    // A list of earlier exams (under a "Prior studies" title) is history, not records.
    const listed = (flags & PRIOR) === 0 && isExamList(mapColumns(grid.header));
    const dataRows: Element[] = [];
    let walked = 0;
    let expanded: Element | null = null;
    let looked = 0;
    for (const r of gridRows) {
      if (looked++ >= MAX_LIST_ROWS) break;
      const regular = r.children.length === labels.length;
      if (regular) dataRows.push(r);
      const open = isSelectedElement(r) || isOpenRow(r, true) || (expanded !== null && isDetailsOf(expanded, r));
      expanded = isExpandedRow(r, true) ? r : null;
      if (walked++ >= TABLE_ROWS_WALKED && !open) continue;
      if (isHidden(r)) continue;
      if (!regular) {
        visit(r, flags | (open ? OPEN : 0), null, null);
        continue;
      }
      const rowFlags = flags | (open ? SELECTED : 0);
      const from = segs.length;
      for (let c = 0; c < r.children.length; c++) visit(r.children[c]!, rowFlags, r, labels[c] ?? null);
      if (segs.length > from) rows.set(r, rowInfo(r, open, from, segs.length - 1, listed));
    }
    if (listed && dataRows.length > 0) listGrids.push({ header: grid.header, rows: dataRows });
  };

  const visitChildren = (el: Element, flags: number, row: Element | null, col: string | null): void => {
    let section = 0;
    // Flags of the enclosing sections that a title here undoes: a "Selected case" card in a schedule of other people's.
    let undone = 0;
    let expanded: Element | null = null;
    // Under a title of search or filter controls ("Filters", "Search") that opens a small block holding no list: its
    // controls and criteria, up to the next heading, are a query.
    let filtering = false;
    const opening = segs.length;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (filtering && n.nodeType === 3) continue;
      if (n.nodeType === 3) {
        const raw = n.nodeValue ?? '';
        // Text kept as printed (a form or report in <pre>): its lines, and the columns a line lays out with runs of
        // spaces, are its fields — not one run of words.
        // (Each printed field is a line of its own: its columns are apart.)
        if (inPre > 0 && raw.includes('\n')) {
          for (const field of printedFields(raw)) {
            line++;
            push(field, el, flags | section, row, col);
          }
        } else push(raw, el, flags | section, row, col);
        continue;
      }
      if (n.nodeType !== 1) continue;
      const child = n as Element;
      const heading = headingLike(child, child.tagName.toUpperCase());
      const before = segs.length;
      // The details right under an expanded row are the open record's, like the row.
      const details = expanded !== null && isDetailsOf(expanded, child) ? OPEN : 0;
      expanded = isExpandedRow(child) ? child : null;
      const at = filtering && !heading ? mark() : null;
      visit(child, heading ? flags | HEADING : (flags & ~undone) | section | details, row, col);
      if (at) {
        rollback(at);
        continue;
      }
      if (segs.length === before) continue;
      if (heading) filtering = false;
      if (heading || allHeadings(segs, before) || titleBlock(segs, before, row)) {
        const title = joinText(segs, before);
        if (heading && before === opening && row === null && isFilterTitle(title) && !holdsList(el)) {
          segs.length = before;
          filtering = true;
          continue;
        }
        let c = sectionClass(title);
        // A page's own title naming a list ("IR Schedule" in its h1) is the page, not a section of other people's.
        if (c === 'others' && child.tagName.toUpperCase() === 'H1' && isListTitle(title)) c = null;
        section = c ? FLAG_OF_SECTION[c] : 0;
        undone = c === 'open' ? OTHERS : 0;
      }
    }
  };

  const rowInfo = (el: Element, selected: boolean, from: number, to: number, listed = false): RowInfo => {
    // A row's status is in its status column when it has one; a priority column's words ("Programada", "Routine")
    // say how urgent the exam is, not whether it is done.
    let status: StatusClass | null = null;
    let underway = false;
    let fromColumn = false;
    for (let i = from; i <= to && !fromColumn; i++) {
      const col = segs[i]!.col;
      if (col !== null && (PRIORITY_COLUMN.test(col) || REPORT_COLUMN.test(col))) continue;
      const s = statusClass(segs[i]!.text);
      if (!s) continue;
      fromColumn = col !== null && STATUS_COLUMN.test(col);
      if (fromColumn || !status) {
        status = s;
        underway = isUnderWay(segs[i]!.text);
      }
    }
    return { selected: selected || isSelectedElement(el), status, underway, from, to, listed };
  };

  const visitTable = (table: HTMLTableElement, tableFlags: number, row: Element | null): void => {
    const header = bodyHeaders.get(table) ?? (isKeyValueTable(table) ? null : (headerCellsOf(table) ?? labelRow(table)));
    // A table of header cells only, and the table of its rows after it (a fixed header over a scrolling body).
    const body = header && !bodyHeaders.has(table) ? bodyTableAfter(table, header) : null;
    if (body) {
      bodyHeaders.set(body, header!);
      return;
    }
    // A caption titles the table's rows as a heading above it would ("Exam history", "Untersuchungshistorie": earlier
    // exams).
    let flags = tableFlags;
    if (table.caption) {
      const before = segs.length;
      visit(table.caption, flags | HEADING, row, null);
      const c = segs.length > before ? sectionClass(joinText(segs, before)) : null;
      if (c && c !== 'open') flags |= FLAG_OF_SECTION[c];
    }
    // A table of attributes (`Tag | Name | Value`, `Keyword | VR | Value`): each row's name labels its value.
    const attribute = header ? attributeColumns(header) : null;
    if (attribute) {
      const headerRow = header![0]?.parentElement ?? null;
      const trs = tableRows(table);
      for (let r = 0; r < trs.length && r < ATTRIBUTE_ROWS_WALKED; r++) {
        const tr = trs[r]!;
        if (tr === headerRow || (tr.hasAttributes() && isHidden(tr))) continue;
        const cells = cellsOf(tr);
        const name = cells[attribute.name];
        const value = cells[attribute.value];
        if (!name || !value) continue;
        const from = segs.length;
        visit(name, flags, tr, null);
        visit(value, flags, tr, null);
        if (segs.length > from) rows.set(tr, rowInfo(tr, false, from, segs.length - 1, false));
      }
      return;
    }
    const cols = header ? mapColumns(header) : [];
    const listed = header !== null && cols.length >= 2 && isExamList(cols) && (flags & PRIOR) === 0;
    if (listed) listTables.push({ table, header });
    const labels = header ? Array.from(header).map((c) => textOf(c)) : null;
    const headerRow = header?.[0]?.parentElement ?? null;
    const bodies = bodiesOf(table);
    let walked = 0;
    for (const body of bodies.length > 0 ? bodies : [table]) {
      const trs = rowsOf(body as HTMLTableSectionElement);
      // A long list: its first rows, then its selected rows by one selector query (below), not a look at every row.
      const long = trs.length > 4 * TABLE_ROWS_WALKED;
      let expanded: Element | null = null;
      for (let r = 0; r < trs.length; r++) {
        const tr = trs[r]!;
        if (tr === headerRow) continue;
        // An expanded row and the details row right under it are open, like a selected row.
        const attrs = tr.hasAttributes();
        const open = (attrs && isSelectedElement(tr)) || isOpenRow(tr) || (expanded !== null && isDetailsOf(expanded, tr));
        expanded = isExpandedRow(tr) ? tr : null;
        // Only the first rows of a table, and any selected row further down.
        if (walked >= TABLE_ROWS_WALKED && (long || !open)) {
          if (long) break;
          continue;
        }
        walked++;
        if (attrs && isHidden(tr)) continue;
        const rowFlags = flags | (open ? SELECTED : 0);
        const from = segs.length;
        const cells = cellsOf(tr);
        // A row of one wide cell (a details row, a group title) is under no column.
        const under = cells.length === 1 && labels !== null && labels.length > 1 ? null : labels;
        for (let c = 0; c < cells.length; c++) {
          const cell = cells[c]!;
          visit(cell, rowFlags, tr, under?.[c] ?? null);
        }
        if (segs.length > from) rows.set(tr, rowInfo(tr, open, from, segs.length - 1, listed));
      }
      if (walked >= TABLE_ROWS_WALKED && long) {
        // A long list: its selected rows only (a look at each row's attributes, not a walk over its cells). The
        // section's `tr` descendants, as a selector query would find them (a nested table's rows included).
        const all = body.getElementsByTagName('tr');
        const last = Math.min(all.length, MAX_LIST_ROWS);
        // When those are the section's children and all of them (no nested table, nothing else in it), they are met
        // by walking its children: no collection lookup per row.
        const bySibling = body !== table && all.length === trs.length && body.childElementCount === trs.length;
        let sibling = bySibling ? body.firstElementChild : null;
        for (let i = 0; i < last; i++) {
          const tr = bySibling ? sibling! : all[i]!;
          if (bySibling) sibling = sibling!.nextElementSibling;
          if (!isMarkedSelected(tr, quirks) || rows.has(tr)) continue;
          const from = segs.length;
          const cells = cellsOf(tr);
          for (let c = 0; c < cells.length; c++) visit(cells[c]!, flags | SELECTED, tr, labels?.[c] ?? null);
          if (segs.length > from) rows.set(tr, rowInfo(tr, true, from, segs.length - 1, listed));
          const next = tr.nextElementSibling;
          if (next && isExpandedRow(tr) && isDetailsOf(tr, next) && !rows.has(next) && !isHidden(next)) {
            const at = segs.length;
            const nextCells = cellsOf(next);
            for (let c = 0; c < nextCells.length; c++) visit(nextCells[c]!, flags | SELECTED, next, null);
            if (segs.length > at) rows.set(next, rowInfo(next, true, at, segs.length - 1));
          }
        }
      }
    }
  };

  visit(scope, 0, null, null);
  return { segs, rows, listTables, listGrids, listCells };
}

/** Lines of printed text read at most, and the gap (two spaces or a tab) between a printed form's columns. */
const MAX_PRINTED_LINES = 400;
const COLUMN_GAP = /\s{3,}|\t+|(?<=\S)\s{2}(?=\S)/;

/** The fields of printed text: its lines, each cut at the gaps between columns; empty lines dropped. */
function printedFields(raw: string): string[] {
  const out: string[] = [];
  const lines = raw.split('\n');
  for (let i = 0; i < lines.length && i < MAX_PRINTED_LINES; i++) {
    for (const part of lines[i]!.split(COLUMN_GAP)) if (part.trim()) out.push(part);
  }
  return out;
}

interface Grid {
  header: ArrayLike<Element>;
  labels: string[];
  /** The rows after the header, in order. */
  rows: Iterable<Element>;
}

const GRID_ROLES = new Set(['grid', 'table', 'treegrid']);

/**
 * A grid: a div grid (`gridLabels`: a first child of labels, then rows with as many cells), or an ARIA grid
 * (`role=grid|table|treegrid`) whose header row of `columnheader`s may sit in its own `rowgroup`, its rows after it.
 */
function gridOf(el: Element): Grid | null {
  const role = el.getAttribute('role');
  if (role !== null && GRID_ROLES.has(role)) {
    const all = el.querySelectorAll('[role="row"]');
    let head = -1;
    for (let i = 0; i < all.length && i < 4; i++) {
      if (all[i]!.querySelector(':scope > [role="columnheader"]')) {
        head = i;
        break;
      }
    }
    if (head >= 0) {
      const header = all[head]!.children;
      const rows: Element[] = [];
      for (let i = head + 1; i < all.length && rows.length < MAX_LIST_ROWS; i++) rows.push(all[i]!);
      if (header.length >= 2 && rows.length > 0) return { header, labels: Array.from(header, (c) => textOf(c)), rows };
    }
  }
  const labels = gridLabels(el);
  if (!labels) return null;
  return { header: el.firstElementChild!.children, labels, rows: siblingsAfter(el.firstElementChild!) };
}

function* siblingsAfter(el: Element): Iterable<Element> {
  for (let r = el.nextElementSibling; r; r = r.nextElementSibling) yield r;
}

function isPressed(el: Element): boolean {
  return el.getAttribute('aria-pressed') === 'true' || el.getAttribute('aria-selected') === 'true' || el.getAttribute('aria-checked') === 'true';
}

/** A label of a checked radio button (the chosen one of a set of options): the radio inside it or named by `for`. */
function labelsCheckedRadio(label: Element, doc: Document): boolean {
  const id = label.getAttribute('for');
  const input = id ? doc.getElementById(id) : label.querySelector('input[type="radio"]');
  if (!input || input.tagName !== 'INPUT' || (input.getAttribute('type') ?? '').toLowerCase() !== 'radio') return false;
  return input.hasAttribute('checked') || (input as HTMLInputElement).checked === true;
}

/**
 * The column labels of a div grid: an element whose first child is a row of labels (at least half of them and at
 * least two known, none with digits) and whose next child (after at most two group titles of text only) is a row with
 * as many cells. Null for anything else.
 */
function gridLabels(el: Element): string[] | null {
  const head = el.firstElementChild;
  let next = head?.nextElementSibling ?? null;
  // A title of a group of rows (a day: "Fri Dec 4, 2026") may come between the header and the first row.
  for (let k = 0; next && k < 2 && next.childElementCount === 0; k++) next = next.nextElementSibling;
  if (!head || !next || head.children.length < 2 || next.children.length !== head.children.length) return null;
  // (Nor is a row that holds text of its own between its children: a card of labels and bare values under a menu.)
  if (head.tagName === 'TR' || head.tagName === 'THEAD' || head.tagName === 'TBODY' || holdsOwnText(head) || holdsOwnText(next)) return null;
  // A body of rows with as many cells as there are labels is not one row (the header and its body: `headerApart`).
  if (next.firstElementChild?.childElementCount === head.children.length && next.firstElementChild.nextElementSibling?.childElementCount === head.children.length) return null;
  // Rows of label/value pairs (`Name | Ferro, Luca`, then `Age | 36`) are pairs, not a header and its rows.
  if (isPairRow(head.children) && isPairRow(next.children)) return null;
  return headerLabels(head.children);
}

/**
 * The texts of a row of column labels: at least two and at least half of them known, none with digits, a form field
 * or more than two elements inside. Null for anything else (a key-value row, "Exam" | "CT head", has one known).
 */
function headerLabels(cells: HTMLCollection): string[] | null {
  const labels: string[] = [];
  let known = 0;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c]!;
    const t = textOf(cell);
    if (t.length > 40 || /\d/.test(t) || cell.childElementCount > 2 || holdsControl(cell)) return null;
    if (t && (isHeaderText(t) || isPlanColumn(t))) known++;
    labels.push(t);
  }
  return known >= 2 && known * 2 >= labels.length ? labels : null;
}

/** Child nodes of a header row candidate looked at for text of its own. */
const MAX_OWN_NODES = 64;

/**
 * The element holds text of its own between its children: a run of labels and their bare values
 * (`<b>DOB</b> 14.02.2014<br><b>Sex</b> F`, `<span class="cap">MRN</span> 44120 <span class="cap">Age</span> 9y`),
 * not a header row of labels over the rows of the block after it, nor a row of cells under one. (Its first child
 * nodes only.)
 */
function holdsOwnText(el: Element): boolean {
  let k = 0;
  for (let n = el.firstChild; n && k < MAX_OWN_NODES; n = n.nextSibling, k++) if (n.nodeType === 3 && WORDY.test(n.nodeValue ?? '')) return true;
  return false;
}
/** A letter or digit: a value's text (a separator between cells, " | ", is none). */
const WORDY = /[\p{L}\p{N}]/u;

/** Levels climbed to find what follows a header, and first children gone down to find its rows. */
const APART_LEVELS = 3;

/** The element after `el`, or after its nearest ancestor (up to APART_LEVELS up) that has one. */
function blockAfter(el: Element): Element | null {
  let x: Element | null = el;
  for (let level = 0; x && level <= APART_LEVELS; level++, x = x.parentElement) {
    if (x.nextElementSibling) return x.nextElementSibling;
    if (x.tagName === 'BODY') return null;
  }
  return null;
}

/**
 * A header row of labels in a container of its own, and the body of rows after it (a sticky header over a scrolling
 * list, a fixed header row above a virtual-scroll viewport): the element after the header (or after its wrapper)
 * holds, itself or down its first children (wrappers, a scroll area's viewport), rows with as many cells as the header
 * has labels (its first two rows, after at most two group titles). Null for anything else.
 */
function headerApart(el: Element): { body: Element; labels: string[] } | null {
  const n = el.childElementCount;
  if (n < 2 || el.tagName === 'TR' || el.tagName === 'THEAD' || el.tagName === 'TBODY' || el.tagName === 'UL' || el.tagName === 'OL') return null;
  const after = blockAfter(el);
  if (!after || holdsOwnText(el)) return null;
  // The rows' container: the block after, or down its first children (a scroll area's viewport beside its scrollbar).
  let body: Element | null = after;
  let first: Element | null = null;
  for (let k = 0; body && k <= APART_LEVELS + 1; k++, body = body.firstElementChild) {
    first = firstRowOf(body, n);
    if (first) break;
  }
  if (!body || !first || body === el.parentElement || holdsOwnText(first)) return null;
  // Label/value rows (a banner's `Name | Ferro, Luca` then `Age | 36`) are pairs, not a header and its rows.
  if (isPairRow(el.children) && isPairRow(first.children)) return null;
  const labels = headerLabels(el.children);
  return labels ? { body, labels } : null;
}

/**
 * The first row of `body` when its first two rows (after at most two group titles) have `n` cells each: one such
 * block may be a patient's block beside its studies, not a row.
 */
function firstRowOf(body: Element, n: number): Element | null {
  let first = body.firstElementChild;
  for (let k = 0; first && k < 2 && first.childElementCount === 0; k++) first = first.nextElementSibling;
  return first && first.childElementCount === n && first.nextElementSibling?.childElementCount === n ? first : null;
}

/**
 * A table of header cells only (no row of values) and the table of its rows after it: a fixed header table above a
 * scrolling body table, whose first row has as many cells. Null for anything else.
 */
function bodyTableAfter(table: HTMLTableElement, header: ArrayLike<Element>): HTMLTableElement | null {
  if (header.length < 2 || !isExamList(mapColumns(header))) return null;
  const headerRow = header[0]?.parentElement ?? null;
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) if (rows[r] !== headerRow && rows[r]!.parentElement?.tagName !== 'THEAD') return null;
  const after = blockAfter(table);
  if (!after) return null;
  // The first table in the block after (a scroll area's viewport may hold it beside its scrollbars).
  const body = (after.tagName === 'TABLE' ? after : after.getElementsByTagName('table')[0]) as HTMLTableElement | undefined;
  if (!body) return null;
  const bodies = bodiesOf(body);
  const first = bodies.length > 0 ? rowsOf(bodies[0] as HTMLTableSectionElement)[0] : body.rows[0];
  return first && first.cells.length === header.length ? body : null;
}

/** Loose cells looked at for the labels of a grid with no rows. */
const MAX_LOOSE_LABELS = 24;
const HAS_DIGIT = /\d/;
/** Columns whose cells hold digits (dates, ages). */
const DIGIT_KINDS: ReadonlySet<string> = new Set(['age', 'birthDate', 'examDate', 'scheduledDate', 'orderDate', 'visitDate']);

/**
 * A CSS grid of loose cells with no row elements (`display:grid` over spans): its first children are the column
 * labels (one tag, no digits, at least two and half of them known, exam columns among them), the rest its cells, row
 * after row — as many cells per row as labels, two rows at least, and in the first two rows a digit under every date
 * and age label. Null for anything else.
 */
function looseCells(el: Element): { header: Element[]; cells: Element[] } | null {
  const total = el.childElementCount;
  if (total < 6 || el.tagName === 'DL' || el.tagName === 'UL' || el.tagName === 'OL' || el.tagName === 'SELECT') return null;
  const kids = el.children;
  const first = kids[0]!;
  if (first.childElementCount > 2) return null;
  // Labels run up to the first cell with a digit (a value: a date, an age, a number).
  const texts: string[] = [];
  let digit = -1;
  for (let i = 0; i < total && i <= MAX_LOOSE_LABELS; i++) {
    const k = kids[i]!;
    if (k.childElementCount > 2) return null;
    const t = textOf(k);
    texts.push(t);
    if (HAS_DIGIT.test(t)) {
      digit = i;
      break;
    }
  }
  if (digit < 2) return null;
  for (let n = Math.min(digit, MAX_LOOSE_LABELS); n >= 2; n--) {
    if ((total - n) % n !== 0 || total - n < 2 * n) continue;
    let known = 0;
    let ok = true;
    for (let c = 0; c < n && ok; c++) {
      const t = texts[c]!;
      if (kids[c]!.tagName !== first.tagName || t.length > 40 || t.includes(',')) ok = false;
      else if (t && isHeaderText(t)) known++;
    }
    if (!ok || known < 2 || known * 2 < n) continue;
    const all = Array.from(kids);
    const header = all.slice(0, n);
    const cols = mapColumns(header);
    if (!isExamList(cols)) continue;
    // The columns line up: the first two rows hold a digit under every date and age label.
    let aligned = true;
    for (const col of cols) {
      if (!DIGIT_KINDS.has(col.kind)) continue;
      aligned = HAS_DIGIT.test(textOf(kids[n + col.index])) && HAS_DIGIT.test(textOf(kids[2 * n + col.index]));
      if (!aligned) break;
    }
    if (!aligned) continue;
    // Label/value pairs in turn (an order card: "Order", its value, "Status", its value) are not rows: a grid's rows
    // hold values, and a card's cells are labels one in two (a quarter is the line; at most the first 48 looked at).
    const looked = Math.min(total - n, 48);
    let labels = 0;
    for (let i = n; i < n + looked; i++) {
      const t = textOf(kids[i]);
      if (t && t.length <= 40 && !HAS_DIGIT.test(t) && isHeaderText(t)) labels++;
    }
    if (labels * 4 >= looked) continue;
    for (let i = n; i < all.length; i++) if (all[i]!.childElementCount > 2) return null;
    return { header, cells: all.slice(n) };
  }
  return null;
}

/** A row of 2 or 4 cells that reads label, value (, label, value): every first of a pair is a label, no value is. */
function isPairRow(cells: ArrayLike<Element>): boolean {
  if (cells.length !== 2 && cells.length !== 4) return false;
  for (let c = 0; c < cells.length; c += 2) {
    const key = cells[c]!;
    const t = textOf(key);
    if (!(key.tagName === 'TH' || (t.length <= 40 && !/\d/.test(t) && labelField(t)))) return false;
    const v = cellText(cells[c + 1]);
    // An empty form field is still a value's place.
    if (!v && holdsControl(cells[c + 1])) continue;
    if (!v || (v.length <= 40 && !/\d/.test(v) && labelField(v) && !v.includes(','))) return false;
  }
  return true;
}

/**
 * A table of label/value pairs across (`Patient | Quint, Rosa`, `Date of birth | 1979-05-02`, or two pairs a row):
 * every row has 2 or 4 cells, and most rows are pairs (`isPairRow`).
 * Its first row is a pair, not a header of columns.
 */
function isKeyValueTable(table: HTMLTableElement): boolean {
  const rows = tableRows(table);
  if (rows.length < 2 || rows.length > 40) return false;
  let pairs = 0;
  for (let r = 0; r < rows.length; r++) {
    const n = cellsOf(rows[r]!).length;
    if (n !== 2 && n !== 4) return false;
    if (isPairRow(cellsOf(rows[r]!))) pairs++;
  }
  return pairs * 3 >= rows.length * 2;
}

/** Rows of a table of attributes walked at most (a tag view lists a few hundred; the patient's come early or late). */
const ATTRIBUTE_ROWS_WALKED = 400;
/** The column of an attribute's name, and the column of its value, in a tag view's header. */
const ATTRIBUTE_NAME = /^(?:name|keyword|attribute|attribute name|tag name|element|element name|field|nombre|atributo|campo|attribut|schlusselwort|feld)$/;
const ATTRIBUTE_VALUE = /^(?:value|values|valor|wert)$/;
/** Header cells of a tag view besides the name and the value: the tag number, its VR and length. */
const ATTRIBUTE_OTHER = /^(?:tag|tag id|group element|vr|value representation|vm|length|len|etiqueta)$/;

/**
 * The name and value columns of a table of DICOM attributes (`Tag | Name | Value`, `Keyword | VR | Value`,
 * `Etiqueta | Nombre | Valor`): one name column and one value column, the others the tag number, VR or length.
 * Null for any other header (a list's `Name` column beside its `Date`, `Study` …).
 */
function attributeColumns(header: ArrayLike<Element>): { name: number; value: number } | null {
  if (header.length < 2 || header.length > 5) return null;
  let name = -1;
  let value = -1;
  for (let c = 0; c < header.length; c++) {
    const key = labelKey(textOf(header[c]));
    if (ATTRIBUTE_NAME.test(key) && name < 0) name = c;
    else if (ATTRIBUTE_VALUE.test(key) && value < 0) value = c;
    else if (!ATTRIBUTE_OTHER.test(key)) return null;
  }
  return name >= 0 && value > name ? { name, value } : null;
}

/** A cell that holds a form field (a value's place: never a column's label). */
function holdsControl(cell: Element | undefined): boolean {
  return !!cell && cell.childElementCount > 0 && cell.querySelector('input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]), select, textarea') !== null;
}

/** A cell's text, or the value of the form control it holds (a form's input cell: `Date of birth | [02/19/2011]`). */
function cellText(cell: Element | undefined): string {
  const t = textOf(cell);
  if (t || !cell || cell.childElementCount === 0) return t;
  const control = cell.querySelector('input, select, textarea');
  if (!control) return '';
  if (control.tagName === 'SELECT') {
    const select = control as HTMLSelectElement;
    return textOf(Array.from(select.options).find((o) => o.hasAttribute('selected')) ?? select.options[select.selectedIndex]);
  }
  const type = (control.getAttribute('type') ?? '').toLowerCase();
  return control.tagName === 'TEXTAREA' || TEXT_INPUTS.has(type) ? factText((control as HTMLInputElement).value ?? '') : '';
}

/** A table's first row when its cells are all labels (a header written with `td`; a cell that holds a value is none). */
function labelRow(table: HTMLTableElement): ArrayLike<Element> | null {
  const rows = tableRows(table);
  const first = rows[0];
  const cells = first ? cellsOf(first) : [];
  if (!first || cells.length < 2) return null;
  let labels = 0;
  for (let c = 0; c < cells.length; c++) {
    if (holdsControl(cells[c])) return null;
    const t = cellText(cells[c]);
    if (t.length > 40 || /\d/.test(t)) return null;
    if (t && isHeaderText(t)) labels++;
  }
  // Two known labels at least: a key-value row (`<th>Name</th><td>Lind, Eva</td>`) is not a header.
  return labels >= 2 && labels * 2 >= cells.length && rows.length > 1 ? cells : null;
}

/** "Label:" at the start of a text or after a space, where the label is one the reader knows. */
const INLINE_LABEL = /(?:^|\s)([A-Za-zÁÉÍÓÚÑáéíóúñ][A-Za-zÁÉÍÓÚÑáéíóúñ .#/()-]{0,28}?)\s*:(?=\s|$)/g;

/**
 * A DICOM attribute keyword and its value, as PACS tag views print them with no colon (`PatientBirthDate 20190310`,
 * `StudyDescription CT CHEST`): a CamelCase word of two parts or more, then the value.
 */
const KEYWORD_VALUE = /^([A-Z][a-z]+(?:[A-Z][a-z]*)+)\s+(\S.*)$/;
/** A word of CamelCase, as DICOM keywords are written. */
const CAMEL_WORD = /\b[A-Z][a-z]+[A-Z][a-z]/;
/** A keyword after a separator of a run of items (see `RUN_SEPARATOR`), then its value. */
const KEYWORD_IN_RUN = /(?:\s[·•|]|;|\u2003)\s*([A-Z][a-z]+(?:[A-Z][a-z]*)+)\s+\S/;
/** A keyword's tag, `(0010,0030)` or `[0010,0030]`, then the value if any. */
const KEYWORD_TAG = /^([([][0-9A-Fa-f]{4}[,|][0-9A-Fa-f]{4}[)\]])\s*(.*)$/;

/** A text cut before each known "Label:" into labels and values (a text with none stays whole). */
export function splitInline(text: string): string[] {
  const keyword = KEYWORD_VALUE.exec(text);
  if (keyword && labelField(keyword[1]!)) {
    // The keyword's tag number is part of its label (`PatientBirthDate (0010,0030) 20190310`).
    const tagged = KEYWORD_TAG.exec(keyword[2]!);
    if (!tagged) return [keyword[1]!, ...splitInline(keyword[2]!)];
    const label = `${keyword[1]!} ${tagged[1]!}`;
    return tagged[2] ? [label, ...splitInline(tagged[2])] : [label];
  }
  if (!text.includes(':')) {
    // A run of items, one of them a DICOM keyword and its value ("A26120544 · StudyDate 20261205"): each item apart.
    const run = KEYWORD_IN_RUN.exec(text);
    if (!run || !labelField(run[1]!)) return [text];
    const items: string[] = [];
    runItems(items, text, false);
    return items;
  }
  const out: string[] = [];
  let last = 0;
  let whole = false;
  for (const m of text.matchAll(INLINE_LABEL)) {
    // The candidate runs from the previous value's words ("9 DÍAS EG:"): the label is its last words that name one.
    const label = knownLabelTail(m[1]!);
    if (label === null) continue;
    const start = m.index + (m[0].length - m[0].trimStart().length) + (m[1]!.length - label.length);
    const end = m.index + m[0].length;
    if (start > last) runItems(out, text.slice(last, start), whole);
    out.push(text.slice(start, end).trim());
    const kind = labelField(label)?.kind;
    whole = kind === 'freeText' || kind === 'procedure';
    last = end;
  }
  if (last === 0) return [text];
  if (last < text.length) runItems(out, text.slice(last), whole);
  return out.filter(Boolean);
}

/**
 * Between the items of a run of labelled values on one line ("Paciente: GARCÍA, SOFÍA · Edad: 8 meses · F · HC 2056",
 * "Age: 3 yrs | Sex: F", "Edad: 8 a; Sexo: M"): a spaced middle dot, bullet or bar, a semicolon, or a gap the page
 * printed with non-breaking spaces (see `INLINE_GAP`).
 */
const RUN_SEPARATOR = /\s+[·•|]\s+|\s*[·•]\s*$|^\s*[·•|]\s*|\s*;\s+|\s*\u2003\s*/;
/** Spaces around a non-breaking one (`&nbsp;&nbsp;`, ` &nbsp; `), or an em space: a gap between two items when two wide or more. */
const INLINE_GAP = /[ \u00a0]*\u00a0[ \u00a0]*|\u2003/g;
const gapOf = (m: string) => (m.length >= 2 || m === '\u2003' ? ' · ' : m);

/**
 * A value of an inline run, cut at the run's separators into its items — not a free text's (its ";" joins clauses)
 * nor an exam's (`whole`: "CT chest; CT abdomen and pelvis" is one order of two parts).
 */
function runItems(out: string[], value: string, whole: boolean): void {
  if (whole || !RUN_SEPARATOR.test(value)) {
    out.push(value.trim());
    return;
  }
  for (const raw of value.split(RUN_SEPARATOR)) {
    const item = raw.trim();
    if (!item) continue;
    // An item that is a DICOM keyword and its value (`… · PatientBirthDate 19810723 · …`) is a label and its value.
    if (KEYWORD_VALUE.test(item)) out.push(...splitInline(item));
    else out.push(item);
  }
}

/** The last word before a label's known tail that says it is of an earlier exam or visit ("Previous", "Prior"). */
const EARLIER_WORD = /(?:^|\s)(?:previous|prior|past|earlier|old|historical|preceding)$/i;

/** The longest run of last words (at most 4) of `candidate` that is a known label, or null. */
function knownLabelTail(candidate: string): string | null {
  if (labelField(candidate)) return candidate;
  let cut = candidate.indexOf(' ');
  for (let tries = 0; cut >= 0 && tries < 4; tries++, cut = candidate.indexOf(' ', cut + 1)) {
    const tail = candidate.slice(cut + 1);
    // A word that makes the label an earlier thing's ("Previous imaging:", "Prior exam:") is the label's own: not cut.
    if (EARLIER_WORD.test(candidate.slice(0, cut))) return null;
    if (tail && /^[A-Za-zÁÉÍÓÚÑáéíóúñ]/.test(tail) && labelField(tail)) return tail;
  }
  return null;
}

/** Column headers of a row's status, and of its priority (whose words are not a status). */
const STATUS_COLUMN = /^\s*(?:order |exam |study )?(?:status|state|estado|situaci[oó]n)\b/i;
export const PRIORITY_COLUMN = /^\s*(?:priority|prio|urgency|prioridad|urgencia)\b/i;
/** A report's column: its "In progress" is the report's, not the exam's. */
export const REPORT_COLUMN = /^\s*(?:report|reporting|dictation|read|informe|lectura)\b/i;

/**
 * A block repeated among its siblings (same tag and class, each of several elements): an item of a list, whatever its
 * class is called (`div.ord`, `div.case`). Only its immediate siblings are looked at.
 */
function repeatedBlock(el: Element): boolean {
  const raw = el.getAttribute('class');
  if (!raw) return false;
  // The selected item's class has its mark too ("qi selected" is an item of the "qi" list).
  const cls = withoutSelectionMarks(raw);
  const sameClass = (c: string | null) => c === raw || (c !== null && withoutSelectionMarks(c) === cls);
  const same = (x: Element | null) => x !== null && x.tagName === el.tagName && x.childElementCount >= 2 && sameClass(x.getAttribute('class'));
  return (same(el.previousElementSibling) || same(el.nextElementSibling)) && smallBlock(el);
}

/** Elements an item of a list holds at most; tags a layout column or a form section holds and a list item does not. */
const MAX_ITEM_ELEMENTS = 32;
const NOT_IN_ITEM = new Set(['TABLE', 'TEXTAREA', 'FORM', 'FIELDSET', 'SECTION', 'ARTICLE', 'MAIN', 'H1', 'H2', 'H3']);

/** A block the size of a list item (a few dozen elements, no table, form or text area): not a layout column. */
function smallBlock(el: Element): boolean {
  let n = 0;
  for (let x = el.firstElementChild; x; ) {
    if (++n > MAX_ITEM_ELEMENTS || NOT_IN_ITEM.has(x.tagName)) return false;
    if (x.firstElementChild) {
      x = x.firstElementChild;
      continue;
    }
    while (x && !x.nextElementSibling && x !== el) x = x.parentElement;
    if (!x || x === el) break;
    x = x.nextElementSibling;
  }
  return true;
}

/** No sibling of the same tag: the only item of its block. */
function alone(el: Element): boolean {
  const p = el.previousElementSibling;
  const n = el.nextElementSibling;
  return (p === null || p.tagName !== el.tagName) && (n === null || n.tagName !== el.tagName);
}

function isRowRole(el: Element): boolean {
  const role = el.getAttribute('role');
  return role === 'row' || role === 'listitem' || role === 'option' || role === 'treeitem';
}

const MENU_SEPARATOR = /\s[·|•›»]\s/;

/**
 * A plain block that is only a short title ("Previous exams", "Exploraciones anteriores"): one segment, outside any
 * row or first in its row (a card's title), no digits, no colon, not a status word. (Whether it opens a section is `sectionClass`'s call.)
 */
function titleBlock(segs: readonly Seg[], from: number, row: Element | null): boolean {
  if (segs.length - from !== 1) return false;
  // Inside a row, only its first text: a card's title ("Newborn", "Prior imaging").
  if (row !== null && from > 0 && segs[from - 1]!.row === row) return false;
  const t = segs[from]!.text;
  // Items joined by separators ("Chart Review · Results · Orders") are a menu or a breadcrumb, not a title.
  return t.length <= 40 && !/[\d:]/.test(t) && !MENU_SEPARATOR.test(t) && statusClass(t) === null;
}

function allHeadings(segs: readonly Seg[], from: number): boolean {
  if (segs.length - from > 3) return false;
  for (let i = from; i < segs.length; i++) if (!(segs[i]!.flags & HEADING)) return false;
  return true;
}

function joinText(segs: readonly Seg[], from: number): string {
  let t = '';
  for (let i = from; i < segs.length && t.length < 80; i++) t += (t ? ' ' : '') + segs[i]!.text;
  return t;
}

/** A segment of a page's visible text, as the generic reader walks it (walk.ts), and the flags it carries. */
export const HEADING = 1;
export const SELECTED = 2;
export const PRIOR = 4;
export const OTHERS = 8;
export const FREE = 16;
export const CONTROL = 32;
/** In a section about a newborn (someone else's on a mother's chart, the patient's own on the baby's). */
export const NEWBORN = 64;
/** In the application's own bar (a toolbar, the signed-in user's bar, a status bar): its clock is not the patient's. */
export const CHROME = 128;
/** In a chart's list of results ("Imaging results", "Results — Imaging", "Resultados"): earlier exams too (PRIOR). */
export const RESULTS = 256;

export interface Seg {
  text: string;
  el: Element;
  flags: number;
  /** The row it is in (table row, list item, div-grid row), if any. */
  row: Element | null;
  /** The column header text of its table cell, if any. */
  col: string | null;
  /**
   * The line it is on: segments of one line share it — up to a line break (`<br>`), a block or a cell; the pieces of a
   * text and the inline elements in it (`<b>DOB</b> 14.02.2014`, `<span>CT</span> HEAD`) are on one line.
   */
  line: number;
}

/** Elements laid out inside a line (everything else, a `<br>` or a block, starts a new one). */
export const INLINE_TAGS: ReadonlySet<string> = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'IMG', 'INPUT', 'KBD', 'LABEL', 'MARK', 'Q', 'S', 'SAMP', 'SELECT', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR']);

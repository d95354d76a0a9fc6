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

export interface Seg {
  text: string;
  el: Element;
  flags: number;
  /** The row it is in (table row, list item, div-grid row), if any. */
  row: Element | null;
  /** The column header text of its table cell, if any. */
  col: string | null;
}

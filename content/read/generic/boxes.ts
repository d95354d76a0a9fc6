/**
 * Check boxes printed or drawn in a form's text (a faxed or printed requisition, a form rendered as text): ticked
 * (☑ ☒ ✓ ✔ ✅ ■ ▣ ◉ ● ⊠, `[x]`, `[✓]`, `[*]`, `(x)`) or not (☐ □ ○ ◯ ▢, `[ ]`, `[_]`, `( )`), before the option they tick.
 * The walk shows an HTML check box the same way, and a box printed in an element of its own (`<span>[X]</span>`, a
 * cell) before the option's text (walk.ts). A line of several options is cut before each box (`splitAtBoxes`), so each
 * option is read apart and only the ticked one can be the exam (exam.ts).
 */

/** A box at the start of a text, ticked. */
export const TICKED = /^\s*(?:[☑☒✓✔✅■▣◉●⊠]|\[\s*[xX✓✔√*]\s*\]|\(\s*[xX✓✔√]\s*\))/u;
/** A box at the start of a text, not ticked. */
export const UNTICKED = /^\s*(?:[☐□○◯▢]|\[\s*_{0,3}\s*\]|\(\s*_{0,3}\s*\))/u;

/** The text without the check box printed or drawn before it (the panel shows the exam's name, not its box). */
export function withoutBox(text: string): string {
  const box = TICKED.exec(text) ?? UNTICKED.exec(text);
  return box ? text.slice(box[0].length).trim() : text;
}

/** A text that is only a box (printed in an element of its own, before its option's text): whether it is ticked. */
export function onlyBox(text: string): boolean | null {
  if (text.length > 8) return null;
  const ticked = TICKED.exec(text);
  const box = ticked ?? UNTICKED.exec(text);
  if (!box || text.slice(box[0].length).trim()) return null;
  return ticked !== null;
}

/** Characters that may begin a box: one look before any regular expression. */
const BOX_START = /[☑☒✓✔✅■▣◉●⊠☐□○◯▢[(]/u;
/** Every box of a line, ticked or not. */
const ANY_BOX = /[☑☒✓✔✅■▣◉●⊠☐□○◯▢]|\[\s*(?:[xX✓✔√*]|_{1,3})?\s*\]|\(\s*(?:[xX✓✔√]|_{1,3})?\s*\)/gu;
/** Boxes that are only ever boxes (a filled square or circle, a tick, may be a bullet or a mark in running text). */
const PLAIN_BOX = /^(?:[☐□○◯▢☑☒⊠]|\[\s*(?:[xX✓✔√*]|_{1,3})?\s*\]|\(\s*(?:[xX✓✔√]|_{1,3})?\s*\))$/u;
/** Options read apart on one line at most (a form's row of choices). */
const MAX_OPTIONS = 12;

/**
 * A line cut before each of its check boxes ("Exam requested: ☒ CT chest ☐ CT chest with contrast ☐ XR chest" →
 * "Exam requested:", "☒ CT chest", "☐ CT chest with contrast", "☐ XR chest"), when it is a line of options: it holds
 * a box that is only ever a box (an empty one, a crossed one, a typed [x]) besides the one it may begin with.
 * Any other text stays whole.
 */
export function splitAtBoxes(text: string): string[] {
  if (!BOX_START.test(text)) return [text];
  const at: number[] = [];
  let plain = false;
  for (const m of text.matchAll(ANY_BOX)) {
    if (at.length >= MAX_OPTIONS) break;
    at.push(m.index);
    if (PLAIN_BOX.test(m[0]) && (m.index > 0 || at.length > 1)) plain = true;
  }
  if (!plain || (at.length === 1 && at[0] === 0)) return [text];
  const out: string[] = [];
  const head = text.slice(0, at[0]).trim();
  if (head) out.push(head);
  for (let k = 0; k < at.length; k++) {
    const part = text.slice(at[k], at[k + 1] ?? text.length).trim();
    // A box with nothing after it is not an option.
    if (withoutBox(part)) out.push(part);
  }
  return out;
}

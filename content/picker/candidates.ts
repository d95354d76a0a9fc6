/**
 * The elements the picker offers: what a field's value can sit in. Keyboard users move through them with the arrow
 * keys; a pointer pick is mapped onto one. Pure over the Document (visibility comes in as a predicate: the page
 * has layout, happy-dom does not).
 */

/** Cost cap: elements looked at (a 5,000-row worklist is not walked to its end). */
const MAX_ELEMENTS = 20_000;
/** A value is short; a longer text is a container of values. */
export const MAX_CANDIDATE_CHARS = 120;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'HEAD', 'BR', 'HR', 'IMG', 'OPTION', 'OPTGROUP', 'BUTTON']);
const CONTROL_TYPES_SKIPPED = new Set(['hidden', 'password', 'submit', 'button', 'reset', 'image', 'file', 'checkbox', 'radio']);

function isControl(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'SELECT' || tag === 'TEXTAREA') return true;
  if (tag !== 'INPUT') return false;
  return !CONTROL_TYPES_SKIPPED.has((el.getAttribute('type') ?? 'text').toLowerCase());
}

/** Does the element hold text of its own (a direct text node that is not blank)? */
function hasOwnText(el: Element): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && /\S/.test(n.nodeValue ?? '')) return true;
  return false;
}

/** Can this element hold a field's value: a form control, or an element with its own short text. */
export function isCandidate(el: Element): boolean {
  if (SKIP.has(el.tagName.toUpperCase())) return false;
  if (isControl(el)) return true;
  if (!hasOwnText(el)) return false;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 0 && text.length <= MAX_CANDIDATE_CHARS;
}

/**
 * The candidates in document order. `exclude` drops subtrees (our own UI), `visible` hidden elements.
 */
export function candidateElements(
  doc: Document,
  options: { exclude?: (el: Element) => boolean; visible?: (el: Element) => boolean } = {},
): Element[] {
  const out: Element[] = [];
  const root = doc.body;
  if (!root) return out;
  let seen = 0;
  const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */, {
    acceptNode(n: Node): number {
      if (++seen > MAX_ELEMENTS) return 2;
      const el = n as Element;
      if (SKIP.has(el.tagName.toUpperCase()) || options.exclude?.(el)) return 2;
      if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return 2;
      return 1;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n as Element;
    if (isCandidate(el) && (!options.visible || options.visible(el))) out.push(el);
  }
  return out;
}

/**
 * The element a pointer pick stands for: an `<option>`'s select; else the element itself when it is a candidate,
 * else its nearest candidate ancestor (an icon inside a value), else the element.
 */
export function fieldElementOf(target: Element): Element {
  const select = target.closest('select');
  if (select) return select;
  for (let at: Element | null = target; at && at.tagName.toUpperCase() !== 'BODY'; at = at.parentElement) {
    if (isCandidate(at)) return at;
  }
  return target;
}

/** The index to move to from `current` by `delta` (wrapping), or the first/last when nothing is current. */
export function moveIndex(length: number, current: number, delta: 1 | -1): number {
  if (length === 0) return -1;
  if (current < 0) return delta > 0 ? 0 : length - 1;
  return (current + delta + length) % length;
}

/**
 * Finding a recipe field on a page: a locator (content/read/recipe/recipe.ts) → the element, and the element →
 * the text the reader uses. Pure over the Document (`textContent`, no layout, no network), like the profiles.
 */
import { factText, labelKey, textOf } from '../profiles/profile';
import type { Locator } from './recipe';

/** What a locator found: the element, and the value text (a form control's value, or the text after a label). */
export interface Located {
  element: Element;
  text: string;
}

/** Cost cap for the label search: text nodes looked at. */
const MAX_TEXT_NODES = 20_000;
/** A label is short; longer text nodes are never one. */
const MAX_LABEL_NODE_CHARS = 200;
/** Subtrees never searched for labels (our own UI is a custom element with a shadow root: not walked either). */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

const CONTROLS = 'input, select, textarea';

/** A form control's value (a select's chosen option text), else null. */
export function controlValue(el: Element): string | null {
  const tag = el.tagName.toUpperCase();
  if (tag === 'SELECT') {
    const s = el as HTMLSelectElement;
    // (happy-dom reports selectedIndex -1 for a first option marked `selected`: fall back to the markup.)
    return textOf(s.options[s.selectedIndex] ?? s.querySelector('option[selected]') ?? s.options[0] ?? null);
  }
  if (tag === 'INPUT' || tag === 'TEXTAREA') return (el as HTMLInputElement).value ?? '';
  return null;
}

/** "Label: value" at the start of a text: the label and the value (cut before a following "Label:"). */
const INLINE = /^([^:\d\n]{2,40}?)\s*:\s*(\S[\s\S]*)?$/;
const NEXT_PAIR = /\s(?=[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .#/]{1,24}:(?:\s|$))/;

/** The value after a colon, cut before a following "Label:". */
function valueAfter(rest: string): string {
  const cut = NEXT_PAIR.exec(rest);
  return (cut ? rest.slice(0, cut.index) : rest).trim();
}

function inlinePair(text: string): { label: string; value: string } | null {
  const m = INLINE.exec(text);
  return m ? { label: m[1]!.trim(), value: valueAfter(m[2] ?? '') } : null;
}

/** In "DOB: 03/04/2019 Age: 6 Sex: F", the value after the label whose key is `key` (`age` → `6`), or null. */
function inlineValue(text: string, key: string): string | null {
  for (let colon = text.indexOf(':'); colon > 0; colon = text.indexOf(':', colon + 1)) {
    const words = text.slice(0, colon).trimEnd().split(/\s+/);
    for (let k = 1; k <= Math.min(5, words.length); k++) {
      if (labelKey(words.slice(-k).join(' ')) === key) return valueAfter(text.slice(colon + 1));
    }
  }
  return null;
}

/**
 * The text the reader takes from an element: a control's value; an element holding a control (a cell around an
 * input) gives the control's; else its text, without a leading "Label:" (`DOB: 03/04/2019` → `03/04/2019`).
 */
export function valueText(el: Element): string {
  const own = controlValue(el);
  if (own !== null) return factText(own);
  const inner = el.querySelector(CONTROLS);
  if (inner) return factText(controlValue(inner) ?? '');
  const text = factText(el.textContent ?? '');
  const pair = inlinePair(text);
  return pair && pair.value ? pair.value : text;
}

function byCss(doc: Document, selector: string): Located | null {
  let el: Element | null;
  try {
    el = doc.querySelector(selector);
  } catch {
    return null; // a selector this browser cannot parse finds nothing
  }
  return el ? { element: el, text: valueText(el) } : null;
}

/** The element a label element labels, by the page's own association, or null. */
function labelledBy(labelEl: Element, doc: Document): Element | null {
  const tag = labelEl.tagName.toUpperCase();
  if (tag === 'LABEL') {
    const forId = labelEl.getAttribute('for');
    const control = labelEl.querySelector(CONTROLS) ?? (forId ? doc.getElementById(forId) : null);
    if (control) return control;
  }
  const id = labelEl.id;
  if (id) {
    for (const el of Array.from(doc.querySelectorAll('[aria-labelledby]'))) {
      if ((el.getAttribute('aria-labelledby') ?? '').split(/\s+/).includes(id)) return el;
    }
  }
  if (tag === 'DT') {
    const dd = labelEl.nextElementSibling;
    return dd?.tagName.toUpperCase() === 'DD' ? dd : null;
  }
  if (tag === 'TH' || tag === 'TD') return labelEl.nextElementSibling;
  return null;
}

/** The value next to a label element: the next sibling with text, looking up to two levels out. */
function nextTo(labelEl: Element): Located | null {
  const after = labelEl.nextSibling;
  if (after && after.nodeType === 3) {
    const t = factText(after.nodeValue ?? '');
    if (t && t !== ':') return { element: labelEl.parentElement ?? labelEl, text: t.replace(/^:\s*/, '') };
  }
  let at: Element | null = labelEl;
  for (let level = 0; at && level < 3; level++, at = at.parentElement) {
    for (let sib = at.nextElementSibling; sib; sib = sib.nextElementSibling) {
      const text = valueText(sib);
      if (text) return { element: sib, text };
    }
  }
  return null;
}

/**
 * Find the value labelled `label` (matched by `labelKey`: case, accents, punctuation and a trailing colon do not
 * matter): a `<label>`'s control, an `aria-labelledby` target, `dt` → `dd`, a cell → the next cell, the next
 * sibling, or the rest of an inline "Label: value" text.
 */
export function findLabelled(doc: Document, label: string): Located | null {
  const key = labelKey(label);
  const root = doc.body;
  if (!key || !root) return null;
  let seen = 0;
  const walker = doc.createTreeWalker(root, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(n: Node): number {
      if (++seen > MAX_TEXT_NODES) return 2;
      if (n.nodeType === 1) return SKIP_TAGS.has((n as Element).tagName.toUpperCase()) ? 2 : 3; // REJECT : SKIP
      return 1;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const raw = n.nodeValue ?? '';
    if (raw.length > MAX_LABEL_NODE_CHARS) continue;
    const text = factText(raw);
    if (!text) continue;
    const parent = n.parentElement;
    if (!parent) continue;
    if (labelKey(text) === key) {
      // The text node is the label; its element is the label element when the label is all it holds.
      const labelEl = labelKey(textOf(parent)) === key ? parent : null;
      if (labelEl) {
        const target = labelledBy(labelEl, doc);
        if (target) return { element: target, text: valueText(target) };
        const near = nextTo(labelEl);
        if (near) return near;
      } else {
        const after = n.nextSibling;
        if (after && after.nodeType === 3 && factText(after.nodeValue ?? '')) {
          return { element: parent, text: factText(after.nodeValue ?? '') };
        }
        if (after && after.nodeType === 1) return { element: after as Element, text: valueText(after as Element) };
      }
      continue;
    }
    if (!text.includes(':')) continue;
    const value = inlineValue(text, key);
    if (value) return { element: parent, text: value };
  }
  return null;
}

/** Where a locator points on this page, or null when it finds nothing. */
export function locate(doc: Document, locator: Locator): Located | null {
  return 'css' in locator ? byCss(doc, locator.css) : findLabelled(doc, locator.label);
}

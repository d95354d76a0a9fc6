/**
 * The little DOM work the statement parsers need, over htmlparser2's tree (the MV3 service
 * worker has no DOMParser). Pure. Every walk is iterative: a hostile body of 100,000 nested
 * tags must not overflow the stack.
 */
import { parseDocument } from 'htmlparser2';
// Types only: domhandler is htmlparser2's own tree (a dependency of it); nothing of it is bundled.
import type { AnyNode, Element, ParentNode, Text } from 'domhandler';

export type DomNode = AnyNode;
export type DomElement = Element;

// The node kinds, by domhandler's `type` strings (domutils 4 no longer re-exports the guards).
export const isElement = (node: DomNode): node is DomElement =>
  node.type === 'tag' || node.type === 'script' || node.type === 'style';
export const isText = (node: DomNode): node is Text => node.type === 'text';
export const hasChildren = (node: DomNode): node is ParentNode & DomNode => 'children' in node && Array.isArray(node.children);

/** Elements whose content is never text for a reader: code, styles, embedded objects, form controls. */
export const NEVER_TEXT = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas',
  'head', 'title', 'select', 'option', 'textarea', 'button', 'input', 'video', 'audio',
]);

/** Block-level elements: text on either side of one is on separate lines. */
export const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);

export interface WalkVisitor {
  /** Called on entering a node; return false to skip its children (its `exit` is still called). */
  enter(node: DomNode): boolean | void;
  exit?(node: DomNode): void;
}

/** Depth-first, document order, without recursion. */
export function walk(roots: readonly DomNode[], visitor: WalkVisitor): void {
  const stack: { nodes: readonly DomNode[]; index: number; parent: DomNode | null }[] = [
    { nodes: roots, index: 0, parent: null },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.nodes.length) {
      stack.pop();
      if (frame.parent) visitor.exit?.(frame.parent);
      continue;
    }
    const node = frame.nodes[frame.index++]!;
    const descend = visitor.enter(node) !== false;
    if (descend && hasChildren(node) && node.children.length > 0) {
      stack.push({ nodes: node.children, index: 0, parent: node });
    } else {
      visitor.exit?.(node);
    }
  }
}

// C0/C1 controls, bidi overrides and isolates, zero-width characters, and the replacement
// character a NUL reference decodes to: never wanted in a title.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFFD]/g;

/** Runs of whitespace (including no-break spaces) as one space; invisible characters removed. */
export function collapseSpace(text: string): string {
  return text.replace(INVISIBLE, '').replace(/[\s\u00A0]+/g, ' ').trim();
}

/** The text a reader sees in these nodes: script/style and the like removed, blocks as spaces. */
export function readableText(roots: readonly DomNode[]): string {
  const parts: string[] = [];
  walk(roots, {
    enter(node) {
      if (isElement(node)) {
        if (NEVER_TEXT.has(node.name.toLowerCase())) return false;
        if (BLOCK.has(node.name.toLowerCase()) || node.name.toLowerCase() === 'br') parts.push(' ');
        return true;
      }
      if (isText(node)) parts.push(node.data);
      return true;
    },
    exit(node) {
      if (isElement(node) && BLOCK.has(node.name.toLowerCase())) parts.push(' ');
    },
  });
  return collapseSpace(parts.join(''));
}

/**
 * The most of one field (a title, a summary) that is read: its first 8 KiB. Titles and summaries
 * keep a few hundred characters; a longer field is cut before it is parsed, never after.
 */
export const MAX_FIELD_CHARS = 8 * 1024;
/** A field whose markup nests deeper than this is not read (real summaries nest a few deep). */
export const MAX_FIELD_NESTING = 100;

/**
 * Plain text from a string that may hold markup and entities (a feed title, an HTML summary):
 * entities decoded, tags and the content of scripts/styles removed, whitespace collapsed.
 * Text without `<` or `&` is only whitespace-collapsed. Only the first MAX_FIELD_CHARS are read;
 * markup nested deeper than MAX_FIELD_NESTING gives '' (see `nestsDeeperThan`).
 * @example plainText('<b>Hi</b> &amp; <script>alert(1)</script>there') //=> 'Hi & there'
 */
export function plainText(fragment: string): string {
  const field = fragment.slice(0, MAX_FIELD_CHARS);
  if (!/[<&]/.test(field)) return collapseSpace(field);
  if (nestsDeeperThan(field, MAX_FIELD_NESTING)) return '';
  return readableText(parseDocument(field, { decodeEntities: true }).children);
}

/** Elements that never hold content, or whose end tag pages routinely omit (closed by a sibling). */
const NO_DEPTH = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp',
]);

/**
 * Whether markup nests deeper than `limit` — checked before parsing, in one linear pass.
 *
 * NOTE: htmlparser2 keeps its open-element stack with `Array.unshift`, so parsing N nested tags
 * costs O(N²): 40,000 nested <div>s take about 2 s, a 2 MB body of them minutes of service-worker
 * time. Real pages nest well under 100 deep. This is a tag counter, not a parser: it only has to
 * be right about bodies that are absurdly deep, and it errs towards counting too deep (a `<`
 * inside a script counts), which only matters past the limit.
 */
export function nestsDeeperThan(markup: string, limit: number): boolean {
  let depth = 0;
  let i = markup.indexOf('<');
  while (i !== -1 && i < markup.length - 1) {
    const next = markup.charCodeAt(i + 1);
    if (next === 47 /* / */) {
      if (depth > 0) depth--;
    } else if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) {
      let end = i + 1;
      while (end < markup.length && /[\w:-]/.test(markup[end]!)) end++;
      const name = markup.slice(i + 1, end).toLowerCase();
      const close = markup.indexOf('>', end);
      const selfClosing = close !== -1 && markup.charCodeAt(close - 1) === 47;
      if (!selfClosing && !NO_DEPTH.has(name) && ++depth > limit) return true;
      if (close === -1) return false;
      i = close;
    }
    i = markup.indexOf('<', i + 1);
  }
  return false;
}

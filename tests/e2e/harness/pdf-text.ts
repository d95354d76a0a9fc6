/**
 * The text of a PDF that Chromium printed (`page.pdf()`), read back with no dependency beyond node:zlib: the
 * page objects' content streams (FlateDecode) are scanned for text-showing operators (`Tj`, `TJ`), and each font's
 * glyph codes are mapped to Unicode through its ToUnicode CMap (`bfchar`/`bfrange`), which Chromium (Skia) writes for
 * every font it embeds. Enough to check what a printed page says; not a general PDF reader (no object streams,
 * no encryption, no Type 3 fonts).
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const s = body.indexOf('stream');
    let dict = body;
    let stream: Buffer | null = null;
    if (s >= 0 && body.lastIndexOf('endstream') > s) {
      dict = body.slice(0, s);
      let from = start + s + 'stream'.length;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const len = /\/Length (\d+)(?! \d+ R)/.exec(dict);
      const to = len ? from + Number(len[1]) : start + body.lastIndexOf('endstream');
      stream = pdf.subarray(from, to);
      if (/\/FlateDecode/.test(dict)) stream = inflateSync(stream);
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

const hexToCodes = (hex: string, width: number): number[] => {
  const h = hex.replace(/\s+/g, '');
  const codes: number[] = [];
  for (let i = 0; i + width * 2 <= h.length; i += width * 2) codes.push(parseInt(h.slice(i, i + width * 2), 16));
  return codes;
};
const utf16 = (hex: string) => {
  const units = hexToCodes(hex, 2);
  return String.fromCharCode(...units);
};

interface CMap {
  map: Map<number, string>;
  width: number;
}

function parseCMap(text: string): CMap {
  const map = new Map<number, string>();
  const range = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  const width = range ? range[1]!.length / 2 : 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(src!, 16), utf16(dst!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst, arr] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const a = parseInt(lo!, 16);
      const b = parseInt(hi!, 16);
      if (dst) {
        const base = utf16(dst);
        for (let c = a; c <= b; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - a)));
      } else if (arr) {
        const items = [...arr.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => utf16(x[1]!));
        for (let c = a; c <= b; c++) map.set(c, items[c - a] ?? '');
      }
    }
  }
  return { map, width };
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** The pages of a PDF as text, one string per page (text objects and moves become line breaks). */
export function pdfPages(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const cmapOfFont = (n: number): CMap | null => {
    const font = objs.get(n);
    const tu = font ? ref(font.dict, 'ToUnicode') : null;
    const stream = tu !== null ? objs.get(tu)?.stream : null;
    return stream ? parseCMap(stream.toString('latin1')) : null;
  };
  const fontsOf = (dict: string): Map<string, CMap | null> => {
    let resources = dict;
    const r = ref(dict, 'Resources');
    if (r !== null) resources = objs.get(r)?.dict ?? '';
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? (() => {
      const f = ref(resources, 'Font');
      return f !== null ? objs.get(f)?.dict ?? '' : '';
    })();
    return new Map([...fontDict.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)].map(([, name, n]) => [name!, cmapOfFont(Number(n))]));
  };
  const pages: string[] = [];
  for (const [, obj] of objs) {
    if (!/\/Type\s*\/Page\b/.test(obj.dict)) continue;
    const fonts = fontsOf(obj.dict);
    const contentRefs = [...(/\/Contents\s*\[([^\]]*)\]/.exec(obj.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((x) => Number(x[1]));
    const single = ref(obj.dict, 'Contents');
    if (contentRefs.length === 0 && single !== null) contentRefs.push(single);
    let text = '';
    let cmap: CMap | null = null;
    // A line break where the text moves to another baseline (Td/TD with a vertical move, Tm with another y, T*).
    let y: number | null = null;
    const moveTo = (next: number) => {
      if (y !== null && Math.abs(next - y) > 0.5) text += '\n';
      y = next;
    };
    for (const c of contentRefs) {
      const content = objs.get(c)?.stream?.toString('latin1') ?? '';
      const tokens = content.matchAll(
        /\/([\w.+-]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F\s]*)>|\((?:\\.|[^\\)])*\)|([-\d.]+)\s+([-\d.]+)\s+T[dD]\b|(?:[-\d.]+\s+){5}([-\d.]+)\s+Tm\b|\bT\*/g,
      );
      for (const t of tokens) {
        if (t[1] !== undefined) cmap = fonts.get(t[1]) ?? null;
        else if (t[2] !== undefined && cmap) text += hexToCodes(t[2], cmap.width).map((code) => cmap!.map.get(code) ?? '').join('');
        else if (t[4] !== undefined) moveTo((y ?? 0) + Number(t[4]));
        else if (t[5] !== undefined) moveTo(Number(t[5]));
        else if (t[0] === 'T*') moveTo((y ?? 0) - 1000);
      }
    }
    pages.push(text.replace(/\n{2,}/g, '\n'));
  }
  return pages;
}

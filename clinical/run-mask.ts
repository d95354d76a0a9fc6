/**
 * @file Binary masks as horizontal runs of pixels, and the operations the water-equivalent diameter needs on them:
 * union-find over runs, row-wise union and intersection, and dilation/erosion by a digital disk. A 512 × 512 slice
 * has a few runs per row, so every operation costs per run, not per pixel.
 */

/**
 * Horizontal runs of pixels, row by row: run i covers columns start[i]..end[i] (inclusive) of row
 * `rowOf(i)`; the runs of row y are first[y] .. first[y + 1] − 1, sorted and disjoint.
 */
export class Runs {
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  first: Int32Array;
  n = 0;
  constructor(rows: number, capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.first = new Int32Array(rows + 1);
  }
  reset(rows: number): void {
    this.n = 0;
    if (this.first.length < rows + 1) this.first = new Int32Array(rows + 1);
  }
  push(a: number, b: number, kind: number): void {
    if (this.n === this.start.length) {
      const cap = this.n * 2;
      const s = new Int32Array(cap);
      const e = new Int32Array(cap);
      const k = new Uint8Array(cap);
      s.set(this.start);
      e.set(this.end);
      k.set(this.kind);
      this.start = s;
      this.end = e;
      this.kind = k;
    }
    this.start[this.n] = a;
    this.end[this.n] = b;
    this.kind[this.n] = kind;
    this.n++;
  }
}

/** The intervals of one row as [start, end] pairs in `a`; operations swap `a` with a spare buffer. */
export class RowBuffer {
  a: Int32Array;
  n = 0;
  constructor(capacity: number) {
    this.a = new Int32Array(2 * capacity);
  }
}

/** The two row buffers a dilation or erosion works in. */
export interface RowBuffers {
  bufX: RowBuffer;
  bufT: RowBuffer;
}

/** The root of `i` in a union-find forest (with path halving). */
export function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    const g = parent[parent[i]!]!;
    parent[i] = g;
    i = g;
  }
  return i;
}

/** Joins the trees of `i` and `j`; the smaller index becomes the root. */
export function union(parent: Int32Array, i: number, j: number): void {
  const a = find(parent, i);
  const b = find(parent, j);
  if (a !== b) {
    if (a < b) parent[b] = a;
    else parent[a] = b;
  }
}

/**
 * Union of the sorted disjoint intervals in `cur` (pairs in cur.a[0..2n)) with the runs of `src` row `y`
 * (only those with `keep[run] !== 0` when `keep` is given), each widened by `w` and clipped to the image.
 * The result (merged, sorted) replaces `cur`.
 */
function unionRow(cur: RowBuffer, src: Runs, y: number, w: number, cols: number, keep: Uint8Array | null, tmp: RowBuffer): void {
  const out = tmp.a;
  let m = 0;
  let i = 0;
  let j = src.first[y]!;
  const jEnd = src.first[y + 1]!;
  const ca = cur.a;
  const cn = cur.n;
  let lastEnd = -2;
  while (i < cn || j < jEnd) {
    if (keep && j < jEnd && keep[j] === 0) {
      j++;
      continue;
    }
    let s: number;
    let e: number;
    if (j >= jEnd || (i < cn && ca[2 * i]! <= src.start[j]! - w)) {
      s = ca[2 * i]!;
      e = ca[2 * i + 1]!;
      i++;
    } else {
      s = src.start[j]! - w;
      e = src.end[j]! + w;
      if (s < 0) s = 0;
      if (e > cols - 1) e = cols - 1;
      j++;
    }
    if (m > 0 && s <= lastEnd + 1) {
      if (e > lastEnd) {
        out[2 * m - 1] = e;
        lastEnd = e;
      }
    } else {
      out[2 * m] = s;
      out[2 * m + 1] = e;
      lastEnd = e;
      m++;
    }
  }
  tmp.a = cur.a;
  cur.a = out;
  cur.n = m;
}

/** Intersection of `cur` with the runs of `src` row `y`, each narrowed by `w`; replaces `cur`. */
function intersectRow(cur: RowBuffer, src: Runs, y: number, w: number, tmp: RowBuffer): void {
  const out = tmp.a;
  let m = 0;
  let i = 0;
  let j = src.first[y]!;
  const jEnd = src.first[y + 1]!;
  const ca = cur.a;
  const cn = cur.n;
  while (i < cn && j < jEnd) {
    const s2 = src.start[j]! + w;
    const e2 = src.end[j]! - w;
    if (s2 > e2) {
      j++;
      continue;
    }
    const s1 = ca[2 * i]!;
    const e1 = ca[2 * i + 1]!;
    const s = s1 > s2 ? s1 : s2;
    const e = e1 < e2 ? e1 : e2;
    if (s <= e) {
      out[2 * m] = s;
      out[2 * m + 1] = e;
      m++;
    }
    if (e1 < e2) i++;
    else j++;
  }
  tmp.a = cur.a;
  cur.a = out;
  cur.n = m;
}

/** Half-widths of a digital ellipse (disk in mm) of radii rx × ry pixels, indexed dy + ry. */
export function diskHalfWidths(rxPx: number, ryPx: number): Int32Array {
  const ry = Math.floor(ryPx);
  const w = new Int32Array(2 * ry + 1);
  for (let dy = -ry; dy <= ry; dy++) w[dy + ry] = Math.floor(rxPx * Math.sqrt(Math.max(0, 1 - (dy * dy) / (ryPx * ryPx))) + 1e-9);
  return w;
}

/** `out` = `src` (runs with keep ≠ 0) dilated by the digital disk `w`. */
export function dilate(sc: RowBuffers, src: Runs, keep: Uint8Array | null, w: Int32Array, rows: number, cols: number, out: Runs): void {
  const { bufX, bufT } = sc;
  const ry = (w.length - 1) >> 1;
  out.n = 0;
  for (let y = 0; y < rows; y++) {
    out.first[y] = out.n;
    bufX.n = 0;
    const y0 = Math.max(0, y - ry);
    const y1 = Math.min(rows - 1, y + ry);
    for (let yy = y0; yy <= y1; yy++) {
      if (src.first[yy] === src.first[yy + 1]) continue;
      unionRow(bufX, src, yy, w[yy - y + ry]!, cols, keep, bufT);
    }
    for (let k = 0; k < bufX.n; k++) out.push(bufX.a[2 * k]!, bufX.a[2 * k + 1]!, 0);
  }
  out.first[rows] = out.n;
}

/** `out` = `src` eroded by the digital disk `w` (rows beyond the image are empty). */
export function erode(sc: RowBuffers, src: Runs, w: Int32Array, rows: number, out: Runs): void {
  const { bufX, bufT } = sc;
  const ry = (w.length - 1) >> 1;
  out.n = 0;
  for (let y = 0; y < rows; y++) {
    out.first[y] = out.n;
    if (y - ry < 0 || y + ry >= rows) continue;
    // Start from the widest constraint (the centre row), then narrow with every other row.
    bufX.n = 0;
    const wc = w[ry]!;
    for (let j = src.first[y]!; j < src.first[y + 1]!; j++) {
      const s = src.start[j]! + wc;
      const e = src.end[j]! - wc;
      if (s <= e) {
        bufX.a[2 * bufX.n] = s;
        bufX.a[2 * bufX.n + 1] = e;
        bufX.n++;
      }
    }
    for (let dy = 1; dy <= ry && bufX.n > 0; dy++) {
      intersectRow(bufX, src, y - dy, w[ry - dy]!, bufT);
      if (bufX.n > 0) intersectRow(bufX, src, y + dy, w[ry + dy]!, bufT);
    }
    for (let k = 0; k < bufX.n; k++) out.push(bufX.a[2 * k]!, bufX.a[2 * k + 1]!, 0);
  }
  out.first[rows] = out.n;
}

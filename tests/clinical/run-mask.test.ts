/**
 * Run-length masks against the same operations done pixel by pixel on small random masks: a dilation with a
 * digital disk is the union of the disk placed on every pixel; an erosion keeps the pixels whose whole disk lies in
 * the mask (rows beyond the image count as empty).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dilate, diskHalfWidths, erode, find, RowBuffer, Runs, union } from '@/clinical/run-mask';

function runsOf(mask: boolean[][], cols: number): Runs {
  const runs = new Runs(mask.length, 4);
  mask.forEach((row, y) => {
    runs.first[y] = runs.n;
    for (let c = 0; c < cols; ) {
      if (!row[c]) {
        c++;
        continue;
      }
      const s = c;
      while (c < cols && row[c]) c++;
      runs.push(s, c - 1, 0);
    }
  });
  runs.first[mask.length] = runs.n;
  return runs;
}

function maskOf(runs: Runs, rows: number, cols: number): boolean[][] {
  const out = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
  for (let y = 0; y < rows; y++) for (let i = runs.first[y]!; i < runs.first[y + 1]!; i++) for (let c = runs.start[i]!; c <= runs.end[i]!; c++) out[y]![c] = true;
  return out;
}

const buffers = (cols: number) => ({ bufX: new RowBuffer(cols + 2), bufT: new RowBuffer(cols + 2) });
const masks = fc.record({ rows: fc.integer({ min: 1, max: 14 }), cols: fc.integer({ min: 1, max: 14 }) }).chain(({ rows, cols }) =>
  fc.record({
    rows: fc.constant(rows),
    cols: fc.constant(cols),
    mask: fc.array(fc.array(fc.boolean(), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
    rx: fc.double({ min: 0, max: 3.5, noNaN: true }),
    ry: fc.double({ min: 0.5, max: 3.5, noNaN: true }),
  }),
);

describe('run-length masks', () => {
  it('dilation by a disk: the disk placed on every pixel of the mask', () => {
    fc.assert(
      fc.property(masks, ({ rows, cols, mask, rx, ry }) => {
        const w = diskHalfWidths(rx, ry);
        const r = (w.length - 1) >> 1;
        const out = new Runs(rows, 4);
        dilate(buffers(cols), runsOf(mask, cols), null, w, rows, cols, out);
        const expected = mask.map((row, y) =>
          row.map((_, c) => {
            for (let dy = -r; dy <= r; dy++) for (let dx = -w[dy + r]!; dx <= w[dy + r]!; dx++) if (mask[y + dy]?.[c + dx]) return true;
            return false;
          }),
        );
        expect(maskOf(out, rows, cols)).toEqual(expected);
      }),
    );
  });

  it('erosion by a disk: the pixels whose whole disk lies in the mask', () => {
    fc.assert(
      fc.property(masks, ({ rows, cols, mask, rx, ry }) => {
        const w = diskHalfWidths(rx, ry);
        const r = (w.length - 1) >> 1;
        const out = new Runs(rows, 4);
        erode(buffers(cols), runsOf(mask, cols), w, rows, out);
        const expected = mask.map((row, y) =>
          row.map((_, c) => {
            for (let dy = -r; dy <= r; dy++) for (let dx = -w[dy + r]!; dx <= w[dy + r]!; dx++) if (!mask[y + dy]?.[c + dx]) return false;
            return true;
          }),
        );
        expect(maskOf(out, rows, cols)).toEqual(expected);
      }),
    );
  });

  it('dilation of the kept runs only', () => {
    const mask = [[true, false, true]];
    const src = runsOf(mask, 3);
    const out = new Runs(1, 4);
    dilate(buffers(3), src, Uint8Array.of(0, 1), Int32Array.of(0), 1, 3, out);
    expect(maskOf(out, 1, 3)).toEqual([[false, false, true]]);
  });

  it('union-find: joined sets share a root, the smaller index', () => {
    const parent = Int32Array.from({ length: 6 }, (_, i) => i);
    union(parent, 4, 2);
    union(parent, 2, 5);
    union(parent, 0, 1);
    expect([find(parent, 5), find(parent, 4), find(parent, 1), find(parent, 3)]).toEqual([2, 2, 0, 3]);
  });
});

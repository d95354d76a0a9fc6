/**
 * Synthetic axial CT slices in HU for the water-equivalent-diameter tests and bench.
 *
 * Geometry is in millimetres with the origin at the image centre, x to the right (columns) and y
 * downwards (rows) — the table is at +y, as in a supine scan. Shapes are painted in order (a later
 * shape replaces an earlier one where they overlap). Each pixel is the mean of 4 × 4 sub-samples
 * (partial volume at the edges), then the image is blurred with a Gaussian (edge spread of a CT
 * kernel) and Gaussian noise is added from a seeded generator, so every run is identical.
 *
 * The expected Dw of a phantom is computed from its geometry (`waterEquivalentDiameterOf`), never from
 * the code under test: Aw = Σ area_i · (1 + HU_i/1000) over the regions, Dw = 2·√(Aw/π) (AAPM 220).
 */

export type Shape =
  /** Ellipse with semi-axes `rxMm` (along x) and `ryMm` (along y). */
  | { kind: 'ellipse'; cxMm: number; cyMm: number; rxMm: number; ryMm: number; hu: number }
  /** Axis-aligned rectangle. */
  | { kind: 'rect'; x0Mm: number; y0Mm: number; x1Mm: number; y1Mm: number; hu: number }
  /** Ring between two concentric ellipses (a curved shell, e.g. a head holder); `half: 'lower'` keeps y ≥ cy only. */
  | { kind: 'shell'; cxMm: number; cyMm: number; rxMm: number; ryMm: number; thicknessMm: number; hu: number; half?: 'lower' };

export interface PhantomSpec {
  rows: number;
  cols: number;
  pixelSpacingMm: number;
  shapes: readonly Shape[];
  backgroundHu?: number; // default −1000 (air)
  blurSigmaMm?: number; // default 0 (no blur)
  noiseSigmaHu?: number; // default 0
  seed?: number;
  /** Pixels farther than this from the centre get `outsideHu` (the reconstruction circle). */
  circle?: { radiusMm: number; outsideHu: number };
}

function contains(s: Shape, x: number, y: number): boolean {
  switch (s.kind) {
    case 'ellipse': {
      const dx = (x - s.cxMm) / s.rxMm;
      const dy = (y - s.cyMm) / s.ryMm;
      return dx * dx + dy * dy <= 1;
    }
    case 'rect':
      return x >= s.x0Mm && x <= s.x1Mm && y >= s.y0Mm && y <= s.y1Mm;
    case 'shell': {
      if (s.half === 'lower' && y < s.cyMm) return false;
      const ox = (x - s.cxMm) / s.rxMm;
      const oy = (y - s.cyMm) / s.ryMm;
      const ix = (x - s.cxMm) / (s.rxMm - s.thicknessMm);
      const iy = (y - s.cyMm) / (s.ryMm - s.thicknessMm);
      return ox * ox + oy * oy <= 1 && ix * ix + iy * iy > 1;
    }
  }
}

/** Seeded PRNG (mulberry32) → standard normal deviates (Box–Muller). */
function normalGenerator(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => {
    const u = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

function gaussianBlur(img: Float32Array, rows: number, cols: number, sigmaPx: number): Float32Array {
  const radius = Math.ceil(3 * sigmaPx);
  const kernel = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let k = -radius; k <= radius; k++) sum += kernel[k + radius] = Math.exp(-(k * k) / (2 * sigmaPx * sigmaPx));
  for (let k = 0; k < kernel.length; k++) kernel[k]! /= sum;
  const tmp = new Float32Array(img.length);
  const out = new Float32Array(img.length);
  const clamp = (v: number, n: number) => (v < 0 ? 0 : v >= n ? n - 1 : v);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let acc = 0;
      for (let k = -radius; k <= radius; k++) acc += kernel[k + radius]! * img[r * cols + clamp(c + k, cols)]!;
      tmp[r * cols + c] = acc;
    }
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let acc = 0;
      for (let k = -radius; k <= radius; k++) acc += kernel[k + radius]! * tmp[clamp(r + k, rows) * cols + c]!;
      out[r * cols + c] = acc;
    }
  }
  return out;
}

/** Render a phantom to HU (Float32Array, row-major, `rows × cols`). */
export function renderPhantom(spec: PhantomSpec): Float32Array {
  const { rows, cols, pixelSpacingMm: sp, shapes } = spec;
  const bg = spec.backgroundHu ?? -1000;
  const SUB = 4;
  let img: Float32Array = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x0 = (c - (cols - 1) / 2) * sp;
      const y0 = (r - (rows - 1) / 2) * sp;
      let acc = 0;
      for (let i = 0; i < SUB; i++) {
        for (let j = 0; j < SUB; j++) {
          const x = x0 + ((j + 0.5) / SUB - 0.5) * sp;
          const y = y0 + ((i + 0.5) / SUB - 0.5) * sp;
          let v = bg;
          for (let k = shapes.length - 1; k >= 0; k--) {
            if (contains(shapes[k]!, x, y)) {
              v = shapes[k]!.hu;
              break;
            }
          }
          acc += v;
        }
      }
      img[r * cols + c] = acc / (SUB * SUB);
    }
  }
  if (spec.blurSigmaMm) img = gaussianBlur(img, rows, cols, spec.blurSigmaMm / sp);
  if (spec.noiseSigmaHu) {
    const normal = normalGenerator(spec.seed ?? 1);
    for (let i = 0; i < img.length; i++) img[i]! += spec.noiseSigmaHu * normal();
  }
  if (spec.circle) {
    const r2 = spec.circle.radiusMm ** 2;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const x = (c - (cols - 1) / 2) * sp;
        const y = (r - (rows - 1) / 2) * sp;
        if (x * x + y * y > r2) img[r * cols + c] = spec.circle.outsideHu;
      }
    }
  }
  return img;
}

/** A region of known area and HU, for the analytic Dw. */
export interface Region {
  areaMm2: number;
  hu: number;
}

/** Area of an ellipse with semi-axes a, b (mm). */
export const ellipseAreaMm2 = (rxMm: number, ryMm: number): number => Math.PI * rxMm * ryMm;

/**
 * The analytic water-equivalent diameter (cm) of disjoint regions: AAPM 220,
 * Aw = Σ A_i·(HU_i/1000 + 1), Dw = 2·√(Aw/π).
 */
export function waterEquivalentDiameterOf(regions: readonly Region[]): number {
  const awMm2 = regions.reduce((s, r) => s + r.areaMm2 * (r.hu / 1000 + 1), 0);
  return (2 * Math.sqrt(awMm2 / Math.PI)) / 10;
}

/**
 * A CT couch below a patient whose lowest point is at `topMm` (y grows downwards): a closed
 * carbon-fibre box (two 3 mm shells at +300 HU joined at the sides, foam core at −900 HU), `widthMm` wide
 * and 40 mm deep, optionally with a foam mattress (−850 HU) of `padMm` on top, and a solid support
 * rail below it.
 */
export function couch(topMm: number, widthMm = 440, padMm = 0): Shape[] {
  const half = widthMm / 2;
  const boxTop = topMm + padMm;
  const shapes: Shape[] = [];
  if (padMm > 0) shapes.push({ kind: 'rect', x0Mm: -half + 20, y0Mm: topMm, x1Mm: half - 20, y1Mm: boxTop, hu: -850 });
  shapes.push(
    { kind: 'rect', x0Mm: -half, y0Mm: boxTop, x1Mm: half, y1Mm: boxTop + 40, hu: 300 }, // shell (outer)
    { kind: 'rect', x0Mm: -half + 3, y0Mm: boxTop + 3, x1Mm: half - 3, y1Mm: boxTop + 37, hu: -900 }, // foam core
    { kind: 'rect', x0Mm: -25, y0Mm: boxTop + 45, x1Mm: 25, y1Mm: boxTop + 75, hu: 600 }, // support rail (not flat: excluded by position)
  );
  return shapes;
}

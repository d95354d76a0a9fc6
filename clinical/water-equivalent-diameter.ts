/**
 * @file AAPM Report 220 (2014), "Use of Water Equivalent Diameter for Calculating Patient Size and
 * Size-Specific Dose Estimates (SSDE) in CT": the water-equivalent diameter Dw of one axial slice.
 *
 * Report facts used (docs/reference/ssde.md §2, [X2]):
 * - Aw = (mean HU/1000 + 1)·A_ROI over the ROI; Dw = 2·√(Aw/π).
 * - The ROI encloses the whole patient cross-section and excludes the table, clothing and external objects.
 * - DICOM CID 10023 code 113988 "Estimated from Water Equivalent Diameter".
 *
 * Everything else here — thresholds, radii, the rules that recognise a couch — is this module's own image
 * processing, not a number from the report, and is marked "algorithm choice" where it is defined.
 *
 * How the ROI is found. The slice is read once, pixel by pixel, into horizontal runs; every later step
 * works on runs (a few per row), which keeps a 512 × 512 slice within a few milliseconds.
 * 1. Classify: outside the data (NaN, PixelPaddingValue, below −1500 HU, outside a known reconstruction
 *    circle), low (≤ −500 HU: air, lung, gas, foam) or dense (> −500 HU).
 * 2. Fill holes: low regions not connected to the image border (lungs, bowel gas) join the dense pixels —
 *    except flat, wide ones (≥ 10 cm wide, ≥ 3.5 × wider than tall): the foam core of a closed couch.
 * 3. Open the filled mask with a 5 mm disk: everything thinner than about 10 mm — couch shells, straps,
 *    head-holder shells, blankets, cables — falls away. The remaining cores are labelled as connected parts.
 * 4. Keep the body parts. A part is couch-shaped when it is flat (width ≥ 3.5 × height); the lowest wide
 *    couch-shaped part (or couch core) is the couch, and parts whose centroid lies below its top are its supports. The
 *    largest remaining part that is not couch-shaped is the body; any other part joins it when its centroid
 *    lies within the body's vertical span (arms beside the torso, the other leg) — so a flat part above or
 *    below the body, or a support rail under the table (not flat), is left out by its position.
 * 5. Where the patient lies directly on the couch, the opening keeps a little of the shell under the
 *    contact; rows in which the kept part is less than half of a run that continues more than 10 mm on
 *    both sides (the couch running on under the body) are dropped from the ROI.
 * 6. ROI = the kept body parts plus a 3 mm margin of low pixels around them, so that the blurred edge
 *    (partial volume) is summed on both sides of the threshold and Dw does not depend on it.
 */
import { SSDE_METHOD_CODE } from './aapm-204';
import { dilate, diskHalfWidths, erode, find, RowBuffer, type RowBuffers, Runs, union } from './run-mask';

/** Circle (pixels, row/column of the centre) outside which the scanner reconstructed no data. */
export interface ReconstructionCircle {
  centerRowPx: number;
  centerColPx: number;
  radiusPx: number;
}

export interface WaterEquivalentDiameterOptions {
  /** Pixels equal to this value are padding, not patient or air. Same units as `hu` (after rescale). */
  pixelPaddingValue?: number;
  /** The reconstruction circle, when known; pixels outside it are ignored and a patient cut by it is flagged. */
  reconstructionCircle?: ReconstructionCircle;
}

/**
 * - `no-patient-found`: nothing body-like in the slice (dwCm is null);
 * - `truncated-by-reconstruction-circle`: the patient reaches the edge of the reconstructed data (padding or
 *   the given circle), so part of the body is missing and Dw is underestimated (no correction is applied);
 * - `touches-image-edge`: the patient reaches the border of the image matrix (same consequence).
 */
export type DwWarning = 'no-patient-found' | 'truncated-by-reconstruction-circle' | 'touches-image-edge';

/** Locale keys (section `clinical:`) for the warnings. */
export const DW_WARNING_MESSAGE_KEY: Readonly<Record<DwWarning, string>> = {
  'no-patient-found': 'clinical.dwWarning.noPatientFound',
  'truncated-by-reconstruction-circle': 'clinical.dwWarning.truncatedByReconstructionCircle',
  'touches-image-edge': 'clinical.dwWarning.touchesImageEdge',
};

export interface WaterEquivalentDiameterResult {
  /** Water-equivalent diameter in cm, or null when no patient was found. */
  dwCm: number | null;
  /**
   * The patient's cross-sectional area in cm²: the kept body parts' pixels above the threshold, holes (lungs,
   * gas) filled — not the summed ROI, which also holds a margin of air around the body.
   */
  areaCm2: number;
  /** Mean HU over the patient's area (the pixels of `areaCm2`), or null when there is none. */
  meanHu: number | null;
  /** Area of the ROI summed for Dw, cm²: the patient plus the edge margin (Aw = (roiMeanHu/1000 + 1)·roiAreaCm2). */
  roiAreaCm2: number;
  /** Area-weighted mean HU over the summed ROI, or null when the ROI is empty. */
  roiMeanHu: number | null;
  warnings: DwWarning[];
  /** Separate body parts in the ROI (torso and two arms: 3). */
  parts: number;
  /** Parts left out: couch, immobilisers, objects outside the body's vertical span. */
  excludedParts: number;
  /** DICOM CID 10023: 113988 "Estimated from Water Equivalent Diameter". */
  methodCode: typeof SSDE_METHOD_CODE.waterEquivalentDiameter;
  source: 'AAPM 220';
}

/** Algorithm choice: midway between air (−1000 HU) and water (0 HU); Dw barely depends on it (step 6). */
const BODY_THRESHOLD_HU = -500;
/** Algorithm choice: nothing physical is below air; lower values are padding written by the scanner (air's usual floor is −1024). */
const MIN_MEASURED_HU = -1500;
/** Algorithm choice: opening radius; removes structures thinner than ≈ 10 mm (couch shells, straps). */
const OPEN_RADIUS_MM = 5;
/** Algorithm choice: margin of low pixels kept around the body to capture the blurred edge. */
const EDGE_MARGIN_MM = 3;
/** Algorithm choice: a part or hole at least this many times wider than tall is couch-shaped. */
const COUCH_ASPECT = 3.5;
/** Algorithm choice: a hole this wide (mm) and couch-shaped is a couch core, not a lung or gas. */
const COUCH_CORE_MIN_WIDTH_MM = 100;
/** Algorithm choice: cores smaller than this (mm²) are specks, not body parts. */
const MIN_CORE_AREA_MM2 = 50;

const INVALID = 1;
const LOW = 2;
const DENSE = 3;

/**
 * The working buffers of one computation, kept between calls (a 512 × 512 slice needs ~1 MB of them) and taken
 * by one computation at a time: a stepped computation that yields keeps its own until it ends.
 */
class Scratch implements RowBuffers {
  rows = 0;
  cols = 0;
  segments = new Runs(0, 16);
  filled = new Runs(0, 16);
  cores = new Runs(0, 16);
  opened = new Runs(0, 16);
  ring = new Runs(0, 16);
  bufX = new RowBuffer(16);
  bufT = new RowBuffer(16);
  parent = new Int32Array(16);

  ensure(rows: number, cols: number): void {
    if (rows <= this.rows && cols <= this.cols) {
      for (const r of [this.segments, this.filled, this.cores, this.opened, this.ring]) r.reset(rows);
      return;
    }
    this.rows = Math.max(rows, this.rows);
    this.cols = Math.max(cols, this.cols);
    const cap = 8 * this.rows + 1024;
    this.segments = new Runs(this.rows, cap * 2);
    this.filled = new Runs(this.rows, cap);
    this.cores = new Runs(this.rows, cap);
    this.opened = new Runs(this.rows, cap);
    this.ring = new Runs(this.rows, cap);
    const rowCap = this.cols + 2;
    this.bufX = new RowBuffer(rowCap);
    this.bufT = new RowBuffer(rowCap);
  }

  /** A fresh union-find forest of `n` singletons. */
  forest(n: number): Int32Array {
    if (this.parent.length < n) this.parent = new Int32Array(Math.max(n, this.parent.length * 2));
    const p = this.parent;
    for (let i = 0; i < n; i++) p[i] = i;
    return p;
  }
}

/** The kept buffers, when no computation holds them. */
let spare: Scratch | null = new Scratch();

function emptyResult(warnings: DwWarning[], excludedParts: number): WaterEquivalentDiameterResult {
  return {
    dwCm: null,
    areaCm2: 0,
    meanHu: null,
    roiAreaCm2: 0,
    roiMeanHu: null,
    warnings: ['no-patient-found', ...warnings],
    parts: 0,
    excludedParts,
    methodCode: SSDE_METHOD_CODE.waterEquivalentDiameter,
    source: 'AAPM 220',
  };
}

/** Step 1: one pass over the pixels → runs of INVALID / LOW / DENSE, every column of every row covered. */
function classify(
  segments: Runs,
  hu: ArrayLike<number>,
  rows: number,
  cols: number,
  pad: number | undefined,
  circle: ReconstructionCircle | undefined,
): void {
  const hasPad = pad !== undefined && Number.isFinite(pad);
  const padValue = hasPad ? pad! : NaN;
  for (let r = 0; r < rows; r++) {
    segments.first[r] = segments.n;
    let cLo = 0;
    let cHi = cols - 1;
    if (circle) {
      const dy = r - circle.centerRowPx;
      const h2 = circle.radiusPx * circle.radiusPx - dy * dy;
      if (h2 < 0) {
        cLo = cols;
        cHi = cols - 1;
      } else {
        const h = Math.sqrt(h2);
        cLo = Math.min(cols, Math.max(0, Math.ceil(circle.centerColPx - h)));
        cHi = Math.min(cols - 1, Math.floor(circle.centerColPx + h));
      }
    }
    if (cLo > 0) segments.push(0, cLo - 1, INVALID);
    const base = r * cols;
    // One tight loop per run: a dense run costs one comparison per pixel.
    let c = cLo;
    while (c <= cHi) {
      const start = c;
      const v = hu[base + c]!;
      c++;
      if (v > BODY_THRESHOLD_HU) {
        while (c <= cHi && hu[base + c]! > BODY_THRESHOLD_HU) c++;
        segments.push(start, c - 1, DENSE);
      } else if (v >= MIN_MEASURED_HU && v !== padValue) {
        for (; c <= cHi; c++) {
          const w = hu[base + c]!;
          if (w > BODY_THRESHOLD_HU || !(w >= MIN_MEASURED_HU) || w === padValue) break;
        }
        segments.push(start, c - 1, LOW);
      } else {
        for (; c <= cHi; c++) {
          const w = hu[base + c]!;
          if (w > BODY_THRESHOLD_HU || (w >= MIN_MEASURED_HU && w !== padValue)) break;
        }
        segments.push(start, c - 1, INVALID);
      }
    }
    if (cHi < cols - 1) segments.push(Math.max(cHi + 1, cLo), cols - 1, INVALID);
  }
  segments.first[rows] = segments.n;
}

/**
 * @name waterEquivalentDiameter
 * @category AAPM 220
 * @summary Water-equivalent diameter (Dw) of the whole patient in one axial CT slice (AAPM Report 220).
 *
 * @description
 * The ROI is the whole patient: every body part in the slice (torso, both arms beside it, both legs),
 * lungs and bowel gas inside it included; air, the couch (recognised by its flat shape and its position
 * below the body), thin immobilisers and straps, padding pixels and pixels outside the reconstruction
 * circle are excluded. Aw = (meanHU/1000 + 1)·A_ROI and Dw = 2·√(Aw/π). No truncation correction is
 * applied: a patient cut by the reconstruction circle or the image border is flagged instead.
 *
 * NOTE: the ROI includes a 3 mm margin of air around the body. Air adds nothing to Aw, but the blurred
 * edge does: summing both sides of the edge keeps Dw independent of the threshold and the blur.
 *
 * @param hu - the slice in Hounsfield units, row-major, `rows × cols` (NaN = no data)
 * @param rows - number of rows
 * @param cols - number of columns
 * @param pixelSpacingMm - pixel spacing in mm: one number, or DICOM PixelSpacing order [row spacing, column spacing]
 * @param options - PixelPaddingValue (in HU, as `hu`) and the reconstruction circle, when known
 * @returns Dw (cm) with the ROI area (cm²), its mean HU and warnings; `dwCm` null when no patient is found
 * @throws {RangeError} when `hu.length !== rows × cols`, or rows/cols/spacing are not positive finite numbers
 *
 * @example
 * // A 16 cm water cylinder on a 512 × 512 slice at 0.49 mm?
 * waterEquivalentDiameter(hu, 512, 512, 0.49).dwCm
 * //=> 16.0…
 */
export function waterEquivalentDiameter(
  hu: ArrayLike<number>,
  rows: number,
  cols: number,
  pixelSpacingMm: number | readonly [number, number],
  options: WaterEquivalentDiameterOptions = {},
): WaterEquivalentDiameterResult {
  const steps = waterEquivalentDiameterSteps(hu, rows, cols, pixelSpacingMm, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * @name waterEquivalentDiameterSteps
 * @category AAPM 220
 * @summary `waterEquivalentDiameter` in steps: a generator that pauses between its stages.
 *
 * @description
 * The same computation and result as `waterEquivalentDiameter`, paused (`yield`) after each of its stages —
 * classifying the pixels, filling the holes, opening and labelling the parts, growing the kept parts, summing
 * the ROI — so that a caller on a page's main thread can give the thread back between stages (each a few
 * milliseconds on a 512 × 512 slice, the whole up to tens of milliseconds before the JIT has warmed). The
 * arguments are checked at the call, before the first step.
 *
 * @returns a generator whose return value (when `next()` reports `done`) is the result
 * @throws {RangeError} as `waterEquivalentDiameter`, at the call
 */
export function waterEquivalentDiameterSteps(
  hu: ArrayLike<number>,
  rows: number,
  cols: number,
  pixelSpacingMm: number | readonly [number, number],
  options: WaterEquivalentDiameterOptions = {},
): Generator<void, WaterEquivalentDiameterResult, void> {
  const [rowSpacingMm, colSpacingMm] = typeof pixelSpacingMm === 'number' ? [pixelSpacingMm, pixelSpacingMm] : pixelSpacingMm;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new RangeError(`rows and columns must be positive integers, got ${rows} × ${cols}`);
  }
  if (!(rowSpacingMm! > 0) || !(colSpacingMm! > 0) || !Number.isFinite(rowSpacingMm) || !Number.isFinite(colSpacingMm)) {
    throw new RangeError(`pixel spacing must be positive finite mm, got ${String(pixelSpacingMm)}`);
  }
  if (!hu || hu.length !== rows * cols) {
    throw new RangeError(`expected ${rows * cols} pixels (${rows} × ${cols}), got ${hu?.length}`);
  }
  return withScratch((sc) => steps(sc, hu, rows, cols, rowSpacingMm!, colSpacingMm!, options));
}

/** Runs `run` with the kept buffers, or new ones while another computation holds them; gives them back at the end. */
function* withScratch<T>(run: (sc: Scratch) => Generator<void, T, void>): Generator<void, T, void> {
  const sc = spare ?? new Scratch();
  spare = null;
  try {
    return yield* run(sc);
  } finally {
    spare = sc;
  }
}

/** One slice and how to read it, as the stages share it. */
interface Slice {
  hu: ArrayLike<number>;
  rows: number;
  cols: number;
  rowSp: number;
  colSp: number;
  pixelAreaMm2: number;
  pad: number | undefined;
  circle: ReconstructionCircle | undefined;
}

/** Where the couch lies so far: its top row and the vertical centre of the part that gave it (step 2 or 4). */
interface Couch {
  top: number;
  centre: number;
}

/** What filling the holes leaves for later stages. */
interface Holes {
  /** Per classified run: a non-dense run that is not filled (ring-eligible when LOW). */
  isOutside: Uint8Array;
  couch: Couch;
}

/** The labelled cores of the opened mask. */
interface Parts {
  disk: Int32Array;
  rxPx: number;
  ryPx: number;
  /** Per core run: its part. */
  partOf: Int32Array;
  stats: { top: number; bottom: number; left: number; right: number; area: number; rowSum: number }[];
}

/** The body parts kept. */
interface Kept {
  /** Per core run: 1 when its part is kept. */
  keep: Uint8Array;
  parts: number;
}

function* steps(
  sc: Scratch,
  hu: ArrayLike<number>,
  rows: number,
  cols: number,
  rowSp: number,
  colSp: number,
  options: WaterEquivalentDiameterOptions,
): Generator<void, WaterEquivalentDiameterResult, void> {
  sc.ensure(rows, cols);
  const slice: Slice = { hu, rows, cols, rowSp, colSp, pixelAreaMm2: rowSp * colSp, pad: options.pixelPaddingValue, circle: options.reconstructionCircle };
  yield* classifyStage(sc, slice);
  const holes = yield* fillHoles(sc, slice);
  const parts = yield* openAndLabel(sc, slice);
  const kept = keepBodyParts(slice, parts, holes.couch);
  if (!kept) return emptyResult([], parts.stats.length);
  yield* growKeptParts(sc, slice, parts, kept);
  return sumRoi(sc, slice, holes, parts, kept);
}

/** 1. Runs of INVALID / LOW / DENSE. */
function* classifyStage(sc: Scratch, s: Slice): Generator<void, void, void> {
  classify(sc.segments, s.hu, s.rows, s.cols, s.pad, s.circle);
  yield;
}

/** 2. Fill the holes: low regions not connected to the border join the mask, except couch cores. */
function* fillHoles(sc: Scratch, s: Slice): Generator<void, Holes, void> {
  const { rows, cols, rowSp, colSp } = s;
  const { segments, filled } = sc;
  const segN = segments.n;
  const sStart = segments.start;
  const sEnd = segments.end;
  const sKind = segments.kind;
  const sFirst = segments.first;

  // Connect the non-dense runs (4-connectivity); node segN is "outside the image".
  const parent = sc.forest(segN + 1);
  const OUT = segN;
  for (let r = 0; r < rows; r++) {
    const a0 = sFirst[r]!;
    const a1 = sFirst[r + 1]!;
    for (let i = a0; i < a1; i++) {
      if (sKind[i] === DENSE) continue;
      if (r === 0 || r === rows - 1 || sStart[i] === 0 || sEnd[i] === cols - 1) union(parent, i, OUT);
    }
    if (r === 0) continue;
    let i = sFirst[r - 1]!;
    const i1 = a0;
    let j = a0;
    while (i < i1 && j < a1) {
      if (sKind[i] !== DENSE && sKind[j] !== DENSE && sStart[i]! <= sEnd[j]! && sStart[j]! <= sEnd[i]!) union(parent, i, j);
      if (sEnd[i]! < sEnd[j]!) i++;
      else j++;
    }
  }
  // Holes: non-dense runs not connected to the outside. Flat, wide holes are couch cores: not filled.
  const outRoot = find(parent, OUT);
  const holeTop = new Map<number, number[]>(); // root → [top, bottom, left, right]
  for (let r = 0; r < rows; r++) {
    for (let i = sFirst[r]!; i < sFirst[r + 1]!; i++) {
      if (sKind[i] === DENSE) continue;
      const root = find(parent, i);
      if (root === outRoot) continue;
      const box = holeTop.get(root);
      if (!box) holeTop.set(root, [r, r, sStart[i]!, sEnd[i]!]);
      else {
        box[1] = r;
        if (sStart[i]! < box[2]!) box[2] = sStart[i]!;
        if (sEnd[i]! > box[3]!) box[3] = sEnd[i]!;
      }
    }
  }
  const unfilledRoots = new Set<number>();
  // The couch (step 4): its top row and vertical centre, from a couch core here or a flat part later.
  const couch: Couch = { top: Infinity, centre: -Infinity };
  for (const [root, [t, b, l, rr]] of holeTop) {
    const widthMm = (rr! - l! + 1) * colSp;
    const heightMm = (b! - t! + 1) * rowSp;
    if (widthMm >= COUCH_CORE_MIN_WIDTH_MM && widthMm >= COUCH_ASPECT * heightMm) {
      unfilledRoots.add(root);
      if ((t! + b!) / 2 > couch.centre) {
        couch.centre = (t! + b!) / 2;
        couch.top = t!;
      }
    }
  }
  const isOutside = new Uint8Array(segN);
  for (let i = 0; i < segN; i++) {
    if (sKind[i] === DENSE) continue;
    const root = find(parent, i);
    if (root === outRoot || unfilledRoots.has(root)) isOutside[i] = 1;
  }

  // Filled mask: dense runs and hole runs, merged.
  for (let r = 0; r < rows; r++) {
    filled.first[r] = filled.n;
    let open = -1;
    let end = -1;
    for (let i = sFirst[r]!; i < sFirst[r + 1]!; i++) {
      const inMask = sKind[i] === DENSE || isOutside[i] === 0;
      if (inMask) {
        if (open < 0) open = sStart[i]!;
        end = sEnd[i]!;
      } else if (open >= 0) {
        filled.push(open, end, 0);
        open = -1;
      }
    }
    if (open >= 0) filled.push(open, end, 0);
  }
  filled.first[rows] = filled.n;
  yield;
  return { isOutside, couch };
}

/** 3. Opening: erode with the disk, label the cores (8-connected), and measure each part. */
function* openAndLabel(sc: Scratch, s: Slice): Generator<void, Parts, void> {
  const { rows } = s;
  const { filled, cores } = sc;
  const rxPx = OPEN_RADIUS_MM / s.colSp;
  const ryPx = OPEN_RADIUS_MM / s.rowSp;
  const disk = diskHalfWidths(rxPx, ryPx);
  erode(sc, filled, disk, rows, cores);
  const cN = cores.n;
  const parent = sc.forest(cN);
  for (let r = 1; r < rows; r++) {
    let i = cores.first[r - 1]!;
    const i1 = cores.first[r]!;
    let j = i1;
    const j1 = cores.first[r + 1]!;
    while (i < i1 && j < j1) {
      if (cores.start[i]! <= cores.end[j]! + 1 && cores.start[j]! <= cores.end[i]! + 1) union(parent, i, j);
      if (cores.end[i]! < cores.end[j]!) i++;
      else j++;
    }
  }
  // Part statistics by root.
  const partOf = new Int32Array(cN);
  const stats: Parts['stats'] = [];
  const partIndex = new Map<number, number>();
  for (let r = 0; r < rows; r++) {
    for (let i = cores.first[r]!; i < cores.first[r + 1]!; i++) {
      const root = find(parent, i);
      let k = partIndex.get(root);
      const len = cores.end[i]! - cores.start[i]! + 1;
      if (k === undefined) {
        k = stats.length;
        partIndex.set(root, k);
        stats.push({ top: r, bottom: r, left: cores.start[i]!, right: cores.end[i]!, area: 0, rowSum: 0 });
      }
      const st = stats[k]!;
      st.bottom = r;
      if (cores.start[i]! < st.left) st.left = cores.start[i]!;
      if (cores.end[i]! > st.right) st.right = cores.end[i]!;
      st.area += len;
      st.rowSum += r * len;
      partOf[i] = k;
    }
  }
  yield;
  return { disk, rxPx, ryPx, partOf, stats };
}

/**
 * 4. Keep the body parts (null when there is no body). Extents are those of the opened part (core grown by the
 * radius). Updates `couch` with a flat part lower than a couch core.
 */
function keepBodyParts(s: Slice, p: Parts, couch: Couch): Kept | null {
  const { rowSp, colSp } = s;
  const { rxPx, ryPx, stats, partOf } = p;
  const minCorePx = MIN_CORE_AREA_MM2 / s.pixelAreaMm2;
  const isCouchShaped = (k: number) => {
    const st = stats[k]!;
    return (st.right - st.left + 1 + 2 * rxPx) * colSp >= COUCH_ASPECT * (st.bottom - st.top + 1 + 2 * ryPx) * rowSp;
  };
  // The patient lies on the couch: parts whose centroid is below the top of the lowest wide, flat part or
  // couch core are its supports. NOTE: this assumes the couch at the bottom of the stored matrix, i.e. the
  // slice in the scanner's frame as CT stores it (ImageOrientationPatient describes the patient in it);
  // a flipped image loses only this rule — a flat couch above the body is still left out by shape.
  for (let k = 0; k < stats.length; k++) {
    const st = stats[k]!;
    if ((st.right - st.left + 1) * colSp >= COUCH_CORE_MIN_WIDTH_MM && isCouchShaped(k) && st.rowSum / st.area > couch.centre) {
      couch.centre = st.rowSum / st.area;
      couch.top = st.top - ryPx;
    }
  }
  const belowCouch = (k: number) => stats[k]!.rowSum / stats[k]!.area > couch.top;
  let body = -1;
  for (let k = 0; k < stats.length; k++) {
    const st = stats[k]!;
    if (st.area >= minCorePx && !isCouchShaped(k) && !belowCouch(k) && (body < 0 || st.area > stats[body]!.area)) body = k;
  }
  if (body < 0) return null;
  const spanTop = stats[body]!.top - ryPx;
  const spanBottom = stats[body]!.bottom + ryPx;
  const selectedPart = new Uint8Array(stats.length);
  let parts = 0;
  for (let k = 0; k < stats.length; k++) {
    const st = stats[k]!;
    const centroidRow = st.rowSum / st.area;
    if (k === body || (st.area >= minCorePx && centroidRow >= spanTop && centroidRow <= spanBottom && !belowCouch(k))) {
      selectedPart[k] = 1;
      parts++;
    }
  }
  const keep = new Uint8Array(partOf.length);
  for (let i = 0; i < partOf.length; i++) keep[i] = selectedPart[partOf[i]!]!;
  return { keep, parts };
}

/** 5. The opened body parts, and the margin reach around them. */
function* growKeptParts(sc: Scratch, s: Slice, p: Parts, kept: Kept): Generator<void, void, void> {
  const { rows, cols, rowSp, colSp } = s;
  dilate(sc, sc.cores, kept.keep, p.disk, rows, cols, sc.opened);
  // The margin reach: the opened parts grown by the margin (a disk grown by a disk is the larger disk).
  const marginMm = Math.max(EDGE_MARGIN_MM, 3 * Math.max(rowSp, colSp));
  dilate(sc, sc.opened, null, diskHalfWidths(marginMm / colSp, marginMm / rowSp), rows, cols, sc.ring);
  yield;
}

/** 6. Sum over the ROI, row by row; drop couch rows under a contact; flag truncation. */
function sumRoi(sc: Scratch, slice: Slice, holes: Holes, p: Parts, kept: Kept): WaterEquivalentDiameterResult {
  const { hu, rows, cols, pixelAreaMm2, pad } = slice;
  const { filled, opened, ring } = sc;
  const { start: sStart, end: sEnd, kind: sKind, first: sFirst } = sc.segments;
  const { isOutside } = holes;
  const { rxPx, stats } = p;
  const { parts } = kept;
  const hasPad = pad !== undefined && Number.isFinite(pad);
  const padValue = hasPad ? pad! : NaN;
  const circle = slice.circle;
  const maxExcess = 2 * rxPx;
  let n = 0;
  let sumHu = 0;
  let nBody = 0;
  let sumBodyHu = 0;
  let truncated = false;
  let touchesEdge = false;
  const dropped = new Uint8Array(Math.max(1, opened.n));
  for (let r = 0; r < rows; r++) {
    // 5. Couch contact: a filled run mostly not covered by the opened parts, continuing on both sides.
    let o = opened.first[r]!;
    const o1 = opened.first[r + 1]!;
    for (let f = filled.first[r]!; f < filled.first[r + 1]! && o < o1; f++) {
      const fa = filled.start[f]!;
      const fb = filled.end[f]!;
      while (o < o1 && opened.end[o]! < fa) o++;
      const oFirst = o;
      let covered = 0;
      let lo = Infinity;
      let hi = -Infinity;
      while (o < o1 && opened.start[o]! <= fb) {
        const s = Math.max(fa, opened.start[o]!);
        const e = Math.min(fb, opened.end[o]!);
        if (s <= e) {
          covered += e - s + 1;
          if (s < lo) lo = s;
          if (e > hi) hi = e;
        }
        if (opened.end[o]! > fb) break;
        o++;
      }
      if (covered > 0 && 2 * covered < fb - fa + 1 && lo - fa > maxExcess && fb - hi > maxExcess) {
        for (let q = oFirst; q <= Math.min(o, o1 - 1); q++) if (opened.start[q]! >= fa && opened.end[q]! <= fb) dropped[q] = 1;
      }
    }

    const base = r * cols;
    let cLo = 0;
    let cHi = cols - 1;
    if (circle) {
      const dy = r - circle.centerRowPx;
      const h2 = circle.radiusPx * circle.radiusPx - dy * dy;
      if (h2 < 0) continue;
      const h = Math.sqrt(h2);
      cLo = Math.max(0, Math.ceil(circle.centerColPx - h));
      cHi = Math.min(cols - 1, Math.floor(circle.centerColPx + h));
    }
    // Opened body pixels (valid ones).
    for (let q = opened.first[r]!; q < o1; q++) {
      if (dropped[q]) continue;
      const a = Math.max(cLo, opened.start[q]!);
      const b = Math.min(cHi, opened.end[q]!);
      for (let c = a; c <= b; c++) {
        const v = hu[base + c]!;
        if (v >= MIN_MEASURED_HU && v !== padValue) {
          n++;
          sumHu += v;
          nBody++;
          sumBodyHu += v;
        }
      }
      if (opened.start[q] === 0 || opened.end[q] === cols - 1 || r === 0 || r === rows - 1) touchesEdge = true;
      if (!truncated) {
        for (let rr = Math.max(0, r - 1); rr <= Math.min(rows - 1, r + 1) && !truncated; rr++) {
          for (let i = sFirst[rr]!; i < sFirst[rr + 1]!; i++) {
            if (sKind[i] === INVALID && sStart[i]! <= opened.end[q]! + 1 && sEnd[i]! >= opened.start[q]! - 1) {
              truncated = true;
              break;
            }
          }
        }
      }
    }
    // Margin: low, not-filled pixels within reach of the body parts, outside the opened body.
    let s = sFirst[r]!;
    const s1 = sFirst[r + 1]!;
    for (let q = ring.first[r]!; q < ring.first[r + 1]!; q++) {
      const ra = ring.start[q]!;
      const rb = ring.end[q]!;
      while (s < s1 && sEnd[s]! < ra) s++;
      for (let i = s; i < s1 && sStart[i]! <= rb; i++) {
        if (sKind[i] !== LOW || isOutside[i] === 0) continue;
        const a = Math.max(ra, sStart[i]!);
        const b = Math.min(rb, sEnd[i]!);
        for (let c = a; c <= b; c++) {
          n++;
          sumHu += hu[base + c]!;
        }
      }
    }
  }
  const warnings: DwWarning[] = [];
  if (truncated) warnings.push('truncated-by-reconstruction-circle');
  if (touchesEdge) warnings.push('touches-image-edge');
  if (n === 0) return emptyResult(warnings, stats.length - parts);
  const areaMm2 = n * pixelAreaMm2;
  const meanHu = sumHu / n;
  const awMm2 = (meanHu / 1000 + 1) * areaMm2; // AAPM 220: Aw = (mean HU/1000 + 1)·A_ROI
  if (!(awMm2 > 0)) return emptyResult(warnings, stats.length - parts);
  return {
    dwCm: (2 * Math.sqrt(awMm2 / Math.PI)) / 10, // AAPM 220: Dw = 2·√(Aw/π), mm → cm
    areaCm2: (nBody * pixelAreaMm2) / 100,
    meanHu: nBody > 0 ? sumBodyHu / nBody : null,
    roiAreaCm2: areaMm2 / 100,
    roiMeanHu: meanHu,
    warnings,
    parts,
    excludedParts: stats.length - parts,
    methodCode: SSDE_METHOD_CODE.waterEquivalentDiameter,
    source: 'AAPM 220',
  };
}

/**
 * Which slice to measure. AAPM Report 220 computes Dw on axial CT images of the patient; Leng et al.
 * (Radiology 2015;276:184) found Dw at the centre of the scan range × mean CTDIvol within ~9% of the
 * full SSDE for chest/abdomen/pelvis ranges. So: the slice nearest the z-midpoint (along the slice normal,
 * from ImagePositionPatient) of an ORIGINAL/PRIMARY/AXIAL CT series — never a localizer (its value 3 is
 * LOCALIZER) and never a dose-screen capture (Secondary Capture, or DERIVED/SECONDARY images).
 */

export const SOP_CLASS_CT_IMAGE = '1.2.840.10008.5.1.4.1.1.2';

export type ImageKindVerdict =
  | 'axial'
  | 'localizer'
  | 'derived-or-secondary' // reformats, dose screens saved as images, screen captures
  | 'not-ct-image'; // another SOP class (Secondary Capture dose screens, SR, enhanced multi-frame …)

/** Judges one image by its SOP class and ImageType (0008,0008). */
export function judgeImage(sopClassUid: string | null, imageType: readonly string[] | null): ImageKindVerdict {
  if (sopClassUid !== null && sopClassUid !== SOP_CLASS_CT_IMAGE) return 'not-ct-image';
  const [pixelData, patientExam, flavour] = (imageType ?? []).map((v) => v.trim().toUpperCase());
  if (flavour === 'LOCALIZER') return 'localizer';
  if (pixelData !== 'ORIGINAL' || patientExam !== 'PRIMARY') return 'derived-or-secondary';
  return flavour === 'AXIAL' ? 'axial' : 'derived-or-secondary';
}

export interface SliceGeometry {
  /** Orthanc instance id or SOPInstanceUID: whatever the caller fetches the frame by. */
  id: string;
  position: readonly number[] | null; // ImagePositionPatient
  orientation: readonly number[] | null; // ImageOrientationPatient
}

export interface ChosenSlice<T extends SliceGeometry> {
  slice: T;
  /** Position along the slice normal, mm. */
  zMm: number;
  /** 1-based rank along z, and how many slices had a position. */
  index: number;
  count: number;
}

function normalOf(orientation: readonly number[] | null): [number, number, number] | null {
  if (!orientation || orientation.length !== 6) return null;
  const [rx, ry, rz, cx, cy, cz] = orientation as [number, number, number, number, number, number];
  const n: [number, number, number] = [ry * cz - rz * cy, rz * cx - rx * cz, rx * cy - ry * cx];
  const len = Math.hypot(...n);
  return len > 0.5 ? [n[0] / len, n[1] / len, n[2] / len] : null;
}

/**
 * True when the orientation is transverse: the slice normal within ~37° of the patient's z axis,
 * which keeps gantry-tilted axial scans and refuses sagittal/coronal reformats.
 */
export function isTransverse(orientation: readonly number[] | null): boolean {
  const n = normalOf(orientation);
  return n !== null && Math.abs(n[2]) >= 0.8;
}

/** Orders the slices along their normal; slices without a usable position or with another orientation are left out. */
export function orderAlongZ<T extends SliceGeometry>(slices: readonly T[]): { slice: T; zMm: number }[] {
  const reference = slices.map((s) => normalOf(s.orientation)).find((n) => n !== null);
  if (!reference) return [];
  const out: { slice: T; zMm: number }[] = [];
  for (const slice of slices) {
    const p = slice.position;
    const n = normalOf(slice.orientation) ?? reference;
    if (!p || p.length !== 3 || !p.every(Number.isFinite)) continue;
    if (Math.abs(n[0] * reference[0] + n[1] * reference[1] + n[2] * reference[2]) < 0.999) continue;
    out.push({ slice, zMm: p[0]! * reference[0] + p[1]! * reference[1] + p[2]! * reference[2] });
  }
  return out.sort((a, b) => a.zMm - b.zMm);
}

/** The slice nearest the z-midpoint of the series; null when no slice has a position. */
export function chooseMidSlice<T extends SliceGeometry>(slices: readonly T[]): ChosenSlice<T> | null {
  const ordered = orderAlongZ(slices);
  if (ordered.length === 0) return null;
  const mid = (ordered[0]!.zMm + ordered[ordered.length - 1]!.zMm) / 2;
  let best = 0;
  for (let i = 1; i < ordered.length; i++) {
    if (Math.abs(ordered[i]!.zMm - mid) < Math.abs(ordered[best]!.zMm - mid)) best = i;
  }
  return { slice: ordered[best]!.slice, zMm: ordered[best]!.zMm, index: best + 1, count: ordered.length };
}

/**
 * `n` slices spread evenly over the scan range (for "SSDE along the scan", CID 10023 113989): the ends of
 * the range and equal steps between, each the nearest slice, without repeats.
 */
export function chooseSlicesAlongScan<T extends SliceGeometry>(slices: readonly T[], n: number): ChosenSlice<T>[] {
  const ordered = orderAlongZ(slices);
  if (ordered.length === 0 || n < 1) return [];
  const picks = new Set<number>();
  const count = Math.min(n, ordered.length);
  for (let k = 0; k < count; k++) {
    picks.add(count === 1 ? Math.floor((ordered.length - 1) / 2) : Math.round((k * (ordered.length - 1)) / (count - 1)));
  }
  return [...picks].sort((a, b) => a - b).map((i) => ({
    slice: ordered[i]!.slice,
    zMm: ordered[i]!.zMm,
    index: i + 1,
    count: ordered.length,
  }));
}

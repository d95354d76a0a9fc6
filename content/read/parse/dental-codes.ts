/**
 * Dental procedure codes that are imaging (ADA CDT, "Diagnostic — Diagnostic imaging" D0210–D0709) → the DICOM
 * modality of the images they make:
 * - intraoral images → IO: D0210 complete series, D0220/D0230 periapical, D0240 occlusal, D0270–D0277 bitewings,
 *   D0706–D0709 intraoral image capture;
 * - extraoral panoramic and cephalometric images → PX: D0330 panoramic, D0340 cephalometric, D0701/D0702 capture;
 * - cone-beam CT → CT: D0364–D0368 (capture with interpretation), D0380–D0386 (capture only).
 * Codes outside these ranges (exams, photographs, interpretation only) are not imaging here.
 */
import type { ModalityCode } from '../types';

const CODE = /\bD0(\d{3})\b/;

/** The modality of the first dental imaging code in `text`, with the code as written; null when there is none. */
export function dentalImagingCode(text: string): { code: string; modality: ModalityCode } | null {
  const m = CODE.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const modality = modalityOf(n);
  return modality ? { code: `D0${m[1]}`, modality } : null;
}

function modalityOf(n: number): ModalityCode | null {
  if (n === 210 || n === 220 || n === 230 || n === 240 || (n >= 270 && n <= 277) || (n >= 706 && n <= 709)) return 'IO';
  if (n === 330 || n === 340 || n === 701 || n === 702) return 'PX';
  if ((n >= 364 && n <= 368) || (n >= 380 && n <= 386)) return 'CT';
  return null;
}

/**
 * Body weight as screens print it: `20 kg`, `44 lb`, `44 lbs 3 oz`, `3200 g`, `3,200 g`, `20,5 kg`.
 * - The unit is kept as read; kg is derived (1 lb = 0.45359237 kg exactly, international avoirdupois pound,
 *   1959 agreement / NIST SP 811 B.8; 1 oz = 1/16 lb).
 * - A bare number has no unit (`unit: null`, `kg: null`) unless the source implies one: DICOM PatientWeight
 *   (0010,1030) is in kg (PS3.3 C.7.2.2).
 * - A comma followed by exactly three digits is a thousands separator (`3,200 g`); otherwise it is a decimal comma.
 * - Weights outside (0, 500] kg are rejected as misreads.
 */
import type { WeightReading } from '../types';

export const KG_PER_LB = 0.45359237;
const MAX_KG = 500;

const WEIGHT_RE =
  /(?<![\d.,-])(\d+(?:[.,]\d+)?)\s*(kilograms?|kilos?|kgs?|pounds?|lbs?|#|grams?|gr|g)(?![a-z])(?:\s*(\d+(?:[.,]\d+)?)\s*(?:oz|ounces?)(?![a-z]))?/i;
const BARE_RE = /^\s*(\d+(?:[.,]\d+)?)\s*$/;

function toNumber(s: string): number {
  if (/^\d{1,3},\d{3}$/.test(s)) return Number(s.replace(',', ''));
  return Number(s.replace(',', '.'));
}

/**
 * The first weight in `text`. `impliedUnit` applies to a bare number only.
 * @example parseWeight('44 lb') //=> { value: 44, unit: 'lb', kg: 19.958…, date: null }
 */
export function parseWeight(text: string, impliedUnit?: 'kg' | 'lb' | 'g'): WeightReading | null {
  if (!text) return null;
  const m = WEIGHT_RE.exec(text);
  let value: number;
  let unit: WeightReading['unit'];
  let ounces = 0;
  if (m) {
    value = toNumber(m[1]!);
    const u = m[2]!.toLowerCase();
    unit = u.startsWith('k') ? 'kg' : u.startsWith('p') || u.startsWith('l') || u === '#' ? 'lb' : 'g';
    if (m[3] && unit === 'lb') ounces = toNumber(m[3]);
  } else {
    const bare = BARE_RE.exec(text);
    if (!bare) return null;
    value = toNumber(bare[1]!);
    unit = impliedUnit ?? null;
  }
  if (!Number.isFinite(value) || value <= 0) return null;
  const kg =
    unit === 'kg' ? value : unit === 'lb' ? (value + ounces / 16) * KG_PER_LB : unit === 'g' ? value / 1000 : null;
  if (kg !== null && kg > MAX_KG) return null;
  return { value: ounces ? value + ounces / 16 : value, unit, kg, date: null };
}

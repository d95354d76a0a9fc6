/**
 * @file Size-specific dose estimate (SSDE) for CT: one entry point, `ssde()`, over AAPM Reports 204
 * (body; Tables 1A–1D, 2A–2D, 3), 220 (water-equivalent diameter as the size) and 293 (head).
 *
 * Rules (docs/reference/ssde.md §1–3):
 * - SSDE = f(D) × CTDIvol, with f chosen by the phantom CTDIvol is referenced to (16 or 32 cm), never
 *   guessed from "head vs body". An unknown phantom gives two labelled candidates, never one number.
 * - Head exams need Dw and CTDIvol referenced to the 16 cm phantom (Report 293); body methods are never
 *   applied to the head.
 * - Age-based size (Table 3) is for body CT only: abdomen/pelvis, chest with the report's < 20 % caveat.
 * - Outside a table's or fit's range the result says so; nothing is extrapolated.
 */
import {
  conversionFactor,
  conversionFactorSource,
  effectiveDiameterFromAge,
  effectiveDiameterFromAp,
  effectiveDiameterFromApLat,
  effectiveDiameterFromLat,
  effectiveDiameterFromSum,
  SSDE_METHOD_CODE,
  type EffectiveDiameter,
  type PhantomCm,
  type SsdeMethodCode,
} from './aapm-204';
import { HEAD_FACTOR_SOURCE, headConversionFactor } from './aapm-293';

// The per-report functions are part of this module's API (other modules and the acceptance tests import them from here).
export * from './aapm-204';
export * from './aapm-293';

/** One patient-size input. Dw is preferred (AAPM 220 Appendix A: the 204 factors assume water-equivalent size). */
export type SizeInput =
  | { metric: 'dw'; dwCm: number }
  | { metric: 'ap-lat'; apCm: number; latCm: number }
  | { metric: 'ap'; apCm: number }
  | { metric: 'lat'; latCm: number }
  | { metric: 'sum'; sumCm: number }
  | { metric: 'age'; ageYears: number };

/** Body part of a body CT, for the age rule and the chest caveat. */
export type BodyPart = 'abdomen-pelvis' | 'chest' | 'chest-abdomen-pelvis' | 'other';

export interface SsdeInput {
  /** CTDIvol in mGy as reported by the scanner. */
  ctdiVolMGy: number;
  /** The phantom the CTDIvol is referenced to, from the data (CTDIPhantomTypeCodeSequence), or 'unknown'. */
  phantom: PhantomCm | 'unknown';
  /** Head exams use Report 293; everything else is body (Report 204). */
  region: 'body' | 'head';
  /** For body CT, when known. */
  bodyPart?: BodyPart;
  size: SizeInput;
}

/** One SSDE value with everything needed to show where it came from. */
export interface SsdeEstimate {
  ssdeMGy: number;
  /** The conversion factor f actually applied. */
  conversionFactor: number;
  phantomCm: PhantomCm;
  /** The size the factor was evaluated at. */
  diameterCm: number;
  diameterKind: 'water-equivalent' | 'effective';
  /** DICOM CID 10023 code (113988 for Dw, 113934–113937 for the 204 tables), null for √(AP·LAT). */
  methodCode: SsdeMethodCode | null;
  /** Short method label, e.g. 'Dw 16 cm' or 'AP+LAT 40 cm'. */
  method: string;
  /** Source label for the UI, e.g. 'AAPM 204 Table 1A/2A → Table 1D' or 'AAPM 220 → AAPM 293'. */
  source: string;
}

/**
 * Notes the UI shows next to a number (text in locales `clinical.ssde.caveat.*`):
 * - `age-based-estimate`: size estimated from age (Table 3), not measured;
 * - `chest-approximate`: 204 factors were derived for abdomen/pelvis; in the chest errors < 20 % are anticipated;
 * - `derived-for-abdomen-pelvis`: body part other than chest/abdomen/pelvis;
 * - `interpolated`: the size lies between two printed table rows.
 */
export type SsdeCaveat = 'age-based-estimate' | 'chest-approximate' | 'derived-for-abdomen-pelvis' | 'interpolated';

/** Why no SSDE is given (text in locales `clinical.ssde.refusal.*`). */
export type SsdeRefusalReason =
  | 'invalid-ctdivol'
  | 'invalid-size'
  | 'outside-range'
  /** Head Dw outside the span in which the AAPM 293 factor is given here (HEAD_DW_RANGE_CM; not the report's range). */
  | 'head-outside-span'
  | 'head-needs-dw'
  | 'head-needs-16cm-phantom'
  | 'age-body-only';

export interface SsdeRefusal {
  reason: SsdeRefusalReason;
  /** English detail for logs and tooltips (e.g. the range that was exceeded). */
  message: string;
}

export interface SsdeCandidate {
  phantomCm: PhantomCm;
  estimate: SsdeEstimate | null;
  refusal: SsdeRefusal | null;
}

export type SsdeResult =
  | { status: 'ok'; estimate: SsdeEstimate; caveats: SsdeCaveat[] }
  /** The phantom is unknown: one candidate per phantom (16 cm first), labelled; never one guessed number. */
  | { status: 'phantom-unknown'; candidates: [SsdeCandidate, SsdeCandidate]; caveats: SsdeCaveat[] }
  | ({ status: 'refused' } & SsdeRefusal);

const TORSO: readonly BodyPart[] = ['abdomen-pelvis', 'chest', 'chest-abdomen-pelvis'];

function refuse(reason: SsdeRefusalReason, message: string): SsdeResult {
  return { status: 'refused', reason, message };
}

/** The size as a diameter: Dw is taken as is; the other metrics go through the 204 size tables. */
function sizeToDiameter(size: SizeInput): { d: EffectiveDiameter; kind: 'water-equivalent' | 'effective' } {
  switch (size.metric) {
    case 'dw':
      if (!Number.isFinite(size.dwCm) || size.dwCm <= 0) throw new RangeError(`Dw must be a positive number of cm, got ${size.dwCm}`);
      return {
        d: {
          diameterCm: size.dwCm,
          methodCode: SSDE_METHOD_CODE.waterEquivalentDiameter,
          method: `Dw ${size.dwCm} cm`,
          source: 'AAPM 220',
          interpolated: false,
        },
        kind: 'water-equivalent',
      };
    case 'ap-lat':
      return { d: effectiveDiameterFromApLat(size.apCm, size.latCm), kind: 'effective' };
    case 'ap':
      return { d: effectiveDiameterFromAp(size.apCm), kind: 'effective' };
    case 'lat':
      return { d: effectiveDiameterFromLat(size.latCm), kind: 'effective' };
    case 'sum':
      return { d: effectiveDiameterFromSum(size.sumCm), kind: 'effective' };
    case 'age':
      return { d: effectiveDiameterFromAge(size.ageYears), kind: 'effective' };
  }
}

function estimateFor(
  ctdiVolMGy: number,
  phantomCm: PhantomCm,
  region: 'body' | 'head',
  d: EffectiveDiameter,
  kind: 'water-equivalent' | 'effective',
): SsdeCandidate {
  if (region === 'head' && phantomCm !== 16) {
    return {
      phantomCm,
      estimate: null,
      refusal: {
        reason: 'head-needs-16cm-phantom',
        message: 'AAPM 293 head factors apply to CTDIvol referenced to the 16 cm phantom only',
      },
    };
  }
  let f: number;
  try {
    f = region === 'head' ? headConversionFactor(d.diameterCm) : conversionFactor(d.diameterCm, phantomCm);
  } catch (e) {
    return { phantomCm, estimate: null, refusal: { reason: region === 'head' ? 'head-outside-span' : 'outside-range', message: (e as Error).message } };
  }
  const factorSource = region === 'head' ? HEAD_FACTOR_SOURCE : conversionFactorSource(phantomCm);
  const sizeSource = d.source.replace(/^AAPM 204 /, '');
  return {
    phantomCm,
    estimate: {
      ssdeMGy: f * ctdiVolMGy,
      conversionFactor: f,
      phantomCm,
      diameterCm: d.diameterCm,
      diameterKind: kind,
      methodCode: d.methodCode,
      method: d.method,
      // e.g. 'AAPM 204 Table 1A/2A → Table 1D', 'AAPM 220 → AAPM 204 Table 2D', 'AAPM 220 → AAPM 293'
      source: d.source.startsWith('AAPM 204') && factorSource.startsWith('AAPM 204')
        ? `${d.source} → ${factorSource.replace(/^AAPM 204 /, '')}`
        : `${sizeSource} → ${factorSource}`,
    },
    refusal: null,
  };
}

/**
 * @name ssde
 * @category SSDE
 * @summary Size-specific dose estimate from CTDIvol, the CTDI phantom, the region and one size input.
 *
 * @description
 * - Body: SSDE = f(D) × CTDIvol with AAPM 204 Table 1D (32 cm) or 2D (16 cm); D = Dw (AAPM 220, code
 *   113988) or the effective diameter from AP+LAT (113936), LAT (113934), AP (113935), age (113937), or
 *   √(AP·LAT) (no code).
 * - Head: Dw only, CTDIvol referenced to the 16 cm phantom, AAPM 293.
 * - Phantom unknown: `status: 'phantom-unknown'` with both candidates (they differ about 2×).
 * - Anything outside a published range, a non-finite input, a head exam without Dw or with the 32 cm
 *   phantom, or an age-based size for a head or non-torso exam gives `status: 'refused'` with a reason.
 *
 * @param input - CTDIvol (mGy), phantom, region, optional body part, size
 * @returns an estimate, two labelled candidates, or a refusal — never a thrown error
 *
 * @example
 * // AP 15 cm, LAT 20 cm, CTDIvol 5 mGy (32 cm phantom)?
 * ssde({ ctdiVolMGy: 5, phantom: 32, region: 'body', size: { metric: 'ap-lat', apCm: 15, latCm: 20 } })
 * //=> { status: 'ok', estimate: { ssdeMGy: 9.81…, conversionFactor: 1.96…, methodCode: null, … }, caveats: [] }
 */
export function ssde(input: SsdeInput): SsdeResult {
  const { ctdiVolMGy, phantom, region, bodyPart, size } = input;
  if (typeof ctdiVolMGy !== 'number' || !Number.isFinite(ctdiVolMGy) || ctdiVolMGy < 0) {
    return refuse('invalid-ctdivol', `CTDIvol must be a finite, non-negative number of mGy, got ${String(ctdiVolMGy)}`);
  }
  if (phantom !== 16 && phantom !== 32 && phantom !== 'unknown') {
    return refuse('invalid-size', `phantom must be 16, 32 or 'unknown', got ${String(phantom)}`);
  }
  if (region === 'head' && size.metric !== 'dw') {
    return refuse('head-needs-dw', 'head SSDE (AAPM 293) needs the water-equivalent diameter Dw; body size tables are not applied to the head');
  }
  if (size.metric === 'age' && (region !== 'body' || (bodyPart !== undefined && !TORSO.includes(bodyPart)))) {
    return refuse('age-body-only', 'age-based size (AAPM 204 Table 3) is for body CT of the chest, abdomen or pelvis only');
  }
  if (region === 'head' && phantom === 32) {
    return refuse('head-needs-16cm-phantom', 'AAPM 293 head factors apply to CTDIvol referenced to the 16 cm phantom only');
  }

  let sized: ReturnType<typeof sizeToDiameter>;
  try {
    sized = sizeToDiameter(size);
  } catch (e) {
    return refuse(e instanceof RangeError ? 'outside-range' : 'invalid-size', (e as Error).message);
  }

  const caveats: SsdeCaveat[] = [];
  if (size.metric === 'age') caveats.push('age-based-estimate');
  if (region === 'body' && (bodyPart === 'chest' || bodyPart === 'chest-abdomen-pelvis')) caveats.push('chest-approximate');
  if (region === 'body' && bodyPart === 'other') caveats.push('derived-for-abdomen-pelvis');
  if (sized.d.interpolated) caveats.push('interpolated');

  if (phantom === 'unknown') {
    return {
      status: 'phantom-unknown',
      candidates: [
        estimateFor(ctdiVolMGy, 16, region, sized.d, sized.kind),
        estimateFor(ctdiVolMGy, 32, region, sized.d, sized.kind),
      ],
      caveats,
    };
  }
  const one = estimateFor(ctdiVolMGy, phantom, region, sized.d, sized.kind);
  if (!one.estimate) return { status: 'refused', ...one.refusal! };
  return { status: 'ok', estimate: one.estimate, caveats };
}

/** Locale keys (section `clinical:` of locales/*.yml) for each caveat. */
export const SSDE_CAVEAT_MESSAGE_KEY: Readonly<Record<SsdeCaveat, string>> = {
  'age-based-estimate': 'clinical.ssdeCaveat.ageBasedEstimate',
  'chest-approximate': 'clinical.ssdeCaveat.chestApproximate',
  'derived-for-abdomen-pelvis': 'clinical.ssdeCaveat.derivedForAbdomenPelvis',
  interpolated: 'clinical.ssdeCaveat.interpolated',
};

/** Locale keys for each refusal reason; `phantom-unknown` results use `clinical.ssdePhantomUnknown` and `clinical.ssdePhantomCandidate` ($1 = 16 or 32). */
export const SSDE_REFUSAL_MESSAGE_KEY: Readonly<Record<SsdeRefusalReason, string>> = {
  'invalid-ctdivol': 'clinical.ssdeRefusal.invalidCtdivol',
  'invalid-size': 'clinical.ssdeRefusal.invalidSize',
  'outside-range': 'clinical.ssdeRefusal.outsideRange',
  'head-outside-span': 'clinical.ssdeRefusal.headOutsideSpan',
  'head-needs-dw': 'clinical.ssdeRefusal.headNeedsDw',
  'head-needs-16cm-phantom': 'clinical.ssdeRefusal.headNeeds16cmPhantom',
  'age-body-only': 'clinical.ssdeRefusal.ageBodyOnly',
};

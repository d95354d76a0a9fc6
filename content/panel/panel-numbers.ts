/**
 * The numbers the panel shows for an exam, each with its source and units, from clinical/:
 * - CT of the trunk: the age-based SSDE estimate (AAPM 204 Table 3 → Table 1D/2D), only with
 *   CTDIvol and a known phantom on the page and the age at the exam or order date, labelled as an
 *   estimate with how far off it can be, and not when a size was measured on the exam's images;
 * - nuclear medicine: the guideline row for the child's weight (North American consensus
 *   guidelines) in MBq and mCi, and the EANM card as a second, labelled method, for the agents
 *   the exam's description names (nm-agents.ts);
 * - CT with CTDIvol: the position in each loaded reference-level table for this kind of exam.
 * Whatever cannot be given comes back as a note saying why.
 */
import { ACTIVITY_RULE_MESSAGE_KEY, MBQ_PER_MCI, naglActivity, NAGL_ROWS } from '@/clinical/nuclear-medicine';
import { eanmActivity, EANM_REFUSAL_MESSAGE_KEY, EANM_SETTINGS } from '@/clinical/eanm-dosage-card';
import { WEIGHT_NOTE_MESSAGE_KEY, WEIGHT_REFUSAL_MESSAGE_KEY } from '@/clinical/patient-weight';
import {
  BUNDLED_REFERENCE_LEVEL_TABLES,
  compareWithReferenceLevels,
  type ReferenceLevelTable,
} from '@/clinical/reference-levels';
import { ssde, SSDE_CAVEAT_MESSAGE_KEY, SSDE_REFUSAL_MESSAGE_KEY, type BodyPart } from '@/clinical/ssde';
import type { PanelNumber } from './view-model';
import type { BodyRegion, PageAnalysis } from '@/content/read/types';
import { nmRowsFor, NM_WITHHELD_MESSAGE_KEY } from './nm-agents';

export type Translate = (key: string, ...args: unknown[]) => string;
export type Format = (value: number, digits: number) => string;

export interface NumbersResult {
  numbers: PanelNumber[];
  notes: string[];
}

const ageYears = (a: PageAnalysis) => (a.ageDays != null ? a.ageDays / 365.25 : null);

/** Body regions the AAPM 204 age table may size (body CT of the trunk). */
const BODY_PART: Partial<Record<BodyRegion, BodyPart>> = {
  abdomen: 'abdomen-pelvis',
  pelvis: 'abdomen-pelvis',
  'abdomen-pelvis': 'abdomen-pelvis',
  chest: 'chest',
  'chest-abdomen-pelvis': 'chest-abdomen-pelvis',
};

/**
 * The age-based SSDE (AAPM 204 Table 3 → Table 1D/2D): an estimate that was not measured on this child, so it
 * says how far off it can be. Children of one age differ widely in size (Kleinman et al., AJR 2010;194:1611:
 * "predicted individual patient size does not correlate well with age"); in 128 children aged 0.8–12.9 y the
 * conversion factor from the age-predicted size was off by 12.3 % on average (32 cm; 12.9 % for 16 cm) and by up
 * to 52.8 % (56.4 %) (J Digit Imaging 2013;26:1151, PubMed 23836080). Only with the age at the exam or the order
 * date (never today's age, which may be years after the exam), and not at all when a size was measured on this
 * exam's images (`measuredSize`: the PACS route's Dw-based SSDE is the number to use).
 */
export function ageSsdeNumber(a: PageAnalysis, t: Translate, fmt: Format, opts: { measuredSize?: boolean } = {}): NumbersResult {
  const bodyPart = a.region ? BODY_PART[a.region] : undefined;
  const years = ageYears(a);
  if (a.modality !== 'CT' || !bodyPart || !a.ctdi || a.ctdi.phantomCm == null || years == null) return { numbers: [], notes: [] };
  if (opts.measuredSize) return { numbers: [], notes: [] };
  if (a.ageBasis !== 'exam' && a.ageBasis !== 'order') return { numbers: [], notes: [t('panel.ssdeAgeNotAtExam')] };
  const result = ssde({
    ctdiVolMGy: a.ctdi.ctdiVolMGy,
    phantom: a.ctdi.phantomCm,
    region: 'body',
    bodyPart,
    size: { metric: 'age', ageYears: years },
  });
  if (result.status === 'refused') return { numbers: [], notes: [t(SSDE_REFUSAL_MESSAGE_KEY[result.reason])] };
  if (result.status !== 'ok') return { numbers: [], notes: [] };
  const e = result.estimate;
  const detail = [
    t('panel.ssdeDetail', [fmt(a.ctdi.ctdiVolMGy, 2), a.ctdi.source, fmt(e.conversionFactor, 2), fmt(e.diameterCm, 1), String(e.phantomCm)]),
    t('panel.ssdeAgeUncertainty'),
    ...result.caveats.filter((c) => c !== 'age-based-estimate').map((c) => t(SSDE_CAVEAT_MESSAGE_KEY[c])),
  ].join(' ');
  return {
    numbers: [{ id: 'ssde-age', label: t('panel.ssdeFromAge'), value: `${fmt(e.ssdeMGy, 1)} mGy`, detail, source: e.source, estimate: true }],
    notes: [],
  };
}

/** MBq to 0.1 below 100 MBq unless whole (a table minimum of 18.5 MBq is not printed as 19), else whole MBq. */
const mbqDigits = (mbq: number) => (mbq < 100 && Math.round(mbq * 10) % 10 !== 0 ? 1 : 0);
const mbqText = (mbq: number, mci: number, fmt: Format) => `${fmt(mbq, mbqDigits(mbq))} MBq (${fmt(mci, mci < 1 ? 2 : 1)} mCi)`;

export function nmNumbers(a: PageAnalysis, t: Translate, fmt: Format): NumbersResult {
  if (!a.campaigns.includes('nuclear-medicine')) return { numbers: [], notes: [] };
  const rows = nmRowsFor(a.examDescription);
  const notes = [
    ...rows.withheld.map((w) => t(NM_WITHHELD_MESSAGE_KEY[w])),
    ...rows.notShipped.map((name) => t('clinical.nm.notShipped', [name])),
  ];
  if (rows.nagl.length === 0 && rows.eanm.length === 0) {
    if (notes.length === 0) notes.push(t('panel.nmNoAgent'));
    return { numbers: [], notes };
  }
  if (!a.weight) return { numbers: [], notes: [...notes, t('panel.nmNoWeight')] };
  const weight = { value: a.weight.value, unit: a.weight.unit, date: a.weight.date };
  const ctx = { ageYears: ageYears(a) };
  const numbers: PanelNumber[] = [];
  const refusals = new Set<string>();

  for (const id of rows.nagl) {
    const row = NAGL_ROWS.find((r) => r.id === id)!;
    const r = naglActivity(id, weight, ctx, { optionalMinimum: rows.neonatalJaundice });
    if (!r.ok) {
      if (r.reason !== 'unknown-row') refusals.add(t(WEIGHT_REFUSAL_MESSAGE_KEY[r.reason]));
      continue;
    }
    const optional = r.optional && row.optionalMinimum
      ? t('clinical.nm.optionalMinimum', [t(row.optionalMinimum.whenKey), mbqText(r.optional.minMBq, r.optional.minMBq / MBQ_PER_MCI, fmt), mbqText(r.optional.mbq, r.optional.mci, fmt)])
      : null;
    numbers.push({
      id: `nm-${id}`,
      label: `${t('clinical.nm.guidelineRow')}: ${row.radiopharmaceutical}${row.variantKey ? ` (${t(row.variantKey)})` : ''}`,
      value: mbqText(r.mbq, r.mci, fmt),
      detail: [
        t('panel.nmWeight', [fmt(r.weightKg, 1), fmt(r.weightLb, 1)]),
        t(ACTIVITY_RULE_MESSAGE_KEY[r.rule]),
        ...(optional ? [optional] : []),
        ...r.notes.map((n) => t(WEIGHT_NOTE_MESSAGE_KEY[n])),
        t('clinical.nm.versionNote'),
      ].join(' '),
      source: `${r.source}; ${r.guidelineVersion}`,
      estimate: false,
    });
  }
  for (const id of rows.eanm) {
    const setting = EANM_SETTINGS.find((s) => s.id === id)!;
    const r = eanmActivity(id, weight, ctx);
    if (!r.ok) {
      if (r.reason === 'outside-card' || r.reason === 'card-row-conflict') {
        const sub = r.reason === 'card-row-conflict' ? [setting.class] : [];
        refusals.add(t(EANM_REFUSAL_MESSAGE_KEY[r.reason], sub));
      } else if (r.reason !== 'unknown-setting') refusals.add(t(WEIGHT_REFUSAL_MESSAGE_KEY[r.reason]));
      continue;
    }
    const interpolation = r.interpolated ? t('clinical.nm.eanmInterpolated', [String(r.cardRowsKg[0]), String(r.cardRowsKg[1])]) : null;
    numbers.push({
      id: `eanm-${id}`,
      label: `${t('clinical.nm.eanmMethod')}: ${setting.radiopharmaceutical}${setting.variantKey ? ` (${t(setting.variantKey)})` : ''}`,
      value: mbqText(r.mbq, r.mci, fmt),
      detail: [
        t('panel.nmWeight', [fmt(r.weightKg, 1), fmt(r.weightKg / 0.45359237, 1)]),
        t('panel.eanmDetail', [setting.class, fmt(setting.baselineMBq, 1), fmt(r.multiple, 2)]),
        ...(interpolation ? [interpolation] : []),
        ...(r.minimumApplied ? [t('clinical.nm.eanmMinimum')] : []),
        ...r.notes.map((n) => t(WEIGHT_NOTE_MESSAGE_KEY[n])),
      ].join(' '),
      source: r.source,
      estimate: false,
    });
  }
  return { numbers, notes: [...notes, ...refusals] };
}

/** Which trunk/head region a reference table describes, from its exam name; null when it does not say. */
function tableRegion(table: ReferenceLevelTable): 'head' | 'chest' | 'abdomen-pelvis' | null {
  const e = table.exam.toLowerCase();
  if (/\bhead\b|\bbrain\b|\bcran/.test(e)) return 'head';
  if (/\babdom|\bpelvi/.test(e)) return 'abdomen-pelvis';
  if (/\bchest\b|\bthora/.test(e)) return 'chest';
  return null;
}

function examRegion(region: BodyRegion | null): 'head' | 'chest' | 'abdomen-pelvis' | null {
  if (region === 'head') return 'head';
  if (region === 'chest') return 'chest';
  if (region === 'abdomen' || region === 'pelvis' || region === 'abdomen-pelvis') return 'abdomen-pelvis';
  return null;
}

const QUANTITY_UNIT = { ctdiVolMGy: ['CTDIvol', 'mGy'], ssdeMGy: ['SSDE', 'mGy'], dlpMGyCm: ['DLP', 'mGy·cm'] } as const;

/**
 * Position in each loaded reference-level table for the same kind of exam (a head CT is never
 * placed in an abdomen table). The bundled set is empty until verified rows exist.
 */
export function referenceNumbers(
  a: PageAnalysis,
  tables: readonly ReferenceLevelTable[],
  t: Translate,
  fmt: Format,
): NumbersResult {
  const region = examRegion(a.region);
  if (a.modality !== 'CT' || !a.ctdi || !region) return { numbers: [], notes: [] };
  const numbers: PanelNumber[] = [];
  const notes: string[] = [];
  for (const table of [...BUNDLED_REFERENCE_LEVEL_TABLES, ...tables]) {
    if (tableRegion(table) !== region) continue;
    const result = compareWithReferenceLevels(table, {
      ageYears: ageYears(a),
      weightKg: a.weight?.kg ?? null,
      phantomCm: a.ctdi.phantomCm,
      ctdiVolMGy: a.ctdi.ctdiVolMGy,
    });
    if (result.status === 'no-comparison') {
      notes.push(t(result.messageKey, result.substitutions));
      continue;
    }
    for (const c of result.comparisons) {
      const [name, unit] = QUANTITY_UNIT[c.quantity];
      numbers.push({
        id: `reference-${table.id}-${c.quantity}`,
        label: t('panel.referenceLevel', [table.name]),
        value: `${name} ${fmt(c.value, 1)} ${unit}`,
        detail: t(c.messageKey, c.substitutions),
        source: `${c.source}, ${c.year}`,
        estimate: false,
      });
    }
  }
  return { numbers, notes };
}

/**
 * Which nuclear-medicine guideline rows an exam's description names. The activity tables in
 * clinical/ are per radiopharmaceutical (and variant); page text names the exam ("NM RENAL MAG3
 * WITH FLOW", "HIDA", "I-123 MIBG", "V/Q"). This maps the one to the other — and only that:
 * when the description does not decide the variant, every candidate row is returned and the panel
 * shows them all, labelled; when it names no agent with a verified row, nothing is returned.
 *
 * Rows: `NAGL_ROWS` (clinical/nuclear-medicine.ts) and `EANM_SETTINGS` (clinical/eanm-dosage-card.ts).
 * Agents whose guideline values are not verified (`NAGL_NOT_SHIPPED`) are reported by name so the
 * panel can point to the SNMMI / Image Gently table instead of giving a number.
 *
 * A wrong match is worse than none (it shows another agent's activity), so some wording withholds rows,
 * with the reason (`withheld`): any I-131 (the iodine and MIBG rows are for I-123); labelled white cells
 * (HMPAO labels the cells, it is not a brain-perfusion study); sestamibi/tetrofosmin without myocardial
 * wording (parathyroid, tumour, breast: the card's rows are the cardiac protocol).
 */

export interface NmRows {
  /** NAGL_ROWS ids. */
  nagl: string[];
  /** EANM_SETTINGS ids (the second, labelled method). */
  eanm: string[];
  /** Agents named whose North American row is not shipped (clinical NAGL_NOT_SHIPPED names). */
  notShipped: string[];
  /** Why rows that the words would otherwise match are withheld (see the file comment). */
  withheld: NmWithheld[];
  /** The 2010 table's optional minimum applies (neonatal jaundice: 37 MBq "may be considered"). */
  neonatalJaundice: boolean;
}

export type NmWithheld = 'iodine-131' | 'white-cells' | 'sestamibi-not-cardiac';

/** Locale keys of the reasons rows are withheld. */
export const NM_WITHHELD_MESSAGE_KEY: Readonly<Record<NmWithheld, string>> = {
  'iodine-131': 'clinical.nm.withheldIodine131',
  'white-cells': 'clinical.nm.withheldWhiteCells',
  'sestamibi-not-cardiac': 'clinical.nm.withheldSestamibiNotCardiac',
};

/** I-131 in any spelling (I-131, 131I, I131, 131-I, NaI-131): no I-123 or MIBG row applies. */
const IODINE_131 = /(?<![\d.])131(?!\d)/;
/** Labelled white cells (leukocytes), however the order writes them. */
const WHITE_CELLS = /\bwbcs?\b|leu[ck]ocyt|white (?:blood )?cells?|\bgranulocyt|leucocit/;
/** Myocardial-perfusion wording for sestamibi/tetrofosmin. */
const MYOCARDIAL = /cardiac|myocard|\bheart\b|\bstress\b|\bmpi\b|coronar|\bcardio/;

interface Rule {
  test: RegExp;
  rows(text: string): Partial<NmRows>;
}

const WITHOUT_FLOW = /\b(?:w\/o|without|no)\s+flow\b/;
const WITH_FLOW = /\b(?:with|w\/|w)\s*flow\b|\bflow\b/;

const RULES: readonly Rule[] = [
  {
    // 99mTc-MAG3 (mertiatide) renography, with or without the flow study.
    test: /\bmag-?3\b|\bmertiatide\b/,
    rows: (t) => ({
      nagl: WITHOUT_FLOW.test(t)
        ? ['tc99m-mag3-without-flow']
        : WITH_FLOW.test(t)
          ? ['tc99m-mag3-with-flow']
          : ['tc99m-mag3-with-flow', 'tc99m-mag3-without-flow'],
      eanm: ['tc99m-mag3'],
    }),
  },
  {
    // 123I-MIBG (131I-MIBG is therapy or a different study: withheld before the rules run).
    test: /\bm?ibg\b|\biobenguane\b/,
    rows: () => ({ nagl: ['i123-mibg'], eanm: ['i123-mibg'] }),
  },
  {
    // 99mTc-IDA hepatobiliary (HIDA, DISIDA, mebrofenin). Neonatal jaundice: the same row, and the 2010 table's
    // 37 MBq minimum is an option beside it ("may be considered"), never the row itself.
    test: /\b(?:hida|disida|mebrofenin|ida scan|hepatobiliary|cholescintigraphy)\b/,
    rows: (t) => ({ nagl: ['tc99m-ida'], neonatalJaundice: /\bjaundice\b|\batresia\b|\bneonat/.test(t) }),
  },
  {
    // 99mTc-MAA lung perfusion, with or without a 99mTc ventilation study.
    test: /\bmaa\b|\blung perfusion\b|\bperfusion lung\b|\bv\s*\/\s*q\b|\bvq scan\b|\bq scan\b/,
    rows: (t) => {
      const ventilation = /\bv\s*\/\s*q\b|\bvq\b|\bventilation\b/.test(t);
      const tcVentilation = /\bdtpa\b|\btechnegas\b|\baerosol\b/.test(t);
      const gasVentilation = /\bxenon\b|\bxe-?133\b|\bkrypton\b|\bkr-?81m?\b/.test(t);
      const nagl = !ventilation || gasVentilation
        ? ['tc99m-maa-without-ventilation']
        : tcVentilation
          ? ['tc99m-maa-with-ventilation']
          : ['tc99m-maa-with-ventilation', 'tc99m-maa-without-ventilation'];
      return { nagl, eanm: ['tc99m-maa'] };
    },
  },
  {
    // 99mTc-HMPAO / ECD brain perfusion.
    // Not when the order names white cells: HMPAO-labelled leukocytes are an infection study.
    test: /\bhmpao\b|\bexametazime\b|\bceretec\b|\becd\b|\bbicisate\b|\bneurolite\b|\bbrain perfusion\b|\bcerebral perfusion\b/,
    rows: (t) =>
      WHITE_CELLS.test(t) ? {} : { nagl: ['tc99m-hmpao-ecd'], eanm: /\becd\b|\bbicisate\b|\bneurolite\b/.test(t) ? [] : ['tc99m-hmpao-brain'] },
  },
  {
    // Thyroid imaging/uptake: Na-123I or 99mTc-pertechnetate (both when the agent is not named).
    test: /\bthyroid\b/,
    rows: (t) => {
      const iodine = /\bi-?123\b|\b123-?i\b|\biodide\b|\buptake\b/.test(t);
      const pertechnetate = /\bpertechnetate\b|\btc-?99m?\b|\b99m-?tc\b/.test(t);
      if (/\bcancer\b|\bcarcinoma\b|\bmetasta/.test(t)) return { notShipped: ['Na-123I (thyroid cancer)'] };
      const both = !iodine && !pertechnetate;
      return {
        nagl: [...(iodine || both ? ['na-i123-thyroid'] : []), ...(pertechnetate || both ? ['tc99m-pertechnetate-thyroid'] : [])],
        eanm: [...(iodine || both ? ['i123-iodide-thyroid'] : []), ...(pertechnetate || both ? ['tc99m-pertechnetate-thyroid'] : [])],
      };
    },
  },
  // Agents with an EANM card row but no verified North American row.
  {
    // The card has separate 2D and 3D settings; current scanners acquire in 3D: 3D first, 2D beside it
    // (labelled) for body, never 2D alone; brain is the 3D setting.
    test: /\bfdg\b|\bfluorodeoxyglucose\b/,
    rows: (t) => ({ eanm: /\bbrain\b/.test(t) ? ['f18-fdg-brain-3d'] : ['f18-fdg-brain-3d', 'f18-fdg-body-2d'], notShipped: ['18F-FDG (body, brain)'] }),
  },
  { test: /\bbone scan\b|\bmdp\b|\bhdp\b|\bdpd\b|\bskeletal scintigraphy\b/, rows: () => ({ eanm: ['tc99m-bisphosphonates'], notShipped: ['99mTc-MDP'] }) },
  {
    test: /\bdtpa\b/,
    rows: (t) => (/\bv\s*\/\s*q\b|\bventilation\b|\baerosol\b/.test(t) ? {} : { eanm: ['tc99m-dtpa-abnormal-renal', 'tc99m-dtpa-normal-renal'] }),
  },
  {
    // The card's sestamibi rows are the myocardial-perfusion protocol: only with cardiac wording.
    test: /\bsestamibi\b|\bmibi\b|\btetrofosmin\b/,
    rows: (t) =>
      MYOCARDIAL.test(t)
        ? {
            eanm: /\bstress\b/.test(t) ? ['tc99m-mibi-1day-stress'] : /\brest\b/.test(t) ? ['tc99m-mibi-1day-rest'] : ['tc99m-mibi-1day-rest', 'tc99m-mibi-1day-stress'],
            notShipped: ['99mTc-sestamibi / tetrofosmin'],
          }
        : { withheld: ['sestamibi-not-cardiac'] },
  },
  { test: /\brbc\b|\bblood pool\b|\bgi bleed/, rows: () => ({ eanm: ['tc99m-rbc-blood-pool'], notShipped: ['99mTc-RBC, 99mTc-WBC'] }) },
  { test: /\bdotatate\b|\bdotatoc\b/, rows: () => ({ eanm: ['ga68-peptides'], notShipped: ['68Ga-DOTATATE, 68Ga-DOTATOC'] }) },
  // Agents with no verified row in either table.
  { test: /\bdmsa\b|\bsuccimer\b/, rows: () => ({ notShipped: ['99mTc-DMSA'] }) },
  { test: /\bnaf\b|\bsodium fluoride\b/, rows: () => ({ notShipped: ['18F-NaF'] }) },
  { test: /\bmeckel/, rows: () => ({ notShipped: ['99mTc-pertechnetate (Meckel)'] }) },
  { test: WHITE_CELLS, rows: () => ({ withheld: ['white-cells'] }) },
  { test: /\bsulfur colloid\b|\bgastric emptying\b|\bcystogra/, rows: () => ({ notShipped: ['99mTc-sulfur colloid (cystography, gastric emptying)'] }) },
];

export function nmRowsFor(description: string | null): NmRows {
  const out: NmRows = { nagl: [], eanm: [], notShipped: [], withheld: [], neonatalJaundice: false };
  if (!description) return out;
  const text = description.toLowerCase();
  // Any I-131: no row at all (the iodine and MIBG rows are I-123; a 131 match would show the wrong isotope).
  if (IODINE_131.test(text)) {
    out.withheld.push('iodine-131');
    return out;
  }
  for (const rule of RULES) {
    if (!rule.test.test(text)) continue;
    const r = rule.rows(text);
    for (const key of ['nagl', 'eanm', 'notShipped', 'withheld'] as const) {
      for (const id of r[key] ?? []) if (!(out[key] as string[]).includes(id)) (out[key] as string[]).push(id);
    }
    if (r.neonatalJaundice) out.neonatalJaundice = true;
  }
  return out;
}

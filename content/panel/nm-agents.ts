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
 */

export interface NmRows {
  /** NAGL_ROWS ids. */
  nagl: string[];
  /** EANM_SETTINGS ids (the second, labelled method). */
  eanm: string[];
  /** Agents named whose North American row is not shipped (clinical NAGL_NOT_SHIPPED names). */
  notShipped: string[];
}

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
    // 123I-MIBG (131I-MIBG is therapy or a different study: no row).
    test: /\bm?ibg\b|\biobenguane\b/,
    rows: (t) => (/\b131\b|i-?131/.test(t) ? {} : { nagl: ['i123-mibg'], eanm: ['i123-mibg'] }),
  },
  {
    // 99mTc-IDA hepatobiliary (HIDA, DISIDA, mebrofenin); the 37 MBq minimum for neonatal jaundice.
    test: /\b(?:hida|disida|mebrofenin|ida scan|hepatobiliary|cholescintigraphy)\b/,
    rows: (t) => ({ nagl: [/\bjaundice\b|\batresia\b|\bneonat/.test(t) ? 'tc99m-ida-neonatal-jaundice' : 'tc99m-ida'] }),
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
    test: /\bhmpao\b|\bexametazime\b|\bceretec\b|\becd\b|\bbicisate\b|\bneurolite\b|\bbrain perfusion\b|\bcerebral perfusion\b/,
    rows: (t) => ({ nagl: ['tc99m-hmpao-ecd'], eanm: /\becd\b|\bbicisate\b|\bneurolite\b/.test(t) ? [] : ['tc99m-hmpao-brain'] }),
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
    test: /\bfdg\b|\bfluorodeoxyglucose\b/,
    rows: (t) => ({ eanm: [/\bbrain\b/.test(t) ? 'f18-fdg-brain-3d' : 'f18-fdg-body-2d'], notShipped: ['18F-FDG (body, brain)'] }),
  },
  { test: /\bbone scan\b|\bmdp\b|\bhdp\b|\bdpd\b|\bskeletal scintigraphy\b/, rows: () => ({ eanm: ['tc99m-bisphosphonates'], notShipped: ['99mTc-MDP'] }) },
  {
    test: /\bdtpa\b/,
    rows: (t) => (/\bv\s*\/\s*q\b|\bventilation\b|\baerosol\b/.test(t) ? {} : { eanm: ['tc99m-dtpa-abnormal-renal', 'tc99m-dtpa-normal-renal'] }),
  },
  {
    test: /\bsestamibi\b|\bmibi\b|\btetrofosmin\b/,
    rows: (t) => ({
      eanm: /\bstress\b/.test(t) ? ['tc99m-mibi-1day-stress'] : /\brest\b/.test(t) ? ['tc99m-mibi-1day-rest'] : ['tc99m-mibi-1day-rest', 'tc99m-mibi-1day-stress'],
      notShipped: ['99mTc-sestamibi / tetrofosmin'],
    }),
  },
  { test: /\brbc\b|\bblood pool\b|\bgi bleed/, rows: () => ({ eanm: ['tc99m-rbc-blood-pool'], notShipped: ['99mTc-RBC, 99mTc-WBC'] }) },
  { test: /\bdotatate\b|\bdotatoc\b/, rows: () => ({ eanm: ['ga68-peptides'], notShipped: ['68Ga-DOTATATE, 68Ga-DOTATOC'] }) },
  // Agents with no verified row in either table.
  { test: /\bdmsa\b|\bsuccimer\b/, rows: () => ({ notShipped: ['99mTc-DMSA'] }) },
  { test: /\bnaf\b|\bsodium fluoride\b/, rows: () => ({ notShipped: ['18F-NaF'] }) },
  { test: /\bmeckel/, rows: () => ({ notShipped: ['99mTc-pertechnetate (Meckel)'] }) },
  { test: /\bwbc\b|\bleukocyte\b/, rows: () => ({ notShipped: ['99mTc-RBC, 99mTc-WBC'] }) },
  { test: /\bsulfur colloid\b|\bgastric emptying\b|\bcystogra/, rows: () => ({ notShipped: ['99mTc-sulfur colloid (cystography, gastric emptying)'] }) },
];

export function nmRowsFor(description: string | null): NmRows {
  const out: NmRows = { nagl: [], eanm: [], notShipped: [] };
  if (!description) return out;
  const text = description.toLowerCase();
  for (const rule of RULES) {
    if (!rule.test.test(text)) continue;
    const r = rule.rows(text);
    for (const key of ['nagl', 'eanm', 'notShipped'] as const) {
      for (const id of r[key] ?? []) if (!out[key].includes(id)) out[key].push(id);
    }
  }
  return out;
}

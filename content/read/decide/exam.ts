/**
 * The exam of the open record: modalities and campaigns, region, phases, head-injury and child-protection wording,
 * CTDIvol and the exam's description and key. Codes shown by the page or the API are the exam's modalities; the
 * procedure's words fill in only when no code is shown.
 */
import { campaignsFor, interventionModalities, isInterventionalExam, isNuclear, isNuclearWithCt, mayBeDental, modalitiesOfField, sortModalities, type ProcedureInfo, regionOf, widens } from '../parse/procedure';
import type { BodyRegion, Campaign, CtdiReading, Evidence, Fact, FactKind, ModalityCode, PageAnalysis } from '../types';
import { clean, firstOf } from './context';

/** CTDIvol values outside (0, 1000] mGy are misreads. */
const MAX_CTDI_MGY = 1000;

/** Facts that say an exam is open (without one, only the patient's facts are read). */
const EXAM_KINDS = new Set<FactKind>(['examDate', 'scheduledDate', 'orderDate', 'modality', 'procedure', 'ctdiVol', 'examKey']);

export function hasExam(facts: readonly Fact[]): boolean {
  return facts.some((f) => EXAM_KINDS.has(f.kind));
}

interface ExamDecision {
  modalities: ModalityCode[];
  campaigns: Campaign[];
  interventional: boolean;
}

function examOf(codes: ModalityCode[], infos: readonly ProcedureInfo[]): ExamDecision {
  let dental = codes.includes('IO') || codes.includes('PX');
  const fromText: ModalityCode[] = [];
  for (const i of infos) {
    // Dental words count only when the page's codes fit a dental exam (an MR code keeps "MR TMJ" off the campaign).
    if (i.dental && mayBeDental(codes)) dental = true;
    for (const m of i.modalities) if (!fromText.includes(m)) fromText.push(m);
  }
  // A hybrid study named in words (SPECT/CT, PET/CT) under a page's one nuclear code ("NM", "PT"): its CT is an ionizing
  // CT exposure of the child, with the CT campaign's reminders, as when the page lists both codes.
  const hybrid = codes.length > 0 && !codes.includes('CT') && isNuclear(codes) && isNuclearWithCt(fromText);
  const named = sortModalities(codes.length > 0 ? (hybrid ? [...codes, 'CT'] : [...codes]) : fromText);
  // Step Lightly only under ionizing guidance, judged with the exam's modalities (a US code makes "PICC" quiet).
  const interventional =
    codes.includes('XA') ||
    infos.some((i) => isInterventionalExam(named, i.interventionWording.procedure, i.interventionWording.angiography));
  const modalities = [...interventionModalities(named, interventional)];
  return { modalities, campaigns: campaignsFor(modalities, interventional, dental), interventional };
}

function codesOf(facts: readonly Fact[]): ModalityCode[] {
  const codes: ModalityCode[] = [];
  for (const f of facts) {
    if (f.kind !== 'modality') continue;
    for (const c of modalitiesOfField(f.text)) if (!codes.includes(c)) codes.push(c);
  }
  return codes;
}

/**
 * Fills `out` with the open exam's facts. `procedures` are the record's non-empty procedure facts and `infos` their
 * classification, in the same order.
 */
export function decideExam(facts: readonly Fact[], procedures: readonly Fact[], infos: readonly ProcedureInfo[], out: PageAnalysis, ev: Evidence[]): void {
  const codes = codesOf(facts);
  for (const f of facts) if (f.kind === 'modality' && modalitiesOfField(f.text).length) ev.push({ kind: 'modality', text: f.text, where: f.where });
  const exam = examOf(codes, infos);
  out.modalities = exam.modalities;
  out.modality = exam.modalities[0] ?? null;
  out.campaigns = exam.campaigns;
  out.campaign = exam.campaigns[0] ?? null;
  if (codes.length === 0 && out.modality) {
    const src = procedures[infos.findIndex((i) => i.modalities.length > 0)];
    if (src) ev.push({ kind: 'modality', text: src.text, where: src.where, note: `from the procedure wording: ${out.modality}` });
  }
  if (out.campaign) {
    const why = exam.interventional ? procedures.find((_, k) => infos[k]!.interventional) : undefined;
    ev.push({
      kind: 'campaign',
      text: out.campaigns.join(' + '),
      where: why?.where ?? 'modality',
      ...(why ? { note: `interventional wording: ${why.text}` } : {}),
    });
  }

  const region = regionFrom(facts, procedures, infos, ev);
  out.region = region;

  for (let k = 0; k < infos.length; k++) {
    const p = infos[k]!.phases;
    if (p !== null) {
      out.phases = p;
      ev.push({ kind: 'phases', text: procedures[k]!.text, where: procedures[k]!.where, note: `${p} phase(s)` });
      break;
    }
  }
  // Possible abuse in any of the exam's wording: the child-protection line, and never Think A-Head.
  const protection = infos.findIndex((i) => i.childProtection);
  if (protection >= 0) {
    out.childProtection = true;
    ev.push({ kind: 'child-protection', text: procedures[protection]!.text, where: procedures[protection]!.where, note: 'possible abuse / non-accidental injury wording: no Think A-Head' });
  } else if (region === 'head' && (out.modality === 'CT' || out.modality === null)) {
    const k = infos.findIndex((i) => i.minorHeadInjury);
    if (k >= 0) {
      out.minorHeadInjury = true;
      ev.push({ kind: 'think-a-head', text: procedures[k]!.text, where: procedures[k]!.where, note: 'minor head injury wording on a head exam' });
    }
  }

  out.ctdi = ctdiOf(facts, ev);
  out.examDescription = procedures[0] ? clean(procedures[0].text) : null;
  const key = firstOf(facts, 'examKey');
  out.examKey = key ? key.text.trim() || null : null;
}

/**
 * The region from the procedure's words first, then from a body-part fact — or from a body-part fact that holds the
 * procedure's region (a short "Abd CT" whose study is described as "CT ABDOMEN PELVIS").
 */
function regionFrom(facts: readonly Fact[], procedures: readonly Fact[], infos: readonly ProcedureInfo[], ev: Evidence[]): BodyRegion | null {
  const k = infos.findIndex((i) => i.region !== null);
  const named = k >= 0 ? infos[k]!.region : null;
  for (const f of facts) {
    if (f.kind !== 'bodyPart') continue;
    const region = regionOf(f.text.toUpperCase());
    if (region && (named === null || widens(region, named))) {
      ev.push({ kind: 'region', text: f.text, where: f.where, note: named ? `${region} (the exam's name says ${named})` : region });
      return region;
    }
  }
  if (named) ev.push({ kind: 'region', text: procedures[k]!.text, where: procedures[k]!.where, note: named });
  return named;
}

function ctdiOf(facts: readonly Fact[], ev: Evidence[]): CtdiReading | null {
  for (const f of facts) {
    if (f.kind !== 'ctdiVol') continue;
    const v = Number.parseFloat(f.text.replace(',', '.'));
    if (!(v > 0 && v <= MAX_CTDI_MGY)) continue;
    ev.push({ kind: 'ctdiVol', text: f.text, where: f.where });
    return { ctdiVolMGy: v, phantomCm: f.phantomCm ?? null, source: f.where };
  }
  return null;
}

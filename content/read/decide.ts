/**
 * The one place where raw facts become conclusions: `decide(findings, options) → PageAnalysis`.
 * Pure (no DOM, no browser APIs). `analyzePage` calls it on what a site profile read; the PACS data route
 * (content/pacs/) adds facts from the site's own API (DICOM tags) to `findings.primary` and calls it again, so the
 * age precedence below exists once.
 *
 * ## Age precedence (also in docs/page-reading.md)
 * Facts of one kind: the first one that parses wins; later ones that disagree are kept as evidence with
 * `conflict: true` (so callers put their most trusted source first — e.g. DICOM tags before page text).
 * The reference date of a record, by role: exam > scheduled > order (ordered/requested) > visit > today; prior
 * exams are never read as the record's dates (the readers leave them out). Age, from the first available of:
 *  1. birth date + the reference date of the same record → exact calendar age on that date (`ageBasis: 'exam'`,
 *     `'scheduled'`, `'order'` or `'visit'`; the evidence states the role);
 *  2. DICOM PatientAge (AS, `006Y`) → age at the study by definition (`'exam'`), lower bound in days;
 *  3. birth date + today (`now`, UTC) → `'today'`, only when the record shows no reference date;
 *  4. an age as the screen shows it (`4 yrs, 1 mth`) → `'today'` (EHR banners show the current age); a fact marked
 *     `unsure` (no label, no patient header) makes the analysis `ageUnsure`.
 * Why dates first: they give the age in days (the AS is rounded down to whole years for anyone over 4 — PS3.5
 * gives no finer rule), and they are what a technologist checks against the requisition.
 * Cross-checks (each flags `conflict` on the losing evidence and sets `ageConflict`): AS vs birth+exam (completed
 * units must match exactly); screen age vs birth+today (±1 of its finest unit); two birth dates (or two exam dates)
 * that differ. A conflict never changes the chosen source; the panel shows the flag.
 * Pediatric: age under the cutoff (default 18 y; completed calendar months < 12 × cutoff for dates, the reading's
 * own unit for AS and screen ages). With no age anywhere, explicitly pediatric protocol/order wording ("PEDS …")
 * in the record's procedure text makes it pediatric; nothing else does.
 */
import { DEFAULT_PEDIATRIC_CUTOFF_YEARS } from '@/clinical/pediatric-cutoff';
import { agesAgree, ageBetween, type AgeReading, calendarAge, isUnderCutoff, parseAgeText, parseDicomAge, readingDetail } from './parse/age';
import { type CalendarDate, daysBetween, fullMonthsBetween, parseDate, utcDate } from './parse/dates';
import {
  campaignsFor,
  classifyProcedure,
  isInterventionalExam,
  parseModalityCodes,
  PEDIATRIC_PROTOCOL,
  procedureFlags,
  regionOf,
  sortModalities,
  type ProcedureInfo,
} from './parse/procedure';
import { parseWeight } from './parse/weight';
import type {
  AgeBasis,
  AgeDetail,
  AnalyzeOptions,
  BodyRegion,
  Campaign,
  CtdiReading,
  DateOrder,
  Evidence,
  ColumnKind,
  ExamRecord,
  Fact,
  FactKind,
  ModalityCode,
  PageAnalysis,
  PageFindings,
  WeightReading,
} from './types';

export { DEFAULT_PEDIATRIC_CUTOFF_YEARS };
/** CTDIvol values outside (0, 1000] mGy are misreads. */
const MAX_CTDI_MGY = 1000;

interface Ctx {
  today: CalendarDate;
  cutoff: number;
  order: DateOrder | null;
}

/** An age result for one record. */
interface AgeDecision {
  ageDays: number | null;
  ageBasis: AgeBasis | null;
  ageDetail: AgeDetail | null;
  pediatric: boolean;
  conflict: boolean;
  /** The age came from a fact the page does not tie to the patient. */
  unsure: boolean;
}

/** The reference date's precedence, as stated in the evidence. */
const REFERENCE_ORDER = 'exam > scheduled > order > visit > today';
/** Date facts that can be a record's reference date, by precedence. */
const REFERENCE_KINDS: ReadonlyArray<readonly [FactKind, AgeBasis]> = [
  ['examDate', 'exam'],
  ['scheduledDate', 'scheduled'],
  ['orderDate', 'order'],
  ['visitDate', 'visit'],
];

/** The record's reference date: the first role (exam > scheduled > order > visit) with a date that parses. */
function referenceDate(facts: readonly Fact[], ctx: Ctx, ev: Evidence[]): (DateFact & { basis: AgeBasis }) | null {
  for (const [kind, basis] of REFERENCE_KINDS) {
    const d = pickDate(facts, kind, ctx, ev);
    if (d) return { ...d, basis };
  }
  return null;
}

export function emptyAnalysis(profileId: string | null = null, evidence: Evidence[] = []): PageAnalysis {
  return {
    profileId,
    pediatric: false,
    ageDays: null,
    ageBasis: null,
    ageDetail: null,
    modality: null,
    modalities: [],
    campaign: null,
    campaigns: [],
    region: null,
    phases: null,
    minorHeadInjury: false,
    childProtection: false,
    weight: null,
    ctdi: null,
    examDescription: null,
    examKey: null,
    records: [],
    evidence,
    ageConflict: false,
  };
}

function contextOf(findings: PageFindings, options: AnalyzeOptions, notes: Evidence[]): Ctx {
  let cutoff = options.pediatricCutoffYears ?? DEFAULT_PEDIATRIC_CUTOFF_YEARS;
  if (!(Number.isFinite(cutoff) && cutoff > 0 && cutoff <= 30)) {
    notes.push({
      kind: 'settings',
      text: String(options.pediatricCutoffYears),
      where: 'options.pediatricCutoffYears',
      note: `outside range (0, 30] years: the default ${DEFAULT_PEDIATRIC_CUTOFF_YEARS} is used`,
    });
    cutoff = DEFAULT_PEDIATRIC_CUTOFF_YEARS;
  }
  const now = options.now && Number.isFinite(options.now.getTime()) ? options.now : new Date();
  const order = findings.pageDateOrder ?? options.dateOrder ?? findings.dateOrder ?? null;
  if (findings.pageDateOrder) {
    notes.push({ kind: 'dateOrder', text: findings.pageDateOrder, where: 'page', note: 'day/month order shown by a date on the page that reads only one way' });
  }
  return { today: utcDate(now), cutoff, order };
}

/**
 * Findings (from a profile, plus any API facts) → the page's analysis.
 * @param findings what was read: `primary` facts of the open record, `rows` of a list, page `notes`.
 * @param options `now`, `pediatricCutoffYears`, `dateOrder` (per-site setting; wins over the profile's).
 */
export function decide(findings: PageFindings, options: AnalyzeOptions = {}): PageAnalysis {
  const notes: Evidence[] = [...findings.notes];
  const ctx = contextOf(findings, options, notes);
  const records = decideRows(findings, ctx);
  const out = findings.primary ? decidePrimary(findings.primary, ctx, notes) : emptyAnalysis(findings.profileId, notes);
  out.profileId = findings.profileId;
  if (findings.recipe) out.recipe = { ...findings.recipe };
  out.records = records;
  if (records.length > 0) {
    let pediatricRows = 0;
    for (const r of records) if (r.pediatric) pediatricRows++;
    out.evidence.push({
      kind: 'records',
      text: `${records.length} rows, ${pediatricRows} pediatric`,
      where: findings.profileId ?? 'page',
    });
  }
  return out;
}

// ----- one record -----

interface DateFact {
  date: CalendarDate;
  fact: Fact;
}

/** First fact of `kind` whose date parses; records ambiguous/conflicting ones as evidence. */
function pickDate(facts: readonly Fact[], kind: FactKind, ctx: Ctx, ev: Evidence[]): DateFact | null {
  let chosen: DateFact | null = null;
  for (const f of facts) {
    if (f.kind !== kind) continue;
    const p = parseDate(f.text, ctx.order);
    if (!p.ok) {
      ev.push({ kind, text: f.text, where: f.where, note: p.reason === 'ambiguous' ? 'day/month order unknown (set the site date order)' : 'not a date' });
      continue;
    }
    if (!chosen) {
      chosen = { date: p.date, fact: f };
      ev.push({ kind, text: f.text, where: f.where, note: p.iso });
    } else if (p.iso !== isoOf(chosen.date)) {
      ev.push({ kind, text: f.text, where: f.where, conflict: true, note: `${p.iso}: differs, not used` });
    }
  }
  return chosen;
}

function isoOf(c: CalendarDate): string {
  return `${c.y}-${String(c.m).padStart(2, '0')}-${String(c.d).padStart(2, '0')}`;
}

function firstOf(facts: readonly Fact[], kind: FactKind): Fact | undefined {
  for (const f of facts) if (f.kind === kind) return f;
  return undefined;
}

function firstReading(facts: readonly Fact[], kind: 'patientAge' | 'ageText'): { reading: AgeReading; fact: Fact } | null {
  for (const fact of facts) {
    if (fact.kind !== kind) continue;
    const reading = kind === 'patientAge' ? (parseDicomAge(fact.text) ?? parseAgeText(fact.text)) : parseAgeText(fact.text);
    if (reading) return { reading, fact };
  }
  return null;
}

/** The age precedence (see the file comment), with its evidence. */
function decideAge(facts: readonly Fact[], ctx: Ctx, ev: Evidence[]): AgeDecision {
  const birth = pickDate(facts, 'birthDate', ctx, ev);
  const ref = referenceDate(facts, ctx, ev);
  const at = ref;
  const basis: AgeBasis = ref?.basis ?? 'exam';
  const dicom = firstReading(facts, 'patientAge');
  const shown = firstReading(facts, 'ageText');
  let conflict = ev.some((e) => e.conflict && e.kind === 'birthDate');
  const atAge = birth && at ? ageBetween(birth.date, at.date) : null;
  if (birth && at && !atAge) ev.push({ kind: 'age', text: at.fact.text, where: at.fact.where, note: 'before the birth date: not used' });
  const todayAge = birth ? ageBetween(birth.date, ctx.today) : null;
  const said = (r: { fact: Fact }, agree: boolean, what: string) => {
    if (!agree) conflict = true;
    ev.push({ kind: 'age', text: r.fact.text, where: r.fact.where, ...(agree ? {} : { conflict: true }), note: agree ? `agrees with ${what}` : `disagrees with ${what}: not used` });
  };
  // Cross-checks: the AS against the dated age at the exam; a shown age against the birth date today.
  if (atAge && dicom) said(dicom, agesAgree(atAge, dicom.reading, 0), `birth + ${basis} date`);
  if (shown && todayAge) said(shown, agesAgree(todayAge, shown.reading, shown.reading.unit === 'D' ? 3 : 1), 'the birth date');

  let result: AgeDecision = { ageDays: null, ageBasis: null, ageDetail: null, pediatric: false, conflict, unsure: false };
  const use = (days: number, ageBasis: AgeBasis, ageDetail: AgeDetail | null, pediatric: boolean, text: string, where: string, note: string, unsure = false) => {
    result = { ageDays: days, ageBasis, ageDetail, pediatric, conflict, unsure };
    ev.push({ kind: 'age', text, where, note: `used: ${note}` });
  };
  const calendar = (from: CalendarDate, to: CalendarDate): AgeDetail | null => {
    const c = calendarAge(from, to);
    return c && { source: 'calendar', ...c };
  };
  if (atAge) use(atAge.days, basis, calendar(birth!.date, at!.date), isUnderCutoff(atAge, ctx.cutoff), `${atAge.days} days`, `${birth!.fact.where} + ${ref!.fact.where}`, `birth + ${basis} date (UTC calendar; reference date: ${REFERENCE_ORDER})`, !!birth!.fact.unsure);
  else if (dicom) use(dicom.reading.days, 'exam', readingDetail(dicom.reading), dicom.reading.years < ctx.cutoff, dicom.fact.text, dicom.fact.where, `DICOM age at the study, ≥ ${dicom.reading.days} days`, !!dicom.fact.unsure);
  else if (todayAge) use(todayAge.days, 'today', calendar(birth!.date, ctx.today), isUnderCutoff(todayAge, ctx.cutoff), `${todayAge.days} days`, birth!.fact.where, 'birth date + today (no exam, scheduled, order or visit date shown)', !!birth!.fact.unsure);
  else if (shown) use(shown.reading.days, 'today', readingDetail(shown.reading), shown.reading.years < ctx.cutoff, shown.fact.text, shown.fact.where, `age as shown (today), ≥ ${shown.reading.days} days${shown.fact.unsure ? '; no label and no patient header: unsure' : ''}`, !!shown.fact.unsure);
  return result;
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
    if (i.dental) dental = true;
    for (const m of i.modalities) if (!fromText.includes(m)) fromText.push(m);
  }
  // Codes shown by the page/API are the exam's modalities; words only fill in when no code is shown.
  const modalities = sortModalities(codes.length > 0 ? [...codes] : fromText);
  // Step Lightly only under ionizing guidance, judged with the exam's modalities (a US code makes "PICC" quiet).
  const interventional =
    codes.includes('XA') ||
    infos.some((i) => isInterventionalExam(modalities, i.interventionWording.procedure, i.interventionWording.angiography));
  return { modalities, campaigns: campaignsFor(modalities, interventional, dental), interventional };
}

function codesOf(facts: readonly Fact[]): ModalityCode[] {
  const codes: ModalityCode[] = [];
  for (const f of facts) {
    if (f.kind !== 'modality') continue;
    for (const c of parseModalityCodes(f.text)) if (!codes.includes(c)) codes.push(c);
  }
  return codes;
}

const EXAM_KINDS = new Set<FactKind>(['examDate', 'scheduledDate', 'orderDate', 'modality', 'procedure', 'ctdiVol', 'examKey']);

function decidePrimary(facts: readonly Fact[], ctx: Ctx, notes: Evidence[]): PageAnalysis {
  const ev: Evidence[] = notes;
  const age = decideAge(facts, ctx, ev);
  const out = emptyAnalysis(null, ev);
  out.ageDays = age.ageDays;
  out.ageBasis = age.ageBasis;
  out.ageDetail = age.ageDetail;
  out.pediatric = age.pediatric;
  out.ageConflict = age.conflict;
  if (age.unsure) out.ageUnsure = true;

  const hasExam = facts.some((f) => EXAM_KINDS.has(f.kind));
  const procedures = facts.filter((f) => f.kind === 'procedure' && f.text.trim() !== '');
  const infos = procedures.map((f) => classifyProcedure(f.text));

  if (age.ageDays === null) {
    const peds = procedures.find((f) => PEDIATRIC_PROTOCOL.test(f.text.toUpperCase()));
    if (peds) {
      out.pediatric = true;
      ev.push({ kind: 'pediatric-protocol', text: peds.text, where: peds.where, note: 'no age shown: protocol/order is explicitly pediatric' });
    }
  }
  out.weight = weightOf(facts, ctx, ev); // a patient fact: read with or without an open exam
  if (!hasExam) return out;

  const codes = codesOf(facts);
  for (const f of facts) if (f.kind === 'modality' && parseModalityCodes(f.text).length) ev.push({ kind: 'modality', text: f.text, where: f.where });
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

  let region: BodyRegion | null = null;
  for (let k = 0; k < infos.length && !region; k++) {
    region = infos[k]!.region;
    if (region) ev.push({ kind: 'region', text: procedures[k]!.text, where: procedures[k]!.where, note: region });
  }
  if (!region) {
    for (const f of facts) {
      if (f.kind !== 'bodyPart') continue;
      region = regionOf(f.text.toUpperCase());
      if (region) {
        ev.push({ kind: 'region', text: f.text, where: f.where, note: region });
        break;
      }
    }
  }
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
  return out;
}

function weightOf(facts: readonly Fact[], ctx: Ctx, ev: Evidence[]): WeightReading | null {
  for (const f of facts) {
    if (f.kind !== 'weight') continue;
    const w = parseWeight(f.text, f.unit);
    if (!w) continue;
    const dateFact = firstOf(facts, 'weightDate');
    const d = dateFact ? parseDate(dateFact.text, ctx.order) : null;
    if (d?.ok) w.date = d.iso;
    ev.push({ kind: 'weight', text: f.text, where: f.where, note: w.kg === null ? 'no unit shown: not used for dosing' : `${round(w.kg, 2)} kg` });
    return w;
  }
  return null;
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

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

const MESSY_SPACE = /\s\s|[\t\n\r\f\v\u00a0]/;
function clean(s: string): string {
  return MESSY_SPACE.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

/**
 * List rows: each its own age at its own exam, its modality and campaigns; no evidence and no conflict checks,
 * one pass over its facts with a reused accumulator (a worklist has thousands of rows). Same precedence as
 * `decideAge`.
 */
class RowReader {
  birth: CalendarDate | null = null;
  exam: CalendarDate | null = null;
  scheduled: CalendarDate | null = null;
  order: CalendarDate | null = null;
  visit: CalendarDate | null = null;
  dicomAge: string | null = null;
  shownAge: string | null = null;
  proc: string | null = null;
  codes: readonly ModalityCode[] | null = null;

  constructor(private readonly ctx: Ctx) {}

  reset(): void {
    this.birth = this.exam = this.scheduled = this.order = this.visit = null;
    this.dicomAge = this.shownAge = this.proc = null;
    this.codes = null;
  }

  accept(kind: ColumnKind, text: string): void {
    if (!text) return;
    switch (kind) {
      case 'birthDate':
        if (!this.birth) this.birth = dateOf(text, this.ctx);
        break;
      case 'examDate':
        if (!this.exam) this.exam = dateOf(text, this.ctx);
        break;
      case 'scheduledDate':
        if (!this.scheduled) this.scheduled = dateOf(text, this.ctx);
        break;
      case 'orderDate':
        if (!this.order) this.order = dateOf(text, this.ctx);
        break;
      case 'visitDate':
        if (!this.visit) this.visit = dateOf(text, this.ctx);
        break;
      case 'patientAge':
        this.dicomAge ??= text;
        break;
      case 'ageText':
        this.shownAge ??= text;
        break;
      case 'age':
        // A table "Age" column: AS-shaped → DICOM age; a bare number → years (see profiles/table.ts).
        if (AS_SHAPE.test(text)) this.dicomAge ??= text;
        else this.shownAge ??= BARE_NUMBER.test(text) ? `${text} y` : text;
        break;
      case 'procedure':
        this.proc ??= text;
        break;
      case 'modality': {
        const parsed = parseModalityCodes(text);
        if (!this.codes) this.codes = parsed; // shared, read-only: copied before adding to it
        else for (const c of parsed) if (!this.codes.includes(c)) this.codes = [...this.codes, c];
        break;
      }
      default:
        break;
    }
  }

  record(): ExamRecord {
    const { ctx, birth, exam, scheduled, order, visit } = this;
    let ageDays: number | null = null;
    let ageBasis: AgeBasis | null = null;
    let ageDetail: AgeDetail | null = null;
    let pediatric = false;
    const at = exam ?? scheduled ?? order ?? visit;
    if (birth && at && (ageDays = daysBetween(birth, at)) >= 0) {
      ageBasis = exam ? 'exam' : scheduled ? 'scheduled' : order ? 'order' : 'visit';
      pediatric = fullMonthsBetween(birth, at) < ctx.cutoff * 12;
      // The printed age only for rows the panel lists (pediatric ones): less to build and to compare on big lists.
      const c = pediatric ? calendarAge(birth, at) : null;
      if (c) ageDetail = { source: 'calendar', years: c.years, months: c.months, days: c.days };
    } else {
      ageDays = null;
      const dicom = this.dicomAge ? (parseDicomAge(this.dicomAge) ?? parseAgeText(this.dicomAge)) : null;
      const todayAge = dicom || !birth ? null : ageBetween(birth, ctx.today);
      const shown = dicom || todayAge || !this.shownAge ? null : parseAgeText(this.shownAge);
      // Plain assignments, no array destructuring: this runs thousands of times, often before the JIT warms up.
      if (dicom) {
        ageDays = dicom.days;
        ageBasis = 'exam';
        pediatric = dicom.years < ctx.cutoff;
        if (pediatric) ageDetail = readingDetail(dicom);
      } else if (todayAge) {
        ageDays = todayAge.days;
        ageBasis = 'today';
        pediatric = isUnderCutoff(todayAge, ctx.cutoff);
        const c = pediatric ? calendarAge(birth!, ctx.today) : null;
        if (c) ageDetail = { source: 'calendar', years: c.years, months: c.months, days: c.days };
      } else if (shown) {
        ageDays = shown.days;
        ageBasis = 'today';
        pediatric = shown.years < ctx.cutoff;
        if (pediatric) ageDetail = readingDetail(shown);
      }
    }

    const description = this.proc ? clean(this.proc) || null : null;
    const codes = this.codes;
    let modalities: readonly ModalityCode[];
    let campaigns: readonly Campaign[];
    if (codes && codes.length > 0) {
      // Rows with a code only need the procedure's interventional/dental nature.
      const flags = description ? procedureFlags(description, codes) : NO_FLAGS;
      modalities = codes.length > 1 ? sortModalities([...codes]) : codes;
      campaigns = sharedCampaigns(modalities, flags.interventional || codes.includes('XA'), flags.dental || codes.includes('IO') || codes.includes('PX'));
    } else if (description) {
      const info = classifyProcedure(description);
      modalities = info.modalities;
      campaigns = sharedCampaigns(modalities, info.interventional, info.dental);
    } else {
      modalities = [];
      campaigns = NO_CAMPAIGNS;
    }
    if (ageDays === null && description && PEDIATRIC_PROTOCOL.test(description.toUpperCase())) pediatric = true;
    return {
      ageDays,
      ageBasis,
      ageDetail,
      pediatric,
      modality: modalities[0] ?? null,
      campaign: campaigns[0] ?? null,
      // Shared, frozen arrays (one per distinct answer): records are read-only data for the panel.
      campaigns: campaigns as Campaign[],
      description,
    };
  }
}

const AS_SHAPE = /^\d{3}[DWMY]$/;
const BARE_NUMBER = /^\d{1,3}$/;
const NO_FLAGS = { interventional: false, dental: false };
const NO_CAMPAIGNS: readonly Campaign[] = Object.freeze([]);
const sharedMemo = new Map<string, readonly Campaign[]>();

/** Campaigns of a lone modality code with no interventional/dental wording (the usual worklist row). */
const LONE = new Map<ModalityCode, readonly Campaign[]>();

function sharedCampaigns(modalities: readonly ModalityCode[], interventional: boolean, dental: boolean): readonly Campaign[] {
  if (modalities.length === 1 && !interventional && !dental) {
    const code = modalities[0]!;
    let lone = LONE.get(code);
    if (!lone) LONE.set(code, (lone = Object.freeze(campaignsFor(modalities, false, false))));
    return lone;
  }
  const key = (modalities.length === 1 ? modalities[0]! : modalities.join(',')) + (interventional ? '|i' : '|') + (dental ? 'd' : '');
  let hit = sharedMemo.get(key);
  if (!hit) {
    hit = Object.freeze(campaignsFor(modalities, interventional, dental));
    if (sharedMemo.size < 512) sharedMemo.set(key, hit);
  }
  return hit;
}

function decideRows(findings: PageFindings, ctx: Ctx): ExamRecord[] {
  const out: ExamRecord[] = [];
  const reader = new RowReader(ctx);
  for (const facts of findings.rows) {
    reader.reset();
    for (let i = 0; i < facts.length; i++) reader.accept(facts[i]!.kind, facts[i]!.text);
    out.push(reader.record());
  }
  for (const table of findings.tables ?? []) {
    const cols = table.columns;
    const n = cols.length > 0 ? table.values[0]!.length : 0;
    for (let r = 0; r < n; r++) {
      reader.reset();
      for (const f of table.base) reader.accept(f.kind, f.text);
      for (let c = 0; c < cols.length; c++) reader.accept(cols[c]!.kind, table.values[c]![r] ?? '');
      out.push(reader.record());
    }
  }
  return out;
}

function dateOf(text: string, ctx: Ctx): CalendarDate | null {
  const p = parseDate(text, ctx.order);
  return p.ok ? p.date : null;
}

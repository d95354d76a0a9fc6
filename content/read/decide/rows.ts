/**
 * List rows: each its own age at its own exam (`chooseAge`, as the open record), its modality and campaigns; no
 * evidence and no conflict checks, one pass over its facts with a reused accumulator (a worklist has thousands of
 * rows).
 */
import { type AgeReading, parseAgeText } from '../parse/age';
import { type CalendarDate, isBareDa, readBareDa, type ReadDate } from '../parse/dates';
import { campaignsFor, classifyProcedure, interventionModalities, PEDIATRIC_PROTOCOL, modalitiesOfField, procedureFlags, sortModalities } from '../parse/procedure';
import type { AgeBasis, AgeDetail, Campaign, ColumnKind, ExamRecord, ModalityCode, PageFindings } from '../types';
import { type AgeChoice, type AgeSources, ageDetailOf, chooseAge, readDicomAge } from './age';
import { clean, dateOf, type DecideContext } from './context';

const AS_SHAPE = /^\d{3}[DWMY]$/;
const BARE_NUMBER = /^\d{1,3}$/;

/** The texts of one age kind in a row: the first one, and any later ones (rare) in case the first does not parse. */
class AgeTexts {
  first: string | null = null;
  more: string[] | null = null;

  reset(): void {
    this.first = this.more = null;
  }

  add(text: string): void {
    if (this.first === null) this.first = text;
    else (this.more ??= []).push(text);
  }

  /** The first text that `parse` reads. */
  read(parse: (text: string) => AgeReading | null): AgeReading | null {
    if (this.first === null) return null;
    const r = parse(this.first);
    if (r || !this.more) return r;
    for (const t of this.more) {
      const m = parse(t);
      if (m) return m;
    }
    return null;
  }
}

class RowReader implements AgeSources {
  birth: ReadDate | null = null;
  exam: CalendarDate | null = null;
  scheduled: CalendarDate | null = null;
  order: CalendarDate | null = null;
  visit: CalendarDate | null = null;
  reference: CalendarDate | null = null;
  referenceBasis: AgeBasis = 'exam';
  readonly dicomTexts = new AgeTexts();
  readonly shownTexts = new AgeTexts();
  proc: string | null = null;
  codes: readonly ModalityCode[] | null = null;

  /**
   * Dates of the reference roles already read in this list, by text: a worklist shows a few exam or booking days over
   * thousands of rows (birth dates differ from row to row, and are not kept). Parsed dates are read-only.
   */
  private readonly referenceDates = new Map<string, CalendarDate | null>();

  /**
   * The row's birth date when it is a bare DICOM DA: one date rewritten for every row (a worklist prints thousands; no
   * record keeps its birth date, `record` only counts from it).
   */
  private readonly bareBirth: CalendarDate = { y: 0, m: 0, d: 0 };
  /** The row's age: one choice rewritten for every row (no record keeps it). */
  private readonly choice: AgeChoice = { source: 'birth-reference', days: 0, basis: 'exam', pediatric: false, reading: null, at: null };

  constructor(private readonly ctx: DecideContext) {}

  private referenceDate(text: string): CalendarDate | null {
    let date = this.referenceDates.get(text);
    if (date === undefined) {
      date = dateOf(text, this.ctx, 'reference');
      if (this.referenceDates.size < MAX_KEPT_DATES) this.referenceDates.set(text, date);
    }
    return date;
  }

  reset(): void {
    this.birth = this.exam = this.scheduled = this.order = this.visit = null;
    this.dicomTexts.reset();
    this.shownTexts.reset();
    this.proc = null;
    this.codes = null;
  }

  dicomAge(): AgeReading | null {
    return this.dicomTexts.read(readDicomAge);
  }

  shownAge(): AgeReading | null {
    return this.shownTexts.read(parseAgeText);
  }

  accept(kind: ColumnKind, text: string): void {
    if (!text) return;
    switch (kind) {
      case 'birthDate':
        if (!this.birth) this.birth = isBareDa(text) ? (readBareDa(text, this.bareBirth) ? this.bareBirth : null) : dateOf(text, this.ctx, 'birth');
        break;
      case 'examDate':
        if (!this.exam) this.exam = this.referenceDate(text);
        break;
      case 'scheduledDate':
        if (!this.scheduled) this.scheduled = this.referenceDate(text);
        break;
      case 'orderDate':
        if (!this.order) this.order = this.referenceDate(text);
        break;
      case 'visitDate':
        if (!this.visit) this.visit = this.referenceDate(text);
        break;
      case 'patientAge':
        this.dicomTexts.add(text);
        break;
      case 'ageText':
        this.shownTexts.add(text);
        break;
      case 'age':
        // A table "Age" column: AS-shaped → DICOM age; a bare number → years (see profiles/table.ts).
        if (AS_SHAPE.test(text)) this.dicomTexts.add(text);
        else this.shownTexts.add(BARE_NUMBER.test(text) ? `${text} y` : text);
        break;
      case 'procedure':
        this.proc ??= text;
        break;
      case 'modality': {
        const parsed = modalitiesOfField(text);
        if (!this.codes) this.codes = parsed; // shared, read-only: copied before adding to it
        else for (const c of parsed) if (!this.codes.includes(c)) this.codes = [...this.codes, c];
        break;
      }
      default:
        break;
    }
  }

  /**
   * The row's record. `examCells` accepts the row's exam cells not read yet (a list's on-demand columns): called only
   * when the row is not an adult's — the panel lists pediatric rows only, so an adult's exam is never worked out
   * (most of a big worklist's cost).
   */
  record(examCells?: () => void): ExamRecord {
    const { ctx, exam, scheduled, order, visit } = this;
    this.reference = exam ?? scheduled ?? order ?? visit;
    this.referenceBasis = exam ? 'exam' : scheduled ? 'scheduled' : order ? 'order' : 'visit';
    const age = chooseAge(this, ctx.today, ctx.cutoff, this.choice);
    let pediatric = age !== null && age.pediatric;
    if (age !== null && !pediatric) return adultRecord(age.days, age.basis);
    // The printed age only for rows the panel lists (pediatric ones): less to build and to compare on big lists.
    const ageDetail: AgeDetail | null = age && pediatric ? ageDetailOf(age, this.birth) : null;
    examCells?.();

    const description = this.proc ? clean(this.proc) || null : null;
    const codes = this.codes;
    let modalities: readonly ModalityCode[];
    let campaigns: readonly Campaign[];
    if (codes && codes.length > 0) {
      // Rows with a code only need the procedure's interventional/dental nature.
      const flags = description ? procedureFlags(description, codes) : NO_FLAGS;
      const interventional = flags.interventional || codes.includes('XA');
      modalities = interventionModalities(codes.length > 1 ? sortModalities([...codes]) : codes, interventional);
      campaigns = sharedCampaigns(modalities, interventional, flags.dental || codes.includes('IO') || codes.includes('PX'));
    } else if (description) {
      const info = classifyProcedure(description);
      modalities = info.modalities;
      campaigns = sharedCampaigns(modalities, info.interventional, info.dental);
    } else {
      modalities = [];
      campaigns = NO_CAMPAIGNS;
    }
    if (age === null && description && PEDIATRIC_PROTOCOL.test(description.toUpperCase())) pediatric = true;
    return {
      ageDays: age ? age.days : null,
      ageBasis: age ? age.basis : null,
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

/** An adult's row: its age only (no exam, no printed age). Same fields, in the same order, as every record. */
function adultRecord(ageDays: number, ageBasis: AgeBasis): ExamRecord {
  return { ageDays, ageBasis, ageDetail: null, pediatric: false, modality: null, campaign: null, campaigns: NO_CAMPAIGNS as Campaign[], description: null };
}

const NO_FLAGS = { interventional: false, dental: false };
/** At most this many reference-date texts kept per list. */
const MAX_KEPT_DATES = 512;
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

/** The records of a list: its rows of facts, then its tables row by row. */
export function decideRows(findings: PageFindings, ctx: DecideContext): ExamRecord[] {
  // Sized once (a worklist's thousands of records, not an array grown and copied as they come).
  let size = findings.rows.length;
  for (const table of findings.tables ?? []) size += table.columns.length > 0 ? table.values[0]!.length : 0;
  const out = new Array<ExamRecord>(size);
  let k = 0;
  const reader = new RowReader(ctx);
  for (const facts of findings.rows) {
    reader.reset();
    for (let i = 0; i < facts.length; i++) reader.accept(facts[i]!.kind, facts[i]!.text);
    out[k++] = reader.record();
  }
  for (const table of findings.tables ?? []) {
    const { columns: cols, values, cell } = table;
    const n = cols.length > 0 ? values[0]!.length : 0;
    // Columns read at once, then the ones read on demand (the exam's, for rows that are not an adult's).
    const now: number[] = [];
    const later: number[] = [];
    for (let c = 0; c < cols.length; c++) (cell && cols[c]!.onDemand ? later : now).push(c);
    let r = 0;
    const examCells = () => {
      for (const c of later) reader.accept(cols[c]!.kind, cell!(c, r));
    };
    for (; r < n; r++) {
      reader.reset();
      for (const f of table.base) reader.accept(f.kind, f.text);
      for (const c of now) reader.accept(cols[c]!.kind, values[c]![r] ?? '');
      out[k++] = reader.record(later.length > 0 ? examCells : undefined);
    }
  }
  return out;
}

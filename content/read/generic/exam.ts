/**
 * The exam of the page, wherever it is named: a labelled procedure/exam/order field, the chosen option of a
 * select, the selected or active row of an order list or worklist, a heading (an order composer's title), an order
 * row still to be done. Each text that names an imaging exam (a modality word or code — parse/procedure.ts — or a
 * dental imaging code) is a candidate, scored by where it is:
 *   + labelled as the procedure/exam, selected/active, a heading, in a row still to be done, dated today or later;
 *   − in a section of earlier exams, in a done or cancelled row dated before today, in free text (reasons, notes),
 *     worded as a condition or an alternative ("CT only if US is non-diagnostic", "may convert to fluoroscopy");
 *   never: another patient's row or section.
 * The best candidate is the exam; ties go to the first on the page.
 */
import { classifyProcedure, parseModalityCodes } from '../parse/procedure';
import { dentalImagingCode } from '../parse/dental-codes';
import { type CalendarDate, daysBetween, findDate, utcDate } from '../parse/dates';
import type { ModalityCode } from '../types';
import { MAX_FACT_CHARS } from '../profiles/profile';
import { TICKED, UNTICKED } from './boxes';
import { NOT_THE_EXAM } from './fields';
import type { Field } from './pairs';
import { type DateMention, isPersonName } from './patient';
import { CONTROL, FREE, HEADING, OTHERS, PRIOR, SELECTED, type PageText } from './walk';

/** Field kinds whose values can name the exam; any other labelled value is what its label says. */
const EXAM_FIELDS: ReadonlySet<string> = new Set(['procedure', 'modality', 'bodyPart', 'freeText', 'other']);

export interface ExamFound {
  seg: number;
  text: string;
  score: number;
  /** The row it is in, when it is one of a list's rows. */
  row: Element | null;
  /** A modality code the text itself implies (a dental imaging code). */
  code: ModalityCode | null;
  why: string[];
  /** Rows that name an exam (the exam's and the other exams' of its list). */
  examRows: Set<Element>;
}

/** Longest text read as an exam's name (a labelled field may be longer than a row cell or heading). */
const MAX_NAME = 90;
const MAX_LABELLED = MAX_FACT_CHARS;
const MAX_WORDS = 14;
/** Candidates looked at (a page names a few dozen exams at most). */
const MAX_CANDIDATES = 400;

function isProcedureField(f: Field | null): boolean {
  return f !== null && f.kind === 'procedure';
}

/** First date of a row (for "dated before today"). */
function rowDate(text: PageText, row: Element, dates: readonly DateMention[][]): CalendarDate | null {
  const info = text.rows.get(row);
  if (!info) return null;
  for (let i = info.from; i <= info.to; i++) {
    const d = dates[i]?.[0];
    if (d && d.role !== 'birth') return d.date;
  }
  return null;
}

/** A clause of free text that carries one of its segment's dates, and that date is before today. */
function clauseDatedBefore(clause: string, mentions: readonly DateMention[] | undefined, today: CalendarDate): boolean {
  if (!mentions) return false;
  for (const d of mentions) if (d.role !== 'birth' && clause.includes(d.text) && daysBetween(d.date, today) > 0) return true;
  return false;
}

/**
 * The clause tells the exam as done on one of its segment's dates ("XR chest done on 12/04/2026 for cough",
 * "TC craneal realizada el 04/12/2026": a date whose words say the exam was done then, in a note or not) and says
 * nothing of it being an earlier or outside one, or of its result as a thing of the past ("… at an outside hospital
 * was normal").
 */
function toldDone(clause: string, mentions: readonly DateMention[] | undefined): boolean {
  if (!mentions || PAST_NARRATION.test(clause)) return false;
  for (const d of mentions) if ((d.told || d.role === 'exam') && clause.includes(d.text)) return true;
  return false;
}

/** Words of an exam told as an earlier or outside one, or of its result told as past. */
const PAST_NARRATION =
  /\b(?:prior|previous|prev|earlier|last|old|outside|osh|elsewhere|another (?:hospital|facility|center|centre)|was|were|showed|revealed|demonstrated|anterior|previ[oa]|antigu[oa]|externo|externa|otro (?:centro|hospital)|otra (?:clinica|institucion)|fue|mostr[oó]|evidenci[oó])\b/i;

/** Little words of running text: two or more of them make a sentence, not an exam's name. */
const PROSE_WORD = /\b(?:the|a|an|is|are|was|were|be|been|see|please|for|to|this|that|we|you|your|our|will|has|have|had|go|now|if|when|who|which|el|la|los|las|es|son|para|por|que|ver)\b/gi;

function isProse(text: string): boolean {
  return (text.match(PROSE_WORD)?.length ?? 0) >= 2;
}

/** Words of intraoral imaging (the modality words of parse/procedure.ts for IO, which dental wording falls back to). */
const INTRAORAL_WORDS = /bite[\s-]?wings?|\bbwx?\b|periapical|\bpa\b|occlusal|oclusal|intra[\s-]?oral|\bfmx\b|full[\s-]mouth|aleta de mordida|radiogra|x-?rays?\b|\bimages?\b/i;


/** Wording that says the exam is asked for. */
const ORDERED = /\b(?:ordered|requested|scheduled|booked|planned|today|stat|obtain|solicitad[oa]|programad[oa]|hoy)\b/i;

/** The clauses of running text that may name an exam: split at sentence and clause punctuation and dashes. */
function clausesOf(text: string): string[] {
  const out: string[] = [];
  for (const c of text.split(/[.;:!?]\s+|\s+[—–-]\s+|\s*[()]\s*|,\s+(?=(?:and\s+)?[A-Z])/)) {
    const t = c.trim();
    if (t.length >= 4 && t.length <= MAX_NAME && t.split(' ').length <= MAX_WORDS) out.push(t);
    if (out.length >= 24) break;
  }
  return out;
}

/** A text made only of modality codes (`CT`, `PT/CT`, `CT\\SR`). */
export function isCodeList(text: string): boolean {
  if (text.length > 16) return false;
  const tokens = text.trim().split(/[\\,/;|\s]+/).filter(Boolean);
  return tokens.length > 0 && parseModalityCodes(text).length > 0 && tokens.every((t) => /^[A-Z0-9]{1,3}$/.test(t));
}

/** Words of a viewer's series, thumbnail or overlay label ("Series 2", "Se: 1", "S1 · 12 img", "32 imágenes"). */
const SERIES_WORDS = /\b(?:series|serie|se|ser|img|imgs|images?|im[aá]genes|im|frames?|instances?|thumbnail|s\d+)\b/i;
/** A modality code as a token of its own, in capitals ("CR", not "CREATININE" nor the unit "Cr"). */
const CODE_TOKEN = /(?<![A-Za-z0-9^_])(?:CT|CR|DX|RF|XA|NM|PT|MR|US|MG|IO|PX)(?![A-Za-z0-9^_])/g;

/**
 * The modality codes a viewer shows for its series: a text that is only codes (an overlay's or a thumbnail's "CR"),
 * or a short series label that holds a code beside series words ("Series 1 — CR — 1 image", "CR Se: 1").
 */
export function shownCodes(text: string): ModalityCode[] {
  if (isCodeList(text)) return [...parseModalityCodes(text)];
  if (text.length > 48 || !SERIES_WORDS.test(text)) return [];
  const out: ModalityCode[] = [];
  for (const m of text.matchAll(CODE_TOKEN)) for (const c of parseModalityCodes(m[0])) if (!out.includes(c)) out.push(c);
  return out;
}

/** A label that says only "Name". */
const BARE_NAME = /^\s*(?:name|nombre)\s*:?\s*$/i;

/** Words naming a newborn: on a parent's chart, an exam said of one is the baby's. */
const NEWBORN_WORDS = /\b(?:newborn|baby|infant|neonat\w*|son|daughter|nicu|reci[eé]n nacid[oa]|RN|beb[eé]|hij[oa]|lactante)\b/iu;

/** `parent`: the patient is a parent on a page that speaks of a newborn (patient.ts). */
export function findExam(
  text: PageText,
  fields: readonly (Field | null)[],
  dates: readonly DateMention[][],
  others: Uint8Array,
  now: Date,
  parent = false,
): ExamFound | null {
  const { segs, rows } = text;
  const today = utcDate(now);
  let best = null as ExamFound | null;
  let looked = 0;
  const examRows = new Set<Element>();
  const consider = (i: number, candidate: string, labelled: boolean, clause: boolean) => {
    const s = segs[i]!;
    const field = fields[i] ?? null;
    const dental = dentalImagingCode(candidate);
    const info = classifyProcedure(candidate);
    if (info.modalities.length === 0 && !dental) return;
    // A bare code ("CT") names a modality, not an exam: it is read with its row, not as the exam's name.
    if (!dental && isCodeList(candidate)) return;
    // Dental wording alone ("primary tooth", "orthodontic records") is not an imaging exam: an intraoral image needs
    // its own words or code.
    if (!dental && info.modalities.length === 1 && info.modalities[0] === 'IO' && !INTRAORAL_WORDS.test(candidate)) return;
    looked++;
    if (s.row) examRows.add(s.row);
    const why: string[] = [];
    let score = 2;
    const add = (n: number, reason: string) => {
      score += n;
      why.push(reason);
    };
    if (labelled) add(4, `labelled ${field!.label}`);
    if (s.flags & SELECTED) add(3, s.flags & CONTROL ? 'chosen option' : 'selected');
    if (s.flags & HEADING) add(2, 'heading');
    if (info.region) add(1, 'names a region');
    const row = s.row ? rows.get(s.row) : undefined;
    if (row) {
      if (row.selected && !(s.flags & SELECTED)) add(3, 'selected row');
      const when = s.row ? rowDate(text, s.row, dates) : null;
      const age = when ? daysBetween(when, today) : null;
      if (row.status === 'active') add(2, 'row to be done');
      if (row.status === 'cancelled') add(-8, 'cancelled');
      if (row.status === 'done' && !row.selected && (age === null || age > 0)) add(-4, 'done earlier');
      if (row.status === null && age !== null && age > 1 && !row.selected) add(-2, 'dated before today');
      if (age !== null && age <= 0) add(1, 'dated today or later');
    }
    if (s.flags & PRIOR) add(-6, 'earlier exams');
    if (clause) {
      add(-1, 'in free text');
      if (ORDERED.test(candidate)) add(1, 'ordered');
      // Prose that dates the exam it names before today is about an earlier exam ("the pano of 09/10 showed …"),
      // unless it tells the exam as done then, with no word of it being an earlier one (a note's imaging line).
      if (toldDone(candidate, dates[i])) add(1, 'told as done');
      else if (clauseDatedBefore(candidate, dates[i], today)) add(-3, 'dated before today');
    } else if (s.flags & FREE || field?.kind === 'freeText') add(-2, 'free text');
    if (NOT_THE_EXAM.test(candidate)) add(-4, 'conditional, negated or an alternative');
    if (parent && NEWBORN_WORDS.test(candidate)) add(-4, "the newborn's");
    if (UNTICKED.test(candidate)) add(-8, 'box not ticked');
    else if (TICKED.test(candidate)) add(3, 'box ticked');
    if (score < 1) return;
    if (!best || score > best.score) best = { seg: i, text: candidate, score, row: s.row, code: dental?.modality ?? null, why, examRows };
  };

  for (let i = 0; i < segs.length && looked < MAX_CANDIDATES; i++) {
    const s = segs[i]!;
    if (s.flags & OTHERS) continue;
    if (others[i]) continue;
    const field = fields[i] ?? null;
    // A labelled value is what its label says; a role word's value ("Exam requested:") may be the exam's name.
    // (A "Name" column of a list of orders is the order's name.)
    // A bare "Name" that holds no person's name is the order's name (an order window's "Name: XR Bone Age").
    const orderName = field?.kind === 'patientName' && BARE_NAME.test(field.label) && !isPersonName(s.text);
    if (field && !EXAM_FIELDS.has(field.kind) && !(field.kind === 'date' && !findDate(s.text)) && !(s.col !== null && field.kind === 'patientName') && !orderName) continue;
    const labelled = isProcedureField(field) || orderName;
    if (s.text.length < 2 || !/[A-Za-z]{2}/.test(s.text)) continue;
    // Running text outside a labelled note (a letter's paragraph) is read clause by clause too.
    const free = (s.flags & FREE) !== 0 || field?.kind === 'freeText' || (s.text.length > MAX_NAME && isProse(s.text));
    const short = s.text.length <= (labelled ? MAX_LABELLED : MAX_NAME) && (labelled || (s.text.split(' ').length <= MAX_WORDS && !isProse(s.text)));
    if (short) consider(i, s.text, labelled, false);
    else if (free) for (const c of clausesOf(s.text)) consider(i, c, false, true);
  }
  return best;
}

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
import { CAMPAIGN_OF_MODALITY, classifyProcedure, parseModalityCodes } from '../parse/procedure';
import { dentalImagingCode } from '../parse/dental-codes';
import { type CalendarDate, daysBetween, findDate, utcDate } from '../parse/dates';
import type { ModalityCode } from '../types';
import { labelKey, MAX_FACT_CHARS } from '../profiles/profile';
import { TICKED, UNTICKED, withoutBox } from './boxes';
import { AWAITING_REPORT, dateRole, isDepartmentName, isListTitle, NOT_DONE, NOT_THE_EXAM, SESSION_WORDS, SIGNATURE_LINE, WEIGHED_EXAM } from './fields';
import { type Field, valueLine } from './pairs';
import { isPersonName } from './names';
import { isSeriesLabel, MAX_LABEL_CHARS, SERIES_WORDS } from './viewer';
import type { DateMention } from './patient';
import { CONTROL, FREE, HEADING, OTHERS, PRIOR, RESULTS, SELECTED, type PageText, type Seg } from './walk';

/** Field kinds whose values can name the exam; any other labelled value is what its label says. */
const EXAM_FIELDS: ReadonlySet<string> = new Set(['procedure', 'modality', 'bodyPart', 'freeText', 'other']);
/** Date roles as labels: a value with no date in it names what was done or asked for ("Requested: CT CHEST W", "Performed: XR forearm"). */
const DATE_FIELDS: ReadonlySet<string> = new Set(['date', 'examDate', 'scheduledDate', 'orderDate', 'visitDate']);

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
  /**
   * Those of them that name one that may be the page's (not history, a relative's, a follow-up, a cancelled or
   * unticked one): the exam is one of many when there are two or more.
   */
  likelyRows: Set<Element>;
  /** The viewer's open study, as its image overlay stamps it ("CT 02/12/2026 11:37", "Study Date: 2026-12-04"), if the page shows one. */
  stamp: OpenStudy | null;
  /** The date of a chart's result taken as the exam (`newestResult`): the day it was done. */
  resulted?: DateMention;
}

/** The modality code and date a viewer's overlay shows for the study open in it. */
export interface OpenStudy {
  seg: number;
  date: DateMention;
  /** Its modality codes; none when the overlay dates it without one. */
  codes: ModalityCode[];
}

/** Longest text read as an exam's name (a labelled field may be longer than a row cell or heading). */
const MAX_NAME = 90;
const MAX_LABELLED = MAX_FACT_CHARS;
const MAX_WORDS = 14;
/** Days after which a row dated then and still to be done is no open exam (an order is not kept open a year). */
const STALE_DAYS = 365;
/** Candidates looked at (a page names a few dozen exams at most). */
const MAX_CANDIDATES = 400;

function isProcedureField(f: Field | null): boolean {
  return f !== null && f.kind === 'procedure';
}

/**
 * The date of a row's exam (for "dated before today"): its first date, past the day it was asked for when the row also
 * dates the exam itself ("Requested 09/11 | Event 16/11" is the exam of the 16th).
 */
function rowDate(text: PageText, row: Element, dates: readonly DateMention[][]): CalendarDate | null {
  const info = text.rows.get(row);
  if (!info) return null;
  let asked: CalendarDate | null = null;
  for (let i = info.from; i <= info.to; i++) {
    const d = dates[i]?.[0];
    if (!d || d.role === 'birth') continue;
    if (d.role !== 'order') return d.date;
    asked ??= d.date;
  }
  return asked;
}

/**
 * A letter (a salutation: "Dear Dr …", "Estimada familia …") that names no open exam is about the exam its body tells
 * as done on a day: "A CT head performed on 10/11/2026 … was normal", "Your screening mammogram performed on Nov 20,
 * 2026 showed …", "Ecografía abdominal realizada el 18/11/2026". The exam's name is what its sentence says before the
 * word that tells it done. Never an exam of elsewhere, of a relative or told as of the past ("at another hospital",
 * "had an MRI …", "previous"), one not done, nor one of two such exams (no single subject). Null when there is none.
 */
export function letterSubject(text: PageText, fields: readonly (Field | null)[], dates: readonly DateMention[][], others: Uint8Array, salutation: number, now: Date): ExamFound | null {
  if (salutation < 0) return null;
  const today = utcDate(now);
  let found: ExamFound | null = null;
  for (let i = salutation + 1; i < text.segs.length && i <= salutation + LETTER_SEGS; i++) {
    const s = text.segs[i]!;
    if (others[i] || s.flags & (OTHERS | PRIOR) || s.row || fields[i]?.kind === 'freeText') continue;
    for (const d of dates[i] ?? []) {
      if (!(d.told || d.role === 'exam') || daysBetween(d.date, today) < 0) continue;
      const start = Math.max(s.text.lastIndexOf('. ', d.at), s.text.lastIndexOf('; ', d.at), s.text.lastIndexOf('! ', d.at), s.text.lastIndexOf('? ', d.at)) + 1;
      const head = s.text.slice(start, d.at).trim();
      const done = TOLD_DONE.exec(head);
      if (!done || head.length > MAX_NAME) continue;
      const name = head.slice(0, done.index).replace(LEADING_WORDS, '').trim();
      const sentence = s.text.slice(start, s.text.indexOf('. ', d.at) < 0 ? undefined : s.text.indexOf('. ', d.at));
      if (classifyProcedure(name).modalities.length === 0 && !dentalImagingCode(name)) continue;
      if (NOT_DONE.test(sentence) || NOT_THE_EXAM.test(head) || RELATIVE_OWN.test(sentence) || TOLD_PAST.test(sentence) || ELSEWHERE.test(sentence) || EARLIER_FIRST.test(name)) continue;
      // Two exams told done: the letter is about neither alone.
      if (found) return null;
      found = { seg: i, text: name, score: 0, row: null, code: dentalImagingCode(name)?.modality ?? null, why: ['told done in a letter'], examRows: new Set(), likelyRows: new Set(), stamp: null };
    }
  }
  return found;
}
/** Segments of a letter's body looked at after its salutation. */
const LETTER_SEGS = 40;
/** The words that tell an exam done, at the end of what precedes its date ("… performed on", "… realizada el"). */
const TOLD_DONE = /\s(?:was\s+|were\s+)?(?:performed|done|obtained|taken|completed|carried out|acquired|realizad[oa]|efectuad[oa]|practicad[oa])\b(?:\s+(?:on|el|el d[ií]a))?\s*$/i;
/** An article or possessive before an exam's name ("A CT head", "Your child's chest X-ray", "La ecografía"). */
const LEADING_WORDS = /^(?:(?:a|an|the|your|her|his|their|your child's|your child’s|su|la|el|una?)\s+)+/i;
/** An exam done somewhere else, or told as an earlier one. */
const ELSEWHERE = /\b(?:outside|osh|elsewhere|another (?:hospital|facility|center|centre|clinic)|other (?:hospital|facility)|prior|previous|previously|earlier|otro (?:centro|hospital)|otra (?:clinica|cl[ií]nica|institucion|instituci[oó]n)|externo|externa|previ[oa]|anterior)\b/i;

/** A text of the row (a cell, a status) says it: each of its segments is tried. */
function rowSays(text: PageText, row: Element, words: RegExp): boolean {
  const info = text.rows.get(row);
  if (!info) return false;
  for (let i = info.from; i <= info.to; i++) if (words.test(text.segs[i]!.text)) return true;
  return false;
}

/** The first date of a row that is no birth date (for a result: the day it was done). */
function rowDateMention(text: PageText, row: Element, dates: readonly DateMention[][]): DateMention | null {
  const info = text.rows.get(row);
  if (!info) return null;
  for (let i = info.from; i <= info.to; i++) for (const d of dates[i] ?? []) if (d.role !== 'birth') return d;
  return null;
}

/**
 * A chart's results tab or list with no exam open on the page (no order, request or study named outside it): the
 * newest result row that names an exam ("Imaging results · CT Head · 02-Dec-2026 · Final") is the exam, done on its
 * row's date (not after today). Null when no result row names an exam.
 */
export function newestResult(text: PageText, fields: readonly (Field | null)[], dates: readonly DateMention[][], others: Uint8Array, now: Date): ExamFound | null {
  const today = utcDate(now);
  let best: { seg: number; date: DateMention } | null = null;
  for (let i = 0; i < text.segs.length; i++) {
    const s = text.segs[i]!;
    if (!(s.flags & RESULTS) || s.flags & (OTHERS | FREE) || others[i] || !s.row || fields[i]?.kind === 'freeText') continue;
    if (s.text.length > MAX_NAME || isProse(s.text) || NOT_DONE.test(s.text) || classifyProcedure(s.text).modalities.length === 0) continue;
    const d = rowDateMention(text, s.row, dates);
    if (!d || daysBetween(today, d.date) > 0) continue;
    if (!best || daysBetween(best.date.date, d.date) > 0) best = { seg: i, date: d };
  }
  if (!best) return null;
  const s = text.segs[best.seg]!;
  return { seg: best.seg, text: s.text, score: 0, row: s.row, code: null, why: ['newest result'], examRows: new Set(), likelyRows: new Set(), stamp: null, resulted: best.date };
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

/**
 * Running text that tells an exam of the past: "had an arm x-ray", "underwent a CT", "s/p VCUG", "h/o", "2 years ago",
 * "last year", "in October", "previously", "yesterday at OSH", "tuvo", "hace 2 años", "el año pasado", "ayer en otro
 * centro", "antecedente de".
 */
const TOLD_PAST =
  /\b(?:had|has had|underwent|s\/p|status post|h\/o|hx of|history of|ago|last (?:year|month|week|night|spring|summer|fall|autumn|winter|visit|admission)|previously|yesterday|ayer|anteayer|(?:at|from|en|de) (?:an? |the )?(?:osh|outside (?:hospital|facility|clinic|ed|er|imaging)|another (?:hospital|facility|center|centre)|otro (?:centro|hospital))|in (?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|tuvo|se le realiz[oó]|hace \d+|el a[nñ]o pasado|el mes pasado|antecedentes? de)\b/i;
/** A year written alone ("s/p VCUG 2024", "knee film from 2019"). */
const BARE_YEAR = /(?<![\w/.-])(?:19|20)\d{2}(?![\w/.-])/g;
/** A month and year alone ("pano 08/2026 shows …", "ceph 3/2025"): a clause dated by it before this month is history. */
const MONTH_YEAR = /(?<![\w/.-])(0?[1-9]|1[0-2])[/.-]((?:19|20)\d{2})(?![\w/.-])/g;
/** A clause that begins by calling the exam an earlier one ("Prior ceph on file", "previous pano: …", "old films"). */
const EARLIER_FIRST = /^(?:(?:the|a|an|her|his|their)\s+)?(?:prior|previous|earlier|old|outside|last)\b(?!\s+to\b)/i;
/** A relative's, in the possessive: "brother's scan", "Mother's own knee film", "sister's x-ray". */
const RELATIVE_OWN =
  /\b(?:mother|mom|mum|father|dad|parent|sibling|brother|sister|twin|grand(?:mother|father|ma|pa)|aunt|uncle|cousin)(?:'s|’s|s')(?!\w)/i;
/** A later follow-up, not today's exam: "repeat radiograph in 3 weeks", "follow-up films in 6 wks", "control en 2 semanas". */
const LATER = /\b(?:in|en|within|after|tras)\s+(?:\d{1,2}|one|two|three|four|six|a few|un[oa]?|dos|tres|cuatro|seis)[\s-]*(?:days?|d|weeks?|wks?|months?|mos?|d[ií]as|semanas?|meses)\b/i;
const REPEAT = /\b(?:repeat|follow[\s-]?up|f\/u|recheck|re-?image|re-?imaging|control|repetir|nueva)\b/i;

/**
 * A free-text mention of an exam that is not this one: told of a relative ("Older sister (7) had an arm x-ray",
 * "Mother's own knee film from 2019"), of the past ("had a CT last year", "s/p VCUG 2024"), or as a later follow-up
 * ("repeat radiograph in 3 weeks"). An exam the clause asks for today ("obtained today", "ordered") is not history.
 */
/** The clause of a short text that names the exam ("repeat XR clavicle in 6 weeks" of "…in 6 weeks. No imaging today."). */
function namingClause(text: string): string {
  if (!/[.;]\s/.test(text)) return text;
  for (const c of text.split(/[.;]\s+/)) if (classifyProcedure(c).modalities.length > 0) return c;
  return text;
}

function toldOfOtherTime(clause: string, sentence: string, today: CalendarDate): string | null {
  if (ORDERED.test(clause)) return null;
  if (RELATIVE_OWN.test(sentence)) return "a relative's";
  if (TOLD_PAST.test(sentence)) return 'history';
  for (const m of clause.matchAll(BARE_YEAR)) if (+m[0] < today.y) return 'history';
  for (const m of clause.matchAll(MONTH_YEAR)) if (+m[2]! * 12 + +m[1]! < today.y * 12 + today.m) return 'history';
  if (EARLIER_FIRST.test(clause)) return 'history';
  if (REPEAT.test(clause) && LATER.test(clause)) return 'a later follow-up';
  return null;
}

/** Where one sentence of a short text ends and the next begins. */
const SENTENCE_END = /(?<=[.;!?])\s+/;

/**
 * A text less its sentences that tell their own exam not done, not needed or declined ("US hips bilateral ordered,
 * schedule in 1–2 weeks. No X-ray." → its first sentence): what is left, when it still names an exam. Null when the
 * text is one sentence, when a sentence that says so names no exam of its own ("Not performed.", "No imaging was
 * performed.": said of the exams of the whole text) or when nothing is left.
 */
function withoutNotDone(text: string): string | null {
  const parts = text.split(SENTENCE_END);
  if (parts.length < 2) return null;
  const kept: string[] = [];
  for (const p of parts) {
    if (!NOT_DONE.test(p)) kept.push(p);
    else if (classifyProcedure(p).modalities.length === 0 && !dentalImagingCode(p)) return null;
  }
  const rest = kept.join(' ');
  return kept.length > 0 && (classifyProcedure(rest).modalities.length > 0 || dentalImagingCode(rest)) ? rest : null;
}

/** Little words of running text: two or more of them make a sentence, not an exam's name. */
const PROSE_WORD = /\b(?:the|a|an|is|are|was|were|be|been|see|please|for|to|this|that|we|you|your|our|will|has|have|had|go|now|if|when|who|which|el|la|los|las|es|son|para|por|que|ver|vous|nous|est|sont|une|les|gli|che|sono|uma|você|voce|het|een|zijn|wordt)\b/gi;

function isProse(text: string): boolean {
  return (text.match(PROSE_WORD)?.length ?? 0) >= 2;
}

/** Words of intraoral imaging (the modality words of parse/procedure.ts for IO, which dental wording falls back to; French and Italian too). */
const INTRAORAL_WORDS = /bite[\s-]?wings?|\bbwx?\b|periapical|\bpa\b|occlusal|oclusal|intra[\s-]?oral|\bfmx\b|full[\s-]mouth|aleta de mordida|radiogra|x-?rays?\b|\bimages?\b|r[ée]tro-?alv[ée]olaire|endoral|intra-?buccal|intrabucal|interproximal/i;


/**
 * Running text about radiation or about how an exam is made ("uses a small amount of X-ray radiation", "this study
 * uses X-rays", "la prueba utiliza rayos X"): an information paragraph, not an exam's name.
 */
const ABOUT_RADIATION =
  /\bradiation\b|\bradiaci[oó]n|\b(?:amount|dose|cantidad|dosis)\s+(?:of|de)\s+(?:x-?rays?|rayos|radia)|\bexposure\s+to\b|\b(?:uses?|using|involves?|utiliza|usa|emplea)\s+(?:(?:a\s+|una\s+)?(?:small|low|tiny|minimal|peque[ñn]a|baja)?\s*(?:amount|dose|cantidad|dosis)\s+(?:of|de)\s+)?(?:x-?rays?|rayos)/i;

/**
 * A line that opens by titling what follows as earlier or related studies ("Relevant priors: CT CHEST W CON 02-Mar-2025",
 * "Related: …", "Comparison: …", "Previous studies (2): …", "Estudios previos: …"): none of them is the open exam.
 */
const PRIORS_BEFORE =
  /^\s*(?:(?:relevant|related|other|available|comparison|prior|previous|earlier|historical)\s+)?(?:priors?|previous|related|comparisons?|history|(?:studies|exams|imaging)(?:\s+available)?|estudios\s+(?:previos|anteriores|relacionados)|previos|anteriores|comparaci[oó]n)\s*(?:\(\d+\))?\s*[:：]/i;
/** How much of a line's start is looked at for such a title. */
const PRIORS_TITLE_CHARS = 60;

/**
 * A field whose label titles earlier or related studies ("Priors", "Comparison", "Comparación", "Previous imaging"). A
 * label of the exam itself ("Imaging:", "Studies:") is not one.
 */
function titlesPriors(field: Field | null): boolean {
  return field !== null && field.kind !== 'procedure' && field.label.length <= PRIORS_TITLE_CHARS && PRIORS_BEFORE.test(`${field.label.replace(/[\s:：]+$/, '')}:`);
}

/** Wording that says the exam is asked for. */
const ORDERED = /\b(?:ordered|requested|scheduled|booked|planned|today|stat|obtain|solicitad[oa]|programad[oa]|hoy)\b/i;

/** Labels of a note's plan ("Plan:", "Indicaciones:", "Se solicita:"): what follows is asked for ("Orders:" names the exam, labels.ts). */
const PLAN_LABEL = /^(?:plan|p|a p|assessment and plan|assessment plan|plan of care|care plan|plan and recommendations|indicaciones|indicaciones medicas|plan de actuacion|plan de accion|plan terapeutico|se solicita|solicito|solicitudes|pedidos)$/;

/** The clauses of running text that may name an exam: split at sentence and clause punctuation and dashes. */
function clausesOf(text: string): string[] {
  const out: string[] = [];
  const fits = (t: string) => t.length >= 4 && t.length <= MAX_NAME && t.split(' ').length <= MAX_WORDS;
  for (const c of text.split(/[.;:!?]\s+|\s+[—–-]\s+|\s*[()]\s*|,\s+(?=(?:and\s+)?[A-Z])/)) {
    const t = c.trim();
    if (fits(t)) out.push(t);
    // A long clause that tells an appointment, when and where ("… an appointment for your child to have a contrast
    // enema on Tuesday 15 December 2026 at 10:15 in the X-ray Department"): its parts before each "on", "at", "in"…
    // (A long clause of a history, "he had a CT scan at the outside hospital in March", stays unread.)
    else if (t.length <= MAX_CLAUSE && dateRole(t) === 'scheduled') for (const part of t.split(WHEN_WHERE)) if (fits(part.trim())) out.push(part.trim());
    if (out.length >= 24) break;
  }
  return out;
}
/** Where a sentence of running text ends and another begins. */
const SENTENCE_BREAK = /[.;!?]\s+\S/;
/** A clause cut into its parts is at most this long. */
const MAX_CLAUSE = 400;
/** Where a clause goes on to say when or where: before "on", "at", "in", "el", "en"… */
const WHEN_WHERE = /\s+(?=(?:on|at|in|from|el|en|a las|desde)\s)/;

/** The sentence of running text that a clause is in, from its start to the clause's end. */
function sentenceUpTo(text: string, clause: string): string {
  const at = text.indexOf(clause);
  if (at < 0) return clause;
  const start = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('! ', at), text.lastIndexOf('? ', at)) + 1;
  return text.slice(start, at + clause.length);
}

/**
 * DICOM modality codes of what is not an image (structured reports, key objects, presentation states, documents…): a
 * study's list of codes holds them beside its image modalities (`CT\\SR`, `MR KO PR`).
 */
const NON_IMAGE_CODES = new Set(['SR', 'KO', 'PR', 'OT', 'SEG', 'REG', 'DOC', 'SC', 'ECG', 'AU', 'HD', 'SM', 'XC', 'ES', 'OP', 'VL', 'BMD', 'RTP', 'RTS', 'RTD', 'RTI']);

/**
 * A text made only of modality codes (`CT`, `PT/CT`, `CT\\SR`). An exam's short name in codes and abbreviations
 * ("CT ABD PEL W CON", "XR L FA 2V") holds words that are no modality's code: it names an exam.
 */
export function isCodeList(text: string): boolean {
  if (text.length > 16) return false;
  const tokens = text.trim().split(/[\\,/;|\s]+/).filter(Boolean);
  return tokens.length > 0 && parseModalityCodes(text).length > 0 && tokens.every((t) => /^[A-Z0-9]{1,3}$/.test(t) && (parseModalityCodes(t).length > 0 || NON_IMAGE_CODES.has(t)));
}

/** A modality code as a token of its own, in capitals ("CR", not "CREATININE" nor the unit "Cr"). */
const CODE_TOKEN = /(?<![A-Za-z0-9^_])(?:CT|CR|DX|RF|XA|NM|PT|MR|US|MG|IO|PX)(?![A-Za-z0-9^_])/g;

/**
 * The modality codes a viewer shows for its series: a text that is only codes (an overlay's or a thumbnail's "CR"),
 * or a short series label that holds a code beside series words ("Series 1 — CR — 1 image", "CR Se: 1").
 */
export function shownCodes(text: string): ModalityCode[] {
  if (isCodeList(text)) return [...parseModalityCodes(text)];
  if (text.length > MAX_LABEL_CHARS || !SERIES_WORDS.test(text)) return [];
  const out: ModalityCode[] = [];
  for (const m of text.matchAll(CODE_TOKEN)) for (const c of parseModalityCodes(m[0])) if (!out.includes(c)) out.push(c);
  return out;
}

/** What may stand beside an overlay's date and code: a time, the words of a study date label, punctuation. */
const STAMP_WORDS = /\b(?:study|date|time|acq|acquired|exam|fecha|hora|estudio|examen|adquisici[oó]n|am|pm|h)\b/gi;
const TIME = /\b\d{1,2}:\d{2}(?::\d{2})?\b/g;
const MAX_STAMP_CHARS = MAX_LABEL_CHARS;

/**
 * The study open in a viewer, as its image overlay stamps it: a short line outside any list with one modality code
 * and one date and nothing else but a time or a date label ("CT 02/12/2026 11:37", "CT  2026-12-02 11:37",
 * "MR · Study date 2026-12-02"), or a code alone beside a line that is only a date in the same overlay block. Of
 * several (a comparison viewport shows the prior beside the current study), the latest. With none, a labelled study
 * date of the same kind of short line ("Study Date: 2026-12-04", "StudyDate 20261204", "Acq Date …"): the open study
 * of any modality (`codes` empty).
 */
export function openStudyStamp(text: PageText, dates: readonly DateMention[][]): OpenStudy | null {
  const { segs } = text;
  let best: OpenStudy | null = null;
  let labelled: OpenStudy | null = null;
  let corner: OpenStudy | null = null;
  // A block of the overlay may be one of a few alike (its corners), but not a row of a list that names an exam.
  const namesExam = new Map<Element, boolean>();
  const examRow = (row: Element | null): boolean => {
    if (!row) return false;
    let v = namesExam.get(row);
    if (v === undefined) namesExam.set(row, (v = rowNamesExam(text, row)));
    return v;
  };
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.col !== null || s.flags & (FREE | OTHERS | PRIOR) || s.text.length > MAX_STAMP_CHARS || !/\d/.test(s.text)) continue;
    const ds = (dates[i] ?? []).filter((d) => d.role !== 'birth');
    if (ds.length !== 1 || (dates[i] ?? []).length !== 1) continue;
    const d = ds[0]!;
    if (examRow(s.row)) continue;
    if (d.role === 'exam' && d.by !== null && (!labelled || daysBetween(labelled.date.date, d.date) > 0)) labelled = { seg: i, date: d, codes: [] };
    let rest = s.text.replace(d.text, ' ').replace(TIME, ' ');
    let codes = codesIn(rest);
    rest = rest.replace(CODE_TOKEN, ' ');
    const sameBlock = (o: Seg | undefined): o is Seg => !!o && o.col === null && o.row === s.row && o.el.parentElement === s.el.parentElement;
    if (codes.length === 0) {
      // The code on the line just before or after, in the same block ("CT" above "02/12/2026 11:37").
      for (const j of [i - 1, i + 1]) {
        const o = segs[j];
        if (sameBlock(o) && isCodeList(o.text)) codes = codesIn(o.text);
        if (codes.length > 0) break;
      }
    }
    if (/[A-Za-z]{2}/.test(rest.replace(STAMP_WORDS, ' '))) continue;
    // A corner of the overlay with no code: the study's date on its own line over the series' and image's lines
    // ("20261114" / "Axial 5mm" / "Im: 1/32") — the open study, of any modality.
    const alone = segs[i - 1]?.line !== s.line && segs[i + 1]?.line !== s.line;
    if (codes.length === 0 && !corner && alone && [segs[i + 1], segs[i - 1]].some((o) => sameBlock(o) && isSeriesLabel(o.text))) corner = { seg: i, date: d, codes: [] };
    if (codes.length !== 1) continue;
    if (!best || daysBetween(best.date.date, d.date) > 0) best = { seg: i, date: d, codes };
  }
  best ??= labelled ?? corner;
  // Only on a page that shows images: a series, slice or image label somewhere ("Axial 2.5 mm", "Im: 24/48").
  if (best && !segs.some((s) => !(s.flags & FREE) && isSeriesLabel(s.text))) return null;
  return best;
}

/** The open study is of one of these modalities (a stamp with no code is of any). */
export function isOpenStudyKind(stamp: OpenStudy, codes: readonly ModalityCode[]): boolean {
  return stamp.codes.length === 0 || sameKind(stamp.codes, codes);
}


/** A row with a text that names an exam in words (not only a code). */
function rowNamesExam(text: PageText, row: Element): boolean {
  const info = text.rows.get(row);
  if (!info) return false;
  for (let i = info.from; i <= info.to && i <= info.from + 12; i++) {
    const t = text.segs[i]!.text;
    if (t.length <= MAX_NAME && !isCodeList(t) && classifyProcedure(t).modalities.length > 0) return true;
  }
  return false;
}

function codesIn(text: string): ModalityCode[] {
  const out: ModalityCode[] = [];
  for (const m of text.matchAll(CODE_TOKEN)) for (const c of parseModalityCodes(m[0])) if (!out.includes(c)) out.push(c);
  return out;
}

/** A modality of the same kind of imaging: the same code, or codes of the same campaign (CR and DX). */
export function sameKind(codes: readonly ModalityCode[], others: readonly ModalityCode[]): boolean {
  return others.some((w) => codes.some((c) => w === c || (CAMPAIGN_OF_MODALITY[c] !== null && CAMPAIGN_OF_MODALITY[w] === CAMPAIGN_OF_MODALITY[c])));
}

/** The date a candidate exam carries: its row's first date, else a date in its own text (a history line). */
function candidateDate(text: PageText, i: number, row: Element | null, dates: readonly DateMention[][]): CalendarDate | null {
  if (row) return rowDate(text, row, dates);
  for (const d of dates[i] ?? []) if (d.role !== 'birth') return d.date;
  return null;
}

/** The modalities a candidate names: the codes of its row or its text, else its words. */
function candidateCodes(text: PageText, candidate: string, row: Element | null, words: readonly ModalityCode[]): readonly ModalityCode[] {
  const info = row ? text.rows.get(row) : undefined;
  if (info) {
    for (let i = info.from; i <= info.to; i++) if (isCodeList(text.segs[i]!.text)) return parseModalityCodes(text.segs[i]!.text);
  }
  const codes = codesIn(candidate);
  return codes.length > 0 ? codes : words;
}

/** The separators of a title bar's parts ("RIS · Fluoroscopía · Usuario: …", "Radiology | CT Scheduling"). */
const FRAME_PARTS = /\s*[·|•›»]\s*|\s[—–-]\s/;

/**
 * A text of the application's frame, not an exam's name: it names the signed-in user ("Usuario: TR. Jiménez"), or
 * each of its parts that names a kind of imaging is a department or module ("RIS Hospital del Valle · Fluoroscopía",
 * "CT Scheduling", "Nuclear Medicine") or a list's title ("IR Schedule — Tuesday", "Cath & EP Board").
 */
function isFrameText(text: string): boolean {
  if (SESSION_WORDS.test(text)) return true;
  let department = false;
  for (const part of text.split(FRAME_PARTS)) {
    if (classifyProcedure(part).modalities.length === 0) continue;
    if (!isDepartmentName(part) && !isListTitle(part)) return false;
    department = true;
  }
  return department;
}

/** A room or scanner beside a booked date ("12/15/2026 10:00 · NLH CT 3", "Room 2", "Sala RM 1"): where, not what. */
const ROOM = /\b(?:room|rm|suite|scanner|sala|box)\b|\b(?:CT|MR|MRI|US|XR|DX|CR|RF|NM|PET|IR|FL|TC|RM|ECO)\s?-?\d{1,2}\b(?!\s*(?:views?|vistas?|phases?|fases?|mm|cm))/i;

/** What a date field's value says beside its date and time ("Dec 17, 2026 10:30 AM — D0364 CBCT" → "D0364 CBCT"); '' when nothing. */
function besideDate(text: string, date: { index: number; length: number }): string {
  const rest = `${text.slice(0, date.index)} ${text.slice(date.index + date.length)}`.replace(TIME, ' ').replace(DAY_PART, ' ');
  const t = rest.replace(EDGE, '').replace(/\s+/g, ' ');
  return /[A-Za-z]{2}/.test(t) ? t : '';
}
const DAY_PART = /\b(?:[ap]\.?m\.?|h|hrs?|at|@|a las)(?=\s|$)/gi;
const EDGE = /^[\s—–\-·|,:;@•]+|[\s—–\-·|,:;@•]+$/g;

/** A section's title that names a modality and nothing else ("CT", "X-RAY", "Ultrasound", "Nuclear medicine"). */
const MAX_TITLE_CHARS = 32;
const MAX_TITLE_WORDS = 4;
/** Segments looked back at for a section's title (its options before the one read). */
const TITLE_LOOKBACK = 16;

function modalityTitle(t: string): boolean {
  if (t.length > MAX_TITLE_CHARS || t.split(/\s+/).length > MAX_TITLE_WORDS || TICKED.test(t) || UNTICKED.test(t)) return false;
  const info = classifyProcedure(t);
  return info.modalities.length === 1 && info.region === null;
}

/**
 * The title of the section a ticked option is in, when the option names no modality of its own ("☒ Head", "☑ Chest",
 * "☒ without contrast"): its column's header in a grid of options, or the title above the options of its block (a
 * heading, a legend, a label) — read back over the section's other options only. Null for any other text.
 */
function sectionTitle(text: PageText, i: number): string | null {
  const s = text.segs[i]!;
  if (!TICKED.test(s.text)) return null;
  const option = withoutBox(s.text);
  if (!/[A-Za-z]{2}/.test(option) || classifyProcedure(option).modalities.length > 0 || dentalImagingCode(option)) return null;
  if (s.col !== null) return modalityTitle(s.col) ? s.col.trim() : null;
  for (let j = i - 1; j >= 0 && j >= i - TITLE_LOOKBACK; j--) {
    const t = text.segs[j]!;
    if (TICKED.test(t.text) || UNTICKED.test(t.text)) continue;
    if (!modalityTitle(t.text)) return null;
    // The title's block holds the option (a heading and its options in one section, a legend in its fieldset).
    const block = t.el.parentElement;
    return block && block.contains(s.el) ? t.text.trim() : null;
  }
  return null;
}

/** Words that name an exam in passing: after, before or following it, a follow-up, a visit with a service. */
const PASSING =
  /\b(?:after|following|before|prior to|until|follow[\s-]?up|f\/u|with (?:urology|surgery|nephrology|orthop\w*|ortho|cardiology|neurology|ent|gi|clinic|pcp|dr)\b|at (?:the )?bedside|tras|despu[eé]s de|antes de|seguimiento)/i;

/** A person's name (initials, a surname, "Surname, First") and a room or modality in brackets: "T. Bakr (MR)", "Ruiz, Jon (CT 2)". */
const STAFF_WITH_ROOM =
  /^\s*(?:(?:tech|technologist|rt|rn|dr|nurse|assigned(?: to)?|staff|radiologist)\s*[.:]?\s*)?((?:[A-Z]\.\s?){1,2}[A-Z][\p{Ll}'’-]+|[A-Z][\p{Ll}'’-]+(?:\s[A-Z]\.)?\s[A-Z][\p{Ll}'’-]+|[A-Z][\p{Ll}'’-]+,\s?[A-Z][\p{Ll}'’.-]*)\s*\(\s*[A-Za-z]{1,10}(?:[\s-]?\d{1,2})?\s*\)\s*$/iu;

function isStaffWithRoom(text: string): boolean {
  const m = STAFF_WITH_ROOM.exec(text);
  return m !== null && classifyProcedure(m[1]!).modalities.length === 0;
}

/**
 * A place named by its modality: a department, suite, room or scanner ("Ultrasound Dept, Level 1", "MRI Scanner 2",
 * "CT Suite 2", "X-ray Department", "Sala de Ecografía 2", "Servicio de Radiología") — where an exam is done, not which.
 */
const PLACE_NAME =
  /\b(?:ultrasound|ultrasonido|sonography|x-?ray|radiology|imaging|mri|mr|ct|nuclear medicine|fluoroscopy|fluoro|ecograf[ií]a|radiolog[ií]a|resonancia|rx)\s+(?:dept\b\.?|department|suite|room|rm\b|scanner|unit|reception|desk|waiting(?:\s+(?:area|room))?|centre|center|bay|area)(?:\s*\d{1,2}\b)?|\b(?:sala|servicio|unidad|gabinete|consulta)\s+de\s+(?:ecograf[ií]a|radiolog[ií]a|resonancia|rx|radiodiagn[oó]stico|tc|tac)(?:\s*\d{1,2}\b)?/giu;
const PLACE_HINT = /\b(?:dept|department|suite|room|rm|scanner|unit|reception|desk|waiting|centre|center|bay|area|sala|servicio|unidad|gabinete|consulta)\b/i;

/**
 * A room or scanner named by its modality code and number, as a schedule's board heads its columns and slots ("XR 2",
 * "CT 1", "US-2"): capitals as written, never a count of views, phases or a size ("XR 2 views", "CT 3 phase").
 */
const ROOM_CODE = /\b(?:CT|XR|DX|CR|MRI?|US|NM|PET|RF|IR|FLUORO)[\s-]?\d{1,2}(?![\w.,/:-]|\s*(?:[xX]\b|[vV](?:iews?|IEWS?)?\b|[pP][hH]|[mM][mMiI]|[cC][mM]|[sS][eE][cC]|[yY]|[dD]\b|%))/g;

/** The text names a modality only as a place (`PLACE_NAME`, `ROOM_CODE`): without its places it names none. */
export function namesOnlyPlaces(text: string): boolean {
  const rooms = ROOM_CODE.test(text);
  ROOM_CODE.lastIndex = 0;
  if (!rooms && !PLACE_HINT.test(text)) return false;
  const rest = text.replace(PLACE_NAME, ' ').replace(ROOM_CODE, ' ');
  if (rest === text) return false;
  // A code and number before a body part may be the exam itself ("CT 1 CHEST W"): only a room when nothing is imaged.
  const info = classifyProcedure(rest);
  return info.modalities.length === 0 && !(rooms && info.region !== null);
}

/** The header of a column of places: the room, scanner or station an exam is done in. */
const PLACE_COLUMN = /^(?:room|rm|scanner|station|station name|stationname|equipment|device|machine|resource|suite|sala|equipo|aparato|recurso)$/;
/** A text that is a label of what follows ("Mammogram:", "Bone density —"). */
const REMINDER_LABEL = /[:：—–-]\s*$/;
/** A reminder's status: the exam is due, overdue or up to date (a dashboard's health-maintenance list). */
const REMINDER = /^\s*(?:(?:past|over|not|now)[\s-]*due|due(?:\s+(?:now|soon|in\b.*|\d.*))?|up[\s-]to[\s-]date)\s*[.!]?\s*$/i;

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
  const likelyRows = new Set<Element>();
  const stamp = openStudyStamp(text, dates);
  // Lists with a row done today, found once per list when asked.
  const doneLists = new Map<Element, boolean>();
  const doneToday = (list: Element): boolean => {
    let known = doneLists.get(list);
    if (known === undefined) {
      known = false;
      for (const [r, info] of rows) {
        if (r.parentElement !== list || info.status !== 'done') continue;
        const when = rowDate(text, r, dates);
        if (when && daysBetween(when, today) === 0) {
          known = true;
          break;
        }
      }
      doneLists.set(list, known);
    }
    return known;
  };
  const consider = (i: number, named: string, labelled: boolean, clause: boolean) => {
    const s = segs[i]!;
    const field = fields[i] ?? null;
    // An exam the text says was not done, is not needed or was declined is not the exam — a sentence that says so of
    // another exam leaves the one the text asks for ("US hips ordered 11/30. No X-ray.").
    const candidate = NOT_DONE.test(named) ? withoutNotDone(named) : named;
    if (candidate === null) return;
    const dental = dentalImagingCode(candidate);
    const info = classifyProcedure(candidate);
    if (info.modalities.length === 0 && !dental) return;
    // A bare code ("CT") names a modality, not an exam: it is read with its row, not as the exam's name.
    if (!dental && isCodeList(candidate)) return;
    // A person with the room or modality they work in ("T. Bakr (MR)", "Tech: J. Ruiz (CT 2)") is staff, not an exam.
    if (isStaffWithRoom(candidate)) return;
    // A cell of a room's or scanner's column ("Scanner: CT-PEDS-2", "Equipo: TC-2") says where the exam is done.
    if (s.col !== null && PLACE_COLUMN.test(labelKey(s.col))) return;
    // …and so does a value that names its modality only as a place ("10/12/2026 09:40, Ultrasound Dept, Level 1").
    if (!dental && namesOnlyPlaces(candidate)) return;
    // Dental wording alone ("primary tooth", "orthodontic records") is not an imaging exam: an intraoral image needs
    // its own words or code.
    if (!dental && info.modalities.length === 1 && info.modalities[0] === 'IO' && !INTRAORAL_WORDS.test(candidate)) return;
    // A health-maintenance reminder ("Mammogram: Due", "Bone density — overdue"): the exam is due some day, not asked for.
    if (REMINDER_LABEL.test(candidate) && REMINDER.test(segs[i + 1]?.text ?? '')) return;
    if (SIGNATURE_LINE.test(candidate)) return;
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
      // A list with a service done today (a dental chart's visit): a row planned for a later day is the next visit's.
      const later = age !== null && age < 0 && row.status === 'active' && s.row!.parentElement !== null && doneToday(s.row!.parentElement);
      // A row still "to be done" under a date of long ago (an old image row marked "Accepted", a lapsed order) is no
      // exam open now.
      const stale = row.status === 'active' && !row.selected && age !== null && age > STALE_DAYS;
      if (stale) add(-6, 'to be done since long before today');
      else if (row.status === 'active' && !later) add(2, 'row to be done');
      if (row.status === 'cancelled') add(-8, 'cancelled');
      if (row.status === 'done' && !row.selected && (age === null || age > 0)) add(-4, 'done earlier');
      if (row.status === 'done' && age === 0) add(1, 'done today');
      // Of exams done, the one whose report is still to come is the one being read now; reported ones are its history.
      if (row.status === 'done' && (age === null || age <= 0) && rowSays(text, s.row!, AWAITING_REPORT)) add(2, 'awaiting its report');
      if (row.status === null && age !== null && age > 1 && !row.selected) add(-2, 'dated before today');
      if (age !== null && age <= 0) add(1, 'dated today or later');
    } else if (field && DATE_FIELDS.has(field.kind)) {
      // What a date field names beside its date ("Appointment: 18.12.26 — D0364 CBCT"): booked for today or later.
      const when = dates[i]?.find((d) => d.role !== 'birth');
      if (when && daysBetween(when.date, today) <= 0) add(1, 'dated today or later');
    }
    // In a viewer, the study list's row dated as the overlay's study (of the same kind) is the open study, even in a
    // list of earlier ones; any other dated row is another study. (The stamp's own block — the overlay, a study's
    // metadata — dates no other text of it: a comment there is not a study of the list.)
    const when = stamp && !clause && i !== stamp.seg && !s.row?.contains(segs[stamp.seg]!.el) ? candidateDate(text, i, s.row, dates) : null;
    if (stamp && when) {
      if (daysBetween(when, stamp.date.date) === 0 && isOpenStudyKind(stamp, candidateCodes(text, candidate, s.row, info.modalities))) add(8, 'the study open in the viewer');
      else if (!(s.flags & PRIOR)) add(-6, 'another study than the one open');
    }
    // (Under such a title of its own, in the text or as its field's label: "Priors: XR CHEST 1V 11/17/2026; …".)
    if (s.flags & PRIOR || PRIORS_BEFORE.test(s.text.slice(0, PRIORS_TITLE_CHARS)) || titlesPriors(field)) add(-6, 'earlier exams');
    if (field && PLAN_LABEL.test(labelKey(field.label))) add(2, `in the ${field.label.replace(/[\s:：]+$/, '')}`);
    if (clause) {
      add(-1, 'in free text');
      if (ORDERED.test(candidate)) add(1, 'ordered');
      if (ABOUT_RADIATION.test(candidate)) add(-4, 'about radiation, not an exam');
      // Prose that dates the exam it names before today is about an earlier exam ("the pano of 09/10 showed …"),
      // unless it tells the exam as done then, with no word of it being an earlier one (a note's imaging line).
      if (toldDone(candidate, dates[i])) add(1, 'told as done');
      else if (clauseDatedBefore(candidate, dates[i], today)) add(-3, 'dated before today');
    } else if (s.flags & FREE || field?.kind === 'freeText') add(-2, 'free text');
    // Running text (a clause, a free-text field, a note's line): of the past, a relative's or a later follow-up?
    if (clause || s.flags & FREE || field?.kind === 'freeText' || (!labelled && s.col === null && !s.row)) {
      const other = clause ? toldOfOtherTime(candidate, sentenceUpTo(s.text, candidate), today) : toldOfOtherTime(namingClause(candidate), candidate, today);
      if (other) add(-6, other);
    }
    if (NOT_THE_EXAM.test(candidate) || WEIGHED_EXAM.test(candidate)) add(-4, 'conditional or an alternative');
    // A loose line that names an exam in passing ("Follow-up after CT abdomen", "2-week follow-up with urology after
    // VCUG"): below any labelled field, row, option or heading that names one.
    else if (!labelled && !s.row && !(s.flags & (SELECTED | HEADING)) && field?.kind !== 'modality' && PASSING.test(candidate)) add(-2, 'named in passing');
    // (A field labelled as the exam or its modality says what it holds: "Exam: Fluoroscopy".)
    if (!labelled && field?.kind !== 'modality' && isFrameText(candidate)) add(-6, "the application's title bar or a department's name");
    // (In running text the newborn may be named earlier in the clause's sentence: "Recién nacido de 2 días: Rx de tórax hoy".)
    if (parent && NEWBORN_WORDS.test(clause ? sentenceUpTo(s.text, candidate) : candidate)) add(-4, "the newborn's");
    if (UNTICKED.test(candidate)) add(-8, 'box not ticked');
    else if (TICKED.test(candidate)) add(3, 'box ticked');
    if (score < 1) return;
    if (s.row) likelyRows.add(s.row);
    if (!best || score > best.score) best = { seg: i, text: candidate, score, row: s.row, code: dental?.modality ?? null, why, examRows, likelyRows, stamp };
  };

  for (let i = 0; i < segs.length && looked < MAX_CANDIDATES; i++) {
    const s = segs[i]!;
    // (Another person's, by the section they are in or by their row: `others` holds both, less the open case of a
    // schedule titled as other people's.)
    if (others[i]) continue;
    const field = fields[i] ?? null;
    // A labelled value is what its label says; a role word's value ("Exam requested:") may be the exam's name.
    // (A "Name" column of a list of orders is the order's name.)
    // A bare "Name" that holds no person's name is the order's name (an order window's "Name: XR Bone Age").
    const orderName = field?.kind === 'patientName' && BARE_NAME.test(field.label) && !isPersonName(s.text);
    // A date field's value that holds a date and more names what is done then ("Appt: Dec 17, 2026 — D0364 CBCT").
    const dated = field && DATE_FIELDS.has(field.kind) ? findDate(s.text, null, 0, today) : null;
    if (field && !EXAM_FIELDS.has(field.kind) && !(DATE_FIELDS.has(field.kind) && (!dated || besideDate(s.text, dated))) && !(s.col !== null && field.kind === 'patientName') && !orderName) continue;
    const labelled = isProcedureField(field) || orderName;
    if (dated) {
      const rest = besideDate(s.text, dated);
      if (rest.length <= MAX_NAME && rest.split(' ').length <= MAX_WORDS && !isProse(rest) && !ROOM.test(rest)) consider(i, rest, false, false);
      continue;
    }
    // (A dental imaging code may stand alone in its cell: "D0364".)
    if (s.text.length < 2 || (!/[A-Za-z]{2}/.test(s.text) && !dentalImagingCode(s.text))) continue;
    // Running text outside a labelled note (a letter's paragraph) is read clause by clause too.
    // (A sentence too long to be an exam's name, a note's line, is read clause by clause as well.)
    const free = (s.flags & FREE) !== 0 || field?.kind === 'freeText' || isProse(s.text) || s.text.length > MAX_NAME;
    const short = s.text.length <= (labelled ? MAX_LABELLED : MAX_NAME) && (labelled || (s.text.split(' ').length <= MAX_WORDS && !isProse(s.text)));
    // A labelled value split over inline elements ("<b>Exam</b> <span>CT</span> HEAD W/O") is read whole, up to its line's end.
    const value = labelled && short ? valueLine(segs, i) : s.text;
    // A short line of free text made of sentences ("P: Chest X-ray PA/lat today. Amoxicillin if confirmed.") is read
    // sentence by sentence too: what one sentence says (a condition, a follow-up) is not said of the exam in another.
    // A ticked option of a requisition's section names only a region or a contrast ("☒ Head" under "CT"): the
    // section's title says the modality.
    const title = short ? sectionTitle(text, i) : null;
    if (title) consider(i, `${TICKED.exec(s.text)![0].trim()} ${title} ${withoutBox(s.text)}`, labelled, false);
    else if (short && !(free && !labelled && SENTENCE_BREAK.test(s.text))) consider(i, value, labelled, false);
    else if (free) for (const c of clausesOf(s.text)) consider(i, c, false, true);
  }
  return best;
}

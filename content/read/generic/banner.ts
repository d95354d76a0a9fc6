/**
 * Patient banners of unlabelled tokens: a row of short texts in sibling `span`/`div`s, or one text run split by
 * `|` `·` `•` ` — ` or spaces, that holds a sex token (`M`, `F`, `Male`, `Fem.`, `Masculino`…), a name (`GARZA, LUKE`,
 * `Luke Garza`, `GARZA^LUKE`) or an identifier (`#55120`, `Acct 4410`, `MRN 2231`, `ID 0042`), and an age (`18 mos`,
 * `52Y F`) or a date, among noise (payer, phone, `NKDA`). EHR encounter banners, patient hubs and a viewer's top bar
 * are written so: nothing in them is labelled.
 *
 * What the banner says (patient.ts reads it):
 * - its name and identifier tokens are the patient's identity, so its age is the patient's (the header of the age);
 * - an unlabelled date in it is the birth date only when that is safe (`bannerBirths`): it agrees with the banner's
 *   age, or it sits right beside the sex token or between the name, sex and identifier tokens — and it is neither
 *   today, nor in the future, nor a date the page gives another role (the visit's, the exam's…), nor stamped with a
 *   time. With no age to agree with, a date of the last year may be a visit's or a study's: it is not read as a birth
 *   date at all (an adult called a newborn is the worse error; an infant's banner shows an age beside the date).
 * A banner that names a relative (`Sibling: …`, `Mother …`) is not the patient's.
 */
import { type AgeReading, ageBetween, shownAgeAgrees } from '../parse/age';
import { namesRelative } from '../parse/age-mentions';
import { type CalendarDate, daysBetween } from '../parse/dates';
import { classifyProcedure } from '../parse/procedure';
import { isPersonName, looksLikeName } from './names';
import { type Field, labelField } from './pairs';
import { CHROME, FREE, OTHERS, PRIOR, type Seg } from './segment';

/** A banner: its segment range and the segments that identify the patient in it. */
export interface Banner {
  from: number;
  to: number;
  /** Segments that hold its name or an identifier. */
  identity: number[];
}

/** An age found in a segment (patient.ts `AgeFound`). */
interface AgeLike {
  seg: number;
  text: string;
  reading: AgeReading;
}
/** A date written in a segment, with its role (patient.ts `DateMention`). */
export interface DateLike {
  seg: number;
  at: number;
  text: string;
  date: CalendarDate;
  role: string | null;
}

type Kind = 'name' | 'sex' | 'id' | 'age' | 'date' | 'other';
interface Token<D extends DateLike = DateLike> {
  kind: Kind;
  seg: number;
  at: number;
  date?: D;
}

/** A sex written alone: one capital letter, or a word (case-insensitive), never inside a word or a number. */
const SEX = /(?<![\p{L}\d.'’-])(?:[MF]|(?:male|female|masc|fem|masculino|femenino|hombre|mujer|var[oó]n)\.?)(?![\p{L}\d])/giu;
const SINGLE_LETTER_SEX = /^[MF]$/;
/**
 * An identifier as banners write it, with or without a label: `#55120`, `Acct 4410`, `MRN 2231`, `MR# 004512`,
 * `ID 55120`, `PID 0042`, `Chart 12345`, `NHC 0912345`, `Exp. 44120`.
 */
const ID = /(?:^|(?<=[\s(]))#\s?\d{3,}(?![\d/.-])|\b(?:MRN|MR\s?#|MR\s?No\.?|Acct|Account|ID|PID|Pt\.?\s?ID|Patient\s?ID|Chart|NHC|NHS|HC|CIP|Exp|Expediente)\s?(?:No\.?|#)?\s?[:#.]?\s?[A-Z]{0,3}-?\d{3,}(?![\d/.-])/giu;
/** Separators of a banner's parts. */
const SEPARATORS = /\s*[|·•¦]\s*|\s+[—–-]\s+/;
/** Segments that are only separators or punctuation. */
const ONLY_SEPARATORS = /^[\s|·•¦—–\-/,;:]*$/;
/** A time right after a date: a timestamp (an exam's, an encounter's), not a birth date. */
const TIME_AFTER = /^\s*,?\s*(?:at\s+)?\d{1,2}:\d{2}/i;

/** Most segments and characters a banner spans (a chart's header row, not a page). */
const MAX_SEGS = 16;
const MAX_CHARS = 320;
/** Longest segment a banner's token is read from. */
const MAX_TOKEN_SEG = 80;
/** Ancestors looked at above a sex token for the banner's block. */
const LEVELS = 3;
/** Sex tokens looked at per page (a page shows one patient's banner, a list shows many and has its own reader). */
const MAX_LOOKED = 12;
/** A date of the last year, with no age to agree with: it may be a visit's or a study's, not the birth date. */
const RECENT_DAYS = 365;

function usable(s: Seg): boolean {
  return s.col === null && (s.flags & (OTHERS | PRIOR | FREE | CHROME)) === 0 && s.text.length <= MAX_TOKEN_SEG;
}

/** A name as a banner writes it: `LAST, First`, `LAST^FIRST`, or two to four capitalised words of letters (not an exam). */
function isBannerName(text: string, first: boolean): boolean {
  const t = text.trim();
  if (isPersonName(t)) return true;
  if (!first || !looksLikeName(t) || labelField(t) !== null) return false;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 4 || !words.every((w) => /^\p{Lu}/u.test(w))) return false;
  return classifyProcedure(t).modalities.length === 0;
}

function hasSex(text: string): boolean {
  SEX.lastIndex = 0;
  for (const m of text.matchAll(SEX)) if (!SINGLE_LETTER_SEX.test(m[0]) || m[0] === m[0].toUpperCase()) return true;
  return false;
}

/** The tokens of a segment, in order of where they are written. */
function tokensOf<D extends DateLike>(s: Seg, i: number, field: Field | null, first: boolean, ages: readonly AgeLike[], dates: readonly D[]): Token<D>[] {
  const out: Token<D>[] = [];
  const text = s.text;
  if (ONLY_SEPARATORS.test(text)) return out;
  if (field || labelField(text)) {
    out.push({ kind: 'other', seg: i, at: 0 });
    return out;
  }
  if (!/\d/.test(text) && isBannerName(text, first)) {
    out.push({ kind: 'name', seg: i, at: 0 });
    return out;
  }
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && b > x);
  for (const d of dates) {
    out.push({ kind: 'date', seg: i, at: d.at, date: d });
    taken.push([d.at, d.at + d.text.length]);
  }
  for (const a of ages) {
    const at = text.indexOf(a.text);
    if (at < 0 || !free(at, at + a.text.length)) continue;
    out.push({ kind: 'age', seg: i, at });
    taken.push([at, at + a.text.length]);
  }
  for (const m of text.matchAll(ID)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    out.push({ kind: 'id', seg: i, at: m.index });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(SEX)) {
    if (SINGLE_LETTER_SEX.test(m[0]) && m[0] !== m[0].toUpperCase()) continue;
    if (!free(m.index, m.index + m[0].length)) continue;
    out.push({ kind: 'sex', seg: i, at: m.index });
    taken.push([m.index, m.index + m[0].length]);
  }
  // What is left, part by part: words (a payer, a phone, an exam) are other tokens between the known ones.
  let pos = 0;
  for (const part of text.split(SEPARATORS)) {
    const at = text.indexOf(part, pos);
    pos = at + part.length;
    let rest = '';
    for (let k = 0; k < part.length; k++) rest += free(at + k, at + k + 1) ? part[k] : ' ';
    for (const w of rest.matchAll(/\S+/g)) {
      if (/[\p{L}\d]{2}/u.test(w[0])) out.push({ kind: 'other', seg: i, at: at + w.index });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * The banners of the page (see the file comment): around each short segment with a sex token, the smallest block (up
 * to LEVELS ancestors, MAX_SEGS segments) that also holds a name or identifier and an age or a date.
 */
export function findBanners<D extends DateLike>(segs: readonly Seg[], fields: readonly (Field | null)[], ages: readonly AgeLike[], dates: readonly D[][]): (Banner & { tokens: Token<D>[] })[] {
  const out: (Banner & { tokens: Token<D>[] })[] = [];
  let looked = 0;
  const agesAt = new Map<number, AgeLike[]>();
  for (const a of ages) {
    const list = agesAt.get(a.seg);
    if (list) list.push(a);
    else agesAt.set(a.seg, [a]);
  }
  for (let i = 0; i < segs.length && looked < MAX_LOOKED; i++) {
    const s = segs[i]!;
    if (!usable(s) || fields[i] || !hasSex(s.text)) continue;
    if (out.some((b) => b.from <= i && i <= b.to)) continue;
    looked++;
    let el: Element | null = s.el;
    for (let level = 0; el && level <= LEVELS; level++, el = el.parentElement) {
      if (el.tagName === 'BODY' || el.tagName === 'HTML') break;
      const range = boundedRange(segs, el, i);
      if (!range) break;
      const [from, to] = range;
      let chars = 0;
      for (let j = from; j <= to; j++) chars += segs[j]!.text.length;
      if (chars > MAX_CHARS) break;
      const tokens: Token<D>[] = [];
      let firstLettered = true;
      let relative = false;
      for (let j = from; j <= to; j++) {
        const x = segs[j]!;
        if (x.flags & (OTHERS | PRIOR)) continue;
        if (namesRelative(x.text) || fields[j]?.kind === 'relative') relative = true;
        const t = !usable(x) ? [{ kind: 'other' as const, seg: j, at: 0 }] : tokensOf(x, j, fields[j] ?? null, firstLettered, agesAt.get(j) ?? [], dates[j] ?? []);
        if (/\p{L}/u.test(x.text) && !ONLY_SEPARATORS.test(x.text)) firstLettered = false;
        for (const tok of t) tokens.push(tok);
      }
      if (relative) break;
      const has = (k: Kind) => tokens.some((t) => t.kind === k);
      if ((has('name') || has('id')) && (has('age') || has('date')) && has('sex')) {
        const identity = [...new Set(tokens.filter((t) => t.kind === 'name' || t.kind === 'id').map((t) => t.seg))];
        out.push({ from, to, identity, tokens });
        break;
      }
    }
  }
  return out;
}

/** The segment range of `el` around segment `i`, or null when it spans more than MAX_SEGS. */
function boundedRange(segs: readonly Seg[], el: Element, i: number): [number, number] | null {
  let from = i;
  let to = i;
  while (from > 0 && el.contains(segs[from - 1]!.el)) if (to - --from >= MAX_SEGS) return null;
  while (to < segs.length - 1 && el.contains(segs[to + 1]!.el)) if (++to - from >= MAX_SEGS) return null;
  return [from, to];
}

/** A birth date a banner gives: the date and why. */
export interface BannerBirth<D extends DateLike = DateLike> {
  date: D;
  by: string;
}

/**
 * The unlabelled dates of a banner that are the patient's birth date (see the file comment). `taken`: dates the page
 * gives another role (a visit's, an exam's, an order's…), by day number key `y-m-d`.
 */
export function bannerBirths<D extends DateLike>(banner: Banner & { tokens: Token<D>[] }, segs: readonly Seg[], ages: readonly AgeLike[], taken: ReadonlySet<string>, today: CalendarDate): BannerBirth<D>[] {
  const out: BannerBirth<D>[] = [];
  const { tokens } = banner;
  const bannerAges = ages.filter((a) => a.seg >= banner.from && a.seg <= banner.to);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const d = t.date;
    if (t.kind !== 'date' || !d || d.role !== null) continue;
    const at = ageBetween(d.date, today);
    if (!at || daysBetween(d.date, today) <= 0) continue;
    if (taken.has(dayKey(d.date))) continue;
    const seg = segs[d.seg]!;
    if (TIME_AFTER.test(seg.text.slice(d.at + d.text.length))) continue;
    if (bannerAges.some((a) => shownAgeAgrees(at, a.reading))) {
      out.push({ date: d, by: 'banner: agrees with its age' });
      continue;
    }
    // With an age in the banner that it does not agree with, the date is another event's.
    if (bannerAges.length > 0) continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const beside = prev?.kind === 'sex' || next?.kind === 'sex';
    if (!beside && !inIdentityRun(tokens, k)) continue;
    if (at.days < RECENT_DAYS) continue;
    out.push({ date: d, by: beside ? 'banner: beside the sex' : 'banner: between the name, sex and identifier' });
  }
  return out;
}

/** Token `k` lies between a name, sex or identifier token on each side, with only such tokens (or ages) between. */
function inIdentityRun(tokens: readonly Token<DateLike>[], k: number): boolean {
  const core = (t: Token | undefined) => t !== undefined && (t.kind === 'name' || t.kind === 'sex' || t.kind === 'id');
  const between = (t: Token) => core(t) || t.kind === 'age';
  let before = false;
  for (let j = k - 1; j >= 0 && between(tokens[j]!); j--) if (core(tokens[j])) before = true;
  let after = false;
  for (let j = k + 1; j < tokens.length && between(tokens[j]!); j++) if (core(tokens[j])) after = true;
  return before && after;
}

export function dayKey(d: CalendarDate): string {
  return `${d.y}-${d.m}-${d.d}`;
}

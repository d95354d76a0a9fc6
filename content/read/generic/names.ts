/**
 * How charts write who a patient is — a name (`isPersonName`) or a record number (`RECORD_NUMBER`) — and whether two
 * written names are the same person's, as charts write them: `GARCÍA LÓPEZ, Sofía`, `Sofía García
 * López`, `SOFIA GARCIA LOPEZ`, `Nguyen, Liam J.`, `NGUYEN^LIAM` — whatever the order, case, accents, initials or a
 * dropped second surname. Used to tell a chart's own orders (every row repeats the chart's patient) from a list of
 * other people, and a row naming someone else from the patient's own.
 */
import { labelKey } from '../profiles/profile';

/** `LAST, First` (`MRN 00482913` is a record number). */
const NAME = /^[A-ZÁÉÍÓÚÑ][\p{L}'’-]+(?: [\p{L}'’-]+)?,\s?[A-ZÁÉÍÓÚÑ][\p{L}'’ .-]{1,40}$/u;
/** A DICOM person name as viewers print it: `OKONJO^ADA`, `DOE^JANE^M`. */
const DICOM_NAME = /^[\p{Lu}][\p{L}'’ -]*\^[\p{L}'’ -]+(?:\^[\p{L}'’ .-]*){0,3}$/u;
export const RECORD_NUMBER = /\b(?:MRN|MR ?#|MR No\.?|CMRN|PRN|FIN|Unit ?#|Acct ?#|Chart ?#|NHC|NHS No\.?|ID|Patient ID|Expediente|Historia|HC)\s*[:#.]?\s*(?:[A-Z]{0,3}[-\d]{5,}|\d{3,}[A-Z][\dA-Z]{1,6}\b)/i;

/** `LAST, First` as a list of people writes it (the DICOM form is `isPersonName`'s too). */
export function isCommaName(text: string): boolean {
  return NAME.test(text);
}

/**
 * The text before a bracket is an entry's person: at most a time and separators, then `LAST, First` and the opening
 * bracket — as a day book writes each entry with the person's birth date or age in brackets ("08:00 Gardner, Pam (",
 * "Ruiz, Camila ("). Not a name under a label ("Signed: Ortiz, Carmen (", "Patient: …").
 */
export function opensWithName(head: string): boolean {
  return head.length <= MAX_ENTRY_HEAD && ENTRY_HEAD.test(head);
}
const MAX_ENTRY_HEAD = 80;
const ENTRY_HEAD = /^[\s\d:.·|•–—-]*(?:[ap]\.?m\.?)?[\s·|•–—-]*[A-ZÁÉÍÓÚÑ][\p{L}'’-]+(?: [\p{L}'’-]+)?,\s?[A-ZÁÉÍÓÚÑ][\p{L}'’.-]*(?: [\p{L}'’.-]+){0,2}\s*\(\s*$/u;

/** A person's name as charts write it: `LAST, First` or a DICOM `LAST^FIRST`. */
export function isPersonName(text: string): boolean {
  return text.length <= 60 && (NAME.test(text) || DICOM_NAME.test(text));
}

/** A name as a list's patient cell writes it: two to six words of letters (no digits, no exam). */
const WORDS_OF_NAME = /^[\p{L}][\p{L}'’.-]*(?:,?\s+[\p{L}][\p{L}'’.-]*|\^[\p{L}][\p{L}'’.-]*){1,5},?$/u;
/** Words that are not part of a name: titles and suffixes. */
const NOT_NAME = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sr', 'sra', 'srta', 'don', 'dona', 'jr', 'ii', 'iii', 'iv']);

export function looksLikeName(text: string): boolean {
  return text.length <= 60 && WORDS_OF_NAME.test(text.trim());
}

interface NameParts {
  words: Set<string>;
  /** The given names, when the writing says which they are (after the comma of `LAST, First`, after the `^`). */
  given: Set<string> | null;
}

function words(text: string): string[] {
  return labelKey(text)
    .split(' ')
    .filter((w) => w.length > 1 && !NOT_NAME.has(w) && !/\d/.test(w));
}

function partsOf(text: string): NameParts {
  const cut = text.includes('^') ? text.indexOf('^') : text.indexOf(',');
  const given = cut > 0 ? new Set(words(text.slice(cut + 1))) : null;
  return { words: new Set(words(text)), given: given && given.size > 0 ? given : null };
}

/**
 * The same person: the words of the shorter name (two at least) are all in the longer one, and when either
 * writing says which are the given names, one of them is in both (a newborn listed as `GÓMEZ RUIZ` is not the
 * mother `GÓMEZ RUIZ, Lucía`).
 */
export function samePerson(a: string, b: string): boolean {
  const pa = partsOf(a);
  const pb = partsOf(b);
  const [small, large] = pa.words.size <= pb.words.size ? [pa, pb] : [pb, pa];
  if (small.words.size < 2) return false;
  for (const w of small.words) if (!large.words.has(w)) return false;
  for (const given of [pa.given, pb.given]) {
    if (!given) continue;
    let shared = false;
    for (const w of given) if (pa.words.has(w) && pb.words.has(w)) shared = true;
    if (!shared) return false;
  }
  return true;
}

/**
 * content.js's cheap gate: could this page show a patient and an exam? Only then is the page reader (reader.js,
 * content/read/) loaded and the page read. A login page, a menu or a news page of an enabled site costs this gate
 * and nothing more.
 *
 * The test is on the text of the page and its same-origin frames, bounded: at most MAX_NODES text nodes and MAX_CHARS characters (a 5,000-row
 * worklist stops long before its end, and has said "patient" and "CT" in its first rows). It errs on the side of
 * reading: a false yes costs a read, a false no hides a child. Both signals must appear somewhere in what is looked
 * at: a patient (an age in any form, a birth date, a patient or record-number label) and an exam (a modality code or
 * word, an imaging or order word, a dental imaging code). Site recipes (the user taught this site) always read.
 * A PACS viewer's page (content/page/early-profile.ts) is always read: its study may show a child its text does not.
 * Pure over a Document.
 */
import { earlyProfileId } from './early-profile';

/** Text nodes looked at, at most. */
export const MAX_NODES = 4000;
/** Characters of text looked at, at most. */
export const MAX_CHARS = 200_000;
/** Same-origin frames looked into, at most. */
export const MAX_FRAMES = 8;

/**
 * An age in any form (`6 y.o.`, `5 mo / M`, `12Y`, `45 d/o`, `3 años`, `6 ans`, `4 anni`, `3 anos`, `5 jaar`), a birth date, a
 * patient or record label (English, Spanish, French, Italian, Portuguese, Dutch), a
 * DICOM keyword of the patient's (a viewer's overlay: `PatientBirthDate 20261106`, `PatientID`), an identifier as an
 * unlabelled banner writes it (`Acct 3055`, `#88412`, `ID 55120`).
 */
const PATIENT =
  /\d\s*(?:y\.?\s?o\b|y\/o|d\/o|yrs?\b|years?\b|yr\b|mos?\b|months?\b|mths?\b|wks?\b|weeks?\b|days?\b|hrs?\b|[ymwd]\b|a\b|años|anos\b|mes(?:es)?\b|sem(?:anas)?\b|d[ií]as?\b|ans?\b|mois\b|jours?\b|semaines?\b|ann[io]\b|mes[ie]\b|giorni\b|gg\b|settimane\b|ano\b|jaar\b|maanden\b|weken\b|dagen\b)|\b(?:DOB|D\.O\.B|birth|born|age|edad|nac(?:imiento|\.)|F\.?\s?Nac|patient|paciente|pt|MRN|NHC|HC|chart|sex|sexo|Acct|Patient(?:Name|ID|BirthDate|Sex|Age)|naissance|DDN|n[ée]e? le|IPP|sexe|patiente|paziente|nascita|nat[oa] il|sesso|nascimento|idade|utente|prontu[aá]rio|geboortedatum|geboren|leeftijd|geslacht|pati[eë]nt)\b|(?:^|[\s(|·•])#\s?\d{4,}|\bID\s?[:#]?\s?\d{3,}/i;
/** A banner's sex token standing alone in its element (`M`, `F`, `Male`, `Fem.`, `Masculino`): a patient's. */
const SEX_ALONE = /^\s*(?:M|F|male|female|masc\.?|fem\.?|masculino|femenino)\s*$/i;

/** A modality code or word, an imaging, order or protocol word, a dental imaging code (CDT D02xx/D03xx). */
const EXAM =
  /\b(?:CTA?|XR|DX|CR|RF|XA|NM|PT|PET|MRI?|US|IO|PX|MG|TC|RX|RM|EC|ECO)\b|x-?ray|radiog|fluoro|tomog|scan|ultraso|sonog|echo|ecog|vcug|ugi\b|esophag|esofag|enema|angio|cath|scinti|gammag|nuclear|bitewing|periapical|panoram|ceph|cbct|\bD0[23]\d\d\b|imag|study|studies|exam|estudio|exploraci|order|orden|petici|solicit|procedure|procedimiento|protocol|modalit|requisition|accession|\b(?:IRM|TDM|TEP|TAC|RMN)\b|scanner|[ée]chogra|cintilogra|cintigra|risonanza|resson[aâ]ncia|radio(?:graph|grafi)|esame|demande|richiesta|pedido|requisi[cç][aã]o|onderzoek|aanvraag|clisma|lavement|transit/i;

export interface GateOptions {
  /** Site recipes for this origin: the user taught this site, so its pages are always read. */
  siteRecipes?: readonly unknown[];
}

/** Whether the page may show a patient having an exam (then content.js loads the reader and reads it). */
export function mayShowPatientExam(doc: Document, options: GateOptions = {}): boolean {
  if ((options.siteRecipes?.length ?? 0) > 0) return true;
  let patient = false;
  let exam = false;
  let nodes = 0;
  let chars = 0;
  // The page and its same-origin frames (a chart whose banner is in the page and whose order is in a tab's frame),
  // within the same caps.
  const docs: Document[] = [doc];
  const frames = doc.querySelectorAll('iframe, frame');
  for (let i = 0; i < frames.length && i < MAX_FRAMES; i++) {
    try {
      const inner = (frames[i] as HTMLIFrameElement).contentDocument;
      if (inner) docs.push(inner);
    } catch {
      // another origin: its own content.js decides there
    }
  }
  for (const d of docs) {
    const root = d.body ?? d.documentElement;
    if (!root) continue;
    const walker = d.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n && nodes < MAX_NODES && chars < MAX_CHARS; n = walker.nextNode()) {
      const tag = n.parentNode?.nodeName;
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
      const text = n.nodeValue ?? '';
      if (text.trim() === '') continue;
      nodes++;
      const piece = text.length > 2000 ? text.slice(0, 2000) : text;
      chars += piece.length;
      if (!patient && (PATIENT.test(piece) || SEX_ALONE.test(piece))) patient = true;
      if (!exam && EXAM.test(piece)) exam = true;
      if (patient && exam) return true;
    }
  }
  // The title and the values of form fields count too (a viewer's "CT ABDOMEN — DOE^KIM"; an order composer's inputs).
  const extra = [doc.title ?? ''];
  const inputs = doc.querySelectorAll('input[value]');
  for (let i = 0; i < inputs.length && i < 200; i++) extra.push(inputs[i]!.getAttribute('value') ?? '');
  for (const text of extra) {
    if (!patient && PATIENT.test(text)) patient = true;
    if (!exam && EXAM.test(text)) exam = true;
  }
  return patient && exam;
}

/** Whether content.js loads the reader for this page: a PACS viewer's page, or one that passes the gate. */
export function wantsReader(doc: Document, url: string | URL, options: GateOptions = {}): boolean {
  try {
    if (earlyProfileId(doc, typeof url === 'string' ? new URL(url) : url) !== null) return true;
  } catch {
    // not a URL: the gate decides
  }
  return mayShowPatientExam(doc, options);
}

/**
 * The generic profile: every page no specific profile claims — order entry, RIS, EHR charts and banners, dental
 * charts, printed requisitions, notes, viewers with no API — read by content/read/generic/ (reader.ts says how).
 * Scope (one patient at a time): an open modal dialog if there is one, else `body` (sidebars, navigation and hidden
 * parts are not walked); a dialog that names no patient takes the patient of the chart behind it (`readScope`). It claims a page only when it finds something of a patient there (an age, a birth date,
 * a named patient with an exam, or a list of exams), so a login page or a news article about children is not read;
 * nor is a page whose title names help or reference material (fields.ts `isHelpTitle`): its examples are nobody's.
 * Numeric dates: the page's own order when a date on it reads only one way, else the per-site setting.
 *
 * Test URLs (synthetic fixtures in tests/fixtures/pages/generic/, served by any static server):
 *   http://127.0.0.1:8080/orders/new?patient=demo        (order entry form: labelled inputs, banner dl)
 *   http://127.0.0.1:8080/app/worklist                    (worklist table, one record per row)
 *   http://127.0.0.1:8080/chart/summary                   (EHR banner "DOB: … Age: …" inline text)
 *   http://127.0.0.1:8080/login                           (login page: not read)
 *   http://127.0.0.1:8080/news/children-imaging           (news article about children: not read)
 */
import type { DateOrder, Fact, FactKind } from '../types';
import { isHelpTitle } from '../generic/fields';
import { GENERIC_NAME, readGeneric, type GenericRead } from '../generic/reader';
import { findings, type ReadOptions, type SiteProfile } from './profile';

/**
 * The one record the screen is about: an open modal dialog, else the whole body — minus navigation, side panels of
 * other people and hidden parts, which the walk skips (`nav`, `[role=navigation]`, an `aside` or
 * `[role=complementary]` that is not the patient's own header, `hidden`, inline `display:none`), so a "recent
 * patients" sidebar never mixes in. (Tag lookups and direct children only: a selector list with
 * `[role=…]` costs ~2 ms on a 5,000-row page.)
 */
function scopeOf(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const dialogs = doc.getElementsByTagName('dialog');
  for (let i = 0; i < dialogs.length; i++) if (dialogs[i]!.hasAttribute('open')) return dialogs[i]!;
  for (const child of Array.from(body.children)) {
    const role = child.getAttribute('role');
    if ((role === 'dialog' || role === 'alertdialog') && child.getAttribute('aria-modal') === 'true') return child;
  }
  return body;
}

/**
 * The last reading made by `matches`, reused by the `read` that follows it in the same task (analyzePage calls
 * one right after the other, synchronously: the document cannot change in between).
 */
let lastRead: { doc: Document; scope: Element; key: string; result: GenericRead } | null = null;

/** What a reading depends on besides the document: the date order setting and today's date. */
function keyOf(dateOrder: DateOrder | undefined, now: Date): string {
  return `${dateOrder ?? ''}|${now.toISOString().slice(0, 10)}`;
}

function readOnce(doc: Document, scope: Element, dateOrder: DateOrder | undefined, now: Date): GenericRead {
  const key = keyOf(dateOrder, now);
  const last = lastRead;
  lastRead = null;
  if (last && last.doc === doc && last.scope === scope && last.key === key) return last.result;
  return readScope(doc, scope, { ...(dateOrder ? { dateOrder } : {}), now });
}

/** Facts that say who the patient is (an age, a birth date). */
const AGE_KINDS: ReadonlySet<FactKind> = new Set<FactKind>(['patientAge', 'ageText', 'birthDate']);
/** The patient's own facts: what a dialog with no patient takes from the chart behind it. */
const PATIENT_KINDS: ReadonlySet<FactKind> = new Set<FactKind>([...AGE_KINDS, 'weight', 'weightDate']);

/**
 * Reads the scope. An open dialog is the record the screen is about, but an order composer or order-details dialog
 * often names no patient: then the patient is the chart's behind it (the body; a list of people there gives none),
 * with the dialog's exam. A dialog with neither patient nor exam (a session timeout, a confirmation) leaves the page
 * as it was.
 */
function readScope(doc: Document, scope: Element, options: { dateOrder?: DateOrder; now: Date }): GenericRead {
  const r = readGeneric(scope, doc, options);
  const body = doc.body;
  if (!body || scope === body || r.primary.some((f) => AGE_KINDS.has(f.kind))) return r;
  const behind = readGeneric(body, doc, options);
  if (!r.primary.some((f) => f.kind === 'procedure')) return behind;
  const patient = behind.primary.filter((f) => PATIENT_KINDS.has(f.kind));
  if (patient.length === 0) return r;
  return {
    ...r,
    primary: [...patient, ...r.primary.filter((f) => !PATIENT_KINDS.has(f.kind))],
    found: r.found || behind.found,
    pageDateOrder: r.pageDateOrder ?? behind.pageDateOrder,
    pageDateOrderBasis: r.pageDateOrder ? r.pageDateOrderBasis : behind.pageDateOrderBasis,
  };
}

export interface GenericProfile extends SiteProfile {
  /**
   * Whether the generic reader finds something of a patient on the page, read with the analysis' own clock and date
   * order (so the `read` that follows reuses this reading), without asking the specific profiles again: for the
   * registry, which has asked them already.
   */
  claims(doc: Document, options?: ReadOptions): boolean;
}

/** Creates the generic profile; `others` are the specific profiles it must leave alone. */
export function createGenericProfile(others: readonly SiteProfile[]): GenericProfile {
  const claims = (doc: Document, options: ReadOptions = {}): boolean => {
    const scope = scopeOf(doc);
    // A help or reference page (its title says so) is about nobody, whatever its examples show.
    if (!scope || isHelpTitle(doc.title)) return false;
    const now = options.now && Number.isFinite(options.now.getTime()) ? options.now : new Date();
    const result = readScope(doc, scope, { ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}), now });
    lastRead = { doc, scope, key: keyOf(options.dateOrder, now), result };
    return result.found;
  };
  return {
    id: 'generic',
    name: GENERIC_NAME,
    tested: 'saved',
    claims,
    matches(doc, url) {
      if (others.some((p) => p.matches(doc, url))) return false;
      return claims(doc);
    },
    routeContainer(doc) {
      return scopeOf(doc);
    },
    read(doc, _url, options) {
      const scope = scopeOf(doc);
      if (!scope) return findings(this.id, null);
      const now = options.now && Number.isFinite(options.now.getTime()) ? options.now : new Date();
      const r = readOnce(doc, scope, options.dateOrder, now);
      return {
        ...findings(this.id, r.primary, r.rows, [{ kind: 'profile', text: GENERIC_NAME, where: scope.tagName.toLowerCase() }]),
        tables: r.tables,
        pageDateOrder: r.pageDateOrder,
        pageDateOrderBasis: r.pageDateOrderBasis,
      };
    },
  };
}

/**
 * The exam's facts (its name, modality, region, dates — the visit's too, which dates it when nothing else does — and
 * key): what the generic reader adds to a profile's patient.
 */
const EXAM_KINDS: ReadonlySet<FactKind> = new Set<FactKind>(['procedure', 'modality', 'bodyPart', 'examDate', 'scheduledDate', 'orderDate', 'visitDate', 'examKey']);

/**
 * The exam of a page whose site profile read the patient but no exam (an order basket, an orders list with an active
 * order, an order form shown inline): the generic reader's exam facts, read over the same scope it would use. Empty
 * when it finds none, or only one row of a list that none marks open or to be done.
 */
export function genericExamFacts(doc: Document, options: { dateOrder?: DateOrder; now?: Date }): Fact[] {
  const scope = scopeOf(doc);
  if (!scope) return [];
  const now = options.now && Number.isFinite(options.now.getTime()) ? options.now : new Date();
  const r = readScope(doc, scope, { ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}), now });
  // A list of studies or orders with none open or still to be done (a PACS patient page) names no one exam.
  if (r.examOneOfList) return [];
  return r.primary.filter((f) => EXAM_KINDS.has(f.kind));
}

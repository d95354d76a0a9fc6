/**
 * The contract between page reading (profiles → analyze), the PACS data route and the panel.
 * Everything here stays inside the tab: it holds patient facts (age, dates) and must never be
 * sent to the background, stored, or logged. What may leave the page is `TabFacts` in
 * `content/page/messages.ts`.
 */
import type { SiteRecipe } from './recipe/recipe';

/** Primary DICOM modality codes the product understands. */
export type ModalityCode =
  | 'CT' | 'CR' | 'DX' | 'RF' | 'XA' | 'NM' | 'PT' | 'MR' | 'US' | 'MG' | 'IO' | 'PX';

/** Image Gently campaigns an exam can fall under (clinical/campaign-ids.ts). */
export type { Campaign } from '@/clinical/campaign-ids';
import type { Campaign } from '@/clinical/campaign-ids';

/**
 * The date an age is taken at, by role: the exam's date, its scheduled date, the order's date, the visit's date,
 * or today (the order of precedence, content/read/decide/age.ts).
 */
export type AgeBasis = 'exam' | 'scheduled' | 'order' | 'visit' | 'today';

export type BodyRegion =
  | 'head' | 'neck' | 'chest' | 'abdomen' | 'pelvis' | 'abdomen-pelvis' | 'chest-abdomen-pelvis'
  | 'spine' | 'extremity' | 'whole-body' | 'cardiac' | 'dental' | 'other';

/** One piece of evidence: which text, where, led to which conclusion. */
export interface Evidence {
  /** What this evidence supports, e.g. 'age', 'birthDate', 'examDate', 'modality', 'campaign', 'region', 'phases', 'weight', 'ctdiVol', 'profile', 'pediatric-protocol', 'think-a-head'. */
  kind: string;
  /** The text as read (may be patient data: stays in the tab). */
  text: string;
  /** Where it was read: a short human description (e.g. 'Orthanc Explorer · Patient card · PatientBirthDate'). */
  where: string;
  /** Set when this source disagreed with the one that was used. */
  conflict?: boolean;
  /** Optional note, e.g. 'DICOM PatientAge 006Y preferred over birth date + exam date'. */
  note?: string;
}

export interface WeightReading {
  value: number;
  /** Unit as read on the page; null when the page gave a bare number (then no NM number is given). */
  unit: 'kg' | 'lb' | 'g' | null;
  /** Weight in kg when the unit is known. */
  kg: number | null;
  /** ISO date (YYYY-MM-DD) the weight was recorded, when shown. */
  date: string | null;
}

export interface CtdiReading {
  ctdiVolMGy: number;
  /** 16 or 32 cm phantom, or null when the page/API does not say. */
  phantomCm: 16 | 32 | null;
  /** Where the value came from, e.g. 'page text', 'image header (0018,9345)', 'RDSR (TID 10011)'. */
  source: string;
}

/** A unit of a printed age part. */
export type AgePartUnit = 'years' | 'months' | 'weeks' | 'days' | 'hours' | 'minutes';

/** One part of a printed age: `4 yrs` → { value: 4, unit: 'years' }. */
export interface AgePart {
  value: number;
  unit: AgePartUnit;
}

/**
 * The age the way it was found, so the panel can print it as EHRs do (content/read/parse/age.ts `ehrAgeParts`) instead
 * of rounding `ageDays`. Patient data like `ageDays`: stays in the tab (never in TabFacts, messages or storage).
 * - `calendar`: from a birth date and the exam/order date (or today): completed years, months since the last
 *   birthday (0–11), days since the last completed month (UTC calendar arithmetic, `calendarAge`).
 * - `dicom`: a DICOM AS as written (`006Y` → 6 years).
 * - `shown`: an age as the page prints it, its parts as written (`4 yrs, 1 mth`).
 */
export type AgeDetail =
  | { source: 'calendar'; years: number; months: number; days: number }
  | { source: 'dicom' | 'shown'; parts: AgePart[] };

/** One row of a list page (worklist, a patient's study list). */
export interface ExamRecord {
  ageDays: number | null;
  ageBasis: AgeBasis | null;
  /** How the row's age was found, for printing it (see AgeDetail). Null when the row has no age or is not pediatric (the panel lists only pediatric rows). */
  ageDetail?: AgeDetail | null;
  pediatric: boolean;
  /** The row's exam (modality, campaigns): worked out only for rows that are pediatric or of unknown age — the
   *  panel lists pediatric rows only, so an adult's row has none (null / []) whatever its exam. */
  modality: ModalityCode | null;
  campaign: Campaign | null;
  campaigns: Campaign[];
  description: string | null;
}

export interface PageAnalysis {
  /** Site profile id that read the page ('orthanc-explorer', 'ohif', 'generic', …) or null. */
  profileId: string | null;
  /** The page's primary patient (open chart/study/series/order) is under the cutoff at the exam,
   *  or (with no age anywhere) the protocol/order is explicitly pediatric. */
  pediatric: boolean;
  ageDays: number | null;
  ageBasis: AgeBasis | null;
  /** How the age was found, for printing it as EHRs do (see AgeDetail). Absent or null when there is no age. */
  ageDetail?: AgeDetail | null;
  modality: ModalityCode | null;
  modalities: ModalityCode[];
  campaign: Campaign | null;
  campaigns: Campaign[];
  region: BodyRegion | null;
  /** Contrast phases named by the order/protocol (1 for "W", 2 for "W/O & W", 3 for "triple phase"). */
  phases: number | null;
  /** Minor head injury wording on a head exam (minor/mild head injury, fall, bump, head injury) and no abuse
   *  wording: raises Think A-Head. GCS, TBI, MVC or "trauma" alone do not. */
  minorHeadInjury: boolean;
  /** Possible abuse / non-accidental injury / child-protection wording: the panel points to the site's
   *  child-protection imaging protocol, and Think A-Head is never raised. Absent = false. */
  childProtection?: boolean;
  weight: WeightReading | null;
  ctdi: CtdiReading | null;
  /** Description of the exam as shown (study/procedure/protocol), for the panel's "exam" line. */
  examDescription: string | null;
  /** A stable key for "dismiss for this exam" (study UID / order id as read); hashed before storage. */
  examKey: string | null;
  /** List pages: one entry per row; such a page has no primary exam unless one is open. */
  records: ExamRecord[];
  evidence: Evidence[];
  /** True when age sources disagreed (the conflicting evidence carries `conflict: true`). */
  ageConflict?: boolean;
  /** Set when a site recipe applied to the page: its id and whether it needs attention. */
  recipe?: RecipeStatus;
  /**
   * True when the age used is one the page does not tie to the patient: no label and no patient header (e.g. a
   * lone "6 y.o." on a screen with no name or record number). The chip says "Child?" and the panel shows the
   * campaign's reminders but no clinical numbers.
   */
  ageUnsure?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Reading options and raw facts
// ---------------------------------------------------------------------------------------------

/** Order of day and month in numeric dates such as `03/04/2020`: from the site profile or a per-site setting. */
export type DateOrder = 'MDY' | 'DMY';
/** How a page showed its day/month order (content/read/generic/reader.ts `pageDateOrderOf`). */
export type DateOrderBasis = 'one-way' | 'language' | 'today';

/** Options of `analyzePage` and `decide`. */
export interface AnalyzeOptions {
  /** The clock (for `ageBasis: 'today'`). Defaults to the current time. Calendar arithmetic is in UTC. */
  now?: Date;
  /** Under this age (years) at the exam a patient is pediatric. Default 18. */
  pediatricCutoffYears?: number;
  /** Per-site setting for numeric dates; wins over the site profile's own order. Unset → a date valid in both orders is unknown. */
  dateOrder?: DateOrder;
  /** The site recipes for this origin (content/read/recipe/): the one that applies to the URL wins over the page reader. */
  siteRecipes?: readonly SiteRecipe[];
}

/**
 * A site recipe's status on one page: its id, and whether a field was not found (then the page reader stood in).
 * The only thing about a recipe that may leave the page (content/messages.ts `recipe-status`).
 */
export interface RecipeStatus {
  id: string;
  needsAttention: boolean;
}

/**
 * What a fact says. A profile (or the PACS data route) reads facts; `decide` turns them into a PageAnalysis.
 * - `patientAge`: DICOM AS (`006Y`, `018M`, `003W`, `010D`), the age at the study (PS3.5 §6.2).
 * - `ageText`: an age as a screen shows it (`4 yrs, 1 mth`, `6 y.o.`, `45 d/o`); EHR banners show the age today.
 * - `birthDate`, `examDate` (study/series/acquisition date, the exam begun or done), `scheduledDate` (when the exam
 *   is booked), `orderDate` (an order not yet performed: ordered/requested), `visitDate` (the encounter/admission).
 * - `modality`: DICOM codes, one or a list (`CT`, `CT\SR`, `PT, CT`).
 * - `procedure`: study/series/protocol/order description text (first one is the exam's description).
 * - `bodyPart`: DICOM BodyPartExamined or a body-site field.
 * - `weight`, `weightDate`, `ctdiVol` (mGy), `examKey` (study UID, order id: hashed by the panel before storage).
 */
export type FactKind =
  | 'patientAge'
  | 'ageText'
  | 'birthDate'
  | 'examDate'
  | 'scheduledDate'
  | 'orderDate'
  | 'visitDate'
  | 'modality'
  | 'procedure'
  | 'bodyPart'
  | 'weight'
  | 'weightDate'
  | 'ctdiVol'
  | 'examKey';

/** One raw fact, as read, with where it was read. Facts of one kind: the first valid one wins, later ones that disagree are flagged. */
export interface Fact {
  kind: FactKind;
  /** The text as read (patient data: stays in the tab). */
  text: string;
  /** Where it was read, e.g. 'Orthanc Explorer · Patient card · PatientBirthDate' or 'Orthanc REST · /instances/{id}/simplified-tags'. */
  where: string;
  /** Unit implied by the source when the text is a bare number (DICOM PatientWeight (0010,1030) is in kg). */
  unit?: 'kg' | 'lb' | 'g';
  /** For `ctdiVol`: the phantom when the source says (CTDIPhantomTypeCodeSequence). */
  phantomCm?: 16 | 32;
  /** An age the page does not tie to the patient (no label, no patient header): see `PageAnalysis.ageUnsure`. */
  unsure?: boolean;
}

/** Everything a profile read from one page: the open record (if any) and list rows, each a list of facts. */
export interface PageFindings {
  profileId: string | null;
  /** Facts of the page's primary record: the open chart/study/series/order. Null when none is open. */
  primary: Fact[] | null;
  /** List rows (worklist, a patient's studies), each with its own facts (patient facts repeated per row). */
  rows: Fact[][];
  /** The site's own numeric date order when the profile knows it (e.g. a fixed display format). */
  dateOrder: DateOrder | null;
  /**
   * The numeric date order the page itself shows by a date that reads only one way (`25/11/2026`): wins over the
   * per-site setting and the profile's. Optional: absent = not inferred.
   */
  pageDateOrder?: DateOrder | null;
  /** How the page showed its order: a date that reads one way only, the language it declares, today's date. */
  pageDateOrderBasis?: DateOrderBasis | null;
  /** Page-level evidence (which profile, why nothing was read, deferral to the top frame …). */
  notes: Evidence[];
  /**
   * The profile matched the page by its address but found none of its own markup there (another version, a
   * reskinned or saved copy): the generic reader reads the page instead (content/read/analyze.ts).
   */
  unknownShape?: true;
  /** Big lists read column by column (records follow those of `rows`). Optional: absent = none. */
  tables?: FactTable[];
  /** Set when a site recipe applied to the page (content/read/recipe/read.ts). */
  recipe?: RecipeStatus;
}

/** A table column's kind: a fact kind, or 'age' (an AS-shaped value is `patientAge`, a bare number is years, else `ageText`). */
export type ColumnKind = FactKind | 'age';

/**
 * A list read column by column, so thousands of rows cost no per-cell objects: `values[c][r]` is row r's text in
 * column c (as read, made a fact's text by content/read/profiles/profile.ts `factText`). Each row is a record with
 * `base` + its cells.
 */
export interface FactTable {
  /** `onDemand`: the column's text is read by `cell`, row by row when needed (`undefined` in `values` until then). */
  columns: { kind: ColumnKind; where: string; onDemand?: boolean }[];
  /** Row r's text in column c. */
  values: (string | undefined)[][];
  /**
   * Reads row r's cell in column c from the page, for the exam columns (procedure, modality) of a list read from
   * the page: those are read only for the rows that need them — not an adult's row, which the panel never lists.
   */
  cell?: (c: number, r: number) => string;
  /** Facts every row shares (e.g. the banner's patient facts when the list has no patient columns). */
  base: Fact[];
}

/**
 * The panel's view model: what components/Panel.tsx renders, already translated and formatted (numbers with
 * their units and sources, ages as text). Built by panel-view.ts (and, for the PACS section, by
 * content/pacs/section-view.ts); components import these types and nothing else from content/.
 */
/** exam: one child, one ionizing exam; list: a list with N pediatric exams; quiet: a child, MR/US only. */
export type PanelMode = 'exam' | 'list' | 'quiet';

export type PanelCorner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/** One number with its source, already formatted with units ("7.9 mGy", "37 MBq (1.0 mCi)"). */
export interface PanelNumber {
  id: string;
  label: string;
  value: string;
  /** How it was derived, e.g. "CTDIvol 5.2 mGy (page text) × f 1.52 (32 cm phantom)". */
  detail: string | null;
  /** The report/table it comes from, e.g. "AAPM Report 204, Table 1D". */
  source: string;
  /** Shown with an "estimate" tag (age-based SSDE). */
  estimate: boolean;
}

export interface PanelLink {
  href: string;
  label: string;
}

export interface PanelCampaign {
  id: string;
  title: string;
  reminders: string[];
  link: PanelLink | null;
}

export interface PanelRecord {
  description: string;
  ageText: string | null;
  modality: string | null;
}

export interface PanelEvidence {
  kind: string;
  text: string;
  where: string;
  conflict: boolean;
  note: string | null;
}

export interface PanelListSummary {
  /** "3 pediatric exams in this list". */
  summary: string;
  records: PanelRecord[];
  /** "and 12 more", when records were cut. */
  more: string | null;
}

export interface PanelView {
  mode: PanelMode;
  /** Text of the collapsed pill ("Child · CT"). */
  pillText: string;
  /** The child's age, never a name or id ("6 years 3 months at the exam"). */
  ageText: string | null;
  /** "CT · CT ABDOMEN PELVIS W CONTRAST". */
  examText: string | null;
  list: PanelListSummary | null;
  campaigns: PanelCampaign[];
  numbers: PanelNumber[];
  /** Short notes: "no ionizing radiation", "weight has no unit, so no activity is shown", … */
  notes: string[];
  evidence: PanelEvidence[];
  /** Whether the page gave an exam key, so "dismiss for this exam" can work. */
  canDismiss: boolean;
}

/**
 * The PACS section: SSDE from the study's own images, with Dw, CTDIvol and where they were read, formatted by
 * content/pacs/section-view.ts. Rendered in the card after the page-text numbers.
 */
export interface PacsSectionView {
  numbers: PanelNumber[];
  /** Method, slice used, where it was read. */
  lines: string[];
  /** The scanner's own values when they differ from ours, or that they agree. */
  scanner: string | null;
  notes: string[];
  /** "SSDE along the scan" can be offered (a known phantom and a measured Dw). */
  canMeasureAlongScan: boolean;
}

/** "SSDE along the scan" once it has run: its result line, or what went wrong (then no method line). */
export interface AlongScanView {
  text: string;
  /** The result is a measurement: the method (DICOM CID 10023 113989) is named under it. */
  method: boolean;
}

/** What the PACS data route adds to the panel: its section, and the along-scan reading when it can be offered. */
export interface PacsSection {
  view: PacsSectionView;
  /** Reads a few more images; never rejects (a failure comes back as its note). */
  measureAlongScan: (() => Promise<AlongScanView>) | null;
  /** "This child on this PACS": the child's other studies on this PACS, read when opened (a child's page only). */
  history?: HistorySection | null;
}

/** One study in "This child on this PACS", formatted (content/pacs/history/history-view.ts). */
export interface HistoryRowView {
  /** `YYYY-MM-DD`, or "—". */
  date: string;
  /** "CT · CT ABDOMEN PELVIS W CONTRAST". */
  exam: string;
  facility: string | null;
  /** The study the page shows. */
  current: boolean;
  /** CTDIvol, DLP, SSDE with their sources (CT studies whose dose was read). */
  numbers: PanelNumber[];
  notes: string[];
}

export interface HistoryCountView {
  modality: string;
  last12Months: number;
  all: number;
}

/** The section's content: reading, failed (with the short reason), or the list, counts and the printable record. */
export type HistorySectionView =
  | { status: 'loading'; text: string }
  | { status: 'failed'; text: string }
  | {
      status: 'ready';
      rows: HistoryRowView[];
      /** "and 12 older studies not listed". */
      more: string | null;
      countsCaption: string;
      counts: HistoryCountView[];
      /** Shown when no exam with ionizing radiation is on the PACS. */
      noIonizing: string | null;
      /** The neutral "same modality and region in the previous 30 days" note. */
      repeat: string | null;
      notes: string[];
      source: string;
      /** The printable record: a whole HTML document (for a sandboxed iframe's srcdoc), text only from the data. */
      record: { readonly html: string };
    };

/** The section's data, read once for the page's life: `start` on opening (or once the page is idle). */
export interface HistorySection {
  start(): void;
  /** Calls `listener` now and on every change; returns the unsubscribe. */
  subscribe(listener: (view: HistorySectionView | null) => void): () => void;
}

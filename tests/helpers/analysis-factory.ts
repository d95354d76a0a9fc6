/**
 * Builds PageAnalysis / ExamRecord values for tests of code that consumes an analysis (panel,
 * runtime). Defaults describe "nothing found" (the reader's own empty analysis); each test states what it needs.
 */
import type { PageReading } from '@/content/read/analyze';
import { emptyAnalysis } from '@/content/read/empty-analysis';
import type { ExamRecord, PageAnalysis, PageFindings } from '@/content/read/types';

export function analysisOf(overrides: Partial<PageAnalysis> = {}): PageAnalysis {
  return { ...emptyAnalysis(), ...overrides };
}

/** The real Orthanc child of the e2e harness: born 2020-08-15, CT study 2026-11-20 (2288 days). */
export function childCtAnalysis(overrides: Partial<PageAnalysis> = {}): PageAnalysis {
  return analysisOf({
    profileId: 'orthanc-explorer',
    pediatric: true,
    ageDays: 2288,
    ageBasis: 'exam',
    // 2020-08-15 → 2026-11-15 is 6 years 3 months, then 5 days
    ageDetail: { source: 'calendar', years: 6, months: 3, days: 5 },
    modality: 'CT',
    modalities: ['CT'],
    campaign: 'ct',
    campaigns: ['ct'],
    region: 'abdomen-pelvis',
    phases: 1,
    examDescription: 'CT ABDOMEN PELVIS W CONTRAST',
    examKey: '1.2.826.0.1.3680043.8.498.1',
    evidence: [
      { kind: 'birthDate', text: 'Saturday, August 15, 2020', where: 'Orthanc Explorer · Patient · PatientBirthDate' },
      { kind: 'examDate', text: 'Friday, November 20, 2026', where: 'Orthanc Explorer · Study · StudyDate' },
      { kind: 'modality', text: 'CT', where: 'Orthanc Explorer · Series · Modality' },
      { kind: 'patientName', text: 'TEST^PEDS^SIX', where: 'Orthanc Explorer · Patient · PatientName' },
    ],
    ...overrides,
  });
}

export function recordOf(overrides: Partial<ExamRecord> = {}): ExamRecord {
  return {
    ageDays: null,
    ageBasis: null,
    pediatric: false,
    modality: null,
    campaign: null,
    campaigns: [],
    description: null,
    ...overrides,
  };
}

/** The (empty) facts behind an analysis made by these builders: only its profile. */
export function findingsOf(analysis: PageAnalysis): PageFindings {
  return { profileId: analysis.profileId, primary: null, rows: [], dateOrder: null, notes: [] };
}

/** A page reading for the page loop's `read`: the analysis, with findingsOf(analysis). */
export function readingOf(analysis: PageAnalysis): PageReading {
  return { findings: findingsOf(analysis), analysis };
}

/**
 * The analysis of a page where nothing was found: no profile's reading, no facts, nothing pediatric. Its own module
 * (types only besides) so that content.js, which does not carry the decision rules, can say "not read" with it.
 */
import type { Evidence, PageAnalysis } from './types';

export function emptyAnalysis(profileId: string | null = null, evidence: Evidence[] = []): PageAnalysis {
  return {
    profileId,
    pediatric: false,
    ageDays: null,
    ageBasis: null,
    ageDetail: null,
    modality: null,
    modalities: [],
    campaign: null,
    campaigns: [],
    region: null,
    phases: null,
    minorHeadInjury: false,
    childProtection: false,
    weight: null,
    ctdi: null,
    examDescription: null,
    examKey: null,
    records: [],
    evidence,
    ageConflict: false,
  };
}

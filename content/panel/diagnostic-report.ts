/**
 * "Copy diagnostic report": what a bug report needs (which profile read the page, which kinds of
 * evidence matched, versions) and nothing about the patient: no text as read, no ages, dates,
 * names, ids, descriptions or URLs. Identifiers that come from our own code (profile ids,
 * evidence kinds) are still filtered to a plain token shape, so a profile bug cannot smuggle
 * page text into the report.
 */
import type { PageAnalysis } from '@/content/read/types';
import type { PanelDecision } from '@/content/page/panel-decision';

export interface DiagnosticInput {
  extensionVersion: string;
  userAgent: string;
  frame: 'top' | 'sub';
  navigationApi: boolean;
  analysis: PageAnalysis | null;
  decision: PanelDecision | null;
  /** Status codes from enrichment (e.g. 'pacs:http-401'); filtered like the other tokens. */
  notes?: readonly string[];
}

const token = (s: string | null | undefined): string =>
  s && /^[A-Za-z][A-Za-z0-9:._-]{0,40}$/.test(s) ? s : s ? '(unrecognised)' : 'none';

/** "Chrome 156", "Firefox 153", "Edge 156": product and major version only. */
export function browserOf(userAgent: string): string {
  for (const [re, name] of [
    [/\bEdg\/(\d+)/, 'Edge'],
    [/\bFirefox\/(\d+)/, 'Firefox'],
    [/\bChrom(?:e|ium)\/(\d+)/, 'Chrome'],
  ] as const) {
    const m = re.exec(userAgent);
    if (m) return `${name} ${m[1]}`;
  }
  return 'unknown';
}

export function diagnosticReport(input: DiagnosticInput): string {
  const a = input.analysis;
  const d = input.decision;
  const kinds = [...new Set((a?.evidence ?? []).map((e) => token(e.kind)))];
  const conflicts = [...new Set((a?.evidence ?? []).filter((e) => e.conflict).map((e) => token(e.kind)))];
  const yes = (v: unknown) => (v ? 'yes' : 'no');
  const lines = [
    'Image Gently Companion diagnostic report (holds no patient data)',
    `version: ${/^\d[\d.]{0,20}$/.test(input.extensionVersion) ? input.extensionVersion : 'unknown'}`,
    `browser: ${browserOf(input.userAgent)}`,
    `frame: ${input.frame}`,
    `navigation api: ${yes(input.navigationApi)}`,
    `profile: ${token(a?.profileId)}`,
    `panel: ${d ? (d.show ? d.mode : `hidden (${d.reason})`) : 'not run'}`,
    `modality: ${token(a?.modality)}; modalities: ${(a?.modalities ?? []).map(token).join(' ') || 'none'}`,
    `campaigns: ${(a?.campaigns ?? []).map(token).join(' ') || 'none'}`,
    `age found: ${yes(a?.ageDays != null)}; age basis: ${token(a?.ageBasis)}`,
    `region: ${token(a?.region)}; phases given: ${yes(a?.phases != null)}; minor head injury wording: ${yes(a?.minorHeadInjury)}`,
    `weight: ${a?.weight ? `unit ${a.weight.unit ?? 'missing'}` : 'none'}; CTDIvol: ${a?.ctdi ? `phantom ${a.ctdi.phantomCm ?? 'unknown'}` : 'none'}`,
    `exam key found: ${yes(a?.examKey)}`,
    `list rows: ${a?.records.length ?? 0}; pediatric ionizing rows: ${d?.show ? d.pediatricRecords.length : 0}`,
    `evidence kinds: ${kinds.join(' ') || 'none'}`,
    `conflicting sources: ${conflicts.join(' ') || 'none'}`,
  ];
  if (input.notes?.length) lines.push(`notes: ${input.notes.map(token).join(' ')}`);
  return lines.join('\n');
}

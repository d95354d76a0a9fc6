/**
 * The one place where raw facts become conclusions: `decide(findings, options) → PageAnalysis`.
 * Pure (no DOM, no browser APIs). `analyzePage` calls it on what a site profile read; the PACS data route
 * (content/pacs/) adds facts from the site's own API (DICOM tags) to `findings.primary` and calls it again.
 *
 * - `age.ts`: the age precedence (one function for the open record and for list rows) and the open record's
 *   cross-checks; also in docs/page-reading.md.
 * - `exam.ts`: the open exam: modalities, campaigns, region, phases, wording flags, CTDIvol.
 * - `rows.ts`: list rows, many at a time.
 * Facts of one kind: the first one that parses wins; later ones that disagree are kept as evidence with
 * `conflict: true` (so callers put their most trusted source first — e.g. DICOM tags before page text).
 * With no age anywhere, explicitly pediatric protocol/order wording ("PEDS …") in the record's procedure text makes
 * it pediatric; nothing else does.
 */
import { DEFAULT_PEDIATRIC_CUTOFF_YEARS } from '@/clinical/pediatric-cutoff';
import { parseDate } from '../parse/dates';
import { classifyProcedure, PEDIATRIC_PROTOCOL } from '../parse/procedure';
import { parseWeight } from '../parse/weight';
import type { AnalyzeOptions, Evidence, Fact, PageAnalysis, PageFindings, WeightReading } from '../types';
import { decideAge } from './age';
import { contextOf, type DecideContext, firstOf } from './context';
import { decideExam, hasExam } from './exam';
import { decideRows } from './rows';
import { emptyAnalysis } from '../empty-analysis';

export { emptyAnalysis };

export { DEFAULT_PEDIATRIC_CUTOFF_YEARS };


/**
 * Findings (from a profile, plus any API facts) → the page's analysis.
 * @param findings what was read: `primary` facts of the open record, `rows` of a list, page `notes`.
 * @param options `now`, `pediatricCutoffYears`, `dateOrder` (per-site setting; wins over the profile's).
 */
export function decide(findings: PageFindings, options: AnalyzeOptions = {}): PageAnalysis {
  const notes: Evidence[] = [...findings.notes];
  const ctx = contextOf(findings, options, notes);
  const records = decideRows(findings, ctx);
  const out = findings.primary ? decidePrimary(findings.primary, ctx, notes) : emptyAnalysis(findings.profileId, notes);
  out.profileId = findings.profileId;
  if (findings.recipe) out.recipe = { ...findings.recipe };
  out.records = records;
  if (records.length > 0) {
    let pediatricRows = 0;
    for (const r of records) if (r.pediatric) pediatricRows++;
    out.evidence.push({
      kind: 'records',
      text: `${records.length} rows, ${pediatricRows} pediatric`,
      where: findings.profileId ?? 'page',
    });
  }
  return out;
}

/** The open record: its age, the patient's weight and, when an exam is open, the exam. */
function decidePrimary(facts: readonly Fact[], ctx: DecideContext, notes: Evidence[]): PageAnalysis {
  const ev: Evidence[] = notes;
  const age = decideAge(facts, ctx, ev);
  const out = emptyAnalysis(null, ev);
  out.ageDays = age.ageDays;
  out.ageBasis = age.ageBasis;
  out.ageDetail = age.ageDetail;
  out.pediatric = age.pediatric;
  out.ageConflict = age.conflict;
  if (age.unsure) out.ageUnsure = true;

  const procedures = facts.filter((f) => f.kind === 'procedure' && f.text.trim() !== '');
  const infos = procedures.map((f) => classifyProcedure(f.text));

  if (age.ageDays === null) {
    const peds = procedures.find((f) => PEDIATRIC_PROTOCOL.test(f.text.toUpperCase()));
    if (peds) {
      out.pediatric = true;
      ev.push({ kind: 'pediatric-protocol', text: peds.text, where: peds.where, note: 'no age shown: protocol/order is explicitly pediatric' });
    }
  }
  out.weight = weightOf(facts, ctx, ev); // a patient fact: read with or without an open exam
  if (hasExam(facts)) decideExam(facts, procedures, infos, out, ev);
  return out;
}

function weightOf(facts: readonly Fact[], ctx: DecideContext, ev: Evidence[]): WeightReading | null {
  for (const f of facts) {
    if (f.kind !== 'weight') continue;
    const w = parseWeight(f.text, f.unit);
    if (!w) continue;
    const dateFact = firstOf(facts, 'weightDate');
    const d = dateFact ? parseDate(dateFact.text, ctx.order) : null;
    if (d?.ok) w.date = d.iso;
    ev.push({ kind: 'weight', text: f.text, where: f.where, note: w.kg === null ? 'no unit shown: not used for dosing' : `${round(w.kg, 2)} kg` });
    return w;
  }
  return null;
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

/**
 * What every decision about a page shares: today, the pediatric cutoff and the day/month order, and the reading of
 * dated facts (the first fact of a kind whose date parses).
 */
import { DEFAULT_PEDIATRIC_CUTOFF_YEARS } from '@/clinical/pediatric-cutoff';
import { type CalendarDate, type DateLabel, parseDate, type ReadDate, toIso, utcDate } from '../parse/dates';
import type { AnalyzeOptions, DateOrder, DateOrderBasis, Evidence, Fact, FactKind, PageFindings } from '../types';

export interface DecideContext {
  today: CalendarDate;
  cutoff: number;
  order: DateOrder | null;
}

/** The context of one decision; a cutoff outside (0, 30] years is replaced by the default and said in `notes`. */
export function contextOf(findings: PageFindings, options: AnalyzeOptions, notes: Evidence[]): DecideContext {
  let cutoff = options.pediatricCutoffYears ?? DEFAULT_PEDIATRIC_CUTOFF_YEARS;
  if (!(Number.isFinite(cutoff) && cutoff > 0 && cutoff <= 30)) {
    notes.push({
      kind: 'settings',
      text: String(options.pediatricCutoffYears),
      where: 'options.pediatricCutoffYears',
      note: `outside range (0, 30] years: the default ${DEFAULT_PEDIATRIC_CUTOFF_YEARS} is used`,
    });
    cutoff = DEFAULT_PEDIATRIC_CUTOFF_YEARS;
  }
  const now = options.now && Number.isFinite(options.now.getTime()) ? options.now : new Date();
  const order = findings.pageDateOrder ?? options.dateOrder ?? findings.dateOrder ?? null;
  if (findings.pageDateOrder) {
    notes.push({ kind: 'dateOrder', text: findings.pageDateOrder, where: 'page', note: DATE_ORDER_NOTE[findings.pageDateOrderBasis ?? 'one-way'] });
  }
  return { today: utcDate(now), cutoff, order };
}

export interface DateFact {
  /** The date, with what of it its label made (a two-digit year's century). */
  date: ReadDate;
  fact: Fact;
}

/** The label a fact of a date's kind stands for: a birth date's, or a reference date's (exam, booking, order, visit). */
function labelOf(kind: FactKind): DateLabel {
  return kind === 'birthDate' ? 'birth' : 'reference';
}

/** First fact of `kind` whose date parses; records ambiguous/conflicting ones as evidence. */
export function pickDate(facts: readonly Fact[], kind: FactKind, ctx: DecideContext, ev: Evidence[]): DateFact | null {
  let chosen: DateFact | null = null;
  for (const f of facts) {
    if (f.kind !== kind) continue;
    const p = parseDate(f.text, ctx.order, ctx.today, labelOf(kind));
    if (!p.ok) {
      ev.push({ kind, text: f.text, where: f.where, note: p.reason === 'ambiguous' ? 'day/month order unknown (set the site date order)' : 'not a date' });
      continue;
    }
    if (!chosen) {
      chosen = { date: p.date, fact: f };
      ev.push({ kind, text: f.text, where: f.where, note: p.iso });
    } else if (p.iso !== toIso(chosen.date)) {
      ev.push({ kind, text: f.text, where: f.where, conflict: true, note: `${p.iso}: differs, not used` });
    }
  }
  return chosen;
}

/**
 * A date as the context reads it, under a `label`; null when it does not parse (or the day/month order is
 * unknown), with what of it its label made.
 */
export function dateOf(text: string, ctx: DecideContext, label: DateLabel): ReadDate | null {
  const p = parseDate(text, ctx.order, ctx.today, label);
  return p.ok ? p.date : null;
}

export function firstOf(facts: readonly Fact[], kind: FactKind): Fact | undefined {
  for (const f of facts) if (f.kind === kind) return f;
  return undefined;
}

const MESSY_SPACE = /\s\s|[\t\n\r\f\v\u00a0]/;
/** A procedure's text with its white space folded. */
export function clean(s: string): string {
  return MESSY_SPACE.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

const DATE_ORDER_NOTE: Record<DateOrderBasis, string> = {
  'one-way': 'day/month order shown by a date on the page that reads only one way',
  language: 'day/month order of the language the page declares (no date on the page reads only one way)',
  today: 'day/month order shown by a date of these days on the page (no date reads only one way)',
};

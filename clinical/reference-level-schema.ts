/**
 * @file The reference-level table format as zod/mini schemas (see reference-levels.ts for what a table
 * means). Used by the importer and by settings to validate stored tables; the comparison itself
 * (reference-levels.ts) needs only the types, so the page bundle does not carry these schemas unless it
 * validates tables itself.
 */
import * as z from 'zod/mini';
import { binsOverlap, DOSE_QUANTITIES, REFERENCE_LIMITS, SIZE_METRICS } from './reference-level-terms';
import { lazySchema } from '../utils/lazy-schema';

// Checks are `refine`s: zod/mini's dedicated check classes would add weight to the page bundle.
const text = (what: string) =>
  z.string().check(
    z.refine((s) => s.trim().length >= 1 && s.length <= REFERENCE_LIMITS.text, {
      error: `${what} must have 1–${REFERENCE_LIMITS.text} characters`,
    }),
  );
const positive = (what: string) =>
  z.number().check(z.refine((n) => Number.isFinite(n) && n > 0, { error: `${what} must be a positive number` }));
const edge = (what: string) =>
  z.number().check(z.refine((n) => Number.isFinite(n) && n >= 0, { error: `${what} must be a number ≥ 0` }));

/** Median and/or 75th percentile of one quantity in one bin. */
export const PercentilesSchema = lazySchema(() => z
  .object({
    median: z.optional(positive('median')),
    p75: z.optional(positive('75th percentile')),
  })
  .check(
    z.refine((p) => p.median !== undefined || p.p75 !== undefined, { error: 'give the median, the 75th percentile, or both' }),
    z.refine((p) => p.median === undefined || p.p75 === undefined || p.median <= p.p75, {
      error: 'the median must not exceed the 75th percentile',
    }),
  ));
export type Percentiles = z.infer<typeof PercentilesSchema>;

/** One size bin: from (inclusive) to (exclusive; null = open-ended), in the table metric's unit. */
export const ReferenceBinSchema = lazySchema(() => z
  .object({
    from: edge('bin start'),
    to: z.nullable(edge('bin end')),
    /** As printed in the source (e.g. "1–<5 y"); a label is generated when absent. */
    label: z.optional(text('bin label')),
    ctdiVolMGy: z.optional(PercentilesSchema),
    ssdeMGy: z.optional(PercentilesSchema),
    dlpMGyCm: z.optional(PercentilesSchema),
  })
  .check(
    z.refine((b) => b.to === null || b.from < b.to, { error: 'a bin must end after it starts' }),
    z.refine((b) => DOSE_QUANTITIES.some((q) => b[q] !== undefined), { error: 'a bin needs CTDIvol, SSDE or DLP' }),
  ));
export type ReferenceBin = z.infer<typeof ReferenceBinSchema>;

export const ReferenceLevelTableSchema = lazySchema(() => z
  .object({
    id: z.string().check(
      z.refine((s) => /^[a-z0-9][a-z0-9-]{0,63}$/.test(s), { error: 'table id must be lower-case letters, digits and dashes' }),
    ),
    /** Shown in the comparison ("… of <name>, <bin>"). */
    name: text('table name'),
    /** The exam the table describes, as the source names it (e.g. "Head CT without contrast"). */
    exam: text('exam'),
    metric: z.enum(SIZE_METRICS),
    /** CTDI phantom of the CTDIvol/DLP values (16 or 32 cm); null only when the table holds SSDE alone. */
    phantomCm: z.nullable(z.union([z.literal(16), z.literal(32)])),
    /** Where the numbers come from (report, table), shown with every comparison. */
    source: text('source'),
    year: z.number().check(z.refine((n) => Number.isInteger(n) && n >= 1990 && n <= 2100, { error: 'year must be a whole number 1990–2100' })),
    bins: z.array(ReferenceBinSchema).check(
      z.refine((b) => b.length >= 1 && b.length <= REFERENCE_LIMITS.bins, { error: `a table has 1–${REFERENCE_LIMITS.bins} bins` }),
      // Pairs are compared only in a table of a size that can be kept (the check above refuses the others).
      z.refine((bins) => bins.length > REFERENCE_LIMITS.bins || bins.every((b, i) => bins.every((c, j) => j <= i || !binsOverlap(b, c))), {
        error: 'bins overlap',
      }),
    ),
  })
  .check(
    z.refine((t) => t.phantomCm !== null || t.bins.every((b) => !b.ctdiVolMGy && !b.dlpMGyCm), {
      error: 'CTDIvol and DLP values need the CTDI phantom (16 or 32 cm)',
    }),
  ));
export type ReferenceLevelTable = z.infer<typeof ReferenceLevelTableSchema>;


/**
 * The page corpus (tests/fixtures/pages/corpus/<system>/, format in the manifest schema below): loading, validation
 * and scoring of a PageAnalysis against the ground truth a radiologist wrote for each page.
 *
 * A page is right when four fields match: pediatric, age (within the truth's tolerance, or both null), modality and
 * campaigns (as a set). Region and pediatricRecords are scored only when the truth gives them, and reported apart.
 * Used by `npm run corpus` (scripts/corpus.ts) and the corpus tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as z from 'zod';
import { analyzePage } from '@/content/analyze';
import { CAMPAIGN_IDS } from '@/clinical/campaign-ids';
import type { AnalyzeOptions, Campaign, PageAnalysis } from '@/content/read/types';
import { CORPUS_FOLDER, fixtureUrl, PAGES_DIR, parseHtml } from './pages';

export const CORPUS_DIR = join(PAGES_DIR, CORPUS_FOLDER);

const MODALITIES = ['CT', 'CR', 'DX', 'RF', 'XA', 'NM', 'PT', 'MR', 'US', 'MG', 'IO', 'PX'] as const;
const CAMPAIGNS = CAMPAIGN_IDS;
const REGIONS = [
  'head', 'neck', 'chest', 'abdomen', 'pelvis', 'abdomen-pelvis', 'chest-abdomen-pelvis',
  'spine', 'extremity', 'whole-body', 'cardiac', 'dental', 'other',
] as const;
const KINDS = ['ehr', 'order', 'ris', 'pacs', 'dental', 'print', 'note', 'schedule', 'dictation'] as const;
const BASES = ['exam', 'scheduled', 'order', 'visit', 'today'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const TruthSchema = z
  .object({
    pediatric: z.boolean(),
    ageDays: z.number().int().nonnegative().nullable(),
    ageToleranceDays: z.number().int().nonnegative(),
    referenceDate: z.string().regex(ISO_DATE, 'YYYY-MM-DD'),
    referenceBasis: z.enum(BASES),
    modality: z.enum(MODALITIES).nullable(),
    campaigns: z.array(z.enum(CAMPAIGNS)),
    region: z.enum(REGIONS).nullable().optional(),
    pediatricRecords: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((t) => !(t.modality === 'MR' || t.modality === 'US') || t.campaigns.length === 0, {
    message: 'MR and US exams have no Image Gently campaign (campaigns must be [])',
  })
  .refine((t) => t.modality !== null || t.campaigns.length === 0, { message: 'campaigns without a modality' })
  .refine((t) => new Set(t.campaigns).size === t.campaigns.length, { message: 'a campaign is listed twice' });

const PageSchema = z
  .object({
    file: z.string().regex(/^[a-z0-9][a-z0-9._-]*\.html$/, 'lower-case file name ending in .html'),
    url: z.string().url(),
    now: z.iso.datetime(),
    dateOrder: z.enum(['MDY', 'DMY']).nullable(),
    lang: z.string().min(2),
    note: z.string().min(1),
    truth: TruthSchema,
  })
  .strict();

const ManifestSchema = z
  .object({
    system: z.string().min(1),
    kind: z.enum(KINDS),
    sources: z.array(z.string().min(1)).min(1),
    pages: z.array(PageSchema),
  })
  .strict();

export type CorpusTruth = z.infer<typeof TruthSchema>;
export type CorpusManifest = z.infer<typeof ManifestSchema>;

export interface CorpusPage {
  /** Folder under corpus/ (one per imitated system). */
  folder: string;
  system: string;
  kind: CorpusManifest['kind'];
  file: string;
  url: string;
  now: string;
  dateOrder: 'MDY' | 'DMY' | null;
  lang: string;
  note: string;
  truth: CorpusTruth;
  html: string;
}

/** A manifest or page that breaks the format: the message names the file. */
export class CorpusError extends Error {
  override name = 'CorpusError';
}

/** Reads and validates one folder's manifest.json and checks it against the folder's pages. */
export function loadManifest(folderPath: string): CorpusManifest {
  const path = join(folderPath, 'manifest.json');
  const where = relative(process.cwd(), path) || path;
  if (!existsSync(path)) throw new CorpusError(`${where}: missing (every corpus folder has one manifest.json)`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CorpusError(`${where}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) throw new CorpusError(`${where}: invalid manifest\n${z.prettifyError(parsed.error)}`);
  const manifest = parsed.data;

  const listed = new Set<string>();
  for (const page of manifest.pages) {
    if (listed.has(page.file)) throw new CorpusError(`${where}: ${page.file} is listed twice`);
    listed.add(page.file);
    const htmlPath = join(folderPath, page.file);
    if (!existsSync(htmlPath)) throw new CorpusError(`${where}: ${page.file} is listed but the file does not exist`);
    let pageUrl: string;
    try {
      pageUrl = fixtureUrl(readFileSync(htmlPath, 'utf8'));
    } catch {
      throw new CorpusError(`${where}: ${page.file} does not begin with <!-- fixture-url: … -->`);
    }
    if (pageUrl !== page.url) throw new CorpusError(`${where}: ${page.file}: fixture-url ${pageUrl} ≠ manifest url ${page.url}`);
  }
  for (const file of readdirSync(folderPath)) {
    if (file.endsWith('.html') && !listed.has(file)) throw new CorpusError(`${where}: ${file} is in the folder but not in the manifest`);
  }
  return manifest;
}

/** Every page of every corpus folder (folders and files in name order). An absent or empty corpus gives []. */
export function loadCorpus(dir: string = CORPUS_DIR): CorpusPage[] {
  if (!existsSync(dir)) return [];
  const out: CorpusPage[] = [];
  const folders = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  for (const folder of folders) {
    const folderPath = join(dir, folder);
    const manifest = loadManifest(folderPath);
    for (const page of [...manifest.pages].sort((a, b) => a.file.localeCompare(b.file))) {
      out.push({
        folder,
        system: manifest.system,
        kind: manifest.kind,
        ...page,
        html: readFileSync(join(folderPath, page.file), 'utf8'),
      });
    }
  }
  return out;
}

export interface CorpusArgs {
  /** The corpus root: `--dir <path>` (or `--dir=<path>`, relative to the working directory), else CORPUS_DIR. */
  dir: string;
  /** Only system folders whose name contains this (the one positional argument), or null for all. */
  filter: string | null;
  /** `--strict`: exit 1 on any miss. */
  strict: boolean;
}

/** The arguments of `npm run corpus [-- [--dir <path>] [<folder-substring>] [--strict]]`. Unknown flags are errors. */
export function parseCorpusArgs(args: readonly string[], cwd: string = process.cwd()): CorpusArgs {
  const out: CorpusArgs = { dir: CORPUS_DIR, filter: null, strict: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--strict') out.strict = true;
    else if (a === '--dir' || a.startsWith('--dir=')) {
      const value = a === '--dir' ? args[++i] : a.slice('--dir='.length);
      if (!value || value.startsWith('--')) throw new CorpusError('--dir needs a path: npm run corpus -- --dir <corpus root>');
      out.dir = resolve(cwd, value);
    } else if (a.startsWith('--')) throw new CorpusError(`unknown option ${a} (options: --dir <path>, --strict)`);
    else if (out.filter === null) out.filter = a;
    else throw new CorpusError(`one folder filter only (got ${JSON.stringify(out.filter)} and ${JSON.stringify(a)})`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

/** The fields a page is scored on; the first four decide whether the page is right. */
export const CORE_FIELDS = ['pediatric', 'age', 'modality', 'campaigns'] as const;
export const EXTRA_FIELDS = ['region', 'pediatricRecords'] as const;
export type ScoredField = (typeof CORE_FIELDS)[number] | (typeof EXTRA_FIELDS)[number];

export interface FieldMiss {
  field: ScoredField;
  expected: string;
  got: string;
}

export interface PageScore {
  /** pediatric, age, modality and campaigns all match. */
  right: boolean;
  /** Per field: true (match), false (miss); absent for an extra field the truth does not give. */
  fields: Partial<Record<ScoredField, boolean>>;
  misses: FieldMiss[];
}

/** Rows of a list page that are pediatric ionizing exams (what `truth.pediatricRecords` counts). */
export function pediatricIonizingRecords(analysis: PageAnalysis): number {
  return analysis.records.filter((r) => r.pediatric && r.campaigns.length > 0).length;
}

const ageText = (days: number | null, tolerance?: number): string =>
  days === null ? 'no age' : `${days} d (${(days / 365.25).toFixed(2)} y)${tolerance ? ` ± ${tolerance} d` : ''}`;
const campaignText = (c: readonly Campaign[]): string => (c.length ? `[${[...c].sort().join(', ')}]` : '[]');

/** Scores one analysis against one page's truth. Pure. */
export function scorePage(truth: CorpusTruth, analysis: PageAnalysis): PageScore {
  const fields: PageScore['fields'] = {};
  const misses: FieldMiss[] = [];
  const check = (field: ScoredField, ok: boolean, expected: string, got: string) => {
    fields[field] = ok;
    if (!ok) misses.push({ field, expected, got });
  };

  check('pediatric', analysis.pediatric === truth.pediatric, String(truth.pediatric), String(analysis.pediatric));
  const ageOk =
    truth.ageDays === null || analysis.ageDays === null
      ? truth.ageDays === analysis.ageDays
      : Math.abs(analysis.ageDays - truth.ageDays) <= truth.ageToleranceDays;
  check(
    'age',
    ageOk,
    `${ageText(truth.ageDays, truth.ageToleranceDays)} at ${truth.referenceDate} (${truth.referenceBasis})`,
    `${ageText(analysis.ageDays)}${analysis.ageBasis ? ` (basis ${analysis.ageBasis})` : ''}`,
  );
  check('modality', analysis.modality === truth.modality, String(truth.modality), String(analysis.modality));
  const want = new Set(truth.campaigns);
  const got = new Set(analysis.campaigns);
  check('campaigns', want.size === got.size && [...want].every((c) => got.has(c)), campaignText(truth.campaigns), campaignText(analysis.campaigns));
  if (truth.region !== undefined) check('region', analysis.region === truth.region, String(truth.region), String(analysis.region));
  if (truth.pediatricRecords !== undefined) {
    const n = pediatricIonizingRecords(analysis);
    check('pediatricRecords', n === truth.pediatricRecords, String(truth.pediatricRecords), `${n} of ${analysis.records.length} rows`);
  }
  return { right: CORE_FIELDS.every((f) => fields[f]), fields, misses };
}

export interface PageResult {
  page: CorpusPage;
  analysis: PageAnalysis;
  score: PageScore;
}

/** The options a corpus page is analysed with: its frozen clock and its per-site date order. */
export function optionsOf(page: Pick<CorpusPage, 'now' | 'dateOrder'>): AnalyzeOptions {
  return { now: new Date(page.now), ...(page.dateOrder ? { dateOrder: page.dateOrder } : {}) };
}

/** Parses and analyses one page (happy-dom, no scripts) and scores it. */
export function runPage(page: CorpusPage): PageResult {
  const analysis = analyzePage(parseHtml(page.html), page.url, optionsOf(page));
  return { page, analysis, score: scorePage(page.truth, analysis) };
}

export interface Tally {
  pages: number;
  right: number;
  /** Per field: [matches, pages scored on that field]. */
  fields: Partial<Record<ScoredField, [number, number]>>;
}

/** Per-field accuracy by system folder and overall ('*'). */
export function tally(results: readonly PageResult[]): Map<string, Tally> {
  const out = new Map<string, Tally>();
  const add = (key: string, r: PageResult) => {
    let t = out.get(key);
    if (!t) out.set(key, (t = { pages: 0, right: 0, fields: {} }));
    t.pages++;
    if (r.score.right) t.right++;
    for (const [field, ok] of Object.entries(r.score.fields) as [ScoredField, boolean][]) {
      const cell = (t.fields[field] ??= [0, 0]);
      if (ok) cell[0]++;
      cell[1]++;
    }
  };
  for (const r of results) add(r.page.folder, r);
  out.set('*', { pages: 0, right: 0, fields: {} });
  for (const r of results) add('*', r);
  return out;
}

const pct = ([n, of]: [number, number]): string => (of === 0 ? '—' : `${Math.round((100 * n) / of)}% (${n}/${of})`);

/** The report `npm run corpus` prints: a table of per-field accuracy per system and overall, then every miss. */
export function report(results: readonly PageResult[]): string[] {
  const lines: string[] = [];
  const tallies = tally(results);
  const cols: ['right' | ScoredField, string][] = [
    ['right', 'page right'], ['pediatric', 'pediatric'], ['age', 'age'], ['modality', 'modality'],
    ['campaigns', 'campaigns'], ['region', 'region'], ['pediatricRecords', 'records'],
  ];
  const rows: string[][] = [['system', 'pages', ...cols.map(([, h]) => h)]];
  for (const [key, t] of tallies) {
    const cells = cols.map(([f]) => (f === 'right' ? pct([t.right, t.pages]) : t.fields[f] ? pct(t.fields[f]) : '—'));
    rows.push([key === '*' ? 'ALL' : key, String(t.pages), ...cells]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const [i, row] of rows.entries()) {
    if (i === rows.length - 1) lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
    lines.push(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd());
  }

  const wrong = results.filter((r) => r.score.misses.length > 0);
  lines.push('', wrong.length ? `Misses (${wrong.length} page${wrong.length === 1 ? '' : 's'}):` : 'No misses.');
  for (const r of wrong) {
    lines.push('', `✗ ${r.page.folder}/${r.page.file}${r.score.right ? ' (right; extra fields missed)' : ''} — ${r.page.note}`);
    for (const m of r.score.misses) lines.push(`    ${m.field}: expected ${m.expected}, got ${m.got}`);
    lines.push(`    profile: ${r.analysis.profileId ?? 'none'}; exam: ${r.analysis.examDescription ?? '—'}`);
    if (r.analysis.evidence.length === 0) lines.push('    evidence: none');
    for (const e of r.analysis.evidence) {
      const extra = [e.conflict ? 'conflict' : '', e.note ?? ''].filter(Boolean).join('; ');
      lines.push(`    · ${e.kind}: ${JSON.stringify(e.text)} @ ${e.where}${extra ? ` (${extra})` : ''}`);
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Known misses: the ONE list of corpus fields the reader does not get right yet
// ---------------------------------------------------------------------------------------------

/**
 * tests/fixtures/pages/corpus/known-misses.json — read by the corpus unit test (tests/content/corpus.test.ts) and
 * by the Chromium e2e over the same corpus. Its path and shape are stable:
 *
 * ```json
 * {
 *   "about": "free text",
 *   "misses": [
 *     { "file": "<folder>/<page>.html", "field": "pediatric" | "age" | "modality" | "campaigns" | "region" | "pediatricRecords",
 *       "reason": "why the reader misses it (one line)" }
 *   ]
 * }
 * ```
 * One entry per missed field of a page; a page with no entry must be right on every field its truth gives. The
 * list can only shrink: a listed field that matches fails the test (remove the entry), and a field that misses
 * without an entry fails it too.
 */
export const KNOWN_MISSES_PATH = join(CORPUS_DIR, 'known-misses.json');

const SCORED_FIELDS = [...CORE_FIELDS, ...EXTRA_FIELDS] as const;
const KnownMissSchema = z
  .object({
    file: z.string().regex(/^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*\.html$/, '<folder>/<page>.html'),
    field: z.enum(SCORED_FIELDS),
    reason: z.string().min(1),
  })
  .strict();
const KnownMissesSchema = z.object({ about: z.string(), misses: z.array(KnownMissSchema) }).strict();
export type KnownMiss = z.infer<typeof KnownMissSchema>;

/** Reads and validates the known-miss list; a field listed twice for one page is an error. */
export function loadKnownMisses(path: string = KNOWN_MISSES_PATH): KnownMiss[] {
  const where = relative(process.cwd(), path) || path;
  if (!existsSync(path)) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CorpusError(`${where}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = KnownMissesSchema.safeParse(json);
  if (!parsed.success) throw new CorpusError(`${where}: invalid known-miss list\n${z.prettifyError(parsed.error)}`);
  const seen = new Set<string>();
  for (const m of parsed.data.misses) {
    const key = `${m.file} ${m.field}`;
    if (seen.has(key)) throw new CorpusError(`${where}: ${m.file} lists ${m.field} twice`);
    seen.add(key);
  }
  return parsed.data.misses;
}

export interface KnownMissCheck {
  /** Fields that miss with no entry in the list: a regression. */
  unexpected: FieldMiss[];
  /** Listed fields that now match: the entry must go. */
  nowPassing: KnownMiss[];
  /** Listed fields that still miss (the page is skipped with their reasons when nothing else is wrong). */
  stillMissing: KnownMiss[];
}

/** Compares one page's score with the known misses listed for it. Pure. */
export function checkKnownMisses(score: PageScore, known: readonly KnownMiss[]): KnownMissCheck {
  const missed = new Set(score.misses.map((m) => m.field));
  const listed = new Set(known.map((k) => k.field));
  return {
    unexpected: score.misses.filter((m) => !listed.has(m.field)),
    nowPassing: known.filter((k) => !missed.has(k.field)),
    stillMissing: known.filter((k) => missed.has(k.field)),
  };
}

/** `<folder>/<file>`: how the known-miss list and the tests name a page. */
export const pageKey = (page: Pick<CorpusPage, 'folder' | 'file'>): string => `${page.folder}/${page.file}`;

/**
 * @file Import of an institution's own reference-level table (JSON or CSV) into the format of
 * `reference-levels.ts`, with clear errors: bad JSON or CSV, missing columns, unknown units, bad numbers,
 * inconsistent table metadata, overlapping bins. Used by the options page only (not the page bundle).
 *
 * CSV layout (one row per bin and quantity; header names are case-insensitive, order-free):
 *
 *   table,exam,metric,metric_unit,from,to,label,phantom_cm,quantity,unit,median,p75,source,year
 *   Local head CT 2025,Head CT without contrast,age,y,0,1,<1 y,16,CTDIvol,mGy,20,24,Our hospital dose audit,2025
 *
 * - `metric`: age | weight | effective diameter (deff) | water-equivalent diameter (dw); `metric_unit`:
 *   age y, mo, wk, d; weight kg, g, lb; diameters cm, mm — converted to years, kg and cm.
 * - `from` inclusive, `to` exclusive (empty = open-ended); `label` optional.
 * - `quantity`: CTDIvol | SSDE | DLP with `unit` mGy (CTDIvol, SSDE) or mGy·cm (DLP); `median` and/or `p75`.
 * - Rows with the same `table` form one table; rows with the same bin edges form one bin.
 * - Delimiter `,`, `;` or tab (from the header line); with `;` or tab a decimal comma is accepted.
 */
import { ReferenceLevelTableSchema } from './reference-level-schema';
import { MAX_JSON_DEPTH, jsonNestsDeeperThan } from '../utils/json-depth';
import { own } from '../utils/own';
import {
  binsOverlap,
  REFERENCE_LIMITS,
  type DoseQuantity,
  type ReferenceBin,
  type ReferenceLevelTable,
  type SizeMetric,
} from './reference-levels';

export type ImportErrorCode =
  | 'empty'
  | 'bad-json'
  | 'bad-csv'
  | 'missing-column'
  | 'unknown-metric'
  | 'unknown-quantity'
  | 'unknown-unit'
  | 'bad-number'
  | 'inconsistent-table'
  | 'overlapping-bins'
  | 'invalid-table'
  | 'too-many-tables'
  | 'too-many-rows'
  | 'too-many-errors';

export interface ImportIssue {
  code: ImportErrorCode;
  /** 1-based line of the CSV (or undefined for JSON / whole-table issues). */
  line?: number;
  /** The offending value, column name(s) or limit, language-neutral, for the locale message's $2. */
  detail?: string;
  /** English text for the options page and logs; names the line, column and value's problem. */
  message: string;
}

export type ImportResult = { ok: true; tables: ReferenceLevelTable[] } | { ok: false; errors: ImportIssue[] };

/** Locale keys for the error codes (section `clinical:`); $1 = line (or empty), $2 = detail. */
export const IMPORT_ERROR_MESSAGE_KEY: Readonly<Record<ImportErrorCode, string>> = {
  empty: 'clinical.referenceImport.empty',
  'bad-json': 'clinical.referenceImport.badJson',
  'bad-csv': 'clinical.referenceImport.badCsv',
  'missing-column': 'clinical.referenceImport.missingColumn',
  'unknown-metric': 'clinical.referenceImport.unknownMetric',
  'unknown-quantity': 'clinical.referenceImport.unknownQuantity',
  'unknown-unit': 'clinical.referenceImport.unknownUnit',
  'bad-number': 'clinical.referenceImport.badNumber',
  'inconsistent-table': 'clinical.referenceImport.inconsistentTable',
  'overlapping-bins': 'clinical.referenceImport.overlappingBins',
  'invalid-table': 'clinical.referenceImport.invalidTable',
  'too-many-tables': 'clinical.referenceImport.tooManyTables',
  'too-many-rows': 'clinical.referenceImport.tooManyRows',
  'too-many-errors': 'clinical.referenceImport.tooManyErrors',
};

/** Largest import accepted, in characters (a table of 200 bins × 3 quantities is far smaller). */
const MAX_TEXT = 1_000_000;
/** Most CSV rows read: every table that can be kept, each bin with its three quantities on rows of their own. */
export const MAX_IMPORT_ROWS = REFERENCE_LIMITS.tables * REFERENCE_LIMITS.bins * 3;
/**
 * Most problems listed; checking stops there and one last problem says so. (A file of 1,000 overlapping bins
 * once gave half a million problems, one per pair, and gigabytes of messages.)
 */
export const MAX_IMPORT_ERRORS = 50;

const METRIC_ALIASES: Record<string, SizeMetric> = {
  age: 'age-years',
  'age-years': 'age-years',
  weight: 'weight-kg',
  'weight-kg': 'weight-kg',
  'effective diameter': 'effective-diameter-cm',
  'effective-diameter': 'effective-diameter-cm',
  'effective-diameter-cm': 'effective-diameter-cm',
  deff: 'effective-diameter-cm',
  'water-equivalent diameter': 'water-equivalent-diameter-cm',
  'water equivalent diameter': 'water-equivalent-diameter-cm',
  'water-equivalent-diameter': 'water-equivalent-diameter-cm',
  'water-equivalent-diameter-cm': 'water-equivalent-diameter-cm',
  dw: 'water-equivalent-diameter-cm',
  wed: 'water-equivalent-diameter-cm',
};

/** Factor from the given unit to the metric's canonical unit (years, kg, cm). */
const METRIC_UNITS: Record<SizeMetric, Record<string, number>> = {
  'age-years': {
    y: 1, yr: 1, yrs: 1, year: 1, years: 1,
    mo: 1 / 12, month: 1 / 12, months: 1 / 12,
    wk: 7 / 365.25, w: 7 / 365.25, week: 7 / 365.25, weeks: 7 / 365.25, // Julian year of 365.25 days
    d: 1 / 365.25, day: 1 / 365.25, days: 1 / 365.25,
  },
  'weight-kg': { kg: 1, g: 0.001, lb: 0.45359237, lbs: 0.45359237 }, // international pound, exact by definition
  'effective-diameter-cm': { cm: 1, mm: 0.1 },
  'water-equivalent-diameter-cm': { cm: 1, mm: 0.1 },
};

const QUANTITY_ALIASES: Record<string, DoseQuantity> = {
  ctdivol: 'ctdiVolMGy',
  'ctdi vol': 'ctdiVolMGy',
  ctdi_vol: 'ctdiVolMGy',
  ssde: 'ssdeMGy',
  dlp: 'dlpMGyCm',
};
const QUANTITY_UNITS: Record<DoseQuantity, readonly string[]> = {
  ctdiVolMGy: ['mgy'],
  ssdeMGy: ['mgy'],
  dlpMGyCm: ['mgy·cm', 'mgy*cm', 'mgy cm', 'mgycm', 'mgy.cm', 'mgy-cm'],
};

const REQUIRED = ['table', 'exam', 'metric', 'metric_unit', 'from', 'to', 'quantity', 'unit', 'source', 'year'] as const;

/** URL-safe id from a table name. */
function slug(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'table';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** RFC 4180 CSV with a sniffed delimiter. Returns rows of fields with their 1-based line numbers. */
function parseCsv(text: string): { rows: { line: number; fields: string[] }[]; delimiter: string } | ImportIssue {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const delimiter = [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        // The run up to the next quote at once (one string per run, not per character).
        let j = i;
        for (; j < src.length && src[j] !== '"'; j++) if (src[j] === '\n') line++;
        field += src.slice(i, j);
        i = j - 1;
      }
      continue;
    }
    if (ch === '"') {
      if (field.trim() !== '') return { code: 'bad-csv', line, detail: '"', message: `line ${line}: a quote inside an unquoted field` };
      field = '';
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      fieldStarted = false;
      line++;
      rowLine = line;
    } else {
      let j = i + 1;
      for (; j < src.length; j++) {
        const c = src[j];
        if (c === delimiter || c === '"' || c === '\n' || c === '\r') break;
      }
      field += src.slice(i, j);
      fieldStarted = true;
      i = j - 1;
    }
  }
  if (quoted) return { code: 'bad-csv', line: rowLine, detail: '"', message: `line ${rowLine}: a quoted field is not closed` };
  if (fieldStarted || field !== '') {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) rows.push({ line: rowLine, fields });
  }
  return { rows, delimiter };
}

interface TableDraft {
  name: string;
  exam: string;
  metric: SizeMetric;
  phantomCm: 16 | 32 | null;
  source: string;
  year: number;
  firstLine: number;
  bins: Map<string, { bin: ReferenceBin; line: number }>;
}

/**
 * @name importReferenceLevelsCsv
 * @category Reference levels
 * @summary Read reference-level tables from CSV (layout in this file's header), converting units.
 *
 * @param text - the CSV text
 * @returns the tables, or every error found (with line numbers)
 *
 * @example
 * // A bin in months, CTDIvol in mGy?
 * importReferenceLevelsCsv('table,exam,metric,metric_unit,from,to,phantom_cm,quantity,unit,median,p75,source,year\n' +
 *   'Head,Head CT,age,mo,0,3,16,CTDIvol,mGy,18,22,Local audit,2025')
 * //=> { ok: true, tables: [{ id: 'head', metric: 'age-years', bins: [{ from: 0, to: 0.25, ctdiVolMGy: { median: 18, p75: 22 } }], … }] }
 */
export function importReferenceLevelsCsv(text: string): ImportResult {
  if (typeof text !== 'string' || text.trim() === '') return fail({ code: 'empty', message: 'the file is empty' });
  if (text.length > MAX_TEXT) return fail({ code: 'bad-csv', message: `the file is larger than ${MAX_TEXT} characters` });
  const parsed = parseCsv(text);
  if ('code' in parsed) return fail(parsed);
  const [header, ...body] = parsed.rows;
  if (!header) return fail({ code: 'empty', message: 'the file is empty' });
  const decimalComma = parsed.delimiter !== ',';
  const col = new Map(header.fields.map((h, i) => [h.trim().toLowerCase().replace(/\s+/g, '_'), i]));
  const missing = [...REQUIRED, 'median|p75'].filter((c) => !c.split('|').some((n) => col.has(n)));
  if (missing.length) {
    return fail({ code: 'missing-column', line: header.line, detail: missing.join(', '), message: `line ${header.line}: missing column(s) ${missing.join(', ')}` });
  }
  if (body.length === 0) return fail({ code: 'empty', message: 'the file has a header but no rows' });
  if (body.length > MAX_IMPORT_ROWS) {
    return fail({ code: 'too-many-rows', detail: String(MAX_IMPORT_ROWS), message: `${body.length} rows; at most ${MAX_IMPORT_ROWS} can be read` });
  }

  const errors: ImportIssue[] = [];
  const tables = new Map<string, TableDraft>();
  // The row being read: the helpers below are made once, not once per row (12,000 rows spent most of
  // their time making and naming closures).
  let line = 0;
  let fields: string[] = [];
  const get = (name: string) => (col.has(name) ? (fields[col.get(name)!] ?? '').trim() : '');
  const err = (code: ImportErrorCode, what: string, detail?: string) =>
    errors.push({ code, line, ...(detail !== undefined && { detail: detail.slice(0, 40) }), message: `line ${line}: ${what}` });
  const num = (name: string, optional: boolean): number | null | undefined => {
    const raw = get(name);
    if (raw === '') {
      if (!optional) err('bad-number', `${name} is empty`, name);
      return optional ? null : undefined;
    }
    const normalised = decimalComma ? raw.replace(',', '.') : raw;
    const n = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(normalised) ? Number(normalised) : NaN;
    if (!Number.isFinite(n)) {
      err('bad-number', `${name} "${raw.slice(0, 20)}" is not a number`, raw);
      return undefined;
    }
    return n;
  };
  for (const row of body) {
    if (errors.length >= MAX_IMPORT_ERRORS) break;
    ({ line, fields } = row);
    if (fields.length !== header.fields.length) {
      err('bad-csv', `${fields.length} fields, the header has ${header.fields.length}`, `${fields.length}/${header.fields.length}`);
      continue;
    }
    const metricRaw = get('metric').toLowerCase();
    const metric = own(METRIC_ALIASES, metricRaw);
    if (!metric) {
      err('unknown-metric', `metric "${metricRaw.slice(0, 40)}" is not age, weight, effective diameter or water-equivalent diameter`, metricRaw);
      continue;
    }
    const metricUnit = get('metric_unit').toLowerCase();
    const factor = own(METRIC_UNITS[metric], metricUnit);
    if (factor === undefined) {
      err('unknown-unit', `unit "${metricUnit.slice(0, 20)}" is not a unit of ${metricRaw} (${Object.keys(METRIC_UNITS[metric]).join(', ')})`, metricUnit);
      continue;
    }
    const quantityRaw = get('quantity').toLowerCase();
    const quantity = own(QUANTITY_ALIASES, quantityRaw);
    if (!quantity) {
      err('unknown-quantity', `quantity "${quantityRaw.slice(0, 20)}" is not CTDIvol, SSDE or DLP`, get('quantity'));
      continue;
    }
    const unit = get('unit').toLowerCase().replace(/\s+/g, ' ');
    if (!QUANTITY_UNITS[quantity].includes(unit)) {
      err('unknown-unit', `unit "${get('unit').slice(0, 20)}" is not ${quantity === 'dlpMGyCm' ? 'mGy·cm' : 'mGy'} for ${get('quantity')}`, get('unit'));
      continue;
    }
    const from = num('from', false);
    const to = num('to', true);
    const median = num('median', true);
    const p75 = num('p75', true);
    const year = num('year', false);
    const phantomRaw = get('phantom_cm');
    const phantomCm = phantomRaw === '' ? null : phantomRaw === '16' ? 16 : phantomRaw === '32' ? 32 : undefined;
    if (phantomCm === undefined) err('unknown-unit', `phantom_cm "${phantomRaw.slice(0, 20)}" is not 16, 32 or empty`, phantomRaw);
    if (from === undefined || to === undefined || median === undefined || p75 === undefined || year === undefined || phantomCm === undefined) continue;
    if (median === null && p75 === null) {
      err('bad-number', 'give the median, the 75th percentile, or both', 'median/p75');
      continue;
    }
    const name = get('table');
    const exam = get('exam');
    const source = get('source');
    let draft = tables.get(name);
    if (!draft) {
      draft = { name, exam, metric, phantomCm, source, year: year!, firstLine: line, bins: new Map() };
      tables.set(name, draft);
    } else {
      const clash = (
        [
          ['exam', draft.exam, exam],
          ['metric', draft.metric, metric],
          ['phantom_cm', draft.phantomCm, phantomCm],
          ['source', draft.source, source],
          ['year', draft.year, year],
        ] as const
      ).find(([, a, b]) => a !== b);
      if (clash) {
        err('inconsistent-table', `${clash[0]} differs from line ${draft.firstLine} of table "${name.slice(0, 60)}"`, clash[0]);
        continue;
      }
    }
    const fromC = from! * factor;
    const toC = to === null ? null : to * factor;
    const key = `${fromC}|${toC}`;
    let entry = draft.bins.get(key);
    if (!entry) {
      entry = { bin: { from: fromC, to: toC }, line };
      const label = get('label');
      if (label) entry.bin.label = label;
      draft.bins.set(key, entry);
    }
    if (entry.bin[quantity]) {
      err('inconsistent-table', `${get('quantity')} for this bin is already on line ${entry.line}`, get('quantity'));
      continue;
    }
    entry.bin[quantity] = { ...(median !== null && { median }), ...(p75 !== null && { p75 }) };
  }

  const out: ReferenceLevelTable[] = [];
  const taken = new Set<string>();
  for (const draft of tables.values()) {
    if (errors.length >= MAX_IMPORT_ERRORS) break;
    const entries = [...draft.bins.values()].sort((a, b) => a.bin.from - b.bin.from);
    // A table with too many bins is refused by the schema for its size; its pairs are not compared.
    const pairwise = entries.length <= REFERENCE_LIMITS.bins ? entries.length : 0;
    for (let i = 0; i < pairwise && errors.length < MAX_IMPORT_ERRORS; i++) {
      for (let j = i + 1; j < pairwise && errors.length < MAX_IMPORT_ERRORS; j++) {
        if (binsOverlap(entries[i]!.bin, entries[j]!.bin)) {
          errors.push({
            code: 'overlapping-bins',
            line: entries[j]!.line,
            detail: String(entries[i]!.line),
            message: `line ${entries[j]!.line}: the bin overlaps the bin of line ${entries[i]!.line} in table "${draft.name.slice(0, 60)}"`,
          });
        }
      }
    }
    const table = {
      id: slug(draft.name, taken),
      name: draft.name,
      exam: draft.exam,
      metric: draft.metric,
      phantomCm: draft.phantomCm,
      source: draft.source,
      year: draft.year,
      // One bin past the limit is enough for the schema to refuse the table's size (12,000 bins cost it 0.1 s).
      bins: entries.slice(0, REFERENCE_LIMITS.bins + 1).map((e) => e.bin),
    };
    collect(table, `table "${draft.name.slice(0, 60)}" (line ${draft.firstLine})`, draft.firstLine, errors, out);
  }
  if (out.length > REFERENCE_LIMITS.tables) {
    errors.push({ code: 'too-many-tables', detail: String(REFERENCE_LIMITS.tables), message: `${out.length} tables; at most ${REFERENCE_LIMITS.tables} can be kept` });
  }
  return errors.length ? { ok: false, errors: bounded(errors) } : { ok: true, tables: out };
}

/** The first MAX_IMPORT_ERRORS problems, then one saying that checking stopped there. */
function bounded(errors: ImportIssue[]): ImportIssue[] {
  if (errors.length < MAX_IMPORT_ERRORS) return errors;
  return [
    ...errors.slice(0, MAX_IMPORT_ERRORS),
    { code: 'too-many-errors', detail: String(MAX_IMPORT_ERRORS), message: `${MAX_IMPORT_ERRORS} problems found; the rest of the file was not checked` },
  ];
}

/** Validate one table against the schema; push it or its issues. */
function collect(table: unknown, where: string, line: number | undefined, errors: ImportIssue[], out: ReferenceLevelTable[]): void {
  const r = ReferenceLevelTableSchema.safeParse(table);
  if (r.success) {
    out.push(r.data);
    return;
  }
  for (const issue of r.error.issues) {
    if (errors.length >= MAX_IMPORT_ERRORS) return;
    const path = issue.path.map(String).join('.');
    const code: ImportErrorCode = issue.message === 'bins overlap' ? 'overlapping-bins' : 'invalid-table';
    errors.push({ code, ...(line !== undefined && { line }), detail: path || issue.message, message: `${where}${path ? ` ${path}` : ''}: ${issue.message}` });
  }
}

function fail(issue: ImportIssue): ImportResult {
  return { ok: false, errors: [issue] };
}

/**
 * @name importReferenceLevelsJson
 * @category Reference levels
 * @summary Read reference-level tables from JSON: one table, an array of tables, or `{ "tables": [...] }`.
 *
 * @description Each table must match `ReferenceLevelTableSchema` (canonical units: years, kg, cm, mGy,
 * mGy·cm); a missing `id` is made from the name. Every problem is reported with its path.
 *
 * @param text - the JSON text
 * @returns the tables, or the errors
 *
 * @example
 * importReferenceLevelsJson('{"name":"Head","exam":"Head CT","metric":"age-years","phantomCm":16,"source":"Audit","year":2025,"bins":[{"from":0,"to":1,"ctdiVolMGy":{"p75":24}}]}')
 * //=> { ok: true, tables: [{ id: 'head', … }] }
 */
export function importReferenceLevelsJson(text: string): ImportResult {
  if (typeof text !== 'string' || text.trim() === '') return fail({ code: 'empty', message: 'the file is empty' });
  if (text.length > MAX_TEXT) return fail({ code: 'bad-json', message: `the file is larger than ${MAX_TEXT} characters` });
  let data: unknown;
  try {
    if (jsonNestsDeeperThan(text)) throw new SyntaxError(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    data = JSON.parse(text);
  } catch (e) {
    return fail({ code: 'bad-json', message: `not valid JSON: ${(e as Error).message.slice(0, 120)}` });
  }
  const list: unknown =
    data && typeof data === 'object' && !Array.isArray(data) && 'tables' in data ? (data as { tables: unknown }).tables : data;
  const items = Array.isArray(list) ? list : [list];
  if (items.length === 0) return fail({ code: 'empty', message: 'no tables in the file' });
  if (items.length > REFERENCE_LIMITS.tables) {
    return fail({ code: 'too-many-tables', detail: String(REFERENCE_LIMITS.tables), message: `${items.length} tables; at most ${REFERENCE_LIMITS.tables} can be kept` });
  }
  const errors: ImportIssue[] = [];
  const out: ReferenceLevelTable[] = [];
  const taken = new Set<string>();
  items.forEach((item, i) => {
    let candidate = item;
    if (item && typeof item === 'object' && !('id' in item) && typeof (item as { name?: unknown }).name === 'string') {
      candidate = { ...(item as object), id: slug((item as { name: string }).name, taken) };
    }
    collect(candidate, `table ${i + 1}`, undefined, errors, out);
  });
  return errors.length ? { ok: false, errors: bounded(errors) } : { ok: true, tables: out };
}

/**
 * @name importReferenceLevels
 * @category Reference levels
 * @summary Import JSON or CSV, chosen by the file name's extension or, without one, by the first character.
 */
export function importReferenceLevels(text: string, fileName?: string): ImportResult {
  const ext = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  const looksJson = typeof text === 'string' && /^\s*[[{]/.test(text.replace(/^\uFEFF/, ''));
  if (ext === 'json' || (ext !== 'csv' && ext !== 'tsv' && ext !== 'txt' && looksJson)) return importReferenceLevelsJson(text.replace(/^\uFEFF/, ''));
  return importReferenceLevelsCsv(text);
}

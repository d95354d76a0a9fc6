/**
 * The statements cache and read state in `storage.local`, and the rules that turn them into what
 * the popup and the badge show.
 *
 * Storage (both zod-validated on every read; a bad part is dropped, the rest kept):
 * - `news.cache`: per source URL, its statements, validators (ETag/Last-Modified), when it was
 *   last confirmed (200/304) and last tried, and the last error.
 * - `news.readState`: when the extension was installed, and the ids already read.
 *
 * Rules (pure functions below, tested without storage):
 * - Shown list: the cached statements of the sources now configured, merged, newest first; when
 *   there are none (before the first fetch, or never fetched successfully), the bundled snapshot
 *   — unless the only sources are extra feeds.
 * - Unread: not read, not in the snapshot, and not dated before the install day.
 * - Opening the popup marks everything it shows as read for next time, but shows the unread ones
 *   as new this time; clicking an item marks it read. The badge counts unread.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { SNAPSHOT, SNAPSHOT_IDS } from './snapshot';
import { sourceUrls, type FetchError, type FetchOutcome, type SourceSettings } from './sources';
import { StatementSchema, isoDay, mergeStatements, type Statement } from './statement';

/** How many read ids are kept (older ones are forgotten; their statements have scrolled away). */
const MAX_READ_IDS = 1000;

const FetchErrorSchema = z.object({
  code: z.enum(['network', 'timeout', 'http', 'too-large', 'format', 'redirect', 'not-permitted']),
  status: z.optional(z.number()),
});

const ValidatorSchema = z.optional(z.string().check(z.maxLength(1024)));
const TimeSchema = z.nullable(z.number().check(z.refine((n) => Number.isFinite(n) && n >= 0)));

export interface SourceCache {
  statements: Statement[];
  etag?: string;
  lastModified?: string;
  /** Epoch ms of the last 200 or 304: the content is known current as of then. */
  fetchedAt: number | null;
  /** Epoch ms of the last attempt. */
  checkedAt: number | null;
  /** The last attempt's failure, or null when it succeeded. */
  error: FetchError | null;
}

export interface StatementsCache {
  sources: Record<string, SourceCache>;
}

export interface ReadState {
  installedAt: number | null;
  readIds: string[];
}

export const EMPTY_CACHE: StatementsCache = Object.freeze({ sources: {} }) as StatementsCache;
const EMPTY_READ_STATE: ReadState = Object.freeze({ installedAt: null, readIds: [] }) as unknown as ReadState;

// ---------------------------------------------------------------------------------------------
// Repair on read

function repairSource(raw: unknown): SourceCache | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const obj = raw as Record<string, unknown>;
  const statements = Array.isArray(obj.statements)
    ? obj.statements.flatMap((s) => {
        const parsed = StatementSchema.safeParse(s);
        return parsed.success ? [parsed.data] : [];
      })
    : [];
  const time = (v: unknown) => {
    const parsed = TimeSchema.safeParse(v);
    return parsed.success ? parsed.data : null;
  };
  const validator = (v: unknown) => {
    const parsed = ValidatorSchema.safeParse(v);
    return parsed.success ? parsed.data : undefined;
  };
  const error = FetchErrorSchema.safeParse(obj.error);
  const etag = validator(obj.etag);
  const lastModified = validator(obj.lastModified);
  return {
    statements,
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
    fetchedAt: time(obj.fetchedAt),
    checkedAt: time(obj.checkedAt),
    error: error.success ? error.data : null,
  };
}

/** Whatever is stored → a valid cache (bad sources and bad statements dropped). */
export function repairCache(raw: unknown): StatementsCache {
  if (typeof raw !== 'object' || raw === null || typeof (raw as { sources?: unknown }).sources !== 'object') return { sources: {} };
  const sources: Record<string, SourceCache> = {};
  for (const [url, value] of Object.entries((raw as { sources: Record<string, unknown> }).sources ?? {})) {
    const source = repairSource(value);
    if (source) sources[url] = source;
  }
  return { sources };
}

export function repairReadState(raw: unknown): ReadState {
  if (typeof raw !== 'object' || raw === null) return { installedAt: null, readIds: [] };
  const obj = raw as Record<string, unknown>;
  const installed = TimeSchema.safeParse(obj.installedAt);
  const readIds = Array.isArray(obj.readIds)
    ? obj.readIds.filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 64)
    : [];
  return { installedAt: installed.success ? installed.data : null, readIds: readIds.slice(-MAX_READ_IDS) };
}

// ---------------------------------------------------------------------------------------------
// Pure rules

/** The list to show for these sources: cached statements, else the snapshot (see module doc). */
export function shownStatements(cache: StatementsCache, sources: SourceSettings): Statement[] {
  const urls = sourceUrls(sources);
  const cached = mergeStatements(...urls.map((url) => cache.sources[url]?.statements ?? []));
  if (cached.length > 0) return cached;
  return sources.imagegently || urls.length === 0 ? [...SNAPSHOT] : [];
}

/** The local calendar day of an instant, YYYY-MM-DD. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return isoDay(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

export function isUnread(statement: Statement, state: ReadState): boolean {
  if (SNAPSHOT_IDS.has(statement.id) || state.readIds.includes(statement.id)) return false;
  // Before the install day counts as read; with no install time known yet, everything does.
  return state.installedAt !== null && statement.date >= localDay(state.installedAt);
}

export function unreadStatements(list: readonly Statement[], state: ReadState): Statement[] {
  return list.filter((s) => isUnread(s, state));
}

/** `state` with these ids read too, pruned to the ids still cached (and at most MAX_READ_IDS). */
export function withRead(state: ReadState, ids: readonly string[], cache: StatementsCache): ReadState {
  const known = new Set(Object.values(cache.sources).flatMap((s) => s.statements.map((st) => st.id)));
  const readIds = [...new Set([...state.readIds, ...ids])].filter((id) => known.has(id)).slice(-MAX_READ_IDS);
  return { ...state, readIds };
}

/** The cache after one fetch of `url` at `now`. A failure keeps the statements it had. */
export function withOutcome(cache: StatementsCache, url: string, outcome: FetchOutcome, now: number): StatementsCache {
  const previous = cache.sources[url] ?? { statements: [], fetchedAt: null, checkedAt: null, error: null };
  let next: SourceCache;
  if (outcome.kind === 'fetched') {
    next = {
      statements: outcome.statements,
      ...(outcome.etag ? { etag: outcome.etag } : {}),
      ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}),
      fetchedAt: now,
      checkedAt: now,
      error: null,
    };
  } else if (outcome.kind === 'not-modified') {
    next = { ...previous, fetchedAt: now, checkedAt: now, error: null };
  } else {
    next = { ...previous, checkedAt: now, error: outcome.error };
  }
  return { sources: { ...cache.sources, [url]: next } };
}

/** Only the sources still configured (a removed feed's statements go with it). */
export function keepSources(cache: StatementsCache, urls: readonly string[]): StatementsCache {
  const sources: Record<string, SourceCache> = {};
  for (const url of urls) if (cache.sources[url]) sources[url] = cache.sources[url]!;
  return { sources };
}

export interface RefreshStatus {
  /** When the shown statements were last confirmed current (the freshest source), or null. */
  updatedAt: number | null;
  /** The first configured source whose last attempt failed, with its error; null when none did. */
  error: FetchError | null;
}

export function refreshStatus(cache: StatementsCache, sources: SourceSettings): RefreshStatus {
  let updatedAt: number | null = null;
  let error: FetchError | null = null;
  for (const url of sourceUrls(sources)) {
    const source = cache.sources[url];
    if (!source) continue;
    if (source.fetchedAt !== null && (updatedAt === null || source.fetchedAt > updatedAt)) updatedAt = source.fetchedAt;
    if (source.error && !error) error = source.error;
  }
  return { updatedAt, error };
}

// ---------------------------------------------------------------------------------------------
// Storage

// Plain storage.local keys (no WXT storage items): the popup's first paint waits on these reads,
// and the WXT storage module would add ~9 KB to it for nothing these two keys need.
export const CACHE_KEY = 'news.cache';
export const READ_STATE_KEY = 'news.readState';

async function getKey(key: string): Promise<unknown> {
  return (await browser.storage.local.get(key))[key];
}

export async function loadCache(): Promise<StatementsCache> {
  try {
    return repairCache(await getKey(CACHE_KEY));
  } catch {
    return { sources: {} };
  }
}

export async function saveCache(cache: StatementsCache): Promise<void> {
  await browser.storage.local.set({ [CACHE_KEY]: cache });
}

export async function loadReadState(): Promise<ReadState> {
  try {
    return repairReadState(await getKey(READ_STATE_KEY));
  } catch {
    return { ...EMPTY_READ_STATE, readIds: [] };
  }
}

export async function saveReadState(state: ReadState): Promise<void> {
  await browser.storage.local.set({ [READ_STATE_KEY]: state });
}

/** Record the install time once (on install, or the first time the news code runs after an update). */
export async function ensureInstalledAt(now: number): Promise<ReadState> {
  const state = await loadReadState();
  if (state.installedAt !== null) return state;
  const next = { ...state, installedAt: now };
  await saveReadState(next);
  return next;
}

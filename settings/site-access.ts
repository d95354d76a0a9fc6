/**
 * Per-site access, the pure part: origins and match patterns, and `reconcile`, which turns "what the
 * user has granted" and "what is registered" into the registrations to add and remove.
 * No browser API here; the background adapter is `background/site-access.ts`, the popup side
 * `site-access-client.ts`.
 *
 * Match patterns carry no port (`http://host/*` matches every port of host): browsers do not take
 * ports in optional host grants consistently (Firefox refuses them), and the prompt then reads
 * "this host (all ports)".
 */
import { STATEMENT_HOSTS } from './hosts';

/** The content script as built by WXT (entrypoints/content/index.tsx), as manifests name it. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
/** The same file as `scripting.executeScript({ files })` takes it (extension-root absolute path). */
export const CONTENT_SCRIPT_PATH = '/content-scripts/content.js' as const;

/** Our dynamic registrations are named `igc-site:<match pattern>`; anything else is not ours. */
export const SITE_SCRIPT_PREFIX = 'igc-site:';

export type RunAt = 'document_start' | 'document_end' | 'document_idle';

/** The subset of `scripting.RegisteredContentScript` that reconcile compares. */
export interface ContentScriptRegistration {
  id: string;
  matches?: string[];
  js?: string[];
  allFrames?: boolean;
  runAt?: RunAt;
  persistAcrossSessions?: boolean;
}

/** What we register for one site: every frame, at document_start (bench: no cost to page load), kept across restarts. */
export interface SiteScript {
  id: string;
  matches: [string];
  js: [string];
  allFrames: true;
  runAt: 'document_start';
  persistAcrossSessions: true;
}

export interface ParsedPattern {
  scheme: string;
  host: string;
  path: string;
}

const PATTERN_RE = /^(\*|https?|wss?|ftp|file):\/\/(\*|\*\.[^/*:]+|[^/*:]+)?(\/.*)$/;

/** Parses a match pattern (`<all_urls>` excluded). Patterns with a port are refused (we never make them). */
export function parseMatchPattern(pattern: string): ParsedPattern | null {
  if (typeof pattern !== 'string') return null;
  const m = PATTERN_RE.exec(pattern);
  if (!m) return null;
  const [, scheme, host = '', path] = m;
  if (scheme !== 'file' && host === '') return null;
  return { scheme: scheme!, host: host.toLowerCase(), path: path! };
}

/**
 * `http://host:port/...` (an origin or any URL) → `http://host/*`. Only http and https pages can be
 * enabled; anything else (chrome://, about:, file:, moz-extension:, garbage) → null.
 */
export function originToMatchPattern(originOrUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(originOrUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return `${url.protocol}//${url.hostname.toLowerCase()}/*`;
}

/** The host patterns of statement feeds (the user's or the organisation's; each host granted so it can be fetched). */
export function feedPatterns(feedUrls: readonly string[]): string[] {
  return [...new Set(feedUrls.map(originToMatchPattern).filter((p): p is string => p !== null))].sort();
}

/**
 * Feed hosts that are feeds only: granted so the background may fetch them, not sites to read. A feed's host that
 * the user turned on as a site (settings/site-grants.ts) stays a site.
 */
export function feedOnlyPatterns(feedUrls: readonly string[], turnedOn: readonly string[]): string[] {
  const on = new Set(turnedOn);
  return feedPatterns(feedUrls).filter((p) => !on.has(p));
}

/**
 * The record of sites turned on, for an install from before it: every granted site that was not a feed's host
 * (what carried the content script until then).
 */
export function initialTurnedOn(granted: readonly string[], feedUrls: readonly string[]): string[] {
  return sitePatterns(granted, { exclude: feedPatterns(feedUrls) });
}

/** A pattern for one site: http(s) or `*` scheme, one concrete host (no wildcard), any path. */
export function isSitePattern(pattern: string): boolean {
  const p = parseMatchPattern(pattern);
  return !!p && (p.scheme === 'http' || p.scheme === 'https' || p.scheme === '*') && !p.host.includes('*') && p.host !== '';
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^$()|[\]{}\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp('^' + escaped + '$');
}

/** Does `url` fall under `pattern`? Ports are ignored, as browsers do for port-less patterns. */
export function urlMatchesPattern(url: string, pattern: string): boolean {
  if (pattern === '<all_urls>') return /^(https?|wss?|ftp|file):/.test(url);
  const p = parseMatchPattern(pattern);
  if (!p) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const scheme = u.protocol.slice(0, -1);
  if (p.scheme === '*' ? scheme !== 'http' && scheme !== 'https' : p.scheme !== scheme) return false;
  const host = u.hostname.toLowerCase();
  if (p.host !== '*') {
    if (p.host.startsWith('*.')) {
      const base = p.host.slice(2);
      if (host !== base && !host.endsWith(`.${base}`)) return false;
    } else if (p.host !== host) return false;
  }
  return globToRegExp(p.path).test(u.pathname + u.search);
}

export const siteScriptId = (pattern: string): string => SITE_SCRIPT_PREFIX + pattern;

export function siteScript(pattern: string): SiteScript {
  return {
    id: siteScriptId(pattern),
    matches: [pattern],
    js: [CONTENT_SCRIPT_FILE],
    allFrames: true,
    runAt: 'document_start',
    persistAcrossSessions: true,
  };
}

export interface ReconcileOptions {
  /**
   * Granted patterns that must not get a registration: the statements source (not a PACS), and
   * patterns the manifest already covers with a static content script (e2e build) — registering
   * those too would inject the script twice.
   */
  exclude?: readonly string[];
}

/**
 * Which granted patterns should carry the content script: concrete http(s) hosts, minus exclusions.
 * Broad grants (all URLs, any-host or wildcard-subdomain patterns) get none: access is per site.
 */
export function sitePatterns(granted: readonly string[], opts: ReconcileOptions = {}): string[] {
  const exclude = new Set([...STATEMENT_HOSTS, ...(opts.exclude ?? [])]);
  return [...new Set(granted.filter((g) => isSitePattern(g) && !exclude.has(g)))].sort();
}

function sameRegistration(actual: ContentScriptRegistration, wanted: SiteScript): boolean {
  // Browsers may report script paths with or without the leading slash.
  const norm = (xs: readonly string[]) => xs.map((x) => x.replace(/^\//, '')).sort();
  const eq = (a: readonly string[] | undefined, b: readonly string[]) =>
    !!a && a.length === b.length && norm(a).every((x, i) => x === norm(b)[i]);
  return (
    eq(actual.matches, wanted.matches) &&
    eq(actual.js, wanted.js) &&
    (actual.allFrames ?? false) === wanted.allFrames &&
    (actual.runAt ?? 'document_idle') === wanted.runAt &&
    (actual.persistAcrossSessions ?? true) === wanted.persistAcrossSessions
  );
}

export interface ReconcilePlan {
  register: SiteScript[];
  /** ids to unregister (ours only; a registration that differs from what we want is replaced). */
  unregister: string[];
}

/**
 * Pure: granted origins (match patterns from `permissions.getAll()`) and the registered content
 * scripts → what to unregister and what to register so that exactly the granted sites carry one
 * registration each. Registrations that are not ours (other id prefix) are left alone.
 */
export function reconcile(
  grantedOrigins: readonly string[],
  registeredScripts: readonly ContentScriptRegistration[],
  opts: ReconcileOptions = {},
): ReconcilePlan {
  const wanted = new Map(sitePatterns(grantedOrigins, opts).map((p) => [siteScriptId(p), siteScript(p)]));
  const unregister: string[] = [];
  const keep = new Set<string>();
  for (const s of registeredScripts) {
    if (!s.id.startsWith(SITE_SCRIPT_PREFIX)) continue;
    const w = wanted.get(s.id);
    if (w && !keep.has(s.id) && sameRegistration(s, w)) keep.add(s.id);
    else unregister.push(s.id);
  }
  // Unregistering an id removes every registration under it, so an id being unregistered is not kept.
  for (const id of unregister) keep.delete(id);
  const register = [...wanted.values()].filter((w) => !keep.has(w.id));
  return { register, unregister: [...new Set(unregister)].sort() };
}

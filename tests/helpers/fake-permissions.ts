/**
 * In-memory `browser.permissions` (fake-browser throws "not implemented" for it), strict in the ways
 * real browsers are strict, so code that would fail in a browser fails here too:
 * - origins must be valid match patterns, and carry no port (Firefox refuses ports);
 * - `request` only for what the manifest declares optional (or already required), and only during a
 *   user gesture (`userGesture(fn)` — the synchronous part of fn only, like a click handler: an
 *   `await` before `request` loses the gesture, as in Firefox);
 * - `remove` of a required permission throws;
 * - `onAdded`/`onRemoved` fire with exactly what changed.
 * `revokeInBrowserUi(origin)` is the user taking access away in the browser's own UI.
 */
import { fakeEvent, type FakeEvent } from './fake-events';

export interface Permissions {
  permissions?: string[];
  origins?: string[];
}

export interface FakePermissionsOptions {
  required?: Permissions;
  optional?: Permissions;
  /** Optional origins already granted at the start. */
  granted?: string[];
  /** How the (simulated) user answers prompts. Default 'accept'. */
  respond?: 'accept' | 'deny';
}

const PATTERN_RE = /^(\*|https?|wss?|ftp|file):\/\/(\*|\*\.[^/*:]+|[^/*:]+)?(\/.*)$/;

/** Validates a match pattern like browsers do; throws the browser's kind of error. */
export function assertMatchPattern(pattern: unknown): asserts pattern is string {
  if (pattern === '<all_urls>') return;
  if (typeof pattern !== 'string') throw new TypeError(`Invalid match pattern: ${String(pattern)}`);
  if (/^[a-z*]+:\/\/[^/]*:\d*\//i.test(pattern)) throw new Error(`Invalid match pattern '${pattern}': ports are not allowed`);
  const m = PATTERN_RE.exec(pattern);
  if (!m || (m[1] !== 'file' && !m[2])) throw new Error(`Invalid match pattern '${pattern}'`);
}

function parse(p: string) {
  if (p === '<all_urls>') return { scheme: '*', host: '*', path: '/*', all: true };
  const m = PATTERN_RE.exec(p)!;
  return { scheme: m[1]!, host: (m[2] ?? '').toLowerCase(), path: m[3]!, all: false };
}

function schemeHostOk(o: { scheme: string; host: string }, scheme: string, host: string): boolean {
  const schemeOk = o.scheme === scheme || (o.scheme === '*' && (scheme === 'http' || scheme === 'https'));
  const hostOk =
    o.host === '*' || o.host === host || (o.host.startsWith('*.') && (host === o.host.slice(2) || host.endsWith(o.host.slice(1))));
  return schemeOk && hostOk;
}

/** Is pattern `inner` entirely inside pattern `outer`? */
export function patternCovers(outer: string, inner: string): boolean {
  const o = parse(outer);
  const i = parse(inner);
  if (o.all) return true;
  if (i.all) return false;
  if (i.scheme === '*' && o.scheme !== '*') return false;
  if (i.host.includes('*') && !(o.host === '*' || (o.host.startsWith('*.') && i.host.endsWith(o.host.slice(1))))) return false;
  return schemeHostOk(o, i.scheme === '*' ? 'http' : i.scheme, i.host.replace(/^\*\./, '')) && (o.path === '/*' || o.path === i.path);
}

/** Does the pattern let us touch `url`? Ports are ignored. */
export function patternMatchesUrl(pattern: string, url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const o = parse(pattern);
  if (o.all) return /^(https?|wss?|ftp|file):$/.test(u.protocol);
  const glob = new RegExp('^' + o.path.replace(/[.+?^$()|[\]{}\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
  return schemeHostOk(o, u.protocol.slice(0, -1), u.hostname.toLowerCase()) && glob.test(u.pathname + u.search);
}

export class FakePermissions {
  readonly onAdded: FakeEvent<[Permissions]> = fakeEvent();
  readonly onRemoved: FakeEvent<[Permissions]> = fakeEvent();
  /** Every origin list the (fake) user was prompted for, in order. */
  readonly prompts: string[][] = [];
  respond: 'accept' | 'deny';
  private readonly required: Required<Permissions>;
  private readonly optional: Required<Permissions>;
  private readonly grantedOrigins = new Set<string>();
  private readonly grantedPermissions = new Set<string>();
  private gesture = false;

  constructor(opts: FakePermissionsOptions = {}) {
    this.required = { permissions: opts.required?.permissions ?? [], origins: opts.required?.origins ?? [] };
    this.optional = { permissions: opts.optional?.permissions ?? [], origins: opts.optional?.origins ?? [] };
    for (const o of [...this.required.origins, ...this.optional.origins]) assertMatchPattern(o);
    for (const o of opts.granted ?? []) {
      assertMatchPattern(o);
      this.grantedOrigins.add(o);
    }
    this.respond = opts.respond ?? 'accept';
  }

  /** Runs fn as a user gesture (click handler); only its synchronous part counts. */
  userGesture<T>(fn: () => T): T {
    this.gesture = true;
    try {
      return fn();
    } finally {
      this.gesture = false;
    }
  }

  private allOrigins(): string[] {
    return [...new Set([...this.required.origins, ...this.grantedOrigins])];
  }
  private allPermissions(): string[] {
    return [...new Set([...this.required.permissions, ...this.grantedPermissions])];
  }

  async getAll(): Promise<Required<Permissions>> {
    return { permissions: this.allPermissions(), origins: this.allOrigins() };
  }

  async contains(p: Permissions): Promise<boolean> {
    (p.origins ?? []).forEach(assertMatchPattern);
    const origins = this.allOrigins();
    const perms = this.allPermissions();
    return (
      (p.origins ?? []).every((o) => origins.some((g) => patternCovers(g, o))) &&
      (p.permissions ?? []).every((x) => perms.includes(x))
    );
  }

  request(p: Permissions): Promise<boolean> {
    // Checked synchronously, like the browser: by the time a promise callback runs, the gesture is gone.
    const gesture = this.gesture;
    return (async () => {
      (p.origins ?? []).forEach(assertMatchPattern);
      if (!gesture) throw new Error('permissions.request may only be called from a user input handler');
      const declared = [...this.required.origins, ...this.optional.origins];
      for (const o of p.origins ?? []) {
        if (!declared.some((d) => patternCovers(d, o))) {
          throw new Error(`Only permissions specified in the manifest may be requested: ${o}`);
        }
      }
      for (const x of p.permissions ?? []) {
        if (![...this.required.permissions, ...this.optional.permissions].includes(x)) {
          throw new Error(`Only permissions specified in the manifest may be requested: ${x}`);
        }
      }
      if (await this.contains(p)) return true; // already granted: no prompt
      this.prompts.push([...(p.origins ?? []), ...(p.permissions ?? [])]);
      if (this.respond === 'deny') return false;
      const addedOrigins = (p.origins ?? []).filter((o) => !this.allOrigins().includes(o));
      const addedPerms = (p.permissions ?? []).filter((x) => !this.allPermissions().includes(x));
      addedOrigins.forEach((o) => this.grantedOrigins.add(o));
      addedPerms.forEach((x) => this.grantedPermissions.add(x));
      if (addedOrigins.length || addedPerms.length) {
        await this.onAdded.trigger({ origins: addedOrigins, permissions: addedPerms });
      }
      return true;
    })();
  }

  async remove(p: Permissions): Promise<boolean> {
    (p.origins ?? []).forEach(assertMatchPattern);
    for (const o of p.origins ?? []) {
      if (this.required.origins.includes(o)) throw new Error('You cannot remove required permissions.');
    }
    for (const x of p.permissions ?? []) {
      if (this.required.permissions.includes(x)) throw new Error('You cannot remove required permissions.');
    }
    const removedOrigins = (p.origins ?? []).filter((o) => this.grantedOrigins.delete(o));
    const removedPerms = (p.permissions ?? []).filter((x) => this.grantedPermissions.delete(x));
    if (removedOrigins.length || removedPerms.length) {
      await this.onRemoved.trigger({ origins: removedOrigins, permissions: removedPerms });
      return true;
    }
    return false;
  }

  /** The user withdraws an optional grant in the browser's UI (no call from our code). */
  async revokeInBrowserUi(origin: string): Promise<void> {
    if (this.grantedOrigins.delete(origin)) await this.onRemoved.trigger({ origins: [origin], permissions: [] });
  }

  /** Does any granted or required origin pattern reach this URL? */
  canAccessUrl(url: string): boolean {
    return this.allOrigins().some((o) => patternMatchesUrl(o, url));
  }
}

/** Puts a FakePermissions in place of `fakeBrowser.permissions` (call in beforeEach, after fakeBrowser.reset()). */
export function installFakePermissions(fakeBrowser: object, opts: FakePermissionsOptions = {}): FakePermissions {
  const fake = new FakePermissions(opts);
  (fakeBrowser as Record<string, unknown>).permissions = fake;
  return fake;
}

/**
 * "Dismiss for this exam" and "snooze on this site", the background's part. The background is the only writer of
 * these settings and the only holder of the install's dismissal secret: page-side scripts (content.js, panel.js)
 * run in pages the extension does not control, so they read settings but write none and never see the secret.
 *
 * The exam key (study UID or order id, as read from the page) comes here in one message, `exam-hash`, only to be
 * hashed: HMAC-SHA-256 (crypto.subtle) with a per-install random secret over the asking frame's origin and the key.
 * It is not stored, logged or kept in memory. What is stored is the keyed hash, so the same study on two sites, or
 * order numbers that repeat across systems, are told apart, and nobody holding the stored list (a backup, a
 * settings export, another extension's bug) can test a guessed id against it without the secret — which never
 * leaves storage.local and is never exported.
 *
 * The origin is always the sender's (from the browser, not from the message); the expiry is decided here.
 */
import { browser } from 'wxt/browser';
import { normalizeOrigin } from '@/settings/schema';
import { updateSetting } from '@/settings/items';
import { withDismissal, withSnooze } from '@/settings/transient';

/** How long a dismissal lasts: a week covers re-opening the same study during reporting. */
export const DISMISSAL_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** How long "snooze on this site" lasts: one shift. The label in locales says "8 hours". */
export const SNOOZE_MS = 8 * 60 * 60 * 1000;

/** Longest exam key hashed (a study UID is at most 64 characters; order ids are short). */
export const MAX_EXAM_KEY_LENGTH = 256;

export const SECRET_KEY = 'settings.dismissalSecret';
const SECRET_RE = /^[0-9a-f]{64}$/;

const toHex = (bytes: ArrayBuffer): string => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string): Uint8Array<ArrayBuffer> => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

let secretKey: Promise<CryptoKey> | null = null;

/**
 * The per-install secret (64 hex digits in storage.local, made on first use), as an HMAC key. (Two background
 * instances creating it at the same instant could each see their own; the loser's dismissals would simply not
 * match: harmless.)
 */
async function loadSecret(): Promise<CryptoKey> {
  let hex = (await browser.storage.local.get(SECRET_KEY))[SECRET_KEY];
  if (typeof hex !== 'string' || !SECRET_RE.test(hex)) {
    hex = toHex(crypto.getRandomValues(new Uint8Array(32)).buffer);
    await browser.storage.local.set({ [SECRET_KEY]: hex });
  }
  return crypto.subtle.importKey('raw', fromHex(hex as string), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

function secret(): Promise<CryptoKey> {
  secretKey ??= loadSecret().catch((e: unknown) => {
    secretKey = null;
    throw e;
  });
  return secretKey;
}

/** Forget the cached key (tests; a storage reset). */
export function resetDismissalSecret(): void {
  secretKey = null;
}

/**
 * The keyed hash stored for a dismissed exam: 64 lower-case hex digits, or null when there is no usable origin,
 * key or secret (then the panel offers no dismissal rather than storing something weaker).
 */
export async function examHash(origin: string | null, examKey: string): Promise<string | null> {
  const site = origin ? normalizeOrigin(origin) : null;
  if (!site || !examKey || examKey.length > MAX_EXAM_KEY_LENGTH) return null;
  try {
    const mac = await crypto.subtle.sign('HMAC', await secret(), new TextEncoder().encode(`${site}\n${examKey}`));
    return toHex(mac);
  } catch {
    return null;
  }
}

let writes: Promise<unknown> = Promise.resolve();
/** One write after another: two tabs dismissing at once must both land. */
function serialized<T>(job: () => Promise<T>): Promise<T> {
  const next = writes.then(job, job);
  writes = next.catch(() => undefined);
  return next;
}

/** Remember that the exam with this keyed hash was dismissed, for DISMISSAL_TTL_MS. */
export function dismissExam(hash: string, now: number = Date.now()): Promise<void> {
  return serialized(async () => {
    await updateSetting('dismissals', (list) => withDismissal(list, { hash, expiresAt: now + DISMISSAL_TTL_MS }, now));
  });
}

/** Hide the panel on `origin` for SNOOZE_MS. */
export function snoozeSite(origin: string | null, now: number = Date.now()): Promise<void> {
  const site = origin ? normalizeOrigin(origin) : null;
  if (!site) return Promise.resolve();
  return serialized(async () => {
    await updateSetting('snoozeBySite', (map) => withSnooze(map, site, now + SNOOZE_MS, now));
  });
}

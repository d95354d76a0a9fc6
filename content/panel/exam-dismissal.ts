/**
 * "Dismiss for this exam": the exam key (study UID, order id as read from the page) never leaves
 * the page and is never stored. What is stored (by settings/) is a keyed hash: HMAC-SHA-256 with
 * a per-install random secret over the site's origin and the exam key, so the same study on two
 * sites, or order numbers that repeat across systems, are told apart, and nobody holding the
 * stored list can test a guessed id against it without the secret.
 */
import { fromHex, hmacSha256, toHex } from './hmac-sha256';

/** How long a dismissal lasts: a week covers re-opening the same study during reporting. */
export const DISMISSAL_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** How long "snooze on this site" lasts: one shift. The label in locales says "8 hours". */
export const SNOOZE_MS = 8 * 60 * 60 * 1000;

/**
 * The keyed hash stored for a dismissed exam: 64 lower-case hex digits, or null when the secret
 * is unusable (then the panel offers no dismissal rather than storing something weaker).
 */
export function dismissalHash(secretHex: string, origin: string, examKey: string): string | null {
  const secret = fromHex(secretHex);
  if (!secret || secret.length < 16) return null;
  const message = new TextEncoder().encode(`${origin}\n${examKey}`);
  return toHex(hmacSha256(secret, message));
}

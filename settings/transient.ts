/**
 * Pure helpers for the short-lived per-page state kept in settings: dismissals (keyed hashes
 * with an expiry) and per-site snoozes. Expired entries are pruned whenever a list is written.
 */
import { LIMITS, type Dismissal } from './schema';

/** Dismissals still in force at `now`. */
export function activeDismissals(list: readonly Dismissal[], now: number): Dismissal[] {
  return list.filter((d) => d.expiresAt > now);
}

export function isDismissed(list: readonly Dismissal[], hash: string, now: number): boolean {
  return list.some((d) => d.hash === hash && d.expiresAt > now);
}

/**
 * Add (or extend) a dismissal; expired ones are dropped, and past the cap the ones expiring
 * soonest go first.
 */
export function withDismissal(list: readonly Dismissal[], add: Dismissal, now: number): Dismissal[] {
  const others = activeDismissals(list, now).filter((d) => d.hash !== add.hash);
  const previous = list.find((d) => d.hash === add.hash && d.expiresAt > now);
  const entry = previous && previous.expiresAt > add.expiresAt ? previous : add;
  const next = [...others, entry];
  if (next.length <= LIMITS.dismissals) return next;
  return next.sort((a, b) => b.expiresAt - a.expiresAt).slice(0, LIMITS.dismissals);
}

export function withoutDismissal(list: readonly Dismissal[], hash: string, now: number): Dismissal[] {
  return activeDismissals(list, now).filter((d) => d.hash !== hash);
}

/** Until when (epoch ms) `origin` is snoozed, or null. */
export function snoozedUntil(map: Readonly<Record<string, number>>, origin: string, now: number): number | null {
  const until = map[origin];
  return until !== undefined && until > now ? until : null;
}

/** Set (until > now) or clear (until null) a snooze; expired snoozes are dropped. */
export function withSnooze(
  map: Readonly<Record<string, number>>,
  origin: string,
  until: number | null,
  now: number,
): Record<string, number> {
  const next: Record<string, number> = {};
  for (const [o, u] of Object.entries(map)) if (u > now && o !== origin) next[o] = u;
  if (until !== null && until > now) next[origin] = until;
  return next;
}

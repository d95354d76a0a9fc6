/**
 * Which granted hosts are sites (they carry content.js) and which only serve statement feeds. A host permission is
 * one grant for both uses, so the intent is recorded apart from it: the match patterns the user turned on as
 * sites, in storage.local (`siteAccess.turnedOn`; not a setting: never exported or imported). A feed's host carries
 * no content script unless the user turned it on as a site; a site the user turned on is never excluded for being
 * a feed's host too (settings/site-access.ts `feedOnlyPatterns`).
 *
 * Written by the popup ("Turn on for this site"), the options page (approved sites; adding a feed on a site that
 * is already on) and, once, by the background for an install from before the record (`initialTurnedOn`).
 */
import { browser } from 'wxt/browser';
import { isSitePattern } from './site-access';

export const TURNED_ON_KEY = 'siteAccess.turnedOn';

const parse = (x: unknown): string[] | null =>
  Array.isArray(x) ? [...new Set(x.filter((p): p is string => typeof p === 'string' && isSitePattern(p)))].sort() : null;

/** The patterns the user turned on as sites; null when nothing was ever recorded (an install from before it). */
export async function readTurnedOn(): Promise<string[] | null> {
  try {
    return parse((await browser.storage.local.get(TURNED_ON_KEY))[TURNED_ON_KEY]);
  } catch {
    return null;
  }
}

export async function writeTurnedOn(patterns: readonly string[]): Promise<void> {
  await browser.storage.local.set({ [TURNED_ON_KEY]: parse([...patterns]) ?? [] });
}

async function change(fn: (current: string[]) => string[]): Promise<void> {
  await writeTurnedOn(fn((await readTurnedOn()) ?? []));
}

export const rememberTurnedOn = (patterns: readonly string[]): Promise<void> =>
  change((current) => [...current, ...patterns.filter(isSitePattern)]);

export const forgetTurnedOn = (patterns: readonly string[]): Promise<void> =>
  change((current) => current.filter((p) => !patterns.includes(p)));

/** Calls `cb` when the record changes. Returns the unwatch function. */
export function watchTurnedOn(cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && TURNED_ON_KEY in changes) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

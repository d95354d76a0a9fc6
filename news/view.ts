/**
 * The popup's side of the statements: what to show when it opens, and what a click changes.
 *
 * Opening the popup: the list is computed with its unread items marked new, then every shown
 * item is recorded as read — so the badge clears at once (the background recomputes it on the
 * storage change), while this opening still marks the new ones; the next opening does not.
 * Clicking an item records it read (already true after opening; kept explicit so a list
 * refreshed while the popup is open is handled too).
 */
import { browser } from 'wxt/browser';
import { getEffectiveSettings } from '@/settings';
import type { SourceSettings } from './sources';
import {
  loadCache,
  loadReadState,
  refreshStatus,
  saveReadState,
  shownStatements,
  isUnread,
  withRead,
  type RefreshStatus,
  type StatementsCache,
  type ReadState,
} from './store';
import { SNAPSHOT_IDS } from './snapshot';
import type { Statement } from './statement';

export interface ShownStatement extends Statement {
  isNew: boolean;
}

export interface StatementsView {
  statements: ShownStatement[];
  status: RefreshStatus;
  /** The list is the bundled snapshot (nothing fetched yet, or fetching is off). */
  fromSnapshot: boolean;
  /** Some source is configured (false: fetching is turned off). */
  fetching: boolean;
}

/** Pure: the view for this cache, read state and sources. */
export function buildView(cache: StatementsCache, state: ReadState, sources: SourceSettings): StatementsView {
  const list = shownStatements(cache, sources);
  return {
    statements: list.map((s) => ({ ...s, isNew: isUnread(s, state) })),
    status: refreshStatus(cache, sources),
    fromSnapshot: list.length > 0 && list.every((s) => SNAPSHOT_IDS.has(s.id)),
    fetching: sources.imagegently || sources.extraUrls.length > 0,
  };
}

/** The view as of now, without recording anything (used to re-render after a refresh). */
export async function readView(): Promise<StatementsView> {
  const [settings, cache, state] = await Promise.all([getEffectiveSettings(), loadCache(), loadReadState()]);
  return buildView(cache, state, settings.statementSources);
}

/** The popup opened: the view with new marks, and everything shown recorded as read. */
export async function openView(): Promise<StatementsView> {
  const [settings, cache, state] = await Promise.all([getEffectiveSettings(), loadCache(), loadReadState()]);
  const view = buildView(cache, state, settings.statementSources);
  const fresh = view.statements.filter((s) => s.isNew).map((s) => s.id);
  if (fresh.length > 0) await saveReadState(withRead(state, fresh, cache));
  return view;
}

export async function markRead(id: string): Promise<void> {
  const [cache, state] = await Promise.all([loadCache(), loadReadState()]);
  if (state.readIds.includes(id)) return;
  await saveReadState(withRead(state, [id], cache));
}

/** Ask the background to refresh now; resolves when it is done (or could not be asked). */
export async function requestRefresh(): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'news-refresh' });
  } catch {
    // No background to answer (extension reloading): the next alarm will do.
  }
}

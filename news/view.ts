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
import { readStatementsConfig } from './config';
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
export async function readView(readPolicy?: () => Promise<unknown>): Promise<StatementsView> {
  await writes;
  const [config, cache, state] = await Promise.all([readStatementsConfig(readPolicy), loadCache(), loadReadState()]);
  return buildView(cache, state, config.sources);
}

/**
 * Read-state writes, one after another: `markRead` right after `openView` must not read the
 * state before the opening's write has landed (it would write the older list back).
 */
let writes: Promise<unknown> = Promise.resolve();
function queueWrite(job: () => Promise<void>): Promise<void> {
  const next = writes.then(job, job);
  writes = next.catch(() => undefined);
  return next;
}

/**
 * The popup opened: the view with new marks, and everything shown recorded as read. The view is
 * returned at once (the list paints first); `recorded` settles when the read state is stored.
 * `readPolicy`: as `readStatementsConfig`'s.
 */
export async function openView(readPolicy?: () => Promise<unknown>): Promise<{ view: StatementsView; recorded: Promise<void> }> {
  await writes;
  const [config, cache, state] = await Promise.all([readStatementsConfig(readPolicy), loadCache(), loadReadState()]);
  const view = buildView(cache, state, config.sources);
  const fresh = view.statements.filter((s) => s.isNew).map((s) => s.id);
  const recorded = fresh.length > 0 ? queueWrite(() => saveReadState(withRead(state, fresh, cache))) : Promise.resolve();
  return { view, recorded };
}

export function markRead(id: string): Promise<void> {
  return queueWrite(async () => {
    const [cache, state] = await Promise.all([loadCache(), loadReadState()]);
    if (state.readIds.includes(id)) return;
    await saveReadState(withRead(state, [id], cache));
  });
}

/** Ask the background to refresh now; resolves when it is done (or could not be asked). */
export async function requestRefresh(): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'news-refresh' });
  } catch {
    // No background to answer (extension reloading): the next alarm will do.
  }
}

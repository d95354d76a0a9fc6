import type { HistorySection } from '@/content/panel/view-model';
import { configuredDicomWebRoot, dicomWebRootFromResources, type ResourceEntryLike } from '../dicomweb-root';
import type { StudyRef } from '../enrich';
import { createPacsClient, StudyCache, type FetchLike } from '../pacs-client';
import { createHistory, type HistoryHandle } from './history';
import { coalesce, nextFrame } from './coalesce';
import { buildHistoryView, type HistoryRowCache } from './history-view';
import { DicomWebHistorySource, OrthancHistorySource, type HistorySource } from './sources';

/**
 * "This child on this PACS" for one study page: its reading (made once, kept for the page's life in memory) and
 * the section the panel subscribes to. Requests go through a client of their own: same origin, GET, timeouts,
 * size caps, its own in-memory cache.
 */
export interface HistoryDeps {
  fetch: FetchLike;
  pageUrl: string;
  locale: string;
  resources: () => readonly ResourceEntryLike[];
  dicomWebRoot?: () => string | null;
  signal?: AbortSignal;
  makeAbortController?: () => AbortController;
  timeoutMs?: number;
  today?: () => string;
}

function sourceFor(ref: StudyRef, deps: HistoryDeps): HistorySource | null {
  const client = createPacsClient({
    pageUrl: deps.pageUrl,
    fetch: deps.fetch,
    cache: new StudyCache(),
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
    ...(deps.makeAbortController ? { makeAbortController: deps.makeAbortController } : {}),
  });
  if (ref.system === 'orthanc') return new OrthancHistorySource(client, ref.ref);
  const root = configuredDicomWebRoot(deps.dicomWebRoot?.(), deps.pageUrl) ?? dicomWebRootFromResources(deps.resources(), deps.pageUrl, ref.studyUid);
  return root ? new DicomWebHistorySource(client, root, ref.studyUid) : null;
}

/** The history of the study a page shows; its source is chosen when it starts (a viewer's DICOMweb root is known by then). */
export function createHistoryHandle(ref: StudyRef, deps: HistoryDeps): HistoryHandle {
  let inner: HistoryHandle | null = null;
  const listeners = new Set<Parameters<HistoryHandle['subscribe']>[0]>();
  const unavailable: HistoryHandle['state'] = { status: 'failed', note: { code: 'no-dicomweb-root' } };
  return {
    get state() {
      return inner?.state ?? { status: 'idle' };
    },
    start() {
      if (inner) return;
      const source = sourceFor(ref, deps);
      if (!source) {
        inner = { state: unavailable, start() {}, subscribe: (l) => (l(unavailable), () => undefined) };
        for (const l of listeners) l(unavailable);
        return;
      }
      inner = createHistory(source, { ...(deps.today ? { today: deps.today } : {}), ...(deps.signal ? { signal: deps.signal } : {}) });
      inner.subscribe((s) => {
        for (const l of listeners) l(s);
      });
      inner.start();
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(inner?.state ?? { status: 'idle' });
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The section over a reading: a change of status (loading, ready, failed) is shown at once; the dose reads that
 * follow are shown at most once per animation frame (the latest state), so a burst of answers is one render and
 * one view built, not one per answer; a read rebuilds its own row only (the others keep their objects).
 */
export function historySection(handle: HistoryHandle, locale: string, schedule: (run: () => void) => void = nextFrame): HistorySection {
  return {
    start: () => handle.start(),
    subscribe: (listener) => {
      const rows: HistoryRowCache = new WeakMap();
      const updates = coalesce<HistoryHandle['state']>((s) => listener(buildHistoryView(s, locale, rows)), (s, last) => s.status !== last?.status, schedule);
      const unsubscribe = handle.subscribe((s) => updates.push(s));
      return () => {
        updates.cancel();
        unsubscribe();
      };
    },
  };
}

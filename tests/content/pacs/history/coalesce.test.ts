import { describe, expect, it } from 'vitest';
import { coalesce } from '../../../../content/pacs/history/coalesce';
import { historySection } from '../../../../content/pacs/history/section';
import type { HistoryRowCache } from '../../../../content/pacs/history/history-view';
import type { DoseState, HistoryHandle, HistoryState } from '../../../../content/pacs/history/history';
import type { HistorySectionView } from '../../../../content/panel/view-model';

/** A scheduler the test ticks by hand. */
function manualTicks() {
  const queue: (() => void)[] = [];
  return {
    schedule: (run: () => void) => void queue.push(run),
    tick() {
      for (const run of queue.splice(0)) run();
    },
    get waiting() {
      return queue.length;
    },
  };
}

const byKind = (v: { kind: string }, last: { kind: string } | undefined) => v.kind !== last?.kind;

describe('coalesce', () => {
  it('delivers the first value and a change of kind at once, and a burst of the same kind once, the latest, on the tick', () => {
    const ticks = manualTicks();
    const got: string[] = [];
    const c = coalesce<{ kind: string; n: number }>((v) => got.push(`${v.kind}${v.n}`), byKind, ticks.schedule);
    c.push({ kind: 'a', n: 1 });
    expect(got).toEqual(['a1']);
    c.push({ kind: 'b', n: 1 });
    expect(got).toEqual(['a1', 'b1']);
    c.push({ kind: 'b', n: 2 });
    c.push({ kind: 'b', n: 3 });
    c.push({ kind: 'b', n: 4 });
    expect(got).toEqual(['a1', 'b1']);
    expect(ticks.waiting).toBe(1);
    ticks.tick();
    expect(got).toEqual(['a1', 'b1', 'b4']);
    c.push({ kind: 'b', n: 5 });
    ticks.tick();
    expect(got).toEqual(['a1', 'b1', 'b4', 'b5']);
  });

  it('an urgent value replaces one waiting for its tick (no older value after it)', () => {
    const ticks = manualTicks();
    const got: string[] = [];
    const c = coalesce<{ kind: string; n: number }>((v) => got.push(`${v.kind}${v.n}`), byKind, ticks.schedule);
    c.push({ kind: 'a', n: 1 });
    c.push({ kind: 'a', n: 2 });
    c.push({ kind: 'c', n: 1 });
    ticks.tick();
    expect(got).toEqual(['a1', 'c1']);
  });

  it('delivers nothing after cancel', () => {
    const ticks = manualTicks();
    const got: number[] = [];
    const c = coalesce<number>((v) => got.push(v), () => false, ticks.schedule);
    c.push(1);
    c.push(2);
    c.cancel();
    ticks.tick();
    c.push(3);
    expect(got).toEqual([1]);
  });
});

describe('the section over a reading', () => {
  function fakeHandle() {
    const listeners = new Set<(s: HistoryState) => void>();
    let state: HistoryState = { status: 'idle' };
    const handle: HistoryHandle = {
      get state() {
        return state;
      },
      start() {},
      subscribe(l) {
        listeners.add(l);
        l(state);
        return () => listeners.delete(l);
      },
    };
    const set = (s: HistoryState) => {
      state = s;
      for (const l of listeners) l(s);
    };
    return { handle, set };
  }
  const studies = Array.from({ length: 3 }, (_, i) => ({ key: `k${i}`, date: `2026-0${i + 1}-01`, modalities: ['CT' as const], description: 'CT HEAD', facility: null, region: 'head' as const, current: i === 0 }));
  const ready = (pending: number): HistoryState => ({
    status: 'ready',
    list: { all: studies, listed: studies, omitted: 0 },
    counts: [],
    repeat: null,
    doses: new Map(Array.from({ length: 3 }, (_, i) => [`k${i}`, i < pending ? { state: 'pending' } : { state: 'read', dose: null }])),
    today: '2026-12-07',
    source: 'Orthanc REST API',
  });

  it('shows loading and the list at once, and the dose reads of one frame as one view', () => {
    const { handle, set } = fakeHandle();
    const ticks = manualTicks();
    const views: (HistorySectionView | null)[] = [];
    historySection(handle, 'en', ticks.schedule).subscribe((v) => views.push(v));
    expect(views).toEqual([null]);
    set({ status: 'loading' });
    set(ready(3));
    expect(views.map((v) => v?.status ?? null)).toEqual([null, 'loading', 'ready']);
    set(ready(2));
    set(ready(1));
    set(ready(0));
    expect(views).toHaveLength(3);
    ticks.tick();
    expect(views).toHaveLength(4);
    const notes = (v: HistorySectionView | null | undefined) => (v?.status === 'ready' ? v.notes : []);
    expect(notes(views[2])).toContain('Reading dose reports…');
    // The latest state, not one of those it replaced: no read pending.
    expect(notes(views[3])).not.toContain('Reading dose reports…');
    expect(views[3]?.status === 'ready' && views[3].rows.every((r) => r.notes.length === 1)).toBe(true);
  });

  it('delivers nothing after the unsubscribe', () => {
    const { handle, set } = fakeHandle();
    const ticks = manualTicks();
    const views: unknown[] = [];
    const off = historySection(handle, 'en', ticks.schedule).subscribe((v) => views.push(v));
    set(ready(2));
    set(ready(1));
    off();
    ticks.tick();
    expect(views).toHaveLength(2);
  });
});

describe('rows kept between views', () => {
  it('a dose read rebuilds its own row; the others are the same objects, and the view equals one built afresh', async () => {
    const { buildHistoryView } = await import('../../../../content/pacs/history/history-view');
    const studies = Array.from({ length: 3 }, (_, i) => ({ key: `k${i}`, date: `2026-0${i + 1}-01`, modalities: ['CT' as const], description: 'CT HEAD', facility: null, region: 'head' as const, current: i === 0 }));
    const pending = studies.map(() => ({ state: 'pending' as const }));
    const state = (doses: ReadonlyMap<string, DoseState>): HistoryState => ({
      status: 'ready',
      list: { all: studies, listed: studies, omitted: 0 },
      counts: [],
      repeat: null,
      doses,
      today: '2026-12-07',
      source: 'Orthanc REST API',
    });
    const cache: HistoryRowCache = new WeakMap();
    const first = buildHistoryView(state(new Map(studies.map((s, i) => [s.key, pending[i]!]))), 'en', cache);
    const next = state(new Map(studies.map((s, i) => [s.key, i === 1 ? { state: 'read', dose: null } : pending[i]!])));
    const second = buildHistoryView(next, 'en', cache);
    if (first?.status !== 'ready' || second?.status !== 'ready') throw new Error('not ready');
    expect(second.rows[0]).toBe(first.rows[0]);
    expect(second.rows[2]).toBe(first.rows[2]);
    expect(second.rows[1]).not.toBe(first.rows[1]);
    const fresh = buildHistoryView(next, 'en');
    expect(JSON.parse(JSON.stringify(second))).toEqual(JSON.parse(JSON.stringify(fresh)));
    expect(second.record.html).toBe(fresh?.status === 'ready' ? fresh.record.html : '');
  });
});

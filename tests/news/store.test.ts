import { describe, expect, it } from 'vitest';
import {
  isUnread,
  keepSources,
  localDay,
  refreshStatus,
  repairCache,
  repairReadState,
  shownStatements,
  withOutcome,
  withRead,
  type StatementsCache,
} from '../../news/store';
import { SNAPSHOT } from '../../news/snapshot';
import { IMAGEGENTLY_URLS } from '../../news/sources';
import type { Statement } from '../../news/statement';

const s = (id: string, date: string): Statement => ({ id, title: `T ${id}`, date, url: `https://a.example/${id}` });
const FEED = 'https://feed.example/rss';
const cacheWith = (url: string, statements: Statement[], extra: Partial<StatementsCache['sources'][string]> = {}): StatementsCache => ({
  sources: { [url]: { statements, fetchedAt: 1000, checkedAt: 1000, error: null, ...extra } },
});

describe('repairCache', () => {
  it('keeps good statements and sources, drops bad ones, never throws', () => {
    const raw = {
      sources: {
        [FEED]: {
          statements: [s('a', '2020-01-01'), { id: 'b', title: 'x', date: '2020-13-01', url: 'https://a.example/' }, { ...s('c', '2020-01-02'), url: 'javascript:1' }, 'junk'],
          etag: '"e"',
          lastModified: 42,
          fetchedAt: 'yesterday',
          checkedAt: 5,
          error: { code: 'nonsense' },
        },
        'https://other.example/': 'not an object',
      },
    };
    expect(repairCache(raw)).toEqual({
      sources: { [FEED]: { statements: [s('a', '2020-01-01')], etag: '"e"', fetchedAt: null, checkedAt: 5, error: null } },
    });
    for (const junk of [undefined, null, 7, 'x', [], { sources: 3 }]) expect(repairCache(junk)).toEqual({ sources: {} });
  });
});

describe('repairReadState', () => {
  it('keeps a valid install time and string ids only', () => {
    expect(repairReadState({ installedAt: 5, readIds: ['a', 3, '', 'b'] })).toEqual({ installedAt: 5, readIds: ['a', 'b'] });
    expect(repairReadState({ installedAt: -1, readIds: 'a' })).toEqual({ installedAt: null, readIds: [] });
    expect(repairReadState(null)).toEqual({ installedAt: null, readIds: [] });
  });
});

describe('shownStatements', () => {
  it('cached statements of the configured sources, merged newest first', () => {
    const cache: StatementsCache = {
      sources: {
        ...cacheWith(IMAGEGENTLY_URLS[0]!, [s('a', '2020-01-01')]).sources,
        ...cacheWith(FEED, [s('b', '2021-01-01'), s('a', '2020-01-01')]).sources,
        ...cacheWith('https://removed.example/', [s('z', '2022-01-01')]).sources,
      },
    };
    expect(shownStatements(cache, { imagegently: true, extraUrls: [FEED] }).map((x) => x.id)).toEqual(['b', 'a']);
    expect(shownStatements(cache, { imagegently: false, extraUrls: [FEED] }).map((x) => x.id)).toEqual(['b', 'a']);
  });

  it('nothing cached: the snapshot for imagegently.org or no source at all; nothing for extra feeds only', () => {
    expect(shownStatements({ sources: {} }, { imagegently: true, extraUrls: [] })).toEqual([...SNAPSHOT]);
    expect(shownStatements({ sources: {} }, { imagegently: false, extraUrls: [] })).toEqual([...SNAPSHOT]);
    expect(shownStatements({ sources: {} }, { imagegently: false, extraUrls: [FEED] })).toEqual([]);
  });
});

describe('isUnread', () => {
  const installedAt = new Date(2021, 0, 15, 9).getTime(); // local 15 Jan 2021
  it('new: not read, not in the snapshot, not before the install day', () => {
    expect(localDay(installedAt)).toBe('2021-01-15');
    expect(isUnread(s('a', '2021-01-15'), { installedAt, readIds: [] })).toBe(true);
    expect(isUnread(s('a', '2021-01-14'), { installedAt, readIds: [] })).toBe(false);
    expect(isUnread(s('a', '2021-02-01'), { installedAt, readIds: ['a'] })).toBe(false);
    expect(isUnread({ ...SNAPSHOT[0]!, date: '2030-01-01' }, { installedAt, readIds: [] })).toBe(false);
    expect(isUnread(s('a', '2030-01-01'), { installedAt: null, readIds: [] })).toBe(false);
  });
});

describe('withRead', () => {
  it('adds ids, forgets ids no longer cached', () => {
    const cache = cacheWith(FEED, [s('a', '2021-01-01'), s('b', '2021-01-02')]);
    expect(withRead({ installedAt: 1, readIds: ['gone', 'a'] }, ['b', 'a'], cache)).toEqual({ installedAt: 1, readIds: ['a', 'b'] });
  });
});

describe('withOutcome / refreshStatus', () => {
  it('fetched replaces; not-modified keeps and moves fetchedAt; failed keeps and records the error', () => {
    let cache = withOutcome({ sources: {} }, FEED, { kind: 'fetched', statements: [s('a', '2021-01-01')], etag: '"1"', finalUrl: FEED }, 10);
    expect(cache.sources[FEED]).toEqual({ statements: [s('a', '2021-01-01')], etag: '"1"', fetchedAt: 10, checkedAt: 10, error: null });
    cache = withOutcome(cache, FEED, { kind: 'not-modified' }, 20);
    expect(cache.sources[FEED]).toMatchObject({ fetchedAt: 20, checkedAt: 20, etag: '"1"', error: null });
    cache = withOutcome(cache, FEED, { kind: 'failed', error: { code: 'timeout' } }, 30);
    expect(cache.sources[FEED]).toMatchObject({ statements: [s('a', '2021-01-01')], fetchedAt: 20, checkedAt: 30, error: { code: 'timeout' } });
    expect(refreshStatus(cache, { imagegently: false, extraUrls: [FEED] })).toEqual({ updatedAt: 20, error: { code: 'timeout' } });
    expect(refreshStatus(cache, { imagegently: true, extraUrls: [] })).toEqual({ updatedAt: null, error: null });
    expect(keepSources(cache, [])).toEqual({ sources: {} });
  });
});

import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../settings/schema';
import { isDismissed, snoozedUntil, withDismissal, withoutDismissal, withSnooze } from '../../settings/transient';

const h = (c: string) => c.repeat(64);
const NOW = 1_800_000_000_000;

describe('dismissals', () => {
  it('a dismissal holds until it expires', () => {
    const list = withDismissal([], { hash: h('a'), expiresAt: NOW + 1000 }, NOW);
    expect(isDismissed(list, h('a'), NOW)).toBe(true);
    expect(isDismissed(list, h('a'), NOW + 1000)).toBe(false);
    expect(isDismissed(list, h('b'), NOW)).toBe(false);
  });

  it('adding prunes expired entries and keeps one entry per hash (the later expiry)', () => {
    const list = [
      { hash: h('a'), expiresAt: NOW - 1 },
      { hash: h('b'), expiresAt: NOW + 5000 },
    ];
    const next = withDismissal(list, { hash: h('b'), expiresAt: NOW + 10 }, NOW);
    expect(next).toEqual([{ hash: h('b'), expiresAt: NOW + 5000 }]);
  });

  it('past the cap, the entries expiring soonest go first', () => {
    const list = Array.from({ length: LIMITS.dismissals }, (_, i) => ({ hash: i.toString(16).padStart(64, '0'), expiresAt: NOW + 10 + i }));
    const next = withDismissal(list, { hash: h('f'), expiresAt: NOW + 1_000_000 }, NOW);
    expect(next).toHaveLength(LIMITS.dismissals);
    expect(next.some((d) => d.hash === h('f'))).toBe(true);
    expect(next.some((d) => d.expiresAt === NOW + 10)).toBe(false);
  });

  it('undismiss removes the hash', () => {
    const list = [{ hash: h('a'), expiresAt: NOW + 1 }];
    expect(withoutDismissal(list, h('a'), NOW)).toEqual([]);
  });
});

describe('snoozes', () => {
  const o = 'https://pacs.example.org';
  it('set, read, lapse, clear', () => {
    const map = withSnooze({ 'https://old.example.org': NOW - 1 }, o, NOW + 60_000, NOW);
    expect(map).toEqual({ [o]: NOW + 60_000 });
    expect(snoozedUntil(map, o, NOW)).toBe(NOW + 60_000);
    expect(snoozedUntil(map, o, NOW + 60_000)).toBeNull();
    expect(withSnooze(map, o, null, NOW)).toEqual({});
  });
});

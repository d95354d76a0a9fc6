/**
 * "Dismiss for this exam" and "snooze on this site" in the background: the keyed hash (crypto.subtle, checked
 * against node's HMAC), the install secret, the writes, and the messages that ask for them (the origin is the
 * sender's, the expiry the background's, the exam key never stored).
 */
import { createHmac } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  dismissExam,
  DISMISSAL_TTL_MS,
  examHash,
  resetDismissalSecret,
  SECRET_KEY,
  SNOOZE_MS,
  snoozeSite,
} from '@/background/exam-dismissal';
import { handleMessage } from '@/background/tab-facts';
import { readSetting } from '@/settings/items';

const secret = 'a1'.repeat(32);
const studyUid = '1.2.826.0.1.3680043.8.498.10200000000000000000000000000000001';
const NOW = 1_900_000_000_000;
const hmac = (key: string, origin: string, examKey: string) =>
  createHmac('sha256', Buffer.from(key, 'hex')).update(`${origin}\n${examKey}`).digest('hex');

beforeEach(async () => {
  fakeBrowser.reset();
  resetDismissalSecret();
  await fakeBrowser.storage.local.set({ [SECRET_KEY]: secret });
});

describe('examHash', () => {
  it('is HMAC-SHA-256 of "origin\\nexamKey" under the install secret (the same hash as before it moved here)', async () => {
    expect(await examHash('http://127.0.0.1:8042', studyUid)).toBe(hmac(secret, 'http://127.0.0.1:8042', studyUid));
  });

  it('never contains the exam key, and matches the stored-hash format settings accepts', async () => {
    const h = (await examHash('https://pacs.example', 'ACC12345'))!;
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain('12345');
  });

  it('differs by site and by secret', async () => {
    const a = await examHash('https://a.example', 'ORDER-1');
    expect(await examHash('https://b.example', 'ORDER-1')).not.toBe(a);
    expect(await examHash('https://a.example', 'ORDER-1')).toBe(a);
    await fakeBrowser.storage.local.set({ [SECRET_KEY]: 'b2'.repeat(32) });
    resetDismissalSecret();
    expect(await examHash('https://a.example', 'ORDER-1')).not.toBe(a);
  });

  it('makes the secret on first use (64 hex digits, kept), and replaces a corrupt one', async () => {
    await fakeBrowser.storage.local.remove(SECRET_KEY);
    resetDismissalSecret();
    const h = await examHash('https://a.example', 'ORDER-1');
    const made = (await fakeBrowser.storage.local.get(SECRET_KEY))[SECRET_KEY] as string;
    expect(made).toMatch(/^[0-9a-f]{64}$/);
    expect(h).toBe(hmac(made, 'https://a.example', 'ORDER-1'));
    await fakeBrowser.storage.local.set({ [SECRET_KEY]: 'short' });
    resetDismissalSecret();
    await examHash('https://a.example', 'ORDER-1');
    expect((await fakeBrowser.storage.local.get(SECRET_KEY))[SECRET_KEY]).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([[null, 'ORDER-1'], ['null', 'ORDER-1'], ['about:blank', 'ORDER-1'], ['https://a.example', ''], ['https://a.example', 'x'.repeat(257)]])(
    'gives no hash for origin %j / key of an unusable length',
    async (origin, key) => {
      expect(await examHash(origin, key)).toBeNull();
    },
  );
});

describe('writes', () => {
  it('a dismissal is the hash and an expiry a week on; two at once both land', async () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    await Promise.all([dismissExam(a, NOW), dismissExam(b, NOW)]);
    expect(await readSetting('dismissals')).toEqual([
      { hash: a, expiresAt: NOW + DISMISSAL_TTL_MS },
      { hash: b, expiresAt: NOW + DISMISSAL_TTL_MS },
    ]);
  });

  it('a snooze is for the normalised origin, 8 hours', async () => {
    await snoozeSite('https://PACS.example.org:443', NOW);
    expect(await readSetting('snoozeBySite')).toEqual({ 'https://pacs.example.org': NOW + SNOOZE_MS });
    await snoozeSite(null, NOW);
    expect(Object.keys(await readSetting('snoozeBySite'))).toEqual(['https://pacs.example.org']);
  });
});

describe('messages from panel.js', () => {
  const from = (url: string, extra: Record<string, unknown> = {}) => ({ id: fakeBrowser.runtime.id, tab: { id: 3 } as never, frameId: 0, url, ...extra });

  it("exam-hash: hashed for the sender's origin, the key kept nowhere", async () => {
    const reply = await handleMessage({ type: 'exam-hash', examKey: studyUid }, from('http://127.0.0.1:8042/app/explorer.html#study'));
    expect(reply).toEqual({ hash: hmac(secret, 'http://127.0.0.1:8042', studyUid) });
    // Chromium's sender.origin wins over the URL (an about:srcdoc frame has its parent's origin).
    const srcdoc = await handleMessage({ type: 'exam-hash', examKey: studyUid }, from('about:srcdoc', { origin: 'https://pacs.example.org' }));
    expect(srcdoc).toEqual({ hash: hmac(secret, 'https://pacs.example.org', studyUid) });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('3680043');
  });

  it("dismiss-exam and snooze-site write, for the sender's origin; the page chooses neither origin nor expiry", async () => {
    const hash = 'c'.repeat(64);
    expect(await handleMessage({ type: 'dismiss-exam', hash }, from('https://pacs.example.org/viewer'))).toBe(true);
    expect((await readSetting('dismissals')).map((d) => d.hash)).toEqual([hash]);
    expect(await handleMessage({ type: 'snooze-site' }, from('https://pacs.example.org/viewer'))).toBe(true);
    expect(Object.keys(await readSetting('snoozeBySite'))).toEqual(['https://pacs.example.org']);
  });

  it('refuses a dismissal that is not a hash, a snooze with an origin or expiry in it, and a key that is too long', async () => {
    const page = from('https://pacs.example.org/viewer');
    expect(handleMessage({ type: 'dismiss-exam', hash: studyUid }, page)).toBeUndefined();
    expect(handleMessage({ type: 'dismiss-exam', hash: 'c'.repeat(64), expiresAt: NOW * 2 }, page)).toBeUndefined();
    expect(handleMessage({ type: 'snooze-site', origin: 'https://other.example.org' }, page)).toBeUndefined();
    expect(handleMessage({ type: 'snooze-site', until: NOW * 2 }, page)).toBeUndefined();
    expect(handleMessage({ type: 'exam-hash', examKey: 'x'.repeat(257) }, page)).toBeUndefined();
    expect(handleMessage({ type: 'dismiss-exam', hash: 'c'.repeat(64) }, { ...page, id: 'another-extension' })).toBeUndefined();
    expect(await fakeBrowser.storage.local.get(['settings.dismissals', 'settings.snoozeBySite'])).toEqual({});
  });
});

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dismissalHash } from '@/content/panel/exam-dismissal';

const secret = 'a1'.repeat(32);
const studyUid = '1.2.826.0.1.3680043.8.498.10200000000000000000000000000000001';

describe('dismissalHash', () => {
  it('is HMAC-SHA-256 of "origin\\nexamKey" under the install secret', () => {
    const expected = createHmac('sha256', Buffer.from(secret, 'hex'))
      .update(`http://127.0.0.1:8042\n${studyUid}`)
      .digest('hex');
    expect(dismissalHash(secret, 'http://127.0.0.1:8042', studyUid)).toBe(expected);
  });

  it('never contains the exam key, and matches the stored-hash format settings accepts', () => {
    const h = dismissalHash(secret, 'https://pacs.example', 'ACC12345')!;
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain('12345');
  });

  it('differs by site and by secret', () => {
    const a = dismissalHash(secret, 'https://a.example', 'ORDER-1');
    expect(dismissalHash(secret, 'https://b.example', 'ORDER-1')).not.toBe(a);
    expect(dismissalHash('b2'.repeat(32), 'https://a.example', 'ORDER-1')).not.toBe(a);
    expect(dismissalHash(secret, 'https://a.example', 'ORDER-1')).toBe(a);
  });

  it.each(['', 'not hex', 'abc', '00'.repeat(8)])('refuses an unusable secret %j', (bad) => {
    expect(dismissalHash(bad, 'https://a.example', 'ORDER-1')).toBeNull();
  });
});

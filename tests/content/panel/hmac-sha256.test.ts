import { createHash, createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, hmacSha256, sha256, toHex } from '@/content/panel/hmac-sha256';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('sha256', () => {
  // FIPS 180-4 examples (NIST CSRC "SHA256.pdf"): "abc" and the 448-bit two-block message.
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('hashes %j like FIPS 180-4', (text, hex) => {
    expect(toHex(sha256(utf8(text)))).toBe(hex);
  });

  it('agrees with node:crypto at every length around the block and padding edges', () => {
    for (let len = 0; len <= 200; len++) {
      const data = randomBytes(len);
      expect(toHex(sha256(data)), `length ${len}`).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });
});

describe('hmacSha256', () => {
  // RFC 4231 §4.2, §4.3, §4.7 (test cases 1, 2 and 6: short key, "Jefe", key longer than a block).
  it.each([
    ['0b'.repeat(20), toHex(utf8('Hi There')), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
    [toHex(utf8('Jefe')), toHex(utf8('what do ya want for nothing?')), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
    ['aa'.repeat(131), toHex(utf8('Test Using Larger Than Block-Size Key - Hash Key First')), '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'],
  ])('RFC 4231 vector (key %s)', (keyHex, msgHex, mac) => {
    expect(toHex(hmacSha256(fromHex(keyHex)!, fromHex(msgHex)!))).toBe(mac);
  });

  it('agrees with node:crypto on random keys and messages', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 150 }), fc.uint8Array({ maxLength: 300 }), (key, msg) => {
        expect(toHex(hmacSha256(key, msg))).toBe(createHmac('sha256', key).update(msg).digest('hex'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('fromHex', () => {
  it('refuses odd lengths and non-hex characters', () => {
    expect(fromHex('abc')).toBeNull();
    expect(fromHex('zz')).toBeNull();
    expect(Array.from(fromHex('00ff10')!)).toEqual([0, 255, 16]);
  });
});

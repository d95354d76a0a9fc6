import { describe, expect, it } from 'vitest';
import { mediaTypeParameter, MultipartError, parseMultipart } from '../../../content/pacs/multipart';
import { multipartFrame } from '../../helpers/fake-pacs';

const enc = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('media type parameters', () => {
  it('reads quoted and token parameters, including quoted values with semicolons', () => {
    const ct = 'multipart/related; type="application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1"; boundary=abc-123';
    expect(mediaTypeParameter(ct, 'boundary')).toBe('abc-123');
    expect(mediaTypeParameter(ct, 'TYPE')).toBe('application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1');
    expect(mediaTypeParameter(mediaTypeParameter(ct, 'type')!, 'transfer-syntax')).toBe('1.2.840.10008.1.2.1');
    expect(mediaTypeParameter('multipart/related; boundary="a b"', 'boundary')).toBe('a b');
    expect(mediaTypeParameter('application/json', 'boundary')).toBeNull();
  });
});

describe('multipart/related', () => {
  it('returns the frame bytes of a body written like Orthanc writes it, byte for byte', () => {
    const frame = new Uint8Array(8192).map((_, i) => (i * 37) & 0xff);
    // Put delimiter-like bytes inside the frame: only CRLF + "--" + the full boundary may end a part.
    frame.set(enc('\r\n--f06c4d2e'), 100);
    const { bytes, contentType } = multipartFrame(frame);
    const parts = parseMultipart(bytes, contentType);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.headers['content-type']).toBe('application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1');
    expect(Array.from(parts[0]!.body)).toEqual(Array.from(frame));
  });

  it('reads several parts, a preamble, a part without headers and a quoted boundary', () => {
    const body = concat(
      enc('preamble text\r\n--b\r\nContent-Type: application/octet-stream\r\n\r\n'),
      new Uint8Array([1, 2, 3]),
      enc('\r\n--b\r\n\r\n'),
      new Uint8Array([4, 5]),
      enc('\r\n--b--\r\nepilogue'),
    );
    const parts = parseMultipart(body, 'multipart/related; boundary="b"');
    expect(parts.map((p) => Array.from(p.body))).toEqual([[1, 2, 3], [4, 5]]);
    expect(parts[1]!.headers).toEqual({});
  });

  it('throws MultipartError for bodies that are not what the header says', () => {
    const ok = multipartFrame(new Uint8Array([9, 9]));
    expect(() => parseMultipart(ok.bytes, 'application/octet-stream')).toThrow(MultipartError);
    expect(() => parseMultipart(ok.bytes, 'multipart/related; type="application/octet-stream"')).toThrow(/boundary/);
    expect(() => parseMultipart(ok.bytes, 'multipart/related; boundary=other')).toThrow(/boundary not found/);
    const truncated = ok.bytes.subarray(0, ok.bytes.length - 20);
    expect(() => parseMultipart(truncated, ok.contentType)).toThrow(/unterminated part/);
    expect(() => parseMultipart(enc('--b\r\nContent-Type: x'), 'multipart/related; boundary=b')).toThrow(/headers/);
    expect(() => parseMultipart(enc('--bXX\r\n'), 'multipart/related; boundary=b')).toThrow(/delimiter/);
  });
});

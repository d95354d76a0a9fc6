/**
 * multipart/related bodies (RFC 2387) as DICOMweb WADO-RS returns frames and bulk data (PS3.18 §8.7.3.5):
 * `--boundary CRLF headers CRLF CRLF bytes CRLF --boundary ... --boundary--`.
 * Parsed at byte level; the part bodies are views on the original buffer (no copy).
 */

export interface MultipartPart {
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Uint8Array;
}

export class MultipartError extends Error {
  override name = 'MultipartError';
}

/** Reads a parameter (e.g. `boundary`, `type`, `transfer-syntax`) from a media type header value. */
export function mediaTypeParameter(contentType: string, name: string): string | null {
  const wanted = name.toLowerCase();
  // Parameters are `; name=value` with value a token or a quoted string (which may itself contain `;`).
  const re = /;\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (let m = re.exec(contentType); m; m = re.exec(contentType)) {
    if (m[1]!.toLowerCase() !== wanted) continue;
    const raw = m[2]!.trim();
    return raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
  }
  return null;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]!;
  const last = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first, from); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const latin1 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
};

const MAX_BOUNDARY_CHARS = 70;

/** Splits a multipart/related body. Throws MultipartError when the body is not what the header announces. */
export function parseMultipart(body: Uint8Array, contentType: string): MultipartPart[] {
  if (!/^\s*multipart\//i.test(contentType)) throw new MultipartError('not a multipart body');
  const boundary = mediaTypeParameter(contentType, 'boundary');
  // RFC 2046 §5.1.1: 1 to 70 characters. A longer one is not a boundary but a cost: every search for it is
  // as long as the body times its length.
  if (!boundary || boundary.length > MAX_BOUNDARY_CHARS) throw new MultipartError('no boundary');
  const delimiter = ascii(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let at = indexOf(body, delimiter, 0);
  if (at === -1) throw new MultipartError('boundary not found');
  for (;;) {
    let cursor = at + delimiter.length;
    // `--` after the delimiter closes the body.
    if (body[cursor] === 0x2d && body[cursor + 1] === 0x2d) break;
    // Skip transport padding and the CRLF that ends the delimiter line.
    while (body[cursor] === 0x20 || body[cursor] === 0x09) cursor++;
    if (body[cursor] === 0x0d && body[cursor + 1] === 0x0a) cursor += 2;
    else throw new MultipartError('malformed delimiter line');
    let headerText = '';
    let bodyStart = cursor + 2; // a part with no headers starts with the empty line
    if (!(body[cursor] === 0x0d && body[cursor + 1] === 0x0a)) {
      const headerEnd = indexOf(body, ascii('\r\n\r\n'), cursor);
      if (headerEnd === -1) throw new MultipartError('unterminated part headers');
      headerText = latin1(body.subarray(cursor, headerEnd));
      bodyStart = headerEnd + 4;
    }
    const next = indexOf(body, ascii(`\r\n--${boundary}`), bodyStart);
    if (next === -1) throw new MultipartError('unterminated part');
    // No prototype: a part may name a header "__proto__" or "constructor" and it stays a header.
    const headers: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const line of headerText.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    parts.push({ headers, body: body.subarray(bodyStart, next) });
    at = next + 2;
  }
  return parts;
}

/**
 * A fake PACS for unit tests of `content/pacs/`: a `fetch` answering from a route table with the JSON
 * Orthanc really returned (`tests/fixtures/pacs/*.json`, see `capture.ts` there), plus failure modes
 * (status codes, malformed bodies, hanging requests). It records every request it receives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FetchLike, GetInit, ResponseLike } from '../../content/pacs/pacs-client';

const FIXTURES = join(import.meta.dirname, '../fixtures/pacs');

/** A captured fixture as text (exactly what Orthanc sent, pretty-printed). */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, `${name}.json`), 'utf8');
}
export function fixture(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

export interface FixtureIndexEntry {
  studyId: string;
  studyUid: string;
  axialSeriesId: string;
  axialSeriesUid: string;
  srSeriesUid: string | null;
  /** Orthanc instance ids of the axial series by InstanceNumber ('1' … ). */
  instances: Record<string, string>;
  /** The instance whose `/metadata?expand` was captured (`orthanc-<name>-metadata`). */
  metadataOf: string;
}
export function fixtureIndex(): Record<'child' | 'adult' | 'rle' | 'scanner', FixtureIndexEntry> {
  return fixture('index') as Record<'child' | 'adult' | 'rle' | 'scanner', FixtureIndexEntry>;
}

export type FakeAnswer =
  | { status?: number; json: unknown; contentType?: string }
  | { status?: number; text: string; contentType?: string }
  | { status?: number; bytes: Uint8Array; contentType: string }
  | { hang: true }
  | { reject: true };

export interface RecordedRequest {
  url: string;
  init: GetInit;
}

export interface FakePacs {
  fetch: FetchLike;
  requests: RecordedRequest[];
  /** Routes keyed by path + search (e.g. `/series/<id>`), relative to the origin. */
  routes: Map<string, FakeAnswer>;
}

export function fakePacs(origin: string, routes: Record<string, FakeAnswer> = {}): FakePacs {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike = (url, init) => {
    requests.push({ url, init });
    const u = new URL(url);
    const answer = u.origin === origin ? table.get(u.pathname + u.search) : undefined;
    if (!answer) return Promise.resolve(respond(404, 'text/plain', new TextEncoder().encode('Unknown resource')));
    if ('hang' in answer) {
      return new Promise((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if ('reject' in answer) return Promise.reject(new TypeError('Failed to fetch'));
    const status = answer.status ?? 200;
    if ('json' in answer) return Promise.resolve(respond(status, answer.contentType ?? 'application/json', new TextEncoder().encode(JSON.stringify(answer.json))));
    if ('text' in answer) return Promise.resolve(respond(status, answer.contentType ?? 'application/json', new TextEncoder().encode(answer.text)));
    return Promise.resolve(respond(status, answer.contentType, answer.bytes));
  };
  return { fetch, requests, routes: table };
}

function respond(status: number, contentType: string, body: Uint8Array): ResponseLike {
  return {
    status,
    headers: {
      get: (name: string) =>
        name.toLowerCase() === 'content-type' ? contentType : name.toLowerCase() === 'content-length' ? String(body.byteLength) : null,
    },
    text: async () => new TextDecoder().decode(body),
    arrayBuffer: async () => body.slice().buffer,
  };
}

/** A multipart/related body the way Orthanc's DICOMweb plugin writes one frame (checked against Orthanc 1.10.1). */
export function multipartFrame(frame: Uint8Array, transferSyntax = '1.2.840.10008.1.2.1', boundary = 'f06c4d2e-051b-4e1d-962d-1853d4744366'): { bytes: Uint8Array; contentType: string } {
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Location: http://127.0.0.1/frames/1\r\nContent-Type: application/octet-stream; transfer-syntax=${transferSyntax}\r\nContent-Length: ${frame.byteLength}\r\nMIME-Version: 1.0\r\n\r\n`,
  );
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const bytes = new Uint8Array(head.length + frame.length + tail.length);
  bytes.set(head, 0);
  bytes.set(frame, head.length);
  bytes.set(tail, head.length + frame.length);
  return {
    bytes,
    contentType: `multipart/related; type="application/octet-stream; transfer-syntax=${transferSyntax}"; boundary=${boundary}`,
  };
}

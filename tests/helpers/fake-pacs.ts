/**
 * A fake PACS for unit tests of `content/pacs/`: a `fetch` answering from a route table with the JSON
 * Orthanc really returned (`tests/fixtures/pacs/*.json`, see `capture.ts` there), plus failure modes
 * (status codes, malformed bodies, hanging requests). It records every request it receives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FetchLike, GetInit, ResponseLike } from '../../content/pacs/pacs-client';
import { readDataset } from '../e2e/harness/dicom';

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

/** The stored pixel bytes of a generated study's axial slices, by InstanceNumber ('1' …). */
export function axialFrames(files: readonly { name: string; bytes: Uint8Array }[]): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const f of files) {
    const m = /^axial-(\d+)\.dcm$/.exec(f.name);
    if (!m) continue;
    const pixels = readDataset(f.bytes).PixelData;
    if (!Array.isArray(pixels) || !(pixels[0] instanceof ArrayBuffer)) throw new Error(`no pixel data in ${f.name}`);
    out[m[1]!] = new Uint8Array(pixels[0]);
  }
  return out;
}

type StudyName = 'child' | 'adult' | 'rle' | 'scanner';

/**
 * Orthanc REST routes for a captured study, as Orthanc Explorer's origin serves them: the series page's
 * series, the study's series, the instance list, every instance's tags and transfer syntax, the dose SR's tags,
 * and (when given) the raw frames.
 */
export function orthancRoutes(name: StudyName, frames: Record<string, Uint8Array> = {}): Record<string, FakeAnswer> {
  const ix = fixtureIndex()[name];
  const routes: Record<string, FakeAnswer> = {
    [`/series/${ix.axialSeriesId}`]: { text: fixtureText(`orthanc-${name}-series`) },
    [`/studies/${ix.studyId}/series`]: { text: fixtureText(`orthanc-${name}-study-series`) },
    [`/series/${ix.axialSeriesId}/instances`]: { text: fixtureText(`orthanc-${name}-series-instances`) },
  };
  for (const [n, id] of Object.entries(ix.instances)) {
    routes[`/instances/${id}/tags?short`] = { text: fixtureText(`orthanc-${name}-tags-${n}`) };
    // Captured for one instance; the transfer syntax is the same for every instance of the series.
    routes[`/instances/${id}/metadata?expand`] = { text: fixtureText(`orthanc-${name}-metadata`) };
    if (frames[n]) routes[`/instances/${id}/frames/0/raw`] = { bytes: frames[n], contentType: 'application/octet-stream' };
  }
  const seriesList = fixture(`orthanc-${name}-study-series`) as { MainDicomTags: { Modality: string }; Instances: string[] }[];
  for (const s of seriesList) {
    if (s.MainDicomTags.Modality === 'SR') routes[`/instances/${s.Instances[0]}/tags?short`] = { text: fixtureText(`orthanc-${name}-sr-tags`) };
  }
  return routes;
}

/** DICOMweb routes (root `/dicom-web`) for a captured study, frames answered as Orthanc's plugin does. */
export function dicomWebRoutes(name: StudyName, frames: Record<string, Uint8Array> = {}): Record<string, FakeAnswer> {
  const ix = fixtureIndex()[name];
  const base = `/dicom-web/studies/${ix.studyUid}`;
  const routes: Record<string, FakeAnswer> = {
    [`${base}/series`]: { text: fixtureText(`dicomweb-${name}-study-series`), contentType: 'application/dicom+json' },
    [`${base}/series/${ix.axialSeriesUid}/metadata`]: { text: fixtureText(`dicomweb-${name}-axial-metadata`), contentType: 'application/dicom+json' },
  };
  if (ix.srSeriesUid) routes[`${base}/series/${ix.srSeriesUid}/metadata`] = { text: fixtureText(`dicomweb-${name}-sr-metadata`), contentType: 'application/dicom+json' };
  const metadata = fixture(`dicomweb-${name}-axial-metadata`) as Record<string, { Value?: unknown[] }>[];
  for (const instance of metadata) {
    const sop = String(instance['00080018']?.Value?.[0]);
    const n = String(instance['00200013']?.Value?.[0]);
    if (frames[n]) {
      const body = multipartFrame(frames[n]);
      routes[`${base}/series/${ix.axialSeriesUid}/instances/${sop}/frames/1`] = { bytes: body.bytes, contentType: body.contentType };
    }
  }
  return routes;
}

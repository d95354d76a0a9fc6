/**
 * The harness itself: the DICOM generator round-trips, a real Orthanc starts on a free loopback port,
 * accepts the seed data and stops by pid; the static server serves and logs; both browsers start with
 * the extension loaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import {
  ADULT_CT,
  PEDIATRIC_CT,
  PEDIATRIC_PHANTOM,
  describeE2E,
  launchChromium,
  launchFirefox,
  makeCtInstance,
  readDataset,
  seedOrthanc,
  serveStatic,
  startOrthanc,
  type OrthancServer,
} from './harness';

describe('harness: dcmjs CT generator', () => {
  it('writes the pediatric seed with the tags it was asked for (read back with dcmjs)', () => {
    const inst = makeCtInstance(PEDIATRIC_CT);
    const ds = readDataset(inst.buffer);
    expect(ds.PatientBirthDate).toBe('20200815');
    expect(ds.StudyDate).toBe('20261120');
    expect(ds.Modality).toBe('CT');
    expect(ds.StudyDescription).toBe('CT ABDOMEN PELVIS W CONTRAST');
    expect(ds.BodyPartExamined).toBe('ABDOMEN');
    expect(ds.CTDIvol).toBeCloseTo(5.2, 6);
    const phantom = (ds.CTDIPhantomTypeCodeSequence as Record<string, unknown>[])[0]!;
    expect(phantom.CodeValue).toBe('113691');
    expect(ds.Rows).toBe(PEDIATRIC_PHANTOM.rows);
    expect(ds.StudyInstanceUID).toBe(inst.studyInstanceUid);
    // Part-10 preamble + explicit VR little endian transfer syntax
    expect(inst.buffer.subarray(128, 132).toString('latin1')).toBe('DICM');
    expect(inst.buffer.includes(Buffer.from('1.2.840.10008.1.2.1\0'))).toBe(true);
  });

  it('draws the phantom: water inside the ellipse, air outside, padding where the function says so', () => {
    const inst = makeCtInstance({
      ...PEDIATRIC_CT,
      rows: 16,
      cols: 16,
      pixelSpacingMm: 1,
      pixel: (x) => (x === 0 ? null : x < 8 ? 0 : -1000),
      pixelPaddingValue: 7,
    });
    const ds = readDataset(inst.buffer);
    expect(ds.PixelPaddingValue).toBe(7);
    const px = new Uint16Array((ds.PixelData as ArrayBuffer[])[0]!);
    expect(px[0]).toBe(7); // padding
    expect(px[1]).toBe(1024); // HU 0 with intercept −1024
    expect(px[15]).toBe(24); // HU −1000
  });

  it('is deterministic (same options → same UIDs) and keeps patients apart', () => {
    expect(makeCtInstance(PEDIATRIC_CT).sopInstanceUid).toBe(makeCtInstance(PEDIATRIC_CT).sopInstanceUid);
    expect(makeCtInstance(PEDIATRIC_CT).studyInstanceUid).not.toBe(makeCtInstance(ADULT_CT).studyInstanceUid);
    expect(makeCtInstance(PEDIATRIC_CT).sopInstanceUid).toMatch(/^2\.25\.\d{1,39}$/);
  });
});

describe('harness: static server', () => {
  it('serves routes on loopback and logs requests', async () => {
    const srv = await serveStatic({ '/a': '<p>a</p>', '/j': { body: '{"x":1}', type: 'application/json' } });
    try {
      expect(srv.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(srv.url('/a'))).text()).toBe('<p>a</p>');
      expect(await (await fetch(srv.url('/j'))).json()).toEqual({ x: 1 });
      expect((await fetch(srv.url('/missing'))).status).toBe(404);
      expect(srv.requests.map((r) => r.path)).toEqual(['/a', '/j', '/missing']);
    } finally {
      await srv.close();
    }
  });
});

const portAcceptsConnections = (port: number) =>
  new Promise<boolean>((res) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), res(true)));
    s.once('error', () => res(false));
  });

describeE2E('harness: Orthanc', ['orthanc'], () => {
  let orthanc: OrthancServer;
  beforeAll(async () => {
    orthanc = await startOrthanc();
  });
  afterAll(async () => {
    await orthanc?.stop();
  });

  it('runs on loopback with DICOMweb and no DICOM listener, and takes the seed data', async () => {
    const plugins = await orthanc.get<string[]>('/plugins');
    expect(plugins).toContain('dicom-web');
    const system = await orthanc.get<{ DicomPort: number; Name: string }>('/system');
    expect(system.Name).toBe('IGC-E2E-ORTHANC');
    const config = JSON.parse(readFileSync(`${orthanc.dir}/orthanc.json`, 'utf8'));
    expect(config.DicomServerEnabled).toBe(false);
    expect(config.RemoteAccessAllowed).toBe(false);

    const seeded = await seedOrthanc(orthanc);
    const study = await orthanc.get<{ MainDicomTags: Record<string, string>; PatientMainDicomTags: Record<string, string> }>(
      `/studies/${seeded.child.study}`,
    );
    expect(study.PatientMainDicomTags.PatientBirthDate).toBe('20200815');
    expect(study.MainDicomTags.StudyDate).toBe('20261120');
    const qido = await orthanc.get<Record<string, { Value?: unknown[] }>[]>(
      `/dicom-web/studies?PatientID=ADLT0046&includefield=00101010`,
    );
    expect(qido).toHaveLength(1);
    expect(qido[0]!['00101010']!.Value).toEqual(['046Y']);
  });

  it('stops by pid: the process is gone and the port is released', async () => {
    const { pid, port } = orthanc;
    await orthanc.stop();
    expect(() => process.kill(pid, 0)).toThrow();
    expect(await portAcceptsConnections(port)).toBe(false);
  });
});

describeE2E('harness: Chromium', ['chromium'], () => {
  it('loads the e2e build and reports the extension id from its service worker', async () => {
    const s = await launchChromium({ build: 'chrome-mv3-e2e' });
    try {
      expect(s.extensionId).toMatch(/^[a-p]{32}$/);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const manifest = await s.serviceWorker!.evaluate(() => (globalThis as any).chrome.runtime.getManifest().name as string);
      expect(manifest).toBe('Image Gently Companion');
    } finally {
      await s.close();
    }
    expect(existsSync(s.userDataDir)).toBe(false);
  });
});

describeE2E('harness: Firefox', ['firefox'], () => {
  it('installs the Firefox e2e build as a temporary add-on', async () => {
    const s = await launchFirefox({ build: 'firefox-mv3-e2e' });
    try {
      expect(s.addonId).toBe('image-gently-companion@imagegently-companion.org');
    } finally {
      await s.close();
    }
  });
});

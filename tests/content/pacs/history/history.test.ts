import { describe, expect, it } from 'vitest';
import { createPacsClient, StudyCache } from '../../../../content/pacs/pacs-client';
import { createHistory, type HistoryState } from '../../../../content/pacs/history/history';
import { DicomWebHistorySource, OrthancHistorySource } from '../../../../content/pacs/history/sources';
import { fakePacs, type FakeAnswer } from '../../../helpers/fake-pacs';

const ORIGIN = 'http://127.0.0.1:8042';
const id = (n: number) => `${n.toString(16).padStart(8, '0')}-00000000-00000000-00000000-00000000`;
const PATIENT = id(1);

/** A patient with a CT (with a dose report), a fluoroscopy study and an ultrasound, as Orthanc's REST API lists them. */
function orthancRoutes(): Record<string, FakeAnswer> {
  const study = (n: number, date: string, description: string) => ({
    ID: id(n),
    MainDicomTags: { StudyDate: date, StudyDescription: description, InstitutionName: 'Synthetic Childrens Hospital' },
    PatientMainDicomTags: { PatientBirthDate: '20221101', PatientID: 'PEDS0004' },
    Series: [],
    ParentPatient: PATIENT,
  });
  const series = (n: number, studyN: number, modality: string, instances: number[], extra: Record<string, string> = {}) => ({
    ID: id(n),
    Instances: instances.map(id),
    MainDicomTags: { Modality: modality, ...extra },
    ParentStudy: id(studyN),
  });
  const sr = {
    '0008,0016': { Name: 'SOPClassUID', Type: 'String', Value: '1.2.840.10008.5.1.4.1.1.88.67' },
  };
  return {
    [`/series/${id(100)}`]: { json: series(100, 10, 'CT', [1000], { BodyPartExamined: 'ABDOMEN' }) },
    [`/studies/${id(10)}`]: { json: study(10, '20261120', 'CT ABDOMEN PELVIS W CONTRAST PEDS') },
    [`/patients/${PATIENT}/studies`]: {
      json: [study(10, '20261120', 'CT ABDOMEN PELVIS W CONTRAST PEDS'), study(11, '20261102', 'CT ABDOMEN PELVIS'), study(12, '20260301', 'VCUG'), study(13, '20251001', 'US ABDOMEN')],
    },
    [`/patients/${PATIENT}/series`]: {
      json: [
        series(100, 10, 'CT', [1000], { BodyPartExamined: 'ABDOMEN' }),
        series(110, 11, 'CT', [1100], { BodyPartExamined: 'ABDOMEN' }),
        series(111, 11, 'SR', [1110]),
        series(120, 12, 'RF', [1200]),
        series(130, 13, 'US', [1300]),
      ],
    },
    // Study 10: no SR; its CT image header gives CTDIvol. Study 11: an SR that is not a dose report, then the header.
    [`/instances/${id(1000)}/tags?short`]: { json: { '0018,9345': '5.0', '0008,0016': '1.2.840.10008.5.1.4.1.1.2' } },
    [`/instances/${id(1110)}/tags?short`]: { json: { '0008,0016': sr['0008,0016'].Value } },
    [`/instances/${id(1100)}/tags?short`]: { json: { '0018,9345': '3.5' } },
  };
}

async function settle(history: ReturnType<typeof createHistory>): Promise<HistoryState> {
  return new Promise((resolve) => {
    history.subscribe((s) => {
      if (s.status === 'failed' || (s.status === 'ready' && [...s.doses.values()].every((d) => d.state !== 'pending'))) resolve(s);
    });
    history.start();
  });
}

function orthanc(routes: Record<string, FakeAnswer>, timeoutMs = 1000) {
  const pacs = fakePacs(ORIGIN, routes);
  const client = createPacsClient({ pageUrl: `${ORIGIN}/app/explorer.html`, fetch: pacs.fetch, cache: new StudyCache(), timeoutMs });
  const source = new OrthancHistorySource(client, { root: '/', level: 'series', id: id(100) });
  return { pacs, history: createHistory(source, { today: () => '2026-12-07' }) };
}

describe('this child on Orthanc', () => {
  it('lists the studies, counts the ionizing ones, notes the CT 18 days earlier, reads the CTs', async () => {
    const { pacs, history } = orthanc(orthancRoutes());
    const s = await settle(history);
    if (s.status !== 'ready') throw new Error(JSON.stringify(s));
    expect(s.list.listed.map((x) => [x.date, x.modalities, x.current])).toEqual([
      ['2026-11-20', ['CT'], true],
      ['2026-11-02', ['CT'], false],
      ['2026-03-01', ['RF'], false],
      ['2025-10-01', ['US'], false],
    ]);
    expect(s.list.listed[0]!.facility).toBe('Synthetic Childrens Hospital');
    expect(s.counts).toEqual([
      { modality: 'CT', last12Months: 2, all: 2 },
      { modality: 'RF', last12Months: 1, all: 1 },
    ]);
    expect(s.repeat).toEqual({ modality: 'CT', region: 'abdomen-pelvis', date: '2026-11-02', daysBefore: 18 });
    expect(s.doses.get(id(10))).toMatchObject({ state: 'read', dose: { ctdi: { mGy: 5, from: 'image-header' } } });
    expect(s.doses.get(id(11))).toMatchObject({ state: 'read', dose: { ctdi: { mGy: 3.5, from: 'image-header' } } });
    expect(s.doses.has(id(12))).toBe(false);
    // Same-origin GETs only; no resource asked twice.
    expect(pacs.requests.every((r) => r.url.startsWith(`${ORIGIN}/`) && r.init.method === 'GET' && r.init.credentials === 'same-origin')).toBe(true);
    expect(new Set(pacs.requests.map((r) => r.url)).size).toBe(pacs.requests.length);
  });

  it.each<[string, FakeAnswer, string]>([
    ['401', { status: 401, text: 'no' }, 'api-unauthorized'],
    ['403', { status: 403, text: 'no' }, 'api-forbidden'],
    ['404', { status: 404, text: 'no' }, 'api-not-found'],
    ['500', { status: 500, text: 'boom' }, 'api-unavailable'],
    ['a malformed answer', { text: '{"not": "a list"}' }, 'api-malformed'],
    ['not JSON', { text: '<html>login</html>', contentType: 'text/html' }, 'api-malformed'],
    ['no answer in time', { hang: true }, 'api-timeout'],
  ])('the study list answering %s: a short note, nothing else', async (_, answer, code) => {
    const { history } = orthanc({ ...orthancRoutes(), [`/patients/${PATIENT}/studies`]: answer }, 100);
    expect(await settle(history)).toEqual({ status: 'failed', note: { code } });
  });

  it('a dose read that fails is noted on its row; the list stands', async () => {
    const { history } = orthanc({ ...orthancRoutes(), [`/instances/${id(1100)}/tags?short`]: { status: 500, text: 'x' } });
    const s = await settle(history);
    if (s.status !== 'ready') throw new Error();
    expect(s.doses.get(id(11))).toEqual({ state: 'failed', note: { code: 'api-unavailable' } });
    expect(s.doses.get(id(10))).toMatchObject({ state: 'read' });
  });

  it('reads once: a second start sends nothing', async () => {
    const { pacs, history } = orthanc(orthancRoutes());
    await settle(history);
    const sent = pacs.requests.length;
    history.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(pacs.requests.length).toBe(sent);
  });
});

const ROOT = `${ORIGIN}/dicom-web`;
const dj = (tags: Record<string, [string, unknown[]]>) => Object.fromEntries(Object.entries(tags).map(([k, [vr, Value]]) => [k, { vr, Value }]));
const qidoStudy = (uid: string, date: string, modalities: string[], description: string, patientId = 'PEDS0004', birth = '20221101') =>
  dj({
    '0020000D': ['UI', [uid]],
    '00080020': ['DA', [date]],
    '00080061': ['CS', modalities],
    '00081030': ['LO', [description]],
    '00100020': ['LO', [patientId]],
    '00100030': ['DA', [birth]],
  });

describe('this child over DICOMweb (QIDO-RS by PatientID)', () => {
  const fields = '&includefield=00080061&includefield=00081030&includefield=00080080&includefield=00100030&includefield=00100020';
  const routes = (): Record<string, FakeAnswer> => ({
    '/dicom-web/studies?StudyInstanceUID=1.2.3&includefield=00100020&includefield=00100030': { json: [qidoStudy('1.2.3', '20261120', ['CT', 'SR'], 'CT CHEST')] },
    [`/dicom-web/studies?PatientID=PEDS0004${fields}&limit=1000`]: {
      json: [
        qidoStudy('1.2.3', '20261120', ['CT', 'SR'], 'CT CHEST'),
        qidoStudy('1.2.4', '20260101', ['DX'], 'XR CHEST'),
        qidoStudy('1.2.5', '20260101', ['CT'], 'CT HEAD', 'PEDS0004', '19700101'), // another person with the same id
        qidoStudy('1.2.6', '20260101', ['CT'], 'CT HEAD', 'PEDS00045'), // a server that matched loosely
      ],
    },
    '/dicom-web/studies/1.2.3/series': { json: [dj({ '00080060': ['CS', ['CT']], '0020000E': ['UI', ['1.2.3.1']], '00201209': ['IS', [3]] })] },
    '/dicom-web/studies/1.2.3/series/1.2.3.1/instances?limit=1': { json: [dj({ '00080018': ['UI', ['1.2.3.1.1']] })] },
    '/dicom-web/studies/1.2.3/series/1.2.3.1/instances/1.2.3.1.1/metadata': { json: [dj({ '00189345': ['FD', [4.4]] })] },
  });
  const run = (r: Record<string, FakeAnswer>) => {
    const pacs = fakePacs(ORIGIN, r);
    const client = createPacsClient({ pageUrl: `${ORIGIN}/viewer?StudyInstanceUIDs=1.2.3`, fetch: pacs.fetch, cache: new StudyCache(), timeoutMs: 500 });
    return { pacs, history: createHistory(new DicomWebHistorySource(client, ROOT, '1.2.3'), { today: () => '2026-12-07' }) };
  };

  it("keeps this patient's studies only and reads the CT's header", async () => {
    const { pacs, history } = run(routes());
    const s = await settle(history);
    if (s.status !== 'ready') throw new Error(JSON.stringify(s));
    expect(s.list.all.map((x) => x.key)).toEqual(['1.2.3', '1.2.4']);
    expect(s.counts).toEqual([
      { modality: 'CT', last12Months: 1, all: 1 },
      { modality: 'DX', last12Months: 1, all: 1 },
    ]);
    expect(s.doses.get('1.2.3')).toMatchObject({ state: 'read', dose: { ctdi: { mGy: 4.4, from: 'image-header' } } });
    expect(pacs.requests.every((r) => r.url.startsWith(`${ORIGIN}/dicom-web/`) && r.init.method === 'GET')).toBe(true);
  });

  it('asks for the series of a study whose ModalitiesInStudy the server left out', async () => {
    const r = routes();
    r[`/dicom-web/studies?PatientID=PEDS0004${fields}&limit=1000`] = { json: [dj({ '0020000D': ['UI', ['1.2.3']], '00100020': ['LO', ['PEDS0004']], '00080020': ['DA', ['20261120']] })] };
    const { history } = run(r);
    const s = await settle(history);
    if (s.status !== 'ready') throw new Error(JSON.stringify(s));
    expect(s.list.all[0]!.modalities).toEqual(['CT']);
  });

  it.each([
    ['a wildcard in the PatientID', 'PEDS*'],
    ['no PatientID', ''],
  ])('%s: no query by it, a short note', async (_, pid) => {
    const r = routes();
    r['/dicom-web/studies?StudyInstanceUID=1.2.3&includefield=00100020&includefield=00100030'] = { json: [qidoStudy('1.2.3', '20261120', ['CT'], 'CT', pid)] };
    const { pacs, history } = run(r);
    expect(await settle(history)).toEqual({ status: 'failed', note: { code: 'api-malformed' } });
    expect(pacs.requests.some((q) => q.url.includes('PatientID='))).toBe(false);
  });
});

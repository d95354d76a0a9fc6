import { describe, expect, it } from 'vitest';
import { TAG, tagText } from '../../../content/pacs/dicom-data';
import { DicomWeb, FRAME_ACCEPT } from '../../../content/pacs/dicomweb';
import { createPacsClient, PacsRequestError, StudyCache } from '../../../content/pacs/pacs-client';
import { fakePacs, fixtureIndex, fixtureText, multipartFrame, type FakeAnswer } from '../../helpers/fake-pacs';

const ORIGIN = 'http://127.0.0.1:3000';
const { studyUid, axialSeriesUid } = fixtureIndex().child;

function dicomweb(routes: Record<string, FakeAnswer>) {
  const pacs = fakePacs(ORIGIN, routes);
  return { pacs, web: new DicomWeb(createPacsClient({ pageUrl: `${ORIGIN}/viewer`, fetch: pacs.fetch, cache: new StudyCache() }), `${ORIGIN}/dicom-web`) };
}

describe('DICOMweb reader', () => {
  it('reads QIDO series and WADO metadata as Orthanc serves them', async () => {
    const { pacs, web } = dicomweb({
      [`/dicom-web/studies/${studyUid}/series`]: { text: fixtureText('dicomweb-child-study-series'), contentType: 'application/dicom+json' },
      [`/dicom-web/studies/${studyUid}/series/${axialSeriesUid}/metadata`]: { text: fixtureText('dicomweb-child-axial-metadata') },
    });
    const series = await web.studySeries(studyUid);
    expect(series.map((s) => tagText(s, TAG.Modality)).sort()).toEqual(['CT', 'CT', 'OT', 'SR']);
    const meta = await web.seriesMetadata(studyUid, axialSeriesUid);
    expect(meta).toHaveLength(5);
    expect(pacs.requests[0]!.init.headers.Accept).toBe('application/dicom+json');
  });

  it('asks for frame 1 uncompressed and returns the part bytes with their transfer syntax', async () => {
    const frame = new Uint8Array([1, 0, 2, 0, 3, 0]);
    const body = multipartFrame(frame);
    const { pacs, web } = dicomweb({
      [`/dicom-web/studies/${studyUid}/series/${axialSeriesUid}/instances/1.2.3/frames/1`]: { bytes: body.bytes, contentType: body.contentType },
    });
    const got = await web.frame(studyUid, axialSeriesUid, '1.2.3');
    expect(Array.from(got.body)).toEqual(Array.from(frame));
    expect(got.transferSyntax).toBe('1.2.840.10008.1.2.1');
    expect(pacs.requests[0]!.init.headers.Accept).toBe(FRAME_ACCEPT);
    expect(FRAME_ACCEPT).toBe('multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2.1');
  });

  it('reports the syntax of a compressed part instead of pretending it is raw', async () => {
    const b = new TextEncoder().encode('--x\r\nContent-Type: image/jls; transfer-syntax=1.2.840.10008.1.2.4.80\r\n\r\nJLS\r\n--x--');
    const { web } = dicomweb({ [`/dicom-web/studies/1.2/series/3.4/instances/5.6/frames/1`]: { bytes: b, contentType: 'multipart/related; type="image/jls"; boundary=x' } });
    expect(await web.frame('1.2', '3.4', '5.6')).toMatchObject({ transferSyntax: '1.2.840.10008.1.2.4.80' });
  });

  it('turns 406 (cannot transcode), broken multipart and bad UIDs into typed failures', async () => {
    const { pacs, web } = dicomweb({
      '/dicom-web/studies/1.2/series/3.4/instances/5.6/frames/1': { status: 406, text: '' },
      '/dicom-web/studies/1.2/series/3.4/instances/5.7/frames/1': { bytes: new Uint8Array([1, 2]), contentType: 'multipart/related; boundary=zz' },
    });
    await expect(web.frame('1.2', '3.4', '5.6')).rejects.toMatchObject({ kind: 'not-acceptable', status: 406 });
    await expect(web.frame('1.2', '3.4', '5.7')).rejects.toMatchObject({ kind: 'malformed' });
    await expect(web.seriesMetadata('1.2', '../../x')).rejects.toBeInstanceOf(PacsRequestError);
    expect(pacs.requests).toHaveLength(2);
  });
});

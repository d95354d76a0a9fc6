import { describe, expect, it } from 'vitest';
import { configuredDicomWebRoot, dicomWebRootFromResources, splitDicomWebUrl } from '../../../content/pacs/dicomweb-root';

const PAGE = 'http://127.0.0.1:3000/viewer?StudyInstanceUIDs=2.25.1';
const xhr = (name: string) => ({ name, initiatorType: 'xmlhttprequest' });

describe('DICOMweb root from the viewer’s own requests', () => {
  it('finds the root of the requests OHIF made (QIDO, metadata, frames)', () => {
    const entries = [
      { name: 'http://127.0.0.1:3000/app.bundle.js', initiatorType: 'script' },
      xhr('http://127.0.0.1:3000/dicom-web/studies?limit=101&offset=0&includefield=00081030,00080060'),
      xhr('http://127.0.0.1:3000/dicom-web/studies/2.25.1/series?includefield=00080021'),
      xhr('http://127.0.0.1:3000/dicom-web/studies/2.25.1/series/2.25.2/metadata'),
      { name: 'http://127.0.0.1:3000/dicom-web/studies/2.25.1/series/2.25.2/instances/2.25.3/frames/1', initiatorType: 'fetch' },
    ];
    expect(dicomWebRootFromResources(entries, PAGE, '2.25.1')).toBe('http://127.0.0.1:3000/dicom-web');
  });

  it('keeps path prefixes (dcm4chee, Orthanc behind a proxy)', () => {
    const entries = [xhr('https://pacs.example.org/dcm4chee-arc/aets/DCM4CHEE/rs/studies/1.2.3/series')];
    expect(dicomWebRootFromResources(entries, 'https://pacs.example.org/dcm4chee-arc/ui2/', '1.2.3')).toBe(
      'https://pacs.example.org/dcm4chee-arc/aets/DCM4CHEE/rs',
    );
  });

  it('ignores other origins, page routes and non-XHR resources', () => {
    const entries = [
      xhr('https://other.example.org/dicom-web/studies/2.25.1/series'),
      xhr('http://127.0.0.1:3000/studies'), // a route, not a query
      xhr('http://127.0.0.1:3000/app/studies/list/series'), // not a UID
      { name: 'http://127.0.0.1:3000/img/studies?x=1', initiatorType: 'img' },
    ];
    expect(dicomWebRootFromResources(entries, PAGE, '2.25.1')).toBeNull();
    expect(dicomWebRootFromResources([], PAGE)).toBeNull();
  });

  it('prefers the root that served this study when the page used two', () => {
    const entries = [
      xhr('http://127.0.0.1:3000/a/studies?limit=1'),
      xhr('http://127.0.0.1:3000/a/studies?limit=2'),
      xhr('http://127.0.0.1:3000/b/studies/2.25.1/series'),
    ];
    expect(dicomWebRootFromResources(entries, PAGE, '2.25.1')).toBe('http://127.0.0.1:3000/b');
    expect(dicomWebRootFromResources(entries, PAGE, null)).toBe('http://127.0.0.1:3000/a');
  });

  it('splits URLs and refuses what is not DICOMweb', () => {
    expect(splitDicomWebUrl('http://h/x/studies/1.2/series/3.4/metadata')).toEqual({ origin: 'http://h', root: 'http://h/x', studyUid: '1.2' });
    expect(splitDicomWebUrl('http://h/studies?PatientID=1')).toEqual({ origin: 'http://h', root: 'http://h', studyUid: null });
    expect(splitDicomWebUrl('not a url')).toBeNull();
  });
});

describe('per-site DICOMweb root setting', () => {
  it('accepts a path or a URL on the page’s origin, nothing else', () => {
    expect(configuredDicomWebRoot('/dicom-web/', PAGE)).toBe('http://127.0.0.1:3000/dicom-web');
    expect(configuredDicomWebRoot('http://127.0.0.1:3000/rs', PAGE)).toBe('http://127.0.0.1:3000/rs');
    expect(configuredDicomWebRoot('https://evil.example/rs', PAGE)).toBeNull();
    expect(configuredDicomWebRoot('/rs?x=1', PAGE)).toBeNull();
    expect(configuredDicomWebRoot('  ', PAGE)).toBeNull();
    expect(configuredDicomWebRoot(undefined, PAGE)).toBeNull();
  });
});

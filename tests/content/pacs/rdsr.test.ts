import { describe, expect, it } from 'vitest';
import { DicomJsonArraySchema, OrthancShortTagsSchema, viewDicomJson, viewOrthancTags } from '../../../content/pacs/dicom-data';
import { eventForSeries, readCtDoseReport, type RdsrIrradiationEvent, type RdsrReading } from '../../../content/pacs/rdsr';
import { fixture } from '../../helpers/fake-pacs';

const orthancSr = (name: string) => viewOrthancTags(OrthancShortTagsSchema.parse(fixture(`orthanc-${name}-sr-tags`)));
const dicomwebSr = (name: string) => viewDicomJson(DicomJsonArraySchema.parse(fixture(`dicomweb-${name}-sr-metadata`))[0]!);
const childEventUid = () => {
  const tags = fixture('orthanc-child-tags-1') as Record<string, string>;
  return tags['0008,3010']!;
};

describe('CT Radiation Dose SR (TID 10011)', () => {
  it.each([
    ['Orthanc short tags', orthancSr('child')],
    ['DICOMweb metadata', dicomwebSr('child')],
  ])('reads the localizer and the spiral event from %s', (_, view) => {
    const reading = readCtDoseReport(view);
    expect(reading).not.toBeNull();
    const [localizer, spiral] = reading!.events;
    expect(localizer).toMatchObject({ localizer: true, ctdiVolMGy: null });
    expect(spiral).toMatchObject({ localizer: false, ctdiVolMGy: 5, protocol: 'PEDS ABD/PEL', eventUid: childEventUid(), scannerSsde: null });
    expect(spiral!.phantom).toMatchObject({ kind: 'known', cm: 32 });
  });

  it("reads the scanner's own SSDE, its method (CID 10023) and Dw in cm", () => {
    const event = readCtDoseReport(dicomwebSr('scanner'))!.events[1]!;
    expect(event.scannerSsde).toEqual({
      mGy: 11.2,
      method: { value: '113988', scheme: 'DCM', meaning: 'Estimated from Water Equivalent Diameter' },
      dwCm: 14,
    });
    expect(readCtDoseReport(orthancSr('scanner'))!.events[1]!.scannerSsde).toEqual(event.scannerSsde);
  });

  it('is null for datasets that are not CT dose reports', () => {
    expect(readCtDoseReport(viewOrthancTags(OrthancShortTagsSchema.parse(fixture('orthanc-child-tags-1'))))).toBeNull();
    expect(readCtDoseReport(viewDicomJson({ '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.88.22'] } }))).toBeNull();
    // A dose report root with no CT Acquisition (e.g. projection X-ray) gives nothing to use.
    expect(
      readCtDoseReport(
        viewDicomJson({
          '0040A043': { vr: 'SQ', Value: [{ '00080100': { vr: 'SH', Value: ['113701'] }, '00080102': { vr: 'SH', Value: ['DCM'] } }] },
        }),
      ),
    ).toBeNull();
  });

  it('ignores a CTDIvol in an unknown unit rather than guessing it', () => {
    const sr = JSON.parse(JSON.stringify(fixture('dicomweb-child-sr-metadata')).replaceAll('"mGy"', '"mrad"'));
    const event = readCtDoseReport(viewDicomJson(DicomJsonArraySchema.parse(sr)[0]!))!.events[1]!;
    expect(event.ctdiVolMGy).toBeNull();
  });
});

const ev = (over: Partial<RdsrIrradiationEvent>): RdsrIrradiationEvent => ({
  eventUid: null,
  localizer: false,
  ctdiVolMGy: 5,
  phantom: { kind: 'known', cm: 32, code: { value: '113691', scheme: 'DCM', meaning: '' } },
  targetRegion: null,
  protocol: null,
  scannerSsde: null,
  ...over,
});

describe('which irradiation event belongs to the series', () => {
  it('matches by Irradiation Event UID first', () => {
    const reading: RdsrReading = { events: [ev({ eventUid: '1.1', ctdiVolMGy: 3 }), ev({ eventUid: '1.2', ctdiVolMGy: 7 })] };
    expect(eventForSeries(reading, ['1.2'])).toMatchObject({ kind: 'matched', by: 'event-uid', event: { ctdiVolMGy: 7 } });
  });
  it('takes the only event with a dose when the images carry no UID', () => {
    const reading: RdsrReading = { events: [ev({ localizer: true, ctdiVolMGy: 0.1 }), ev({ ctdiVolMGy: 4 })] };
    expect(eventForSeries(reading, [])).toMatchObject({ kind: 'matched', by: 'single-event', event: { ctdiVolMGy: 4 } });
  });
  it('accepts several events when they agree, and says ambiguous when they do not', () => {
    expect(eventForSeries({ events: [ev({}), ev({})] }, [])).toMatchObject({ kind: 'matched', by: 'same-values' });
    expect(eventForSeries({ events: [ev({ ctdiVolMGy: 4 }), ev({ ctdiVolMGy: 6 })] }, [])).toEqual({ kind: 'ambiguous' });
    expect(eventForSeries({ events: [ev({}), ev({ phantom: { kind: 'unknown' } })] }, [])).toEqual({ kind: 'ambiguous' });
  });
  it('says none when no event has a CTDIvol', () => {
    expect(eventForSeries({ events: [ev({ ctdiVolMGy: null })] }, [])).toEqual({ kind: 'none' });
  });
});

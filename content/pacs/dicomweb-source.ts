import { isDecodableTransferSyntax } from '@/clinical/ct-frame';
import { numberOf, numbersOf, tagText, TAG, type DicomView } from './dicom-data';
import { DicomWeb } from './dicomweb';
import { PacsRequestError, type PacsClient } from './pacs-client';
import { PixelsUnavailable, type SeriesSummary, type SliceRef, type StudySource } from './study-source';

/** Available Transfer Syntax UID (0008,3002): what a DICOMweb server says it stores an instance in. */
const AVAILABLE_TRANSFER_SYNTAX = '00083002';

/**
 * A study behind a DICOMweb viewer (OHIF, Stone, OE2 over Orthanc's DICOMweb …): QIDO-RS series of the study,
 * WADO-RS metadata of one series (geometry and attributes of every instance in one GET), frame 1 of one
 * instance asked for uncompressed.
 */
export class DicomWebStudySource implements StudySource {
  readonly system = 'dicomweb';
  readonly label = 'DICOMweb';
  private readonly web: DicomWeb;
  private readonly instances = new Map<string, DicomView>();

  constructor(
    client: PacsClient,
    root: string,
    private readonly studyUid: string,
    readonly pageSeriesKey: string | null = null,
  ) {
    this.web = new DicomWeb(client, root);
  }

  async seriesList(): Promise<SeriesSummary[]> {
    const list = await this.web.studySeries(this.studyUid);
    const out: SeriesSummary[] = [];
    for (const s of list) {
      const key = tagText(s, TAG.SeriesInstanceUID);
      if (!key) continue;
      out.push({
        key,
        modality: tagText(s, TAG.Modality),
        description: tagText(s, TAG.SeriesDescription),
        number: numberOf(s, TAG.SeriesNumber),
        instances: numberOf(s, '00201209') ?? 0, // Number of Series Related Instances
      });
    }
    return out;
  }

  async slices(series: SeriesSummary): Promise<SliceRef[]> {
    const metadata = await this.web.seriesMetadata(this.studyUid, series.key);
    const out: SliceRef[] = [];
    for (const instance of metadata) {
      const sop = tagText(instance, TAG.SOPInstanceUID);
      if (!sop) continue;
      this.instances.set(sop, instance);
      out.push({
        id: sop,
        position: numbersOf(instance, TAG.ImagePositionPatient),
        orientation: numbersOf(instance, TAG.ImageOrientationPatient),
        instanceNumber: numberOf(instance, TAG.InstanceNumber),
      });
    }
    return out;
  }

  async tags(series: SeriesSummary, slice: SliceRef): Promise<DicomView> {
    const known = this.instances.get(slice.id);
    if (known) return known;
    await this.slices(series);
    const view = this.instances.get(slice.id);
    if (!view) throw new PacsRequestError('not-found');
    return view;
  }

  async frame(series: SeriesSummary, slice: SliceRef): Promise<Uint8Array> {
    const stored = this.instances.get(slice.id);
    const storedSyntax = stored ? tagText(stored, AVAILABLE_TRANSFER_SYNTAX) ?? tagText(stored, TAG.TransferSyntaxUID) : null;
    try {
      const frame = await this.web.frame(this.studyUid, series.key, slice.id);
      if (frame.transferSyntax !== null && !isDecodableTransferSyntax(frame.transferSyntax)) {
        throw new PixelsUnavailable(frame.transferSyntax);
      }
      return frame.body;
    } catch (e) {
      // 406: the server keeps the pixels compressed and will not transcode them for us.
      if (e instanceof PacsRequestError && e.kind === 'not-acceptable') throw new PixelsUnavailable(storedSyntax);
      throw e;
    }
  }

  reports(series: SeriesSummary): Promise<DicomView[]> {
    return this.web.seriesMetadata(this.studyUid, series.key);
  }
}

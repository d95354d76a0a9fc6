import { isDecodableTransferSyntax } from '@/clinical/ct-frame';
import { parseDicomNumber, type DicomView } from './dicom-data';
import { mainTag, mainTagNumbers, OrthancRest, type OrthancPageRef, type OrthancSeries } from './orthanc-rest';
import type { PacsClient } from './pacs-client';
import { PixelsUnavailable, type SeriesSummary, type SliceRef, type StudySource } from './study-source';

/**
 * A study behind an Orthanc Explorer page (series, study or instance route), read through Orthanc's REST API:
 * `/series/{id}` (the page's series → its study), `/studies/{id}/series` (all series of the study, expanded),
 * `/series/{id}/instances` (geometry of every slice), `/instances/{id}/tags?short` (one instance's attributes),
 * `/instances/{id}/metadata?expand` (its transfer syntax, checked before any pixels), `/instances/{id}/frames/0/raw`.
 */
export class OrthancStudySource implements StudySource {
  readonly system = 'orthanc';
  readonly label = 'Orthanc REST API';
  private readonly rest: OrthancRest;
  private readonly byKey = new Map<string, OrthancSeries>();
  pageSeriesKey: string | null;

  constructor(
    client: PacsClient,
    private readonly ref: OrthancPageRef,
  ) {
    this.rest = new OrthancRest(client, ref.root);
    this.pageSeriesKey = ref.level === 'series' ? ref.id : null;
  }

  private async studyId(): Promise<string> {
    if (this.ref.level === 'study') return this.ref.id;
    if (this.ref.level === 'instance') {
      const instance = await this.rest.instance(this.ref.id);
      const series = await this.rest.series(instance.ParentSeries);
      this.pageSeriesKey = series.ID;
      return series.ParentStudy;
    }
    return (await this.rest.series(this.ref.id)).ParentStudy;
  }

  async seriesList(): Promise<SeriesSummary[]> {
    const all = await this.rest.studySeries(await this.studyId());
    return all.map((s) => {
      this.byKey.set(s.ID, s);
      return {
        key: s.ID,
        modality: mainTag(s.MainDicomTags, 'Modality'),
        description: mainTag(s.MainDicomTags, 'SeriesDescription'),
        number: parseDicomNumber(mainTag(s.MainDicomTags, 'SeriesNumber') ?? undefined),
        instances: s.Instances.length,
      };
    });
  }

  async slices(series: SeriesSummary): Promise<SliceRef[]> {
    const instances = await this.rest.seriesInstances(series.key);
    return instances.map((i) => ({
      id: i.ID,
      position: mainTagNumbers(i.MainDicomTags, 'ImagePositionPatient'),
      orientation: mainTagNumbers(i.MainDicomTags, 'ImageOrientationPatient'),
      instanceNumber: parseDicomNumber(mainTag(i.MainDicomTags, 'InstanceNumber') ?? undefined),
    }));
  }

  tags(_series: SeriesSummary, slice: SliceRef): Promise<DicomView> {
    // The transfer syntax is asked for alongside (frame() needs it first; cached by the client).
    void this.rest.transferSyntax(slice.id).catch(() => undefined);
    return this.rest.instanceTags(slice.id);
  }

  async frame(_series: SeriesSummary, slice: SliceRef): Promise<Uint8Array> {
    // Orthanc's raw frame is the stored bytes: only usable when they are not compressed. Ask first.
    const syntax = await this.rest.transferSyntax(slice.id);
    if (syntax === null || !isDecodableTransferSyntax(syntax)) throw new PixelsUnavailable(syntax);
    return this.rest.rawFrame(slice.id);
  }

  async reports(series: SeriesSummary): Promise<DicomView[]> {
    const ids = this.byKey.get(series.key)?.Instances.slice(0, 3) ?? [];
    return Promise.all(ids.map((id) => this.rest.instanceTags(id)));
  }
}

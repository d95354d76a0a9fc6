import type { DicomView } from './dicom-data';
import type { SliceGeometry } from './slice';

/**
 * One study as a PACS API serves it: the same questions asked of Orthanc's REST API and of DICOMweb,
 * so the measuring code (`measure.ts`) is written once. Every method is at most one GET per resource
 * (the client caches), and throws `PacsRequestError` / `PixelsUnavailable` for what it cannot read.
 */

export interface SeriesSummary {
  /** Orthanc series id or SeriesInstanceUID. */
  key: string;
  modality: string | null;
  description: string | null;
  number: number | null;
  instances: number;
}

export interface SliceRef extends SliceGeometry {
  instanceNumber: number | null;
}

export interface StudySource {
  readonly system: 'orthanc' | 'dicomweb';
  /** "Orthanc REST API" / "DICOMweb": the source label the panel shows, and the `where` of facts. */
  readonly label: string;
  /** The series the page shows, when it says which (Orthanc Explorer's series page). */
  readonly pageSeriesKey: string | null;
  seriesList(): Promise<SeriesSummary[]>;
  slices(series: SeriesSummary): Promise<SliceRef[]>;
  /** All attributes of one instance. */
  tags(series: SeriesSummary, slice: SliceRef): Promise<DicomView>;
  /** Frame 1 as stored values, uncompressed little endian; throws PixelsUnavailable otherwise. */
  frame(series: SeriesSummary, slice: SliceRef): Promise<Uint8Array>;
  /** The datasets of a series of structured reports (for the dose report). */
  reports(series: SeriesSummary): Promise<DicomView[]>;
}

/** The pixels cannot be had uncompressed: `syntax` is the stored transfer syntax when the server says. */
export class PixelsUnavailable extends Error {
  override name = 'PixelsUnavailable';
  constructor(readonly syntax: string | null) {
    super(syntax ?? 'compressed');
  }
}

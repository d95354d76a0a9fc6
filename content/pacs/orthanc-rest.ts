import * as z from 'zod/mini';
import { numberList, OrthancShortTagsSchema, viewOrthancTags, type DicomView } from './dicom-data';
import type { PacsClient } from './pacs-client';
import { lazySchema } from '@/utils/lazy-schema';

/**
 * Orthanc's REST API as Orthanc Explorer uses it (same origin as the explorer page). Shapes checked
 * against Orthanc 1.10.1: `/series/{id}`, `/studies/{id}/series`, `/series/{id}/instances`,
 * `/instances/{id}/tags?short`, `/instances/{id}/metadata?expand`, `/instances/{id}/frames/0/raw`.
 */

/** Orthanc resource ids: SHA-1 based, five dash-separated groups of 8 hex digits. */
const ORTHANC_ID = /^[0-9a-f]{8}(-[0-9a-f]{8}){4}$/;
export const isOrthancId = (id: string) => ORTHANC_ID.test(id);
const OrthancId = lazySchema(() => z.string().check(z.regex(ORTHANC_ID)));
/** MainDicomTags: values are strings in practice; anything else is ignored when read. */
const MainTags = lazySchema(() => z.record(z.string(), z.unknown()));

export const OrthancSeriesSchema = lazySchema(() => z.looseObject({
  ID: OrthancId,
  Instances: z.array(OrthancId),
  MainDicomTags: MainTags,
  ParentStudy: OrthancId,
}));
export type OrthancSeries = z.infer<typeof OrthancSeriesSchema>;

export const OrthancStudySchema = lazySchema(() => z.looseObject({
  ID: OrthancId,
  MainDicomTags: MainTags,
  PatientMainDicomTags: z.optional(MainTags),
  Series: z.array(OrthancId),
  ParentPatient: OrthancId,
}));

export const OrthancPatientSchema = lazySchema(() => z.looseObject({
  ID: OrthancId,
  MainDicomTags: MainTags,
  Studies: z.array(OrthancId),
}));

export const OrthancInstanceSummarySchema = lazySchema(() => z.looseObject({
  ID: OrthancId,
  MainDicomTags: MainTags,
}));
export type OrthancInstanceSummary = z.infer<typeof OrthancInstanceSummarySchema>;

export const OrthancInstanceSchema = lazySchema(() => z.looseObject({ ID: OrthancId, ParentSeries: OrthancId }));

export const OrthancInstanceMetadataSchema = lazySchema(() => z.looseObject({
  TransferSyntax: z.optional(z.string()),
  SopClassUid: z.optional(z.string()),
}));

/** A main DICOM tag by keyword, as text; null when absent, empty or not text. */
export function mainTag(tags: Record<string, unknown>, keyword: string): string | null {
  const v = tags[keyword];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** A multi-valued numeric main tag (`"-16\\-16\\0"`). */
export function mainTagNumbers(tags: Record<string, unknown>, keyword: string): number[] | null {
  const v = mainTag(tags, keyword);
  if (v === null) return null;
  return numberList(v.split('\\'));
}

/** Where Orthanc Explorer's page says we are: `…/app/explorer.html#series?uuid=<id>`. */
export interface OrthancPageRef {
  /** REST root on the page's origin, ending in `/` (Orthanc may sit behind a path prefix). */
  root: string;
  level: 'patient' | 'study' | 'series' | 'instance';
  id: string;
}

export function orthancRefFromUrl(pageUrl: string): OrthancPageRef | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  const m = /^(.*\/)app\/explorer\.html$/.exec(url.pathname);
  const route = /^#(patient|study|series|instance)\?uuid=([^&]+)$/.exec(url.hash);
  if (!m || !route) return null;
  const id = decodeURIComponent(route[2]!);
  if (!isOrthancId(id)) return null;
  return { root: m[1]!, level: route[1] as OrthancPageRef['level'], id };
}

export class OrthancRest {
  constructor(
    private readonly client: PacsClient,
    private readonly root: string,
  ) {}

  series(id: string): Promise<OrthancSeries> {
    return this.client.json(`${this.root}series/${id}`, OrthancSeriesSchema);
  }

  studySeries(studyId: string): Promise<OrthancSeries[]> {
    return this.client.json(`${this.root}studies/${studyId}/series`, z.array(OrthancSeriesSchema));
  }

  seriesInstances(seriesId: string): Promise<OrthancInstanceSummary[]> {
    return this.client.json(`${this.root}series/${seriesId}/instances`, z.array(OrthancInstanceSummarySchema));
  }

  /** `/instances/{id}`: which series an instance belongs to. */
  instance(instanceId: string): Promise<z.infer<typeof OrthancInstanceSchema>> {
    return this.client.json(`${this.root}instances/${instanceId}`, OrthancInstanceSchema);
  }

  async instanceTags(instanceId: string): Promise<DicomView> {
    return viewOrthancTags(await this.client.json(`${this.root}instances/${instanceId}/tags?short`, OrthancShortTagsSchema));
  }

  async transferSyntax(instanceId: string): Promise<string | null> {
    const meta = await this.client.json(`${this.root}instances/${instanceId}/metadata?expand`, OrthancInstanceMetadataSchema);
    return meta.TransferSyntax?.trim() || null;
  }

  /** The stored bytes of frame 0, as Orthanc keeps them (only meaningful for an uncompressed transfer syntax). */
  rawFrame(instanceId: string): Promise<Uint8Array> {
    return this.client.bytes(`${this.root}instances/${instanceId}/frames/0/raw`, 'application/octet-stream').then((b) => b.body);
  }
}

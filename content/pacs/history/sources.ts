import * as z from 'zod/mini';
import { DicomJsonArraySchema, firstCode, numberOf, tagText, TAG, viewDicomJson, type DicomView } from '../dicom-data';
import { DicomWeb } from '../dicomweb';
import { mainTag, OrthancRest, OrthancSeriesSchema, OrthancStudySchema, type OrthancPageRef, type OrthancSeries } from '../orthanc-rest';
import { PacsRequestError, type PacsClient } from '../pacs-client';
import { phantomFromCode } from '../phantom';
import { readCtDoseReport, type RdsrReading } from '../rdsr';
import type { HistoryStudy, ListedStudy } from './model';
import type { HeaderDose } from './study-dose';

/**
 * The child's other studies from the site's own API, same-origin GETs only (through `PacsClient`: timeouts,
 * size caps, one request per resource):
 * - Orthanc REST: the page's study → its patient (`/studies/{id}`), then `/patients/{id}/studies` and
 *   `/patients/{id}/series` (both expanded: two GETs for the whole list, modalities and body parts included);
 *   a CT's dose from its SR series' instances (`/instances/{id}/tags?short`), else one CT image's tags.
 * - DICOMweb: QIDO-RS `studies?StudyInstanceUID=` for the PatientID, then `studies?PatientID=` with
 *   `includefield` for ModalitiesInStudy, StudyDescription, InstitutionName (a server that ignores includefield
 *   gets one series query per study for the modalities); a CT's dose from its SR series' WADO-RS metadata, else one
 *   CT instance's metadata. Answers for another PatientID (or another birth date) are dropped.
 */

export interface PatientStudies {
  /** The key (Orthanc id / StudyInstanceUID) of the study the page shows. */
  currentKey: string;
  /** PatientBirthDate (DICOM DA), for the age at each exam. */
  birthDate: string | null;
  studies: ListedStudy[];
}

export interface DoseSources {
  reports: RdsrReading[];
  header: HeaderDose | null;
}

export interface HistorySource {
  readonly label: string;
  patientStudies(): Promise<PatientStudies>;
  /** What a CT study's dose report (or, without one, one of its images) says. */
  doseSources(study: HistoryStudy): Promise<DoseSources>;
}

/** Studies asked for at most from a QIDO-RS query (the counts cover this many). */
export const MAX_QUERIED = 1000;
/** Dose report instances read at most per SR series, SR series per study. */
const MAX_REPORTS = 3;

const NOT_FOR_DOSE = /\b(dose|report|screen|scout|topo\w*|localizer|surview|scanogram)\b/i;

export function headerDose(tags: DicomView): HeaderDose {
  const dwMm = numberOf(tags, TAG.WaterEquivalentDiameter);
  return {
    ctdiVolMGy: numberOf(tags, TAG.CTDIvol),
    phantom: phantomFromCode(firstCode(tags, TAG.CTDIPhantomTypeCodeSequence)),
    dwCm: dwMm !== null && dwMm > 0 ? dwMm / 10 : null,
  };
}

const reportsOf = (views: readonly DicomView[]) => views.map(readCtDoseReport).filter((r): r is RdsrReading => r !== null);

export class OrthancHistorySource implements HistorySource {
  readonly label = 'Orthanc REST API';
  private readonly rest: OrthancRest;
  private readonly seriesByStudy = new Map<string, OrthancSeries[]>();

  constructor(
    private readonly client: PacsClient,
    private readonly ref: OrthancPageRef,
  ) {
    this.rest = new OrthancRest(client, ref.root);
  }

  private async studyId(): Promise<string> {
    if (this.ref.level === 'study') return this.ref.id;
    const seriesId = this.ref.level === 'instance' ? (await this.rest.instance(this.ref.id)).ParentSeries : this.ref.id;
    return (await this.rest.series(seriesId)).ParentStudy;
  }

  async patientStudies(): Promise<PatientStudies> {
    const currentKey = await this.studyId();
    const study = await this.client.json(`${this.ref.root}studies/${currentKey}`, OrthancStudySchema);
    const patient = study.ParentPatient;
    const [studies, series] = await Promise.all([
      this.client.json(`${this.ref.root}patients/${patient}/studies`, z.array(OrthancStudySchema)),
      this.client.json(`${this.ref.root}patients/${patient}/series`, z.array(OrthancSeriesSchema)),
    ]);
    for (const s of series) {
      const list = this.seriesByStudy.get(s.ParentStudy) ?? [];
      list.push(s);
      this.seriesByStudy.set(s.ParentStudy, list);
    }
    const tag = (s: OrthancSeries, k: string) => mainTag(s.MainDicomTags, k);
    return {
      currentKey,
      birthDate: mainTag(study.PatientMainDicomTags ?? {}, 'PatientBirthDate'),
      studies: studies.map((st) => {
        const own = this.seriesByStudy.get(st.ID) ?? [];
        return {
          key: st.ID,
          studyDate: mainTag(st.MainDicomTags, 'StudyDate'),
          modalities: own.map((s) => tag(s, 'Modality')).filter((m): m is string => m !== null),
          description: mainTag(st.MainDicomTags, 'StudyDescription'),
          facility: mainTag(st.MainDicomTags, 'InstitutionName'),
          bodyParts: own.map((s) => tag(s, 'BodyPartExamined')).filter((m): m is string => m !== null),
        };
      }),
    };
  }

  async doseSources(study: HistoryStudy): Promise<DoseSources> {
    const series = this.seriesByStudy.get(study.key) ?? [];
    const modality = (s: OrthancSeries) => mainTag(s.MainDicomTags, 'Modality');
    const reports: RdsrReading[] = [];
    for (const sr of series.filter((s) => modality(s) === 'SR').slice(0, MAX_REPORTS)) {
      reports.push(...reportsOf(await Promise.all(sr.Instances.slice(0, MAX_REPORTS).map((id) => this.rest.instanceTags(id)))));
    }
    if (reports.some((r) => r.events.some((e) => !e.localizer && e.ctdiVolMGy !== null))) return { reports, header: null };
    const ct = series
      .filter((s) => modality(s) === 'CT' && !NOT_FOR_DOSE.test(mainTag(s.MainDicomTags, 'SeriesDescription') ?? ''))
      .sort((a, b) => b.Instances.length - a.Instances.length)[0];
    const instance = ct?.Instances[Math.floor(ct.Instances.length / 2)];
    return { reports, header: instance ? headerDose(await this.rest.instanceTags(instance)) : null };
  }
}

const QIDO = 'application/dicom+json';
const TAGS = {
  PatientID: '00100020',
  ModalitiesInStudy: '00080061',
  InstitutionName: '00080080',
} as const;

const UID = /^[0-9]+(\.[0-9]+)*$/;
/** A UID from an answer, checked before it goes into a path. */
const uid = (v: string | null): string => {
  if (v === null || v.length > 64 || !UID.test(v)) throw new PacsRequestError('malformed');
  return v;
};

/** A PatientID that a QIDO-RS query would match exactly: no wildcard (PS3.18 §8.3.4.6.4 uses * and ?), no list separator. */
export const isExactQueryValue = (v: string) => v !== '' && !/[*?\\]/.test(v);

export class DicomWebHistorySource implements HistorySource {
  readonly label = 'DICOMweb';
  private readonly web: DicomWeb;
  private readonly seriesOf = new Map<string, Promise<DicomView[]>>();

  constructor(
    private readonly client: PacsClient,
    private readonly root: string,
    private readonly studyUid: string,
  ) {
    this.web = new DicomWeb(client, root);
  }

  private query(path: string): Promise<DicomView[]> {
    return this.client.json(`${this.root}${path}`, DicomJsonArraySchema, QIDO).then((list) => list.map(viewDicomJson));
  }

  private studySeries(uid: string): Promise<DicomView[]> {
    let p = this.seriesOf.get(uid);
    if (!p) {
      p = this.web.studySeries(uid);
      this.seriesOf.set(uid, p);
    }
    return p;
  }

  async patientStudies(): Promise<PatientStudies> {
    const own = (await this.query(`/studies?StudyInstanceUID=${encodeURIComponent(this.studyUid)}&includefield=${TAGS.PatientID}&includefield=${TAG.PatientBirthDate}`))[0];
    if (!own) throw new PacsRequestError('not-found');
    const patientId = tagText(own, TAGS.PatientID);
    if (patientId === null || !isExactQueryValue(patientId)) throw new PacsRequestError('malformed');
    const birthDate = tagText(own, TAG.PatientBirthDate);
    const fields = [TAGS.ModalitiesInStudy, TAG.StudyDescription, TAGS.InstitutionName, TAG.PatientBirthDate, TAGS.PatientID]
      .map((f) => `&includefield=${f}`)
      .join('');
    const found = await this.query(`/studies?PatientID=${encodeURIComponent(patientId)}${fields}&limit=${MAX_QUERIED}`);
    const studies: ListedStudy[] = [];
    const lacking: { listed: ListedStudy; uid: string }[] = [];
    for (const s of found) {
      const uid = tagText(s, TAG.StudyInstanceUID);
      if (!uid || tagText(s, TAGS.PatientID) !== patientId) continue;
      const born = tagText(s, TAG.PatientBirthDate);
      if (birthDate && born && born !== birthDate) continue;
      const modalities = s.values(TAGS.ModalitiesInStudy).map((v) => v.trim()).filter((v) => v !== '');
      const listed: ListedStudy = {
        key: uid,
        studyDate: tagText(s, TAG.StudyDate),
        modalities,
        description: tagText(s, TAG.StudyDescription),
        facility: tagText(s, TAGS.InstitutionName),
        bodyParts: [],
      };
      if (modalities.length === 0) lacking.push({ listed, uid });
      studies.push(listed);
    }
    if (!studies.some((s) => s.key === this.studyUid)) throw new PacsRequestError('malformed');
    // A server that does not honour includefield for ModalitiesInStudy: one series query per study (the most
    // recent first, as many as are listed).
    const byDate = lacking.sort((a, b) => (b.listed.studyDate ?? '').localeCompare(a.listed.studyDate ?? '')).slice(0, 200);
    await inBatches(byDate, 4, async ({ listed, uid }) => {
      const series = await this.studySeries(uid).catch(() => []);
      listed.modalities = series.map((v) => tagText(v, TAG.Modality)).filter((m): m is string => m !== null);
    });
    return { currentKey: this.studyUid, birthDate, studies };
  }

  async doseSources(study: HistoryStudy): Promise<DoseSources> {
    const series = await this.studySeries(study.key);
    const reports: RdsrReading[] = [];
    for (const sr of series.filter((s) => tagText(s, TAG.Modality) === 'SR').slice(0, MAX_REPORTS)) {
      const uid = tagText(sr, TAG.SeriesInstanceUID);
      if (uid) reports.push(...reportsOf((await this.web.seriesMetadata(study.key, uid)).slice(0, MAX_REPORTS)));
    }
    if (reports.some((r) => r.events.some((e) => !e.localizer && e.ctdiVolMGy !== null))) return { reports, header: null };
    const ct = series
      .filter((s) => tagText(s, TAG.Modality) === 'CT' && !NOT_FOR_DOSE.test(tagText(s, TAG.SeriesDescription) ?? ''))
      .sort((a, b) => (numberOf(b, '00201209') ?? 0) - (numberOf(a, '00201209') ?? 0))[0];
    if (!ct) return { reports, header: null };
    const at = `/studies/${uid(study.key)}/series/${uid(tagText(ct, TAG.SeriesInstanceUID))}/instances`;
    const first = (await this.query(`${at}?limit=1`))[0];
    if (!first) return { reports, header: null };
    const meta = await this.client.json(`${this.root}${at}/${uid(tagText(first, TAG.SOPInstanceUID))}/metadata`, DicomJsonArraySchema, QIDO);
    return { reports, header: meta[0] ? headerDose(viewDicomJson(meta[0])) : null };
  }
}

/** Runs `task` over `items`, at most `width` at a time; resolves when all are done (failures are the task's to catch). */
export async function inBatches<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

import { DicomJsonArraySchema, viewDicomJson, type DicomView } from './dicom-data';
import { mediaTypeParameter, MultipartError, parseMultipart } from './multipart';
import { PacsRequestError, type PacsClient } from './pacs-client';

/**
 * DICOMweb (PS3.18) reads on the page's own origin: QIDO-RS series of a study, WADO-RS series metadata,
 * and one frame as uncompressed bytes. The root comes from `dicomweb-root.ts`.
 */

export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
/** Ask for the frame uncompressed (PS3.18 §8.7.3.5.2): the server transcodes or answers 406. */
export const FRAME_ACCEPT = `multipart/related; type="application/octet-stream"; transfer-syntax=${EXPLICIT_VR_LITTLE_ENDIAN}`;

const UID = /^[0-9]+(\.[0-9]+)*$/;
const uid = (value: string) => {
  if (!UID.test(value) || value.length > 64) throw new PacsRequestError('malformed');
  return value;
};

export interface FrameBytes {
  body: Uint8Array;
  /** The transfer syntax the server says the part is in (part or response Content-Type), when it says. */
  transferSyntax: string | null;
}

export class DicomWeb {
  constructor(
    private readonly client: PacsClient,
    /** Absolute root on the page's origin, no trailing slash. */
    private readonly root: string,
  ) {}

  async studySeries(studyUid: string): Promise<DicomView[]> {
    const list = await this.client.json(`${this.root}/studies/${uid(studyUid)}/series`, DicomJsonArraySchema, 'application/dicom+json');
    return list.map(viewDicomJson);
  }

  async seriesMetadata(studyUid: string, seriesUid: string): Promise<DicomView[]> {
    const list = await this.client.json(
      `${this.root}/studies/${uid(studyUid)}/series/${uid(seriesUid)}/metadata`,
      DicomJsonArraySchema,
      'application/dicom+json',
    );
    return list.map(viewDicomJson);
  }

  /** Frame 1 of an instance, uncompressed (Explicit VR Little Endian), from its multipart/related response. */
  async frame(studyUid: string, seriesUid: string, sopUid: string): Promise<FrameBytes> {
    const response = await this.client.bytes(
      `${this.root}/studies/${uid(studyUid)}/series/${uid(seriesUid)}/instances/${uid(sopUid)}/frames/1`,
      FRAME_ACCEPT,
    );
    let parts;
    try {
      parts = parseMultipart(response.body, response.contentType);
    } catch (e) {
      if (e instanceof MultipartError) throw new PacsRequestError('malformed');
      throw e;
    }
    const part = parts[0];
    if (!part) throw new PacsRequestError('malformed');
    const partType = part.headers['content-type'] ?? '';
    const typeParam = mediaTypeParameter(response.contentType, 'type') ?? '';
    const transferSyntax =
      mediaTypeParameter(partType, 'transfer-syntax') ??
      mediaTypeParameter(response.contentType, 'transfer-syntax') ??
      mediaTypeParameter(typeParam, 'transfer-syntax');
    if (partType !== '' && !/^application\/octet-stream\b/i.test(partType)) {
      // An image/* part (jpeg, jp2, jls …) is compressed pixel data.
      return { body: part.body, transferSyntax: transferSyntax ?? partType.split(';')[0]!.trim() };
    }
    return { body: part.body, transferSyntax };
  }
}

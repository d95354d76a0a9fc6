import type { Fact } from '@/content/read/types';
import { firstCode, numberOf, tagText, TAG, type DicomView } from './dicom-data';
import { phantomFromCode } from './phantom';
import { pushFact } from '@/content/read/profiles/profile';

/**
 * Facts for `decide()` (content/read/decide/) from one instance's DICOM attributes, as the PACS API served
 * them. The caller puts these before the page's own facts: DICOM tags are the more trusted source, and
 * `decide` keeps the first fact of a kind and flags later ones that disagree.
 * `where` names the API and the attribute, never a UID or a value.
 */
export function studyFacts(tags: DicomView, apiLabel: string, studyModalities: readonly string[] = []): Fact[] {
  const facts: Fact[] = [];
  const push = (kind: Fact['kind'], text: string | null, attribute: string, extra: Partial<Fact> = {}) => {
    if (text !== null) pushFact(facts, kind, text, `${apiLabel} · ${attribute}`, extra);
  };
  push('birthDate', tagText(tags, TAG.PatientBirthDate), 'PatientBirthDate (0010,0030)');
  push('examDate', tagText(tags, TAG.StudyDate), 'StudyDate (0008,0020)');
  push('patientAge', tagText(tags, TAG.PatientAge), 'PatientAge (0010,1010)');
  const modalities = [...new Set([tagText(tags, TAG.Modality), ...studyModalities].filter((m): m is string => !!m && m !== 'SR' && m !== 'OT'))];
  push('modality', modalities.length ? modalities.join('\\') : null, 'Modality (0008,0060)');
  push('procedure', tagText(tags, TAG.StudyDescription), 'StudyDescription (0008,1030)');
  push('procedure', tagText(tags, TAG.ProtocolName), 'ProtocolName (0018,1030)');
  push('bodyPart', tagText(tags, TAG.BodyPartExamined), 'BodyPartExamined (0018,0015)');
  // PatientWeight (0010,1030) is in kg by definition (PS3.3 C.7.1.3).
  push('weight', tagText(tags, TAG.PatientWeight), 'PatientWeight (0010,1030)', { unit: 'kg' });
  const ctdi = numberOf(tags, TAG.CTDIvol);
  if (ctdi !== null) {
    const phantom = phantomFromCode(firstCode(tags, TAG.CTDIPhantomTypeCodeSequence));
    push('ctdiVol', String(ctdi), 'CTDIvol (0018,9345)', phantom.kind === 'known' ? { phantomCm: phantom.cm } : {});
  }
  push('examKey', tagText(tags, TAG.StudyInstanceUID), 'StudyInstanceUID (0020,000D)');
  return facts;
}

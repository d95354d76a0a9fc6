/**
 * Sidebars (`aside`, `role=complementary`): most hold other people (recent patients, my patients, a census) or
 * tools, and are not read; some are the patient's own header — a storyboard or banner column with one person's name
 * or record number and their age, birth date, allergies and weight —, and some are a viewer's study or series browser
 * (the open patient's studies and their thumbnails). `keepsSidebar` tells them apart from the sidebar's segments as
 * walked (walk.ts keeps a sidebar only when it says yes).
 */
import { findAgeMentions } from '../parse/age-mentions';
import { labelKey } from '../profiles/profile';
import { isPersonName, RECORD_NUMBER } from './names';
import { type Field, labelField } from './pairs';
import { OTHERS, type Seg } from './segment';
import { isSeriesLabel } from './viewer';

/** A title (or an inline "Title:") of a list of people: "Recent Patients", "Recently viewed", "Mis pacientes". */
const PEOPLE_TITLE =
  /\b(?:patients|patient list|recent|recents|recently viewed|recently accessed|last viewed|my patients|census|favorites|favourites|watch list|watchlist|worklist|queue|pacientes|recientes|vistos recientemente|ultimos pacientes|mis pacientes|lista de pacientes)\b/;
/** Words a birth date is written with outside a known label ("DOB 03/02/2022", "F. nac. 14/03/2021", "Born …"). */
const BIRTH_WORDS = /\b(?:dob|d\.o\.b|born|birth|nacimiento|f\.? ?nac|fnac|naissance|ddn|n[ée]e? le|nascita|nat[oa] il|nascimento|geboren|geb\.)(?![\p{L}])/iu;
/** A clinician's name ("Smith, John MD", "Ruiz, Ana (Dr.)"): a care team member, not the patient. */
const CLINICIAN = /\b(?:MD|DO|DDS|DMD|RN|NP|PA|PA-C|CNM|Dr|Dra|PhD)\b\.?/;
/** Sidebar segments looked at at most. */
const MAX_SIDEBAR_SEGS = 120;

/** The segments from `from` on (a sidebar's) are the patient's header or a viewer's study browser. */
export function keepsSidebar(segs: readonly Seg[], from: number): boolean {
  return isPatientSidebar(segs, from) || isImageBrowser(segs, from);
}

/**
 * The segments from `from` on are a viewer's study or series browser: series or thumbnail labels ("CT Se 2 · 240
 * img", "Axial 2.5 mm") under no title of a list of people, with no person's name or age (a list of recent
 * patients' studies names them).
 */
function isImageBrowser(segs: readonly Seg[], from: number): boolean {
  let series = false;
  const to = Math.min(segs.length, from + MAX_SIDEBAR_SEGS);
  for (let i = from; i < to; i++) {
    const t = segs[i]!.text;
    if (t.length <= 40 && PEOPLE_TITLE.test(labelKey(t))) return false;
    if (isPersonName(t) || findAgeMentions(t).length > 0) return false;
    if (!series && isSeriesLabel(t)) series = true;
  }
  return series;
}

/**
 * The segments from `from` on (a sidebar's) are one person's header: a name or record number of one person and one
 * age or a birth date, under no title of a list of people, no line naming several ages. Names under another
 * label (a guardian, the primary care provider) or in a section of other people (contacts) are not counted.
 */
function isPatientSidebar(segs: readonly Seg[], from: number): boolean {
  const names = new Set<string>();
  let ids = 0;
  const ages = new Set<number>();
  let born = false;
  const to = Math.min(segs.length, from + MAX_SIDEBAR_SEGS);
  // The label the segment before is, if any.
  let label: Field | null = null;
  for (let i = from; i < to; i++) {
    const s = segs[i]!;
    const t = s.text;
    const before = label;
    label = labelField(t);
    const colon = t.indexOf(':');
    const title = labelKey(colon > 0 ? t.slice(0, colon) : t);
    if ((colon > 0 || t.length <= 40) && title.length <= 40 && PEOPLE_TITLE.test(title)) return false;
    const mentions = findAgeMentions(t);
    if (mentions.length >= 2 && new Set(mentions.map((m) => m.reading.days)).size >= 2) return false;
    // (A label is no value: a card's title "Patient" above its first label "Name" names no one.)
    if (s.flags & OTHERS || label !== null) continue;
    const foreign = before !== null && before.kind !== 'patientName' && before.kind !== 'patientId' && before.kind !== 'age' && before.kind !== 'birthDate';
    if (foreign) continue;
    if ((isPersonName(t) || before?.kind === 'patientName') && !CLINICIAN.test(t)) names.add(labelKey(t));
    if (RECORD_NUMBER.test(t) || (before?.kind === 'patientId' && /\d{4,}/.test(t))) ids++;
    for (const m of mentions) ages.add(m.reading.days);
    if (before?.kind === 'birthDate' || (BIRTH_WORDS.test(t) && /\d/.test(t))) born = true;
  }
  return names.size <= 1 && names.size + ids > 0 && ages.size <= 1 && (ages.size === 1 || born);
}

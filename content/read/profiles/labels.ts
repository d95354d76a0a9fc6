/**
 * Field labels that order-entry screens, worklists and EHR banners put next to patient and exam values
 * (English, Spanish, French, Italian, Portuguese, Dutch and German), normalised by `labelKey` (lower case, accents and punctuation dropped).
 * Used by the generic profile and by profiles whose tables have translatable headers (OE2, OHIF 3.13, O3).
 */
import type { FactKind } from '../types';
import { labelKey } from './profile';

/** A label that names the sex beside the age ("Age/Sex", "Sex-Age", "Edad/Sexo"): its value is an age–sex pair. */
const NAMES_SEX = /(?:^|[^\p{L}])(?:sex|gender|sexo|g[eé]nero|sexe|sesso|geslacht)(?![\p{L}])/iu;
export function labelNamesSex(label: string): boolean {
  return NAMES_SEX.test(label);
}

/** 'age' is its own kind here: an AS-shaped value becomes `patientAge`, anything else `ageText`. */
export type LabelKind = FactKind | 'age';

/**
 * An intervention's guidance in its own field ("Guidance: Ultrasound"): a Modality label that tells how the exam is
 * done, so it counts even where another Modality field would not (content/read/generic/reader.ts).
 */
const GUIDANCE_LABELS = ['guidance', 'imaging guidance', 'image guidance', 'guidance modality', 'guided by', 'guia', 'guia de imagen', 'guiado por', 'guiada por'];

const LABELS: ReadonlyArray<readonly [LabelKind, readonly string[]]> = [
  [
    'age',
    [
      'age', 'patient age', 'patientage', 'age at exam', 'age at study', 'patient s age', 'edad', 'edad del paciente',
      // A column or field of the age beside the sex (`12Y / M`, `F 6 yrs`).
      'age sex', 'sex age', 'age gender', 'gender age', 'age sex dob', 'edad sexo', 'sexo edad',
      // French, Italian, Portuguese, Dutch.
      'age du patient', 'age sexe', 'sexe age', 'eta', 'eta del paziente', 'eta sesso', 'sesso eta', 'idade', 'idade do paciente',
      'idade sexo', 'sexo idade', 'leeftijd', 'leeftijd geslacht',
      // German.
      'alter', 'patientenalter', 'alter bei untersuchung',
    ],
  ],
  [
    'birthDate',
    [
      'dob', 'd o b', 'date of birth', 'birth date', 'birthdate', 'birth', 'born', 'patient birth date', 'patient s birth date',
      'patientbirthdate', 'fecha de nacimiento', 'f nacimiento', 'nacimiento', 'fecha nac', 'f nac',
      'date de naissance', 'date naissance', 'naissance', 'ddn', 'date de nais', 'ne le', 'nee le', 'ne e le', 'ne e', 'nee',
      'data di nascita', 'data nascita', 'nato il', 'nata il', 'nato a il', 'nato a', 'data de nascimento', 'data nascimento',
      'nascimento', 'dt nascimento', 'dt nasc', 'data nasc', 'data de nasc', 'dt de nasc', 'nasc', 'data di nasc', 'date de naiss', 'd naissance', 'nascido em', 'nascida em', 'geboortedatum', 'geb datum', 'geboren',
      'geburtsdatum', 'geb', 'gebdatum', 'geboren am',
    ],
  ],
  [
    'examDate',
    [
      'study date', 'exam date', 'date of exam', 'date of study', 'date of service', 'scan date', 'procedure date',
      'acquisition date', 'acquisitiondate', 'seriesdate', 'acq date', 'series date', 'content date', 'image date', 'performed', 'performed date', 'studydate',
      'exam started', 'started', 'exam begin', 'begun',
      'date of procedure', 'fecha del procedimiento', 'fecha de procedimiento', 'fecha del estudio', 'fecha de estudio', 'fecha estudio', 'fecha del examen', 'fecha de realizacion', 'fecha de adquisicion', 'fecha de la serie',
      'fecha de exploracion', 'fecha de la exploracion', 'fecha exploracion', 'fecha de la prueba', 'fecha de prueba', 'fecha prueba', 'fecha',
      'date', 'date time', 'date and time', 'fecha hora', 'fecha y hora',
      'date d examen', 'date de l examen', 'date examen', 'date de realisation', 'date de l acte', 'data esame', 'data dell esame',
      'data di esecuzione', 'data esecuzione', 'data do exame', 'data exame', 'data de realizacao', 'data da realizacao',
      'data do estudo', 'data estudo', 'data de estudo',
      'datum onderzoek', 'onderzoeksdatum', 'data', 'datum', 'data ora', 'date heure', 'date et heure', 'data e hora', 'data e ora',
      'untersuchungsdatum', 'datum der untersuchung', 'studiendatum', 'datum uhrzeit',
    ],
  ],
  [
    'scheduledDate',
    [
      'scheduled', 'scheduled date', 'scheduled for', 'sched', 'sched date', 'sched dt', 'scheduled time', 'sched time', 'appointment date', 'appointment', 'appt', 'appt date', 'booked',
      'service date', 'expected date', 'requested start', 'requested start date', 'start date',
      'fecha programada', 'programado', 'programada', 'cita', 'fecha de la cita',
      'date du rdv', 'date de rdv', 'rdv', 'rendez vous', 'date du rendez vous', 'date prevue', 'programme le',
      'data prenotazione', 'data appuntamento', 'appuntamento', 'prenotato', 'prenotazione', 'data prevista', 'programmato',
      'agendamento', 'data do agendamento', 'data agendada', 'agendado', 'agendado para', 'marcacao', 'data da marcacao',
      'marcado', 'marcado para', 'afspraak', 'datum afspraak', 'gepland',
      'termin', 'termindatum', 'geplant', 'geplant am',
    ],
  ],
  ['orderDate', ['order date', 'original order date', 'ordered', 'date ordered', 'date of order', 'order placed', 'requested', 'request date', 'requested date', 'fecha de la orden', 'fecha de solicitud', 'solicitado',
    'date de la demande', 'date de demande', 'date de prescription', 'data richiesta', 'data della richiesta', 'data impegnativa',
    'data do pedido', 'data da requisicao', 'data da solicitacao', 'datum aanvraag', 'aanvraagdatum', 'anforderungsdatum', 'auftragsdatum', 'angefordert', 'angefordert am']],
  ['visitDate', ['visit date', 'date of visit', 'encounter date', 'admission date', 'admitted', 'adm', 'adm date', 'fecha de visita', 'fecha de consulta', 'fecha de ingreso', 'ingreso',
    'date de consultation', 'date d admission', 'data ricovero', 'data visita', 'data da consulta', 'data de internacao', 'data de admissao']],
  ['weight', ['weight', 'wt', 'body weight', 'patient weight', 'patientweight', 'peso', 'peso kg', 'poids', 'poids kg', 'gewicht', 'korpergewicht']],
  [
    'procedure',
    [
      'procedure', 'procedure name', 'requested procedure', 'exam', 'examination', 'exam description', 'study', 'study description',
      'description', 'protocol', 'protocol name', 'order', 'orders', 'test', 'imaging', 'imaging order', 'imaging procedure',
      'ordered procedure', 'order name', 'estudio', 'procedimiento',
      'examen', 'descripcion', 'protocolo', 'solicitud', 'studydescription', 'requestedproceduredescription', 'protocolname', 'prestacion', 'exploracion', 'prueba',
      'prueba solicitada', 'exploracion solicitada', 'estudio solicitado', 'exam requested', 'examination requested',
      'investigation requested', 'investigations requested', 'imaging requested', 'study requested', 'test requested',
      'requested exam', 'requested examination', 'requested investigation', 'requested study', 'requested test',
      // A services or procedures list's description column (dental charts, ledgers, EHR procedure lists).
      'procedure description', 'proc description', 'procedure desc', 'proc desc', 'service description', 'description of service',
      'treatment description', 'descripcion del procedimiento', 'descripcion de la prestacion', 'descripcion del servicio',
      'type of examination', 'examination type', 'exam type', 'type of exam', 'type of study', 'study type', 'type of procedure',
      'procedure type', 'scheduled exam', 'scheduled examination', 'scheduled procedure', 'scheduled study', 'tipo de estudio',
      'tipo de exploracion', 'tipo de prueba', 'estudio programado', 'prueba programada', 'exploracion programada',
      'ordered exam', 'ordered examination', 'ordered study', 'ordered test', 'exam ordered', 'study ordered',
      'test ordered', 'procedure ordered', 'exam name', 'exam item', 'examination item', 'order item', 'study item',
      'study name', 'orderable', 'order description', 'requested procedure description',
      'estudio pedido', 'prueba pedida', 'exploracion pedida', 'examen solicitado', 'procedimiento solicitado',
      'procedimiento programado',
      'examen demande', 'examens', 'acte', 'libelle', 'libelle de l examen', 'type d examen', 'prestation', 'demande', 'prescription',
      'esame', 'esami', 'esame richiesto', 'prestazione', 'richiesta', 'descrizione', 'descrizione esame', 'tipo esame',
      'exame', 'exames', 'exame solicitado', 'estudo', 'descricao do estudo', 'procedimento', 'descricao', 'descricao do exame', 'tipo de exame', 'pedido',
      'requisicao', 'pedido de exame', 'exame pedido', 'designacao', 'demande d examen', 'examen demande', 'richiesta esame', 'esame richiesto',
      'prestazione richiesta', 'onderzoek', 'gevraagd onderzoek', 'aangevraagd onderzoek', 'verrichting', 'aanvraag', 'omschrijving',
      'untersuchung', 'untersuchungsart', 'angeforderte untersuchung', 'geplante untersuchung', 'leistung', 'studienbeschreibung',
    ],
  ],
  [
    'modality',
    [
      'modality', 'modalities', 'mod', 'modalidad', 'modalidades', 'modalities in study', 'modality room', 'modalitat',
      'modalite', 'modalita', 'modaliteit',
      ...GUIDANCE_LABELS,
    ],
  ],
  [
    'bodyPart',
    [
      'body part', 'body region', 'region', 'body site', 'bodypartexamined', 'region anatomica', 'site', 'anatomic site',
      'anatomical site', 'procedure site', 'biopsy site', 'target site', 'site of biopsy', 'lesion site', 'injection site', 'sitio',
      'sitio anatomico', 'body part examined', 'localizacion anatomica', 'zona anatomica', 'sitio de puncion', 'sitio de la biopsia', 'region anatomique', 'regione anatomica', 'regiao anatomica',
      'localisation', 'localizzazione', 'localizacao',
      'korperregion', 'korperteil', 'untersuchungsregion',
    ],
  ],
  ['ctdiVol', ['ctdivol', 'ctdi vol', 'ctdivol mgy', 'ctdi vol mgy']],
];

const BY_KEY = new Map<string, LabelKind>();
for (const [kind, keys] of LABELS) for (const k of keys) BY_KEY.set(k, kind);

const GUIDANCE = new Set(GUIDANCE_LABELS);

/** A label's key with a unit in brackets dropped, or null when the text is too long to be a label. */
function keyOf(text: string): string | null {
  return text.length > 40 ? null : labelKey(text.replace(/\((?:kg|lb|lbs|mgy)\)|\[(?:kg|lb|mgy)\]/gi, ''));
}

/** The kind a label names, or undefined. `text` may carry a trailing colon, asterisk, unit in brackets… */
export function labelKind(text: string): LabelKind | undefined {
  const key = keyOf(text);
  return key === null ? undefined : BY_KEY.get(key);
}

/** Whether a label names the guidance an intervention is done under ('Imaging guidance', 'Guiado por'). */
export function labelNamesGuidance(text: string): boolean {
  const key = keyOf(text);
  return key !== null && GUIDANCE.has(key);
}

/** Patient kinds (a label that makes a screen look like it is about a patient). */
export const PATIENT_KINDS: ReadonlySet<LabelKind> = new Set<LabelKind>(['age', 'birthDate']);
/** A list's exam columns, read row by row only when a row's record needs them (content/read/profiles/table.ts). */
export const ON_DEMAND_KINDS: ReadonlySet<LabelKind> = new Set<LabelKind>(['procedure', 'modality']);
/** Exam kinds (a table with one of these per row is a list of exams or orders). */
export const EXAM_KINDS: ReadonlySet<LabelKind> = new Set<LabelKind>(['examDate', 'scheduledDate', 'orderDate', 'modality', 'procedure']);

/**
 * The words a generic screen uses around its values, by class (English and Spanish; French, Italian, Portuguese and
 * Dutch for the labels, roles and statuses their clinical screens print):
 * - field labels that are not facts but tell whose a value is — the patient's name or record number (a patient
 *   header), a relative (a value that is someone else's), free text (reasons, notes: ages there are only the strong
 *   forms);
 * - the role of a date (`dateRole`): birth, exam, scheduled, order, visit, printed, prior;
 * - section titles (`sectionClass`): earlier exams, other patients or relatives, free text;
 * - the status of an order or exam row (`statusClass`): still to be done vs done;
 * - marks of the selected/active item (`isSelectedElement`) and of content the page does not show.
 * Matching is on short texts (labels, titles, statuses), case- and accent-insensitively.
 */
import { labelKey } from '../profiles/profile';
import { cellsOf } from '../profiles/table';

export type FieldClass = 'patientName' | 'patientId' | 'sex' | 'relative' | 'gestation' | 'freeText' | 'status' | 'info';

const FIELD_WORDS: ReadonlyArray<readonly [FieldClass, RegExp]> = [
  ['patientId', /^(?:mrn|mr|mr ?#|mr no|mrn #|cmrn|emrn|prn|fin|unit #?|unit no|acct #?|account|account #|chart #?|chart no|patient id|pat id|id|openmrs id|national id|id number|identifier|patient identifier|identification number|identification|person #|person number|personal id|personnummer|patientid|nhs no|nhs number|health card|nhc|expediente|historia|historia clinica|hc|n historia|numero de historia|numero de identificacion|identificacion|cip|rut|dni|curp|ipp|n ipp|no ipp|numero ipp|ipp patient|nip|n dossier|dossier|numero de dossier|nda|id patient|identifiant|codice fiscale|codice paziente|id paziente|n cartella|cartella|numero cartella|nosologico|prontuario|n prontuario|numero do prontuario|processo|n processo|numero de processo|numero de utente|n utente|n de utente|n de utente sns|n utente sns|numero de utente sns|nus|sns|cns|cpf|rg|bsn|patientnummer|patientnr|pid|patienten id|patientennummer|pat nr|fallnummer|fall nr)$/],
  ['patientName', /^(?:patient|patient name|patientname|name|pt name|full name|paciente|nombre|nombre del paciente|nom|nom prenom|nom et prenom|nom du patient|patient e|patiente|prenom|nom de naissance|paziente|nome|cognome|cognome e nome|nome e cognome|nominativo|nome do paciente|nome do utente|nome completo|utente|naam|patient naam|patientin|patientenname)$/],
  ['sex', /^(?:sex|gender|sex gender|patientsex|sexo|genero|sexe|sesso|geslacht|geschlecht)$/],
  ['relative', /^(?:mother|father|parent|parents|guardian|guardians|legal guardian|next of kin|nok|emergency contact|contact|caller|spouse|sibling|siblings|mother s name|father s name|parent guardian|parent or guardian|son|daughter|child|children|madre|padre|tutor|tutora|madre tutor|padre tutor|madre o tutor|hijo|hija|hijos|acompanante|contacto|responsable|guarantor|maternal age|mother s age|mom s age|father s age|paternal age|edad materna|edad de la madre|edad madre|edad paterna|edad del padre|mere|pere|parents|parent|tuteur|tutrice|representant legal|responsable legal|personne a prevenir|personne de confiance|fils|fille|age de la mere|madre|padre|genitore|genitori|tutore|figlio|figlia|familiare|eta della madre|mae|pai|responsavel|responsavel legal|filho|filha|idade da mae|moeder|vader|ouder|ouders|voogd|contactpersoon)$/],
  // An age that is not the time since birth: a newborn's gestational, corrected or postmenstrual age (weeks of
  // pregnancy), or the age of a finding (a bone age read on a hand radiograph, a dental age).
  ['gestation', /^(?:bone age|skeletal age|estimated bone age|bone age estimate|dental age|height age|edad osea|edad dental|ga|eg|cga|pma|sdg|gestation|gestational age|ga at birth|birth ga|gestational age at birth|corrected ga|corrected gestational age|corrected age|adjusted age|postmenstrual age|post menstrual age|weeks gestation|edad gestacional|edad gestacional al nacer|eg al nacer|eg corregida|edad corregida|edad posmenstrual|edad postmenstrual|semanas de gestacion|gestacion|age osseux|age gestationnel|terme|eta ossea|eta gestazionale|idade ossea|idade gestacional|zwangerschapsduur)$/],
  ['status', /^(?:status|order status|exam status|state|estado|situacion|statut|etat|stato|situacao|befundstatus)$/],
  [
    'info',
    /^(?:priority|prio|location|loc|room|bed|unit|ward|floor|provider|attending|ordering|ordering provider|ordered by|referring|referring physician|referringphysicianname|institutionname|referrer|performing|performed by|radiologist|reading radiologist|technologist|tech|author|allergies|allergy|address|phone|tel|telephone|email|insurance|ins|coverage|payer|language|race|ethnicity|code status|code|isolation|diagnosis|dx|icd|icd 10|cpt|lab|department|dept|service|clinic|facility|physician|doctor|nurse|transport|pcp|prioridad|ubicacion|sala|cama|medico|medico solicitante|servicio|direccion|telefono|alergias|diagnostico|aseguradora|relationship|relation|relationship to patient|relation to patient|relationship to pt|relationship to child|parentesco|relacion con el paciente|vinculo con el paciente)$/,
  ],
  [
    'freeText',
    /^(?:subjective|objective|interval history|physical exam|physical examination|pe|ros|review of systems|exam findings|findings|impression|assessment and plan|assessment plan|a p|plan|plan of care|care plan|treatment plan|plan and recommendations|recommendations|plan de actuacion|plan de accion|plan terapeutico|plan diagnostico|clinical course|course|subjetivo|objetivo|anamnesis|enfermedad actual|exploracion fisica|examen fisico|impresion|impresion diagnostica|evolucion|reason|reason for (?:the )?(?:exam|examination|study|visit|order|test|scan|imaging|referral|request|procedure|investigation)|indication|indications|clinical indication|clinical history|clinical question|clinical information|clinical info|history|hpi|history of present illness|comment|comments|note|notes|narrative|instructions|special instructions|question|assessment|chief complaint|complaint|presenting complaint|cc|past history|past medical history|pmh|motivo|motivo de consulta|indicacion|historia clinica resumida|antecedentes|antecedentes personales|comentario|comentarios|observaciones|notas|pregunta clinica|motif|motif de l examen|motif de la demande|renseignements cliniques|indication clinique|antecedents|commentaire|commentaires|remarques|observations|conclusion|compte rendu|histoire de la maladie|quesito|quesito clinico|quesito diagnostico|anamnesi|note|indicazione|indicazioni|commento|conclusioni|referto|notizie cliniche|indicacao|indicacao clinica|informacao clinica|informacoes clinicas|historia clinica|anamnese|observacoes|comentarios|justificacao|justificativa|indicatie|vraagstelling|klinische gegevens|klinische vraag|opmerkingen)$/,
  ],
];

/**
 * A board's column of what happens today or next, or where the patient goes ("Today", "Next step", "Pending",
 * "Dispo", "Hoy"): its cells are a plan or a place ("CT", "XR"), never the row's exam. Column headers only — an
 * inline "Pending: CT abdomen" on a chart may be the order itself.
 */
export function isPlanColumn(header: string): boolean {
  return header.length <= 40 && PLAN_COLUMN.test(labelKey(header));
}

const PLAN_COLUMN =
  /^(?:today|today s plan|plan today|now|next|next step|next steps|to do|todo|tasks|pending|pending items|pending tests|disposition|dispo|whiteboard|events|hoy|ahora|siguiente|siguiente paso|pendiente|pendientes|destino)$/;

/**
 * A label of codes ("Code", "Código", "Codice", "CPT", "Cód. MCDT"): its values are codes, never dates — a requisition's
 * procedure code of dotted numbers ("12.05.04") reads like a short date.
 */
export function isCodeLabel(label: string | null): boolean {
  return label !== null && label.length <= 40 && CODE_LABEL.test(labelKey(label));
}
const CODE_LABEL =
  /^(?:code|codes|cod|codigo|codigos|codice|codici|code acte|ccam|cpt|cpt code|cpt codes|procedure code|proc code|exam code|order code|billing code|codigo do exame|codigo del estudio|codigo de prestacion|codigo mcdt|cod mcdt|codice prestazione|codice esame|code examen|code de l acte|code ccam|verrichtingcode|za code)$/;

/** What a field label says about its value, beyond a fact kind (see labels.ts for those). */
export function fieldClass(label: string): FieldClass | null {
  if (label.length > 40) return null;
  const key = labelKey(label);
  for (const [c, re] of FIELD_WORDS) if (re.test(key)) return c;
  return null;
}

/** `event`: the date of something else than the exam or the visit (a discharge, a symptom's onset, an injury). */
export type DateRole = 'birth' | 'exam' | 'scheduled' | 'order' | 'visit' | 'printed' | 'prior' | 'event';

/**
 * A dose given ("Injection date/time", "Injected", "Dose administered", "Admin time", "Fecha de inyección"), as a
 * nuclear medicine dose log writes it: its date is the exam's.
 */
export const DOSE_GIVEN =
  /\b(?:injection|injected|inj|dose administered|dose given|admin time|administration time|administration date|time of administration|date of administration|inyeccion|inyectad[oa]|dosis administrada|fecha de administracion|hora de administracion)\b/;

// Tried in this order on the words just before a date or on its field label (normalised by labelKey).
const ROLE_WORDS: ReadonlyArray<readonly [DateRole, RegExp]> = [
  // Not this exam's: earlier exams, and the next visit a recall or follow-up asks for.
  ['prior', /\b(?:prior|previous|prev|last|most recent|earlier|old|anterior|previo|previa|ultimo|ultima|recall|follow up|followup|next visit|next appt|next appointment|proxima cita|revision|precedent|precedente|anterieur|anterieure|dernier|derniere|prochain rdv|prochain rendez vous|precedenti|prossimo appuntamento|prossima visita|proxima consulta|vorige|vorig)\b/],
  // An order's own signing is its order date ("Order signed", "Ordered and signed by …").
  ['order', /\b(?:order|orders|ordered|orden)(?: and| y)? (?:e ?)?signed\b|\bsigned (?:order|orders)\b/],
  // The document's own dates, like its printing: signed, authenticated, dictated, transcribed (a note's or report's
  // footer). Never the reference date.
  [
    'printed',
    /\b(?:printed|print date|print|generated|run date|report date|impreso|impresion|fecha de impresion|signed|e ?signed|cosigned|co signed|signature|signed off|authenticated|authentication|attested|dictated|transcribed|transcription|verified by|firmado|firmada|firma|dictado|dictada|transcrito|transcrita|validado por|validada por|imprime le|date d impression|edite le|signe|signe par|valide par|stampato|stampa|data stampa|firmato|firmato da|validato da|impresso|impresso em|data de impressao|assinado|assinado por|gedrukt|ondertekend|date of issue|issue date|date issued|issued on|fecha de emision|fecha emision|emitid[oa] el|date d emission|data di emissione|data de emissao)\b/,
  ],
  ['birth', /\b(?:dob|d o b|birth|birthdate|birthday|born|nacimiento|nac|f nac|fecha de nacimiento|fnac|naissance|ddn|ne le|nee le|ne e le|nascita|nato|nata|nascimento|nasc|nascido|nascida|geboren|geboortedatum|geb|geburtsdatum|geburtstag)\b/],
  // A visit's own start ("Visit started", "Encounter start", "Inicio de la consulta"): the visit's date, not an exam's.
  ['visit', /\b(?:(?:visit|encounter|enc|admission|consulta|visita|atencion|ingreso) (?:started|start|began|begun|opened|iniciad[oa]|inicio|comenzad[oa])|(?:inicio|comienzo|apertura) de (?:la |el )?(?:visita|consulta|atencion|encuentro))\b/],
  // An order's end ("Stop Date/Time", "Discontinue", "End date", "Expires", "Fecha fin"): when it lapses, not when it is
  // done. A label naming both ends ("Start / Stop", "Inicio/Fin") is not an end: its value says which date is which.
  [
    'event',
    /\b(?:discharge|discharged|dc date|alta|egreso|onset|symptom onset|inicio de sintomas|injury|date of injury|doi|lesion|death|deceased|died|fallecimiento|defuncion|(?<!\bstart )(?:stop|stopped|stop date)|discontinue|discontinued|d c date|d c time|end date|end time|ends|ended|expires|expiry|expiration|expiration date|valid until|good until|fecha fin|fecha de fin|fecha final|fecha de finalizacion|fecha de suspension|suspension|caduca|caducidad|vencimiento|valida hasta|valido hasta|sortie|date de sortie|deces|date de fin|dimissione|data dimissione|decesso|data fine|obito|data de alta|data de fim|ontslag|overlijden)\b/,
  ],
  [
    'scheduled',
    /\b(?:scheduled|sched|schedule|appointments?|appt|upcoming|booked|booking|expected|planned|due|to be done|to be performed|target date|requested start|requested for|requested date of service|date desired|desired|preferred|slot|service date|start date|programad[oa]|programacion|cita|citas|proximas citas|turno|fecha prevista|fecha programada|deseada|preferida|fecha solicitada para|por realizar|a realizar|rdv|rendez vous|prevu|prevue|programme le|programmee|planifie|planifiee|convocation|convoque|prenotato|prenotata|prenotazione|appuntamento|programmato|programmata|agendado|agendada|agendamento|marcacao|marcado|marcada|marcado para|afspraak|gepland|termin|termine|termindatum|geplant|terminiert)\b/,
  ],
  // A radiopharmaceutical given: the day of the nuclear medicine exam (ahead of today it is scheduled, see patient.ts).
  ['exam', DOSE_GIVEN],
  ['exam', /\b(?:exam|exm|examination|study|studies|performed|perf|done|started|start|begun|begin|acquired|acquisition|acq|series date|content date|image date|adquisicion|adquirid[oa]|serie|scan|procedure date|date of procedure|fecha del procedimiento|fecha de procedimiento|fecha de la intervencion|date of service|dos|completed|complete|taken|realizad[oa]|realizacion|efectuad[oa]|practicad[oa]|estudio|examen|realise|realisee|effectue|effectuee|esame|eseguito|eseguita|effettuato|effettuata|esecuzione|exame|realizacao|efetuado|efetuada|onderzoek|uitgevoerd|untersuchungsdatum|untersuchung|studiendatum|durchgefuhrt)\b/],
  [
    'order',
    /\b(?:order|ordered|orden|requested|request|req|placed|entered|created|received|recvd|referral|referred|solicitud|solicitad[oa]|pedido|peticion|recibid[oa]|recepcion|derivacion|remision|interconsulta|demande|demandee|prescrit|prescrite|richiesta|richiesto|impegnativa|prescrizione|requisicao|solicitacao|aanvraag|aangevraagd|anforderung|anforderungsdatum|angefordert|auftrag|auftragsdatum)\b/,
  ],
  ['visit', /\b(?:visit|encounter|enc|admission|admitted|admit|adm|arrived|arrival|check in|checked in|seen|consult|consulta|ingreso|visita|atencion|consultation|hospitalisation|ricovero|accettazione|internacao|admissao|opname|bezoek)\b/],
  // The one a scheduler's user picked among the slots offered ("Selected: Fri 12/11/2026 3:40 PM", "Hora
  // seleccionada"), when no other role word says more ("Selected study 12/04/2026" is the study's).
  ['scheduled', /\b(?:selected|chosen|seleccionad[oa]|elegid[oa]|asignad[oa]|reservad[oa]|reserved)\b/],
];

/** Words that say something started (a date's role: the exam's only when the exam is what started). */
export const START_WORDS = /\b(?:started|start|starting|began|begun|begin|beginning|since|desde|inici(?:o|ó|ado|ada|a)|comenz(?:o|ó|ado|ada))\b/i;
/** Words that name the exam as the subject of a clause ("Exam started", "Study began", "CT started"). */
export const EXAM_SUBJECT =
  /\b(?:exam|exm|examination|study|scan|scanning|procedure|imaging|acquisition|acq|series|case|injection|fluoro(?:scopy)?|CT|MRI?|XR|US|NM|PET|estudio|examen|exploraci[oó]n|prueba|procedimiento|adquisici[oó]n|TC|RM|RX|IRM|TDM|TEP|esame|exame|onderzoek)\b/i;
/** A referral told in words (in running text it is not the order's date; a "Referral date" label is). */
export const REFERRAL_WORDS = /\b(?:referral|referred|refer|derivacion|derivad[oa]|remision|remitid[oa]|interconsulta)\b/;

const EMAIL_ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const FILE_NAME = /[^\s/\\]+\.(?:pdf|docx?|odt|rtf|txt|html?|jpe?g|png|tiff?|dcm|zip)(?![\w])/gi;

/** The role of a date from the label or words before it; null when they do not say. */
export function dateRole(words: string): DateRole | null {
  // An e-mail address or a file's name is no words ("appointment_letter.pdf · from appointments@imaging.example.org ·
  // 7 Dec 2026": a message's sent date).
  const key = labelKey(words.replace(EMAIL_ADDRESS, ' ').replace(FILE_NAME, ' '));
  if (!key) return null;
  for (const [role, re] of ROLE_WORDS) if (re.test(key)) return role;
  return null;
}

const RELATIVE = '(?:parents?|mother|father|mom|dad|caregivers?|carers?|caretakers?|guardians?|legal guardian|next of kin|nok|madre|padre|madres|padres|tutor|tutora|tutores|cuidador|cuidadora|acompanante)';
/** The title of a relative's or contact's card: relatives' words joined ("Mother / Guardian"), with a number or a word of details. */
const RELATIVE_TITLE = new RegExp(
  `^(?:(?:primary|secondary|other|legal|datos del?|datos de la)\\s)?(?:${RELATIVE}(?:\\s(?:or|and|y|o)?\\s?${RELATIVE}){0,2}|(?:primary|secondary|emergency) contact|contact person|legal representative|representante legal|persona de contacto)(?:\\s\\d)?(?:\\s(?:information|info|details|data|contact|contact information|datos))?$`,
);

export type SectionClass = 'prior' | 'results' | 'others' | 'free' | 'newborn' | 'open';

const SECTION_WORDS: ReadonlyArray<readonly [SectionClass, RegExp]> = [
  // The case a list has open, in its own card or drawer ("Selected case", "Case details", "Paciente seleccionado"):
  // the open record's, even beside a schedule of other people's.
  ['open', /^(?:(?:selected|current|active|open|highlighted) (?:case|patient|exam|study|appointment|procedure|order|item|booking)(?: details| detail| information| info| summary)?|(?:case|appointment|booking) (?:details|detail|information|info|summary)|(?:caso|paciente|estudio|examen|cita|procedimiento|prueba|exploracion) (?:seleccionad[oa]|actual|activ[oa]|abiert[oa])|detalles? del? (?:la )?(?:caso|cita|procedimiento|estudio|paciente seleccionado)|(?:aktuelle|ausgewahlte|offene|laufende) (?:untersuchung|studie|fall|termin|anforderung))$/],
  // A card of one relative or contact of the patient, by its title alone ("Parent/Guardian", "Mother", "Caregiver",
  // "Primary contact", "Emergency Contact 2", "Legal representative", "Madre / Tutor"): that person's details, beside
  // the patient's own card of the same shape. (A bare "Contact" may be the patient's own phone and address.)
  ['others', RELATIVE_TITLE],
  ['others', /\b(?:patients|patient list|patient search|recent patients|other patients|my patients|census|track(?:ing)? board|recently (?:viewed|opened|accessed)|last viewed|vistos recientemente|waiting|queue|worklist|work list|my list|to protocol|awaiting protocol|unprotocoll?ed|next in|up next|lista de trabajo|por protocolizar|(?<!\bto )schedule(?! (?:an?|the|your|my|this|it|now|appointment|exam|visit|test|study|procedure|date|dt|time|day|on|for)\b)|today s schedule|(?<!\b(?:upcoming|my|your|future|scheduled|next) )appointments|family(?! (?:practice|medicine|dental|dentistry|health|care|clinic|physicians|pediatrics|doctors))|household|contacts|guardians|dependents|dependants|siblings|relatives|referred from|guarantors?|responsible party|guardian|legal guardian|parents|next of kin|emergency contacts?|subscriber|policy holder|insured|pacientes|lista de pacientes|agenda|familia|familiares|contactos|tutor legal|responsable|datos del tutor|contacto de emergencia|liste des patients|mes patients|liste de travail|famille|pazienti|lista pazienti|lista di lavoro|famiglia|lista de trabalho|patienten|werklijst)\b/],
  // A newborn's block: on a mother's chart it is her baby's (patient.ts decides whose from the rest of the page).
  ['newborn', /^(?:(?:datos|informacion|resumen|evolucion|estudios|examenes|pruebas)? ?(?:del? )?(?:recien nacid[oa]|rn|neonato|neonatal|bebe|hij[oa]|su hij[oa])|(?:newborn|baby|infant|neonate|nursery)(?: (?:information|info|summary|data|details|record|exam|exams|assessment|results|orders|imaging|studies))?|baby (?:boy|girl)(?: \w+)?|infant of(?: \w+)?)$/],
  // A chart's results tab or list, by its title alone ("Results", "Imaging results", "Results Review — Imaging",
  // "Resultados de imagen"): earlier exams, the newest of which is the exam when nothing else is open (reader.ts).
  // One result shown ("Radiology result") is no list.
  ['results', /^(?:(?:imaging|radiology|diagnostic imaging|image|rad) results|results(?: review)?(?: imaging| radiology)?|resultados(?: de (?:imagen|imagenes|radiologia|diagnostico por imagen))?)$/],
  ['prior', /\b(?:prior|priors|previous|historical|past (?:exams|studies|imaging|orders|results|visits|appointments|encounters)|(?:visit|appointment|encounter) history|(?:imaging|exam|study|order|result|radiology|procedure) history|recent imaging|recent results|recent exams|recent studies|results|completed|earlier|old|anteriores|previos|previas|historial|resultados|anterieurs|anterieures|precedents|historique|resultats|precedenti|storico|risultati|historico|eerdere|uitslagen|voruntersuchungen|vorbefunde|voraufnahmen|untersuchungshistorie|historie|fruhere untersuchungen)\b/],
  ['free', /\b(?:notes?|comments?|hpi|history|interval history|history of present illness|subjective|objective|plan|mdm|disposition|recommendations?|clinical question|clinical history|clinical information|reason for|indications?|narrative|impression|findings|report|assessment|subjective|objective|chief complaint|nota|notas|comentarios?|motivo|indicacion|informe|evolucion|antecedentes|befund|befundtext|anamnese|fragestellung|beurteilung|kommentar|bemerkung)\b/],
];

/**
 * A letter's addressee that names the child through its parents ("To the parent/guardian of Oliver Pike", "the parents
 * of …", "Padre/madre/tutor de Lucas Ferrer"): what follows is the child's, not a guardian's details.
 */
const ADDRESSEE_OF_CHILD =
  /\b(?:parents?|guardians?|carers?|caregivers?|family|padres?|madres?|tutor(?:es|a)?|familia)\s+(?:(?:and|or|y|o)\s+\w+\s+)?(?:of|de|del)\s+(?!(?:the\s+)?(?:patient|paciente|record|expediente)\b)\p{L}/u;

/** A field of how someone is related to the patient ("Relationship", "Relation to patient", "Parentesco"). */
const RELATIONSHIP_LABEL =
  /^(?:relationship|relation|relationship to patient|relation to patient|relationship to pt|rel to pt|relationship to child|parentesco|relacion|relacion con el paciente|vinculo|vinculo con el paciente)$/;
/** Who someone is to the patient: a relative, a guardian, a carer ("Self" is the patient). */
const RELATION =
  /^(?:(?:step|foster|adoptive|biological|birth|legal|grand|great grand)\s?)?(?:parents?|mother|father|mom|dad|guardian|caregiver|carer|spouse|wife|husband|partner|sister|brother|sibling|aunt|uncle|cousin|son|daughter|child|friend|neighbou?r|other relative|relative|next of kin|madre|padre|abuel[oa]|ti[oa]|herman[oa]|tutor|tutora|conyuge|espos[oa]|pareja|hij[oa]|amig[oa])$/;

/**
 * "Relationship: Mother" (one text, or a label and its value): the block it is in is that relative's details. The
 * label is the value's field label or column (`label`), or written in the text itself.
 */
export function namesRelation(text: string, label: string | null): boolean {
  if (text.length > 60) return false;
  if (label !== null && label.length <= 40 && RELATIONSHIP_LABEL.test(labelKey(label))) return RELATION.test(labelKey(text));
  const colon = text.search(/[:：]/);
  return colon > 0 && RELATIONSHIP_LABEL.test(labelKey(text.slice(0, colon))) && RELATION.test(labelKey(text.slice(colon + 1)));
}

/** A letter's salutation, which opens its body ("Dear Parent/Guardian," is no section of guardians' details). */
export const SALUTATION = /^(?:dear|estimad[oa]s?|querid[oa]s?|to whom|a quien)\b/i;

/** What a section title says about what follows it. */
/** A back link's arrow or words at the start of a title. */
const BACK_LINK = /^\s*(?:[←‹«⟵⇐◀◄]|<(?!\d)|back to\b|volver a\b)/i;

export function sectionClass(title: string): SectionClass | null {
  // A link back to a list ("← Patients", "‹ Back to worklist") names where it goes, not the section it heads.
  if (title.length > 60 || BACK_LINK.test(title)) return null;
  const key = labelKey(title);
  if (ADDRESSEE_OF_CHILD.test(key) || SALUTATION.test(key)) return null;
  // A list's own title naming its day ("Cath & EP Schedule — Tuesday, December 8", "Agenda de Radiología — martes"):
  // the page is that list, whose selected case is the open record; not a section of other people beside a chart.
  if (isDayList(title)) return null;
  for (const [c, re] of SECTION_WORDS) if (re.test(key)) return c;
  return null;
}

export type StatusClass = 'active' | 'done' | 'cancelled';

const STATUS_ACTIVE =
  /^(?:new|active|pending|ordered|order|unsigned|to sign|signed|scheduled|booked|arrived|checked in|in progress|started|begun|in room|protocoled|protocolled|to be done|planned|tp|treatment planned|requested|queued|waiting|awaiting|not started|to do|ready|open|current|proposed|accepted|nuevo|activa?o?|pendiente|pedid[oa]|ordenad[oa]|indicad[oa]|solicitad[oa]|programad[oa]|agendad[oa]|citad[oa]|en espera|por realizar|a realizar|en curso|iniciad[oa]|propuest[oa]|aceptad[oa]|programme|programmee|planifie|planifiee|prevu|prevue|demande|demandee|prescrit|prescrite|en attente|a faire|nouveau|confirme|programmato|programmata|prenotato|prenotata|richiesto|richiesta|in attesa|da eseguire|da refertare|nuovo|agendado|agendada|marcado|marcada|solicitada|em espera|aguardando|novo|gepland|aangevraagd|wachtend|angefordert|geplant|terminiert|offen|angemeldet|in arbeit|wartend)$/;
const STATUS_DONE =
  /^(?:completed?|complete|c|done|final|finali[sz]ed|resulted|result|reported|read|dictated|preliminary|prelim|verified|signed off|ex|existing|performed|ended|exam ended|finished|realizad[oa]|completad[oa]|finalizad[oa]|informad[oa]|terminad[oa]|termine|terminee|realise|realisee|effectue|effectuee|fait|valide|validee|interprete|eseguito|eseguita|completato|completata|refertato|refertata|concluso|conclusa|effettuato|effettuata|concluido|concluida|laudado|efetuado|efetuada|executado|uitgevoerd|afgerond|verslagen|befundet|ungelesen|gelesen|in befundung|abgeschlossen|durchgefuhrt|erledigt|vorlaufig|freigegeben)$/;
const STATUS_CANCELLED = /^(?:cancell?ed|canceled|discontinued|dc d|d c|void|voided|declined|deleted|cancelad[oa]|anulad[oa]|suspendid[oa]|annule|annulee|annullato|annullata|geannuleerd|storniert|abgesagt|abgebrochen)$/;

/** The exam named before a status word ("Exam complete", "Study completed", "Estudio realizado"). */
const STATUS_SUBJECT = /^(?:exam|examination|study|scan|procedure|imaging|estudio|examen|exploracion|prueba|procedimiento|esame|exame|onderzoek|untersuchung) /;
/** The stages of a compound status ("Arrived – exam complete", "Attended / Study completed"). */
const STATUS_STAGES = /\s+[–—-]\s+|\s*[/·|]\s*/;
/** Longest compound status read stage by stage. */
const MAX_COMPOUND_STATUS = 40;

/**
 * A short text that is a row's status. A status may name the exam first ("Exam complete", "Estudio realizado"), and a
 * compound one tells the stages the exam went through, the last that says one being where it is now ("Arrived – exam
 * complete" is done; "Exam complete – awaiting report" too).
 */
export function statusClass(text: string): StatusClass | null {
  if (text.length > MAX_COMPOUND_STATUS) return null;
  if (text.length <= 24) {
    const one = stageClass(labelKey(text));
    if (one) return one;
  }
  const stages = text.split(STATUS_STAGES);
  if (stages.length < 2) return null;
  let last: StatusClass | null = null;
  for (const stage of stages) last = stageClass(labelKey(stage)) ?? last;
  return last;
}

function stageClass(key: string): StatusClass | null {
  if (STATUS_CANCELLED.test(key)) return 'cancelled';
  const bare = key.replace(STATUS_SUBJECT, '');
  if (STATUS_DONE.test(key) || (bare !== key && STATUS_DONE.test(bare))) return 'done';
  if (STATUS_ACTIVE.test(key) || UNDER_WAY_NAMED.test(key)) return 'active';
  return null;
}

/**
 * A done exam's status that says its report is still to come ("Performed – report pending", "Complete, awaiting
 * report", "Unread", "Pending read", "Realizado – pendiente de informe"): of several exams done, the one being read now.
 */
export const AWAITING_REPORT =
  /\b(?:(?:report|reading|read|result|dictation|interpretation)\s+(?:pending|awaited|to follow|in progress)|(?:awaiting|pending|waiting for|to be)\s+(?:report|reporting|reported|read|reading|dictation|interpretation|radiologist)|unread|not yet (?:reported|read|dictated)|unreported|pendiente de (?:informe|informar|lectura)|sin informar|por informar)\b/i;

/**
 * A status that says the exam is under way now — the patient has arrived or is in the room, the scan has begun
 * ("In progress", "Arrived", "In room", "Being scanned", "En curso", "En sala", "Realizándose"): the exam is today's.
 * The exam may be named before it ("Exam in progress", "Estudio en curso"); `alone` (a text with no Status label)
 * asks for that name.
 */
export function isUnderWay(text: string, alone = false): boolean {
  if (text.length > 32) return false;
  const m = UNDER_WAY_NAMED.exec(labelKey(text));
  return m !== null && (!alone || m[1] !== undefined);
}
const UNDER_WAY_WORDS =
  '(?:in progress|inprogress|in process|started|begun|underway|under way|arrived|checked in|in room|in exam room|in exam|in scanner|on table|being scanned|scanning|being performed|performing|acquiring|en curso|en sala|en proceso|en realizacion|realizandose|realizando|en exploracion|iniciad[oa]|comenzad[oa]|llegad[oa]|en cours|en salle|arrive|arrivee|in corso|in sala|arrivato|arrivata|em curso|em andamento|em sala|na sala|chegou|bezig)';
const UNDER_WAY_NAMED = new RegExp(
  `^(?:(?:patient|pt|paciente) )?(?:(exam|study|scan|procedure|imaging|estudio|examen|exploracion|prueba|procedimiento|esame|exame) (?:is |esta )?)?${UNDER_WAY_WORDS}$`,
);

/** Class tokens that mark the selected, active or current item of a list, tab or grid. */
const SELECTED_CLASS = /(?:^|[\s_-])(?:sel|selected|active|current|highlight|highlighted|hilite|checked|chosen|is-active|is-selected|is-current|on)(?=$|[\s_-])/i;

/** A class attribute without its selection tokens ("q-item active" → "q-item"). */
export function withoutSelectionMarks(cls: string): string {
  return cls
    .split(/\s+/)
    .filter((t) => t && !SELECTED_CLASS.test(t))
    .join(' ');
}

export function isSelectedElement(el: Element): boolean {
  const aria = el.getAttribute('aria-selected') ?? el.getAttribute('aria-current') ?? el.getAttribute('aria-checked');
  if (aria !== null && aria !== 'false') return true;
  const cls = el.getAttribute('class');
  return cls !== null && SELECTED_CLASS.test(cls);
}

/** Class tokens of an expanded (disclosed) row. */
const EXPANDED_CLASS = /(?:^|[\s_-])(?:expanded|is-expanded|is-open|opened|open)(?=$|[\s_-])/i;
const ROW_ROLES = new Set(['row', 'treeitem', 'option', 'listitem']);

/** A table row, list item, ARIA row (or tree item, option, list item) or an element whose class names a row. */
function isRowLike(el: Element): boolean {
  const tag = el.tagName;
  return tag === 'TR' || tag === 'LI' || ROW_ROLES.has(el.getAttribute('role') ?? '') || hasRowClass(el);
}

/** A disclosure toggle showing open (▼ ▾ ⏷) as a row's first cell, where closed rows show ▶ ▸. */
const OPEN_TOGGLE = /^[▼▾⏷]$/;

/**
 * A row of a list that is disclosed — `aria-expanded="true"`, an "expanded"/"open" class, or its toggle showing open
 * (a first cell of just ▼ or ▾) — on a table row, list item, ARIA row or a row of a grid (`row`: the caller knows it
 * is one); not on any element: accordions and menus disclose sections, not records. The open record of a list, like
 * a selected row.
 */
export function isExpandedRow(el: Element, row = false): boolean {
  if (!row && !isRowLike(el)) return false;
  if (el.getAttribute('aria-expanded') === 'true') return true;
  const cls = el.getAttribute('class');
  if (cls !== null && EXPANDED_CLASS.test(cls)) return true;
  const first = el.firstElementChild;
  return first !== null && first.childElementCount === 0 && OPEN_TOGGLE.test((first.textContent ?? '').trim());
}

/**
 * A row of a list that is the open one: expanded (`isExpandedRow`), or holding the checked radio button of the list, or
 * its only ticked check box (one row ticked among its siblings: the one picked; several ticked are a batch).
 */
export function isOpenRow(el: Element, row = false): boolean {
  if (!row && !isRowLike(el)) return false;
  if (isExpandedRow(el, true)) return true;
  const box = el.querySelector(CHECKED);
  if (box === null) return false;
  return box.getAttribute('type') === 'radio' || onlyTicked(el);
}

const CHECKED = 'input[type="radio"]:checked, input[type="checkbox"]:checked';
/** Sibling rows looked at for another ticked box (a longer list is not told apart by a box). */
const MAX_TICKED_SIBLINGS = 60;

/** No sibling row of `el` holds a ticked check box. */
function onlyTicked(el: Element): boolean {
  const parent = el.parentElement;
  if (!parent || parent.childElementCount > MAX_TICKED_SIBLINGS) return false;
  for (let x = parent.firstElementChild; x; x = x.nextElementSibling) {
    if (x !== el && x.querySelector('input[type="checkbox"]:checked') !== null) return false;
  }
  return true;
}

/**
 * The details of an expanded row, right under it: the element its `aria-controls` names, or its next sibling when
 * that is not a row like it (a table row of one wide cell, a block of another class or tag).
 */
export function isDetailsOf(expanded: Element, el: Element): boolean {
  const controls = expanded.getAttribute('aria-controls');
  if (controls && el.id && controls.split(/\s+/).includes(el.id)) return true;
  if (el.previousElementSibling !== expanded) return false;
  if (el.tagName === 'TR' && expanded.tagName === 'TR') {
    const a = cellsOf(el);
    return a.length === 1 || a.length < cellsOf(expanded).length;
  }
  return el.tagName !== expanded.tagName || (el.getAttribute('class') ?? '') !== (expanded.getAttribute('class') ?? '');
}

/** Class tokens of headings, titles and captions (where a page styles a `div` as its heading). */
const HEADING_CLASS = /(?:^|[\s_-])(?:h|hd|hdr|hdg|head|header|heading|title|caption|cap|sect|section|legend|subhead|subtitle)(?=$|[\s_\d-])/i;

export function hasHeadingClass(el: Element): boolean {
  const cls = el.getAttribute('class');
  return cls !== null && HEADING_CLASS.test(cls);
}

/**
 * The application's own bars, not the record's: a toolbar, menu bar or status bar, the signed-in user's bar (its name,
 * role and the app's date or clock). Roles, or class tokens as apps name them (`toolbar`, `user-bar`, `statusbar`…).
 */
const CHROME_ROLES = new Set(['toolbar', 'menubar', 'status']);
const CHROME_CLASS =
  /(?:^|[\s_-])(?:toolbar|tool-bar|tbar|menubar|menu-bar|statusbar|status-bar|appbar|app-bar|userbar|user-bar|user-info|userinfo|user-menu|usermenu|user-panel|login-info|logged-in|session-info|sessionbar|session-bar|clock)(?=$|[\s_-])/i;

export function isAppChrome(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  const cls = el.getAttribute('class');
  return cls !== null && CHROME_CLASS.test(cls);
}

/**
 * A page's search or filter controls (a filter bar, a search form, a facet list): what they hold is a query — the
 * modalities, dates and saved searches to look for — never the open record. By role (`search`), the `<search>`
 * element, a name that says so (`aria-label="Filters"`), or class tokens as apps name them (`filter-bar`, `filters`,
 * `search-form`, `facets`…); a class that also names the results or a list (`search-results`) is the list's.
 */
const FILTER_CLASS =
  /(?:^|[\s_-])(?:filters?|filterbar|filter-bar|filter-panel|filtros?|facets?|facet-list|search|searchbar|search-bar|searchform|search-form|search-panel|search-box|searchbox|search-criteria|querybar|query-bar|refine)(?=$|[\s_-])/i;
const NOT_FILTER_CLASS = /result|list|table|grid|row|page|content|main|body|container|wrapper|layout|app|view|overlay/i;

export function isFilterControls(el: Element): boolean {
  if (el.tagName.toUpperCase() === 'SEARCH' || el.getAttribute('role') === 'search') return true;
  const name = el.getAttribute('aria-label');
  if (name !== null && isFilterTitle(name)) return true;
  const cls = el.getAttribute('class');
  return cls !== null && cls.length <= 200 && FILTER_CLASS.test(cls) && !NOT_FILTER_CLASS.test(cls);
}

/** The title of a page's search or filter controls ("Filters", "Search", "Search criteria", "Refine", "Filtros"). */
const FILTER_TITLE =
  /^(?:filters?|filter by|filtered by|filter results|filter studies|filter worklist|search|search criteria|search filters|search options|study search|advanced search|saved searches|saved search|my searches|refine|refine by|refine results|refine search|buscar|busqueda|busqueda avanzada|criterios de busqueda|filtros?|filtrar|filtrar por|filtrado por)$/;

export function isFilterTitle(text: string): boolean {
  return text.length <= 40 && FILTER_TITLE.test(labelKey(text));
}

/**
 * A line that opens by saying it is a filter or search's criteria ("Filtered by: Modality CT · Last 7 days",
 * "Search criteria — Modality: CT, DX", "Filtros: TC, RX"). Not a bare "Search", which may be a box beside the
 * patient's banner.
 */
export const FILTER_LINE =
  /^\s*(?:filters?|filter by|filtered by|search criteria|search filters|saved search(?:es)?|refine(?: by)?|criterios de b[uú]squeda|filtros?|filtrado por|filtrar por)\s*[:—–-]/i;

/**
 * A command that runs a search, applies a filter or reloads the list it filters ("Search", "Apply filters", "Go",
 * "Refresh", "Buscar", "Filtrar", "Actualizar"). Not a bare "Reset" or "Clear", which a viewer's tools and a form's
 * fields have too.
 */
const FILTER_COMMAND =
  /^(?:search|search studies|search worklist|find|find studies|go|apply|apply filters?|filter|filters|refresh|refresh list|refresh worklist|reset filters|clear filters|buscar|filtrar|aplicar|aplicar filtros|limpiar filtros|actualizar|actualizar lista)$/;

/** Class tokens of an element styled as a button (`btn`, `button`, `tb-btn`): a command, whatever its tag. */
const BUTTON_CLASS = /(?:^|[\s_-])(?:btn|button)(?=$|[\s_-])/i;

/** An element that is a command without being a `<button>`: `role="button"`, or a button's class (`span.btn`). */
export function isButtonLike(el: Element): boolean {
  if (el.getAttribute('role') === 'button') return true;
  const cls = el.getAttribute('class');
  return cls !== null && cls.length <= 200 && BUTTON_CLASS.test(cls);
}

export function isFilterCommand(text: string): boolean {
  return text.length <= 24 && FILTER_COMMAND.test(labelKey(text));
}

/**
 * A facet's count of studies of one modality ("CT (12)", "☑ MR (4)", "Ultrasound (3)"): what a filter offers to
 * look for, with how many it would find.
 */
export const FACET_COUNT = /^(?:[☑☐]\s*)?(?:CT|CR|DX|XR|RF|XA|NM|PT|PET|MR|MRI|US|MG|IO|PX|OT|SR|Fluoro(?:scopy)?|Ultrasound|Nuclear medicine|Mammo(?:graphy)?|X-?ray|Radiography|TC|RM|RX|Eco(?:graf[ií]a)?)\s*\(\d{1,6}\)$/i;

/** Class tokens of items of a list (rows of a div grid, cards of a list). */
const ROW_CLASS = /(?:^|[\s_-])(?:row|tr|item|list-item|entry|record|result|line|card|tile)(?=$|[\s_\d-])/i;

export function hasRowClass(el: Element): boolean {
  const cls = el.getAttribute('class');
  return cls !== null && ROW_CLASS.test(cls);
}

/** Class tokens of content the page does not show. */
const HIDDEN_CLASS = /(?:^|\s)(?:hidden|d-none|is-hidden|hide|invisible|collapsed-content)(?=$|\s)/i;

export function hasHiddenClass(el: Element): boolean {
  const cls = el.getAttribute('class');
  return cls !== null && HIDDEN_CLASS.test(cls);
}

/** Wording that makes an exam named in a text conditional or an alternative to the one being done. */
export const NOT_THE_EXAM =
  /\b(?:if|unless|consider|considered|may|might|possibly|would|should|could|vs\.?|versus|instead of|rather than|in lieu|(?<!-)alternative|optional|depending on|si|salvo|considerar|podr[ií]an?|eventual(?:mente)?|opcional|(?<!-)alternativa|en caso de|de persistir|de no mejorar|seg[uú]n (?:la )?evoluci[oó]n|seg[uú]n (?:el )?resultado)\b/i;
/** A clause that opens by weighing an exam ("Valorar TC de tórax…", "Plantear RM…"): an option, not an order. */
export const WEIGHED_EXAM = /^\s*(?:\d+[.)]\s*)?(?:valorar|plantear(?:se)?|contemplar)\b/i;

/**
 * What a "not done", "not needed" or "declined" may be about besides the exam (its contrast, sedation, preparation,
 * shielding): "IV contrast not required", "does not need sedation", "no precisa sedación" leave the exam.
 */
const ELSE = '(?:iv\\s+|oral\\s+)?(?:contrast|sedation|anesthesia|anaesthesia|general anesthesia|fasting|npo|prep|preparation|premedication|consent|isolation|transport|iv access|shielding|shields?|gonadal shield|lead apron|apron|thyroid collar|immobili[sz]ation|interpreter|child life|contraste|protecci[oó]n|delantal|sedaci[oó]n|anestesia|ayuno|preparaci[oó]n|premedicaci[oó]n)';
/** `word`, unless what it says is about something else named just before it ("contrast not required"). */
const aboutTheExam = (word: string) => `\\b${word}(?<!\\b${ELSE}\\s+(?:(?:is|was|are|were|has been|had been|es|fue)\\s+)?${word})`;
const NOT_ABOUT_ELSE_AFTER = `(?!\\s+(?:an?\\s+|de\\s+|la\\s+|el\\s+)?${ELSE})`;
/** Imaging named in a negation ("no CT was performed", "no x-rays needed"). */
const IMAGING = '(?:imaging|radiographs?|x-?rays?|cts?|ct scans?|cat scans?|scans?|films?|radiology|fluoroscopy|ultrasounds?|mris?|studies|imaging studies)';

/**
 * Wording that says the exam named in a text was not done, is not needed or was declined: "Chest radiograph was not
 * obtained", "CT not indicated", "did not undergo CT", "no x-rays needed", "parents declined CT", "CT deferred",
 * "no se realizó TC", "se decidió no realizar radiografía", "no precisa radiografía", "sin estudios de imagen",
 * "rechazaron la TC". Such a text never names the exam. Not this: a negation of findings ("CT: no acute findings",
 * "no CT findings of appendicitis"), of the contrast or the sedation ("no contrast", "contrast not required"), a
 * comparison ("no prior CT") or an exam not done *yet* ("not yet performed").
 */
export const NOT_DONE = new RegExp(
  [
    `${aboutTheExam('not')}\\s+(?:been\\s+)?(?:obtained|performed|done|acquired|taken|ordered|indicated|required|needed|necessary|warranted|pursued|tolerated)\\b(?!\\s+(?:yet|until))`,
    `\\b(?:did\\s+not|didn'?t|does\\s+not|doesn'?t|do\\s+not|will\\s+not|won'?t)\\s+(?:undergo|have|get|receive|tolerate|need|require|warrant|obtain|order)\\b${NOT_ABOUT_ELSE_AFTER}`,
    `\\bno\\s+(?:further\\s+|additional\\s+|other\\s+)?${IMAGING}(?:\\s+(?:was|were|is|are|has\\s+been|have\\s+been))?\\s*(?:$|[.;,)]|(?:performed|obtained|done|needed|indicated|required|necessary|ordered|warranted)\\b)`,
    `\\bno\\s+need\\s+(?:for|of)\\s+(?:an?\\s+|further\\s+)?${IMAGING}`,
    `\\b(?:declined|refused|deferred|cancell?ed|withheld|forgone|foregone)\\b${NOT_ABOUT_ELSE_AFTER}`,
    `\\bno\\s+se\\s+(?:le\\s+)?(?:realiz[oó]|realizaron|realizar[aá]|hizo|hicieron|practic[oó]|solicit[oó]|pidi[oó]|indic[oó]|tom[oó]|obtuvo)(?!\\p{L})`,
    `\\bdecidi[oó]\\s+no(?!\\p{L})`,
    `\\bno\\s+(?:realizar|realizamos|se\\s+realiza|precisa|precis[oó]|requiere|requiri[oó]|necesita|necesit[oó]|es\\s+necesari[oa]|est[aá]\\s+indicad[oa]|fue\\s+(?:posible|necesari[oa]|realizad[oa]))(?!\\p{L})${NOT_ABOUT_ELSE_AFTER}`,
    `${aboutTheExam('no')}\\s+(?:necesari[oa]|indicad[oa])(?!\\p{L})`,
    `\\bsin\\s+(?:realizar\\s+)?(?:estudios?|pruebas?|ex[aá]menes)\\s+(?:de\\s+)?(?:imagen|radiol[oó]gic[oa]s?)|\\bsin\\s+(?:imagen(?:es)?|radiograf[ií]as?|rx|tc|tac|radiolog[ií]a)(?!\\p{L})`,
    `\\brechaz(?:[oó]|aron|ad[oa]s?)(?!\\p{L})|\\bdiferid[oa](?!\\p{L})|\\bcancelad[oa](?!\\p{L})|\\bdesestimad[oa](?!\\p{L})`,
  ].join('|'),
  'iu',
);

/**
 * A signature line ("Electronically signed by Jane Park, RT(R)(CT) on …", "Dictated by …", "Firmado por …"): the
 * signer's credentials and department in it are not an exam, its date is the document's (see `dateRole`).
 */
export const SIGNATURE_LINE =
  /^\s*(?:electronically\s+|e-?)?(?:signed|co-?signed|authenticated|attested|dictated|transcribed|verified|reviewed)(?:\s+and\s+\w+)?\s+by\b|^\s*(?:firmad[oa]|validad[oa]|dictad[oa]|transcrit[oa])(?:\s+electr[oó]nicamente)?\s+por\b/i;

/** The application's frame around the record: the signed-in user or the session ("User: …", "Usuario: …", "Log out"). */
export const SESSION_WORDS = /\b(?:user|usuario|usuaria|logged in|signed in|log ?out|sign ?out|log ?off|cerrar sesi[oó]n|sesi[oó]n iniciada|welcome|bienvenid[oa])\b/i;
/**
 * A department, service or module name (normalised by labelKey): "Radiology", "Nuclear Medicine", "CT Scheduling",
 * "Servicio de Medicina Nuclear", "Fluoroscopía", "MRI Department", "Ultrasound Worklist".
 */
const DEPARTMENT =
  /^(?:(?:servicio|departamento|unidad|seccion|area|department|dept|division|section|unit|service|services|modulo|module) (?:de |del |of )?)?(?:(?:diagnostic|pediatric|paediatric|pediatrica|infantil|interventional|intervencionista|vascular|body|neuro) )?(?:radiology|radiologia|imaging|diagnostic imaging|medical imaging|diagnostico por imagen|diagnostico por la imagen|imagen|imagenes|nuclear medicine|medicina nuclear|fluoroscopy|fluoroscopia|fluoro|radioscopia|interventional radiology|radiologia intervencionista|ct|mri|mr|resonancia|resonancia magnetica|tomografia|ultrasound|sonography|ecografia|x ray|xray|rayos x|radiografia|radiography|mammography|mamografia|pet|pet ct|cath lab|cardiac cath lab|hemodinamica)(?: (?:department|dept|division|section|unit|service|services|scheduling|schedule|worklist|work list|queue|desk|front desk|reception|suite|reading room|protocoling|protocolling|technologist|workspace|module|agenda|citacion|citaciones|lista de trabajo|pediatrica|infantil|intervencionista))?$/;

/** A department, service or module's name: "Fluoroscopía", "CT Scheduling", "Servicio de Medicina Nuclear". */
export function isDepartmentName(text: string): boolean {
  return text.length <= 60 && DEPARTMENT.test(labelKey(text));
}

/**
 * A list's title (normalised by labelKey): a schedule, agenda, worklist, board or queue, with the service or room it is
 * of ("IR Schedule", "Cath & EP Schedule — Tuesday …", "Agenda de Radiología — martes", "Fluoro Worklist", "Procedure
 * Board"). Never an exam's name, though it names a kind of imaging.
 */
const LIST_TITLE =
  /(?:^|\s)(?:schedule|schedules|worklist|work list|board|procedure board|case board|tracking board|status board|queue|census|calendar|roster|case list|day list|daily list|day sheet)(?:\s+(?:for|of|on)\b.*)?$|^(?:(?:today s|daily|day|weekly)\s+)?(?:schedule|agenda|worklist|board|queue|lista de trabajo|programacion|planilla|citaciones|cuadrante|parte)(?:\s|$)|\bagenda\b|\blista de (?:trabajo|citas|pacientes)\b/;
/**
 * The title of a help or reference document (normalised by labelKey): online help, a user guide or manual, a
 * knowledge-base article, a quick reference or tip sheet, FAQs, training material ("VoxReport Help - Voice
 * commands", "KB0142 · Quick reference: pediatric CT", "Ayuda — Solicitud de estudios"). Its examples (a training
 * patient, a template named PEDS CXR, a table of ages and first tests) are about nobody.
 */
const HELP_TITLE =
  /\b(?:help|online help|help center|help centre|user guide|user s guide|users guide|reference guide|quick reference|quick reference guide|quick start|quick start guide|tip sheet|tipsheet|job aid|user manual|knowledge base|kb article|faq|faqs|frequently asked questions|how to|tutorial|training guide|training manual|release notes|ayuda|centro de ayuda|guia de usuario|guia rapida|manual de usuario|preguntas frecuentes|base de conocimiento|hilfe|handbuch|benutzerhandbuch|anleitung)\b/;

/** The document's title names help or reference material: the page is about no patient. */
export function isHelpTitle(title: string): boolean {
  return title.length <= 160 && HELP_TITLE.test(labelKey(title));
}

/** A weekday, a month (labelKey'd) or a numeric date (as written): the day a list's title names. */
const DAY_WORDS =
  /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b/;
const NUMERIC_DAY = /\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{4}-\d{2}-\d{2}/;
/** A title's parts: "Cath & EP Schedule — Tuesday, December 8" → the list's name, its day. */
const TITLE_PARTS = /\s*[·|•›»:,]\s*|\s[—–-]\s/;

/** A list's title that names its day: the page is that day's list ("IR Schedule — Tue 12/08/2026"). */
export function isDayList(title: string): boolean {
  if (title.length > 80 || !(DAY_WORDS.test(labelKey(title)) || NUMERIC_DAY.test(title))) return false;
  return title.split(TITLE_PARTS).some((part) => isListTitle(part));
}

export function isListTitle(text: string): boolean {
  return text.length <= 80 && LIST_TITLE.test(labelKey(text));
}

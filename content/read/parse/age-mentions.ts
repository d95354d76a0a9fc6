/**
 * Ages written in running text, with or without a label, and what is NOT an age.
 *
 * `findAgeMentions(text)` returns every age the text states, each with its form:
 * - `compact`: forms that only ever mean a person's age — `6 y.o.`, `6yo`, `6 y/o`, `45 d/o`, `5 wk.o.`, `3 m/o`,
 *   `6 years old`, `6 años de edad`, a newborn's day of life (`DOL 9`, `DDV 5`, `día de vida 3`, `2 días de vida`);
 * - `pair`: an age next to a sex — `12Y / M`, `5 mo / M`, `9yo F`, `008M F`, `M 9Y`, `F 3y 7m`, `F | 3 y.o.`,
 *   `Female, 5 wk.o.`, `Masculino 7 años`; glued after a `LAST, First` name, years (`TANAKA, R 63F ·`);
 * - `as`: a DICOM Age String on its own or in brackets — `(009Y)`, `012Y`;
 * - `plain`: a number with an age unit — `7 years`, `15 yrs`, `6 wks 2 days`, `3y 7m`, `17 months`, `4 años`,
 *   `6-year-old` (the reader accepts these only where the page says they are the patient's: a label or the patient
 *   header).
 * Not ages (left out): whom a public page speaks to — `newborns to 17 years old`, `ages 4 and up`, `3 years and older`,
 *   `if your child is 4 years old`, `de 0 a 17 años`, `4 años en adelante`; durations and intervals — `for 2 weeks`, `over 6 months`, `last 3 days`, `x 5 days`,
 *   `2 weeks ago`, `in 2 weeks`, `every 6 months`, `2-week follow-up`, `6-month course`, `18 h/day`, `1 per 5 years`,
 *   `durante 3 días`, `hace 2 semanas`; ranges and limits — `5–10 y`, `2 to 20 years`, `under 5 years`, `< 2 y`;
 *   history — `at 8 months of age`, `at age 8 months`, `since age 4`, `when she was 9 years old`; and the ages of relatives — `mother, 31 yo`, `her 4-year-old son`,
 *   `Guardian: Holm, Karin (mother), 38 years`.
 * Pure string work (no DOM); the reader decides which mention is the patient's.
 */
import type { AgeReading } from './age';
import { DAY_OF_LIFE, parseAgeText, parseDicomAge, SEX_WORD } from './age';

export type AgeForm = 'compact' | 'pair' | 'as' | 'plain';

export interface AgeMention {
  reading: AgeReading;
  form: AgeForm;
  /** The age as written (the number and its unit, without the sex). */
  text: string;
  index: number;
  /** The sex written next to it, when the form is a pair. */
  sex?: 'M' | 'F';
  /** A person noun follows (`7-year-old boy`, `18 mos here`…): how a narrative names its subject's age. */
  person?: boolean;
}

// A unit of an age part; longest spellings first, never running into more letters.
// (A spaced "a" before a number is Spanish "to": "2 a 5 años".)
// French, Italian, Portuguese, Dutch and German units too ("6 ans", "1 an", "3 mois", "4 anni", "12 gg", "5 jaar", "3 mnd",
// "6 J.", "8 Monate", "5 Tage").
const U_YEAR = "years?|yrs?|yr|y|jahren|jahre|jahr|años?|anos?|ans|an|anni|anno|jaar|jr|j|(?<=\\d)a|a(?!\\s+\\d{1,3}(?!\\d|\\s?[md](?![a-zñáéíóú])))";
const U_MONTH = 'months?|mths?|mth|mos?|mo|meses|mes|mois|mesi|mese|maanden|maand|mnd|monaten|monate|monat|m';
const U_WEEK = 'weeks?|wks?|wk|wochen|woche|w|semanas?|semaines?|settimane|settimana|weken|sem';
const U_DAY = 'days?|d|días|dias|día|dia|jours?|giorni|giorno|gg|dagen|tagen|tage|tag';
const UNIT = `(?:${U_YEAR}|${U_MONTH}|${U_WEEK}|${U_DAY})`;
const NUM = '\\d{1,3}(?:[.,]5)?';
/** One part: `7 y`, `6 wks`, `3y`; parts join with spaces, commas or "and"/"y". */
const PART = `${NUM}\\s?${UNIT}\\.?(?![a-zñáéíóúàèìòùâêôçë])`;
const RUN = `${PART}(?:(?:\\s*,\\s*|\\s+(?:and\\s+|y\\s+|et\\s+|e\\s+|en\\s+)?)${PART}){0,2}`;
/** Suffixes that make an age compact: "y.o.", "yo", "y/o", "d/o", "wk.o.", "m/o", "years old", "años de edad". */
const OLD = `(?:\\.\\s?o\\.?|\\/o|(?<![mM])o|\\s?-?\\s?old|\\s+de\\s+edad|\\s+de\\s+vida|\\s+of\\s+life|\\s+de\\s+idade|\\s+di\\s+et[àa]|\\s+oud)(?![a-zñ])`;
const SEX = SEX_WORD;
const SEP = '\\s*[/|,·•–-]?\\s*';

// Number + unit + "old"-suffix. The unit part may be a single letter ("6 y.o.", "45 d/o", "5 wk.o.").
const RE_COMPACT = new RegExp(`(?<![\\w.,/-])(${NUM})\\s?(${UNIT})${OLD}`, 'giu');
const RE_DAY_OF_LIFE = new RegExp(DAY_OF_LIFE.source, 'giu');
// Hyphenated "6-year-old" (an adjective: prose as often as a banner).
const RE_HYPHEN_OLD = /(?<![\w.,/-])(\d{1,3})-(years?|months?|weeks?|days?|yr|mo|wk|day)-old\b/giu;
// A DICOM AS standing alone or in brackets.
const RE_AS = /(?<![\w.,/-])\(?(\d{3}[DWMY])\)?(?![\w])/g;
// A run of age parts.
const RE_RUN = new RegExp(`(?<![\\w.,/+-])${RUN}`, 'giu');
/**
 * A number with a unit letter right after it (a space or a hyphen between at most; `2.5 y`, `9Y`, `3-year`): what
 * RE_COMPACT, RE_AS, RE_RUN, RE_HYPHEN_OLD and RE_FEMALE_PAIR all need (their units start with one of these letters).
 */
const UNIT_AFTER_NUMBER = /\d(?:[.,]5)?[\s-]?[admswyfgjt]/iu;
/**
 * An age–sex pair with a capital F (`52F`, `(68 F)`, `71 F`): F is no age unit, so the pair is its own form — never a
 * temperature (`T 101 F`, `98.6 F`, `101°F`) nor a French catheter size (`8F sheath`, `6 F catheter`).
 */
const RE_FEMALE_PAIR = /(?<![\w.,/°-])(\d{1,3})\s?F(?![\p{L}\d°])/gu;
const TEMPERATURE_BEFORE = /(?:\bt\s*[:=]?\s*|\b(?:temp|temperature|tmax|fever|febrile|afebrile)\b[^.;\d]{0,12}|[~<>≤≥]\s*)$/iu;
const DEVICE_AFTER = /^\s*(?:fr\b|french|sheath|cath|catheter|tube|drain|introducer|stent|dilator|needle|ng\b|ett\b|foley|picc)/iu;
/** …nor a device's size or a place named before it (`Sheath: 5F`, `catheter 4F`, `Ward 3F`, `Floor 2F`). */
const DEVICE_OR_PLACE_BEFORE =
  /\b(?:sheath|cath(?:eter)?|tube|drain|introducer|stent|dilator|needle|foley|picc|ett|ng|size|gauge|ward|floor|level|unit|room|rm|bed|bay|wing|building|bldg|suite)\b[^.;\d]{0,8}$/iu;
/**
 * An age glued to the sex right after a person's name, as a board's or list's block writes a person ("TANAKA, R 63F ·
 * XR SHOULDER", "Marlow, Jude 7M"): years, then the sex — F is no unit, and beside F's in this place M is the sex (such a
 * list writes months with their unit: "11mo M"). Only after a `LAST, First` name and before a separator or the end:
 * a sheath's "5F", a ward's "3F" are not.
 */
const RE_NAME_AGE_SEX = /(?<=\p{Lu}[\p{L}'’-]+,\s*\p{L}[\p{L}.'’ -]{0,30}\s)(\d{1,2})([MF])(?=\s*(?:[·|•;,/]|\s[–-]\s|$))/gu;
const NAME_AGE_SEX_HINT = /,.*\s\d{1,2}[MF]\b/;
const HAS_LETTER = /\p{L}/u;
const RE_SEX_BEFORE = new RegExp(`(?<![\\w])${SEX}\\.?${SEP}$`, 'iu');
const RE_SEX_AFTER = new RegExp(`^${SEP}${SEX}\\b(?![/\\w])`, 'iu');

/** Words just before a number that make it a duration, interval, limit or history, not an age. */
const DURATION_BEFORE =
  /(?:\b(?:(?:fiebre|tos|dolor|v[oó]mitos|diarrea|cuadro|evoluci[oó]n|historia|duraci[oó]n|s[ií]ntomas|fever|cough|pain|symptoms|history)\s+(?:de|of)|for|over|last|past|x|since|within|in|after|before|during|every|each|per|q|about|approx(?:imately)?|around|next|until|till|from|at|under|below|above|older than|younger than|up to|between|than|durante|hace|desde|por|en|cada|tras|antes de|despu[eé]s de|[uú]ltim[oa]s|menores? de|mayores? de|hasta|entre|al menos|at least|depuis|pendant|il y a|dans|apr[eè]s|avant|tous les|toutes les|moins de|plus de|jusqu'[àa]|da|dopo|prima di|ogni|entro|negli ultimi|nelle ultime|meno di|pi[uù] di|h[aá]|ap[oó]s|a cada|nos [uú]ltimos|nas [uú]ltimas|menos de|mais de|at[eé]|sinds|gedurende|na|binnen|elke|sedert|seit|vor|f[uü]r|nach|[uü]ber|innerhalb|alle|bis|ab|etwa|ca\.?)|[<>≤≥~×]|\bx)\s*$/iu;
/** Right after the age: "ago", a rate ("/day"), "of age" (history), "follow-up", or the end of a range. */
const AFTER_NOT_AGE =
  /^\s*(?:ago\b|fa\b|geleden\b|atr[aá]s(?!\p{L})|plus t[oô]t\b|auparavant\b|\/\s*(?:day|d|week|wk|month|mo|year|yr)\b|per\b|of\s+age\b|de\s+edad\s+(?:cuando|a)\b|later\b|earlier\b|prior\b|before\b|after\b|apart\b|follow|course\b|supply\b|history\b|duration\b|interval\b|window\b|plan\b|trial\b|old\s+(?:son|daughter|brother|sister|sibling|grand\w*|nephew|niece)\b|[–-]\s*\d|to\s+\d|a\s+\d|y\s+\d|[àa]\s+\d|et\s+plus\b|e\s+oltre\b|ou\s+mais\b)/iu;
/** A person right after an age: "7-year-old boy", "12 d/o female", "un niño de 7 años". */
const PERSON_AFTER =
  /^\s*(?:(?:white|black|hispanic|asian|previously healthy|healthy|former|ex-?\w+|term|preterm|full-term)\s+)?(?:boy|girl|male|female|man|woman|child|infant|toddler|neonate|newborn|baby|patient|adolescent|teen(?:ager)?|gentleman|lady|ni[ñn][oa]|var[oó]n|mujer|hombre|lactante|paciente)\b/iu;

/** A person right before an age, as Spanish names its subject: "niña de 5 años", "lactante de 8 meses", "varón de 7 a". */
const PERSON_BEFORE =
  /(?:^|[^\p{L}])(?:(?:ni[ñn][oa]|lactante|paciente|var[oó]n|mujer|hombre|adolescente|neonato|reci[eé]n nacid[oa]|beb[eé]|escolar|preescolar|chic[oa]|menor|enfant|fille|gar[cç]on|nourrisson|patient|patiente|b[eé]b[eé]|adolescent|adolescente|crian[cç]a|menin[oa]|rapaz|rapariga|lactente)\s+de|(?:bambin[oa]|ragazz[oa]|paziente|neonato|lattante|adolescente)\s+di)\s*$/iu;

/**
 * A past event told with the age it happened at: "at age 8 months", "since age 4", "at the age of 3 months",
 * "diagnosed age 5 years", "when she was 9 years old", "a los 6 años", "cuando tenía 4 años".
 */
const HISTORY_BEFORE =
  /(?:\b(?:at|since|until|till|by|from|before|after|around|about|under|over|onset|diagnosed|dx|operated|repaired|treated|started|began|stopped|ended|occurred|happened|fractured|broke|\w+(?:tomy|ectomy|plasty))\s+(?:the\s+)?(?:age|edad)(?:\s+(?:of|de))?|\b(?:when|while)\s+(?:he|she|they|i|you|the patient|pt|patient)\s+(?:was|were)(?:\s+(?:about|around|only))?|\ba\s+(?:los|las|la\s+edad\s+de)|\b(?:cuando|mientras)\s+(?:ten[ií]a|era)|(?:^|[^\p{L}])(?:[àa]\s+l['’]\s?[âa]ge\s+de|all['’]\s?et[àa]\s+di|aos)|\b(?:quand|lorsqu['’]?)\s*(?:il|elle)\s+avait|\bquando\s+(?:aveva|tinha))\s*[:,]?\s*$/iu;

/**
 * An age that is not the time since birth: a newborn's gestational, corrected or postmenstrual age (weeks of
 * pregnancy), and the age of a finding ("bone age 13 y 6 m", "skeletal age", "dental age", "edad ósea") —
 * "EG 34 sem", "GA: 34 wks", "RNPT 34 semanas", "edad gestacional 34", "corrected age 2 wks", "pretérmino de 34",
 * "born at 34 weeks"; after the age: "34 weeks gestation", "34 semanas de gestación", "34+2", "34 2/7 wks", "34 wk GA".
 */
const GESTATION_BEFORE =
  /(?:\b(?:EG|GA|CGA|PMA|SDG|RNPT|RNT|RNPreT|gestational age|gestation|gestaci[oó]n|edad gestacional|(?:corrected|adjusted)(?: gestational)? age|edad corregida|post-?menstrual age|edad pos-?t?menstrual|pre-?t[eé]rmino(?: de)?|preterm(?: infant)?(?: of| at)?|prematuro(?: de)?|a t[eé]rmino(?: de)?|born at|nacid[oa] (?:a las|de)|ex-?|(?:bone|skeletal|dental|height)\s+age(?:\s+of)?|edad\s+(?:[oó]sea|dental)(?:\s+de)?)\s*[:.=]?\s*)$/iu;
const GESTATION_AFTER =
  /^\s*(?:\+\s?\d|\d\/7\b|(?:de\s+)?(?:gestaci[oó]n|gestation(?:al)?|EG\b|GA\b|SDG\b|PMA\b|CGA\b|edad gestacional)|corrected|corregid|post-?menstrual|pos-?t?menstrual|\d\/7|pre-?term\b|premature\b|prematur[oa]\b)/iu;

/**
 * Whom a public page speaks to, not a patient's age: the start of a range of ages ("newborns to 17 years old", "from
 * birth through 21 years", "ages 4 to 17", "de recién nacidos hasta 14 años"), or a condition put to any parent ("if
 * your child is 4 years old", "si su hijo tiene 5 años").
 */
const AUDIENCE_BEFORE =
  /(?:\b(?:newborns?|birth|infancy|infants|babies|neonates|nacimiento|reci[eé]n\s+nacidos|neonatos|lactantes)\s+(?:to|through|thru|until|till|up\s+to|a|hasta)|\b(?:ages|edades|through|thru)|\b(?:if|when|whether|once|until)\s+(?:your|the|a|his|her|their)\s+(?:child|son|daughter|baby|kid|teen|infant)\s+is|\bsi\s+su\s+(?:hij[oa]|beb[eé]|ni[ñn][oa])\s+tiene)\s*$/iu;
/** The end of an open range of ages: "4 years and up", "3 years and older", "6 years or younger", "4 años en adelante". */
const AUDIENCE_AFTER =
  /^\s*(?:old\s+|of\s+age\s+|de\s+edad\s+)?(?:(?:and|or|&)\s+(?:up|older|over|above|under|younger|below|less|more)\b|\+|(?:y|o)\s+(?:m[aá]s|mayores|menores|menos)(?!\p{L})|en\s+adelante)/iu;

/**
 * A dimension of imaging, not an age in days: "2D", "3D", "4D" written as one token next to an imaging word or another
 * dimension — "2D Panoramic", "3D CBCT", "2D/3D", "4D flow", "3D volume rendering", "Tomografía 3D", "Vista 3D".
 * (A bare "3D" with no imaging word beside it is read as any age, in its context.)
 */
const DIMENSION = /^[1-4]D$/i;
const IMAGING_WORD =
  '(?:pano\\p{L}*|cbct|cone[\\s-]?beam|ct|tc|tac|mri?|rm|flow|views?|viewer|vista|visor|imag\\p{L}*|im[aá]gen\\p{L}*|render\\p{L}*|reconstru\\p{L}*|recon|vol[uú]me\\p{L}*|vr|mpr|mip|model\\p{L}*|print\\p{L}*|impresi[oó]n|scan\\p{L}*|escane\\p{L}*|surface|superficie|ultrasound|us|echo\\p{L}*|eco\\p{L}*|sono\\p{L}*|x-?rays?|xr|ceph\\p{L}*|cefal\\p{L}*|photo\\p{L}*|foto\\p{L}*|tomo\\p{L}*|mode|modo|acqui\\p{L}*|adquisici[oó]n|capture|captura|planning|planificaci[oó]n|implant\\p{L}*|angio\\p{L}*|cine|mammo\\p{L}*|mamo\\p{L}*|radiogra\\p{L}*|dental|doppler|segment\\p{L}*|navigat\\p{L}*|guided|gu[ií]ad[oa])';
const DIMENSION_AFTER = new RegExp(`^\\s*(?:(?:[/&+,]|-|and|or|y|o)\\s*[1-4]D\\b|-?\\s*${IMAGING_WORD}(?![\\p{L}\\d]))`, 'iu');
const DIMENSION_BEFORE = new RegExp(`(?<![\\p{L}\\d])(?:${IMAGING_WORD}|[1-4]D)\\s*[/&+,:-]?\\s*$`, 'iu');

function isDimension(text: string, index: number, end: number, written: string): boolean {
  if (!DIMENSION.test(written.trim())) return false;
  return DIMENSION_AFTER.test(text.slice(end, end + 24)) || DIMENSION_BEFORE.test(text.slice(Math.max(0, index - 24), index));
}

/**
 * A bare number right after an age's label word, with or without a colon ("Age 12", "AGE 7", "Edad 9"): years, as
 * under "Age:" — not inside a word that ends in "age" ("Stage 2", "Page 12"), and not a number with a decimal, a
 * fraction, a time or a range after it. A unit after it is the unit forms' ("Age 12 yrs", "AGE 7Y", "age 12 months ago").
 * Italian writes the years' unit first ("Età: anni 7").
 */
const RE_LABEL_NUMBER = /(?<![\p{L}\d'’-])(?:age|edad|[âa]ge|et[àa]|idade|leeftijd|alter)\s*[:.=]?\s*(?:anni\s+)?(\d{1,3})(?![\d.,/:%]|\s*[-–]\s*\d)/giu;
const UNIT_NEXT = new RegExp(`^\\s?${UNIT}\\.?(?![a-zñáéíóú])`, 'iu');
/** A word before the label that makes it another age than the patient's: an average, a limit, a kind of age. */
const QUALIFIED_AGE =
  /(?:^|[^\p{L}])(?:average|mean|median|avg|typical|usual|expected|minimum|min|maximum|max|mental|developmental|reading|retirement|legal|voting|drinking|school|promedio)\s+$/iu;
/**
 * An age in brackets after a date or a year of the same item ("XR Wrist 19/09/2017 (age 10)", "05/14/2021 XR KNEE
 * (age 14)", "fracture 2008 (age 9)"): the age at that past event, never the patient's, and no sign that the date beside it is a birth date.
 */
const PAST_EVENT_BEFORE = /(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|(?<!\d)(?:19|20)\d{2})(?![\d/.-])[^·•|;()[\]\n]{0,30}[([]\s*$/u;
/** Oldest age a bare number under an age's label is read as. */
const MAX_LABEL_YEARS = 130;

/** A range just before: "5–", "2 to ", "2 a ". */
const RANGE_BEFORE = /\d\s*(?:[–-]|to|a|y)\s*$/iu;

/** People whose ages a patient's page shows beside the patient's own. */
const RELATIVE =
  /\b(?:mother|mom|mum|father|dad|parents?|guardians?|caregivers?|caller|sibling|siblings|brother|sister|son|daughter|sons|daughters|grand(?:mother|father|son|daughter|child|children|ma|pa)|aunt|uncle|cousin|husband|wife|spouse|partner|nephew|niece|twin|madre|mam[aá]|padre|pap[aá]|hermana?o?s?|hij[oa]s?|abuel[oa]s?|nieto?a?s?|t[ií][oa]|prim[oa]|esposo?a?|pareja|tutora?|maternal|paternal|matern[oa]|patern[oa]|m[èe]re|p[èe]re|maman|papa|fr[èe]re|s[œo]eur|grand-m[èe]re|grand-p[èe]re|tuteur|tutrice|genitor[ei]|fratello|sorella|nonn[oa]|m[ãa]e|pai|irm[ãa]o?|av[óô]|moeder|vader|ouders?|broer|zus)\b/iu;

/**
 * A child named as someone's right before the age: "infant of a 22 yo", "baby born to a 30-year-old". (Spanish
 * "RN de 3 días" is the newborn's own age: "de" is not "of" here.)
 */
const CHILD_OF_BEFORE = /\b(?:infant|baby|newborn|neonate|child|son|daughter|twins?)\s+(?:of|born to|to)\s+(?:an?\s+)?$/iu;

const RELATIVE_AFTER = new RegExp(`^\\s*[(,–-]?\\s*${RELATIVE.source.replace(/^\\b/, '')}`, 'iu');

/** Does the text name a relative (so ages in it are someone else's)? */
export function namesRelative(text: string): boolean {
  return RELATIVE.test(text);
}

/**
 * A relative named in the same clause before the age (no sentence break between), or right after it
 * ("38 years (mother)"): the age is theirs.
 */
function relativeAround(text: string, index: number, end: number): boolean {
  const before = text.slice(Math.max(0, index - 48), index);
  const clause = before.split(/[.;!?]\s|\n/).pop() ?? before;
  if (RELATIVE.test(clause) || CHILD_OF_BEFORE.test(clause)) return true;
  return RELATIVE_AFTER.test(text.slice(end, end + 24));
}

function isNotAge(text: string, index: number, end: number): boolean {
  const before = text.slice(Math.max(0, index - 24), index);
  if (DURATION_BEFORE.test(before) || RANGE_BEFORE.test(before)) return true;
  if (GESTATION_BEFORE.test(before) || GESTATION_AFTER.test(text.slice(end, end + 24))) return true;
  const before40 = text.slice(Math.max(0, index - 40), index);
  if (HISTORY_BEFORE.test(before40) || AUDIENCE_BEFORE.test(before40)) return true;
  if (AUDIENCE_AFTER.test(text.slice(end, end + 32))) return true;
  return AFTER_NOT_AGE.test(text.slice(end, end + 32));
}

function sexOf(word: string): 'M' | 'F' {
  return /^(?:f|fem|female|femenino|mujer|f[ée]minin|femmina|feminino)/i.test(word.trim()) ? 'F' : 'M';
}

function overlaps(found: readonly AgeMention[], index: number, end: number): boolean {
  return found.some((m) => index < m.index + m.text.length && end > m.index);
}

/**
 * Every age stated in `text` (see the file comment), strongest forms first within a position; relatives' ages,
 * durations, ranges and history are left out.
 */
export function findAgeMentions(text: string, max = 6): AgeMention[] {
  // Every form writes a number and a letter (a unit, a sex, a label, a day of life): a text with no letter (a date, a
  // record number) has none.
  if (!text || !/\d/.test(text) || !HAS_LETTER.test(text)) return [];
  const found: AgeMention[] = [];
  const add = (m: AgeMention, end: number) => {
    if (found.length >= max || overlaps(found, m.index, end)) return;
    if (relativeAround(text, m.index, end)) return;
    found.push(m);
  };

  // An age glued to the sex right after a person's name (`TANAKA, R 63F`): before the units read the M as months.
  if (NAME_AGE_SEX_HINT.test(text)) {
    for (const m of text.matchAll(RE_NAME_AGE_SEX)) {
      const reading = parseAgeText(`${m[1]} y`);
      if (reading) add({ reading, form: 'pair', text: m[1]!, index: m.index, sex: m[2] as 'M' | 'F' }, m.index + m[0].length);
    }
  }
  // Every form but a day of life has a unit letter right after its number (`6 y.o.`, `9Y`, `3-year-old`, `012Y`).
  const units = UNIT_AFTER_NUMBER.test(text);
  // A day of life first: its number may stand before a sex (`DOL 2 M`, `DOL 2 F`), which is no age–sex pair then.
  // (A look for one first: most texts hold none, and a search for every one costs more than that look.)
  if (DAY_OF_LIFE.test(text)) for (const m of text.matchAll(RE_DAY_OF_LIFE)) {
    const reading = parseAgeText(m[0]);
    if (reading) add({ reading, form: 'compact', text: m[0], index: m.index }, m.index + m[0].length);
  }
  if (units) unitForms(text, add, found);
  if (/(?:age|edad|âge|et[àa]|idade|leeftijd|alter)\s*[:.=]?\s*(?:anni\s+)?\d/i.test(text)) labelNumbers(text, add);
  if (units) for (const m of text.matchAll(RE_HYPHEN_OLD)) {
    const index = m.index;
    const end = index + m[0].length;
    const reading = parseAgeText(`${m[1]} ${m[2]}`);
    if (!reading || isNotAge(text, index, end)) continue;
    add({ reading, form: 'plain', text: m[0], index, ...(PERSON_AFTER.test(text.slice(end, end + 24)) ? { person: true } : {}) }, end);
  }
  // Last: a number before a capital F is an age–sex pair only where no other form has read it.
  if (units) femalePairs(text, add);
  return found.sort((a, b) => a.index - b.index);
}

/** Bare numbers right after an age's label word (`RE_LABEL_NUMBER`), as years. */
function labelNumbers(text: string, add: (m: AgeMention, end: number) => void): void {
  for (const m of text.matchAll(RE_LABEL_NUMBER)) {
    const index = m.index + m[0].length - m[1]!.length;
    const end = index + m[1]!.length;
    if (+m[1]! > MAX_LABEL_YEARS || UNIT_NEXT.test(text.slice(end, end + 12))) continue;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (QUALIFIED_AGE.test(before) || PAST_EVENT_BEFORE.test(text.slice(Math.max(0, m.index - 48), m.index)) || isNotAge(text, index, end)) continue;
    const reading = parseAgeText(`${m[1]} y`);
    if (reading) add({ reading, form: 'plain', text: m[1]!, index }, end);
  }
}

/** Age–sex pairs with a capital F (`52F`, `(68 F)`): RE_FEMALE_PAIR. */
function femalePairs(text: string, add: (m: AgeMention, end: number) => void): void {
  for (const m of text.matchAll(RE_FEMALE_PAIR)) {
    const index = m.index;
    const end = index + m[0].length;
    const before = text.slice(Math.max(0, index - 16), index);
    if (TEMPERATURE_BEFORE.test(before) || DEVICE_OR_PLACE_BEFORE.test(before) || DEVICE_AFTER.test(text.slice(end, end + 16))) continue;
    const reading = parseAgeText(m[0]);
    if (!reading || isNotAge(text, index, end)) continue;
    add({ reading, form: 'plain', text: m[0], index }, end);
  }
}

/** The compact forms, DICOM AS and runs of parts, in that order. */
function unitForms(text: string, add: (m: AgeMention, end: number) => void, found: readonly AgeMention[]): void {
  for (const m of text.matchAll(RE_COMPACT)) {
    const index = m.index;
    const end = index + m[0].length;
    const reading = parseAgeText(`${m[1]} ${m[2]}`);
    if (!reading || isNotAge(text, index, index + m[1]!.length + m[2]!.length + 1)) continue;
    const pair = sexNear(text, index, end);
    add({ reading, form: pair ? 'pair' : 'compact', text: m[0].trim(), index, ...(pair ? { sex: pair } : {}) }, end);
  }
  for (const m of text.matchAll(RE_AS)) {
    const index = m.index;
    const end = index + m[0].length;
    const reading = parseDicomAge(m[1]!);
    if (!reading) continue;
    const pair = sexNear(text, index, end);
    add({ reading, form: pair ? 'pair' : 'as', text: m[1]!, index, ...(pair ? { sex: pair } : {}) }, end);
  }
  for (const m of text.matchAll(RE_RUN)) {
    const index = m.index;
    const end = index + m[0].length;
    if (overlaps(found, index, end)) continue;
    const pair = sexNear(text, index, end);
    // With its sex beside it, a capital M after the number is months (`8M F`); alone, it is the sex (`88 M`).
    const reading = parseAgeText(m[0], pair ? { monthsLetter: true } : {});
    if (!reading || isNotAge(text, index, end) || isDimension(text, index, end, m[0])) continue;
    // "9 d" alone in its cell or beside a sex ("9 d M") is an age; "5 m" in a sentence may be metres.
    if (!plausibleRun(m[0]) && !pair && text.trim() !== m[0].trim()) continue;
    const person = !pair && (PERSON_AFTER.test(text.slice(end, end + 24)) || PERSON_BEFORE.test(text.slice(Math.max(0, index - 24), index)));
    add({ reading, form: pair ? 'pair' : 'plain', text: m[0].trim(), index, ...(pair ? { sex: pair } : {}), ...(person ? { person } : {}) }, end);
  }
}

/**
 * A run of parts read as an age: units that are a single letter (`m`, `d`, `a`) count only next to a number with
 * no space (`3y 7m`, `45d`) or in an all-short run, so "5 m" (metres) or "2 a" (Spanish "to") is not an age.
 */
function plausibleRun(run: string): boolean {
  const parts = run.match(new RegExp(PART, 'giu')) ?? [];
  for (const p of parts) {
    const unit = /[a-zñáéíóú]+/iu.exec(p)?.[0] ?? '';
    if (unit.length === 1 && /\s/.test(p) && unit !== 'y' && unit === unit.toLowerCase() && parts.length === 1) return false;
  }
  return parts.length > 0;
}

/** The sex written right before or right after an age (`M 9Y`, `12Y / M`, `F | 3 y.o.`), if any. */
function sexNear(text: string, index: number, end: number): 'M' | 'F' | undefined {
  const after = RE_SEX_AFTER.exec(text.slice(end, end + 12));
  if (after) return sexOf(after[0].replace(/[\s/|,·•–-]/g, ''));
  const before = RE_SEX_BEFORE.exec(text.slice(Math.max(0, index - 14), index));
  if (before) return sexOf(before[0].replace(/[\s/|,·•–.-]/g, ''));
  return undefined;
}

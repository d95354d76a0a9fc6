/**
 * Procedure/protocol/order text and DICOM modality codes → modality, Image Gently campaign(s), body region,
 * contrast phases, Think A-Head (trauma wording on a head exam) and "explicitly pediatric protocol".
 *
 * Campaigns (Image Gently Alliance, docs/reference/campaigns.md §1): CT → "Image Gently CT";
 * radiography → "Back to Basics"; fluoroscopy → "Pause and Pulse"; interventional → "Step Lightly";
 * nuclear medicine → "Go With the Guidelines" (NM/PET); dental → "dental" campaign. MR and US: no campaign.
 * Two campaigns when the exam is two things at once: PET/CT and SPECT/CT (nuclear medicine + CT), fluoroscopy-
 * guided interventions (interventional + fluoroscopy; DICOM XA is X-ray angiography, i.e. fluoroscopic), CT-guided
 * interventions (interventional + CT), dental cone-beam CT (dental + CT).
 * Step Lightly is about ionizing guidance: an intervention is "interventional" only when it is guided by
 * fluoroscopy (XA/RF) or CT, or when the wording names no modality at all (fluoroscopy assumed). US- and
 * MR-guided procedures are not; a radiograph checking a line or tube is radiography; a CT or MR angiogram is a
 * diagnostic CT/MR exam, not a catheter angiogram (`isInterventionalExam`).
 * Mammography (MG) has no pediatric Image Gently campaign; it is projection radiography, so it maps to
 * "radiography" (Back to Basics) rather than to nothing — an ionizing exam is never silently dropped.
 *
 * All matching is on upper-cased text with word-boundary regexes; nothing here looks at free text outside the
 * procedure/protocol fields a profile hands over.
 */
import { dentalImagingCode } from './dental-codes';
import type { BodyRegion, Campaign, ModalityCode } from '../types';

export const MODALITY_CODES: readonly ModalityCode[] = [
  'CT', 'CR', 'DX', 'RF', 'XA', 'NM', 'PT', 'MR', 'US', 'MG', 'IO', 'PX',
];
const KNOWN_CODES = new Set<string>(MODALITY_CODES);

/** Primary-modality priority when an exam has several (PET/CT → PT; SPECT/CT → NM; fluoro-guided → XA). */
const MODALITY_PRIORITY: readonly ModalityCode[] = [
  'PT', 'NM', 'XA', 'RF', 'CT', 'MG', 'PX', 'IO', 'DX', 'CR', 'MR', 'US',
];

/** Modality code → its own campaign (before combinations). */
export const CAMPAIGN_OF_MODALITY: Record<ModalityCode, Campaign | null> = {
  CT: 'ct',
  CR: 'radiography',
  DX: 'radiography',
  MG: 'radiography',
  RF: 'fluoroscopy',
  XA: 'interventional',
  NM: 'nuclear-medicine',
  PT: 'nuclear-medicine',
  IO: 'dental',
  PX: 'dental',
  MR: null,
  US: null,
};

/** A hybrid study (PET/CT, SPECT/CT): a nuclear modality and CT among one exam's modalities. */
export function isNuclearWithCt(modalities: readonly ModalityCode[]): boolean {
  return modalities.includes('CT') && isNuclear(modalities);
}

/** A nuclear-medicine modality (NM, PT) among the modalities. */
export function isNuclear(modalities: readonly ModalityCode[]): boolean {
  return modalities.some((m) => m === 'NM' || m === 'PT');
}

/** Primary-campaign priority: the procedure's nature first, then the guidance/imaging modality. */
const CAMPAIGN_PRIORITY: readonly Campaign[] = [
  'interventional', 'nuclear-medicine', 'dental', 'fluoroscopy', 'ct', 'radiography',
];

/**
 * DICOM modality codes in a field: `CT`, `CT\SR`, `PT, CT`, `CT/PT`. Unknown and non-image codes (SR, KO, PR, OT,
 * SEG, REG, RTSTRUCT…) are dropped. `DX`/`CR` are kept as written.
 */
/** One shared, frozen answer per single code (the usual case on a worklist: no array per row). */
const SINGLE = new Map<string, readonly ModalityCode[]>(MODALITY_CODES.map((c) => [c, Object.freeze([c])]));

export function parseModalityCodes(text: string): readonly ModalityCode[] {
  return SINGLE.get(text) ?? parseCodeList(text);
}

/**
 * A modality field's value: its DICOM codes, and the modalities a short value names in words ("Ultrasound",
 * "Fluoroscopy", "Ecografía" under a Modality or Guidance label) — every one of them when it names two guidances
 * ("US + fluoro", "US/Fluoro", "Ecografía y fluoroscopia", "fluoro + CT"). A list of codes alone ("CT\\SR", "PT, CT")
 * is read as codes. Longer text is not a modality's value (its codes only). Shared, frozen answers.
 */
export function modalitiesOfField(text: string): readonly ModalityCode[] {
  const single = SINGLE.get(text);
  if (single) return single;
  let hit = fieldMemo.get(text);
  if (!hit) {
    hit = Object.freeze(fieldModalities(text));
    if (fieldMemo.size < MAX_FIELD_MEMO) fieldMemo.set(text, hit);
  }
  return hit;
}

/** A list's modality column repeats a few values over thousands of rows: their answers, by text. */
const fieldMemo = new Map<string, readonly ModalityCode[]>();
const MAX_FIELD_MEMO = 512;

function fieldModalities(text: string): ModalityCode[] {
  if (text.length > 60) return parseCodeList(text);
  // What the value rules out is not its modality ("Ultrasound only; no fluoroscopy", "fluoroscopy not needed").
  const u = text.toUpperCase().replace(RULED_OUT_AFTER, ' ').replace(RULED_OUT, ' ');
  const codes = parseCodeList(u);
  if (codes.length > 0 && CODE_LIST.test(text)) return codes;
  for (const m of wordModalities(u)) if (!codes.includes(m)) codes.push(m);
  return codes;
}

/** A negation to the end of its clause: "no fluoroscopy", "without CT", "sin fluoroscopia", "not under fluoro". */
const RULED_OUT = /\b(?:NO|NOT|NON|WITHOUT|W\/O|SIN|NI)\b[^,;.()]*/g;
/** A clause whose modality is ruled out after it: "fluoroscopy not needed", "fluoro: none", "fluoroscopia no necesaria". */
const RULED_OUT_AFTER =
  /[^,;.()]*\b(?:NOT?\s+(?:NEEDED|REQUIRED|USED|PLANNED|INDICATED|NECESSARY|ANTICIPATED|EXPECTED|NECESARI[OA]|REQUERID[OA]|INDICAD[OA]|PREVIST[OA]|PRECISA)|NONE|N\/A)(?![\w/])[^,;.()]*/g;
/** Only DICOM-like codes, as written: "CT", "CT\\SR", "PT, CT", "XA/US" (no word for a modality among them). */
const CODE_LIST = /^[A-Z]{2,4}(?:\s*[\\,/;|]\s*[A-Z]{2,4}|\s+[A-Z]{2,4})*$/;

/**
 * The exam's modalities once it is known to be an intervention: one under fluoroscopy is X-ray angiography (XA),
 * however the fluoroscopy was named (a Guidance field "Fluoroscopy", "US + fluoro", a code RF), as its wording is
 * read ("… under fluoroscopy" → XA).
 */
export function interventionModalities(modalities: readonly ModalityCode[], interventional: boolean): readonly ModalityCode[] {
  if (!interventional || !modalities.includes('RF') || modalities.includes('XA')) return modalities;
  return byPriority([...modalities, 'XA'], MODALITY_PRIORITY);
}

function parseCodeList(text: string): ModalityCode[] {
  const out: ModalityCode[] = [];
  for (const part of text.toUpperCase().split(/[\\,/;|\s]+/)) {
    if (KNOWN_CODES.has(part) && !out.includes(part as ModalityCode)) out.push(part as ModalityCode);
  }
  return out;
}

// --- modality from words (order does not matter: priority picks the primary) ---
/**
 * Nuclear medicine by name, agent or common name: scintigraphy, bone/thyroid/renal agents, a hepatobiliary or
 * milk scan (reflux scintigraphy), sulfur colloid (gastric emptying), a radionuclide cystogram, salivagram.
 */
const NM_WORDS =
  /\bNM\b|NUCLEAR MED|MEDICINA NUCLEAR|NUKLEARMEDIZIN|SCINTI|SZINTI|GAMMAGRAF|\bSPECT\b|BONE SCAN|\bMAG-?3\b|\bDMSA\b|\bHIDA\b|\bDTPA\b|\bMIBG\b|THYROID (?:SCAN|UPTAKE)|\bV\/?Q\b|GASTRIC EMPTYING|MECKEL'?S?\s+(?:SCAN|SCINT|STUDY|IMAG)|RENOGRA|\bTC-?99M?\b|\bTC\s+99M?\b|\b99\s*M\s*TC\b|\bI-?123\b|\bI-?131\b|HEPATOBILIARY (?:SCAN|SCINT|IMAG|STUDY)|\bMILK SCAN|REFLUX (?:SCAN|STUDY \(NM|SCINT)|SUL(?:F|PH)UR COLLOID|RADIONUCLIDE|RADIOISOTOP|RADIOTRACER|\bISOTOP|NUCLEAR (?:CYSTO|SCAN|STUDY|IMAG)|\bMUGA\b|SESTAMIBI|MEBROFENIN|DISIDA|PERTECHNETATE|TECHNETIUM|\bGALLIUM\b|THALLIUM|\bINDIUM\b|\bMDP\b|\bHMPAO\b|\bMAA\b|OCTREO|SALIVAGRAM|CORTICAL SCAN|ISOT[OÓ]PIC/;
/** A cystogram made with a radionuclide: nuclear medicine, not fluoroscopy. */
const NUCLEAR_CYSTOGRAM = /(?:RADIONUCLIDE|NUCLEAR|ISOTOP\w*|\bNM)\s+(?:VOIDING\s+)?CYSTO\w*|CISTOGRAF[IÍ]A\s+(?:ISOT[OÓ]PICA|NUCLEAR|DIRECTA ISOT[OÓ]PICA)|\bRNC\b/g;
/**
 * A cephalometric radiograph (a lateral skull film for orthodontics): "ceph", "cephalometric", "cephalogram",
 * "cefalometría", Spanish "telerradiografía (lateral) de cráneo". Word starts only: an electroencephalogram holds
 * CEPHALOGRA. (A "telerradiografía de tórax" is a chest radiograph taken from afar, not a ceph.)
 */
const CEPHALOMETRIC = /\bCEPH\b|\bCEPHALO(?:GRA|METR)|\bCEFALO(?:GRA|M[EÉ]TR)|TELE-?R?RADIOGRAF[IÍ]A\s+(?:LATERAL\s+|FRONTAL\s+|PA\s+)?(?:DE(?:L)?\s+)?CR[AÁ]NEO/;
/**
 * A panoramic reconstruction of a cone-beam (or dental) CT: the CT's curved reformat along the arch ("Panoramic curve",
 * "panoramic reconstruction", "reconstrucción panorámica", "corte panorámico"), not a panoramic radiograph.
 */
const RECONSTRUCTION_BEFORE = String.raw`(?:RECONSTRUCCI[OÓ]N|RECONSTRUCTION|RECONSTRU[CÇ][AÃ]O|REFORMAT\w*|REFORMATEO|CORTE|CURVA|COUPE)\s+`;
const RECONSTRUCTION_AFTER = String.raw`\w*\s+(?:CURVE|RECON\w*|REFORMAT\w*|MPR|SLICE)\b`;
const PANORAMIC_WORD = String.raw`PANOR[AÁÂ]MI[CQ]`;
const PANORAMIC_RECONSTRUCTION = new RegExp(`${RECONSTRUCTION_BEFORE}${PANORAMIC_WORD}|${PANORAMIC_WORD}${RECONSTRUCTION_AFTER}`);
/** Panoramic wording that names a panoramic radiograph (a CT's panoramic reconstruction aside). */
const PANORAMIC_RADIOGRAPH = `(?<!${RECONSTRUCTION_BEFORE})${PANORAMIC_WORD}(?!${RECONSTRUCTION_AFTER})`;
const MODALITY_WORDS: ReadonlyArray<readonly [ModalityCode, RegExp]> = [
  ['PT', /\bPET\b|POSITRON|\bFDG\b|\bPSMA\b|\bDOTATATE\b|\bGA-?68\b|\bNAF\b|F-?DOPA\b|FLUORODEOXY/],
  ['NM', NM_WORDS],
  ['RF', /^\s*RF\b(?!\s*(?:[,;:=]|POS|NEG|TITER|LEVEL|QUANT|IG[MGA]\b|FACTOR|\d))|FLUORO|\bVCUG\b|VOIDING CYSTO|CYSTOURETHROGRA|\bUPPER GI\b|\bUGI\b|SMALL BOWEL (?:FOLLOW|SERIES)|\bSBFT\b|(?:CONTRAST|BARIUM|AIR|WATER[\s-]?SOLUBLE|GASTROGRAFIN) ENEMA|ENEMA (?:OPACO|DE CONTRASTE|CON CONTRASTE|HIDROSOLUBLE)|\bCOLON STUDY|CONTRAST STUDY OF THE (?:COLON|BOWEL)|\bLOWER GI\b(?! BLEED)|ESOPHAGRAM|OESOPHAGRAM|ESOFAGOGRA|(?:BARIUM|CONTRAST|GASTROGRAFIN|OMNIPAQUE|WATER[\s-]?SOLUBLE|VIDEO|DYNAMIC|MODIFIED|THIN|ESOPHAGEAL)\s+SWALLOW|\bSWALLOW(?:ING)?\s+(?:STUDY|EVAL\w*|TEST|SERIES|FUNCTION)|VIDEODEGLUCI|\bMBSS?\b|MODIFIED BARIUM|\bVFSS?\b|\bVFSE\b|(?:COOKIE|OROPHARYNGEAL|PHARYNGEAL|FEEDING)\s+SWALLOW|TRÁNSITO|TRANSITO INTESTINAL|\bCYSTOGRA|\bCISTOGRA|\bCUMS\b|CISTOURETROGRA|URETROCISTOGRA|GENITOGRA|FISTULOGRA|LOOPOGRA|SINOGRA|ARTHROGRA|MYELOGRA|\bHSG\b|HYSTEROSALPINGO|INTUSSUSCEPTION REDUCTION|DESINVAGINACI|SERIADA\s+(?:ESO(?:FAGO)?-?)?GASTRO|\bSEGD\b|\bTEGD\b|BARITAD[OA]|COLON POR ENEMA|RADIOSCOP|\bMCUG\b|MICTURATING CYSTO/],
  ['CT', new RegExp(`${/\bCT\b|\bCTA\b|\bCAT SCAN|COMPUTED TOMOGRAPH|COMPUTERTOMOGRA|TOMOGRAF[IÍ]A (?:AXIAL )?COMPUTA(?:D|RIZAD)|(?<!\b99\s*M?\s*)\bTC\b(?![\s-]*99)(?!\s*[:=]?\s*\d)|\bTAC\b|\bANGIO-?TC\b|\bHRCT\b|\bMDCT\b|\bCBCT\b|CONE[\s-]?BEAM|HAZ C[OÓ]NICO|\bTCHC\b/.source}|${PANORAMIC_RECONSTRUCTION.source}`)],
  // A breast worklist's code first (`MG DIAGNOSTIC BIL + TOMO`, `MG SCREENING BILATERAL`), never milligrams or magnesium
  ['MG', /MAMMO|MAMOGRA|^\s*MG\s+(?:DIAG\w*|SCREEN\w*|BIL\w*|UNILAT\w*|LEFT|RIGHT|LT|RT|SPOT|MAG\w*|TOMO\w*|3D|2D|DBT|CAD|BREAST)\b|\bDBT\b/],
  ['PX', new RegExp(`${PANORAMIC_RADIOGRAPH}|PANOREX|\\bOPG\\b|\\bOPT\\b(?![\\s-]*(?:OUT|IN)\\b)|ORTHOPANTOMO|ORTOPANTOMO|\\bPANO\\b|${CEPHALOMETRIC.source}`)],
  ['IO', /BITE[\s-]?WINGS?|(?:\b|\d)BWXS?\b|PERIAPICAL|OCCLUSAL|OCLUSAL|INTRA[\s-]?ORAL|\bFMX\b|FULL[\s-]MOUTH|ALETA DE MORDIDA/],
  ['DX', /X-?RAYS?\b|\bXR\b|RADIOGRAPH|RADIOGRAF[IÍ]A|PLAIN FILM|\bCXR\b|\bKUB\b|BONE AGE|EDAD ÓSEA|EDAD OSEA|SKELETAL SURVEY|BABYGRAM|SCOLIOSIS (?:SERIES|SURVEY|STUDY)|\b\d\s*VIEWS?\b|\b(?:AP|PA)\s*(?:AND|&|\/|\+)\s*LAT|R[ÖO]NTGEN|ROENTGEN|\b\d\s*EBENEN\b/],
  ['MR', /\bMRI?\b|\bMRA\b|\bMRCP\b|\bMRV\b|\bMRT\b|KERNSPIN|MAGNETRESONANZ|MAGNETIC RESONANCE|RESONANCIA|\bRMN?\b(?!\s*[#.:]?\s*\d)/],
  ['US', /\bUSG\b|ULTRASOUND|ULTRASONO|ULTRASONID|ULTRASCHALL|SONOGRA|\bSONO\b|DOPPLER|\bECHO|ECOGRAF|\bECO\b|ECOSONOGRA|\bTVUS\b|\bTAUS\b|\bTVS\b|BIOPHYSICAL PROFILE|PERFIL BIOF[IÍ]SICO|ANATOMY (?:SCAN|SURVEY)|\bNT SCAN/],
];

/**
 * The same modalities in French, Italian, Portuguese and Dutch words: "Scanner cérébral", "TDM", "tomodensitométrie",
 * "IRM", "échographie", "TEP-TDM", "cystographie rétrograde", "TOGD", "lavement opaque", "clisma opaco", "pasto
 * baritato", "seriografia EED", "radio du thorax", "ASP", "raio-X", "panoramique dentaire", "cintilografia",
 * "ressonância", "ultrassonografia", "X-thorax". French "scanner" is a CT only with what it images or how ("Scanner
 * cérébral", "scanner thoraco-abdominal", "Scanner sans injection") or alone: an MRI scanner is a machine. "TEP" is a
 * PET only as a French exam ("TEP-TDM", "TEP au FDG"): in Spanish it is a pulmonary embolism. MR and US words get no
 * campaign, as in English.
 */
const EUROPEAN_WORDS: ReadonlyArray<readonly [ModalityCode, RegExp]> = [
  ['PT', /\bTEP[\s-]*(?:TDM|SCAN\b|CT\b|TC\b)|\bTEP\s+(?:AU|AUX|AVEC|[ÀA]\s+LA|CORPS|18|F-?18|FDG|FLUOR)|TOMOGRAPHIE PAR [ÉE]MISSION DE POSITONS|TOMOGRAFIA (?:AD|POR) EMISS[AÃ]O DE POSITR/],
  ['NM', /CINTILOGRA|CINTIGRA|M[ÉE]DECINE NUCL[ÉE]AIRE|MEDICINA NUCLEARE|NUCLEAIRE GENEESKUNDE|\bTEMP\b(?=[\s-]*(?:TDM|CT|AU|OSS|C[ÉE]R|MYOC))|R[ÉE]NOGRAMME ISOTOPIQUE/],
  [
    'RF',
    /\bTOGD\b|TRANSIT\s+(?:ŒSO|OESO|ESO|Œ|GASTRO|DU GR[ÊE]LE|BARYT|OPAQUE|DIGESTIF)|URE?[ÉE]?TROCYSTOGRA|UR[ÉE]TROCYSTOGRA|CYSTOGRAF|MICTIECYSTO|LAVEMENT\s+(?:OPAQUE|BARYT|AUX HYDRO|HYDROSOLUBLE|DE CONTRASTE|[ÀA] LA GASTRO|AU GASTRO|DOUBLE CONTRASTE)|OPACIFICATION (?:DIGESTIVE|[ŒO]SOPHAG|COLIQUE|RECTALE|VÉSICALE|VESICALE)|D[ÉE]F[ÉE]COGRAPH|CLISMA\s+(?:OPACO|A DOPPIO|CON |BARIT|IDROSOLUBILE)|PASTO BARITATO|ESOFAGOGRAMM|(?:RX|STUDIO|ESAME)\s+(?:CONTRASTOGRAFICO\s+)?(?:DELL['’]\s?ESOFAGO|DEL TUBO DIGERENTE|DELLO STOMACO)|TUBO DIGERENTE|TRANSITO (?:ESOFAG|GASTRO|BARIT|DEL TENUE)|SERIOGRAFIA|\bEED\b|TR[ÂA]NSITO (?:INTESTINAL|ESOF|GASTRO|BARIT)|ENEMA (?:BARITADO|COM CONTRASTE)|SLIKFOTO|COLON INLOOP|RADIOSCOPIE/,
  ],
  [
    'CT',
    /\bTDM\b|TOMODENSITOM|TOMOGRAF[IÍ]A (?:AXIAL )?COMPUT|\bTOMOGRAFIA\s+(?:DE|DO|DA|DOS|DAS)\s+(?!COER)|TOMOGRAFIA COMPUTERIZZATA|\bANGIO-?(?:TDM|SCANNER)\b|ANGIOSCANNER|UROSCANNER|COROSCANNER|ARTHROSCANNER|DENTASCANNER|^\s*SCANNER\s*$|\bSCANNER\s+(?:DU|DE|DES|D['’]|C[ÉE]R[ÉE]BRAL|THORA|ABDO|CR[AÂ]NI|CORPS|TAP\b|RACHI|SINUS|FACIAL|MASSIF|ROCHERS|BASSIN|ENC[ÉE]PHAL|CERVIC|PELVIEN|LOMBAIRE|DORSAL|ORBIT|SPIRAL|H[ÉE]LICO|SANS|AVEC|INJECT|MULTI|C[OÔ]NE|DENTAIRE|DES SINUS|T[ÊE]TE|GENOU|POIGNET|CHEVILLE|HANCHE)|C[OÔ]NE[\s-]?BEAM|FAISCEAU CONIQUE|FASCIO CONICO|FEIXE C[OÔ]NICO/,
  ],
  ['PX', /ORTOPANTOMOGRAF|C[ÉE]PHALOM[ÉE]TRI|T[ÉE]L[ÉE]RADIOGRAPHIE (?:DE )?PROFIL|TELERADIOGRAFIA (?:DEL )?CRANIO|TELERRADIOGRAFIA/],
  ['IO', /R[ÉE]TRO-?ALV[ÉE]OLAIRE|ENDORAL|INTRA-?BUCCAL|INTRABUCAL|INTERPROXIMAL/],
  [
    'DX',
    /\bRADIO\s+(?:DU|DE|DES|D['’]|THORAX|PULMONAIRE|BASSIN|GENOU|POIGNET|MAIN|CHEVILLE|CR[AÂ]NE|RACHIS|ABDOMEN|PIED|COUDE|[ÉE]PAULE|HANCHE|F[ÉE]MUR|JAMBE|AVANT-BRAS|CLAVICULE|STANDARD|SIMPLE|CONVENTIONNELLE)|\bASP\b(?!\s*\d)|CLICH[ÉE]S?\s+(?:DU|DE|DES|D['’]|STANDARD|SIMPLES?)|RAIOS?[\s-]?X|TELETORACE|\bX-(?:THORAX|KNIE|BEKKEN|HANDEN|HAND|ENKEL|POLS|VOETEN|VOET|SCHEDEL|HEUPEN|HEUP|SCHOUDER|ELLEBOOG|ONDERARM|BOVENARM|ONDERBEEN|BOVENBEEN|WERVELKOLOM|LWK|CWK|BWK|THWK|BUIKOVERZICHT|BUIK|ABDOMEN|SINUS|SKELET|BOTLEEFTIJD|CLAVICULA|RIBBEN|BORST|LONGEN|NEKWERVELS)\b|THORAXFOTO|[ÂA]GE OSSEUX|ET[ÀA] OSSEA|IDADE [ÓO]SSEA/,
  ],
  ['MR', /\bIRM\b|IMAGERIE PAR R[ÉE]SONANCE|RISONANZA|RESSON[ÂA]NCIA|\bRMN\b|\bARM\b(?=\s*(?:C[ÉE]R|DES|DU|DE|TSA|INTRA))|\bENTERO-?(?:IRM|RM)\b|\bANGIO-?(?:IRM|RM)\b/],
  ['US', /[ÉE]CHOGRAPH|\b[ÉE]CHO\b|[ÉE]CHO-?DOPPLER|ECOGRAFIA|ECODOPPLER|ECOTOMOGRAF|ULTRASSON|ULTRA-SON|\bUSG\b|ECHOGRAFIE|\bECHO\b/],
];
const WORDS: ReadonlyArray<readonly [ModalityCode, RegExp]> = MODALITY_WORDS.map(([code, re]) => {
  const european = EUROPEAN_WORDS.find(([c]) => c === code)?.[1];
  return [code, european ? new RegExp(`${re.source}|${european.source}`) : re] as const;
});

const MODALITY_WORDS_RF = WORDS.find(([c]) => c === 'RF')![1];
const DX_WORDS = WORDS.find(([c]) => c === 'DX')![1];
const KUB = /\bKUB\b/g;
/** Modalities whose exam "KUB" is the region of, not a second exam. */
const REGION_BESIDE_KUB: ReadonlySet<ModalityCode> = new Set(['CT', 'MR', 'US', 'NM', 'PT']);
/** Tomosynthesis (digital breast tomosynthesis, "tomosíntesis"). */
const TOMOSYNTHESIS = /TOMOS[IÍY]NTH?[EÉ]SIS|\bDBT\b/;
/**
 * An enema with contrast words anywhere ("Enema with water-soluble contrast", "enema study under fluoroscopy") is a
 * contrast enema; an enema alone is a treatment ("Fleet enema given").
 */
const CONTRAST_ENEMA = /CONTRAST|CONTRASTE|BARIUM|BARIO|GASTROGRAFIN|OMNIPAQUE|WATER[\s-]?SOLUBLE|HIDROSOLUBLE|OPACO|\bSTUDY\b|\bESTUDIO\b|REDUCTION|REDUCCI[OÓ]N|HYDROSTATIC|HIDROST[AÁ]TIC|PNEUMATIC|NEUM[AÁ]TIC|\bAIR\b/;
/** "US" in capitals, on the text as written: upper-cased, the pronoun ("contact us") would read as ultrasound. */
const US_CODE = /\bUS\b/;
/**
 * "Rx": Spanish for a radiograph ("Rx tórax", "RX DE ANTEBRAZO"), English for a prescription ("Rx: amoxicillin",
 * "Rx refill"). A radiograph only when the text names a body region.
 */
const RX = /\bRX\b/;
/**
 * A viewer's or archive's radiography code written before the body part, in capitals as DICOM writes it ("DX Hand
 * links p.a.", "CR Chest PA"): that radiograph, kept as written, when the text names a body region. Only a code followed
 * by a word: not "Dx:" (a diagnosis), a lab "CR 0.4", nor a series label "CR · PELVIS AP · 1 instance" (the study's
 * description names the exam).
 */
const RADIOGRAPHY_CODE = /\b(DX|CR)\s+(?=\p{L})/u;

/**
 * Interventional procedures (Step Lightly). Guidance modality comes from the other words, else XA is assumed.
 * "Aspiration" alone is not here: "?aspiration" on a chest radiograph or a swallow study is a clinical question,
 * not a needle; needle/fine-needle/marrow/joint/cyst aspiration is.
 */
const INTERVENTIONAL =
  /ANGIOGRA|ANGIOPLAST|\bANGIO\b(?!-?TC)|ARTERIOGRA|VENOGRA|EMBOLI[SZ]|\bPICC\b|DRAINAGE|\bDRAIN\b|DRENAJE|\bIR\b(?!\s*\(?ME\)?\s*R\b)|INTERVENTION|INTERVENCION|CATHETER|CATÉTER|CATETER|\bPORT (?:PLACEMENT|INSERTION)|PORT-?A-?CATH|IMPLANT(?:ED|ABLE) (?:VENOUS )?PORT|RESERVORIO (?:VENOSO|SUBCUT)|LINE PLACEMENT|SCLEROTHERAP|NEPHROSTOMY|NEFROSTOM|GASTROSTOMY|GASTROSTOM|\bG-?TUBE|\bG-?J TUBE|BIOPSY|BIOPSIA|\bSTENT|THROMBECTOMY|TROMBECTOM|ABLATION|ABLACI[OÓ]N|(?:NEEDLE|MARROW|JOINT|CYST|CYSTIC|ABSCESS)\s+ASPIRATION|\bFNA\b|PUNCI[OÓ]N|\bCVC\b|TUNNELED|TUNNELLED|SEPTOSTOM|VALVULOPLAST|VALVOTOM|CARDIAC CATH|HEART CATH/;

/** Angiography words: a catheter angiogram under fluoroscopy, unless the exam is a CT or MR angiogram. */
const ANGIOGRAPHY = /ANGIOGRA|\bANGIO\b|ARTERIOGRA|VENOGRA/;
const ANGIOGRAPHY_ALL = new RegExp(ANGIOGRAPHY.source, 'g');

/** Modalities that guide an intervention with ionizing radiation (Step Lightly): fluoroscopy and CT. */
const IONIZING_GUIDANCE: ReadonlySet<ModalityCode> = new Set(['XA', 'RF', 'CT']);
/** Of those, the ones where angiography wording means a catheter angiogram (a CTA is a diagnostic CT). */
const CATHETER_ANGIO_GUIDANCE: ReadonlySet<ModalityCode> = new Set(['XA', 'RF']);

/**
 * Whether an exam with interventional wording is an intervention under ionizing guidance (Step Lightly).
 * @param modalities the exam's modalities (codes shown by the page, else those named by the words)
 * @param procedure the wording names a procedure other than angiography (PICC, drainage, biopsy …)
 * @param angiography the wording names angiography (catheter angiogram, or a CT/MR angiogram)
 * With no modality at all, the wording alone means a fluoroscopic intervention (XA assumed).
 */
export function isInterventionalExam(modalities: readonly ModalityCode[], procedure: boolean, angiography: boolean): boolean {
  if (!procedure && !angiography) return false;
  if (modalities.length === 0) return true;
  if (procedure && modalities.some((m) => IONIZING_GUIDANCE.has(m))) return true;
  return angiography && modalities.some((m) => CATHETER_ANGIO_GUIDANCE.has(m));
}

/** Interventional wording split into "a procedure" and "angiography" (see `isInterventionalExam`). */
export function interventionalWording(u: string): { procedure: boolean; angiography: boolean } {
  if (!INTERVENTIONAL.test(u)) return NO_WORDING;
  const angiography = ANGIOGRAPHY.test(u);
  const procedure = angiography ? INTERVENTIONAL.test(u.replace(ANGIOGRAPHY_ALL, ' ')) : true;
  return { procedure, angiography };
}
const NO_WORDING = Object.freeze({ procedure: false, angiography: false });

/**
 * Dental wording: the teeth and dental care, on word starts ("accidental" and "incidental" end in DENTAL, Spanish
 * "pendiente" (pending) holds DIENTE).
 */
const DENTAL = /\bDENTAL|\bTEETH\b|\bTOOTH\b|\bDIENTES?\b|\bODONTO|\bENDODONT|\bORTHODONT|\bORTODONC|\bPERIODONT|\bDENTAIRE|\bDENTARI[OA]|\bDENT[ÁA]RI[OA]|\bDENTS\b|\bDENTI\b|\bDENTES\b|\bORTODONZ|\bORTODONT|\bTANDHEELK|\bGEBIT\b/;
/** Dental wording that is a clinical reason for a medical exam ("CT face, ?dental abscess"), not the exam's kind. */
const DENTAL_REASON =
  /\bDENTAL\s+(?:ABSCESS|INFECTION|PAIN|CARIES|TRAUMA|INJURY|SOURCE|ORIGIN|EXTRACTION)|(?:ABSCESO|INFECCI[OÓ]N|DOLOR|TRAUMATISMO)\s+DENTAL|ODONTOG[EÉ]NIC|ODONTALG/g;
/**
 * The jaws and the face's bones: a dental exam's region when the imaging is dental (a cone-beam CT of the mandible),
 * the head's in a medical CT, MR or radiograph ("CT MAXILLOFACIAL", "MRI TMJ", "XR MANDIBLE").
 */
const JAWS = /\bMAXILL?OFACIAL|\bMAND[IÍ]B|\bMAXILL?A(?:R|RY|E|S)?\b|\bJAWS?\b|\bTMJS?\b|TEMPORO-?MANDIBULAR|\bATM\b/;
/** Cone-beam CT: dental unless it images something else (an ENT cone-beam CT of the sinuses or temporal bones). */
const CONE_BEAM = new RegExp(`\\bCBCT\\b|CONE[\\s-]?BEAM|HAZ C[OÓ]NICO|\\bTCHC\\b|${PANORAMIC_RECONSTRUCTION.source}`);

/** Dental imaging words (the IO and PX modality words): such an exam images the dentition. */
const DENTAL_IMAGING = new RegExp(`${WORDS.find(([c]) => c === 'IO')![1].source}|${WORDS.find(([c]) => c === 'PX')![1].source}`);

/** Modalities a dental exam may have: its own (IO, PX), cone-beam CT, a radiograph; never MR, US, NM, fluoroscopy. */
const DENTAL_FITS: ReadonlySet<ModalityCode> = new Set(['IO', 'PX', 'CT', 'DX', 'CR']);

/** Whether an exam with these modalities may be dental imaging (no MR, US, NM, fluoroscopy among them). */
export function mayBeDental(modalities: readonly ModalityCode[]): boolean {
  return modalities.every((m) => DENTAL_FITS.has(m));
}

/**
 * Whether an exam is dental imaging (the dental campaign): intraoral or panoramic/cephalometric wording; a cone-beam
 * CT of the jaws or of no other region; or dental wording naming the exam itself ("Dental CBCT", "dental
 * radiographs") with no modality a dental exam does not have. The jaws or the face alone in a medical CT, MR or
 * radiograph, and dental wording as the reason for one ("?dental abscess"), are not.
 * @param modalities the exam's modalities (named by the words, or the codes a page shows)
 */
export function isDentalExam(u: string, modalities: readonly ModalityCode[]): boolean {
  if (modalities.includes('IO') || modalities.includes('PX') || DENTAL_IMAGING.test(u)) return true;
  if (!mayBeDental(modalities)) return false;
  if (CONE_BEAM.test(u)) return DENTAL.test(u) || JAWS.test(u) || medicalRegionOf(u) === null;
  return DENTAL.test(u) && DENTAL.test(u.replace(DENTAL_REASON, ' '));
}

/** Explicitly pediatric protocol/order wording (used only when no age is shown anywhere). */
export const PEDIATRIC_PROTOCOL =
  /\bPEDS?\b|\bPEDI?ATRIC|\bPAEDS?\b|\bPAEDIATRIC|\bCHILD|\bINFANT|\bNEONAT|\bNEWBORN|\bNICU\b|\bPICU\b|PEDIÁTRIC|PEDIATRIC[OA]|\bINFANTIL|\bNIÑ[OA]S?\b|\bLACTANTE|\bNEONATO|P[ÉE]DIATRI|\bENFANTS?\b|\bNOURRISSON|\bBAMBIN[OIA]\b|\bCRIAN[CÇ]AS?\b|\bKINDER/;

/**
 * Possible abuse / non-accidental injury / child-protection wording. Such an exam never gets Think A-Head (its
 * decision rules are for minor blunt head injury, not for suspected abuse); the panel shows a neutral line
 * pointing to the site's child-protection imaging protocol instead. "Substance/drug/alcohol abuse" is not this.
 */
export const CHILD_PROTECTION =
  /\bNAT\b|NON[\s-]?ACCIDENTAL|(?<!SUBSTANCE |DRUG |ALCOHOL |DRUGS )\bABUS(?:E|ED|IVE)\b|\bAHT\b|SHAKEN|INFLICTED|MALTREAT|CHILD[\s-]PROTECT|SAFEGUARDING|\bSCAN TEAM\b|NO ACCIDENTAL|MALTRATO|\bABUSO\b|MALTRAIT|S[ÉE]VICES|MALTRATTAM|MAUS[\s-]TRATOS|\bMISHANDELING|PROTECCI[OÓ]N (?:DE LA INFANCIA|INFANTIL|DEL MENOR)/;

/**
 * Minor head injury wording (Think A-Head, Image Gently's minor head injury campaign): minor/mild head injury, a
 * fall, a bump, "head injury" (and Spanish equivalents). GCS, TBI, MVC, LOC or "trauma" alone do not raise it:
 * the decision rules it alludes to cover minor blunt head trauma only (GCS 14–15).
 */
const MINOR_HEAD_INJURY =
  /(?:MINOR|MILD)\s+(?:BLUNT\s+|CLOSED\s+)?HEAD\s+(?:INJUR|TRAUMA)|HEAD\s+INJUR|\bFALL(?:S|EN)?\b|\bFELL\b|\bBUMP(?:ED|S)?\b|HEAD STRIKE|HIT (?:HIS |HER |THEIR )?HEAD|CONCUSS|CA[IÍ]DA|GOLPE|\bTCE\b|TRAUMATISMO CRANE\w* LEVE|CONMOCI/;

/** Wording of a head injury that is not minor: no Think A-Head (its rules do not apply). */
const NOT_MINOR =
  /SEVERE|\bMAJOR TRAUMA|POLYTRAUMA|PENETRATING|GUNSHOT|\bGSW\b|INTUBATED|TRAUMA (?:ACTIVATION|ALERT|TEAM)|\bGCS\s*(?:OF\s*|=\s*|<\s*)?(?:[3-9]|1[0-3])\b|\bGRAVE\b/;

// --- body region ---
const R_HEAD_WORDS = /\bHEAD\b|\bBRAIN\b|\bSKULL\b|CRANI|\bSINUS|\bFACIAL\b|\bFACE\b|\bORBITS?\b|TEMPORAL BONE|\bIACS?\b|\bCEREBR|CABEZA|CR[AÁ]NE[OA]L?\b|CEREBRO|ENC[EÉ]FALO|\bNEURO\b|TRANSFONTANEL|FONTANEL|SENOS PARANASALES|\b[OÓ]RBITAS?\b|PE[NÑ]ASCOS?\b|MACIZO FACIAL|\bCARA\b|SILLA TURCA|\bO[IÍ]DOS?\b|\bORBITAL\b|\bZYGOM|NASAL BONES?\b|MASTOID|HUESOS PROPIOS|SCH[ÄA]DEL|SCHAEDEL|\bKOPF\b|NASENNEBENH[ÖO]HLEN|\bNNH\b|GEHIRN|\bHIRN\b|CR[AÂ]NE\b|CR[AÂ]NIEN|C[ÉE]R[ÉE]BR|ENC[ÉE]PHAL|\bT[ÊE]TE\b|MASSIF FACIAL|\bORBITES\b|\bROCHERS\b|\bCRANIO\b|CR[ÂA]NIO|CERVELLO|ENCEFAL|CABE[CÇ]A|\bTESTA\b|SENI PARANASALI|SEIOS (?:DA FACE|PERINASAIS|PARANASAIS)|HERSENEN|SCHEDEL|FONTANELLE/;
/** The head, the jaws and the face's bones included. */
const R_HEAD = new RegExp(`${R_HEAD_WORDS.source}|${JAWS.source}`);
const R_NECK = /\bNECK\b|CUELLO|\bHALS\b|SCHILDDR[ÜU]SE|\bAIRWAY\b|\bTHYROID\b|\bCERVICAL SOFT|TIROIDES|\bTIROIDEA|PAR[OÓ]TID|LARINGE|PARTES BLANDAS CERVICAL|CAROTID|CAR[OÓ]TID|\bCOU\b|THYRO[ÏI]D|TIROIDE|TIREOIDE|\bCOLLO\b|PESCO[CÇ]O|PAROTID/;
const R_CHEST_WORDS = /\bCHEST\b|\bTHORAX|\bLUNGE|\bRIPPEN|\bTHORACIC\b(?!\s*SPINE)|\bLUNGS?\b|\bCXR\b|T[OÓ]RAX|PULMONARY|PULM[OÓ]N|\bPE PROTOCOL\b|\bRIBS?\b|COSTILLAS|PARRILLA COSTAL|STERN(?:UM|AL)\b|ESTERN[OÓ]N|MEDIASTIN|THORACIQUE|\bTHORACO|TORACIC[OA]|TOR[AÁ]CIC[OA]|TORACE|POUMONS?\b|POLMON|PULM[ÕO]ES|PULMONAIRE|C[ÔO]TES\b|\bCOSTE\b|COSTELAS|GRIL COSTAL|LONGEN|M[ÉE]DIASTIN|RIBBEN|\bBORST\b/;
/**
 * The breast: a mammogram's, a breast tomosynthesis's or a breast ultrasound's region is the chest ("MAMMO SCREENING",
 * "Mamografía", "US breast"). ("Mamá", a mother, is not "mama": only the adjective and the exams' own words.)
 */
const BREAST = /\bBREASTS?\b|MAMMO|MAMOGRA|MAMARI[OA]S?\b|\bDE (?:LA )?MAMAS?(?![\wÁ])|\bDBT\b/;
const R_CHEST = new RegExp(`${R_CHEST_WORDS.source}|${BREAST.source}`);
/** The abdomen, its organs and the studies of them (a renogram images the kidneys). */
const R_ABDOMEN = /\bABD(?:OMEN|OMINAL|O)?\b|ABDOMEN|\bBAUCH|\bNIEREN?\b|\bLEBER\b|\bKUB\b|\bLIVER\b|\bRENAL\b|\bKIDNEYS?\b|\bAPPEND|\bUPPER GI\b|\bUGI\b|\bLOWER GI\b|SMALL BOWEL|\bENEMA\b|\bBOWEL\b|H[IÍ]GADO|ABDOMINOPELVIC|ABDOMENPELVIS|HEPAT|BILIARY|GALL[\s-]?BLADDER|\bSPLEEN|SPLENIC|PANCREA|\bGASTR(?:IC|O)|STOMACH|\bPYLOR|INTUSSUSCEPTION|\bADRENAL|\bNEPHR|\bR[EÉ]NOGRA|\bRI[NÑ][OÓ]N(?:ES)?\b|\bRENALES\b|VES[IÍ]CULA BILIAR|\bBAZO\b|P[AÁ]NCREAS|EST[OÓ]MAGO|INVAGINACI|\bMECKEL|BILIAR|AP[EÉ]NDICE|APENDICITIS|INTESTIN|\bCOLON\b|P[IÍ]LORO|\bDUODEN|ES[OÓ]FAGO-?G[AÁ]STR|\bSEGD\b|\bTEGD\b|\bG-?J?[\s-]?TUBES?\b|\bJ-?TUBES?\b|JEJUN|YEYUN|\bABDOM|\bADDOM|\bABD[ÓO]M|\bASP\b|\bFOIE\b|R[ÉE]NAL|FEGATO|F[ÍI]GADO|\bREINS?\b|\bREN[EI]\b|\bRINS\b|BILIAIRE|URINAIRE|URINARI[OA]|URIN[ÁA]RI[OA]|ESTOMAC|STOMAC|EST[ÔO]MAGO|GR[ÊE]LE|INVAGINA|PANCR[ÉE]A|C[ÔO]LON\b|DUOD[ÉE]N|\bTOGD\b|LAVEMENT|CLISMA|TUBO DIGERENTE|DIGESTIF|\bEED\b|\bMILZA\b|BA[ÇC]O\b|NIEREN|\bBUIK|\bMAAG\b|\bLEVER\b/;
const R_PELVIS = /\bPEL(?:VIS|VIC|V)?\b|PELVIS|\bHIPS?\b|\bBECKEN|H[ÜU]FTE|H[ÜU]FTGELENK|HARNBLASE|(?<!GALL[\s-])\bBLADDER\b|VCUG|MCUG|CYSTO|\bCUMS\b|CISTOURETRO|URETROCISTO|P[EÉ]LVIS|ABDOMINOPELVIC|ABDOMENPELVIS|\bUTER(?:US|INE)\b|\bOVAR|ADNEX|\bGYN|TRANSVAGINAL|ENDOVAGINAL|SCROT|TESTI(?:S|CLES?|CULAR)\b|PROSTAT|[ÚU]TERO\b|\bOVARIOS?\b|VEJIGA|CISTOGRAF|GINECOL|P[EÉ]LVIC[OA]S?\b|CADERAS?\b|SACROIL|OBSTETRI|OBST[EÉ]TRIC|\bOB\b|\bFETAL\b|\bFETO\b|EMBARAZO|GESTACI[OÓ]N|\bPREGNAN|ENDOMETRI|TRANSVAGINAL|ESCROT|TEST[IÍ]CUL|BASSIN|BACINO|\bBACIA\b|PELVIEN|HANCHES?\b|\bANCA\b|\bANCHE\b|VESSIE|VESCICA|BEXIGA|UT[ÉE]RUS|OVAIRE|OVAI[EO]|\bOV[ÁA]RIOS?\b|CYSTOGRAPH|CYSTOGRAF|MICTIONNEL|MINZIONAL|MICCIONAL|COXO-?F[ÉE]MORA|BEKKEN|\bHEUP|MICTIECYSTO/;
/**
 * Swallow studies by what they image. A modified barium swallow / videofluoroscopic swallow study (MBS, VFSS, "cookie
 * swallow", oropharyngeal swallow, "estudio de deglución videofluoroscópico") watches the oral cavity and the pharynx
 * while a child eats and drinks: the neck. A swallow-function study named no more precisely ("swallow study",
 * "swallowing evaluation", "estudio de deglución") is that study too. A barium or contrast swallow, an esophagram
 * ("esofagograma", "tránsito esofágico") images the esophagus, which runs through the thorax: the chest — read only
 * when no abdominal word is there (an upper GI with esophagram is the abdomen's).
 */
const R_OROPHARYNGEAL_SWALLOW =
  /MODIFIED\s+BARIUM|\bMBSS?\b|VIDEO[\s-]?FLUORO\w*\s+(?:SWALLOW|EVAL|STUDY OF SWALLOW)|\bVFSS?\b|\bVFSE\b|\bVIDEO[\s-]?SWALLOW|ORO-?PHARYN|PHARYNGEAL\s+SWALLOW|(?:DYNAMIC|COOKIE|FEEDING)\s+SWALLOW|VIDEODEGLUCI|DEGLUCI[OÓ]N\s+(?:VIDEO|OROFAR)|VIDEOFLUOROSCOP[IÍ]A\s+(?:DE\s+(?:LA\s+)?)?DEGLUCI|OROFAR[IÍ]NGE/;
const R_SWALLOW_FUNCTION = /\bSWALLOW(?:ING)?\s+(?:STUDY|EVAL\w*|FUNCTION|TEST)|ESTUDIO\s+(?:\w+\s+)?DE\s+(?:LA\s+)?DEGLUCI/;
/** The esophagus, and the swallow studies of it. */
const R_ESOPHAGUS = /ESOPHAG|OESOPHAG|ES[OÓ]F[AÁ]G|(?:BARIUM|CONTRAST|GASTROGRAFIN|OMNIPAQUE|WATER[\s-]?SOLUBLE|THIN|ESOPHAGEAL)\s+SWALLOW/;
/** Any swallowing wording left: the esophagus's (a chest exam "for pain on swallowing" is read by its other words first). */
const R_SWALLOW = /\bSWALLOW(?!ED)|\bDEGLUCI/;

/** The region a swallow study's own kind names: the neck (oral cavity and pharynx), the chest (esophagus), or null. */
function swallowRegion(u: string): 'neck' | 'chest' | null {
  if (R_OROPHARYNGEAL_SWALLOW.test(u)) return 'neck';
  if (R_ESOPHAGUS.test(u)) return 'chest';
  if (R_SWALLOW_FUNCTION.test(u)) return 'neck';
  return R_SWALLOW.test(u) ? 'chest' : null;
}
const R_CAP_SPELLED = /\bC\/A\/P\b|TORSO/;
// "CAP" is chest-abdomen-pelvis only beside "CT" (not "knee cap"). Two tests, not `CT.*CAP`: the lookahead
// form rescans the rest of the text at every "CT" (quadratic).
const isCtCap = (u: string): boolean => R_CAP_SPELLED.test(u) || (/\bCAP\b/.test(u) && /\bCT\b/.test(u));
// "A/P" is abdomen and pelvis beside "CT" ("CT A/P W", "A/P CT"); on a radiograph it is a projection ("chest A/P").
const isCtAp = (u: string): boolean => /\bA\/P\b/.test(u) && /\bCTA?\b|\bTC\b/.test(u) && !R_CHEST.test(u);
const R_SPINE = /SPINE|\b[CTL]-?SPINE\b|SCOLIOSIS|ESCOLIOSIS|SKOLIOSE|COLUMNA|WIRBELS[ÄA]ULE|\b[HBL]WS\b|(?<!ARTERIAS?\s)VERTEBR(?!AL\s+ARTER)|LUMBAR|\bSACRUM\b|\bSACRO\b|C[OÓ]CCIX|COCCYX|RACHIS|RACHIDE|COLONNE|COLONNA|\bCOLUNA|VERT[ÉE]BR|LOMBA|SACR[EÉ]\b|WERVELKOLOM|\bLWK\b|\bCWK\b|\bBWK\b|\bTHWK\b|NEKWERVELS/;
/** The heart: its vessels, valves and chambers, its catheterization and echo (TAVR, PCI, TEE, ASD/VSD closure). */
const R_CARDIAC =
  /CARDIAC|\bHEART\b|\bHERZ|CORONAR|CARDIO|CORAZ[OÓ]N|CARD[IÍ]AC|\bTAVR\b|\bTAVI\b|\bPCI\b|\bPTCA\b|\bCABG\b|AORTIC VALVE|MITRAL|TRICUSPID|PULMONARY VALV|V[AÁ]LVULA (?:A[OÓ]RTICA|MITRAL|TRIC[UÚ]SPIDE|PULMONAR)|VALVULOPLAST|\bECHO\b|ECHOCARDIO|\bTEE\b|\bTTE\b|ECOCARDIO|\b(?:ASD|VSD|PDA|PFO)\b|ELECTROPHYSIOL|\bEP STUDY\b|ESTUDIO ELECTROFISIOL|VENTRICULOGRA|\bMUGA\b/;
const R_EXTREMITY = /\bHANDS?\b|SPRUNGGELENK|HANDGELENK|ELLENBOGEN|\bSCHULTER|UNTERARM|OBERARM|UNTERSCHENKEL|OBERSCHENKEL|\bFUSS|\bFINGER|\bZEHEN?\b|HOMBROS?\b|ANTEBRAZOS?\b|\bBRAZOS?\b|\bMUSLOS?\b|PIERNAS?\b|\bDEDOS?\b|FALANGE|CLAV[IÍ]CULA|H[UÚ]MERO|F[EÉ]MUR|PERON[EÉ]|CALC[AÁ]NEO|CALCANEUS|ESCAFOIDES|SCAPHOID|\bCARPO|METACARP|METATARS|ANTEPI[EÉ]|EXTREMIDAD|MIEMBRO (?:SUPERIOR|INFERIOR)|\bPIES\b|\bMANOS\b|MU[NÑ]ECAS\b|RODILLAS\b|TOBILLOS\b|CODOS\b|\bWRISTS?\b|\bELBOWS?\b|FOREARM|HUMERUS|SHOULDER|\bKNEES?\b|\bANKLES?\b|\bFOOT\b|\bFEET\b|FEMUR|TIBIA|FIBULA|\bLEGS?\b|\bARMS?\b|\bTHIGHS?\b|\bCALF\b|\bCALVES\b|VASTUS|QUADRICEPS|HAMSTRING|GASTROCNEMI|\bDELTOID|EXTREMIT|PANTORRILLA|\bGEMELOS?\b|CU[AÁ]DRICEPS|FINGER|\bTOES?\b|CLAVICLE|BONE AGE|EDAD [OÓ]SEA|MU[NÑ]ECA|RODILLA|TOBILLO|CODO|\bPIE\b|\bMANO\b|GENOUX?\b|GINOCCHI|JOELHOS?\b|POIGNETS?\b|\bPOLSO|PUNHOS?\b|\bMAINS\b|\bMAIN (?:DROITE|GAUCHE|ET|D|G)\b|DE LA MAIN\b|\bPIEDS?\b|\bPIEDE|CHEVILLES?\b|CAVIGLI|TORNOZELO|\bCOUDES?\b|GOMITO|COTOVELO|[ÉE]PAULES?\b|SPALLA|\bOMBRO|JAMBES?\b|\bGAMBA|\bPERNA|\bBRAS\b|BRACCIO|AVANT-BRAS|AVAMBRACCIO|ANTEBRA[ÇC]O|DOIGTS?\b|CUISSE|COSCIA|CLAVICUL|CLAVICOLA|HUM[ÉE]RUS|\bOMERO|\b[ÚU]MERO|CALCAN[ÉE]UM|SCAPHO[ÏI]DE|SCAFOIDE|[ÂA]GE OSSEUX|ET[ÀA] OSSEA|IDADE [ÓO]SSEA|MEMBRE (?:SUP|INF)|\bKNIE|\bPOLS\b|\bVOET|\bENKEL|ELLEBOOG|SCHOUDER|ONDERARM|BOVENARM|ONDERBEEN|BOVENBEEN|BOTLEEFTIJD|\bART[IO] (?:INFERIOR|SUPERIOR)|MEMBROS? (?:INFERIOR|SUPERIOR)|\bFEMORAL/;
/**
 * The whole body, or a survey from the head to the legs: a PET/CT "skull base to mid-thigh", "eyes to thighs",
 * "vertex to toes", "de base de cráneo a tercio medio de muslo".
 */
const R_WHOLE =
  /WHOLE[\s-]BODY|TOTAL[\s-]BODY|SKELETAL SURVEY|BABYGRAM|\bWB\b|CUERPO ENTERO|VERTEX TO|SKULL BASE TO|(?:SKULL[\s-]?BASE|BASE OF (?:THE )?SKULL|\bEYES?|\bORBITS?|\bVERTEX|\bV[EÉ]RTEX|BASE DE(?:L)? CR[AÁ]NEO|\bOJOS)\s*(?:TO|-|–|—|\bA|HASTA)\s*(?:THE\s+)?(?:(?:MID|PROXIMAL|UPPER)[\s-]*|(?:EL\s+|LA\s+)?TERCIO\s+(?:MEDIO|PROXIMAL|SUPERIOR)\s+(?:DE(?:L)?\s+)?(?:LOS\s+)?)?(?:THIGHS?|TOES?|FEET|FOOT|KNEES?|MUSLOS?|PIES|RODILLAS|DEDOS)\b/;
/**
 * A central venous catheter or port: a PICC, CVC, central line, tunnelled catheter, implanted port (Port-a-Cath,
 * Hickman, Broviac), Spanish "catéter (venoso) central", "vía central", "reservorio venoso". Its tip lies at the
 * cavoatrial junction and its placement is watched over the chest.
 */
const CENTRAL_LINE =
  /\bPICC\b|\bCVC\b|\bCENTRAL (?:VENOUS )?(?:LINE|CATHETER|ACCESS)|PORT-?A-?CATH|IMPLANT(?:ED|ABLE) (?:VENOUS )?PORT|\bPORT (?:PLACEMENT|INSERTION)|HICKMAN|BROVIAC|TUNNELL?ED (?:CENTRAL |DIALYSIS |VENOUS )?(?:LINE|CATHETER)|CAT[EÉ]TER (?:VENOSO )?CENTRAL|V[IÍ]A (?:VENOSA )?CENTRAL|RESERVORIO (?:VENOSO|SUBCUT)/;
/** An angiogram of the brain's vessels (cerebral, carotid, intracranial): the head, whatever arteries it injects. */
const NEURO_ANGIO = /\bCEREBR|CAROTID|CAR[OÓ]TID|INTRACRAN|NEUROVASC|NEURO-?ANGIO|\bNEURO-?INTERVENT|NEURORRADIOLOG[IÍ]A INTERVENC/;

export interface ProcedureInfo {
  /** Modalities named by the text, primary first. */
  modalities: ModalityCode[];
  /** An intervention under ionizing guidance, judged with the modalities the words name (see `isInterventionalExam`). */
  interventional: boolean;
  /** The interventional wording itself, to judge again with the modality codes a page shows. */
  interventionWording: { procedure: boolean; angiography: boolean };
  dental: boolean;
  region: BodyRegion | null;
  phases: number | null;
  /** Minor head injury wording (fall, bump, minor/mild head injury), no abuse wording, nothing severe. */
  minorHeadInjury: boolean;
  /** Possible abuse / non-accidental injury / child-protection wording. */
  childProtection: boolean;
  pediatricProtocol: boolean;
}

/**
 * Region from upper-cased text; combinations (abdomen + pelvis, chest + abdomen + pelvis) first. The dentition when
 * the exam is dental imaging (`isDentalExam`, with `modalities` when they are known, else those the words name).
 */
export function regionOf(u: string, modalities?: readonly ModalityCode[]): BodyRegion | null {
  if (R_WHOLE.test(u)) return 'whole-body';
  if (DENTAL_ANY.test(u) && !/\bSINUS/.test(u) && isDentalExam(u, modalities ?? wordModalities(u))) return cephalometricOnly(u) ? 'head' : 'dental';
  return medicalRegionOf(u);
}

/**
 * A cephalometric radiograph and no other dental imaging: a profile of the whole skull and face, the head's region (a
 * panoramic or intraoral image beside it images the dentition).
 */
function cephalometricOnly(u: string): boolean {
  return CEPHALOMETRIC.test(u) && !CONE_BEAM.test(u) && !DENTAL_IMAGING.test(u.replace(CEPHALOMETRIC_ALL, ' '));
}
const CEPHALOMETRIC_ALL = new RegExp(CEPHALOMETRIC.source, 'g');

/** Any dental wording at all (one test for the usual text, which has none). */
const DENTAL_ANY = new RegExp(`${DENTAL.source}|${DENTAL_IMAGING.source}|${CONE_BEAM.source}`);

function wordModalities(u: string): ModalityCode[] {
  const out: ModalityCode[] = [];
  for (const [code, re] of WORDS) if (re.test(u)) out.push(code);
  return out;
}

/**
 * A radiograph's frontal view in French or Portuguese ("thorax face", "genou face et profil", "de face", "F+P"): a
 * projection, not the face.
 */
const FACE_VIEW = /\b(?:DE\s+)?FACE\s*(?:ET|E|\+|&|\/|-)\s*PROFIL\b|\bDE\s+FACE\b|(?<=(?:THORAX|ABDOMEN|ASP|BASSIN|GENOUX?|CHEVILLES?|POIGNETS?|MAINS?|PIEDS?|COUDES?|[ÉE]PAULES?|HANCHES?|RACHIS|LOMBAIRE|CERVICAL|DORSAL|F[ÉE]MUR|JAMBES?|CLAVICULE|HUM[ÉE]RUS|AVANT-BRAS|T[ÓO]RAX|JOELHO|PUNHO)\s+)FACE\b/g;

/** The region of a medical exam (the dentition aside). */
function medicalRegionOf(text: string): BodyRegion | null {
  const u = text.includes('FACE') ? text.replace(FACE_VIEW, ' ') : text;
  const chest = R_CHEST.test(u);
  const abd = R_ABDOMEN.test(u);
  const pelvis = R_PELVIS.test(u);
  if ((chest && abd && pelvis) || isCtCap(u)) return 'chest-abdomen-pelvis';
  if ((abd && pelvis) || isCtAp(u)) return 'abdomen-pelvis';
  if (R_CARDIAC.test(u) && !echoOfRegion(u, chest || abd || pelvis)) return 'cardiac';
  if (ANGIOGRAPHY.test(u) && NEURO_ANGIO.test(u)) return 'head';
  if (R_SPINE.test(u)) return 'spine';
  if (R_HEAD.test(u)) return 'head';
  const swallow = swallowRegion(u);
  if (R_NECK.test(u) || swallow === 'neck') return 'neck';
  if (chest) return 'chest';
  if (abd) return 'abdomen';
  if (pelvis) return 'pelvis';
  if (swallow === 'chest') return 'chest';
  // A central venous catheter ends in the chest whichever limb vein it enters by ("PICC, left arm").
  if (CENTRAL_LINE.test(u)) return 'chest';
  if (R_EXTREMITY.test(u)) return 'extremity';
  return null;
}

/**
 * "Echo" before another region's name is an ultrasound of it ("Echo heupen", "Echo nieren", "écho abdominale"), not an
 * echocardiogram: the heart only when nothing else it names is cardiac and no other region is named.
 */
function echoOfRegion(u: string, trunk: boolean): boolean {
  if (!/\bECHO\b|[ÉE]CHO\b/.test(u) || R_CARDIAC.test(u.replace(/\bECHO\b|[ÉE]CHO\b/g, ' '))) return false;
  return trunk || R_HEAD.test(u) || R_NECK.test(u) || R_SPINE.test(u) || R_EXTREMITY.test(u);
}

/** Regions made of others: the abdomen and the pelvis are parts of abdomen-pelvis; they and the chest of chest-abdomen-pelvis. */
const PARTS_OF: Partial<Record<BodyRegion, readonly BodyRegion[]>> = {
  'abdomen-pelvis': ['abdomen', 'pelvis'],
  'chest-abdomen-pelvis': ['chest', 'abdomen', 'pelvis', 'abdomen-pelvis'],
};

/**
 * Whether region `wide` holds region `narrow` (a viewer's short "Abd CT" is the study described as "CT ABDOMEN
 * PELVIS"): the fuller description of the same exam says more.
 */
export function widens(wide: BodyRegion, narrow: BodyRegion): boolean {
  return PARTS_OF[wide]?.includes(narrow) ?? false;
}

/** A region that a fuller description of the same exam may widen. */
export function mayWiden(region: BodyRegion): boolean {
  return region === 'abdomen' || region === 'pelvis' || region === 'chest' || region === 'abdomen-pelvis';
}

/**
 * Contrast phases named: 3 for "triple phase"/"3 phase"/"triphasic", 2 for "W/O & W", "W/WO", "with and without",
 * "pre and post", "biphasic", "dual phase", "multiphase" (at least two); 1 for "W", "W/O", "with contrast",
 * "without", "non-contrast". Null when the text does not say.
 */
export function phasesOf(u: string): number | null {
  const n = /\b([2-6]|TWO|THREE|FOUR)[\s-]*PHASES?\b/.exec(u);
  if (n) return ({ TWO: 2, THREE: 3, FOUR: 4 } as Record<string, number>)[n[1]!] ?? Number(n[1]);
  if (/TRIPLE[\s-]*PHASE|TRI-?PHASIC|TRIF[AÁ]SIC/.test(u)) return 3;
  if (
    /\bW\/?O\s*(?:&|AND|\/|\+|-)\s*W\b|\bWO\s*\/\s*W\b|\bW\s*(?:&|AND|\/|\+|-)\s*W\/?O\b|WITH\s*(?:AND|&|\/)\s*WITHOUT|WITHOUT\s*(?:AND|&|\/)\s*WITH\b|\bPRE\s*(?:AND|&|\/|-)\s*POST|BI-?PHASIC|DUAL[\s-]*PHASE|MULTI-?PHAS|\bWWO\b|SIN Y CON|CON Y SIN|BIF[AÁ]SIC/.test(
      u,
    )
  ) {
    return 2;
  }
  if (
    /\bW\/?O\b|WITHOUT|NON[\s-]?CON|NONCONTRAST|UNENHANCED|\bW\/?\s*(?:IV\s*)?(?:CONTRAST|CON)\b|\bW\s+IV\b|WITH\s+(?:IV\s+|ORAL\s+)?CONTRAST|\bC\+|\bC-(?!SPINE)|CON CONTRASTE|SIN CONTRASTE|\bCONTRAST(?:ED)?\b|\bENHANCED\b/.test(
      u,
    )
  ) {
    return 1;
  }
  return null;
}

function byPriority<T>(items: T[], priority: readonly T[]): T[] {
  return items.sort((a, b) => priority.indexOf(a) - priority.indexOf(b));
}

/** Reads one piece of procedure/protocol/order text. */
/** "Mr Osei", "Mr. Hale", "Mr T. Adeyemi", "Mr and Mrs Rowe": a man's title before his name or initial, not MR. */
const MR_TITLE = /\bMr\.?\s+(?=[A-Z][a-z]|[A-Z]\.\s?[A-Z]|(?:and|&)\s+Mr?s\b)/g;

export function classifyProcedure(text: string): ProcedureInfo {
  const u = (text.includes('Mr') ? text.replace(MR_TITLE, ' ') : text).toUpperCase();
  const modalities = wordModalities(u);
  // A dental imaging code (CDT "D0367") names its modality and makes the exam dental imaging.
  const cdt = dentalImagingCode(text);
  if (cdt && !modalities.includes(cdt.modality)) modalities.push(cdt.modality);
  if (US_CODE.test(text) && !modalities.includes('US')) modalities.push('US');
  if (!modalities.includes('RF') && /\bENEMA\b/.test(u) && CONTRAST_ENEMA.test(u)) modalities.push('RF');
  // Only where the words name no other imaging (or only "radiograph"): a code never adds to a CT or an MR.
  const code = modalities.every((m) => m === 'DX') ? RADIOGRAPHY_CODE.exec(text) : null;
  if (code && medicalRegionOf(u) !== null) modalities.splice(0, modalities.length, code[1] as ModalityCode);
  if (RX.test(u) && !modalities.includes('DX') && !modalities.includes('CR') && medicalRegionOf(u) !== null) modalities.push('DX');
  // A tomosynthesis is the breast's (MG) unless it names another region (a chest tomosynthesis is a radiograph).
  if (TOMOSYNTHESIS.test(u) && !modalities.includes('MG')) {
    const region = medicalRegionOf(u);
    modalities.push(region === null || BREAST.test(u) ? 'MG' : 'DX');
  }
  // "KUB" names the kidneys, ureters and bladder: a radiograph alone ("KUB"), a region beside a CT, MR or ultrasound
  // ("CT KUB", "US KUB").
  const dx = modalities.indexOf('DX');
  if (dx >= 0 && modalities.some((m) => REGION_BESIDE_KUB.has(m)) && !DX_WORDS.test(u.replace(KUB, ' '))) modalities.splice(dx, 1);
  // A radionuclide cystogram is a nuclear-medicine study: its "cystogram" is not a fluoroscopic one.
  const rf = modalities.indexOf('RF');
  if (rf >= 0 && modalities.includes('NM') && !MODALITY_WORDS_RF.test(u.replace(NUCLEAR_CYSTOGRAM, ' '))) modalities.splice(rf, 1);
  const wording = interventionalWording(u);
  // A fluoroscopy-guided (or unguided-wording) intervention is XA; CT/US/MR-guided ones keep their modality.
  if ((wording.procedure || wording.angiography) && !modalities.some((m) => m !== 'RF')) modalities.push('XA');
  const interventional = isInterventionalExam(modalities, wording.procedure, wording.angiography);
  const dental = cdt !== null || isDentalExam(u, modalities);
  if (dental && modalities.length === 0) modalities.push('IO');
  // "Bitewing radiographs", "panoramic x-ray": the dental code says it; drop the generic radiography word match.
  if (modalities.includes('IO') || modalities.includes('PX')) {
    const dx = modalities.indexOf('DX');
    if (dx >= 0) modalities.splice(dx, 1);
  }
  // A mammogram images the breast whatever else it names (a bare "Tomosynthesis").
  const region = regionOf(u, modalities) ?? (modalities.includes('MG') ? 'chest' : null);
  return {
    modalities: byPriority(modalities, MODALITY_PRIORITY),
    interventional,
    interventionWording: wording,
    dental,
    region,
    phases: phasesOf(u),
    ...headInjuryWording(u),
    pediatricProtocol: PEDIATRIC_PROTOCOL.test(u),
  };
}

/** Think A-Head vs the child-protection line, from one piece of upper-cased wording. */
export function headInjuryWording(u: string): { minorHeadInjury: boolean; childProtection: boolean } {
  const childProtection = CHILD_PROTECTION.test(u);
  return { childProtection, minorHeadInjury: !childProtection && MINOR_HEAD_INJURY.test(u) && !NOT_MINOR.test(u) };
}

/** Orders modality codes by primary-modality priority (in place; returns the array). */
export function sortModalities(codes: ModalityCode[]): ModalityCode[] {
  return byPriority(codes, MODALITY_PRIORITY);
}

const campaignMemo = new Map<string, readonly Campaign[]>();

/** Campaigns for an exam: from its modalities and the interventional/dental nature of the procedure, primary first. */
export function campaignsFor(modalities: readonly ModalityCode[], interventional: boolean, dental: boolean): Campaign[] {
  // Pure function of a small input space: memoised (a worklist asks the same few questions thousands of times).
  const key = `${modalities.join(',')}|${interventional ? 1 : 0}${dental ? 1 : 0}`;
  let hit = campaignMemo.get(key);
  if (!hit) {
    hit = computeCampaigns(modalities, interventional, dental);
    if (campaignMemo.size < 512) campaignMemo.set(key, hit);
  }
  return hit.slice();
}

function computeCampaigns(modalities: readonly ModalityCode[], interventional: boolean, dental: boolean): Campaign[] {
  const set = new Set<Campaign>();
  if (interventional || modalities.includes('XA')) set.add('interventional');
  if (dental) set.add('dental');
  for (const m of modalities) {
    if (m === 'XA') set.add('fluoroscopy'); // X-ray angiography is fluoroscopic
    const c = CAMPAIGN_OF_MODALITY[m];
    if (c && c !== 'interventional') set.add(c);
  }
  return byPriority([...set], CAMPAIGN_PRIORITY);
}

/** Both word lists in one pattern: one scan tells a row with neither (the usual case). */
const EITHER = new RegExp(`${INTERVENTIONAL.source}|${DENTAL_ANY.source}`);
const NEITHER = Object.freeze({ interventional: false, dental: false });

/**
 * Quick interventional/dental test for list rows that already carry modality codes: interventional only under
 * ionizing guidance (`isInterventionalExam` with the row's codes).
 */
export function procedureFlags(text: string, codes: readonly ModalityCode[] = []): { interventional: boolean; dental: boolean } {
  const u = text.toUpperCase();
  if (!EITHER.test(u)) return NEITHER;
  const w = interventionalWording(u);
  return { interventional: isInterventionalExam(codes, w.procedure, w.angiography), dental: isDentalExam(u, codes) };
}

import { describe, expect, test } from 'vitest';
import { campaignsFor, classifyProcedure, interventionModalities, modalitiesOfField, parseModalityCodes } from '../../../../content/read/parse/procedure';

const exam = (text: string) => {
  const i = classifyProcedure(text);
  return { modality: i.modalities[0] ?? null, campaigns: campaignsFor(i.modalities, i.interventional, i.dental) };
};

describe('procedure text → modality and campaigns', () => {
  test.each([
    ['CT ABDOMEN PELVIS W CONTRAST', 'CT', ['ct']],
    ['CT HEAD W/O CONTRAST', 'CT', ['ct']],
    ['CTA CHEST', 'CT', ['ct']],
    ['TC de tórax con contraste', 'CT', ['ct']],
    ['XR CHEST 2 VIEWS', 'DX', ['radiography']],
    // A man's title is not MR: "before his clinic with Mr Osei" names no exam; "MR brain" and "Mr brain" do
    ['ENT (Mr Osei) has asked for imaging', null, []],
    ['seen by Mr. Hale in clinic', null, []],
    ['Yours sincerely, Mr T. Adeyemi', null, []],
    ['Mr J.K. Rowe, Consultant', null, []],
    ['Mr brain without contrast', 'MR', []],
    ['Chest radiograph PA and lateral', 'DX', ['radiography']],
    ['KUB', 'DX', ['radiography']],
    ['Bone age', 'DX', ['radiography']],
    ['Rx tórax', 'DX', ['radiography']],
    ['VCUG', 'RF', ['fluoroscopy']],
    ['Voiding cystourethrogram', 'RF', ['fluoroscopy']],
    // Spanish names of the VCUG: "CUMS" (cistouretrografía miccional seriada), uretrocistografía
    ['CUMS', 'RF', ['fluoroscopy']],
    ['Cistouretrografía miccional seriada', 'RF', ['fluoroscopy']],
    ['CISTOURETROGRAFIA MICCIONAL', 'RF', ['fluoroscopy']],
    ['Uretrocistografía retrógrada y miccional', 'RF', ['fluoroscopy']],
    ['UPPER GI SERIES', 'RF', ['fluoroscopy']],
    ['Contrast enema', 'RF', ['fluoroscopy']],
    ['Barium swallow', 'RF', ['fluoroscopy']],
    ['PICC placement', 'XA', ['interventional', 'fluoroscopy']],
    ['Cerebral angiography', 'XA', ['interventional', 'fluoroscopy']],
    ['Abscess drainage under fluoroscopy', 'XA', ['interventional', 'fluoroscopy']],
    ['CT guided biopsy liver', 'CT', ['interventional', 'ct']],
    // "persistent" holds STENT: only a word that begins with it is a stent
    ['CT head for persistent headache', 'CT', ['ct']],
    ['TC craneal por vómitos persistentes', 'CT', ['ct']],
    ['Ureteral stent exchange under fluoroscopy', 'XA', ['interventional', 'fluoroscopy']],
    ['Biliary stenting', 'XA', ['interventional', 'fluoroscopy']],
    ['US guided PICC', 'US', []], // Step Lightly only under ionizing guidance
    ['Port-a-cath placement', 'XA', ['interventional', 'fluoroscopy']],
    ['Reservorio venoso subcutáneo', 'XA', ['interventional', 'fluoroscopy']],
    ['XR chest 1 view PICC placement', 'DX', ['radiography']],
    ['CT angiography chest (CTA)', 'CT', ['ct']],
    ['NM BONE SCAN WHOLE BODY', 'NM', ['nuclear-medicine']],
    ['Renal scan MAG3', 'NM', ['nuclear-medicine']],
    ['SPECT/CT parathyroid', 'NM', ['nuclear-medicine', 'ct']],
    ['PET/CT FDG skull base to thigh', 'PT', ['nuclear-medicine', 'ct']],
    ['Bitewing radiographs', 'IO', ['dental']],
    ['Periapical x-ray', 'IO', ['dental']],
    // Bitewings by their chart abbreviation ("BWX", "2BWX", "4BWXs"); "BW" alone is a body weight
    ['Prophy/BWX', 'IO', ['dental']],
    ['2BWX, prophy', 'IO', ['dental']],
    ['BW 18 kg', null, []],
    ['Panoramic radiograph', 'PX', ['dental']],
    // A cephalometric radiograph by its other names: Spanish "telerradiografía lateral de cráneo", "cefalometría", a
    // "cephalogram"; a "telerradiografía de tórax" is a chest radiograph taken from afar, not a ceph
    ['Telerradiografía lateral de cráneo (cefalometría)', 'PX', ['dental']],
    ['TELERRADIOGRAFIA DE CRANEO LATERAL', 'PX', ['dental']],
    ['Cefalometría lateral', 'PX', ['dental']],
    ['Lateral cephalogram', 'PX', ['dental']],
    ['Telerradiografía de tórax PA', 'DX', ['radiography']],
    ['Telerradiografía lateral de tórax', 'DX', ['radiography']],
    ['CT head, cephalic index', 'CT', ['ct']],
    ['Dental CBCT', 'CT', ['dental', 'ct']],
    ['MRI BRAIN W/WO', 'MR', []],
    ['US ABDOMEN COMPLETE', 'US', []],
    ['Mammogram screening', 'MG', ['radiography']],
    // A breast imaging worklist writes its modality code first (`MG DIAGNOSTIC BIL + TOMO`) or names the tomosynthesis
    ['MG DIAGNOSTIC BIL + TOMO', 'MG', ['radiography']],
    ['MG SCREENING BILATERAL W CAD', 'MG', ['radiography']],
    ['MG DIAG UNILAT LEFT', 'MG', ['radiography']],
    ['Breast tomosynthesis, left', 'MG', ['radiography']],
    ['DBT bilateral screening', 'MG', ['radiography']],
    // …but milligrams and magnesium are no mammogram
    ['Mg sulfate 2 g IV over 20 min', null, []],
    ['MG 2 mg/kg PO', null, []],
    ['Magnesium (Mg) 1.9 mg/dL', null, []],
  ])('%j → %s %j', (text, modality, campaigns) => {
    const e = exam(text);
    expect(e.modality).toBe(modality);
    expect(e.campaigns).toEqual(campaigns);
  });
  test.each([
    ['Ecografía abdominal (pendiente)', 'US', []],
    ['RM cerebral, informe pendiente', 'MR', []],
    ['Rx tórax — resultado pendiente', 'DX', ['radiography']],
    ['Radiografía periapical diente 46', 'IO', ['dental']],
    ['Ortopantomografía, dientes temporales', 'PX', ['dental']],
  ])('dental wording on whole words: %j → %s %j', (text, modality, campaigns) => {
    const e = exam(text);
    expect(e.modality).toBe(modality);
    expect(e.campaigns).toEqual(campaigns);
  });
  test.each([
    ['D0367', 'CT', ['dental', 'ct']],
    ['D0364 limited field', 'CT', ['dental', 'ct']],
    ['D0383', 'CT', ['dental', 'ct']],
    ['D0330', 'PX', ['dental']],
    ['D0274 four bitewings', 'IO', ['dental']],
    ['D0120 periodic oral evaluation', null, []],
  ])('a CDT code names the modality and makes the exam dental: %j → %s %j', (text, modality, campaigns) => {
    const e = exam(text);
    expect(e.modality).toBe(modality);
    expect(e.campaigns).toEqual(campaigns);
  });
  test.each(['Biopsia renal percutánea guiada por ecografía', 'Drenaje de absceso guiado por ecografía', 'MRI-guided breast biopsy', 'US-guided liver biopsy'])(
    'an US/MR-guided procedure is not fluoroscopy: %j',
    (text) => expect(exam(text).campaigns).toEqual([]),
  );
  test('no exam words → nothing', () => {
    expect(exam('Follow-up visit')).toEqual({ modality: null, campaigns: [] });
  });
});

describe('region, phases, Think A-Head, pediatric protocol', () => {
  test.each([
    ['CT ABDOMEN PELVIS W CONTRAST', 'abdomen-pelvis'],
    ['PEDS ABD/PEL', 'abdomen-pelvis'],
    ['CT CHEST ABDOMEN PELVIS W', 'chest-abdomen-pelvis'],
    ['CT C/A/P', 'chest-abdomen-pelvis'],
    ['CT HEAD W/O CONTRAST', 'head'],
    ['CT SINUS', 'head'],
    ['CT C-SPINE', 'spine'],
    ['XR CHEST 2 VIEWS', 'chest'],
    ['XR LEFT WRIST 3 VIEWS', 'extremity'],
    ['SKELETAL SURVEY', 'whole-body'],
    ['PET/CT FDG SKULL BASE-MIDTHIGH', 'whole-body'],
    ['PET-CT skull base – mid thigh', 'whole-body'],
    ['FDG PET/CT eyes to thighs', 'whole-body'],
    ['CT SKULL BASE', 'head'],
    ['CT CORONARY ANGIO', 'cardiac'],
    ['Panoramic dental', 'dental'],
    ['AXIAL 5MM', null],
    ['Transcatheter aortic valve replacement (TAVR)', 'cardiac'],
    ['Implante de válvula aórtica transcatéter (TAVI)', 'cardiac'],
    ['Left heart cath with coronary angiography', 'cardiac'],
    ['Cateterismo diagnóstico, coronariografía', 'cardiac'],
    ['Echocardiogram complete', 'cardiac'],
    ['ASD device closure', 'cardiac'],
    ['PICC line placement', 'chest'],
    ['IR PICC placement with fluoroscopy, right basilic vein', 'chest'],
    ['PICC placement, left arm', 'chest'],
    ['Tunneled central venous catheter placement', 'chest'],
    ['Port-a-cath insertion', 'chest'],
    ['Colocación de catéter central de inserción periférica', 'chest'],
    ['Reservorio venoso subcutáneo', 'chest'],
    ['Fluoroscopic G-tube placement', 'abdomen'], // a tube is no line: its own region
    ['XR SCOLIOSIS SERIES (PA + LAT standing)', 'spine'],
    ['Telerradiografía lateral de cráneo (cefalometría)', 'head'],
    ['Lateral cephalogram', 'head'],
    ['Cefalometría lateral', 'head'],
    ['Pano + ceph (ortho records)', 'dental'], // a panoramic beside it: the dentition
    ['Telerradiografía de tórax PA', 'chest'],
    ['CTA chest PE protocol', 'chest'],
    ['Ecografía transfontanelar', 'head'],
    ['Rx de antebrazo izquierdo', 'extremity'],
    ['Rx de hombro derecho', 'extremity'],
    ['Ecografía pélvica transabdominal', 'pelvis'],
    ['US OB follow-up', 'pelvis'],
    ['Rx de cadera bilateral', 'pelvis'],
    ['TC de senos paranasales', 'head'],
    ['Rx de columna dorsal', 'spine'],
    ['Rx parrilla costal', 'chest'],
    ['VCUG', 'pelvis'],
    ['Voiding cystourethrogram', 'pelvis'],
    ['CUMS', 'pelvis'],
    ['Cistouretrografía miccional seriada', 'pelvis'],
    ['Uretrocistografía retrógrada', 'pelvis'],
  ])('region of %j is %s', (text, region) => {
    expect(classifyProcedure(text).region).toBe(region);
  });

  test.each([
    ['CT ABDOMEN PELVIS W CONTRAST', 1],
    ['CT HEAD W/O CONTRAST', 1],
    ['CT ABD W/O & W', 2],
    ['CT ABD WO/W', 2],
    ['MRI BRAIN W/WO', 2],
    ['CT chest with and without contrast', 2],
    ['CT ABDOMEN PRE AND POST CONTRAST', 2],
    ['CT LIVER TRIPLE PHASE', 3],
    ['CT liver 3-phase', 3],
    ['CT liver triphasic', 3],
    ['CT ABDOMEN', null],
  ])('phases of %j → %s', (text, phases) => {
    expect(classifyProcedure(text).phases).toBe(phases);
  });

  test.each([
    ['CT HEAD W/O - fall from bed', true, false],
    ['CT head, minor head injury, GCS 15', true, false],
    ['CT HEAD TRAUMA', false, false],
    ['CT HEAD GCS 14', false, false],
    ['CT HEAD W/O CONTRAST', false, false],
    ['CT HEAD shunt evaluation', false, false],
    ['CT HEAD NAT', false, true],
    ['CT HEAD fall, ?non-accidental', false, true],
    ['CT HEAD substance abuse', false, false],
  ])('%j: minor head injury %s, child protection %s', (text, minor, protection) => {
    const i = classifyProcedure(text);
    expect([i.minorHeadInjury, i.childProtection]).toEqual([minor, protection]);
  });

  test.each([
    ['PEDS ABD/PEL', true],
    ['CT HEAD W/O CONTRAST PEDS', true],
    ['Pediatric chest', true],
    ['NICU portable chest', true],
    ['CT HEAD W/O CONTRAST', false],
    ['SPEDS', false],
  ])('pediatric protocol %j: %s', (text, peds) => {
    expect(classifyProcedure(text).pediatricProtocol).toBe(peds);
  });
});

describe('parseModalityCodes', () => {
  test.each([
    ['CT', ['CT']],
    ['CT\\SR', ['CT']],
    ['PT\\CT', ['PT', 'CT']],
    ['CT, PT', ['CT', 'PT']],
    ['OT', []],
    ['ct', ['CT']],
    ['', []],
  ])('%j → %j', (text, codes) => {
    expect(parseModalityCodes(text)).toEqual(codes);
  });
});

describe('swallow studies are fluoroscopy, whatever their kind', () => {
  test.each(['VFSS', 'MBSS', 'Modified barium swallow', 'Oropharyngeal swallow study', 'Cookie swallow', 'Estudio de deglución videofluoroscópico', 'Barium swallow', 'Esofagograma'])(
    '%j → RF, Pause and Pulse',
    (text) => {
      expect(exam(text)).toEqual({ modality: 'RF', campaigns: ['fluoroscopy'] });
    },
  );
});

describe('modalitiesOfField: a Modality or Guidance value', () => {
  test.each([
    ['CT', ['CT']],
    ['CT\\SR', ['CT']],
    ['PT, CT', ['PT', 'CT']],
    ['XA/US', ['XA', 'US']],
    ['US', ['US']],
    ['Ultrasound', ['US']],
    ['Fluoroscopy', ['RF']],
    // Two guidances named together: each of them.
    ['US + fluoro', ['US', 'RF']],
    ['US/Fluoro', ['US', 'RF']],
    ['US/FLUORO', ['US', 'RF']],
    ['Ultrasound and fluoroscopy', ['RF', 'US']],
    ['Ecografía y fluoroscopia', ['RF', 'US']],
    ['fluoro + CT', ['CT', 'RF']],
    ['CT + fluoroscopy', ['CT', 'RF']],
    // What the value rules out is not its modality.
    ['Ultrasound only; no fluoroscopy', ['US']],
    ['US, no fluoro', ['US']],
    ['US (fluoroscopy not needed)', ['US']],
    ['Fluoroscopy not required', []],
    ['Ecografía; fluoroscopia no necesaria', ['US']],
    ['Fluoro: none', []],
  ])('%j → %j', (text, codes) => {
    expect([...modalitiesOfField(text)].sort()).toEqual([...codes].sort());
  });
});

describe('an intervention under fluoroscopy is XA, however the fluoroscopy is named', () => {
  test.each([
    [['RF'], true, ['XA', 'RF']],
    [['RF', 'US'], true, ['XA', 'RF', 'US']],
    [['RF', 'CT'], true, ['XA', 'RF', 'CT']],
    [['RF'], false, ['RF']], // a fluoroscopy study (VCUG, contrast enema) is not an intervention
    [['US'], true, ['US']],
    [['XA', 'RF'], true, ['XA', 'RF']],
  ] as const)('%j, interventional %s → %j', (codes, interventional, out) => {
    expect(interventionModalities(codes, interventional)).toEqual(out);
  });
});

describe('the jaws and the face in a medical order are a head exam, not dental imaging', () => {
  const read = (text: string) => {
    const i = classifyProcedure(text);
    return [i.modalities[0] ?? null, campaignsFor(i.modalities, i.interventional, i.dental), i.region];
  };
  test.each([
    ['CT MAXILLOFACIAL/SINUS W/O CONTRAST (70486)', 'CT', ['ct'], 'head'],
    ['CT FACIAL BONES WITHOUT CONTRAST', 'CT', ['ct'], 'head'],
    ['CT Maxillofacial w contrast', 'CT', ['ct'], 'head'],
    ['CT MANDIBLE W/O', 'CT', ['ct'], 'head'],
    ['CT ORBITS W/O CONTRAST', 'CT', ['ct'], 'head'],
    ['CT TMJ bilateral open and closed mouth', 'CT', ['ct'], 'head'],
    ['CT face and mandible, ?dental abscess', 'CT', ['ct'], 'head'],
    ['TC de macizo facial sin contraste', 'CT', ['ct'], 'head'],
    ['TC de mandíbula', 'CT', ['ct'], 'head'],
    ['TC maxilofacial con contraste', 'CT', ['ct'], 'head'],
    ['CBCT temporal bones', 'CT', ['ct'], 'head'],
    ['Cone beam CT paranasal sinuses', 'CT', ['ct'], 'head'],
    ['XR MANDIBLE 4 VIEWS', 'DX', ['radiography'], 'head'],
    ['Rx de maxilar inferior', 'DX', ['radiography'], 'head'],
    ['XR facial bones 3 views', 'DX', ['radiography'], 'head'],
    // Never an ionizing campaign for MR or US, whatever the jaw or dental words.
    ['MRI TMJ bilateral', 'MR', [], 'head'],
    ['MR mandible with and without contrast', 'MR', [], 'head'],
    ['RM de ATM bilateral', 'MR', [], 'head'],
    ['US neck, dental abscess?', 'US', [], 'neck'],
  ])('%j → %s %j %s (nothing more)', (text, modality, campaigns, region) => {
    expect(read(text)).toEqual([modality, campaigns, region]);
  });
  test.each([
    ['Dental CBCT', 'CT', ['dental', 'ct'], 'dental'],
    ['CBCT mandible, implant planning', 'CT', ['dental', 'ct'], 'dental'],
    ['Cone beam CT maxilla', 'CT', ['dental', 'ct'], 'dental'],
    ['CBCT both jaws', 'CT', ['dental', 'ct'], 'dental'],
    ['CBCT limited field of view', 'CT', ['dental', 'ct'], 'dental'],
    ['Tomografía de haz cónico del maxilar', 'CT', ['dental', 'ct'], 'dental'],
    ['Panoramic radiograph', 'PX', ['dental'], 'dental'],
    ['Periapical x-ray tooth 8', 'IO', ['dental'], 'dental'],
    ['Radiografía de aleta de mordida', 'IO', ['dental'], 'dental'],
  ])('dental imaging %j → %s %j %s', (text, modality, campaigns, region) => {
    expect(read(text)).toEqual([modality, campaigns, region]);
  });
  test.each(['Mandible fracture', 'Maxillofacial surgery consult', 'TMJ pain', 'Orbital cellulitis'])('%j names no exam', (text) => {
    expect(read(text).slice(0, 2)).toEqual([null, []]);
  });
});

describe('words that look like exam words but are not', () => {
  const exam1 = (text: string) => {
    const i = classifyProcedure(text);
    return [i.modalities[0] ?? null, campaignsFor(i.modalities, i.interventional, i.dental)];
  };
  test.each([
    ['Contact us for an appointment', null, []],
    ['Tell us about your child', null, []],
    ['Rx: amoxicillin 250 mg', null, []],
    ['eRx sent; Rx refill requested', null, []],
    ['Rm 412, bed B', null, []],
    ['RF, ANA, ESR', null, []],
    ['RF negative', null, []],
    ['Lipid panel: TC 182, HDL 45', null, []],
    ['Opt out of text reminders', null, []],
    ['CT abdomen pelvis, ?Meckel diverticulum', 'CT', ['ct']],
    ['CT neck soft tissue, pain on swallowing', 'CT', ['ct']],
    ['CT neck, difficulty to swallow', 'CT', ['ct']],
  ])('%j → %s %j', (text, modality, campaigns) => {
    expect(exam1(text)).toEqual([modality, campaigns]);
  });
  test.each([
    ['US ABDOMEN COMPLETE', 'US', []],
    ['Rx tórax PA y lateral', 'DX', ['radiography']],
    ['RX DE ANTEBRAZO IZQUIERDO', 'DX', ['radiography']],
    ['RM cerebral sin contraste', 'MR', []],
    ['RF VOIDING CYSTOURETHROGRAM', 'RF', ['fluoroscopy']],
    ['RF LUMBAR PUNCTURE', 'RF', ['fluoroscopy']],
    ['TC de tórax con contraste', 'CT', ['ct']],
    ['NM Meckel scan', 'NM', ['nuclear-medicine']],
    ["Meckel's scan", 'NM', ['nuclear-medicine']],
    ['Barium swallow', 'RF', ['fluoroscopy']],
    ['Swallow study', 'RF', ['fluoroscopy']],
    ['Video swallow evaluation', 'RF', ['fluoroscopy']],
    ['OPT (orthopantomogram)', 'PX', ['dental']],
  ])('still an exam: %j → %s %j', (text, modality, campaigns) => {
    expect(exam1(text)).toEqual([modality, campaigns]);
  });
});

describe('regions: limbs and the abdomen with the pelvis', () => {
  test.each([
    ['CT guided biopsy left thigh', 'extremity'],
    ['Left thigh (vastus lateralis)', 'extremity'],
    ['Vastus lateralis', 'extremity'],
    ['XR FOREARM 2 VIEWS', 'extremity'],
    ['XR right calf soft tissue', 'extremity'],
    ['Biopsia de muslo derecho', 'extremity'],
    ['Rx de antebrazo', 'extremity'],
    ['Pantorrilla izquierda', 'extremity'],
    ['CT ABD/PELVIS W CONTRAST', 'abdomen-pelvis'],
    ['CT Abd/Pel w/o', 'abdomen-pelvis'],
    ['TC de abdomen y pelvis', 'abdomen-pelvis'],
    ['A/P CT with contrast', 'abdomen-pelvis'],
    ['CT A/P W', 'abdomen-pelvis'],
    ['Abd CT', 'abdomen'],
    ['XR chest A/P portable', 'chest'],
    ['XR pelvis AP', 'pelvis'],
  ])('region of %j is %s', (text, region) => {
    expect(classifyProcedure(text).region).toBe(region);
  });
});

// Swallow studies by what they image: a modified barium swallow / videofluoroscopic swallow study watches the mouth
// and the pharynx (the neck); a barium or contrast swallow, an esophagram, the esophagus (the chest); a study that
// also names the stomach or duodenum (upper GI) stays the abdomen, and a CT of the neck for pain on swallowing the neck.
describe('regions: oropharyngeal swallow studies are the neck, esophageal ones the chest, an upper GI the abdomen', () => {
  test.each([
    ['FL ESOPHAGRAM', 'chest'],
    ['Esophagram (barium)', 'chest'],
    ['RF OESOPHAGRAM', 'chest'],
    ['Barium swallow', 'chest'],
    ['Barium swallow study', 'chest'],
    ['Contrast swallow', 'chest'],
    ['Esofagograma baritado', 'chest'],
    ['Esofagograma con contraste hidrosoluble', 'chest'],
    ['Tránsito esofágico', 'chest'],
    ['Modified barium swallow (MBS) with speech therapy', 'neck'],
    ['Videofluoroscopic swallow study (VFSS)', 'neck'],
    ['VFSS', 'neck'],
    ['MBSS w/ SLP', 'neck'],
    ['Oropharyngeal swallow study', 'neck'],
    ['Cookie swallow', 'neck'],
    ['Swallow study, ?aspiration', 'neck'],
    ['Estudio de deglución videofluoroscópico', 'neck'],
    ['Videofluoroscopia de la deglución', 'neck'],
    ['Videodeglución', 'neck'],
    ['Upper GI series', 'abdomen'],
    ['UGI with small bowel follow-through', 'abdomen'],
    ['Esophagram and upper GI', 'abdomen'],
    ['Esofagogastroduodenal (EGD) con bario', 'abdomen'],
    ['Tránsito esofagogastroduodenal', 'abdomen'],
    ['CT neck soft tissue, pain on swallowing', 'neck'],
    ['CT chest, pain on swallowing', 'chest'],
  ])('region of %j is %s', (text, region) => {
    expect(classifyProcedure(text).region).toBe(region);
  });
});

/** Primary modality, campaigns (sorted) and region of a text. */
const named = (text: string) => {
  const i = classifyProcedure(text);
  return [i.modalities[0] ?? null, [...campaignsFor(i.modalities, i.interventional, i.dental)].sort(), i.region];
};

describe('naming the exam: Spanish fluoroscopy, cone-beam CT, mammography', () => {
  test.each([
    // Spanish upper GI series and its short forms, with or without barium
    ['Seriada esofagogastroduodenal', 'RF', ['fluoroscopy'], 'abdomen'],
    ['Seriada esofagogastroduodenal con bario', 'RF', ['fluoroscopy'], 'abdomen'],
    ['SEGD', 'RF', ['fluoroscopy'], 'abdomen'],
    ['Seriada gastroduodenal', 'RF', ['fluoroscopy'], 'abdomen'],
    ['Tránsito esofagogastroduodenal', 'RF', ['fluoroscopy'], 'abdomen'],
    ['TEGD baritado', 'RF', ['fluoroscopy'], 'abdomen'],
    ['Tránsito intestinal', 'RF', ['fluoroscopy'], 'abdomen'],
    ['Esofagograma', 'RF', ['fluoroscopy'], 'chest'],
    ['Colon por enema', 'RF', ['fluoroscopy'], 'abdomen'],
    ['Enema opaco', 'RF', ['fluoroscopy'], 'abdomen'],
    ['Estudio baritado de colon', 'RF', ['fluoroscopy'], 'abdomen'],
    ['Radioscopia', 'RF', ['fluoroscopy'], null],
    ['Radioscopia de deglución', 'RF', ['fluoroscopy'], 'chest'],
    ['MCUG', 'RF', ['fluoroscopy'], 'pelvis'],
    ['Micturating cystourethrogram', 'RF', ['fluoroscopy'], 'pelvis'],
    // cone-beam CT, Spanish and English: dental CT
    ['Tomografía computarizada de haz cónico', 'CT', ['ct', 'dental'], 'dental'],
    ['TC de haz cónico maxilar superior', 'CT', ['ct', 'dental'], 'dental'],
    ['CBCT canino 13 incluido', 'CT', ['ct', 'dental'], 'dental'],
    ['CBCT of impacted canine', 'CT', ['ct', 'dental'], 'dental'],
    ['CBCT 8x5 cm maxilla', 'CT', ['ct', 'dental'], 'dental'],
    // mammography by its abbreviations: projection radiography of the breast (the chest)
    ['MAMMO SCREENING BILATERAL', 'MG', ['radiography'], 'chest'],
    ['MAMMO', 'MG', ['radiography'], 'chest'],
    ['Mamografía bilateral de cribado', 'MG', ['radiography'], 'chest'],
    ['Tomosíntesis mamaria', 'MG', ['radiography'], 'chest'],
    ['Digital breast tomosynthesis', 'MG', ['radiography'], 'chest'],
    ['Tomosynthesis', 'MG', ['radiography'], 'chest'],
  ])('%j → %s %j, %s', (text, modality, campaigns, region) => {
    expect(named(text)).toEqual([modality, campaigns, region]);
  });
  test.each([
    // a tomosynthesis of another region is a radiograph of it; an ultrasound of the breast has no campaign
    ['Chest tomosynthesis', 'DX', ['radiography'], 'chest'],
    ['US breast left', 'US', [], 'chest'],
    ['MRI breast bilateral', 'MR', [], 'chest'],
    // a CT of the kidneys, ureters and bladder is a CT, not a radiograph too
    ['PEDS CT KUB LOW DOSE', 'CT', ['ct'], 'abdomen'],
    ['CT KUB stone protocol', 'CT', ['ct'], 'abdomen'],
    ['US KUB', 'US', [], 'abdomen'],
    ['KUB', 'DX', ['radiography'], 'abdomen'],
    ['XR KUB and CT abdomen', 'CT', ['ct', 'radiography'], 'abdomen'],
    // a seriada is not always an exam; a tomography of no kind is not a mammogram
    ['Seriada de hemogramas', null, [], null],
    ['Tomografía computarizada de abdomen', 'CT', ['ct'], 'abdomen'],
  ])('not more than it says: %j → %s %j, %s', (text, modality, campaigns, region) => {
    expect(named(text)).toEqual([modality, campaigns, region]);
  });
});

describe('naming the exam: regions of whole-body, neuro-angiographic, tube and limb procedures', () => {
  test.each([
    ['PET/CT FDG SKULL BASE-MIDTHIGH', 'whole-body'],
    ['PET/CT skull base to mid-thigh', 'whole-body'],
    ['FDG PET-CT eyes to thighs', 'whole-body'],
    ['PET/TC de base de cráneo a tercio medio de muslo', 'whole-body'],
    ['PET/CT vertex to toes (melanoma)', 'whole-body'],
    ['Diagnostic cerebral angiography: bilateral ICA and left vertebral artery injections', 'head'],
    ['Carotid angiogram', 'head'],
    ['Angiografía cerebral diagnóstica, arteria vertebral izquierda', 'head'],
    ['Four-vessel cerebral angiogram', 'head'],
    ['G-tube to GJ-tube conversion (fluoro)', 'abdomen'],
    ['GJ tube change', 'abdomen'],
    ['Gastrojejunostomy tube exchange', 'abdomen'],
    ['Cambio de sonda de gastrostomía', 'abdomen'],
    ['Sclerotherapy, venous malformation left calf', 'extremity'],
    ['Escleroterapia de malformación venosa del antebrazo derecho', 'extremity'],
    ['Angiography of the right leg', 'extremity'],
    ['MCUG', 'pelvis'],
  ])('region of %j is %s', (text, region) => {
    expect(classifyProcedure(text).region).toBe(region);
  });
  test.each([
    // the spine's own words stay the spine's; a neck's ultrasound of the carotids is the neck's
    ['XR lumbar spine, vertebral fracture', 'spine'],
    ['CT cervical spine, vertebral artery dissection?', 'spine'],
    ['US carotid doppler', 'neck'],
    ['PET/CT FDG chest', 'chest'],
    ['XR left femur and toes', 'extremity'],
  ])('not another region: %j is %s', (text, region) => {
    expect(classifyProcedure(text).region).toBe(region);
  });
});

describe("a regulation's acronym is not interventional radiology", () => {
  // IR(ME)R, "IRMER": the UK's medical exposure regulations, logged for every exposure
  test.each([
    ['Exposure log (IR(ME)R)', null, []],
    ['IR(ME)R justification: Dr A. Patel', null, []],
    ['Bitewings x2 — IR(ME)R exposure record', 'IO', ['dental']],
    ['Chest X-ray AP, IR(ME)R 2017 justified', 'DX', ['radiography']],
  ])('%j → %s %j', (text, modality, campaigns) => {
    expect(named(text).slice(0, 2)).toEqual([modality, campaigns]);
  });
  test.each([
    ['IR drainage of pelvic abscess', 'XA', ['fluoroscopy', 'interventional']],
    ['IR PICC placement', 'XA', ['fluoroscopy', 'interventional']],
  ])('still interventional: %j → %s %j', (text, modality, campaigns) => {
    expect(named(text).slice(0, 2)).toEqual([modality, campaigns]);
  });
});

describe('radionuclides written mass number first are nuclear medicine, not CT', () => {
  // "99m Tc", "99mTc", "99 m Tc-MAG3": technetium, as "Tc-99m" is; Spanish "TC" alone stays a CT
  test.each([
    ['Gammagrafía renal cortical con 99m Tc-DMSA (planar + SPECT)', 'NM', ['nuclear-medicine'], 'abdomen'],
    ['Renograma diurético 99m Tc-MAG3 (F0)', 'NM', ['nuclear-medicine'], 'abdomen'],
    ['Bone scan, 99mTc-MDP, whole body', 'NM', ['nuclear-medicine'], 'whole-body'],
    ['Cistografía isotópica directa con 99m Tc pertecnetato', 'NM', ['nuclear-medicine'], 'pelvis'],
    ['Diuretic renogram (MAG3)', 'NM', ['nuclear-medicine'], 'abdomen'],
    ['Rénogramme isotopique au 99mTc-MAG3', 'NM', ['nuclear-medicine'], 'abdomen'],
  ])('%j → %s %j, %s', (text, modality, campaigns, region) => {
    expect(named(text)).toEqual([modality, campaigns, region]);
  });
  test.each([
    // the hybrid's own CT, and a Spanish CT, keep their CT
    ['Rastreo corporal total con 123 I-MIBG + SPECT/TC de tórax-abdomen', 'NM', ['ct', 'nuclear-medicine']],
    ['SPECT/CT 99mTc-MDP lumbar spine', 'NM', ['ct', 'nuclear-medicine']],
    ['TC de abdomen con contraste', 'CT', ['ct']],
    ['MAG3 renogram; MRI abdomen 2025', 'NM', ['nuclear-medicine']],
    ['RM renal sin contraste', 'MR', []],
  ])('still: %j → %s %j', (text, modality, campaigns) => {
    expect(named(text).slice(0, 2)).toEqual([modality, campaigns]);
  });
});

describe("a cone-beam CT's panoramic reconstruction is the CT, not a panoramic radiograph", () => {
  test.each([
    ['Panoramic curve', 'CT', ['ct', 'dental'], 'dental'],
    ['Panoramic reconstruction, 0.2 mm', 'CT', ['ct', 'dental'], 'dental'],
    ['Panoramic reformat', 'CT', ['ct', 'dental'], 'dental'],
    ['SAGITAL / RECONSTRUCCIÓN PANORÁMICA', 'CT', ['ct', 'dental'], 'dental'],
    ['Corte panorámico reconstruido', 'CT', ['ct', 'dental'], 'dental'],
    ['Reconstrucción panorámica del CBCT', 'CT', ['ct', 'dental'], 'dental'],
  ])('%j → %s %j, %s', (text, modality, campaigns, region) => {
    expect(named(text)).toEqual([modality, campaigns, region]);
  });
  test.each([
    ['Panoramic radiograph', 'PX', ['dental'], 'dental'],
    ['Radiografía panorámica', 'PX', ['dental'], 'dental'],
    ['OPG (panoramic)', 'PX', ['dental'], 'dental'],
    ['Panoramic x-ray and lateral ceph', 'PX', ['dental'], 'dental'],
  ])('still a panoramic radiograph: %j → %s %j, %s', (text, modality, campaigns, region) => {
    expect(named(text)).toEqual([modality, campaigns, region]);
  });
});

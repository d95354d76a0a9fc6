/**
 * @file Image Gently campaign reminders as data: which reminder shows for which exam, its locale key
 * (the text lives in the `clinical:` section of locales/en.yml and es.yml, in our own words) and the
 * campaign's link.
 *
 * Facts (docs/reference/campaigns.md §1, campaigns and key messages [X2]; current-practice caveat §1.1):
 * - CT (Jan 2008): child-size kVp and mA; one phase is often enough; scan only the indicated area;
 *   scan only when necessary; involve medical physicists and technologists.
 * - Pause and Pulse (fluoroscopy): pause to confirm the indication, consider US/MRI; child-size kVp/mAs;
 *   pulsed fluoroscopy at the lowest pulse rate; limit time and magnification; last-image hold/capture;
 *   collimate tightly; remove the grid for small children; keep the detector close to the patient (the last
 *   two: Image Gently pediatric fluoroscopy material, and a vendor's pediatric instructions — GE OEC manual
 *   §5.4.1 "Remove grids … on small patients", "Keep II tower as close to patient as possible").
 * - Step Lightly (interventional): step lightly on the pedal; stop and child-size; consider US or MRI guidance.
 * - Back to Basics (digital radiography): measure thickness to child-size; no grid below about 10–12 cm;
 *   x-ray only the indicated area with collimation; check exposure indicators and image quality.
 * - Nuclear medicine ("Go With the Guidelines", docs/reference/campaigns.md §1): child-size activity with the North
 *   American consensus guidelines (harmonised with the EANM card); post the table in the hot lab.
 * - Dentistry (Sep 2014): select radiographs for the individual; fastest receptor; collimate; child-size
 *   exposure time; cone-beam CT only when necessary. Receptor and collimation in today's terms: F-speed film
 *   or digital receptors (ADA/FDA "Dental radiographic examinations", 2012, Receptor selection; ADA Council
 *   on Scientific Affairs 2024: digital in preference to film) and rectangular collimation for intraoral
 *   images (NCRP Report 145; ADA/FDA 2012).
 * - Think A-Head (Nov 2016, minor head injury): evidence-based rules for when a head CT is needed; explain
 *   to families and discuss alternatives (e.g. MRI); child-size the CT dose. Raised only by minor head injury
 *   wording (fall, bump, minor/mild head injury); the rules it alludes to cover minor blunt head trauma only
 *   (GCS 14–15), so it is never raised for possible abuse. There, one neutral line points to the site's
 *   child-protection imaging protocol instead (`CHILD_PROTECTION`; not a campaign, no link).
 *
 * NOT shipped: shielding and thyroid-collar steps of the older campaign texts. In their place, one
 * current-practice line per kind of exam:
 * - radiography and fluoroscopy: routine gonadal and fetal shielding is no longer recommended (AAPM position
 *   statement April 2019, endorsed by the Image Gently Alliance on 11/12/2019; NCRP statement January 2021 —
 *   docs/reference/campaigns.md §1.1);
 * - dental: lead aprons and thyroid collars are no longer recommended for dental radiographs or cone-beam CT,
 *   at any age (ADA Council on Scientific Affairs expert panel, 1 February 2024 — ADA News, Dental Tribune and
 *   other reports of the recommendation agree), not the AAPM/NCRP statements, which are about x-ray imaging.
 */

/** Campaign ids: the analyzer's campaigns plus Think A-Head, raised by minor-head-injury wording on head CT. */
export type CampaignId = 'ct' | 'fluoroscopy' | 'interventional' | 'radiography' | 'nuclear-medicine' | 'dental' | 'think-a-head';

export interface CampaignInfo {
  id: CampaignId;
  /** Locale key of the campaign's title. */
  nameKey: string;
  /** The campaign's page (http(s) only). */
  link: string;
}

/** Campaign pages (docs/reference/campaigns.md §1 and §2; imagegently.org answers on https with www). */
export const CAMPAIGNS: Readonly<Record<CampaignId, CampaignInfo>> = {
  ct: { id: 'ct', nameKey: 'clinical.campaign.ct', link: 'https://www.imagegently.org/Procedures/Computed-Tomography' }, // docs/reference/campaigns.md §1 CT [X2]
  fluoroscopy: { id: 'fluoroscopy', nameKey: 'clinical.campaign.fluoroscopy', link: 'https://www.imagegently.org/Procedures/Fluoroscopy' }, // §6 Pause and Pulse (URL [X1])
  interventional: { id: 'interventional', nameKey: 'clinical.campaign.interventional', link: 'https://www.imagegently.org/Procedures/Interventional-Radiology' }, // §6 Step Lightly [X2]
  radiography: { id: 'radiography', nameKey: 'clinical.campaign.radiography', link: 'https://www.imagegently.org/Procedures/Digital-Radiography' }, // §6 Back to Basics [X2]
  'nuclear-medicine': { id: 'nuclear-medicine', nameKey: 'clinical.campaign.nuclearMedicine', link: 'https://www.imagegently.org/Procedures/Nuclear-Medicine' }, // §6 Nuclear Medicine [X2]
  dental: { id: 'dental', nameKey: 'clinical.campaign.dental', link: 'https://www.imagegently.org/Procedures/Dental' }, // §6 Dentistry [X2]
  // §6 Think A-Head: no campaign page on imagegently.org was found; this is the campaign post the reference names.
  'think-a-head': { id: 'think-a-head', nameKey: 'clinical.campaign.thinkAHead', link: 'https://imagegentlyproviders.org/image-gently-think-head-campaign-keep-calm-image-gently/' },
};

/** Order of the campaign blocks in the panel. */
const CAMPAIGN_ORDER: readonly CampaignId[] = ['think-a-head', 'ct', 'fluoroscopy', 'interventional', 'radiography', 'nuclear-medicine', 'dental'];

/** When a reminder applies (all given conditions must hold). */
export interface ReminderRule {
  /** Only when the order names at most / at least this many contrast phases (unknown counts as 1). */
  maxPhases?: number;
  minPhases?: number;
}

export interface ReminderDef {
  /** Stable id, e.g. 'ct.child-size'. */
  id: string;
  campaign: CampaignId;
  /** Locale key of the text (section `clinical:`). */
  messageKey: string;
  when?: ReminderRule;
  /** Substitutions taken from the context, in order ($1, $2 …). */
  substitute?: readonly 'phases'[];
}

/**
 * The Image Gently Alliance's site for parents (docs/reference/campaigns.md §2: parents and providers have sites of
 * their own). The popup links it; the printed imaging record points parents to it.
 */
export const PARENTS_SITE = 'https://www.imagegentlyparents.org/';

/** Every reminder, in display order within its campaign. Texts: locales `clinical.reminder.*`. */
export const REMINDERS: readonly ReminderDef[] = [
  // CT (docs/reference/campaigns.md §1, CT row)
  { id: 'ct.child-size', campaign: 'ct', messageKey: 'clinical.reminder.ctChildSize' },
  { id: 'ct.one-phase', campaign: 'ct', messageKey: 'clinical.reminder.ctOnePhase', when: { maxPhases: 1 } },
  { id: 'ct.multi-phase', campaign: 'ct', messageKey: 'clinical.reminder.ctMultiPhase', when: { minPhases: 2 }, substitute: ['phases'] },
  { id: 'ct.indicated-area', campaign: 'ct', messageKey: 'clinical.reminder.ctIndicatedArea' },
  { id: 'ct.necessary', campaign: 'ct', messageKey: 'clinical.reminder.ctNecessary' },
  { id: 'ct.team', campaign: 'ct', messageKey: 'clinical.reminder.ctTeam' },
  // Pause and Pulse (§6, fluoroscopy row; its "appropriate shielding" step is not shipped)
  { id: 'fluoroscopy.pause', campaign: 'fluoroscopy', messageKey: 'clinical.reminder.fluoroscopyPause' },
  { id: 'fluoroscopy.child-size', campaign: 'fluoroscopy', messageKey: 'clinical.reminder.fluoroscopyChildSize' },
  { id: 'fluoroscopy.pulse', campaign: 'fluoroscopy', messageKey: 'clinical.reminder.fluoroscopyPulse' },
  { id: 'fluoroscopy.limit', campaign: 'fluoroscopy', messageKey: 'clinical.reminder.fluoroscopyLimit' },
  { id: 'fluoroscopy.collimate', campaign: 'fluoroscopy', messageKey: 'clinical.reminder.fluoroscopyCollimate' },
  // Pause and Pulse, pediatric fluoroscopy technique (see the file comment: Image Gently fluoroscopy material; GE OEC manual §5.4.1)
  { id: 'fluoroscopy.grid', campaign: 'fluoroscopy', messageKey: 'clinical.reminder.fluoroscopyGrid' },
  { id: 'fluoroscopy.detector-close', campaign: 'fluoroscopy', messageKey: 'clinical.reminder.fluoroscopyDetectorClose' },
  // Step Lightly (§6, interventional row)
  { id: 'interventional.step-lightly', campaign: 'interventional', messageKey: 'clinical.reminder.interventionalStepLightly' },
  { id: 'interventional.child-size', campaign: 'interventional', messageKey: 'clinical.reminder.interventionalChildSize' },
  { id: 'interventional.guidance', campaign: 'interventional', messageKey: 'clinical.reminder.interventionalGuidance' },
  // Back to Basics (§6, digital radiography row; its shielding step is not shipped)
  { id: 'radiography.measure', campaign: 'radiography', messageKey: 'clinical.reminder.radiographyMeasure' },
  { id: 'radiography.grid', campaign: 'radiography', messageKey: 'clinical.reminder.radiographyGrid' },
  { id: 'radiography.collimate', campaign: 'radiography', messageKey: 'clinical.reminder.radiographyCollimate' },
  { id: 'radiography.exposure-indicator', campaign: 'radiography', messageKey: 'clinical.reminder.radiographyExposureIndicator' },
  // Nuclear medicine (§6, nuclear medicine row)
  { id: 'nuclear-medicine.guidelines', campaign: 'nuclear-medicine', messageKey: 'clinical.reminder.nuclearMedicineGuidelines' },
  { id: 'nuclear-medicine.post-table', campaign: 'nuclear-medicine', messageKey: 'clinical.reminder.nuclearMedicinePostTable' },
  // Image Gently in Dentistry (§6, dental row; its thyroid-collar step is not shipped)
  { id: 'dental.select', campaign: 'dental', messageKey: 'clinical.reminder.dentalSelect' },
  { id: 'dental.receptor', campaign: 'dental', messageKey: 'clinical.reminder.dentalReceptor' },
  { id: 'dental.collimate', campaign: 'dental', messageKey: 'clinical.reminder.dentalCollimate' },
  { id: 'dental.exposure', campaign: 'dental', messageKey: 'clinical.reminder.dentalExposure' },
  { id: 'dental.cbct', campaign: 'dental', messageKey: 'clinical.reminder.dentalCbct' },
  // Think A-Head (§6, Think A-Head row)
  { id: 'think-a-head.decision-rule', campaign: 'think-a-head', messageKey: 'clinical.reminder.thinkAHeadDecisionRule' },
  { id: 'think-a-head.family', campaign: 'think-a-head', messageKey: 'clinical.reminder.thinkAHeadFamily' },
  { id: 'think-a-head.child-size', campaign: 'think-a-head', messageKey: 'clinical.reminder.thinkAHeadChildSize' },
];

/**
 * The current-practice line shown instead of the old gonadal-shielding steps, for radiography and fluoroscopy
 * (docs/reference/campaigns.md §1: Pause and Pulse, Back to Basics; §1.1): the AAPM 2019 position statement, endorsed by the
 * Image Gently Alliance on 11/12/2019, and the NCRP 2021 statement.
 */
export const CURRENT_PRACTICE = {
  id: 'current-practice.shielding',
  messageKey: 'clinical.reminder.currentPracticeShielding',
  // The Alliance's statements list, where its 11/12/2019 endorsement of the AAPM position is published
  // (news/snapshot.ts lists that statement with this page).
  link: 'https://www.imagegently.org/Current-Events/In-the-News',
  campaigns: ['fluoroscopy', 'radiography'] as readonly CampaignId[],
} as const;

/**
 * The dental current-practice line: no lead aprons or thyroid collars for dental radiographs or cone-beam CT
 * (ADA Council on Scientific Affairs, 1 February 2024; see the file comment). No link: the ADA's page address
 * is not verified here, and Image Gently's dental page still shows the older thyroid-collar step.
 */
export const DENTAL_PRACTICE = {
  id: 'current-practice.dental',
  messageKey: 'clinical.reminder.currentPracticeDental',
  campaigns: ['dental'] as readonly CampaignId[],
} as const;

/**
 * Possible abuse / non-accidental injury wording: one neutral line, for any modality, pointing to the site's
 * child-protection imaging protocol (skeletal survey; head imaging per local protocol). Not an Image Gently
 * campaign, so no campaign link; it replaces Think A-Head, whose decision rules are not for suspected abuse.
 */
export const CHILD_PROTECTION = {
  id: 'child-protection.site-protocol',
  messageKey: 'clinical.reminder.childProtectionProtocol',
} as const;

/** What the panel knows about the exam (structurally compatible with content/read/types PageAnalysis). */
export interface ReminderContext {
  /** The exam's campaigns as the analyzer named them ('ct', 'fluoroscopy', …). */
  campaigns: readonly string[];
  /** Body region when known ('head' for head CT). */
  region?: string | null;
  /** Contrast phases named by the order (2 for "W/O & W"), or null. */
  phases?: number | null;
  /** The order names a minor head injury (fall, bump, minor/mild head injury). */
  minorHeadInjury?: boolean;
  /** The order names possible abuse / non-accidental injury / child protection. Wins over `minorHeadInjury`. */
  childProtection?: boolean;
}

export interface Reminder {
  id: string;
  messageKey: string;
  substitutions: string[];
}

export interface CampaignReminders {
  campaign: CampaignInfo;
  reminders: Reminder[];
}

export interface RemindersResult {
  groups: CampaignReminders[];
  /** The current-practice line on gonadal shielding, once, for radiography or fluoroscopy. */
  currentPractice: { messageKey: string; link: string } | null;
  /** The dental current-practice line (ADA 2024: no aprons or thyroid collars), for dental exams. */
  dentalPractice: { messageKey: string } | null;
  /** The child-protection line (possible abuse wording), shown first; null otherwise. */
  childProtection: { messageKey: string } | null;
}

function applies(rule: ReminderRule | undefined, ctx: ReminderContext): boolean {
  if (!rule) return true;
  const phases = ctx.phases ?? 1;
  if (rule.maxPhases !== undefined && phases > rule.maxPhases) return false;
  if (rule.minPhases !== undefined && phases < rule.minPhases) return false;
  return true;
}

/**
 * @name remindersFor
 * @category Campaigns
 * @summary The Image Gently reminders for an exam, grouped by campaign, with their links.
 *
 * @description
 * One group per campaign of the exam, in a fixed order. Think A-Head joins only when the order names a
 * minor head injury on a head CT — never for every head CT, and never when it names possible abuse (then
 * `childProtection` carries the neutral child-protection line). A multi-phase order replaces the general
 * one-phase reminder with one that names the phase count. No shielding or thyroid-collar step is ever
 * returned; instead, `currentPractice` carries one line for fluoroscopy and radiography (AAPM 2019 / NCRP
 * 2021) and `dentalPractice` one for dental exams (ADA 2024).
 *
 * @param ctx - campaigns, region, phases and the minor-head-injury and child-protection flags of the exam
 * @returns reminder groups (locale keys + substitutions) and the current-practice line
 *
 * @example
 * // A child's head CT ordered for a fall?
 * remindersFor({ campaigns: ['ct'], region: 'head', minorHeadInjury: true }).groups.map((g) => g.campaign.id)
 * //=> ['think-a-head', 'ct']
 */
export function remindersFor(ctx: ReminderContext): RemindersResult {
  const wanted = new Set<CampaignId>();
  for (const c of ctx.campaigns) if (c in CAMPAIGNS && c !== 'think-a-head') wanted.add(c as CampaignId);
  const protection = ctx.childProtection === true;
  if (!protection && ctx.minorHeadInjury === true && wanted.has('ct') && (ctx.region == null || ctx.region === 'head')) wanted.add('think-a-head');
  const groups: CampaignReminders[] = [];
  for (const id of CAMPAIGN_ORDER) {
    if (!wanted.has(id)) continue;
    const reminders = REMINDERS.filter((r) => r.campaign === id && applies(r.when, ctx)).map(
      (r): Reminder => ({
        id: r.id,
        messageKey: r.messageKey,
        substitutions: (r.substitute ?? []).map((s) => (s === 'phases' ? String(ctx.phases ?? '') : '')),
      }),
    );
    groups.push({ campaign: CAMPAIGNS[id], reminders });
  }
  const currentPractice = CURRENT_PRACTICE.campaigns.some((c) => wanted.has(c))
    ? { messageKey: CURRENT_PRACTICE.messageKey, link: CURRENT_PRACTICE.link }
    : null;
  const dentalPractice = DENTAL_PRACTICE.campaigns.some((c) => wanted.has(c)) ? { messageKey: DENTAL_PRACTICE.messageKey } : null;
  return { groups, currentPractice, dentalPractice, childProtection: protection ? { messageKey: CHILD_PROTECTION.messageKey } : null };
}

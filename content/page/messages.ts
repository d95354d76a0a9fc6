import * as z from 'zod/mini';
import { CAMPAIGN_IDS } from '@/clinical/campaign-ids';
import { isRecipeId, type SiteRecipe } from '@/content/read/recipe/recipe';
import { SiteRecipeSchema } from '@/settings/recipe-schema';

const RecipeIdSchema = z.string().check(z.refine(isRecipeId));

/**
 * What may cross out of the page: an allow-list. No age, names, ids, dates or free text.
 * The background validates every message with this schema and drops anything else.
 */
export const TabFactsSchema = z.strictObject({
  pediatric: z.boolean(),
  campaigns: z.array(
    z.enum(CAMPAIGN_IDS),
  ),
  modality: z.nullable(z.enum(['CT', 'CR', 'DX', 'RF', 'XA', 'NM', 'PT', 'MR', 'US', 'MG', 'IO', 'PX'])),
  siteEnabled: z.boolean(),
});
export type TabFacts = z.infer<typeof TabFactsSchema>;

/** Content script → background. */
export const ContentMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tab-facts'), facts: TabFactsSchema }),
  // Requests that carry nothing from the page. The small always-on content script asks for the
  // settings it needs to read the page (the background answers for the sender's origin), and for
  // the panel script to be injected into its frame once a child is shown (the panel is too large
  // to load on every page).
  z.strictObject({ type: z.literal('get-page-settings') }),
  // `pacs`: the frame shows a PACS viewer (a profile with `viewer`): pacs.js is injected beside panel.js.
  z.strictObject({ type: z.literal('load-panel'), pacs: z.optional(z.literal(true)) }),
  // content.js's gate saw a patient and an exam (content/page/reader-gate.ts): inject the page reader (reader.js).
  z.strictObject({ type: z.literal('load-reader') }),
  // panel.js asks for the policy the background has cached (background/policy-cache.ts)
  // instead of reading storage.managed, whose first read can take seconds.
  z.strictObject({ type: z.literal('get-page-policy') }),
  // panel.js asks for the UI locale's number symbols, read with Intl in the background so that the page's main
  // thread never loads the locale's data (content/panel/number-format.ts).
  z.strictObject({ type: z.literal('get-number-symbols') }),
  // Site recipes (content/read/recipe/): a recipe's status on this page — its id and a boolean, never what it read;
  // the panel's "Teach this page" (inject the picker here); the picker's new recipe (selectors and labels only).
  z.strictObject({ type: z.literal('recipe-status'), id: RecipeIdSchema, needsAttention: z.boolean() }),
  z.strictObject({ type: z.literal('start-picker') }),
  z.strictObject({ type: z.literal('save-recipe'), recipe: SiteRecipeSchema }),
  // "Dismiss for this exam" and "snooze on this site": page-side scripts write no settings and never see the
  // dismissal secret (background/exam-dismissal.ts). `exam-hash` is the one message that carries something read
  // from the page, the exam key (study UID, order id): the background hashes it with the install's secret at
  // once and keeps nothing. The origin is always the sender's, never the message's.
  z.strictObject({ type: z.literal('exam-hash'), examKey: z.string().check(z.minLength(1), z.maxLength(256)) }),
  z.strictObject({ type: z.literal('dismiss-exam'), hash: z.string().check(z.refine((h) => /^[0-9a-f]{64}$/.test(h))) }),
  z.strictObject({ type: z.literal('snooze-site') }),
]);
export type ContentMessage = z.infer<typeof ContentMessageSchema>;

/**
 * Background → content script: the answer to `get-page-settings` (settings, not page data). The
 * content script checks it with `parsePageSettingsReply` (content/page/page-requests.ts) so
 * the always-on script carries no zod.
 */
export interface PageSettingsReply {
  pediatricCutoffYears: number;
  dateOrder: 'MDY' | 'DMY' | null;
  disabledCampaigns: string[];
  snoozedUntil: number | null;
  /** The site recipes of the sender's origin (settings, not page data: selectors and labels). */
  siteRecipes: SiteRecipe[];
}

/** Background → panel.js: the answer to `exam-hash` (null: no dismissal possible here). */
export interface ExamHashReply {
  hash: string | null;
}

/** Popup/background → content script. */
export const PageRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('get-tab-facts') }),
  z.strictObject({ type: z.literal('focus-panel') }),
  // The policy (or another setting the page reads) changed: ask for the settings again.
  z.strictObject({ type: z.literal('page-settings-changed') }),
  // The options page's "Test on the current tab": which of a recipe's fields this page has (RecipeTest: kinds only).
  z.strictObject({ type: z.literal('test-recipe'), recipe: SiteRecipeSchema }),
]);
export type PageRequest = z.infer<typeof PageRequestSchema>;

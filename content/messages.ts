import * as z from 'zod/mini';

/**
 * What may cross out of the page: an allow-list. No age, names, ids, dates or free text.
 * The background validates every message with this schema and drops anything else.
 */
export const TabFactsSchema = z.strictObject({
  pediatric: z.boolean(),
  campaigns: z.array(
    z.enum(['ct', 'radiography', 'fluoroscopy', 'interventional', 'nuclear-medicine', 'dental']),
  ),
  modality: z.nullable(z.enum(['CT', 'CR', 'DX', 'RF', 'XA', 'NM', 'PT', 'MR', 'US', 'MG', 'IO', 'PX'])),
  siteEnabled: z.boolean(),
});
export type TabFacts = z.infer<typeof TabFactsSchema>;

/** Content script → background. */
export const ContentMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tab-facts'), facts: TabFactsSchema }),
]);
export type ContentMessage = z.infer<typeof ContentMessageSchema>;

/** Popup/background → content script. */
export const PageRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('get-tab-facts') }),
  z.strictObject({ type: z.literal('focus-panel') }),
]);
export type PageRequest = z.infer<typeof PageRequestSchema>;

/**
 * @file The Image Gently campaigns an exam can fall under, in the order the options page lists them: the one list
 * of them that the page reader's types, the messages' allow-list, the settings and the options page read.
 * (The reminders of each campaign, and Think A-Head, which trauma wording raises on a head CT, are in
 * campaigns.ts.)
 */
export const CAMPAIGN_IDS = ['ct', 'radiography', 'fluoroscopy', 'interventional', 'nuclear-medicine', 'dental'] as const;

/** One of CAMPAIGN_IDS. */
export type Campaign = (typeof CAMPAIGN_IDS)[number];

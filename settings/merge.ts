/**
 * Policy over user settings: one pure function. Policy wins, field by field; what it sets is
 * "managed" and the options page shows it read-only.
 */
import type { Policy, PolicyKey } from './policy';
import type { Settings } from './schema';
import type { SiteRecipe } from '../content/read/recipe/recipe';

export interface EffectiveSettings extends Settings {
  /** Origins the organisation approved (empty without policy). Not the same as enabled sites. */
  approvedSites: string[];
}

export interface Merged {
  settings: EffectiveSettings;
  /** Policy keys in force (valid values only). */
  managed: PolicyKey[];
}

export function mergePolicy(user: Settings, policy: Policy): Merged {
  const settings: EffectiveSettings = {
    ...user,
    statementSources: { ...user.statementSources, extraUrls: [...user.statementSources.extraUrls] },
    approvedSites: [],
  };
  const managed: PolicyKey[] = [];
  const mark = (key: PolicyKey) => managed.push(key);

  if (policy.approvedSites) {
    settings.approvedSites = [...policy.approvedSites];
    mark('approvedSites');
  }
  if (policy.pediatricCutoffYears !== undefined) {
    settings.pediatricCutoffYears = policy.pediatricCutoffYears;
    mark('pediatricCutoffYears');
  }
  if (policy.disabledCampaigns) {
    settings.disabledCampaigns = [...policy.disabledCampaigns];
    mark('disabledCampaigns');
  }
  if (policy.statementUrls) {
    settings.statementSources.extraUrls = [...policy.statementUrls];
    mark('statementUrls');
  }
  if (policy.statementsEnabled !== undefined) {
    mark('statementsEnabled');
    if (policy.statementsEnabled) settings.statementSources.imagegently = true;
    // Off means off: no source is fetched, not even the organisation's own feeds.
    else settings.statementSources = { imagegently: false, extraUrls: [] };
  }
  if (policy.referenceLevelTable) {
    settings.referenceLevelTables = [policy.referenceLevelTable];
    mark('referenceLevelTable');
  }
  if (policy.supportContact) {
    settings.supportContact = { ...policy.supportContact };
    mark('supportContact');
  }
  if (policy.siteRecipes) {
    settings.siteRecipes = withPolicyRecipes(policy.siteRecipes, user.siteRecipes);
    mark('siteRecipes');
  }
  return { settings, managed };
}

/**
 * The policy's recipes added to the user's: the policy's first (they win a tie in `recipeFor`), and a user recipe
 * for the same site and path, or with the same id, is left out (the organisation's recipe stands for it).
 */
export function withPolicyRecipes(policy: readonly SiteRecipe[], user: readonly SiteRecipe[]): SiteRecipe[] {
  const ids = new Set(policy.map((r) => r.id));
  const places = new Set(policy.map((r) => `${r.origin} ${r.pathPrefix}`));
  return [...policy, ...user.filter((r) => !ids.has(r.id) && !places.has(`${r.origin} ${r.pathPrefix}`))];
}

/** Which user setting each policy key overrides (for the options page's "managed" marks). */
export const POLICY_OVERRIDES: Readonly<Record<PolicyKey, keyof EffectiveSettings>> = {
  approvedSites: 'approvedSites',
  pediatricCutoffYears: 'pediatricCutoffYears',
  disabledCampaigns: 'disabledCampaigns',
  statementsEnabled: 'statementSources',
  statementUrls: 'statementSources',
  referenceLevelTable: 'referenceLevelTables',
  supportContact: 'supportContact',
  siteRecipes: 'siteRecipes',
};

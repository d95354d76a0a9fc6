/**
 * What the options page shows and what it can ask for. The page is props-in, markup-out: the
 * controller (settings/options-controller.ts) does the storage and permission calls.
 */
import type { RecipeFieldKind } from '@/content/read/recipe/recipe';
import type { EffectiveSettings } from './merge';
import type { Policy, PolicyKey } from './policy';
import type { SettingKey, Settings } from './schema';

export interface OptionsView {
  /** What the user saved (repaired); the controls edit these. */
  user: Settings;
  /** With the policy applied: what is in force. */
  effective: EffectiveSettings;
  /** The organisation's policy (validated). */
  policy: Policy;
  managed: readonly PolicyKey[];
  policyIssues: readonly string[];
  /**
   * False while the organisation's policy is not known yet (storage.managed has not answered: seconds in a browser
   * that has just started): the controls show the user's settings; the page loads again when it is known.
   */
  policyKnown: boolean;
  /** Stored values that could not be read (their defaults are in use). */
  settingsIssues: readonly string[];
  /** Granted site patterns the user can remove, e.g. `https://pacs.example.org/*`. */
  sites: readonly string[];
  /** Patterns of sites the organisation approved that this browser has not granted yet. */
  approvedPending: readonly string[];
  /** Statement feeds (the user's or the organisation's) whose host is also one of `sites`. */
  feedsOnSites: readonly string[];
  /** Site recipes' last status on a page: id → needs attention (background/recipes.ts). */
  recipeStatus: Readonly<Record<string, boolean>>;
}

/** "Test on the current tab": which fields the open tab of the recipe's pages has (kinds only). */
export type RecipeTestOutcome =
  | { kind: 'tested'; found: RecipeFieldKind[]; missing: RecipeFieldKind[] }
  | { kind: 'no-tab' }
  | { kind: 'failed'; message: string };

export interface RecipesImportSummary {
  ok: boolean;
  /** Why not, when `ok` is false. */
  error?: string;
  imported: number;
  /** Invalid recipes, and recipes that would replace the organisation's. */
  skipped: number;
}

export interface TableImportResult {
  ok: boolean;
  /** The table's name when imported, or why not. */
  message: string;
}

export interface SettingsImportSummary {
  ok: boolean;
  /** Why not, when `ok` is false. */
  error?: string;
  /** Values skipped (repaired) during the import. */
  skipped: number;
}

export interface OptionsActions {
  /** Check a typed feed URL before asking for its permission: the normalised URL, or why not (https only, no duplicate, within the limit). */
  checkFeedUrl(text: string, current: readonly string[]): { url: string } | { error: string };
  /** Check a typed DICOMweb path: '' clears it (null); otherwise a path on the site, or why not. */
  checkDicomWebPath(text: string): { path: string | null } | { error: string };
  /** Validated write; rejects with a readable message when the value is refused. */
  save<K extends SettingKey>(key: K, value: Settings[K]): Promise<void>;
  removeSite(pattern: string): Promise<void>;
  /** Calls permissions.request synchronously: call it first in a click handler. */
  enableApproved(): Promise<boolean>;
  /** Saves the URL and asks for the feed's host (synchronously, first permission call); unsaved when refused. */
  addFeed(url: string): Promise<boolean>;
  exportSettings(): void;
  exportPolicy(): void;
  importSettings(text: string): Promise<SettingsImportSummary>;
  importTable(text: string, fileName: string): Promise<TableImportResult>;
  exportTable(id: string, format: 'json' | 'csv'): void;
  /** The user's recipe (the organisation's cannot be deleted). */
  deleteRecipe(id: string): Promise<void>;
  exportRecipes(): void;
  importRecipes(text: string): Promise<RecipesImportSummary>;
  testRecipe(id: string): Promise<RecipeTestOutcome>;
}

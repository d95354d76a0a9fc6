/**
 * Site recipes on the options page: each recipe (the organisation's marked and read-only), whether it needs
 * attention, its fields and pages; test it on the open tab of its pages, delete the user's, export and import.
 * A recipe holds selectors and labels only, so nothing here is patient data.
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { RecipeFieldKind, SiteRecipe } from '@/content/read/recipe/recipe';
import { pickedFileText } from './picked-file';
import type { Report } from './report';
import type { OptionsActions, OptionsView, RecipeTestOutcome } from '@/settings/options-view';

interface SectionProps {
  view: OptionsView;
  actions: OptionsActions;
  report: Report;
}

const FIELD_KEY = {
  birthDate: 'options.recipes.field.birthDate',
  age: 'options.recipes.field.age',
  procedure: 'options.recipes.field.procedure',
  examDate: 'options.recipes.field.examDate',
  orderDate: 'options.recipes.field.orderDate',
} as const satisfies Record<RecipeFieldKind, string>;

const fieldList = (kinds: readonly RecipeFieldKind[]) => kinds.map((k) => i18n.t(FIELD_KEY[k])).join(', ');

function testText(outcome: RecipeTestOutcome): { text: string; ok: boolean } {
  if (outcome.kind === 'no-tab') return { text: i18n.t('options.recipes.testResult.otherSite'), ok: false };
  if (outcome.kind === 'failed') return { text: i18n.t('options.recipes.testResult.failed', [outcome.message]), ok: false };
  const parts = [];
  if (outcome.found.length) parts.push(i18n.t('options.recipes.testResult.ok', [fieldList(outcome.found)]));
  if (outcome.missing.length) parts.push(i18n.t('options.recipes.testResult.missing', [fieldList(outcome.missing)]));
  return { text: parts.join(' '), ok: outcome.missing.length === 0 };
}

export function RecipesSection({ view, actions, report }: SectionProps) {
  const [tests, setTests] = useState<Record<string, { text: string; ok: boolean }>>({});
  const managedIds = new Set((view.policy.siteRecipes ?? []).map((r) => r.id));
  const recipes = view.effective.siteRecipes;

  const test = async (r: SiteRecipe) => {
    const outcome = await actions.testRecipe(r.id);
    setTests((t) => ({ ...t, [r.id]: testText(outcome) }));
  };
  const remove = async (r: SiteRecipe) => {
    try {
      await actions.deleteRecipe(r.id);
      report(i18n.t('options.recipes.deleted', [r.name ?? r.id]));
    } catch (e) {
      report(i18n.t('options.notSaved', [e instanceof Error ? e.message : String(e)]), true);
    }
  };
  const onPick = async (e: Event) => {
    const picked = await pickedFileText(e.currentTarget as HTMLInputElement);
    if (!picked) return;
    const r = await actions.importRecipes(picked.text);
    if (!r.ok) {
      report(i18n.t('options.recipes.importFailed', [r.error ?? '']), true);
      return;
    }
    const text = i18n.t('options.recipes.imported', r.imported) + (r.skipped ? ` ${i18n.t('options.recipes.importSkipped', r.skipped)}` : '');
    report(text, r.skipped > 0);
  };

  return (
    <section aria-labelledby="igo-recipes-h" class="igo-recipes">
      <h2 id="igo-recipes-h">{i18n.t('options.recipes.heading')}</h2>
      <p>{i18n.t('options.recipes.intro')}</p>
      {recipes.length ? (
        <ul class="igo-list igo-recipe-list">
          {recipes.map((r) => {
            const managed = managedIds.has(r.id);
            const status = view.recipeStatus[r.id];
            const result = tests[r.id];
            return (
              <li key={r.id} data-recipe={r.id} data-needs-attention={status === true ? 'true' : undefined}>
                <span class="igo-table-name">{r.name ?? r.id}</span>
                {managed && <span class="igo-managed">{i18n.t('options.recipes.managed')}</span>}
                <span class="igo-muted">{i18n.t('options.recipes.appliesTo', [`${r.origin}${r.pathPrefix}`])}</span>
                <span class="igo-muted">{i18n.t('options.recipes.fields', [fieldList(r.fields.map((f) => f.kind))])}</span>
                <span class={status === true ? 'igo-warning igo-recipe-status' : 'igo-muted igo-recipe-status'}>
                  {status === true ? i18n.t('options.recipes.needsAttention') : status === false ? i18n.t('options.recipes.ok') : i18n.t('options.recipes.unknown')}
                </span>
                <span class="igo-buttons">
                  <button type="button" onClick={() => void test(r)}>
                    {i18n.t('options.recipes.test')}
                  </button>
                  {!managed && (
                    <button type="button" aria-label={i18n.t('options.recipes.deleteLabel', [r.name ?? r.id])} onClick={() => void remove(r)}>
                      {i18n.t('options.recipes.delete')}
                    </button>
                  )}
                </span>
                {result && (
                  <span class={result.ok ? 'igo-recipe-test' : 'igo-recipe-test igo-warning'} role="status">
                    {result.text}
                  </span>
                )}
                <details class="igo-recipe-json">
                  <summary>{i18n.t('options.recipes.viewJson')}</summary>
                  <pre>{JSON.stringify(r, null, 2)}</pre>
                </details>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="igo-empty">{i18n.t('options.recipes.none')}</p>
      )}
      <p class="igo-buttons">
        <button type="button" disabled={!recipes.length} onClick={() => actions.exportRecipes()}>
          {i18n.t('options.recipes.export')}
        </button>
        <label class="igo-file">
          {i18n.t('options.recipes.import')}
          <input type="file" name="site-recipes" accept=".json,application/json" onChange={onPick} />
        </label>
      </p>
    </section>
  );
}

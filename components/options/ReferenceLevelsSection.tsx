import { i18n } from '#i18n';
import { isManaged, ManagedBadge } from './Managed';
import { pickedFileText } from './picked-file';
import { saveAndReport, type Report } from './report';
import type { OptionsActions, OptionsView } from '@/settings/options-view';

interface SectionProps {
  view: OptionsView;
  actions: OptionsActions;
  report: Report;
}

export function ReferenceLevelsSection({ view, actions, report }: SectionProps) {
  const managed = isManaged(view.managed, 'referenceLevelTable');
  const tables = managed ? view.effective.referenceLevelTables : view.user.referenceLevelTables;
  const onPick = async (e: Event) => {
    const picked = await pickedFileText(e.currentTarget as HTMLInputElement);
    if (!picked) return;
    const r = await actions.importTable(picked.text, picked.name);
    report(
      r.ok ? i18n.t('options.referenceLevels.imported', [r.message]) : i18n.t('options.referenceLevels.importFailed', [r.message]),
      !r.ok,
    );
  };
  const remove = (id: string) =>
    void saveAndReport(() => actions.save('referenceLevelTables', view.user.referenceLevelTables.filter((t) => t.id !== id)), report);

  return (
    <section aria-labelledby="igo-rl-h">
      <h2 id="igo-rl-h">
        {i18n.t('options.referenceLevels.heading')} <ManagedBadge managed={view.managed} keys={['referenceLevelTable']} />
      </h2>
      <p>{i18n.t('options.referenceLevels.intro')}</p>
      {tables.length ? (
        <ul class="igo-list igo-tables">
          {tables.map((t) => (
            <li key={t.id}>
              <span class="igo-table-name">{t.name}</span> <span class="igo-muted">{t.exam}</span>{' '}
              <span class="igo-muted">
                {t.source}, {t.year}
              </span>{' '}
              <span class="igo-muted">{i18n.t('options.referenceLevels.bins', t.bins.length)}</span>
              <span class="igo-buttons">
                <button type="button" onClick={() => actions.exportTable(t.id, 'json')}>
                  {i18n.t('options.referenceLevels.exportJson')}
                </button>
                <button type="button" onClick={() => actions.exportTable(t.id, 'csv')}>
                  {i18n.t('options.referenceLevels.exportCsv')}
                </button>
                {managed ? null : (
                  <button type="button" aria-label={i18n.t('options.referenceLevels.removeLabel', [t.name])} onClick={() => remove(t.id)}>
                    {i18n.t('options.referenceLevels.remove')}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="igo-empty">{i18n.t('options.referenceLevels.none')}</p>
      )}
      {managed ? null : (
        <p>
          <label class="igo-file">
            {i18n.t('options.referenceLevels.import')}
            <input type="file" name="reference-table" accept=".json,.csv,application/json,text/csv" onChange={onPick} />
          </label>
        </p>
      )}
    </section>
  );
}

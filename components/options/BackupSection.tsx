import { i18n } from '#i18n';
import type { Report } from './report';
import { pickedFileText } from './picked-file';
import type { OptionsActions } from '@/settings/options-view';

export function BackupSection({ actions, report }: { actions: OptionsActions; report: Report }) {
  const onPick = async (e: Event) => {
    const picked = await pickedFileText(e.currentTarget as HTMLInputElement);
    if (!picked) return;
    const r = await actions.importSettings(picked.text);
    if (!r.ok) report(i18n.t('options.backup.importFailed', [r.error ?? '']), true);
    else if (r.skipped) report(i18n.t('options.backup.importedWithIssues', r.skipped), true);
    else report(i18n.t('options.backup.imported'));
  };
  return (
    <section aria-labelledby="igo-backup-h">
      <h2 id="igo-backup-h">{i18n.t('options.backup.heading')}</h2>
      <p>{i18n.t('options.backup.intro')}</p>
      <p class="igo-buttons">
        <button type="button" onClick={() => actions.exportSettings()}>
          {i18n.t('options.backup.export')}
        </button>
        <label class="igo-file">
          {i18n.t('options.backup.import')}
          <input type="file" name="settings-file" accept=".json,application/json" onChange={onPick} />
        </label>
      </p>
      <p class="igo-buttons">
        <button type="button" onClick={() => actions.exportPolicy()} aria-describedby="igo-policy-help">
          {i18n.t('options.backup.exportPolicy')}
        </button>
      </p>
      <p id="igo-policy-help" class="igo-help">
        {i18n.t('options.backup.exportPolicyHelp')}
      </p>
    </section>
  );
}

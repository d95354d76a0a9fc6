/**
 * The options page: sites, date order, children (cutoff, campaigns), statement sources, local
 * reference levels, site recipes, backup. Props in (`OptionsView`), requests out (`OptionsActions`); it makes
 * no storage or `browser` calls itself. Controls the organisation's policy manages are shown
 * read-only with "Set by your organisation".
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { BackupSection } from './BackupSection';
import { ChildrenSection } from './ChildrenSection';
import { PolicyNotice } from './PolicyNotice';
import { RecipesSection } from './RecipesSection';
import { ReferenceLevelsSection } from './ReferenceLevelsSection';
import { DateOrderSection } from './DateOrderSection';
import { DicomWebSection } from './DicomWebSection';
import { SitesSection } from './SitesSection';
import { StatementsSection } from './StatementsSection';
import type { Report, Status } from './report';
import type { OptionsActions, OptionsView } from '@/settings/options-view';

export interface OptionsPageProps {
  view: OptionsView;
  actions: OptionsActions;
  /** Shown above everything when the settings could not be loaded at all. */
  loadError?: string | null;
}

export function OptionsPage({ view, actions, loadError }: OptionsPageProps) {
  const [status, setStatus] = useState<Status | null>(null);
  const report: Report = (text, error = false) => setStatus({ text, error });
  return (
    <main class="igo">
      <h1>{i18n.t('options.title')}</h1>
      <p class="igo-intro">{i18n.t('options.intro')}</p>
      {loadError ? <p class="igo-error">{i18n.t('options.loadFailed', [loadError])}</p> : null}
      {view.settingsIssues.length ? <p class="igo-warning">{i18n.t('options.repaired')}</p> : null}
      <PolicyNotice view={view} />
      <p class={status?.error ? 'igo-status igo-error' : 'igo-status'} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
      <SitesSection view={view} actions={actions} report={report} />
      <DateOrderSection view={view} actions={actions} report={report} />
      <DicomWebSection view={view} actions={actions} report={report} />
      <ChildrenSection view={view} actions={actions} report={report} />
      <StatementsSection view={view} actions={actions} report={report} />
      <ReferenceLevelsSection view={view} actions={actions} report={report} />
      <RecipesSection view={view} actions={actions} report={report} />
      <BackupSection actions={actions} report={report} />
    </main>
  );
}

import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { OptionsActions, OptionsView } from '@/settings/options-view';
import { perSiteOrigins, PerSiteTable } from './per-site';
import { saveAndReport, type Report } from './report';

interface SectionProps {
  view: OptionsView;
  actions: OptionsActions;
  report: Report;
}

/**
 * Where each site's DICOMweb service is, for a viewer whose own requests do not show it
 * (content/pacs/dicomweb-root.ts finds it from them otherwise). Saved when the field is left or
 * Enter is pressed.
 */
export function DicomWebSection({ view, actions, report }: SectionProps) {
  const origins = perSiteOrigins(view);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  if (!origins.length) return null;
  const save = (origin: string, text: string) => {
    const checked = actions.checkDicomWebPath(text);
    if ('error' in checked) {
      report(checked.error, true);
      return;
    }
    const current = view.user.dicomWebPathBySite[origin] ?? null;
    if (checked.path === current) return;
    const next = { ...view.user.dicomWebPathBySite };
    if (checked.path) next[origin] = checked.path;
    else delete next[origin];
    void saveAndReport(() => actions.save('dicomWebPathBySite', next), report).then(() =>
      setDrafts(({ [origin]: _, ...rest }) => rest),
    );
  };
  return (
    <PerSiteTable
      id="igo-dicomweb"
      heading={i18n.t('options.dicomWeb.heading')}
      intro={i18n.t('options.dicomWeb.intro')}
      column={i18n.t('options.dicomWeb.path')}
      origins={origins}
      control={(origin, id) => (
        <input
          id={id}
          type="text"
          spellcheck={false}
          autocomplete="off"
          placeholder={i18n.t('options.dicomWeb.placeholder')}
          value={drafts[origin] ?? view.user.dicomWebPathBySite[origin] ?? ''}
          onInput={(e) => {
            const value = (e.currentTarget as HTMLInputElement).value;
            setDrafts((d) => ({ ...d, [origin]: value }));
          }}
          onChange={(e) => save(origin, (e.currentTarget as HTMLInputElement).value)}
        />
      )}
    />
  );
}

import type { DateOrder } from '@/settings';
import { i18n } from '#i18n';
import type { OptionsActions, OptionsView } from '@/settings/options-view';
import { perSiteOrigins, PerSiteTable } from './per-site';
import { saveAndReport, type Report } from './report';

interface SectionProps {
  view: OptionsView;
  actions: OptionsActions;
  report: Report;
}

/** How each site writes numeric dates, when its profile cannot tell (MDY or DMY). */
export function DateOrderSection({ view, actions, report }: SectionProps) {
  const origins = perSiteOrigins(view);
  if (!origins.length) return null;
  const set = (origin: string, order: DateOrder | '') => {
    const next = { ...view.user.dateOrderBySite };
    if (order) next[origin] = order;
    else delete next[origin];
    void saveAndReport(() => actions.save('dateOrderBySite', next), report);
  };
  return (
    <PerSiteTable
      id="igo-date"
      heading={i18n.t('options.dateOrder.heading')}
      intro={i18n.t('options.dateOrder.intro')}
      column={i18n.t('options.dateOrder.heading')}
      origins={origins}
      control={(origin, id) => (
        <select
          id={id}
          value={view.user.dateOrderBySite[origin] ?? ''}
          onChange={(e) => set(origin, (e.currentTarget as HTMLSelectElement).value as DateOrder | '')}
        >
          <option value="">{i18n.t('options.dateOrder.auto')}</option>
          <option value="MDY">{i18n.t('options.dateOrder.mdy')}</option>
          <option value="DMY">{i18n.t('options.dateOrder.dmy')}</option>
        </select>
      )}
    />
  );
}

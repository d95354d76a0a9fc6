import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { CAMPAIGN_IDS, type Campaign } from '@/clinical/campaign-ids';
import { isPediatricCutoff, PEDIATRIC_CUTOFF_MAX_YEARS, PEDIATRIC_CUTOFF_MIN_YEARS } from '@/clinical/pediatric-cutoff';
import { isManaged, ManagedBadge } from './Managed';
import { saveAndReport, type Report } from './report';
import type { OptionsActions, OptionsView } from '@/settings/options-view';

const CAMPAIGN_LABEL_KEYS = {
  ct: 'options.campaigns.ct',
  radiography: 'options.campaigns.radiography',
  fluoroscopy: 'options.campaigns.fluoroscopy',
  interventional: 'options.campaigns.interventional',
  'nuclear-medicine': 'options.campaigns.nuclearMedicine',
  dental: 'options.campaigns.dental',
} as const satisfies Record<Campaign, string>;

interface SectionProps {
  view: OptionsView;
  actions: OptionsActions;
  report: Report;
}

/** The cutoff as typed → a whole number in range, or null. */
export function parseCutoff(text: string): number | null {
  if (!/^\s*\d{1,2}\s*$/.test(text)) return null;
  const n = Number(text);
  return isPediatricCutoff(n) ? n : null;
}

export function ChildrenSection({ view, actions, report }: SectionProps) {
  const cutoffManaged = isManaged(view.managed, 'pediatricCutoffYears');
  const campaignsManaged = isManaged(view.managed, 'disabledCampaigns');
  const shown = cutoffManaged ? view.effective.pediatricCutoffYears : view.user.pediatricCutoffYears;
  const [text, setText] = useState(String(shown));
  useEffect(() => setText(String(shown)), [shown]);
  const cutoff = parseCutoff(text);

  const saveCutoff = () => {
    if (cutoff === null || cutoff === view.user.pediatricCutoffYears) return;
    void saveAndReport(() => actions.save('pediatricCutoffYears', cutoff), report);
  };
  const disabled = campaignsManaged ? view.effective.disabledCampaigns : view.user.disabledCampaigns;
  const toggle = (campaign: Campaign, on: boolean) => {
    const next = on ? view.user.disabledCampaigns.filter((c) => c !== campaign) : [...view.user.disabledCampaigns, campaign];
    void saveAndReport(() => actions.save('disabledCampaigns', next), report);
  };

  return (
    <>
      <section aria-labelledby="igo-children-h">
        <h2 id="igo-children-h">{i18n.t('options.children.heading')}</h2>
        <form
          class="igo-row"
          onSubmit={(e) => {
            e.preventDefault();
            saveCutoff();
          }}
        >
          <label for="igo-cutoff">{i18n.t('options.children.cutoff')}</label>
          <input
            id="igo-cutoff"
            type="number"
            inputMode="numeric"
            min={PEDIATRIC_CUTOFF_MIN_YEARS}
            max={PEDIATRIC_CUTOFF_MAX_YEARS}
            step={1}
            value={text}
            disabled={cutoffManaged}
            aria-invalid={cutoff === null}
            aria-describedby="igo-cutoff-help"
            onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
            onBlur={saveCutoff}
          />
          <ManagedBadge managed={view.managed} keys={['pediatricCutoffYears']} />
        </form>
        <p id="igo-cutoff-help" class={cutoff === null ? 'igo-help igo-error' : 'igo-help'}>
          {cutoff === null ? i18n.t('options.children.cutoffInvalid') : i18n.t('options.children.cutoffHelp')}
        </p>
      </section>
      <section aria-labelledby="igo-campaigns-h">
        <h2 id="igo-campaigns-h">
          {i18n.t('options.campaigns.heading')} <ManagedBadge managed={view.managed} keys={['disabledCampaigns']} />
        </h2>
        <p>{i18n.t('options.campaigns.intro')}</p>
        <ul class="igo-checks">
          {CAMPAIGN_IDS.map((c) => (
            <li key={c}>
              <label>
                <input
                  type="checkbox"
                  name="campaign"
                  value={c}
                  checked={!disabled.includes(c)}
                  disabled={campaignsManaged}
                  onChange={(e) => toggle(c, (e.currentTarget as HTMLInputElement).checked)}
                />{' '}
                {i18n.t(CAMPAIGN_LABEL_KEYS[c])}
              </label>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/**
 * "This tab" in the popup, from the allow-listed TabFacts only (pediatric flag, campaigns,
 * modality, site enabled: content/page/messages.ts). No age, name or date ever reaches the popup.
 */
import { i18n } from '#i18n';
import type { TabFacts } from '@/content/page/messages';

const CAMPAIGN_KEY = {
  ct: 'options.campaigns.ct',
  radiography: 'options.campaigns.radiography',
  fluoroscopy: 'options.campaigns.fluoroscopy',
  interventional: 'options.campaigns.interventional',
  'nuclear-medicine': 'options.campaigns.nuclearMedicine',
  dental: 'options.campaigns.dental',
} as const satisfies Record<TabFacts['campaigns'][number], string>;

export interface TabStatusProps {
  /** undefined while asking; null when no content script answered (the panel has not read the page). */
  facts: TabFacts | null | undefined;
}

export function TabStatus({ facts }: TabStatusProps) {
  if (facts === undefined) return null;
  if (facts === null) {
    return (
      <p class="igc-tab-status" data-testid="tab-status" data-state="not-read">
        {i18n.t('popup.tab.notRead')}
      </p>
    );
  }
  return (
    <div class="igc-tab-status" data-testid="tab-status" data-state={facts.pediatric ? 'child' : 'no-child'}>
      <p class={facts.pediatric ? 'igc-tab-child' : undefined}>{facts.pediatric ? i18n.t('popup.tab.child') : i18n.t('popup.tab.noChild')}</p>
      {facts.campaigns.length > 0 && (
        <p>{i18n.t('popup.tab.campaigns', [facts.campaigns.map((c) => i18n.t(CAMPAIGN_KEY[c])).join(', ')])}</p>
      )}
      {facts.modality && <p>{i18n.t('popup.tab.modality', [facts.modality])}</p>}
    </div>
  );
}

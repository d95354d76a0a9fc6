import { i18n } from '#i18n';
import type { PanelNumber } from '@/content/panel/view-model';

/** One number with its label, details and source (the panel's numbers and the PACS section's). */
export function NumberItem({ number: n }: { number: PanelNumber }) {
  return (
    <div class="igp-number" data-number={n.id}>
      <dt>
        {n.label}
        {n.estimate && <span class="igp-tag">{i18n.t('panel.estimate')}</span>}
      </dt>
      <dd>
        <span class="igp-value">{n.value}</span>
        {n.detail && <span class="igp-detail">{n.detail}</span>}
        <span class="igp-source">{i18n.t('panel.source', [n.source])}</span>
      </dd>
    </div>
  );
}

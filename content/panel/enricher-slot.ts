/**
 * Where panel.js meets the scripts that enrich it. The background injects pacs.js beside panel.js where a PACS
 * viewer profile matched (content/page/messages.ts `load-panel`); both run in the extension's isolated world of
 * the frame (page scripts cannot see this slot), in whichever order they arrive. pacs.js offers a factory,
 * panel.js offers the host (what an enricher needs from the panel); whichever comes second makes the enricher
 * and hands it to the panel. Tiny on purpose: both scripts carry it.
 */
import type { EnricherHost, PanelEnricher } from './enrichment';

export type EnricherFactory = (host: EnricherHost) => PanelEnricher;

const SLOT = Symbol.for('image-gently-companion.enrichers');

interface Slot {
  panel: { host: EnricherHost; add(enricher: PanelEnricher): void } | null;
  offers: EnricherFactory[];
}

type Global = typeof globalThis & { [SLOT]?: Slot };

function slot(): Slot {
  const g = globalThis as Global;
  return (g[SLOT] ??= { panel: null, offers: [] });
}

/** pacs.js: offer an enricher, made now when the panel is there, else when it comes (unless `lifetime` ends first). */
export function offerEnricher(factory: EnricherFactory, lifetime: AbortSignal): void {
  const s = slot();
  if (s.panel) {
    s.panel.add(factory(s.panel.host));
    return;
  }
  s.offers.push(factory);
  lifetime.addEventListener('abort', () => {
    const i = s.offers.indexOf(factory);
    if (i !== -1) s.offers.splice(i, 1);
  }, { once: true });
}

/** panel.js: take every enricher offered before and after this call, until `host.lifetime` ends. */
export function hostEnrichers(host: EnricherHost, add: (enricher: PanelEnricher) => void): void {
  const s = slot();
  const panel = { host, add };
  s.panel = panel;
  for (const factory of s.offers.splice(0)) add(factory(host));
  host.lifetime.addEventListener('abort', () => {
    if (s.panel === panel) s.panel = null;
  }, { once: true });
}

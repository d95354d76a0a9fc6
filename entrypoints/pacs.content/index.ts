/**
 * pacs.js — the PACS data route, injected by the background beside panel.js where content.js matched a PACS
 * viewer profile (a profile with `viewer`). Wiring only: it offers the panel its enricher
 * (content/pacs/enricher.ts), which reads the study from the site's own API (same-origin GETs), measures Dw
 * on a child's CT and computes SSDE. panel.js for order and EHR pages never carries DICOM decoding, Dw or the
 * PACS clients.
 */
import { createPacsEnricher } from '@/content/pacs/enricher';
import { offerEnricher } from '@/content/panel/enricher-slot';

const RUNNING = Symbol.for('image-gently-companion.pacs-running');
type Global = typeof globalThis & { [RUNNING]?: boolean };

export default defineContentScript({
  // Never registered: the background injects it with scripting.executeScript on `load-panel` for a viewer.
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  main(ctx) {
    const g = globalThis as Global;
    if (g[RUNNING]) return; // injected twice into one frame
    g[RUNNING] = true;
    ctx.onInvalidated(() => delete g[RUNNING]);
    offerEnricher((host) => createPacsEnricher({ ...host, lifetime: AbortSignal.any([ctx.signal, host.lifetime]) }), ctx.signal);
  },
});

/**
 * panel.js — the panel, injected by the background into a frame where content.js found a child
 * (or matched a PACS viewer profile, whose study may show one). Wiring only: the loop is
 * content/panel/panel-controller.ts.
 *
 * It takes the page over from content.js (which stops and hands over its reading), then shows,
 * updates and removes `<image-gently-panel>` as the page changes, answers `get-tab-facts` and the
 * `focus-panel` command, and runs the enrichers that other scripts offer (pacs.js on a PACS viewer:
 * content/panel/enricher-slot.ts). CSS and icons are inlined (no web-accessible resources).
 */
import { browser } from 'wxt/browser';
import { perfMark } from '@/content/page/perf-mark';
import { hostEnrichers } from '@/content/panel/enricher-slot';
import type { PanelEnricher } from '@/content/panel/enrichment';
import { analyzeOptionsFrom } from '@/content/page/page-loop';
import type { PanelController } from '@/content/panel/panel-controller';
import { takeOverPage } from '@/content/page/page-watch';
import { borrowPageReader } from '@/content/page/page-reader';
import type { PageSettings } from '@/settings/page';
import { inTasks } from '@/content/page/time-slice';
import { loadMessages, loadNumberSymbols, loadPageSettings, start, type SiteState } from './start';


const RUNNING = Symbol.for('image-gently-companion.panel-running');
type Global = typeof globalThis & { [RUNNING]?: boolean };

export default defineContentScript({
  // Never registered: the background injects it with scripting.executeScript on `load-panel`.
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  main(ctx) {
    const g = globalThis as Global;
    if (g[RUNNING]) return; // injected twice into one frame
    // The page reader comes with content.js, at whose request this script is injected (page-reader.ts).
    const reader = borrowPageReader();
    if (!reader) return;
    g[RUNNING] = true;
    ctx.onInvalidated(() => delete g[RUNNING]);
    perfMark('panel-main');

    const seed = takeOverPage();
    const locale = browser.i18n.getUILanguage();
    const site: SiteState = { dicomWebPath: null };
    // This task is the script's evaluation (compiling it and setting its modules up). What follows is split into
    // tasks of its own (bench/pacs-ssde.bench.ts: no task of the extension over 50 ms): first the settings and the
    // number symbols are asked for (and pacs.js, when it is here, starts reading the study), then the extension's
    // messages are loaded, then the panel starts.
    ctx.setTimeout(() => {
      loadNumberSymbols(locale);
      // The settings are asked for now, with the study: the enrichers' first decision waits for them. The
      // panel's first load is this one; later loads (a setting changed) read again.
      const earlySettings = loadPageSettings(location.origin, site);
      let firstSettings: Promise<PageSettings> | null = earlySettings;
      const settingsOnce = (origin: string) => {
        const first = firstSettings;
        firstSettings = null;
        return first ?? loadPageSettings(origin, site);
      };
      // Enrichers offered by pacs.js (before this or later): each may read the site's own API (same-origin GETs)
      // and add facts, a panel section and host attributes (content/panel/enrichment.ts).
      const early: PanelEnricher[] = [];
      let controller: PanelController | null = null;
      hostEnrichers(
        {
          locale,
          lifetime: ctx.signal,
          seed,
          decide: reader.decide,
          dicomWebRoot: () => site.dicomWebPath,
          analyzeOptions: async () => {
            const s = await earlySettings;
            return analyzeOptionsFrom(s, new Date());
          },
        },
        (enricher) => (controller ? controller.addEnricher(enricher) : void early.push(enricher)),
      );
      inTasks((fn) => ctx.setTimeout(fn, 0), [
        loadMessages,
        () => {
          controller = start(ctx, { seed, reader, locale, loadSettings: settingsOnce, enrichers: early });
        },
      ]);
    }, 0);
  },
});

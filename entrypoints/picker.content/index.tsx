/**
 * picker.js — "Teach this page": injected by the background on request (the popup's or the panel's button), only
 * into a frame of a site the user enabled (background/recipes.ts). Wiring only: the picker is
 * content/picker/picker-controller.ts, its card components/Picker.tsx.
 *
 * It asks the background for this site's settings (date order, cutoff, recipes), shows the picker, and sends the
 * recipe it made — selectors and labels, no values — to the background to be saved. Injected again while open,
 * it keeps the open one.
 */
import { browser } from 'wxt/browser';
import type { ContentMessage } from '@/content/page/messages';
import { parsePageSettingsReply } from '@/content/page/page-requests';
import { createPicker, type SaveResult } from '@/content/picker/picker-controller';
import { mountPickerUi } from '@/content/picker/picker-ui';

const OPEN = Symbol.for('image-gently-companion.picker-open');
type Global = typeof globalThis & { [OPEN]?: boolean };

const send = (message: ContentMessage) => browser.runtime.sendMessage(message);

function saveReply(reply: unknown): SaveResult {
  const r = reply as { ok?: unknown; reason?: unknown } | null;
  if (r && r.ok === true) return { ok: true };
  const reason = r?.reason;
  return reason === 'invalid' || reason === 'other-site' || reason === 'not-enabled' || reason === 'managed'
    ? { ok: false, reason }
    : { ok: false, reason: 'no-answer' };
}

export default defineContentScript({
  // Never registered: the background injects it with scripting.executeScript on request.
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  async main(ctx) {
    const g = globalThis as Global;
    if (g[OPEN]) return;
    g[OPEN] = true;
    const settings = parsePageSettingsReply(await send({ type: 'get-page-settings' }).catch(() => null));
    const ui = await mountPickerUi(ctx);
    const picker = createPicker({
      win: window,
      ui,
      settings: {
        pediatricCutoffYears: settings?.pediatricCutoffYears ?? 18,
        dateOrder: settings?.dateOrder ?? null,
        siteRecipes: settings?.siteRecipes ?? [],
      },
      save: async (recipe) => saveReply(await send({ type: 'save-recipe', recipe })),
      locale: browser.i18n.getUILanguage(),
      now: () => Date.now(),
      onClose: () => delete g[OPEN],
    });
    ctx.onInvalidated(() => picker.close());
  },
});

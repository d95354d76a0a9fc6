/**
 * Mounts the picker in `<image-gently-picker>`: a shadow root like the panel's (content/panel/panel-ui.tsx:
 * closed in the shipping build, open in the e2e builds — content/panel/page-exposure.ts), attached to `<html>`,
 * CSS inlined (`?inline`), keyboard events kept inside (`isolateEvents`). Inside: the layer that dims the page and
 * takes the pointer, the box around the selected field, and the card (components/Picker.tsx).
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Picker } from '@/components/Picker';
import pickerCss from '@/components/picker.css?inline';
import { BUILD_EXPOSURE, type PanelExposure } from '@/content/panel/page-exposure';
import type { PickerUi } from './picker-controller';

export const PICKER_TAG = 'image-gently-picker';

export async function mountPickerUi(ctx: ContentScriptContext, exposure: PanelExposure = BUILD_EXPOSURE): Promise<PickerUi> {
  let parts: { layer: HTMLDivElement; box: HTMLDivElement; app: HTMLDivElement } | null = null;
  const ui: ShadowRootContentScriptUi<HTMLDivElement> = await createShadowRootUi<HTMLDivElement>(ctx, {
    name: PICKER_TAG,
    position: 'inline',
    anchor: 'html',
    append: 'last',
    mode: exposure.shadowMode,
    isolateEvents: true,
    css: pickerCss,
    onMount(container) {
      const layer = document.createElement('div');
      layer.className = 'igk-layer';
      const box = document.createElement('div');
      box.className = 'igk-box';
      box.hidden = true;
      box.setAttribute('aria-hidden', 'true');
      const app = document.createElement('div');
      container.append(layer, box, app);
      parts = { layer, box, app };
      return app;
    },
    onRemove(app) {
      if (app) render(null, app);
    },
  });
  ui.mount();
  const mounted = parts as unknown as { layer: HTMLDivElement; box: HTMLDivElement; app: HTMLDivElement };
  return {
    render(props, highlight) {
      if (!ui.mounted) return;
      const { box } = mounted;
      box.hidden = !highlight;
      if (highlight) {
        box.style.top = `${highlight.top}px`;
        box.style.left = `${highlight.left}px`;
        box.style.width = `${highlight.width}px`;
        box.style.height = `${highlight.height}px`;
      }
      render(<Picker {...props} />, mounted.app);
    },
    layer: () => mounted.layer,
    isOwnNode: (node) => node === ui.shadowHost || ui.shadowHost.contains(node),
    remove: () => {
      if (ui.mounted) ui.remove();
    },
  };
}

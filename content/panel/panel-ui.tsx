/**
 * Mounts the Panel in `<image-gently-panel>`: a shadow root (WXT `createShadowRootUi`; closed, and the
 * host without attributes, except in the e2e builds: page-exposure.ts) attached to `<html>`, with the CSS inlined as a string (`?inline`, no web-accessible resource)
 * and keydown/keyup/keypress stopped at the shadow root so the page's hotkeys do not fire while
 * someone types or tabs inside the panel (`isolateEvents`). The host is created only when a
 * panel is first shown: pages without a child get no DOM from us at all.
 *
 * The host and the shadow tree's own `<html>`/`<body>` make no box (`display: contents`): the panel's one box is
 * `.igp-layer`, a fixed, full-viewport, click-through layer inside the shadow root, shown as a manual popover in
 * the browser's top layer. A fixed host added as one more child of `<html>` made the frame after it walk the whole
 * page again before painting (Chromium's pre-paint: 18–54 ms on a 5,000-row worklist, bench/content-load.bench.ts);
 * in the top layer that walk covers the layer alone (0.2 ms). Either way only the panel's own boxes are laid out.
 * The popover attribute is on the layer, inside the (closed) root, so the host still carries none. A manual
 * popover opens and closes only when we say so (no light dismiss, no focus move). Where the browser has no
 * popovers, the layer is a fixed box as before (panel.css).
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Panel } from '@/components/Panel';
import panelCss from '@/components/panel.css?inline';
import { BUILD_EXPOSURE, type PanelExposure } from './page-exposure';
import type { PanelUi } from './panel-controller';

export const PANEL_TAG = 'image-gently-panel';

export interface MountedPanelUi extends PanelUi {
  /** The host element while mounted (tests). */
  host(): HTMLElement | null;
  /** The panel's layer inside the shadow root, while mounted (clipboard fallback). */
  container(): HTMLElement | null;
}

export function createPanelUi(ctx: ContentScriptContext, exposure: PanelExposure = BUILD_EXPOSURE): MountedPanelUi {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let creating: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  let applied = new Set<string>();

  const create = () =>
    createShadowRootUi<HTMLElement>(ctx, {
      name: PANEL_TAG,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      mode: exposure.shadowMode,
      isolateEvents: true,
      css: panelCss,
      onMount(container) {
        const layer = document.createElement('div');
        layer.className = 'igp-layer';
        container.append(layer);
        return layer;
      },
      onRemove(app) {
        if (app) render(null, app);
      },
    });

  return {
    async render(props, attributes) {
      ui ??= await (creating ??= create());
      if (ctx.isInvalid) return;
      if (ui.mounted && !ui.shadowHost.isConnected) ui.remove(); // the page removed our host
      if (!ui.mounted) {
        ui.mount();
        showInTopLayer(ui.mounted!);
      }
      const host = ui.shadowHost;
      const next = new Set<string>();
      for (const [name, value] of Object.entries(attributes)) {
        if (value === null || !exposure.hostAttributes) continue;
        host.setAttribute(name, value);
        next.add(name);
      }
      for (const name of applied) if (!next.has(name)) host.removeAttribute(name);
      applied = next;
      render(<Panel {...props} />, ui.mounted!);
    },
    remove() {
      if (ui?.mounted) ui.remove();
      applied = new Set();
    },
    isOwnNode: (node) => !!ui && (node === ui.shadowHost || ui.shadowHost.contains(node)),
    host: () => (ui?.mounted ? ui.shadowHost : null),
    container: () => ui?.mounted ?? null,
  };
}

function showInTopLayer(layer: HTMLElement): void {
  if (typeof layer.showPopover !== 'function') return;
  layer.setAttribute('popover', 'manual');
  try {
    layer.showPopover();
  } catch {
    // Already open, or the page took the host out in between: the layer stays a fixed box (panel.css).
  }
}

/**
 * Mounts the Panel in `<image-gently-panel>`: a shadow root (WXT `createShadowRootUi`; closed, and the
 * host without attributes, except in the e2e builds: page-exposure.ts) attached to `<html>`, with the CSS inlined as a string (`?inline`, no web-accessible resource)
 * and keydown/keyup/keypress stopped at the shadow root so the page's hotkeys do not fire while
 * someone types or tabs inside the panel (`isolateEvents`). The host is created only when a
 * panel is first shown: pages without a child get no DOM from us at all.
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
  /** The element inside the shadow root that holds the panel, while mounted (clipboard fallback). */
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
        const app = document.createElement('div');
        container.append(app);
        return app;
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
      if (!ui.mounted) ui.mount();
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
    container: () => (ui?.mounted ? ui.uiContainer : null),
  };
}

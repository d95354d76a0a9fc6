/**
 * What the panel shows of itself to the page's own scripts. Session-replay and analytics scripts on an
 * EHR record element attributes and walk open shadow roots, so in the shipping build the panel's shadow
 * root is closed and its host element carries no attribute at all (age, SSDE, campaign: all patient-derived
 * or revealing that a child is on screen). The e2e builds keep the root open and the `data-*` attributes on
 * the host: their tests read the panel through them (tests/e2e/harness/panel.ts).
 *
 * Chosen at build time (`import.meta.env.MODE`), so the shipping build carries only its own branch.
 */
import { isE2eMode } from '@/utils/build-mode';

export interface PanelExposure {
  shadowMode: 'open' | 'closed';
  /** Whether the host element gets the `data-*` attributes the panel is decided from. */
  hostAttributes: boolean;
}

export const CLOSED: PanelExposure = { shadowMode: 'closed', hostAttributes: false };
export const OPEN_FOR_TESTS: PanelExposure = { shadowMode: 'open', hostAttributes: true };

/** The exposure of a build mode: open only in the e2e builds. */
export function panelExposure(mode: string): PanelExposure {
  return isE2eMode(mode) ? OPEN_FOR_TESTS : CLOSED;
}

/** This build's. */
export const BUILD_EXPOSURE: PanelExposure = panelExposure(import.meta.env.MODE);

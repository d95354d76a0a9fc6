/**
 * Build modes (`wxt build --mode …`). The e2e builds (`e2e`, `e2e-runtime`) differ from the shipping build in
 * what the tests need to reach: loopback hosts and http feeds, an open panel root with `data-*` attributes,
 * the tab facts' test hooks. Every such difference asks this one function.
 */
export function isE2eMode(mode: string): boolean {
  return mode === 'e2e' || mode === 'e2e-runtime';
}

/**
 * Which frames run the panel. The content script is injected into every frame (allFrames: some
 * EHRs, OpenEMR among them, open each tab in a same-origin iframe). Rule:
 * - the top frame always runs;
 * - a frame whose top frame is same-origin does not: the top frame's content script runs there too
 *   and can read this frame's document, so one panel (in the top frame) speaks for the tab;
 * - a frame under a cross-origin top (a PACS viewer embedded in a portal) runs on its own and
 *   shows its own panel, since nothing above it can read it.
 */
export type FrameRole = 'top' | 'sub' | 'skip';

export function frameRole(win: Window): FrameRole {
  if (win === win.top) return 'top';
  try {
    // Reading another origin's location throws (SecurityError); same-origin gives a string.
    void win.top?.location.href;
    return 'skip';
  } catch {
    return 'sub';
  }
}

/**
 * The `get-tab-facts` answer of a frame (content.js and panel.js give the same), or null for none: a
 * cross-origin subframe answers only when it found a child, so it never hides the top frame's answer.
 */
export function tabFactsAnswer<F extends { pediatric: boolean }>(role: FrameRole, facts: F): F | null {
  return role === 'top' || facts.pediatric ? facts : null;
}

/**
 * Reading the panel the content script mounts, through the contract shared with the panel helper:
 * a `<image-gently-panel>` host element with an OPEN shadow root and the data attributes
 * `data-pediatric`, `data-age-days`, `data-campaign`. Works with Playwright and puppeteer pages
 * (only `evaluate` is used).
 */
export const PANEL_TAG = 'image-gently-panel';

export interface PanelState {
  /** How many `<image-gently-panel>` elements the document holds. */
  count: number;
  shadowMode: 'open' | 'closed' | null;
  /** Elements rendered inside the shadow root. */
  shadowElements: number;
  /** `<style>` elements plus adopted style sheets inside the shadow root. */
  styleSheets: number;
  /** The first element in the shadow root that paints a background (the visible pill or card): its size in px, */
  box: { width: number; height: number } | null;
  /** its computed background colour and font size (evidence that the inlined CSS applied), */
  background: string | null;
  fontSize: string | null;
  /** and its tag.class. */
  styledElement: string | null;
  /** Computed `position` of the host element. */
  hostPosition: string | null;
  /** Any `<link>` in the shadow root (stylesheets must be inlined, not linked). */
  links: string[];
  dataset: { pediatric: string | null; ageDays: string | null; campaign: string | null };
  text: string;
}

interface Evaluator {
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
}

export async function panelState(page: unknown): Promise<PanelState> {
  return (page as Evaluator).evaluate((tag: string) => {
    const hosts = document.querySelectorAll(tag);
    const host = hosts[0] as HTMLElement | undefined;
    const root = host?.shadowRoot ?? null;
    let box: { width: number; height: number } | null = null;
    let background: string | null = null;
    let fontSize: string | null = null;
    let styledElement: string | null = null;
    if (root) {
      // The first rendered element that paints a background: the visible panel (pill or card),
      // not the full-viewport transparent layer around it.
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.tagName === 'STYLE' || el.tagName === 'LINK' || el.tagName === 'HTML' || el.tagName === 'BODY' || el.tagName === 'HEAD') continue;
        const r = el.getBoundingClientRect();
        const cs = getComputedStyle(el);
        const bg = cs.backgroundColor;
        if (r.width > 0 && r.height > 0 && bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) {
          box = { width: Math.round(r.width), height: Math.round(r.height) };
          background = bg;
          fontSize = cs.fontSize;
          styledElement = `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : ''}`;
          break;
        }
      }
    }
    return {
      count: hosts.length,
      shadowMode: host ? (root ? (root.mode as 'open' | 'closed') : 'closed') : null,
      shadowElements: root ? root.querySelectorAll('*').length : 0,
      styleSheets: root ? root.querySelectorAll('style').length + (root.adoptedStyleSheets?.length ?? 0) : 0,
      box,
      background,
      fontSize,
      styledElement,
      hostPosition: host ? getComputedStyle(host).position : null,
      links: root ? Array.from(root.querySelectorAll('link')).map((l) => l.getAttribute('href') ?? '') : [],
      dataset: {
        pediatric: host?.getAttribute('data-pediatric') ?? null,
        ageDays: host?.getAttribute('data-age-days') ?? null,
        campaign: host?.getAttribute('data-campaign') ?? null,
      },
      text: (root?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 2000),
    };
  }, PANEL_TAG);
}

/**
 * Polls until the panel is mounted (host present, shadow root rendered) and `until` holds,
 * or throws with the last state seen.
 */
export async function waitForPanel(
  page: unknown,
  opts: { timeoutMs?: number; until?: (s: PanelState) => boolean } = {},
): Promise<PanelState> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  let last: PanelState | null = null;
  for (;;) {
    try {
      last = await panelState(page);
      if (last.count > 0 && last.shadowElements > 0 && (opts.until?.(last) ?? true)) return last;
    } catch {
      // navigation in progress: evaluate can fail; try again
    }
    if (Date.now() > deadline) {
      throw new Error(`panel <${PANEL_TAG}> not ready within ${opts.timeoutMs ?? 15_000} ms; last state: ${JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

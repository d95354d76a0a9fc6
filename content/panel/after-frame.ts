/**
 * Resolves once the browser has rendered its next frame: in a task queued from an animation frame callback, which
 * runs after that frame's style, layout and paint. Geometry read then (`elementFromPoint`, `getBoundingClientRect`)
 * finds the page's layout up to date and forces none; read in the middle of the page's own work — a route that has
 * just re-rendered — it would lay the page out synchronously, once more than the browser was going to.
 *
 * A hidden document renders no frames, and an off-screen frame renders few: after `capMs` the promise resolves
 * anyway, so a panel is never held back for long.
 */
export function afterNextFrame(win: Window, capMs = 500): Promise<void> {
  return new Promise<void>((resolve) => {
    let cap = 0;
    const done = () => {
      win.clearTimeout(cap);
      resolve();
    };
    cap = win.setTimeout(done, capMs);
    win.requestAnimationFrame(() => win.setTimeout(done, 0));
  });
}

/** A key press as the user makes it (trusted, like userClick in user-events.ts) or as a page script makes it. */
export function userKey(target: Element, key: string, trusted = true): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  target.dispatchEvent(event);
  return event;
}

/** A pointer event on `target` at a point (trusted unless said otherwise). */
export function userPointer(target: Element, type: 'mousemove' | 'click', x: number, y: number, trusted = true): MouseEvent {
  const event = new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y });
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  target.dispatchEvent(event);
  return event;
}

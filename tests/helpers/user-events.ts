/**
 * A click as the user makes it. happy-dom has no `isTrusted` (browsers set it, unforgeably, true for the user's
 * input and false for events a script makes), so the test marks the event as the browser would.
 */
export function userClick(target: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

/** A click as a page script makes it (`element.click()` or a dispatched event): untrusted in every browser. */
export function scriptedClick(target: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: false });
  target.dispatchEvent(event);
}

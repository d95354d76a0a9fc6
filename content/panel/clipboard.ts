/**
 * Copy text from a click inside the panel. `navigator.clipboard` exists only in secure contexts;
 * many intranet PACS are plain http, so fall back to a hidden textarea inside our own shadow
 * root and `execCommand('copy')`, which works there with the click's user activation. Focus
 * returns to where it was.
 */
export async function copyText(text: string, container: Element | null): Promise<boolean> {
  try {
    if (globalThis.isSecureContext && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea
  }
  if (!container) return false;
  const doc = container.ownerDocument;
  const previous = (container.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;pointer-events:none;';
  container.append(area);
  try {
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    previous?.focus({ preventScroll: true });
  }
}

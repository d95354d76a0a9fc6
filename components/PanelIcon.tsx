/**
 * The panel's mark, drawn for this project (not the Alliance's logo) and inlined as SVG so the
 * page loads nothing from the extension.
 */
export function PanelIcon() {
  return (
    <svg class="igp-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="9" fill="currentColor" opacity="0.18" />
      <circle cx="10" cy="7" r="2.6" fill="currentColor" />
      <path d="M5.2 15.5c.6-2.7 2.5-4.2 4.8-4.2s4.2 1.5 4.8 4.2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
    </svg>
  );
}

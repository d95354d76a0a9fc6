/** What the per-site sections (date order, DICOMweb path) share: which sites they list, and the table of them. */
import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import type { OptionsView } from '@/settings/options-view';

/** The host of a match pattern or origin, for display: `https://pacs.example.org/*` → `https://pacs.example.org`. */
export function siteLabel(patternOrOrigin: string): string {
  return patternOrOrigin.replace(/\/\*$/, '');
}

/**
 * Origins with per-site settings (date order, DICOMweb path): each enabled site (default port) and
 * every origin that already has such a setting (the panel records origins with their port).
 */
export function perSiteOrigins(view: Pick<OptionsView, 'sites' | 'user'>): string[] {
  const fromSites = view.sites.map(siteLabel);
  const configured = [...Object.keys(view.user.dateOrderBySite), ...Object.keys(view.user.dicomWebPathBySite)];
  return [...new Set([...fromSites, ...configured])].sort();
}

/** A section with one row per site origin: the origin as the label of the row's control. */
export function PerSiteTable(props: {
  id: string;
  heading: string;
  intro: string;
  column: string;
  origins: readonly string[];
  control: (origin: string, id: string) => ComponentChildren;
}) {
  return (
    <section aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.heading}</h2>
      <p>{props.intro}</p>
      <table class="igo-table">
        <thead>
          <tr>
            <th scope="col">{i18n.t('options.dateOrder.site')}</th>
            <th scope="col">{props.column}</th>
          </tr>
        </thead>
        <tbody>
          {props.origins.map((origin, i) => (
            <tr key={origin}>
              <td>
                <label for={`${props.id}-${i}`}>{origin}</label>
              </td>
              <td>{props.control(origin, `${props.id}-${i}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

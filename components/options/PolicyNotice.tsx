import { i18n } from '#i18n';
import type { OptionsView } from '@/settings/options-view';

/**
 * What the organisation manages, the policy values it sent that were ignored, and whom to call; while the policy
 * is not known yet, that it is being checked.
 */
export function PolicyNotice({ view }: { view: OptionsView }) {
  const contact = view.effective.supportContact;
  if (!view.managed.length && !view.policyIssues.length && !contact && view.policyKnown) return null;
  return (
    <section class="igo-policy" aria-labelledby="igo-policy-h">
      <h2 id="igo-policy-h" class="igo-visually-hidden">
        {i18n.t('policy.managed')}
      </h2>
      {view.policyKnown ? null : <p class="igo-policy-checking">{i18n.t('policy.checking')}</p>}
      {view.managed.length ? <p>{i18n.t('policy.managedNotice')}</p> : null}
      {view.policyIssues.length ? (
        <div class="igo-warning">
          <p>{i18n.t('policy.ignoredHeading')}</p>
          <ul>
            {view.policyIssues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {contact ? (
        <div class="igo-support">
          <h3>{i18n.t('policy.supportHeading')}</h3>
          <p>{contact.name}</p>
          {contact.email ? <p>{i18n.t('policy.supportEmail', [contact.email])}</p> : null}
          {contact.phone ? <p>{i18n.t('policy.supportPhone', [contact.phone])}</p> : null}
          {contact.url && /^https?:\/\//i.test(contact.url) ? (
            <p>
              <a href={contact.url} target="_blank" rel="noopener noreferrer">
                {i18n.t('policy.supportWeb')}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

import { i18n } from '#i18n';
import type { PolicyKey } from '@/settings';

/** "Set by your organisation", next to a control the policy manages. */
export function ManagedBadge({ managed, keys }: { managed: readonly PolicyKey[]; keys: readonly PolicyKey[] }) {
  if (!keys.some((k) => managed.includes(k))) return null;
  return <span class="igo-managed">{i18n.t('policy.managed')}</span>;
}

export const isManaged = (managed: readonly PolicyKey[], ...keys: PolicyKey[]): boolean =>
  keys.some((k) => managed.includes(k));

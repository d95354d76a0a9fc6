/**
 * Host permissions the manifests declare (read by wxt.config.ts, the background and the tests).
 * Required hosts are the statements source only; PACS/EHR origins are optional, granted per site.
 */
import { isE2eMode } from '../utils/build-mode';

/** The statements source: the only required host permissions in the shipping manifest. */
export const STATEMENT_HOSTS = ['https://www.imagegently.org/*', 'https://imagegently.org/*'] as const;

/** Where optional per-site grants may fall (any http/https host; the user grants one at a time). */
export const OPTIONAL_SITE_HOSTS = ['http://*/*', 'https://*/*'] as const;

/** Loopback: host permissions of the e2e builds only, never of the shipping manifest. */
export const LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

/**
 * Whether a statement feed the user adds may be plain http on a loopback host: only in the e2e builds, whose
 * fixture servers answer http on 127.0.0.1 (like their loopback host permissions). The shipping build takes
 * https feeds only.
 */
export function loopbackHttpFeedsAllowed(mode: string): boolean {
  return isE2eMode(mode);
}

/** Whether a URL's host is a loopback host the e2e builds may reach (`127.0.0.1` or `localhost`). */
export function isLoopbackHost(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost';
}

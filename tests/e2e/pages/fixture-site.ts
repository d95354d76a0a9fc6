/**
 * Serves a saved fixture page (tests/fixtures/pages/<profile>/<file>.html) on loopback at the path
 * it was captured at (its `<!-- fixture-url: … -->`), with the other pages of the same system on
 * their own paths (OpenEMR's order frame is loaded by its main page). Returns the URL to open,
 * with the fixture's query and hash.
 */
import { allFixtures, type FixturePage } from '../../helpers/pages';
import { serveStatic, type StaticServer } from '../harness';

export interface FixtureSite {
  page: FixturePage;
  url: string;
  server: StaticServer;
  close(): Promise<void>;
}

export const FIXTURES: readonly FixturePage[] = allFixtures().filter((f) => /^https?:/.test(f.url));

export async function serveFixture(page: FixturePage): Promise<FixtureSite> {
  const target = new URL(page.url);
  const routes: Record<string, string> = { [target.pathname]: page.html };
  for (const other of FIXTURES) {
    if (other.profile !== page.profile) continue;
    const path = new URL(other.url).pathname;
    routes[path] ??= other.html;
  }
  const server = await serveStatic({ routes });
  return {
    page,
    url: `${server.origin}${target.pathname}${target.search}${target.hash}`,
    server,
    close: () => server.close(),
  };
}

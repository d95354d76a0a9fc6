/** The e2e builds: where they are, and making sure they exist and are fresh (see scripts/lib/builds.mjs). */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOOPBACK_HOSTS } from '../../../settings/hosts';
import { buildDir, ensureBuilds, type BuildName } from '../../../scripts/lib/builds.mjs';

export type { BuildName };
export { buildDir };

/** Absolute path of a fresh build (builds it first when missing or older than the sources). */
export function ensureBuild(name: BuildName): string {
  const built = ensureBuilds([name]);
  for (const b of built) console.info(`[harness] built ${b.name} (${b.reason}) in ${b.ms} ms`);
  return buildDir(name);
}

/**
 * The shipping build (`chrome-mv3`) as it runs on a site the user turned on, for loopback pages: a copy whose
 * manifest also requires the loopback hosts (standing in for the user's per-site grant; the background then
 * registers content.js for them, as for any granted site). Every script is byte for byte the shipping one, so
 * what the page sees of the extension is what a PACS page sees. `remove()` deletes the copy.
 */
export function productionOnLoopback(): { path: string; remove(): void } {
  const source = ensureBuild('chrome-mv3');
  const path = mkdtempSync(join(tmpdir(), 'igc-production-'));
  cpSync(source, path, { recursive: true });
  const manifestPath = join(path, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...LOOPBACK_HOSTS];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The e2e builds: where they are, and making sure they exist and are fresh (see scripts/lib/builds.mjs). */
import { buildDir, ensureBuilds, type BuildName } from '../../../scripts/lib/builds.mjs';

export type { BuildName };
export { buildDir };

/** Absolute path of a fresh build (builds it first when missing or older than the sources). */
export function ensureBuild(name: BuildName): string {
  const built = ensureBuilds([name]);
  for (const b of built) console.info(`[harness] built ${b.name} (${b.reason}) in ${b.ms} ms`);
  return buildDir(name);
}

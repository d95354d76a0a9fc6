// The builds the tests and the demo use, and one way to make sure they exist and are fresh.
// Used by scripts/test.mjs (builds everything once per `npm test`), scripts/demo.mjs, the
// manifest unit test and the e2e harness (which rebuild only what is missing or older than the
// sources, so a standalone `npx vitest run tests/e2e/x.e2e.test.ts` never tests a stale build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const OUTPUT = join(ROOT, '.output');

/** name (= folder under .output) → `wxt` arguments. */
export const BUILDS = {
  'chrome-mv3': ['build'],
  'firefox-mv3': ['build', '-b', 'firefox'],
  'chrome-mv3-e2e': ['build', '--mode', 'e2e'],
  'firefox-mv3-e2e': ['build', '-b', 'firefox', '--mode', 'e2e'],
  'chrome-mv3-e2e-runtime': ['build', '--mode', 'e2e-runtime'],
};

/** Everything a build is made from. A build older than any of these is stale. */
const SOURCES = ['entrypoints', 'background', 'content', 'components', 'clinical', 'news', 'settings', 'locales', 'public', 'assets', 'utils', 'wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

export function buildDir(name) {
  if (!(name in BUILDS)) throw new Error(`unknown build "${name}" (known: ${Object.keys(BUILDS).join(', ')})`);
  return join(OUTPUT, name);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why the build must be (re)made, or null when it is present and newer than every source. */
export function staleReason(name) {
  const manifest = join(buildDir(name), 'manifest.json');
  if (!existsSync(manifest)) return 'missing';
  const built = statSync(manifest).mtimeMs;
  for (const src of SOURCES) {
    if (newestMtime(join(ROOT, src)) > built) return `older than ${src}`;
  }
  return null;
}

// A lock so two processes (say a unit run and an e2e run) never build into the same tree at once.
const LOCK = join(OUTPUT, '.build-lock');
function withLock(fn) {
  mkdirSync(OUTPUT, { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than 5 minutes is left over from a killed process.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {}
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK}`);
      spawnSync('sleep', ['0.5']);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Runs one `wxt` build synchronously; returns the wall time in ms. Throws with the log on failure. */
export function runBuild(name, { quiet = true, env = {} } = {}) {
  const args = BUILDS[name];
  if (!args) throw new Error(`unknown build "${name}"`);
  const wxt = join(ROOT, 'node_modules', '.bin', 'wxt');
  const t0 = Date.now();
  const r = spawnSync(wxt, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: quiet ? 'pipe' : 'inherit',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new Error(`wxt ${args.join(' ')} failed (exit ${r.status})\n${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  }
  return { ms: Date.now() - t0, log: r.stdout ?? '' };
}

/**
 * Makes sure each named build exists and is fresh; builds (under a lock) only those that are not.
 * `force: true` rebuilds all of them. Returns what was built and why.
 */
export function ensureBuilds(names, { force = false, quiet = true } = {}) {
  const built = [];
  const todo = names.filter((n) => force || staleReason(n) !== null);
  if (todo.length === 0) return built;
  withLock(() => {
    for (const name of todo) {
      const reason = force ? 'forced' : staleReason(name); // re-check: another process may have built it meanwhile
      if (reason === null) continue;
      const { ms } = runBuild(name, { quiet });
      built.push({ name, reason, ms });
    }
  });
  return built;
}

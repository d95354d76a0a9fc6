/**
 * What the e2e suites need on the machine, where it is, and what to do when it is missing.
 *
 * - Missing and `SKIP_E2E` unset: the suite FAILS with the exact `apt-get install` line to run.
 * - Missing and `SKIP_E2E=1`: the suite is skipped, a warning is printed, and the reason is appended
 *   to the skip log (`E2E_SKIP_LOG`, default `test-results/e2e-skips.jsonl`) that `scripts/test.mjs`
 *   prints as `SKIPPED: n (reasons)`. What is present still runs.
 */
import { accessSync, appendFileSync, constants, existsSync, mkdirSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { beforeAll, describe } from 'vitest';

export type Need = 'chromium' | 'firefox' | 'orthanc';

const CANDIDATES: Record<Need, { paths: string[]; names: string[]; apt: string[] }> = {
  chromium: { paths: ['/usr/bin/chromium'], names: ['chromium', 'chromium-browser'], apt: ['chromium'] },
  firefox: { paths: ['/usr/bin/firefox-esr'], names: ['firefox-esr', 'firefox'], apt: ['firefox-esr'] },
  // Debian installs the server as /usr/sbin/Orthanc.
  orthanc: { paths: ['/usr/sbin/Orthanc', '/usr/bin/Orthanc'], names: ['Orthanc'], apt: ['orthanc', 'orthanc-dicomweb'] },
};

export const DICOMWEB_PLUGIN_CANDIDATES = [
  '/usr/share/orthanc/plugins/libOrthancDicomWeb.so',
  '/usr/lib/orthanc/libOrthancDicomWeb.so',
];

function isExecutable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function which(names: string[]): string | null {
  const dirs = (process.env.PATH ?? '').split(delimiter).concat(['/usr/sbin', '/usr/bin', '/sbin', '/bin']);
  for (const name of names) for (const d of dirs) if (d && isExecutable(join(d, name))) return join(d, name);
  return null;
}

export interface Prerequisites {
  chromium: string | null;
  firefox: string | null;
  orthanc: string | null;
  dicomWebPlugin: string | null;
  /** Needs that are not met (orthanc counts as missing when its DICOMweb plugin is). */
  missing: Need[];
  /** `sudo apt-get install -y …` for exactly what is missing ('' when nothing is). */
  aptLine: string;
}

/** Finds Chromium, Firefox ESR, Orthanc and the DICOMweb plugin. Env overrides: CHROMIUM_PATH, FIREFOX_PATH, ORTHANC_PATH. */
export function prerequisites(): Prerequisites {
  const find = (need: Need, env: string | undefined) =>
    (env && isExecutable(env) ? env : null) ??
    CANDIDATES[need].paths.find(isExecutable) ??
    which(CANDIDATES[need].names);
  const chromium = find('chromium', process.env.CHROMIUM_PATH);
  const firefox = find('firefox', process.env.FIREFOX_PATH);
  const orthanc = find('orthanc', process.env.ORTHANC_PATH);
  const dicomWebPlugin = DICOMWEB_PLUGIN_CANDIDATES.find((p) => existsSync(p)) ?? null;
  const missing: Need[] = [];
  if (!chromium) missing.push('chromium');
  if (!firefox) missing.push('firefox');
  if (!orthanc || !dicomWebPlugin) missing.push('orthanc');
  return { chromium, firefox, orthanc, dicomWebPlugin, missing, aptLine: aptLine(missing) };
}

export function aptLine(missing: Need[]): string {
  if (missing.length === 0) return '';
  const pkgs = missing.flatMap((n) => CANDIDATES[n].apt);
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y ${pkgs.join(' ')}`;
}

export const skipRequested = (): boolean => process.env.SKIP_E2E === '1';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const skipLogPath = (): string => process.env.E2E_SKIP_LOG ?? join(ROOT, 'test-results', 'e2e-skips.jsonl');

/** Appends one skip reason to the skip log and prints it loudly. */
export function recordSkip(suite: string, reason: string): void {
  const line = JSON.stringify({ suite, reason, at: new Date().toISOString() });
  const file = skipLogPath();
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, line + '\n');
  console.warn(`\n*** SKIPPED e2e suite "${suite}": ${reason} ***\n`);
}

/**
 * Returns null when every need is met; otherwise either records a skip (SKIP_E2E=1) and returns the
 * reason, or returns an Error carrying the apt-get line.
 */
export function checkNeeds(suite: string, needs: Need[]): { skip: string } | { error: Error } | null {
  const pre = prerequisites();
  const missing = needs.filter((n) => pre.missing.includes(n));
  if (missing.length === 0) return null;
  const line = aptLine(missing);
  if (skipRequested()) {
    const reason = `missing ${missing.join(', ')} (install: ${line})`;
    recordSkip(suite, reason);
    return { skip: reason };
  }
  return {
    error: new Error(
      `e2e suite "${suite}" needs ${missing.join(', ')}, which is not installed.\n` +
        `Install it with:\n  ${line}\n` +
        `or run with SKIP_E2E=1 to skip (reported as skipped).`,
    ),
  };
}

/**
 * `describe` for an e2e suite that needs real browsers or Orthanc. Missing needs fail every test in
 * the suite with the apt-get line, or, with SKIP_E2E=1, skip the suite loudly (see module comment).
 */
export function describeE2E(name: string, needs: Need[], fn: () => void): void {
  const result = checkNeeds(name, needs);
  if (result === null) {
    describe(name, fn);
  } else if ('skip' in result) {
    describe.skip(`${name} [skipped: ${result.skip}]`, fn);
  } else {
    describe(name, () => {
      beforeAll(() => {
        throw result.error;
      });
      fn();
    });
  }
}

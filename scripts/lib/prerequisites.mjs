// What the e2e suites need on the machine (Chromium, Firefox ESR, Orthanc + DICOMweb plugin),
// where it is, and the apt-get line that installs what is missing. Shared by scripts/test.mjs,
// scripts/demo.mjs and the e2e harness (tests/e2e/harness/prerequisites.ts).
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const CANDIDATES = {
  chromium: { env: 'CHROMIUM_PATH', paths: ['/usr/bin/chromium'], names: ['chromium', 'chromium-browser'], apt: ['chromium', 'chromium-l10n'] },
  firefox: { env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr'], names: ['firefox-esr', 'firefox'], apt: ['firefox-esr'] },
  // Debian installs the server as /usr/sbin/Orthanc.
  orthanc: { env: 'ORTHANC_PATH', paths: ['/usr/sbin/Orthanc', '/usr/bin/Orthanc'], names: ['Orthanc'], apt: ['orthanc', 'orthanc-dicomweb'] },
};

export const NEEDS = /** @type {const} */ (['chromium', 'firefox', 'orthanc']);

export const DICOMWEB_PLUGIN_CANDIDATES = [
  '/usr/share/orthanc/plugins/libOrthancDicomWeb.so',
  '/usr/lib/orthanc/libOrthancDicomWeb.so',
];

function isExecutable(p) {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function which(names) {
  const dirs = (process.env.PATH ?? '').split(delimiter).concat(['/usr/sbin', '/usr/bin', '/sbin', '/bin']);
  for (const name of names) for (const d of dirs) if (d && isExecutable(join(d, name))) return join(d, name);
  return null;
}

function find(need) {
  const c = CANDIDATES[need];
  const fromEnv = process.env[c.env];
  if (fromEnv && isExecutable(fromEnv)) return fromEnv;
  return c.paths.find(isExecutable) ?? which(c.names);
}

/** `sudo apt-get update && … apt-get install -y <packages>` for exactly what is missing ('' when nothing). */
export function aptLine(missing) {
  if (missing.length === 0) return '';
  const pkgs = missing.flatMap((n) => CANDIDATES[n].apt);
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y ${pkgs.join(' ')}`;
}

// E2E_PRETEND_MISSING=firefox,orthanc makes those count as missing: a way to exercise the
// fail/skip paths (and `SKIPPED: n (reasons)`) on a machine that has everything.
const pretendMissing = () => new Set((process.env.E2E_PRETEND_MISSING ?? '').split(',').map((s) => s.trim()).filter(Boolean));

/** Paths of what is present (or null), what is missing, and the apt line for it. */
export function prerequisites() {
  const pretend = pretendMissing();
  const chromium = pretend.has('chromium') ? null : find('chromium');
  const firefox = pretend.has('firefox') ? null : find('firefox');
  const orthanc = pretend.has('orthanc') ? null : find('orthanc');
  const dicomWebPlugin = DICOMWEB_PLUGIN_CANDIDATES.find((p) => existsSync(p)) ?? null;
  const missing = [];
  if (!chromium) missing.push('chromium');
  if (!firefox) missing.push('firefox');
  if (!orthanc || !dicomWebPlugin) missing.push('orthanc');
  return { chromium, firefox, orthanc, dicomWebPlugin, missing, aptLine: aptLine(missing) };
}

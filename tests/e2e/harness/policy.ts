/**
 * Chromium enterprise policy for e2e: a JSON file in /etc/chromium/policies/managed/ (root only), keyed by
 * extension id. That directory is machine-wide and Chromium watches it, so a policy written for the shared e2e
 * id (tests/e2e/e2e-manifest-key.txt) would reach every e2e browser on the machine while it exists: other
 * suites run at the same time by other checkouts, and every later run if the writer is killed before its
 * `finally`. A policy test therefore runs a copy of the e2e build with an id of its own (`ownIdBuild`), and
 * writes its policy for that id only (`writeChromiumPolicy`).
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureBuild, type BuildName } from './builds';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Whether this process may write Chromium's policy directory (root). */
export function canWriteChromiumPolicy(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Chromium's id for a manifest key: the first 128 bits of SHA-256(public key DER), as a–p. */
export function extensionIdFromKey(keyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** The id of the e2e builds (their committed manifest key). */
export const E2E_EXTENSION_ID = extensionIdFromKey(readFileSync(join(import.meta.dirname, '..', 'e2e-manifest-key.txt'), 'utf8').trim());

/**
 * A copy of a Chromium e2e build whose manifest carries a fresh key (the public half of a key pair made here and
 * thrown away), so its extension id is this copy's alone. Every script is the build's. `remove()` deletes it.
 */
export function ownIdBuild(build: BuildName = 'chrome-mv3-e2e'): { path: string; extensionId: string; remove(): void } {
  const source = ensureBuild(build);
  const path = mkdtempSync(join(tmpdir(), 'igc-own-id-'));
  cpSync(source, path, { recursive: true });
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const manifestPath = join(path, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.key = key;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { path, extensionId: extensionIdFromKey(key), remove: () => rmSync(path, { recursive: true, force: true }) };
}

const FILE_RE = /^igc-e2e-[a-z]+-(\d+)-\d+\.json$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes `policy` for one extension id as `igc-e2e-<tag>-<pid>-<time>.json`, and first removes the files of this
 * name whose writing process is gone (left by a run killed before its clean-up). `remove()` deletes the file and
 * the directories it had to create (when empty).
 */
export function writeChromiumPolicy(extensionId: string, policy: Record<string, unknown>, tag: string): { file: string; remove(): void } {
  const created: string[] = [];
  for (let d = CHROMIUM_POLICY_DIR; !existsSync(d); d = dirname(d)) created.unshift(d);
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  for (const name of readdirSync(CHROMIUM_POLICY_DIR)) {
    const pid = FILE_RE.exec(name)?.[1];
    if (pid && !alive(Number(pid))) rmSync(join(CHROMIUM_POLICY_DIR, name), { force: true });
  }
  const file = join(CHROMIUM_POLICY_DIR, `igc-e2e-${tag}-${process.pid}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }), { mode: 0o644 });
  return {
    file,
    remove() {
      rmSync(file, { force: true });
      for (const d of created.reverse()) if (existsSync(d) && readdirSync(d).length === 0) rmdirSync(d);
    },
  };
}

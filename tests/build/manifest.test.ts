/**
 * The built manifests (what stores and browsers actually read), not the config: least privilege,
 * browser-specific keys only where they belong, no web-accessible resources, version from package.json.
 * Builds come from `npm test` (scripts/test.mjs builds first); run standalone, this file builds what is
 * missing or older than the sources before reading (never passes on a missing build).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildDir, ensureBuilds, type BuildName } from '../../scripts/lib/builds.mjs';

type Manifest = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// The e2e builds' manifests are checked in tests/e2e/package.e2e.test.ts (the e2e project builds them anyway).
const ALL: BuildName[] = ['chrome-mv3', 'firefox-mv3'];
const manifests = {} as Record<BuildName, Manifest>;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

// Written out here on purpose (not imported from settings/hosts.ts): the test states the policy.
const STATEMENTS = ['https://imagegently.org/*', 'https://www.imagegently.org/*'];
const LOOPBACK = /\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(?=[/:])/;
const BROAD = (p: string) => p === '<all_urls>' || /^[^:]+:\/\/\*(\/|\.)/.test(p) || p.includes('*://*');

beforeAll(() => {
  ensureBuilds(ALL);
  for (const b of ALL) manifests[b] = JSON.parse(readFileSync(join(buildDir(b), 'manifest.json'), 'utf8'));
}, 300_000);

const allHostPatterns = (m: Manifest): string[] => [
  ...(m.host_permissions ?? []),
  ...(m.content_scripts ?? []).flatMap((c: Manifest) => c.matches ?? []),
];

describe.each(['chrome-mv3', 'firefox-mv3'] as const)('production manifest %s', (b) => {
  it('is MV3 with the version from package.json', () => {
    expect(manifests[b].manifest_version).toBe(3);
    expect(manifests[b].version).toBe(pkg.version);
  });

  it('requires only the two imagegently.org hosts: no loopback, nothing broad', () => {
    const m = manifests[b];
    expect([...m.host_permissions].sort()).toEqual(STATEMENTS);
    for (const p of allHostPatterns(m)) {
      expect(LOOPBACK.test(p), p).toBe(false);
      expect(BROAD(p), p).toBe(false);
    }
  });

  it('requires storage, alarms, activeTab and scripting — nothing else', () => {
    expect([...manifests[b].permissions].sort()).toEqual(['activeTab', 'alarms', 'scripting', 'storage']);
  });

  it('asks for PACS/EHR sites only as optional hosts, and registers no content script statically', () => {
    expect([...manifests[b].optional_host_permissions].sort()).toEqual(['http://*/*', 'https://*/*']);
    expect(manifests[b].content_scripts ?? []).toEqual([]);
  });

  it('has no web-accessible resources', () => {
    expect(manifests[b]).not.toHaveProperty('web_accessible_resources');
  });

  it('names itself from the locales (en default, es present)', () => {
    expect(manifests[b].name).toBe('__MSG_extName__');
    expect(manifests[b].default_locale).toBe('en');
    const en = JSON.parse(readFileSync(join(buildDir(b), '_locales/en/messages.json'), 'utf8'));
    expect(en.extName.message).toBe('Image Gently Companion');
    expect(existsSync(join(buildDir(b), '_locales/es/messages.json'))).toBe(true);
  });

  it('ships icons 16/32/48/128 as PNGs of those sizes', () => {
    const icons = manifests[b].icons as Record<string, string>;
    expect(Object.keys(icons).sort((x, y) => Number(x) - Number(y))).toEqual(['16', '32', '48', '128']);
    for (const [size, file] of Object.entries(icons)) {
      const png = readFileSync(join(buildDir(b), file));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
  });
});

describe('browser-specific keys', () => {
  it('Firefox: gecko id, strict_min_version 140.0, data_collection_permissions none; scripts background', () => {
    const m = manifests['firefox-mv3'];
    expect(m.browser_specific_settings.gecko.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(m.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.background.scripts).toEqual(['background.js']);
    expect(m).not.toHaveProperty('storage');
    expect(m).not.toHaveProperty('minimum_chrome_version');
  });

  it('Chrome: managed_schema (enterprise policy) and a service worker; no Firefox keys', () => {
    const m = manifests['chrome-mv3'];
    expect(m.storage).toEqual({ managed_schema: 'managed_schema.json' });
    const schema = JSON.parse(readFileSync(join(buildDir('chrome-mv3'), 'managed_schema.json'), 'utf8'));
    expect(schema.type).toBe('object');
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m).not.toHaveProperty('browser_specific_settings');
    expect(JSON.stringify(m)).not.toContain('data_collection_permissions');
  });
});

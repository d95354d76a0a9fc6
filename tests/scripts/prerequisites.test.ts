/** scripts/lib/prerequisites.mjs: what is missing, and the apt-get line that installs exactly that. */
import { afterEach, describe, expect, it } from 'vitest';
import { aptLine, prerequisites } from '../../scripts/lib/prerequisites.mjs';

afterEach(() => {
  delete process.env.E2E_PRETEND_MISSING;
});

describe('prerequisites', () => {
  it('names the Debian packages for each missing need, noninteractive', () => {
    const line = aptLine(['firefox', 'orthanc']);
    expect(line).toMatch(/apt-get update && .*DEBIAN_FRONTEND=noninteractive apt-get install -y firefox-esr orthanc orthanc-dicomweb$/);
    expect(aptLine(['chromium'])).toMatch(/install -y chromium chromium-l10n$/);
    expect(aptLine([])).toBe('');
  });

  it('uses sudo only when not root', () => {
    const root = process.getuid?.() === 0;
    expect(aptLine(['chromium']).startsWith('sudo ')).toBe(!root);
  });

  it('reports what is missing (E2E_PRETEND_MISSING exercises the path) with the matching apt line', () => {
    process.env.E2E_PRETEND_MISSING = 'orthanc,firefox';
    const p = prerequisites();
    expect(p.orthanc).toBeNull();
    expect(p.firefox).toBeNull();
    expect(p.missing).toEqual(expect.arrayContaining(['firefox', 'orthanc']));
    expect(p.aptLine).toContain('firefox-esr orthanc orthanc-dicomweb');
  });
});

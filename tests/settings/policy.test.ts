import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parsePolicy, POLICY_KEYS, readPolicy } from '../../settings/policy';
import { sampleReferenceTable } from '../helpers/reference-tables';

const table = sampleReferenceTable({ id: 'org-ct' });

describe('parsePolicy', () => {
  it('accepts a full, valid policy', () => {
    const r = parsePolicy({
      approvedSites: ['https://PACS.example.org/', 'http://10.0.0.5:8042'],
      pediatricCutoffYears: 21,
      statementsEnabled: false,
      statementUrls: ['https://intranet.example.org/imagegently.json'],
      referenceLevelTable: table,
      disabledCampaigns: ['dental'],
      supportContact: { name: 'Radiology IT', phone: '555-0100' },
    });
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual({
      approvedSites: ['https://pacs.example.org', 'http://10.0.0.5:8042'],
      pediatricCutoffYears: 21,
      statementsEnabled: false,
      statementUrls: ['https://intranet.example.org/imagegently.json'],
      referenceLevelTable: table,
      disabledCampaigns: ['dental'],
      supportContact: { name: 'Radiology IT', phone: '555-0100' },
    });
  });

  it('no policy at all is an empty policy without issues', () => {
    expect(parsePolicy(undefined)).toEqual({ value: {}, issues: [] });
    expect(parsePolicy({})).toEqual({ value: {}, issues: [] });
  });

  it('ignores each invalid value on its own and keeps the valid ones', () => {
    const r = parsePolicy({
      pediatricCutoffYears: 99,
      statementsEnabled: 'false',
      supportContact: { name: 'IT', url: 'javascript:alert(1)' },
      referenceLevelTable: { ...table, bins: [] },
      disabledCampaigns: ['dental', 'mammo'],
      approvedSites: ['https://ok.example.org', 'https://bad.example.org/path', 12],
    });
    expect(r.value).toEqual({ disabledCampaigns: ['dental'], approvedSites: ['https://ok.example.org'] });
    expect(r.issues).toHaveLength(7);
    for (const issue of r.issues) expect(issue).toMatch(/^policy value ignored: /);
    expect(r.issues.some((i) => i.startsWith('policy value ignored: pediatricCutoffYears'))).toBe(true);
    expect(r.issues.some((i) => i.startsWith('policy value ignored: referenceLevelTable'))).toBe(true);
  });

  it('a table may leave out the nulls Chrome cannot express (SSDE-only phantom, open-ended bin)', () => {
    const ssdeOnly = { id: 'ssde', name: 'SSDE', exam: 'Abdomen CT', metric: 'water-equivalent-diameter-cm', source: 'Audit', year: 2024, bins: [{ from: 10, ssdeMGy: { p75: 12 } }] };
    const r = parsePolicy({ referenceLevelTable: ssdeOnly });
    expect(r.issues).toEqual([]);
    expect(r.value.referenceLevelTable).toEqual({ ...ssdeOnly, phantomCm: null, bins: [{ from: 10, to: null, ssdeMGy: { p75: 12 } }] });
  });

  it('statementsEnabled: a registry DWORD (1/0, as Firefox passes it on) counts as true/false', () => {
    expect(parsePolicy({ statementsEnabled: 1 }).value).toEqual({ statementsEnabled: true });
    expect(parsePolicy({ statementsEnabled: 0 }).value).toEqual({ statementsEnabled: false });
    expect(parsePolicy({ statementsEnabled: 2 }).issues).toHaveLength(1);
  });

  it('reports unknown keys (an admin typo) without failing', () => {
    const r = parsePolicy({ pediatricCutoffyears: 16, pediatricCutoffYears: 16 });
    expect(r.value).toEqual({ pediatricCutoffYears: 16 });
    expect(r.issues).toEqual(['policy key not recognised: pediatricCutoffyears']);
  });

  it.each([[[]], ['policy'], [42]])('a policy that is not an object (%j) is ignored', (raw) => {
    const r = parsePolicy(raw);
    expect(r.value).toEqual({});
    expect(r.issues).toHaveLength(1);
  });
});

describe('managed_schema.json', () => {
  const schema = JSON.parse(readFileSync(resolve(__dirname, '../../public/managed_schema.json'), 'utf8'));
  it('declares exactly the policy keys the extension reads', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
  });
  it('uses only schema keywords Chrome supports', () => {
    const allowed = new Set(['type', 'title', 'description', 'properties', 'items', 'enum', 'minimum', 'maximum']);
    const walk = (node: Record<string, unknown>, path: string) => {
      for (const [k, v] of Object.entries(node)) {
        expect(allowed.has(k), `${path}.${k}`).toBe(true);
        if (k === 'properties') for (const [pk, pv] of Object.entries(v as object)) walk(pv as Record<string, unknown>, `${path}.${pk}`);
        if (k === 'items') walk(v as Record<string, unknown>, `${path}[]`);
      }
    };
    walk(schema, '$');
  });
});

describe('readPolicy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads and validates storage.managed', async () => {
    await fakeBrowser.storage.managed.set({ pediatricCutoffYears: 16, statementsEnabled: 'no' });
    const r = await readPolicy();
    expect(r.value).toEqual({ pediatricCutoffYears: 16 });
    expect(r.issues).toEqual(['policy value ignored: statementsEnabled: expected true or false']);
  });

  it('Firefox without a policy: storage.managed.get rejects → empty policy', async () => {
    const managed = fakeBrowser.storage.managed;
    const original = managed.get;
    managed.get = () => Promise.reject(new Error('Managed storage manifest not found'));
    try {
      expect(await readPolicy()).toEqual({ value: {}, issues: [] });
    } finally {
      managed.get = original;
    }
  });
});

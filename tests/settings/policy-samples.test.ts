/**
 * The sample policies in docs/policy-samples must be what the extension accepts: every JSON and
 * .reg sample is read the way the browser reads it (for .reg: Chrome's and Firefox's registry
 * rules for lists, objects, DWORDs and JSON strings) and must parse with no issue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy, POLICY_KEYS } from '../../settings/policy';

const DIR = resolve(__dirname, '../../docs/policy-samples');
const FIREFOX_ID = 'image-gently-companion@imagegently-companion.org';
const schema = JSON.parse(readFileSync(resolve(__dirname, '../../public/managed_schema.json'), 'utf8')) as {
  properties: Record<string, { type: string }>;
};

type RegValue = string | number;
interface RegKey {
  values: Map<string, RegValue>;
  keys: Map<string, RegKey>;
}

/** A .reg file as a tree of keys (enough of the format for our samples: strings and DWORDs). */
function parseReg(text: string): RegKey {
  const root: RegKey = { values: new Map(), keys: new Map() };
  let current: RegKey | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('Windows Registry Editor')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      let node: RegKey = root;
      for (const part of section[1]!.split('\\')) {
        const k: RegKey = node.keys.get(part.toLowerCase()) ?? { values: new Map(), keys: new Map() };
        node.keys.set(part.toLowerCase(), k);
        node = k;
      }
      current = node;
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/i.exec(line);
    if (!value || !current) throw new Error(`unreadable .reg line: ${line}`);
    const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
    current.values.set(unescape(value[1]!), value[2] !== undefined ? unescape(value[2]) : parseInt(value[3]!, 16));
  }
  return root;
}

function at(root: RegKey, path: string): RegKey {
  let k: RegKey | undefined = root;
  for (const part of path.split('\\')) k = k?.keys.get(part.toLowerCase());
  if (!k) throw new Error(`no key ${path}`);
  return k;
}

const numbered = (k: RegKey) => [...k.values.keys()].every((n) => /^\d+$/.test(n)) && k.values.size > 0;

/** Chrome (components/policy registry_dict): converted by the managed_schema's types. */
function chromeRegistryToPolicy(k: RegKey): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, v] of k.values) {
    const type = schema.properties[name]?.type;
    if (type === 'boolean') out[name] = v === 1;
    else if ((type === 'object' || type === 'array') && typeof v === 'string') out[name] = JSON.parse(v);
    else out[name] = v;
  }
  for (const [name, sub] of k.keys) {
    const type = schema.properties[Object.keys(schema.properties).find((p) => p.toLowerCase() === name)!]?.type;
    const prop = Object.keys(schema.properties).find((p) => p.toLowerCase() === name)!;
    out[prop] = type === 'array' ? [...sub.values.values()] : Object.fromEntries(sub.values);
  }
  return out;
}

/** Firefox (WindowsGPOParser): values named 1, 2, … are a list; DWORDs stay numbers; no schema. */
function firefoxRegistryToPolicy(k: RegKey): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(k.values);
  for (const [name, sub] of k.keys) {
    const prop = POLICY_KEYS.find((p) => p.toLowerCase() === name) ?? name;
    out[prop] = numbered(sub) ? [...sub.values.values()] : Object.fromEntries(sub.values);
  }
  // Firefox passes strings through; the table's JSON string is parsed by nobody but us.
  if (typeof out.referenceLevelTable === 'string') out.referenceLevelTable = JSON.parse(out.referenceLevelTable);
  return out;
}

function extensionPolicies(file: string): Record<string, unknown>[] {
  const text = readFileSync(join(DIR, file), file.endsWith('.reg') ? 'utf8' : 'utf8');
  if (file === 'extension-policy.json') return [JSON.parse(text)];
  if (file.endsWith('.json')) {
    const data = JSON.parse(text);
    const chrome = data['3rdparty']?.extensions;
    const firefox = data.policies?.['3rdparty']?.Extensions;
    return Object.values((chrome ?? firefox) as Record<string, Record<string, unknown>>);
  }
  const reg = parseReg(text);
  if (file.includes('firefox')) {
    return [firefoxRegistryToPolicy(at(reg, `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Mozilla\\Firefox\\3rdparty\\Extensions\\${FIREFOX_ID}`))];
  }
  const vendor = file.includes('edge') ? 'Microsoft\\Edge' : 'Google\\Chrome';
  const ids = at(reg, `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${vendor}\\3rdparty\\extensions`);
  return [...ids.keys.values()].map((id) => chromeRegistryToPolicy(id.keys.get('policy')!));
}

const samples = readdirSync(DIR).filter((f) => f.endsWith('.json') || f.endsWith('.reg'));

describe('docs/policy-samples', () => {
  it('has JSON and .reg samples for Chrome, Edge and Firefox', () => {
    expect(samples).toEqual(
      expect.arrayContaining(['chrome-linux-policy.json', 'edge-linux-policy.json', 'firefox-policies.json', 'windows-chrome.reg', 'windows-edge.reg', 'windows-firefox.reg']),
    );
  });

  it.each(samples)('%s: the extension policy parses with no issue', (file) => {
    const policies = extensionPolicies(file);
    expect(policies.length).toBeGreaterThan(0);
    for (const raw of policies) {
      const r = parsePolicy(raw);
      expect(r.issues).toEqual([]);
      expect(Object.keys(r.value).length).toBeGreaterThan(0);
    }
  });

  it('the Windows samples carry every policy key, with lists and the table intact', () => {
    for (const file of ['windows-chrome.reg', 'windows-edge.reg', 'windows-firefox.reg']) {
      const r = parsePolicy(extensionPolicies(file)[0]);
      expect(Object.keys(r.value).sort(), file).toEqual([...POLICY_KEYS].sort());
      expect(r.value.approvedSites, file).toEqual(['https://pacs.example.org', 'https://ris.example.org:8443']);
      expect(r.value.statementsEnabled, file).toBe(true);
      expect(r.value.referenceLevelTable?.bins, file).toHaveLength(3);
    }
  });
});

/**
 * Inputs found by the hostile suite and bench beyond the review's list: JSON nested without end (V8's JSON.parse
 * spends ~0.7 s on 1 MiB of "["), site maps and policy lists of 50,000 entries, a reference table of 12,000 bins.
 * Each is refused or cut before the costly step; asserted on what comes out (issues, values), not on time.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { importReferenceLevelsCsv, importReferenceLevelsJson } from '../../clinical/reference-level-import';
import { createPacsClient, PacsRequestError, StudyCache, type FetchLike } from '../../content/pacs/pacs-client';
import { parseStatements } from '../../news/parse';
import { parsePolicy } from '../../settings/policy';
import { LIMITS, repairSettings } from '../../settings/schema';
import { EXPORT_FORMAT, parseSettingsImport } from '../../settings/transfer';
import { MAX_JSON_DEPTH, jsonNestsDeeperThan } from '../../utils/json-depth';

const deep = (n: number, inner = '1') => '['.repeat(n) + inner + ']'.repeat(n);

describe('JSON nested without end is refused before JSON.parse', () => {
  it('jsonNestsDeeperThan counts arrays and objects, not brackets inside strings', () => {
    expect(jsonNestsDeeperThan(deep(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(jsonNestsDeeperThan(deep(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonNestsDeeperThan(`{"a":"${'['.repeat(500)}\\"${'{'.repeat(500)}"}`, 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":{"b":[{}]}}', 3)).toBe(true);
    expect(jsonNestsDeeperThan('{"a":{"b":[{}]}}', 4)).toBe(false);
  });

  it('a PACS answer of 1 MiB of "[" is "malformed"', async () => {
    const fetch: FetchLike = async () => new Response(deep(512 * 1024), { status: 200 });
    const client = createPacsClient({ pageUrl: 'http://127.0.0.1:8042/app', fetch, cache: new StudyCache() });
    const kind = await client.json('/x', z.unknown()).then(() => 'answered', (e: unknown) => (e as PacsRequestError).kind);
    expect(kind).toBe('malformed');
  });

  it('a JSON Feed, a settings file and a reference table nested without end are refused as not what they claim', () => {
    const feed = `{"version":"https://jsonfeed.org/version/1.1","items":[{"title":"T","date_published":"2020-03-01","x":${deep(200_000)}}]}`;
    expect(parseStatements(feed, 'application/feed+json', 'https://x.example.org/')).toEqual([]);
    expect(parseSettingsImport(`{"format":"${EXPORT_FORMAT}","version":1,"settings":${deep(200_000, '{}')}}`)).toEqual({ ok: false, error: 'the file is not JSON' });
    expect(importReferenceLevelsJson(deep(200_000, '{}'))).toMatchObject({ ok: false, errors: [{ code: 'bad-json' }] });
  });
});

describe('long site maps, policy lists and tables are cut at their limit, with one note', () => {
  const sites = Array.from({ length: 50_000 }, (_, i) => `https://h${i}.example.org`);

  it('a site map of 50,000 origins keeps the first LIMITS.sites, and says once how many were dropped', () => {
    const r = repairSettings({ dateOrderBySite: Object.fromEntries(sites.map((s) => [s, 'MDY'])) });
    expect(Object.keys(r.value.dateOrderBySite)).toHaveLength(LIMITS.sites);
    expect(r.issues).toEqual([`dateOrderBySite: more than ${LIMITS.sites} sites; ${50_000 - LIMITS.sites} dropped`]);
  });

  it('a policy list of 50,000 sites keeps the first LIMITS.sites, and says once how many were dropped', () => {
    const r = parsePolicy({ approvedSites: sites });
    expect(r.value.approvedSites).toHaveLength(LIMITS.sites);
    expect(r.issues).toEqual([`policy value ignored: approvedSites: more than ${LIMITS.sites} entries; ${50_000 - LIMITS.sites} dropped`]);
  });

  it('a CSV table of 12,000 bins is refused for its size with one problem', () => {
    const header = 'table,exam,metric,metric_unit,from,to,label,phantom_cm,quantity,unit,median,p75,source,year';
    const csv = [header, ...Array.from({ length: 12_000 }, (_, i) => `T,E,age,y,${i},,,16,CTDIvol,mGy,1,2,S,2025`)].join('\n');
    expect(importReferenceLevelsCsv(csv)).toMatchObject({ ok: false, errors: [{ code: 'invalid-table', detail: 'bins' }] });
  });
});

/** The corpus scorer and loader (tests/helpers/corpus.ts) on hand-made analyses, truths and manifests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analysisOf, recordOf } from './analysis-factory';
import {
  checkKnownMisses, CORPUS_DIR, CorpusError, type CorpusTruth, KNOWN_MISSES_PATH, type KnownMiss, loadCorpus, loadKnownMisses,
  parseCorpusArgs, report, runPage, scorePage, tally,
} from './corpus';

/** A 6-year-old's head CT scheduled on 2026-12-09 (born 2020-08-15: 2307 days). */
const truth: CorpusTruth = {
  pediatric: true,
  ageDays: 2307,
  ageToleranceDays: 0,
  referenceDate: '2026-12-09',
  referenceBasis: 'scheduled',
  modality: 'CT',
  campaigns: ['ct'],
  region: 'head',
};
const right = analysisOf({ pediatric: true, ageDays: 2307, ageBasis: 'order', modality: 'CT', modalities: ['CT'], campaign: 'ct', campaigns: ['ct'], region: 'head' });

describe('scorePage', () => {
  it('a matching analysis is right on every field', () => {
    const s = scorePage(truth, right);
    expect(s).toEqual({ right: true, fields: { pediatric: true, age: true, modality: true, campaigns: true, region: true }, misses: [] });
  });

  it.each([
    ['pediatric', { pediatric: false }, 'true', 'false'],
    ['age', { ageDays: 2306 }, '2307 d', '2306 d'],
    ['age', { ageDays: null, ageBasis: null }, '2307 d', 'no age'],
    ['modality', { modality: 'DX' as const }, 'CT', 'DX'],
    ['campaigns', { campaigns: ['ct', 'radiography'] as const }, '[ct]', '[ct, radiography]'],
    ['campaigns', { campaigns: [] }, '[ct]', '[]'],
  ] as const)('a wrong %s makes the page wrong and is explained', (field, override, expected, got) => {
    const s = scorePage(truth, { ...right, ...override } as typeof right);
    expect(s.right).toBe(false);
    expect(s.fields[field]).toBe(false);
    expect(s.misses).toHaveLength(1);
    expect(s.misses[0]!.field).toBe(field);
    expect(s.misses[0]!.expected).toContain(expected);
    expect(s.misses[0]!.got).toContain(got);
  });

  it('a wrong region is a miss but the page stays right', () => {
    const s = scorePage(truth, { ...right, region: 'chest' });
    expect(s.right).toBe(true);
    expect(s.misses).toEqual([{ field: 'region', expected: 'head', got: 'chest' }]);
  });

  it('age: within the tolerance matches, one day beyond does not; both null matches; a made-up age does not', () => {
    const printed: CorpusTruth = { ...truth, ageDays: 2192, ageToleranceDays: 366 };
    expect(scorePage(printed, { ...right, ageDays: 2192 + 366 }).fields.age).toBe(true);
    expect(scorePage(printed, { ...right, ageDays: 2192 - 367 }).fields.age).toBe(false);
    const none: CorpusTruth = { ...truth, ageDays: null };
    expect(scorePage(none, { ...right, ageDays: null }).fields.age).toBe(true);
    expect(scorePage(none, { ...right, ageDays: 40 }).fields.age).toBe(false);
  });

  it('campaigns are compared as sets', () => {
    const t: CorpusTruth = { ...truth, modality: 'XA', campaigns: ['interventional', 'fluoroscopy'] };
    expect(scorePage(t, { ...right, modality: 'XA', campaigns: ['fluoroscopy', 'interventional'] }).fields.campaigns).toBe(true);
  });

  it('region and pediatricRecords are scored only when the truth gives them', () => {
    const { region: _r, ...noRegion } = truth;
    expect(scorePage(noRegion, { ...right, region: 'chest' }).fields).not.toHaveProperty('region');
    const list: CorpusTruth = { ...noRegion, pediatric: false, ageDays: null, modality: null, campaigns: [], pediatricRecords: 1 };
    const rows = [recordOf({ pediatric: true, campaigns: ['ct'] }), recordOf({ pediatric: true, campaigns: [] }), recordOf({ pediatric: false, campaigns: ['ct'] })];
    const listAnalysis = analysisOf({ records: rows });
    expect(scorePage(list, listAnalysis)).toEqual({ right: true, fields: { pediatric: true, age: true, modality: true, campaigns: true, pediatricRecords: true }, misses: [] });
    const twoRows = analysisOf({ records: [...rows, recordOf({ pediatric: true, campaigns: ['radiography'] })] });
    expect(scorePage(list, twoRows).misses).toEqual([{ field: 'pediatricRecords', expected: '1', got: '2 of 4 rows' }]);
  });
});

describe('loadCorpus', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const page = (url: string) => `<!-- fixture-url: ${url} -->\n<html><body><div class="banner">Doe, Test · 6 y.o. M</div><h1>CT HEAD WO CONTRAST</h1></body></html>`;
  const manifest = (pages: unknown[]) => JSON.stringify({ system: 'Test EHR', kind: 'order', sources: ['hand-made'], pages });
  const entry = { file: 'a.html', url: 'https://ehr.example.org/a', now: '2026-12-07T15:00:00Z', dateOrder: null, lang: 'en', note: 'n', truth };
  function folder(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    mkdirSync(join(dir, 'sys'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'sys', name), text);
    return dir;
  }

  it('the checked-in corpus is valid: every manifest, page and fixture-url', () => {
    expect(() => loadCorpus()).not.toThrow();
  });

  it('an absent or empty corpus is no pages, and its report still prints', () => {
    expect(loadCorpus(join(tmpdir(), 'no-such-corpus-dir'))).toEqual([]);
    expect(report([]).join('\n')).toMatch(/ALL\s+0/);
  });

  it('loads a valid folder, and runPage analyses and scores its page', () => {
    const pages = loadCorpus(folder({ 'manifest.json': manifest([entry]), 'a.html': page(entry.url) }));
    expect(pages.map((p) => [p.folder, p.file, p.system])).toEqual([['sys', 'a.html', 'Test EHR']]);
    const result = runPage(pages[0]!);
    expect(result.score.fields).toHaveProperty('pediatric');
    expect(tally([result]).get('*')!.pages).toBe(1);
  });

  it.each([
    ['a bad field', [{ ...entry, truth: { ...truth, modality: 'CTA' } }], /manifest\.json: invalid manifest[\s\S]*modality/],
    ['an ionizing campaign on US', [{ ...entry, truth: { ...truth, modality: 'US', campaigns: ['ct'] } }], /MR and US/],
    ['a missing page', [{ ...entry, file: 'b.html' }], /b\.html is listed but the file does not exist/],
    ['a URL that differs from the page', [{ ...entry, url: 'https://ehr.example.org/other' }], /fixture-url .* ≠ manifest url/],
  ])('names the manifest and the fault: %s', (_name, pages, message) => {
    const d = folder({ 'manifest.json': manifest(pages), 'a.html': page(entry.url) });
    expect(() => loadCorpus(d)).toThrow(CorpusError);
    expect(() => loadCorpus(d)).toThrow(message);
  });

  it('a page not in the manifest, or a folder without one, is an error naming it', () => {
    const d = folder({ 'manifest.json': manifest([entry]), 'a.html': page(entry.url), 'stray.html': page('https://x.example/') });
    expect(() => loadCorpus(d)).toThrow(/stray\.html is in the folder but not in the manifest/);
    rmSync(d, { recursive: true });
    expect(() => loadCorpus(folder({ 'a.html': page(entry.url) }))).toThrow(/sys\/manifest\.json: missing/);
  });
});

describe('parseCorpusArgs (npm run corpus -- …)', () => {
  it('defaults to the checked-in corpus, all folders, not strict', () => {
    expect(parseCorpusArgs([])).toEqual({ dir: CORPUS_DIR, filter: null, strict: false });
  });

  it('--dir <path> and --dir=<path> name another root, resolved against the working directory; the path is not the filter', () => {
    expect(parseCorpusArgs(['--dir', '/data/blind'], '/repo')).toEqual({ dir: '/data/blind', filter: null, strict: false });
    expect(parseCorpusArgs(['--dir=blind', 'ris', '--strict'], '/repo')).toEqual({ dir: '/repo/blind', filter: 'ris', strict: true });
    expect(parseCorpusArgs(['epic', '--dir', '../held'], '/repo/x')).toEqual({ dir: '/repo/held', filter: 'epic', strict: false });
  });

  it.each([
    [['--dir'], /--dir needs a path/],
    [['--dir', '--strict'], /--dir needs a path/],
    [['--dir='], /--dir needs a path/],
    [['--verbose'], /unknown option --verbose/],
    [['epic', 'ris'], /one folder filter only/],
  ])('%j is an error that says what is wrong', (args, message) => {
    expect(() => parseCorpusArgs(args)).toThrow(CorpusError);
    expect(() => parseCorpusArgs(args)).toThrow(message);
  });

  it('a corpus under another root loads with loadCorpus(root)', () => {
    const root = mkdtempSync(join(tmpdir(), 'corpus-root-'));
    try {
      mkdirSync(join(root, 'held-back'));
      const url = 'https://ris.example.org/wl/1';
      writeFileSync(join(root, 'held-back', 'p.html'), `<!-- fixture-url: ${url} -->\n<html><body><h1>XR CHEST 2 VIEWS</h1></body></html>`);
      writeFileSync(join(root, 'held-back', 'manifest.json'), JSON.stringify({ system: 'Held-back RIS', kind: 'ris', sources: ['hand-made'], pages: [{ file: 'p.html', url, now: '2026-12-07T15:00:00Z', dateOrder: null, lang: 'en', note: 'n', truth: { ...truth, pediatric: false, ageDays: null, modality: 'DX', campaigns: ['radiography'], region: 'chest' } }] }));
      const { dir } = parseCorpusArgs(['--dir', root]);
      expect(loadCorpus(dir).map((p) => `${p.folder}/${p.file}`)).toEqual(['held-back/p.html']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('known misses', () => {
  const wrongModality = scorePage(truth, { ...right, modality: 'DX' } as typeof right);
  const entry = (field: KnownMiss['field']): KnownMiss => ({ file: 'sys/page.html', field, reason: 'why' });

  it('a miss with no entry is unexpected; a listed miss that still misses is kept', () => {
    expect(checkKnownMisses(wrongModality, []).unexpected.map((m) => m.field)).toEqual(['modality']);
    const c = checkKnownMisses(wrongModality, [entry('modality')]);
    expect(c).toEqual({ unexpected: [], nowPassing: [], stillMissing: [entry('modality')] });
  });

  it('a listed field that now matches is reported, so the list can only shrink', () => {
    expect(checkKnownMisses(scorePage(truth, right), [entry('age')]).nowPassing).toEqual([entry('age')]);
    expect(checkKnownMisses(wrongModality, [entry('modality'), entry('region')]).nowPassing).toEqual([entry('region')]);
  });

  describe('loadKnownMisses', () => {
    let dir = '';
    afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));
    const write = (json: unknown) => {
      dir = mkdtempSync(join(tmpdir(), 'known-'));
      const p = join(dir, 'known-misses.json');
      writeFileSync(p, typeof json === 'string' ? json : JSON.stringify(json));
      return p;
    };

    it('reads a valid list and rejects a bad field, a bad file name or a field listed twice', () => {
      expect(loadKnownMisses(write({ about: '', misses: [entry('age')] }))).toEqual([entry('age')]);
      expect(() => loadKnownMisses(write({ about: '', misses: [{ ...entry('age'), field: 'weight' }] }))).toThrow(CorpusError);
      expect(() => loadKnownMisses(write({ about: '', misses: [{ ...entry('age'), file: 'page.html' }] }))).toThrow(CorpusError);
      expect(() => loadKnownMisses(write({ about: '', misses: [entry('age'), entry('age')] }))).toThrow(/twice/);
      expect(() => loadKnownMisses(write('{'))).toThrow(/not valid JSON/);
    });

    it('the list in the repository is valid', () => {
      expect(() => loadKnownMisses(KNOWN_MISSES_PATH)).not.toThrow();
    });
  });
});

/**
 * One test per corpus page (tests/fixtures/pages/corpus/<folder>/manifest.json): the page is analysed in
 * happy-dom and scored against its manifest's truth by the corpus scorer (tests/helpers/corpus.ts), on every field
 * the truth gives.
 *
 * The fields the reader does not get right yet are listed in ONE place, tests/fixtures/pages/corpus/known-misses.json
 * (shape documented at KNOWN_MISSES_PATH). A page whose only misses are listed there is skipped loudly with their
 * reasons (recorded in the skip log that `npm test` prints as `SKIPPED: n (reasons)`). A listed field that now
 * matches fails the test, so the list can only shrink; a miss that is not listed fails it too.
 */
import { describe, expect, it } from 'vitest';
import { recordSkip } from '../helpers/skip-log';
import { checkKnownMisses, loadCorpus, loadKnownMisses, pageKey, runPage } from '../helpers/corpus';

const pages = loadCorpus();
const known = loadKnownMisses();
const SUITE = 'corpus (happy-dom)';

describe('corpus: every page read as its manifest says', () => {
  it('the corpus is there (≥ 80 pages) and every known miss names a corpus page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(80);
    const keys = new Set(pages.map(pageKey));
    expect(known.map((k) => k.file).filter((f) => !keys.has(f))).toEqual([]);
  });

  it.for(pages.map((p) => [pageKey(p), p] as const))('%s', ([key, page], ctx) => {
    const { score, analysis } = runPage(page);
    const check = checkKnownMisses(score, known.filter((k) => k.file === key));
    const explain = [
      ...check.unexpected.map((m) => `${m.field}: expected ${m.expected}, got ${m.got}`),
      ...check.nowPassing.map((k) => `${k.field} is listed in known-misses.json but now matches: remove the entry`),
    ];
    expect(explain, `${key} (exam: ${analysis.examDescription ?? '—'})`).toEqual([]);
    if (check.stillMissing.length > 0) {
      recordSkip(SUITE, `${key}: known miss — ${check.stillMissing.map((k) => `${k.field}: ${k.reason}`).join('; ')}`);
      ctx.skip();
    }
  });
});

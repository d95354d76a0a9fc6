/**
 * `npm run corpus [-- <folder-substring>] [--strict]`: analyses every page of tests/fixtures/pages/corpus/ in
 * happy-dom and prints per-field accuracy per system and overall, then every miss with what was expected, what
 * was read and the analysis' evidence. Exits 1 when a manifest is invalid, and with --strict also on any miss.
 */
import { CorpusError, loadCorpus, report, runPage } from '../tests/helpers/corpus';

// `npm run corpus | head` closes the pipe early: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const filter = args.find((a) => !a.startsWith('--'));

try {
  const pages = loadCorpus().filter((p) => !filter || p.folder.includes(filter));
  const results = pages.map(runPage);
  const folders = new Set(pages.map((p) => p.folder)).size;
  console.log(`Corpus: ${pages.length} page${pages.length === 1 ? '' : 's'} in ${folders} system folder${folders === 1 ? '' : 's'}${filter ? ` (filter: ${filter})` : ''}\n`);
  for (const line of report(results)) console.log(line);
  if (strict && results.some((r) => r.score.misses.length > 0)) process.exit(1);
} catch (e) {
  if (e instanceof CorpusError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}

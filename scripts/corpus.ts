/**
 * `npm run corpus [-- [--dir <path>] [<folder-substring>] [--strict]]`: analyses every page of a corpus root
 * (tests/fixtures/pages/corpus/ unless --dir names another, e.g. a held-back set kept outside the repo) in
 * happy-dom and prints per-field accuracy per system and overall, then every miss with what was expected, what
 * was read and the analysis' evidence. Exits 1 when a manifest is invalid or an argument is wrong (a --dir that
 * does not exist included), and with --strict also on any miss.
 */
import { existsSync } from 'node:fs';
import { CORPUS_DIR, CorpusError, loadCorpus, parseCorpusArgs, report, runPage } from '../tests/helpers/corpus';

// `npm run corpus | head` closes the pipe early: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));

try {
  const { dir, filter, strict } = parseCorpusArgs(process.argv.slice(2));
  if (dir !== CORPUS_DIR && !existsSync(dir)) throw new CorpusError(`--dir ${dir}: no such directory`);
  const pages = loadCorpus(dir).filter((p) => !filter || p.folder.includes(filter));
  const results = pages.map(runPage);
  const folders = new Set(pages.map((p) => p.folder)).size;
  console.log(`Corpus${dir === CORPUS_DIR ? '' : ` ${dir}`}: ${pages.length} page${pages.length === 1 ? '' : 's'} in ${folders} system folder${folders === 1 ? '' : 's'}${filter ? ` (filter: ${filter})` : ''}\n`);
  for (const line of report(results)) console.log(line);
  if (strict && results.some((r) => r.score.misses.length > 0)) process.exit(1);
} catch (e) {
  if (e instanceof CorpusError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}

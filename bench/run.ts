/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own process, one after another (the
 * machine has 2 cores; parallel benches would measure each other). Each bench prints its figures
 * (medians, IQR, budget) and exits non-zero when a budget is missed. This runner exits non-zero
 * when any bench does. `npm run bench -- <name-substring>` runs a subset.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();

const results: { file: string; status: number | null }[] = [];
for (const file of files) {
  console.log(`\n=== ${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, file)], { stdio: 'inherit' });
  results.push({ file, status: r.status });
}
console.log('\n=== bench summary');
for (const r of results) console.log(`${r.status === 0 ? 'PASS' : 'FAIL'}  ${r.file}`);
if (files.length === 0) {
  console.log('no benches found');
  process.exit(1);
}
process.exit(results.every((r) => r.status === 0) ? 0 : 1);

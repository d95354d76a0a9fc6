import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatements } from '../../news/parse';
import { IMAGEGENTLY_NEWS_URL, SNAPSHOT } from '../../news/snapshot';
import { StatementSchema } from '../../news/statement';

describe('SNAPSHOT', () => {
  it('every item passes the schema, links to the site, has no summary; newest first; ids unique', () => {
    for (const s of SNAPSHOT) {
      expect(StatementSchema.safeParse(s).success).toBe(true);
      expect(s.url).toBe(IMAGEGENTLY_NEWS_URL);
      expect(s.summary).toBeUndefined();
    }
    expect(SNAPSHOT.map((s) => s.date)).toEqual([...SNAPSHOT.map((s) => s.date)].sort().reverse());
    expect(new Set(SNAPSHOT.map((s) => s.id)).size).toBe(SNAPSHOT.length);
  });

  it('holds the 2019 home page dated items: the same ids the parser gives the home-page fixture', () => {
    const parsed = parseStatements(
      readFileSync(resolve(__dirname, '../fixtures/news/imagegently-home.html'), 'utf8'),
      'text/html',
      'https://www.imagegently.org/',
    );
    expect(SNAPSHOT.map((s) => s.id)).toEqual(parsed.map((s) => s.id));
    expect(SNAPSHOT).toHaveLength(13);
    expect(SNAPSHOT[0]!.date).toBe('2019-11-25');
    expect(SNAPSHOT.at(-1)!.date).toBe('2019-05-17');
  });
});

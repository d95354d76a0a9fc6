import { describe, expect, it } from 'vitest';
import { StatementSchema, clip, isHttpUrl, mergeStatements, resolveHttpUrl, statementId, type Statement } from '../../news/statement';

describe('resolveHttpUrl', () => {
  const base = 'https://www.imagegently.org/Current-Events/In-the-News';
  it.each([
    ['/Procedures/Computed-Tomography', 'https://www.imagegently.org/Procedures/Computed-Tomography'],
    ['fixture.pdf', 'https://www.imagegently.org/Current-Events/fixture.pdf'],
    ['//journals.example.org/x', 'https://journals.example.org/x'],
    ['http://imagegently.org/Procedures/Dental', 'http://imagegently.org/Procedures/Dental'],
    ['  https://a.example/b  ', 'https://a.example/b'],
    ['#top', 'https://www.imagegently.org/Current-Events/In-the-News#top'],
  ])('%s → %s', (href, url) => {
    expect(resolveHttpUrl(href, base)).toBe(url);
  });

  it.each([['javascript:alert(1)'], [' JAVASCRIPT:alert(1)'], ['java\tscript:alert(1)'], ['data:text/html,x'], ['vbscript:x'], ['mailto:a@b.c'], ['file:///etc/passwd'], ['chrome-extension://abc/x'], [''], [null], ['http://']])(
    'refuses %s',
    (href) => {
      expect(resolveHttpUrl(href, base)).toBeNull();
    },
  );

  it('isHttpUrl wants an absolute http(s) URL', () => {
    expect(isHttpUrl('https://www.imagegently.org/')).toBe(true);
    expect(isHttpUrl('/relative')).toBe(false);
    expect(isHttpUrl('ftp://x.example/')).toBe(false);
  });
});

describe('statementId', () => {
  it('ignores case, punctuation, spacing and accents of the title; not the day', () => {
    const id = statementId('2019-11-12', 'Endorsement Statement of the AAPM Gonadal Shielding Position');
    expect(statementId('2019-11-12', '  endorsement statement — of the AAPM gonadal shielding position. ')).toBe(id);
    expect(statementId('2019-11-13', 'Endorsement Statement of the AAPM Gonadal Shielding Position')).not.toBe(id);
    expect(statementId('2019-11-12', 'Endorsement Statement of the AAPM Gonadal Shielding')).not.toBe(id);
    expect(statementId('2020-01-01', 'Résumé')).toBe(statementId('2020-01-01', 'resume'));
    expect(id).toMatch(/^2019-11-12-[0-9a-f]{16}$/);
  });
});

describe('StatementSchema', () => {
  const ok: Statement = { id: 'x', title: 'T', date: '2020-02-29', url: 'https://a.example/' };
  it('accepts a statement and refuses bad days, non-http links, empty titles, extra keys', () => {
    expect(StatementSchema.safeParse(ok).success).toBe(true);
    expect(StatementSchema.safeParse({ ...ok, date: '2019-02-29' }).success).toBe(false);
    expect(StatementSchema.safeParse({ ...ok, date: '2020-2-1' }).success).toBe(false);
    expect(StatementSchema.safeParse({ ...ok, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(StatementSchema.safeParse({ ...ok, title: '' }).success).toBe(false);
    expect(StatementSchema.safeParse({ ...ok, html: '<b>' }).success).toBe(false);
  });
});

describe('mergeStatements', () => {
  const a: Statement = { id: 'a', title: 'A', date: '2020-01-01', url: 'https://a.example/' };
  const b: Statement = { id: 'b', title: 'B', date: '2021-01-01', url: 'https://b.example/' };
  it('unique by id, first wins, a later copy fills a missing summary, newest first', () => {
    const a2 = { ...a, url: 'https://other.example/', summary: 'Sum' };
    expect(mergeStatements([a], [b, a2])).toEqual([b, { ...a, summary: 'Sum' }]);
  });
});

describe('clip', () => {
  it('cuts at a word boundary with an ellipsis, leaves short text alone', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('one two three four five', 16)).toBe('one two three…');
    // no space in the last 40%: cut inside the word rather than lose most of the text
    expect(clip('one twothreefourfive', 12)).toBe('one twothre…');
  });
});

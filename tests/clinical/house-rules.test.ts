/**
 * House rules for clinical/, checked on the source text (style-anchors "What to absorb" 5 and 8):
 * every module is pure (no browser API, no DOM), says what it implements in a @file block, has a test
 * file that imports it, and every numeric table row carries a comment naming where it comes from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(__dirname, '../..');
const modules = readdirSync(join(root, 'clinical')).filter((f) => f.endsWith('.ts'));
const tests = readdirSync(join(root, 'tests/clinical')).map((f) => readFileSync(join(root, 'tests/clinical', f), 'utf8'));
const source = (f: string) => readFileSync(join(root, 'clinical', f), 'utf8');

describe.each(modules)('clinical/%s', (file) => {
  const text = source(file);
  const name = file.replace(/\.ts$/, '');

  test('starts with a @file block that names what it implements', () => {
    expect(text.trimStart().startsWith('/**\n * @file ')).toBe(true);
  });

  test('uses no browser API and no DOM', () => {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/\b(browser|chrome|document|window|localStorage|fetch|XMLHttpRequest)\s*[.(]/);
    expect(code).not.toMatch(/from '(wxt|#imports|#i18n|preact)/);
  });

  test('is imported by a test in tests/clinical', () => {
    expect(tests.some((t) => t.includes(`clinical/${name}'`))).toBe(true);
  });

  test('comments every numeric table row with its source', () => {
    const rows = text.split('\n').filter((l) => /^\s*\[\s*-?[\d.]+\s*,\s*-?[\d.NaN]+(\s*,\s*-?[\d.NaN]+)*\s*\],?\s*(\/\/.*)?$/.test(l));
    for (const row of rows) expect(row, row.trim()).toMatch(/\/\/\s*\S/);
  });
});

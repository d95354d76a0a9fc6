/**
 * House rules for site profiles (refined-github style): every profile file is registered, has fixture pages and a
 * "Test URLs" comment; each predicate is true on its own fixtures and false on every other profile's fixtures
 * (cross-negative) and on the bad pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { detectProfile, PROFILES } from '../../../../content/read/analyze';
import { allFixtures, PAGES_DIR } from '../../../helpers/pages';

const PROFILE_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'content', 'read', 'profiles');
/** Shared helpers in the profiles folder, not profiles. */
const HELPERS = new Set(['index.ts', 'profile.ts', 'labels.ts', 'table.ts']);
const profileFiles = readdirSync(PROFILE_DIR).filter((f) => f.endsWith('.ts') && !HELPERS.has(f));
const fixtures = allFixtures();
const BAD = '_bad';

describe('every profile file', () => {
  test.each(profileFiles)('%s is registered under its file name', (file) => {
    const id = file.replace(/\.ts$/, '');
    expect(PROFILES.map((p) => p.id), `add ${id} to content/read/profiles/index.ts`).toContain(id);
  });
  test.each(profileFiles)('%s has a "Test URLs" comment', (file) => {
    expect(readFileSync(join(PROFILE_DIR, file), 'utf8')).toMatch(/Test URLs/);
  });
  test.each(profileFiles)('%s has fixture pages', (file) => {
    const id = file.replace(/\.ts$/, '');
    const pages = readdirSync(join(PAGES_DIR, id)).filter((f) => f.endsWith('.html'));
    expect(pages.length, `add tests/fixtures/pages/${id}/*.html`).toBeGreaterThan(0);
  });
  test('no registered profile without a file', () => {
    expect(PROFILES.map((p) => `${p.id}.ts`).sort()).toEqual([...profileFiles].sort());
  });
});

describe('predicates', () => {
  for (const profile of PROFILES) {
    const own = fixtures.filter((f) => f.profile === profile.id);
    const others = fixtures.filter((f) => f.profile !== profile.id);
    test.each(own.map((f) => [f.file, f] as const))(`${profile.id} claims its own page %s`, (_name, f) => {
      expect(profile.matches(f.doc, new URL(f.url)), `Is ${f.file} a ${profile.id} page? Yes → fix the predicate. No → move the fixture.`).toBe(true);
      expect(detectProfile(f.doc, new URL(f.url))?.id, 'an earlier profile in the registry claims it').toBe(profile.id);
    });
    test.each(others.map((f) => [`${f.profile}/${f.file}`, f] as const))(`${profile.id} leaves %s alone`, (_name, f) => {
      const url = f.url === 'about:blank' ? 'about:blank' : f.url;
      expect(profile.matches(f.doc, new URL(url)), `Is ${f.profile}/${f.file} a ${profile.id} page? No → narrow the ${profile.id} predicate.`).toBe(false);
    });
  }
  test('bad pages belong to no profile', () => {
    for (const f of fixtures.filter((x) => x.profile === BAD)) expect(detectProfile(f.doc, new URL(f.url))?.id ?? null, f.file).toBeNull();
  });
});

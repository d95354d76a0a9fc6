/**
 * Layers a newcomer can see, kept by a test: every import of the shipping code follows the zones of
 * tests/architecture/zones.ts (ARCHITECTURE.md), and the import graph has no circle. A failure names the file,
 * the line and the rule.
 */
import { describe, expect, it } from 'vitest';
import { importCircles, importsOf, readImportGraph, type ImportGraph } from '../helpers/import-graph';
import { checkImport, ZONES, zoneOf } from './zones';

const graph = readImportGraph();
const format = (v: { file: string; line: number; specifier: string; why: string }) => `${v.file}:${v.line} imports "${v.specifier}": ${v.why}`;

describe('import zones', () => {
  it('reads the whole shipping code (the checks below are not vacuous)', () => {
    expect(graph.files.length).toBeGreaterThan(100);
    for (const z of ZONES) expect(graph.files.some((f) => zoneOf(f) === z), `no file in zone ${z.files}`).toBe(true);
  });

  it('every file is in a zone and every import follows its zone', () => {
    const violations = graph.edges.map((e) => checkImport(e)).filter((v) => v !== null);
    expect(violations.map(format)).toEqual([]);
  });

  it('nothing imports an entrypoint (entrypoints only wire the folders below them)', () => {
    expect(graph.edges.filter((e) => e.to?.startsWith('entrypoints/') && !e.from.startsWith('entrypoints/')).map((e) => `${e.from}:${e.line}`)).toEqual([]);
  });

  describe('fails on a planted violation', () => {
    const plant = (file: string, text: string) => importsOf(file, text, (p) => graph.files.includes(p)).map((e) => checkImport(e));
    it.each([
      ['components/Planted.tsx', "import { getPageSettings } from '@/settings/page';", 'components/ (presentational'],
      ['components/Planted.tsx', "import { decidePanel } from '@/content/page/panel-decision';", 'may not import content/page/panel-decision.ts'],
      ['clinical/planted.ts', "import { browser } from 'wxt/browser';", 'may not use the package "wxt/browser"'],
      ['content/read/planted.ts', "import { PanelDecision } from '../page/panel-decision';", 'content/read/ (the page reader'],
      ['content/page/planted.ts', "import { buildPanelView } from '@/content/panel/panel-view';", 'content/page/'],
      ['content/pacs/planted.ts', "import { PacsDoseSection } from '@/components/PacsDoseSection';", 'content/pacs/'],
      ['settings/planted.ts', "import type { PanelProps } from '@/components/Panel';", 'settings/'],
      ['somewhere/planted.ts', "import { x } from '@/utils/own';", 'is in no zone'],
    ])('%s: %s', (file, text, message) => {
      const [v] = plant(file, text);
      expect(v?.why).toContain(message);
    });

    it('a type-only import is allowed where the zone allows types, and only there', () => {
      expect(plant('components/Planted.tsx', "import type { PageSettings } from '@/settings/page';")).toEqual([null]);
      expect(plant('components/Planted.tsx', "import { type PageSettings, getPageSettings } from '@/settings/page';")[0]?.why).toContain('types only');
      expect(plant('components/Planted.tsx', "import { type PageSettings } from '@/settings/page';")).toEqual([null]);
    });

    it('an import in a comment is no import', () => {
      expect(plant('clinical/planted.ts', "// import { browser } from 'wxt/browser';\n/* import x from 'preact' */")).toEqual([]);
    });
  });
});

describe('import circles', () => {
  it('there are none', () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it('finds a planted one', () => {
    const planted: ImportGraph = {
      files: ['a.ts', 'b.ts', 'c.ts'],
      edges: [
        { from: 'a.ts', specifier: './b', to: 'b.ts', typeOnly: false, line: 1 },
        { from: 'b.ts', specifier: './c', to: 'c.ts', typeOnly: true, line: 1 },
        { from: 'c.ts', specifier: './a', to: 'a.ts', typeOnly: false, line: 1 },
      ],
    };
    expect(importCircles(planted)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});

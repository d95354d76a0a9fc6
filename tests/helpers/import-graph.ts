/**
 * The project's import graph, read from the source text: every `import … from`, `export … from`, side-effect
 * `import '…'` and dynamic `import('…')` of the shipping code (not tests, benches or scripts), with `@/…` and
 * relative specifiers resolved to repository paths. Used by tests/architecture/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Top-level folders of shipping code. */
export const SOURCE_FOLDERS = ['background', 'clinical', 'components', 'content', 'entrypoints', 'news', 'settings', 'utils'] as const;

export interface ImportEdge {
  /** Repository path of the importing file. */
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** Repository path of the imported file, or null for a package (`preact`, `wxt/browser`, `#i18n` …). */
  to: string | null;
  /** `import type` / `export type` (erased at build time). */
  typeOnly: boolean;
  line: number;
}

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(ROOT, path).split('\\').join('/'));
  }
  return out;
}

export function sourceFiles(root = ROOT): string[] {
  return SOURCE_FOLDERS.flatMap((f) => (existsSync(join(root, f)) ? walk(join(root, f), []) : [])).sort();
}

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The repository path a project specifier names, or null for a package. */
export function resolveSpecifier(from: string, specifier: string, exists: (path: string) => boolean): string | null {
  const bare = specifier.replace(/\?[a-z]+$/, '');
  let base: string;
  if (bare.startsWith('@/')) base = bare.slice(2);
  else if (bare.startsWith('.')) base = posix.normalize(posix.join(posix.dirname(from), bare));
  else return null;
  if (/\.(css|json)$/.test(base)) return base;
  for (const ext of ['', ...EXTENSIONS]) if (exists(base + ext) && /\.(ts|tsx)$/.test(base + ext)) return base + ext;
  return base; // unresolved: reported by the test as is
}

const IMPORT = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([\w*\s{},$]*?)\s*(?:\bfrom\s*)?['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Comments blanked out (line breaks kept), so a specifier in a comment is not an import. */
function withoutComments(text: string): string {
  const blank = (c: string) => c.replace(/[^\n]/g, ' ');
  return text.replace(/\/\*[\s\S]*?\*\//g, blank).replace(/(^|[\s;{}(),])\/\/[^\n]*/g, (m, p: string) => p + blank(m.slice(p.length)));
}

/** `import { type A, type B } from …`: every name in the braces marked `type`, and nothing outside them. */
function allNamesTyped(clause: string): boolean {
  const braces = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = braces[1]!.split(',').map((s) => s.trim()).filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

export function importsOf(file: string, text: string, exists: (path: string) => boolean): ImportEdge[] {
  const code = withoutComments(text);
  const lineAt = (i: number) => code.slice(0, i).split('\n').length;
  const edges: ImportEdge[] = [];
  for (const m of code.matchAll(IMPORT)) {
    const specifier = m[4]!;
    const typeOnly = !!m[2] || allNamesTyped(m[3]!);
    edges.push({ from: file, specifier, to: resolveSpecifier(file, specifier, exists), typeOnly, line: lineAt(m.index! + m[0].indexOf(m[1]!)) });
  }
  for (const m of code.matchAll(DYNAMIC)) {
    edges.push({ from: file, specifier: m[1]!, to: resolveSpecifier(file, m[1]!, exists), typeOnly: false, line: lineAt(m.index!) });
  }
  return edges;
}

export interface ImportGraph {
  files: string[];
  edges: ImportEdge[];
}

export function readImportGraph(root = ROOT): ImportGraph {
  const files = sourceFiles(root);
  const exists = (p: string) => existsSync(join(root, p));
  const edges = files.flatMap((f) => importsOf(f, readFileSync(join(root, f), 'utf8'), exists));
  return { files, edges };
}

/** Every import circle (strongly connected components of more than one file, or a file importing itself). */
export function importCircles(graph: ImportGraph): string[][] {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) if (e.to) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  // Tarjan's strongly connected components.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of next.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (next.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const f of graph.files) if (!idx.has(f)) visit(f);
  return out;
}

/**
 * The layers of the extension and what each may import (ARCHITECTURE.md says why). In the spirit of Dark
 * Reader's `import/no-restricted-paths` zones, written as allow-lists: a file imports only project files under
 * the prefixes of its zone's `may` (plus, erased at build time, those under `mayTypes`) and only the packages
 * its `packages` pattern matches. A file belongs to the zone with the longest matching prefix.
 */
export interface Zone {
  /** Path prefix of the files in the zone. */
  files: string;
  /** What the layer is, for failure messages. */
  role: string;
  /** Project paths (prefixes) it may import. Its own prefix is always allowed. */
  may: readonly string[];
  /** Project paths it may import types from (`import type`), on top of `may`. */
  mayTypes?: readonly string[];
  /** Packages it may import (npm packages, `wxt/…`, `#i18n`). */
  packages: RegExp;
}

const NONE = /^$/;
const ZOD = /^zod\/mini$/;

export const ZONES: readonly Zone[] = [
  { files: 'utils/', role: 'generic helpers', may: [], packages: ZOD },
  { files: 'clinical/', role: 'pure dose and guidance logic', may: ['utils/'], packages: /^(zod\/mini|dicom-parser)$/ },
  {
    files: 'content/read/',
    role: 'the page reader, pure over a Document',
    may: ['clinical/', 'utils/'],
    packages: NONE,
  },
  {
    files: 'content/analyze.ts',
    role: 'stable entry point of the page reader',
    may: ['content/read/'],
    packages: NONE,
  },
  {
    files: 'content/page/',
    role: 'the page loop shared by content.js and panel.js (watchers, frame role, messages, what to show)',
    may: ['content/read/', 'clinical/', 'utils/', 'settings/recipe-schema.ts'],
    packages: /^(zod\/mini|wxt\/browser|wxt\/utils\/content-script-context)$/,
  },
  {
    files: 'content/panel/',
    role: 'the panel: view model, what it shows, numbers, controller, UI glue',
    may: ['content/read/', 'content/page/', 'clinical/', 'components/', 'utils/'],
    mayTypes: ['settings/'],
    packages: /^(preact|#i18n|wxt\/utils\/content-script-context|wxt\/utils\/content-script-ui\/[\w-]+)$/,
  },
  {
    files: 'content/picker/',
    role: 'the "Teach this page" field picker (a site recipe from the user\'s clicks)',
    may: ['content/read/', 'content/page/', 'content/panel/', 'components/', 'clinical/', 'utils/'],
    mayTypes: ['settings/'],
    packages: /^(preact|#i18n|wxt\/utils\/content-script-context|wxt\/utils\/content-script-ui\/[\w-]+)$/,
  },
  {
    files: 'content/pacs/',
    role: 'the PACS data route (pacs.js): same-origin reads of the study, Dw, SSDE',
    may: ['content/read/', 'content/page/', 'content/panel/view-model.ts', 'content/panel/enrichment.ts', 'content/panel/number-format.ts', 'clinical/', 'utils/'],
    packages: /^(zod\/mini|#i18n)$/,
  },
  {
    files: 'components/',
    role: 'presentational Preact components: props in, markup out',
    may: ['content/panel/view-model.ts', 'clinical/', 'utils/'],
    mayTypes: ['content/page/messages.ts', 'content/read/recipe/recipe.ts', 'content/picker/draft.ts', 'settings/', 'news/'],
    packages: /^(preact|preact\/hooks|#i18n)$/,
  },
  {
    files: 'settings/',
    role: 'settings: schemas, storage, policy, per-site access',
    may: ['clinical/', 'utils/', 'content/read/recipe/recipe.ts'],
    mayTypes: ['content/read/types.ts'],
    packages: /^(zod\/mini|wxt\/browser|wxt\/utils\/storage|#i18n)$/,
  },
  {
    files: 'news/',
    role: 'statements: sources, parsing, cache',
    may: ['settings/', 'utils/'],
    packages: /^(zod\/mini|wxt\/browser|htmlparser2|domhandler|#i18n)$/,
  },
  {
    files: 'background/',
    role: "the service worker's services",
    may: ['settings/', 'news/', 'content/page/messages.ts', 'content/panel/number-format.ts', 'content/read/recipe/recipe.ts', 'utils/'],
    packages: /^(zod\/mini|wxt\/browser|#i18n)$/,
  },
  {
    files: 'entrypoints/',
    role: 'wiring only',
    may: ['background/', 'clinical/', 'components/', 'content/', 'news/', 'settings/', 'utils/'],
    packages: /^(preact|preact\/hooks|#i18n|wxt\/browser|wxt\/utils\/[\w/-]+)$/,
  },
];

/** The zone of a file: the one with the longest matching prefix. */
export function zoneOf(path: string, zones: readonly Zone[] = ZONES): Zone | null {
  let best: Zone | null = null;
  for (const z of zones) if (path.startsWith(z.files) && (!best || z.files.length > best.files.length)) best = z;
  return best;
}

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  why: string;
}

/** What is wrong with one import, or null. */
export function checkImport(
  edge: { from: string; specifier: string; to: string | null; typeOnly: boolean; line: number },
  zones: readonly Zone[] = ZONES,
): Violation | null {
  const zone = zoneOf(edge.from, zones);
  const at = { file: edge.from, line: edge.line, specifier: edge.specifier };
  if (!zone) return { ...at, why: `${edge.from} is in no zone: add its folder to tests/architecture/zones.ts (and ARCHITECTURE.md)` };
  if (edge.to === null) {
    if (zone.packages.test(edge.specifier)) return null;
    return { ...at, why: `${zone.files} (${zone.role}) may not use the package "${edge.specifier}"` };
  }
  if (edge.to.startsWith(zone.files)) return null;
  const under = (prefixes: readonly string[] | undefined) => (prefixes ?? []).some((p) => edge.to!.startsWith(p));
  if (under(zone.may)) return null;
  if (edge.typeOnly && under(zone.mayTypes)) return null;
  const types = under(zone.mayTypes) ? ` (types only: write \`import type\`)` : '';
  return { ...at, why: `${zone.files} (${zone.role}) may not import ${edge.to}${types}; it may import ${[...zone.may, ...(zone.mayTypes ?? []).map((t) => `types from ${t}`)].join(', ') || 'nothing outside itself'}` };
}

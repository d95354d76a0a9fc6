export const ROOT: string;
export const OUTPUT: string;
export type BuildName = 'chrome-mv3' | 'firefox-mv3' | 'chrome-mv3-e2e' | 'firefox-mv3-e2e' | 'chrome-mv3-e2e-runtime';
export const BUILDS: Record<BuildName, string[]>;
export function buildDir(name: BuildName): string;
export function staleReason(name: BuildName): string | null;
export function runBuild(name: BuildName, opts?: { quiet?: boolean; env?: Record<string, string> }): { ms: number; log: string };
export function ensureBuilds(
  names: BuildName[],
  opts?: { force?: boolean; quiet?: boolean },
): { name: BuildName; reason: string; ms: number }[];

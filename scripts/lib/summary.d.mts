export function summarize(
  report: unknown,
  opts: { root: string; skipLog?: string; vitestStatus?: number | null },
): { passed: number; failed: number; skipped: number; lines: string[] };

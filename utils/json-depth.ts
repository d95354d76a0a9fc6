/**
 * How deep JSON text nests, checked before `JSON.parse`. V8 parses deep nesting slowly (1 MiB of `[` takes
 * about 0.7 s of CPU here) and no JSON this extension reads nests anywhere near `MAX_JSON_DEPTH` (a DICOM SR
 * content tree is three JSON levels per content level, a dozen content levels at most).
 */
export const MAX_JSON_DEPTH = 100;

/** Whether arrays and objects nest deeper than `limit`: one pass, brackets inside strings not counted. */
export function jsonNestsDeeperThan(text: string, limit: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth--;
    }
  }
  return false;
}

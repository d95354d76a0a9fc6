/**
 * The words of an image viewer's own labels: its series, thumbnails and overlays ("Se: 2 Im: 106/212",
 * "CT Se 2 · 240 img", "Axial 2.5 mm", "Scout"). A page that shows them shows images; a panel made of them (and of
 * the studies they belong to) is the viewer's study or series browser.
 */
import { FREE, type Seg } from './segment';

/** Words of a viewer's series, thumbnail or overlay label ("Series 2", "Se: 1", "S1 · 12 img", "32 imágenes"). */
export const SERIES_WORDS = /\b(?:series|serie|se|ser|img|imgs|images?|im[aá]genes|im|frames?|instances?|thumbnail|s\d+)\b/i;
/** Names of a viewer's series and reconstructions, which never name the exam's region. */
export const SERIES_NAMES = /\b(?:axial|axiales|coronal|coronales|sagittal|sagital|sagitales|mpr|mip|scout|localizer|localizador|topogram|topograma|pila|stack|helical|helicoidal)\b/i;
/** Longest text read as a viewer's label (a series line, an overlay's line). */
export const MAX_LABEL_CHARS = 48;

/** A short line of a viewer's own: a series, slice or image label. */
export function isSeriesLabel(text: string): boolean {
  return text.length <= MAX_LABEL_CHARS && (SERIES_WORDS.test(text) || SERIES_NAMES.test(text));
}

/**
 * A numbered label of a viewer's series or images ("Se: 2 Im: 106/212", "Series 3", "CT Se 2 · 240 img",
 * "32 imágenes"): the number makes it the viewer's own, not a word of an order ("IM injection", "images attached").
 */
const NUMBERED_LABEL = /\b(?:se|ser|series|serie|im|img|image|imagen)\s*[:#]?\s*\d|\b\d+\s*(?:img|imgs|images|im[aá]genes|frames|instances)\b/i;
/** Segments looked at for a viewer's label. */
const MAX_LOOK = 2000;

/** The page shows images: a numbered series or image label in a short line outside free text. */
export function showsImages(segs: readonly Seg[]): boolean {
  const to = Math.min(segs.length, MAX_LOOK);
  for (let i = 0; i < to; i++) {
    const s = segs[i]!;
    if (s.text.length <= MAX_LABEL_CHARS && !(s.flags & FREE) && NUMBERED_LABEL.test(s.text)) return true;
  }
  return false;
}

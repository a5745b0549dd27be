// string-width with a memory, for the shipped bundle: scripts/ink-frame-cache.mjs points every
// `import 'string-width'` (Ink's layout and output, widest-line, wrap-ansi, cli-truncate, ours)
// here. Ink measures each line of the screen on every frame, and almost all of them are the lines
// of the frame before: measured once, looked up after. Bounded: started again when it is big.
//
// A text made only of NARROW_TEXT's characters (ASCII, Vietnamese letters, the UI's marks) is
// one column per UTF-16 unit, with no lookup: string-width's own fast path stops at ASCII, so a
// Vietnamese team name went through its grapheme segmenter (a page down in the grid measures 24
// new rows of them: the largest part of its layout).
import stringWidth from 'string-width';

type Options = Parameters<typeof stringWidth>[1];

/** Texts remembered before the memory starts again (short lines and single characters, mostly). */
export const MAX_REMEMBERED = 20_000;

/**
 * Texts of characters each one column wide and each a grapheme of its own next to any other
 * (no combining mark, no control, no emoji, no wide character, no escape): printable ASCII,
 * Latin-1 but the soft hyphen, Latin Extended A/B, Vietnamese's precomposed letters, and the
 * punctuation, arrows, box and block characters the screens draw. Checked character by
 * character against string-width and the grapheme segmenter (test/ui/frame-cache.test.ts).
 */
export const NARROW_TEXT = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u024f\u1e00-\u1eff\u2010-\u2027\u2030-\u203b\u2190-\u2193\u2212\u2248\u2264\u2265\u2500-\u259f\u25b2-\u25c5\u25cb\u25cf\u2713\u2717]*$/u;

let widths = new Map<string, number>();

export default function cachedStringWidth(text: string, options?: Options): number {
  if (options !== undefined) return stringWidth(text, options); // rare: not remembered
  if (NARROW_TEXT.test(text)) return text.length;
  let w = widths.get(text);
  if (w === undefined) {
    w = stringWidth(text);
    if (widths.size >= MAX_REMEMBERED) widths = new Map();
    widths.set(text, w);
  }
  return w;
}

/** How many widths are remembered now (tests: the memory stays bounded). */
export function rememberedWidths(): number {
  return widths.size;
}

// string-width with a memory, for the shipped bundle: scripts/ink-frame-cache.mjs points every
// `import 'string-width'` (Ink's layout and output, widest-line, wrap-ansi, cli-truncate, ours)
// here. Ink measures each line of the screen on every frame, and almost all of them are the lines
// of the frame before: measured once, looked up after. Bounded: started again when it is big.
import stringWidth from 'string-width';

type Options = Parameters<typeof stringWidth>[1];

/** Texts remembered before the memory starts again (short lines and single characters, mostly). */
export const MAX_REMEMBERED = 20_000;

let widths = new Map<string, number>();

/**
 * Characters one column wide each, as string-width measures them (its default: ambiguous ones
 * narrow), none of which joins its neighbours into one grapheme (no marks, joiners, variation
 * selectors, emoji presentation): ASCII, Latin with the Vietnamese letters (U+1E00–1EFF),
 * punctuation, arrows, symbols, box drawing and the bars' blocks. A text of only these is as wide
 * as it is long: no grapheme segmenting, no emoji regex, which were most of a first frame's cost
 * in Vietnamese (test/ui/narrow-width.test.ts checks every one of them against string-width).
 */
const NARROW_CLASS = [
  String.raw`\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u1e00-\u1eff\u2000-\u200a\u2010-\u2027`,
  String.raw`\u202f-\u205f\u2070-\u2071\u2074-\u208e\u2090-\u209c\u20a0-\u20c1\u2100-\u218b`,
  String.raw`\u2190-\u2319\u231c-\u2328\u232b-\u23e8\u23ed-\u23ef\u23f1-\u23f2\u23f4-\u2429`,
  String.raw`\u2440-\u244a\u2460-\u25fc\u25ff-\u2613\u2616-\u262f\u2638-\u2647\u2654-\u267e`,
  String.raw`\u2680-\u2689\u2690-\u2692\u2694-\u26a0\u26a2-\u26a9\u26ac-\u26bc\u26bf-\u26c3`,
  String.raw`\u26c6-\u26cd\u26cf-\u26d3\u26d5-\u26e9\u26eb-\u26f1\u26f4\u26f6-\u26f9\u26fb-\u26fc`,
  String.raw`\u26fe-\u2704\u2706-\u2709\u270c-\u2727\u2729-\u274b\u274d\u274f-\u2752\u2756`,
  String.raw`\u2758-\u2794\u2798-\u27af\u27b1-\u27be\u27c0-\u2b1a\u2b1d-\u2b4f\u2b51-\u2b54`,
  String.raw`\u2b56-\u2b73\u2b76-\u2bff`,
].join('');
export const NARROW_TEXT = new RegExp(`^[${NARROW_CLASS}]*$`, 'u');

export default function cachedStringWidth(text: string, options?: Options): number {
  if (options !== undefined) return stringWidth(text, options); // rare: not remembered
  let w = widths.get(text);
  if (w === undefined) {
    w = NARROW_TEXT.test(text) ? text.length : stringWidth(text);
    if (widths.size >= MAX_REMEMBERED) widths = new Map();
    widths.set(text, w);
  }
  return w;
}

/** How many widths are remembered now (tests: the memory stays bounded). */
export function rememberedWidths(): number {
  return widths.size;
}

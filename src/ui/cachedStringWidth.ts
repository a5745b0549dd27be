// string-width with a memory, for the shipped bundle: scripts/ink-frame-cache.mjs points every
// `import 'string-width'` (Ink's layout and output, widest-line, wrap-ansi, cli-truncate, ours)
// here. Ink measures each line of the screen on every frame, and almost all of them are the lines
// of the frame before: measured once, looked up after. Bounded: started again when it is big.
import stringWidth from 'string-width';

type Options = Parameters<typeof stringWidth>[1];

/** Texts remembered before the memory starts again (short lines and single characters, mostly). */
export const MAX_REMEMBERED = 20_000;

let widths = new Map<string, number>();

export default function cachedStringWidth(text: string, options?: Options): number {
  if (options !== undefined) return stringWidth(text, options); // rare: not remembered
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

// Colours, honouring NO_COLOR (https://no-color.org): any non-empty value turns colour off.
// Meaning never rests on colour alone: statuses also carry a symbol.
export function colorEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}

const enabled = colorEnabled();

/** A colour name for Ink's <Text color>, or undefined when colour is off. */
export function tint(color: string | undefined): string | undefined {
  return enabled ? color : undefined;
}

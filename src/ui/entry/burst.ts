// Keys that arrive in one chunk: Ink splits its input only at escape sequences, so a fast typist
// (or a moment when the app was busy saving) delivers "12\r34\r" as ONE input. The figure fields
// and the grid take it apart here, so every Enter, Tab and Backspace in it still counts. Pure.
export type BurstKey = { kind: 'text'; text: string } | { kind: 'enter' } | { kind: 'tab' } | { kind: 'backspace' };

export function splitBurst(input: string): BurstKey[] {
  const out: BurstKey[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') {
      flush();
      out.push({ kind: 'enter' });
    } else if (ch === '\t') {
      flush();
      out.push({ kind: 'tab' });
    } else if (ch === '\x7f' || ch === '\b') {
      flush();
      out.push({ kind: 'backspace' });
    } else text += ch;
  }
  flush();
  return out;
}

// The last guard of the command line's output: whatever a command prints (tables, JSON, messages
// quoting a path or a cell, commander's own errors) goes out without a character a terminal would
// act on (domain.md, "Untrusted text"). The commands clean their data text themselves; this makes
// sure nothing slips through, and that output piped to a file carries no escape sequence at all.
import { printable } from '../domain/text.js';

type Write = typeof process.stdout.write;

function guarded(stream: NodeJS.WriteStream): () => void {
  const original = stream.write;
  const write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    return (original as (c: string, ...r: unknown[]) => boolean).call(this, printable(text, { breaks: true }), ...rest);
  };
  stream.write = write as Write;
  return () => {
    stream.write = original;
  };
}

/** Clean stdout and stderr until the returned function is called. */
export function guardOutput(): () => void {
  const out = guarded(process.stdout);
  const err = guarded(process.stderr);
  return () => {
    err();
    out();
  };
}

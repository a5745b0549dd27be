// The last guard of the command line's output: whatever a command prints (tables, JSON, messages
// quoting a path or a cell, commander's own errors) goes out without a character a terminal would
// act on (domain.md, "Untrusted text"). The commands clean their data text themselves; this makes
// sure nothing slips through, and that output piped to a file carries no escape sequence at all.
import { printable } from '../domain/text.js';

type Write = typeof process.stdout.write;

const closedStreams = new WeakMap<NodeJS.WriteStream, { yes: boolean }>();

/**
 * A reader that went away (`tonghop status | head`, a closed pipe) is not the command's failure:
 * what is left to print is dropped and the command finishes as usual, closing its database,
 * instead of dying on an unhandled EPIPE with a stack trace in the middle of it.
 */
function closedPipeIsNoCrash(stream: NodeJS.WriteStream): { yes: boolean } {
  const known = closedStreams.get(stream);
  if (known) return known; // one listener per stream, however many commands run in this process
  const closed = { yes: false };
  closedStreams.set(stream, closed);
  // Kept after the guard is lifted: the error of a last write arrives a tick later.
  stream.on('error', (e: NodeJS.ErrnoException) => {
    closed.yes = true;
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') process.exitCode = 1;
  });
  return closed;
}

function guarded(stream: NodeJS.WriteStream): () => void {
  const original = stream.write;
  const closed = closedPipeIsNoCrash(stream);
  const write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    if (closed.yes) {
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (done) queueMicrotask(done);
      return true;
    }
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

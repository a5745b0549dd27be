// The last guard of the command line's output: whatever a command prints (tables, JSON, messages
// quoting a path or a cell, commander's own errors) goes out without a character a terminal would
// act on (domain.md, "Untrusted text"). The commands clean their data text themselves; this makes
// sure nothing slips through, and that output piped to a file carries no escape sequence at all.
import { isUtf8 } from 'node:buffer';
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

/**
 * What printable(text, { breaks: true }) would change, found in the UTF-8 bytes themselves (read as
 * latin1: one character per byte, no decoding): C0 controls but tab and LF (CR too: it becomes LF),
 * DEL, C1 controls (C2 80–9F), the bidi embeddings/overrides (E2 80 AA–AE) and isolates (E2 81 A6–A9).
 */
const UNSAFE_BYTES = /[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]/u;

/** Bytes that print as they are: valid UTF-8 holding nothing printable() would change. */
export function bytesArePrintable(bytes: Uint8Array): boolean {
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isUtf8(b) && !UNSAFE_BYTES.test(b.toString('latin1'));
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
    // A large text already in bytes (the stored status --json) goes out as it is when it is clean:
    // decoding 2.7 MB of UTF-8, scanning and encoding it again cost more than the floor allows.
    if (typeof chunk !== 'string' && bytesArePrintable(chunk as Uint8Array)) return (original as (c: unknown, ...r: unknown[]) => boolean).call(this, chunk, ...rest);
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

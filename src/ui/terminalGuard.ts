// The net under components/Text: the UI's stdout never carries what only data could put there.
// Text cleans every string it is given, but a component that returns bare strings inside another
// Text bypasses it; Ink 6 strips cursor movement from text yet keeps OSC sequences (window title,
// hidden links, clipboard writes). Ink itself writes only CSI sequences (cursor, erase, colours,
// synchronized output) — never an OSC/DCS/APC string, a C1 control, BEL, backspace or a bidi
// control — so those are removed from every frame without touching Ink's own output.
const STRING_CONTROL = /(?:\u001b[\]P_^X]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)/gu;
const INTRODUCER = /\u001b[\]P_^X]/gu;
const LOOSE = /[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\u001b[\]P_^X]/u;

/** A frame without any terminal string (OSC, DCS, APC, PM, SOS), C1, stray C0 or bidi control. */
export function stripHijacks(frame: string): string {
  if (!SUSPECT.test(frame)) return frame;
  return frame.replace(STRING_CONTROL, '').replace(INTRODUCER, '').replace(LOOSE, '');
}

// Every escape sequence: CSI (cursor, erase, colours, modes) and the two-character ones.
const CSI = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]/gu;
const ESC_PAIR = /\u001b[@-Z\\-_]?/gu;

/** A frame without any escape sequence at all: for output that is not a terminal (a file, a pipe). */
export function stripEscapes(frame: string): string {
  return stripHijacks(frame.replace(CSI, '')).replace(ESC_PAIR, '');
}

/**
 * The stream Ink draws to, with every write passed through stripHijacks — or, when it is not a
 * terminal (`plain`), through stripEscapes: a file or pipe gets the text without a single escape.
 */
export function guardedStdout(stdout: NodeJS.WriteStream, opts: { plain?: boolean } = {}): NodeJS.WriteStream {
  const clean = opts.plain ? stripEscapes : stripHijacks;
  const write = (chunk: unknown, ...rest: unknown[]) =>
    (stdout.write as (c: unknown, ...r: unknown[]) => boolean).call(stdout, typeof chunk === 'string' ? clean(chunk) : chunk, ...rest);
  return new Proxy(stdout, {
    get(target, key) {
      if (key === 'write') return write;
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

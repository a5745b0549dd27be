// The hostile text of #10 item 15, for every test of a way in or out: ESC (a CSI), BEL, OSC 0
// (window title), OSC 8 (hidden link), OSC 52 (clipboard write), C1 CSI, RLO, backspace, NUL, LRI.
export const HOSTILE = [
  '\x1b[2J',
  '\x07',
  '\x1b]0;title\x07',
  '\x1b]8;;http://x\x1b\\',
  '\x1b]52;c;aGVsbG8=\x07',
  '\u009b31m',
  '\u202e',
  '\b',
  '\0',
  '\u2066',
] as const;

/** All of them in one name. */
export const HOSTILE_NAME = `Tổ ${HOSTILE.filter((h) => h !== '\0').join('')} Đông`;

/** Nothing a terminal acts on: no C0 but tab/LF, no DEL, no C1, no bidi control. */
export const TERMINAL_SAFE = /^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/u;

/** Not even an ESC: output that is not a terminal carries no escape sequence at all. */
export const NO_ESCAPES = /^[^\u001b\u009b\u009d]*$/u;

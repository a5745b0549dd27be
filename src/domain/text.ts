// Vietnamese text: normalisation, diacritic-free matching, collation and number/date formats.
// Everything that crosses a boundary (keyboard, CSV, database) goes through nfc().

export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** NFC + trim + collapse inner whitespace: what we store for names typed or imported. */
export function cleanText(s: string): string {
  return nfc(s).replace(/\s+/gu, ' ').trim();
}

/** Lower case without diacritics: `Đông` → `dong`, `Phù Vân` → `phu van`. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase();
}

/** True when every word of the query is found (diacritics and case ignored). */
export function matchesQuery(query: string, ...fields: (string | null | undefined)[]): boolean {
  return matchesFolded(
    fields
      .filter((f): f is string => !!f)
      .map(fold)
      .join(' '),
    query,
  );
}

// The last query's words: a list filtered per key folds its query once, not once per row.
let lastQuery = '';
let lastWords: string[] = [];

/**
 * matchesQuery against a haystack folded in advance (fold of the searched fields, joined by
 * spaces, computed once per load): filtering 2,000 rows per key then folds nothing per row.
 */
export function matchesFolded(haystack: string, query: string): boolean {
  if (query !== lastQuery) {
    lastWords = fold(query).split(/\s+/u).filter(Boolean);
    lastQuery = query;
  }
  return lastWords.every((w) => haystack.includes(w));
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order (a ă â b c d đ e ê …), numbers inside names in numeric order. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

export function sortVi<T>(items: readonly T[], key: (t: T) => string): T[] {
  return [...items].sort((x, y) => compareVi(key(x), key(y)));
}

/** Plain code-unit order: for machine codes (ma_to) where output must be byte-stable. */
export function compareCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `1234567` → `1.234.567` (Vietnamese thousands separator). */
export function formatInt(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = Math.round(Math.abs(n)).toString();
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
}

/** `1234.5` → `1.234,5`; `digits` fixed decimals, trailing `,0` kept only if asked. */
export function formatDecimal(n: number, digits = 1, keepZeros = false): string {
  const fixed = Math.abs(n).toFixed(digits);
  const [intPart = '0', frac = ''] = fixed.split('.');
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
  const trimmed = keepZeros ? frac : frac.replace(/0+$/u, '');
  return sign + grouped + (trimmed ? ',' + trimmed : '');
}

/** A share 0.8333 → `83,3%`. */
export function formatPercent(share: number, digits = 1): string {
  return formatDecimal(share * 100, digits) + '%';
}

/** ISO `2026-01-05` → `05/01/2026`. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Accepts `dd/mm/yyyy` (also d/m/yyyy) or `yyyy-mm-dd`; returns ISO or null if not a real date. */
export function parseDate(input: string): string | null {
  const s = input.trim();
  let y: number, mo: number, d: number;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(s);
  if (m) {
    d = Number(m[1]);
    mo = Number(m[2]);
    y = Number(m[3]);
  } else {
    m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(s);
    if (!m) return null;
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  }
  if (mo < 1 || mo > 12 || d < 1 || y < 1900 || y > 2200) return null;
  if (d > daysInMonth(y, mo)) return null;
  return `${y}-${pad2(mo)}-${pad2(d)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** Today's date as ISO in local time (the officer's calendar, not UTC). */
export function todayIso(now: Date): string {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

// Untrusted text (domain.md, "Untrusted text"): C0/C1 control characters and bidirectional
// overrides move the cursor, retitle the window, write the clipboard or hide a link when printed.
// Tab and line breaks are allowed only where a note allows them. (Written by the data-folder
// work for the backup checks; the text work owns these three and may reshape them.)
const UNSAFE_STRICT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_NOTE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_STRICT_ALL = new RegExp(UNSAFE_STRICT.source, 'gu');
const UNSAFE_NOTE_ALL = new RegExp(UNSAFE_NOTE.source, 'gu');

export interface UnsafeOptions {
  /** A note: tab, CR and LF are allowed. */
  lineBreaks?: boolean;
}

/** The first control character or bidi override in s (its index and code point), or null. */
export function findUnsafeChar(s: string, opts: UnsafeOptions = {}): { index: number; code: number } | null {
  const m = (opts.lineBreaks ? UNSAFE_NOTE : UNSAFE_STRICT).exec(s);
  return m ? { index: m.index, code: m[0].codePointAt(0)! } : null;
}

/** `U+001B`: how a refused character is named in a message. */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Typed text without control characters and bidi overrides (a note keeps tab and line breaks). */
export function stripUnsafe(s: string, opts: UnsafeOptions = {}): string {
  return s.replace(opts.lineBreaks ? UNSAFE_NOTE_ALL : UNSAFE_STRICT_ALL, '');
}

/** Any text made safe to print on a terminal or into a message or file name (line breaks kept). */
export function printable(s: string): string {
  return s.replace(UNSAFE_NOTE_ALL, '').replace(/\r/gu, '');
}

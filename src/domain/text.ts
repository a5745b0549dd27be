// Vietnamese text: normalisation, diacritic-free matching, collation and number/date formats.
// Everything that crosses a boundary (keyboard, CSV, database) goes through nfc().

export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** NFC + trim + collapse inner whitespace, unsafe characters dropped: what we store for names. */
export function cleanText(s: string): string {
  return dropUnsafe(nfc(s)).replace(/\s+/gu, ' ').trim();
}

// Untrusted text (domain.md, "Untrusted text"): C0 controls (NUL, BEL, backspace, ESC…), DEL, C1
// controls (U+0080–U+009F: CSI U+009B, OSC U+009D…) and the bidirectional embeddings, overrides
// and isolates (U+202A–U+202E, U+2066–U+2069) can move the cursor, retitle the window, write the
// clipboard, hide a link or reverse what a line seems to say. Tab and line breaks are allowed
// only where a text may hold them (a note): `breaks`.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
const UNSAFE_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_OR_BREAK_ALL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

export interface TextRules {
  /** Tab and line breaks (LF, CR) are allowed: a note. Default false. */
  breaks?: boolean;
  /** The same as `breaks` (the name trustB's backup checks used, 01b7528): one set of functions. */
  lineBreaks?: boolean;
}

const allowsBreaks = (r: TextRules) => !!(r.breaks ?? r.lineBreaks);

export interface UnsafeChar {
  /** Index in the string (UTF-16 units). */
  index: number;
  code: number;
  /** How a message names it: `ESC (U+001B)`. */
  label: string;
}

const NAMES: Record<number, string> = {
  0x00: 'NUL', 0x07: 'BEL', 0x08: 'BS', 0x09: 'TAB', 0x0a: 'LF', 0x0d: 'CR', 0x1b: 'ESC', 0x7f: 'DEL',
  0x9b: 'CSI', 0x9d: 'OSC', 0x202e: 'RLO', 0x202d: 'LRO', 0x2066: 'LRI', 0x2067: 'RLI', 0x2068: 'FSI', 0x2069: 'PDI',
};

function hex(code: number): string {
  return 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
}

/** `U+001B`: how a refused character is named in a message. */
export const codePointName = hex;

/**
 * The first character that must not be stored (for an import to refuse its row, a restore to
 * refuse a backup), or null. Tab and line breaks count unless `breaks` allows them.
 */
export function findUnsafeChar(s: string, rules: TextRules = {}): UnsafeChar | null {
  const m = (allowsBreaks(rules) ? UNSAFE : UNSAFE_OR_BREAK).exec(s);
  if (!m) return null;
  const code = m[0].codePointAt(0)!;
  const name = NAMES[code];
  return { index: m.index, code, label: name ? `${name} (${hex(code)})` : hex(code) };
}

/** The same test as a boolean. */
export function hasUnsafeChars(s: string, rules: TextRules = {}): boolean {
  return (allowsBreaks(rules) ? UNSAFE : UNSAFE_OR_BREAK).test(s);
}

/** Vietnamese reason for a refused cell or row: `có ký tự điều khiển ESC (U+001B), không được phép`. */
export function unsafeCharMessage(c: UnsafeChar): string {
  const bidi = c.code >= 0x202a;
  return `có ${bidi ? 'ký tự đảo chiều chữ' : 'ký tự điều khiển'} ${c.label} ở vị trí ${c.index + 1}, không được phép`;
}

/**
 * Typed text: unsafe characters dropped (and, without `breaks`, tab and line breaks too). What a
 * keyboard or a paste delivers goes through this before any field sees it.
 */
export function dropUnsafe(s: string, rules: TextRules = {}): string {
  return s.replace(allowsBreaks(rules) ? UNSAFE_ALL : UNSAFE_OR_BREAK_ALL, '');
}

/** dropUnsafe by the name trustB's backup checks used (01b7528). */
export const stripUnsafe = dropUnsafe;

/**
 * Any text made safe to print (terminal, report, file name, message), whatever it holds: unsafe
 * characters dropped; CRLF and lone CR become LF when `breaks` allows line breaks (a lone CR would
 * overwrite the line), otherwise every tab and line break becomes a space.
 */
export function printable(s: string, rules: TextRules = {}): string {
  const breaks = allowsBreaks(rules);
  if (!hasUnsafeChars(s, rules) && !(breaks && s.includes('\r'))) return s;
  if (breaks) return s.replace(/\r\n?/gu, '\n').replace(UNSAFE_ALL, '');
  return s.replace(/[\t\n\r]/gu, ' ').replace(UNSAFE_ALL, '');
}

/**
 * Every string inside plain objects and arrays made printable (a report's model, before it is
 * laid out as text or Word): other values are kept as they are.
 */
export function printableDeep<T>(v: T): T {
  if (typeof v === 'string') return printable(v) as T;
  if (Array.isArray(v)) return v.map(printableDeep) as T;
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, printableDeep(x)])) as T;
  return v;
}

/**
 * JSON text with every character a terminal could act on escaped as \uXXXX: JSON.stringify
 * escapes C0 controls but leaves DEL, C1 controls, bidi controls and U+2028/2029 raw. Still
 * valid JSON that parses back to the same value.
 */
export function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/**
 * A cell quoted in a message, cut to `max` characters (a 10 MB cell is never echoed whole) and
 * made printable: `"abc…" (đã cắt, dài 10.485.760 ký tự)`.
 */
export function excerpt(s: string, max = 40): string {
  if (s.length <= max) return `"${printable(s).trim()}"`;
  let cut = s.slice(0, max);
  if (/[\ud800-\udbff]$/u.test(cut)) cut = cut.slice(0, -1); // never half a character
  return `"${printable(cut).trim()}…" (đã cắt, dài ${formatInt(s.length)} ký tự)`;
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

// Made on first use: loading the Vietnamese collation costs start-up time that `status --json` never needs.
let collator: Intl.Collator | undefined;

/** Vietnamese alphabetical order (a ă â b c d đ e ê …), numbers inside names in numeric order. */
export function compareVi(a: string, b: string): number {
  collator ??= new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
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

/** `HH:mm dd/mm/yyyy` in local time: when something happened, said in a message. */
export function formatTimeDate(d: Date): string {
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())} ${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()}`;
}

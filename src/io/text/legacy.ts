// TCVN3 and VNI text inside otherwise good Unicode (a UTF-8 file, a workbook's cells): found
// and converted, field by field. This runs before any control-character cleaning: in TCVN3
// the soft hyphen U+00AD is the letter ư.
//
// Detection counts words: a word that is no Vietnamese syllable as written ("th«n") but is
// one once converted ("thôn") speaks for that font; a word that is a syllable as written and
// stops being one speaks against. Ordinary Unicode Vietnamese and ASCII give nothing to count.
import { TCVN3, VNI } from './legacy-tables.js';
import { isSyllable, wordsOf } from './syllable.js';

export const LEGACY_FONTS = ['tcvn3', 'vni'] as const;
export type LegacyFont = (typeof LEGACY_FONTS)[number];
export type LegacyMode = LegacyFont | 'auto' | 'none';

/** Letters only Unicode Vietnamese has (Ă Đ Ĩ Ũ Ơ Ư, the U+1EA0 block, combining tones). */
const UNICODE_ONLY = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u0323]/u;
const LATIN1_HIGH = /[\u00a0-\u00ff]/u;

export function convertTcvn3(s: string): string {
  let out = '';
  for (const ch of s) out += TCVN3.get(ch) ?? ch;
  return out;
}

export function convertVni(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const two = VNI.get(s.slice(i, i + 2));
    if (two !== undefined) {
      out += two;
      i += 2;
      continue;
    }
    const ch = s[i]!;
    out += VNI.get(ch) ?? ch;
    i++;
  }
  return out;
}

export const CONVERTERS: Record<LegacyFont, (s: string) => string> = { tcvn3: convertTcvn3, vni: convertVni };

/** A field the converters may touch: it has Latin-1 letters and no letter only Unicode has. */
export function isLegacyCandidate(field: string): boolean {
  return LATIN1_HIGH.test(field) && !UNICODE_ONLY.test(field);
}

export interface LegacyScore {
  gain: number; // words that become syllables
  loss: number; // syllables that stop being ones
}

/** Words with non-ASCII letters that are no syllable. */
function oddWords(text: string): number {
  let n = 0;
  for (const w of wordsOf(text)) if (/[^\u0000-\u007f]/u.test(w) && !isSyllable(w)) n++;
  return n;
}

/**
 * Per candidate field, how many odd words each font's reading removes (gain) or adds (loss)
 * against the baseline reading: the text as it is, or, for a one-byte file, its
 * Windows-1258 reading (so Excel's own CSV is not taken for TCVN3).
 */
export function scoreLegacy(fields: Iterable<string>, baseline: (field: string) => string = (f) => f): Record<LegacyFont, LegacyScore> {
  const score = { tcvn3: { gain: 0, loss: 0 }, vni: { gain: 0, loss: 0 } };
  for (const field of fields) {
    if (!isLegacyCandidate(field)) continue;
    const base = oddWords(baseline(field));
    for (const font of LEGACY_FONTS) {
      const diff = base - oddWords(CONVERTERS[font](field));
      if (diff > 0) score[font].gain += diff;
      else score[font].loss -= diff;
    }
  }
  return score;
}

/** The font the fields were typed in, or null for Unicode. */
export function detectLegacy(fields: Iterable<string>, baseline?: (field: string) => string): LegacyFont | null {
  const score = scoreLegacy(fields, baseline);
  const net = (f: LegacyFont) => score[f].gain - 2 * score[f].loss;
  const best = net('tcvn3') >= net('vni') ? 'tcvn3' : 'vni';
  return score[best].gain > 0 && net(best) > 0 ? best : null;
}

export interface LegacyPlan {
  font: LegacyFont | null;
  /** A field as it should be read: converted when it is a candidate and a font was found. */
  convert(field: string): string;
}

/** Decide once for a whole file (`mode` forces a font or none), then convert field by field. */
export function planLegacy(fields: Iterable<string>, mode: LegacyMode, baseline?: (field: string) => string): LegacyPlan {
  const font = mode === 'auto' ? detectLegacy(fields, baseline) : mode === 'none' ? null : mode;
  if (!font) return { font: null, convert: (f) => f };
  const conv = CONVERTERS[font];
  return { font, convert: (f) => (isLegacyCandidate(f) ? conv(f).normalize('NFC') : f) };
}

// A delimited text's fields, for detection and conversion: TCVN3 and VNI never use these
// characters, so converting between them cannot move a delimiter, a quote or a line break.
const SEPARATORS = ',;\t"\r\n';
const FIELD_SEPARATORS = new RegExp(`([${SEPARATORS}]+)`, 'u');
const SEPARATOR_CODES = new Set([...SEPARATORS].map((c) => c.charCodeAt(0)));

export interface LegacyText {
  text: string;
  font: LegacyFont | null;
  /** The first field that changed, before and after (for the dry run and the summary). */
  sample: { before: string; after: string } | null;
}

export function convertLegacyText(text: string, mode: LegacyMode, baseline?: (field: string) => string): LegacyText {
  const plan = planLegacy(latinFields(text), mode, baseline);
  if (!plan.font) return { text, font: null, sample: null };
  return { ...convertFields(text.split(FIELD_SEPARATORS), plan), font: plan.font };
}

/**
 * The fields of a delimited text (as split by FIELD_SEPARATORS) that hold a Latin-1 letter: the
 * only ones detection looks at (isLegacyCandidate). Found without splitting the rest: a 2,000-team
 * year's file is ~600,000 fields, nearly all numbers, and splitting it was ~130 ms of its import.
 */
export function* latinFields(text: string): Generator<string> {
  const high = new RegExp(LATIN1_HIGH.source, 'gu');
  for (let m = high.exec(text); m; m = high.exec(text)) {
    let start = m.index;
    while (start > 0 && !SEPARATOR_CODES.has(text.charCodeAt(start - 1))) start--;
    let end = m.index + 1;
    while (end < text.length && !SEPARATOR_CODES.has(text.charCodeAt(end))) end++;
    yield text.slice(start, end);
    high.lastIndex = end;
  }
}

/** Text converted field by field with a plan decided before (a file read as a stream converts piece by piece). */
export function convertWithPlan(text: string, plan: LegacyPlan): string {
  return plan.font ? convertFields(text.split(FIELD_SEPARATORS), plan).text : text;
}

function convertFields(parts: string[], plan: LegacyPlan): { text: string; sample: LegacyText['sample'] } {
  let sample: LegacyText['sample'] = null;
  const out = parts.map((p, i) => {
    if (i % 2 === 1) return p;
    const c = plan.convert(p);
    if (!sample && c !== p) sample = { before: p.trim(), after: c.trim() };
    return c;
  });
  return { text: out.join(''), sample };
}

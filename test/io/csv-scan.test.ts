// The CSV scanner (src/io/csv/scan.ts) against csv-parse, the library it replaced, with the
// options the program gave it: on random text made of the characters that matter (quotes,
// delimiters, every line end, a Vietnamese letter, a space), cut into random pieces, both give
// the same records, or both refuse an unclosed quote. Then the cases worth naming.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/domain/random.js';
import { CsvScanner, QuoteNotClosedError } from '../../src/io/csv/scan.js';

const CSV_PARSE_OPTIONS = { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, skip_empty_lines: false };

function byCsvParse(text: string, delimiter: string): string[][] | 'unclosed' {
  try {
    return parse(text, { delimiter, ...CSV_PARSE_OPTIONS }) as string[][];
  } catch (e) {
    if ((e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') return 'unclosed';
    throw e;
  }
}

function byScanner(pieces: string[], delimiter: string): string[][] | 'unclosed' {
  const s = new CsvScanner(delimiter);
  const out: string[][] = [];
  for (const p of pieces) out.push(...s.push(p));
  try {
    out.push(...s.end());
  } catch (e) {
    if (e instanceof QuoteNotClosedError) return 'unclosed';
    throw e;
  }
  return out;
}

/** The text cut at random places (a CR and its LF, a "" pair, may fall on either side). */
function cut(text: string, next: () => number): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    const len = 1 + Math.floor(next() * 6);
    pieces.push(text.slice(at, at + len));
    at += len;
  }
  return pieces;
}

describe('CsvScanner', () => {
  it('gives what csv-parse gives on 20,000 random texts, whole and in random pieces', () => {
    const next = mulberry32(20261203);
    const alphabet = ['a', 'b', '"', '"', ',', ';', '\t', '\r', '\n', '\r\n', 'ễ', ' '];
    let unclosed = 0;
    let differed = 0;
    for (let k = 0; k < 20_000; k++) {
      const length = Math.floor(next() * 14);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const delimiter = [',', ';', '\t'][k % 3]!;
      const expected = byCsvParse(text, delimiter);
      if (expected === 'unclosed') unclosed++;
      for (const pieces of [[text], cut(text, next)]) {
        const got = byScanner(pieces, delimiter);
        if (JSON.stringify(got) !== JSON.stringify(expected)) {
          differed++;
          expect({ text, pieces, got }).toEqual({ text, pieces, got: expected });
        }
      }
    }
    expect(differed).toBe(0);
    // The texts did reach the unclosed-quote refusal, and mostly did not.
    expect(unclosed).toBeGreaterThan(1000);
    expect(unclosed).toBeLessThan(15_000);
  });

  it('reads the cases the officer meets', () => {
    const whole = (text: string, d = ',') => byScanner([text], d);
    expect(whole('')).toEqual([]);
    expect(whole('a\n')).toEqual([['a']]);
    expect(whole('a\n\nb')).toEqual([['a'], [''], ['b']]); // an empty line is a record
    expect(whole('a,\r')).toEqual([['a', '']]);
    expect(whole('"Họp ""thôn""",2\r\n')).toEqual([['Họp "thôn"', '2']]);
    expect(whole('"x\r\ny";1', ';')).toEqual([['x\r\ny', '1']]);
    expect(whole('"ab"x,c')).toEqual([['"ab"x', 'c']]); // a quote closed early: the field is text
    expect(whole('5 "cũ",6')).toEqual([['5 "cũ"', '6']]); // a quote inside a cell is text
    expect(whole('a,"open\n2,3\n')).toBe('unclosed');
    const open = new CsvScanner(',');
    expect(open.push('a,"open\n2')).toEqual([]);
    expect(() => open.end()).toThrow(QuoteNotClosedError);
  });

  it('keeps a CR at the end of one piece and its LF at the start of the next as one line end', () => {
    expect(byScanner(['a,b\r', '\nc'], ',')).toEqual([['a', 'b'], ['c']]);
    expect(byScanner(['a,"b\r', '\nc"\r', '\r\n'], ',')).toEqual([['a', 'b\r\nc'], ['']]);
  });
});

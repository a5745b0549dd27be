// Pure reading rules: UTF-8 only, BOM, `,`/`;`, CRLF/LF, line numbers across quoted cells, formula guard.
import { describe, expect, it } from 'vitest';
import { decodeCsv } from '../../src/io/csv/decode.js';
import { neutraliseFormula, restoreFormula } from '../../src/io/csv/formula.js';
import { detectDelimiter, parseCsv } from '../../src/io/csv/parse.js';
import { FileRefusedError } from '../../src/io/csv/problems.js';
import { enc } from './helpers.js';

describe('decodeCsv', () => {
  it('drops the BOM and normalises to NFC', () => {
    const nfd = 'Đông Sơn'.normalize('NFD');
    expect(nfd).not.toBe('Đông Sơn');
    expect(decodeCsv(enc('\uFEFFten\n' + nfd))).toBe('ten\nĐông Sơn');
  });
  it('refuses a file that is not UTF-8, saying how to re-save it', () => {
    const win1258 = new Uint8Array([0x74, 0x65, 0x6e, 0x0a, 0xd0, 0xf4, 0x6e, 0x67]);
    expect(() => decodeCsv(win1258)).toThrow(FileRefusedError);
    expect(() => decodeCsv(win1258)).toThrow(/CSV UTF-8 \(Comma delimited\)/u);
  });
  it('refuses an empty file', () => {
    expect(() => decodeCsv(new Uint8Array())).toThrow(/rỗng/u);
    expect(() => decodeCsv(enc('\uFEFF \r\n'))).toThrow(/rỗng/u);
  });
});

describe('parseCsv', () => {
  it('detects the delimiter from the header', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b\n1;2;3;4')).toBe(',');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
  });
  it('numbers records by the line they start on, across quoted multi-line cells and any line end', () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n\r\n2,"say ""hi"""\n3,z\r4,\n';
    const recs = parseCsv(text, ',');
    expect(recs.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\r\ny']],
      [4, ['']],
      [5, ['2', 'say "hi"']],
      [6, ['3', 'z']],
      [7, ['4', '']],
    ]);
  });
  it('refuses an unclosed quote, naming its line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n', ',')).toThrow(/dòng 2/u);
  });
});

describe('formula guard', () => {
  it('guards = + - @ tab CR and undoes exactly one apostrophe', () => {
    for (const s of ['=1+1', '+84912', '-5', '@x', '\tx', '\rx', "'=x", "''-x"]) {
      expect(neutraliseFormula(s)).toBe(`'${s}`);
      expect(restoreFormula(neutraliseFormula(s))).toBe(s);
    }
    for (const s of ['Hỗ trợ', "'hello", '1-2', '']) {
      expect(neutraliseFormula(s)).toBe(s);
      expect(restoreFormula(s)).toBe(s);
    }
  });
});

// COPY text format: what every engine's copyRows sends. Pure.
import { describe, expect, it } from 'vitest';
import { copyCell, copyText } from '../../src/db/copy-text.js';

describe('COPY text format', () => {
  it('escapes backslash, tab, newline and carriage return; \\N is NULL', () => {
    expect(copyCell(null)).toBe('\\N');
    expect(copyCell('a\tb')).toBe('a\\tb');
    expect(copyCell('dòng 1\ndòng 2\r\n')).toBe('dòng 1\\ndòng 2\\r\\n');
    expect(copyCell('C:\\thư mục')).toBe('C:\\\\thư mục');
    expect(copyCell('\\N')).toBe('\\\\N'); // the text "\N" is not NULL
    expect(copyCell('Tổ Đông Sơn')).toBe('Tổ Đông Sơn');
    expect(copyCell(42)).toBe('42');
    expect(copyCell(true)).toBe('t');
    expect(copyCell(false)).toBe('f');
  });

  it('refuses a number COPY cannot carry', () => {
    expect(() => copyCell(Number.NaN)).toThrow();
    expect(() => copyCell(Number.POSITIVE_INFINITY)).toThrow();
  });

  it('one line per row, tab between columns, every line ended', () => {
    expect(copyText([[1, 'a', null], [2, 'b\tc', 'x']])).toEqual({ text: '1\ta\t\\N\n2\tb\\tc\tx\n', rows: 2 });
    expect(copyText([])).toEqual({ text: '', rows: 0 });
  });
});

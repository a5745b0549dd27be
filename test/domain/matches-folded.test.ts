// Filtering against a haystack folded once per load answers exactly like matchesQuery.
import { describe, expect, it } from 'vitest';
import { fold, matchesFolded, matchesQuery } from '../../src/domain/text.js';

const FIELDS: [string, string | null][] = [
  ['Tổ CNSCĐ TDP Đông Sơn', 'TDP01'],
  ['Tổ CNSCĐ thôn Đồng Văn', 'THON-DONG'],
  ['Tổ CNSCĐ khu dân cư Hòa Bình', null],
  ['Tổ CNSCĐ làng Hạ Vũ', 'LANG-HAVU'],
];
const QUERIES = ['', '  ', 'dong', 'ĐÔNG', 'dong son', 'son dong', 'hoa binh', 'tdp01', 'x', 'Tổ', 'havu', 'ha vu', 'Hòa  Bình', 'Ha\u0300'];

describe('matchesFolded', () => {
  it('gives the same answers as matchesQuery, query after query', () => {
    for (const q of QUERIES) {
      for (const [name, code] of FIELDS) {
        const hay = [name, code].filter((f): f is string => !!f).map(fold).join(' ');
        expect(matchesFolded(hay, q), `${q} / ${name}`).toBe(matchesQuery(q, name, code));
      }
    }
  });

  it('finds every word anywhere, ignoring diacritics and case; an empty query matches all', () => {
    const hay = fold('Tổ CNSCĐ TDP Đông Sơn TDP01');
    expect(matchesFolded(hay, 'son DONG')).toBe(true);
    expect(matchesFolded(hay, 'dong bac')).toBe(false);
    expect(matchesFolded(hay, '')).toBe(true);
    // The same query against another haystack right after: nothing of the last answer leaks.
    expect(matchesFolded(fold('Bắc Hà'), 'dong')).toBe(false);
    expect(matchesFolded(fold('Bắc Hà'), 'bac')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  addMonths,
  lastFinishedMonth,
  monthRange,
  parseMonth,
  parsePeriod,
  periodLabel,
  periodLastMonth,
  periodMonths,
  quarterStart,
} from '../../src/domain/period.js';
import { compareVi, fold, formatDate, formatDecimal, formatInt, formatPercent, matchesQuery, nfc, parseDate, sortVi } from '../../src/domain/text.js';
import { checkFormMonth, checkReceivedOn, parseValue } from '../../src/domain/validation.js';
import { mulberry32 } from '../../src/domain/random.js';

describe('periods', () => {
  it('parses months, quarters and years', () => {
    expect(parsePeriod('2026-11')).toEqual({ kind: 'month', year: 2026, month: 11 });
    expect(parsePeriod('2026-Q4')).toEqual({ kind: 'quarter', year: 2026, quarter: 4 });
    expect(parsePeriod('2026')).toEqual({ kind: 'year', year: 2026 });
    expect(parsePeriod('2026-13')).toBeNull();
    expect(parsePeriod('2026-Q5')).toBeNull();
  });
  it('names them in Vietnamese with Roman quarters', () => {
    expect(periodLabel(parsePeriod('2026-Q3')!)).toBe('Quý III/2026');
    expect(periodLabel(parsePeriod('2026-Q4')!)).toBe('Quý IV/2026');
    expect(periodLabel(parsePeriod('2026-01')!)).toBe('Tháng 01/2026');
    expect(periodLabel(parsePeriod('2026')!)).toBe('Năm 2026');
  });
  it('a period is evaluated as of its last month', () => {
    expect(periodLastMonth(parsePeriod('2026-Q3')!)).toBe('2026-09');
    expect(periodMonths(parsePeriod('2026-Q1')!)).toEqual(['2026-01', '2026-02', '2026-03']);
  });
  it('month arithmetic across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(quarterStart('2026-11')).toBe('2026-10');
    expect(lastFinishedMonth(new Date(2026, 0, 5))).toBe('2025-12');
    expect(parseMonth('11/2026')).toBe('2026-11');
    // As Excel users type them: M/YYYY, and a date stands for its month.
    expect(parseMonth('3/2026')).toBe('2026-03');
    expect(parseMonth('15/10/2026')).toBe('2026-10');
    expect(parseMonth('2026-10-15')).toBe('2026-10');
    expect(parseMonth('31/02/2026')).toBeNull();
    expect(parseMonth('13/2026')).toBeNull();
  });
});

describe('Vietnamese text', () => {
  it('folds diacritics and case: dong finds Đông', () => {
    expect(fold('Đông Sơn')).toBe('dong son');
    expect(matchesQuery('dong', 'Tổ CNSCĐ TDP Đông Sơn')).toBe(true);
    expect(matchesQuery('DONG son', 'Đông Sơn')).toBe(true);
    expect(matchesQuery('bac', 'Đông Sơn')).toBe(false);
  });
  it('normalises NFD to NFC', () => {
    const nfd = 'Phù Vân'.normalize('NFD');
    expect(nfd).not.toBe('Phù Vân');
    expect(nfc(nfd)).toBe('Phù Vân');
  });
  it('sorts in Vietnamese order', () => {
    expect(sortVi(['Đông', 'Dương', 'Anh', 'Ân', 'Ăn', 'Bình'], (s) => s)).toEqual(['Anh', 'Ăn', 'Ân', 'Bình', 'Dương', 'Đông']);
    expect(compareVi('Tổ 2', 'Tổ 10')).toBeLessThan(0);
  });
  it('formats numbers and dates the Vietnamese way', () => {
    expect(formatInt(1234567)).toBe('1.234.567');
    expect(formatInt(0)).toBe('0');
    expect(formatDecimal(1234.56, 1)).toBe('1.234,6');
    expect(formatPercent(0.8333)).toBe('83,3%');
    expect(formatPercent(0.8)).toBe('80%');
    expect(formatDate('2026-01-05')).toBe('05/01/2026');
  });
  it('parses dd/mm/yyyy and yyyy-mm-dd, refusing impossible dates', () => {
    expect(parseDate('5/1/2026')).toBe('2026-01-05');
    expect(parseDate('2026-01-05')).toBe('2026-01-05');
    expect(parseDate('30/02/2026')).toBeNull();
    expect(parseDate('29/02/2028')).toBe('2028-02-29');
    expect(parseDate('hôm qua')).toBeNull();
  });
});

describe('validation', () => {
  it('a blank figure is null, not 0', () => {
    expect(parseValue('')).toEqual({ ok: true, value: null });
    expect(parseValue('0')).toEqual({ ok: true, value: 0 });
    expect(parseValue('1000000')).toEqual({ ok: true, value: 1000000 });
  });
  it('reads a cell as the rules written as regular expressions do, on random short cells', () => {
    const byRules = (input: string) => {
      let s = input.trim();
      if (s === '') return { ok: true, value: null };
      if (/^\d{1,3}(?:\.\d{3})+$/u.test(s)) s = s.replaceAll('.', '');
      if (!/^\d+$/u.test(s)) {
        if (/^-/u.test(s)) return { ok: false, error: 'Giá trị không được âm' };
        if (/^\d+[.,]\d+$/u.test(s)) return { ok: false, error: 'Chỉ nhập số nguyên (không có phần thập phân hay dấu chấm)' };
        return { ok: false, error: 'Chỉ nhập chữ số (số nguyên từ 0 đến 1.000.000)' };
      }
      return Number(s) > 1_000_000 ? { ok: false, error: 'Giá trị vượt quá 1.000.000' } : { ok: true, value: Number(s) };
    };
    const next = mulberry32(311);
    const alphabet = ['0', '1', '2', '7', '9', '.', '.', ',', '-', ' ', 'x'];
    for (let k = 0; k < 30_000; k++) {
      let cell = '';
      for (let i = Math.floor(next() * 13); i > 0; i--) cell += alphabet[Math.floor(next() * alphabet.length)];
      expect(parseValue(cell), JSON.stringify(cell)).toEqual(byRules(cell));
    }
  });
  it('answers a cell of ten million characters instead of overflowing a stack', () => {
    // Held two bytes a character, as a cell of a file with Vietnamese in it is: /^\d+$/ on that overflowed.
    const wide = (s: string) => `ổ${s}`.slice(1);
    expect(parseValue(wide('7'.repeat(10_000_000) + 'x'))).toEqual({ ok: false, error: 'Chỉ nhập chữ số (số nguyên từ 0 đến 1.000.000)' });
    expect(parseValue(wide('7'.repeat(10_000_000)))).toEqual({ ok: false, error: 'Giá trị vượt quá 1.000.000' });
    expect(parseValue(wide('1' + '.000'.repeat(2_500_000)))).toEqual({ ok: false, error: 'Giá trị vượt quá 1.000.000' });
  });
  it('reads plain digits as the rules do', () => {
    expect(parseValue('007')).toEqual({ ok: true, value: 7 });
    expect(parseValue('01000000')).toEqual({ ok: true, value: 1000000 }); // eight digits: the general rules
    expect(parseValue('1000001')).toEqual({ ok: false, error: 'Giá trị vượt quá 1.000.000' });
    expect(parseValue('9999999')).toEqual({ ok: false, error: 'Giá trị vượt quá 1.000.000' });
    expect(parseValue(' 7')).toEqual({ ok: true, value: 7 });
    expect(parseValue('7\u00a0')).toEqual({ ok: true, value: 7 });
    for (const bad of ['٣', '１２', '7/', '0x1']) expect(parseValue(bad).ok, bad).toBe(false);
  });
  it('reads thousands dots as Excel users type them', () => {
    expect(parseValue('1.200')).toEqual({ ok: true, value: 1200 });
    expect(parseValue(' 12.345 ')).toEqual({ ok: true, value: 12345 });
    expect(parseValue('1.000.000')).toEqual({ ok: true, value: 1000000 });
    expect(parseValue('1.000.001').ok).toBe(false);
    for (const bad of ['1.5', '1,5', '1.20', '1.2000', '.200', '1..200', '1,200']) expect(parseValue(bad).ok, bad).toBe(false);
  });
  it('refuses what is not a whole number 0..1.000.000 with a Vietnamese message', () => {
    for (const bad of ['-1', '1,5', '12.5', 'abc', '1000001']) {
      const r = parseValue(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/[àáảãạâăđêôơư]/u);
    }
  });
  it('refuses future months and received dates outside the rules', () => {
    const now = new Date(2026, 10, 23);
    expect(checkFormMonth('2026-11', now).ok).toBe(true);
    expect(checkFormMonth('2026-12', now).ok).toBe(false);
    expect(checkReceivedOn('24/11/2026', '2026-10', now).ok).toBe(false);
    expect(checkReceivedOn('30/09/2026', '2026-10', now).ok).toBe(false);
    expect(checkReceivedOn('01/10/2026', '2026-10', now)).toEqual({ ok: true, value: '2026-10-01' });
    expect(checkReceivedOn('', '2026-10', now)).toEqual({ ok: true, value: null });
  });
});

describe('schemas speak Vietnamese', () => {
  it('a bad optional date says so in Vietnamese, a blank one is null', async () => {
    const { memberSchema, teamSchema } = await import('../../src/domain/schemas.js');
    const bad = teamSchema.safeParse({ code: 'T1', name: 'Tổ 1', level: 'area', decisionNo: null, decisionDate: '31/02/2026' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]!.message).toBe('Ngày quyết định: ngày không hợp lệ (dd/mm/yyyy)');
    const ok = memberSchema.parse({ fullName: 'Lê Thị Hoa', role: 'to_pho', organisation: '', birthYear: null, phone: '', joinedOn: '', leftOn: null });
    expect(ok).toMatchObject({ joinedOn: null, leftOn: null, phone: null, organisation: null });
  });
});

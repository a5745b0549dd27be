import { describe, expect, it } from 'vitest';
import { pageReducer } from '../../src/ui/components/asOfPage.js';
import { wrapText } from '../../src/io/text-table.js';
import { maxOffset } from '../../src/ui/components/ScrollLines.js';
import { listWindow } from '../../src/ui/components/listWindow.js';
import { displayName } from '../../src/ui/components/teamName.js';
import { homeReducer, initialHome } from '../../src/ui/home/reducer.js';

describe('home state', () => {
  it('←/→ stay between the span start and the last finished month', () => {
    const s = initialHome('2026-10');
    const month = (delta: number) => ({ type: 'month' as const, delta, min: '2026-01', max: '2026-10' });
    expect(homeReducer(s, month(1))).toBe(s);
    expect(homeReducer(s, month(-1)).asOf).toBe('2026-09');
    expect(homeReducer(initialHome('2026-01'), month(-1)).asOf).toBe('2026-01');
  });

  it('filters: typing resets the selection, Esc clears both filters, Enter keeps the selection', () => {
    let s = homeReducer(initialHome('2026-10'), { type: 'cycleStatus' });
    expect(s.statusFilter).toBe('chua_bao_cao');
    s = homeReducer(s, { type: 'startFilter' });
    s = homeReducer(s, { type: 'type', text: 'Đo\u0302ng' }); // NFD from a paste becomes NFC
    expect(s.query).toBe('Đông');
    s = homeReducer(s, { type: 'move', delta: 3, count: 2 });
    expect(s.selected).toBe(1);
    s = homeReducer(s, { type: 'endFilter', clear: false });
    expect(s).toMatchObject({ filtering: false, query: 'Đông', selected: 1 });
    s = homeReducer(s, { type: 'erase' });
    expect(s.query).toBe('Đôn');
    s = homeReducer(s, { type: 'clearFilters' });
    expect(s).toMatchObject({ statusFilter: 'all', query: '', selected: 0 });
  });

  it('the list window keeps the selected row visible', () => {
    for (const sel of [0, 5, 13, 14]) {
      const { start, end } = listWindow(sel, 15, 12);
      expect(sel >= start && sel < end).toBe(true);
      expect(end - start).toBe(12);
    }
    expect(listWindow(0, 3, 12)).toEqual({ start: 0, end: 3 });
  });

  it('short names drop the common "Tổ CNSCĐ" prefix only', () => {
    expect(displayName('Tổ CNSCĐ TDP Đông Sơn')).toBe('TDP Đông Sơn');
    expect(displayName('Tổ Chuyển đổi số cộng đồng thôn Yên')).toBe('thôn Yên');
    expect(displayName('Tổ dân phố 3')).toBe('Tổ dân phố 3');
    // The grid's column and the lists share this one rule.
    expect(displayName('Tổ CĐSCĐ thôn Yên')).toBe('thôn Yên');
    expect(displayName('Tổ CNSCĐ')).toBe('Tổ CNSCĐ');
  });
});

describe('scrolling pages', () => {
  it('scroll is clamped; a new month goes back to the top', () => {
    let s = { asOf: '2026-10', offset: 0 };
    s = pageReducer(s, { type: 'scroll', delta: 50, max: maxOffset(30, 19) });
    expect(s.offset).toBe(11);
    s = pageReducer(s, { type: 'month', delta: -1, min: '2026-01', max: '2026-10' });
    expect(s).toEqual({ asOf: '2026-09', offset: 0 });
    expect(pageReducer(s, { type: 'scroll', delta: -5, max: 11 }).offset).toBe(0);
  });

  it('wraps words to the width', () => {
    expect(wrapText('một hai ba bốn năm', 8, '  ')).toEqual(['  một', '  hai ba', '  bốn', '  năm']);
    expect(wrapText('Mục tiêu toàn phường', 80)).toEqual(['Mục tiêu toàn phường']);
    // A word longer than the room left after the indent is cut, so no line is wider than asked.
    expect(wrapText('Chuyểnđổisốcộngđồng ok', 10, '   ')).toEqual(['   Chuyển…', '   ok']);
  });
});

// The Plan screen's page, pure: its lines, the hints beside the fields, and the scrolling that
// keeps the focused field (with its target's title) in view.
import { describe, expect, it } from 'vitest';
import { PLAN_KEYS, communeKey, planFormValues, targetKey } from '../../src/domain/plan-edit.js';
import { DEFAULT_THRESHOLDS } from '../../src/domain/schemas.js';
import { loadPreset } from '../../src/io/presets.js';
import { planAsides, planFields } from '../../src/ui/plan/fields.js';
import { fieldRows, focusRange, followFocus, planLines, visibleWindow } from '../../src/ui/plan/reducer.js';

const phuVan = loadPreset('phu-van-2026')!.plan;

describe('fields and lines', () => {
  it('one field per target number, labelled by what the number means', () => {
    const defs = planFields(phuVan, 'phuong');
    expect(defs.map((d) => d.label)).toEqual([
      'Tên kế hoạch',
      'Tháng đầu (YYYY-MM)',
      'Tháng cuối (YYYY-MM)',
      'Hạn báo cáo (ngày)',
      'Ngưỡng đạt (%)',
      'Ngưỡng chậm (%)',
      'Mỗi thành viên (hộ)',
      'Mỗi quý (lượt)',
      'Mỗi tháng (ngày)',
      'Mỗi tháng (giờ)',
      'Tỉ lệ (%)',
      'Tỉ lệ (%)',
      'Tỉ lệ (%)',
      'Tổ địa bàn (người)',
      'Tổ cấp phường (người)',
      'Kính gửi (báo cáo)', // the report's recipient, after the plan's fields so the plan's fields keep their places
      'Mã đơn vị (5 chữ số)', // the code the province files bundles by
    ]);
    expect(planFields(phuVan, 'xa').at(-3)!.label).toBe('Tổ cấp xã (người)');
    // Counts take digits only; percentages also take a decimal comma.
    expect(defs.find((d) => d.key === targetKey('per_quarter_luot_ho_tro'))!.kind).toBe('digits');
    expect(defs.find((d) => d.key === targetKey('trained'))!.kind).toBe('text');
  });

  it('every target has a title; its fields follow it in the same group', () => {
    const defs = planFields(phuVan, 'phuong');
    const lines = planLines(phuVan, defs);
    const titles = lines.filter((l) => l.kind === 'text' && l.style === 'title').map((l) => (l.kind === 'text' ? l.text : ''));
    expect(titles).toHaveLength(phuVan.targets.length);
    expect(titles[7]).toBe('8. Số thành viên tối thiểu');
    const fieldLines = lines.filter((l) => l.kind === 'field');
    expect(fieldLines.map((l) => (l.kind === 'field' ? l.key : ''))).toEqual(defs.map((d) => d.key));
    const size = lines.filter((l) => l.group === 'team_size');
    expect(size.map((l) => l.kind)).toEqual(['text', 'text', 'field', 'field']);
  });

  it('hints say what a value means and, when it differs, the preset\'s value', () => {
    const values = { ...planFormValues(phuVan, DEFAULT_THRESHOLDS), [targetKey('per_quarter_luot_ho_tro')]: '40', [PLAN_KEYS.deadlineDay]: '' };
    const preset = planFormValues(phuVan, DEFAULT_THRESHOLDS);
    const a = planAsides(phuVan, values, preset);
    expect(a[targetKey('per_quarter_luot_ho_tro')]).toBe('mẫu: 50');
    expect(a[PLAN_KEYS.deadlineDay]).toBe('trống: hạn là ngày cuối quý · mẫu: 21');
    expect(a[PLAN_KEYS.spanEnd]).toBe('12 tháng, tiến độ chia đều');
    expect(a[communeKey('team_size')]).toBe('trống: như tổ địa bàn');
    expect(a[targetKey('per_member_ho_huong_dan')]).toBeUndefined();
    expect(planAsides(phuVan, values, null)[targetKey('per_quarter_luot_ho_tro')]).toBeUndefined();
  });
});

describe('scrolling', () => {
  it('a message too long beside its field goes under it: two rows', () => {
    expect(fieldRows({ labelWidth: 24, width: 9, columns: 80 })).toBe(1);
    expect(fieldRows({ labelWidth: 24, width: 9, message: 'Tỉ lệ phải từ 0 đến 100%', columns: 80 })).toBe(1);
    expect(fieldRows({ labelWidth: 24, width: 9, aside: 'trống: như tổ địa bàn', message: 'Tổ cấp phường (người): chỉ gõ chữ số', columns: 80 })).toBe(2);
  });

  it('shows what fits, keeping the last row for "còn … dòng" when not everything does', () => {
    expect(visibleWindow([1, 1, 1], 0, 3)).toEqual({ end: 3, more: 0 });
    expect(visibleWindow([1, 1, 1, 1], 0, 3)).toEqual({ end: 2, more: 2 });
    expect(visibleWindow([1, 2, 1], 0, 3)).toEqual({ end: 1, more: 2 });
    expect(visibleWindow([1, 1, 1, 1], 2, 3)).toEqual({ end: 4, more: 0 });
  });

  it('follows the focus with the least scrolling, the group\'s title first', () => {
    const h = Array(20).fill(1) as number[];
    // Below the window: scroll just enough (10 rows: 9 lines and "còn …").
    expect(followFocus(0, h, { first: 10, last: 12 }, 10)).toBe(4);
    // Already visible: stay.
    expect(followFocus(4, h, { first: 5, last: 6 }, 10)).toBe(4);
    // Above: the group's first line becomes the top.
    expect(followFocus(8, h, { first: 3, last: 5 }, 10)).toBe(3);
    // A range taller than the screen: its start wins.
    expect(followFocus(0, h, { first: 5, last: 19 }, 10)).toBe(5);
  });

  it('on the last field the page shows to its end', () => {
    const defs = planFields(phuVan, 'phuong');
    const lines = planLines(phuVan, defs);
    const range = focusRange(lines, communeKey('team_size'), true);
    expect(range.last).toBe(lines.length - 1);
    const heights = lines.map(() => 1);
    const offset = followFocus(0, heights, range, 18);
    expect(visibleWindow(heights, offset, 18)).toEqual({ end: lines.length, more: 0 });
  });
});

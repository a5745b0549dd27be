// The torture checker must be able to fail: a lost value, a partial import, a value nobody wrote
// are caught; an operation in flight at the kill may be wholly there or wholly absent.
import { describe, expect, it } from 'vitest';
import { Model } from './model.js';
import { batchCsv, batchShape, monthBatch, batchMonth, TEAMS } from './shared.js';

const shape = (b: number) => ({ forms: 2, values: 4, sum: 10 + b });

describe('torture model', () => {
  it('committed values must all be there; an in-flight one may or may not be', () => {
    const m = new Model(shape);
    m.begin(1, { kind: 'entry', key: '1|2026-01|a', value: 5 });
    m.commit(1);
    m.begin(2, { kind: 'entry', key: '1|2026-01|b', value: 7 }); // killed before its commit was reported
    expect(m.check({ values: { '1|2026-01|a': 5, '1|2026-01|b': 7 }, batches: {} })).toMatchObject({ lost: [], phantom: [], inFlightApplied: 1 });
    m.begin(3, { kind: 'entry', key: '1|2026-01|a', value: null });
    m.commit(3);
    const r = m.check({ values: { '1|2026-01|a': 5, '1|2026-01|b': 7 }, batches: {} });
    expect(r.lost).toEqual(['1|2026-01|a: ghi null, đọc lại 5']);
    expect(m.check({ values: { '1|2026-01|b': 7, '9|2026-01|a': 1 }, batches: {} }).phantom).toHaveLength(1);
  });

  it('an import is whole or absent; partial is caught; a finished one must be whole', () => {
    const m = new Model(shape);
    m.begin(1, { kind: 'import', batch: 0 });
    m.commit(1);
    m.begin(2, { kind: 'import', batch: 1 });
    const r = m.check({ values: {}, batches: { 0: { forms: 2, values: 4, sum: 10 }, 1: { forms: 1, values: 2, sum: 3 } } });
    expect(r.partialImports).toEqual([1]);
    const m2 = new Model(shape);
    m2.begin(1, { kind: 'import', batch: 0 });
    m2.commit(1);
    expect(m2.check({ values: {}, batches: {} }).lost).toHaveLength(1);
    const m3 = new Model(shape);
    m3.begin(1, { kind: 'import', batch: 4 });
    expect(m3.check({ values: {}, batches: {} })).toMatchObject({ inFlightAbsent: 1, partialImports: [] });
    expect(m3.nextBatch).toBe(5); // never reused
  });

  it('batch files and months agree with the checker', () => {
    expect(monthBatch(batchMonth(37))).toBe(37);
    const csv = batchCsv(3).trim().split('\r\n');
    expect(csv).toHaveLength(TEAMS + 1);
    const sum = csv.slice(1).reduce((a, line) => a + line.split(',').slice(2, 15).reduce((x, v) => x + Number(v), 0), 0);
    expect(sum).toBe(batchShape(3).sum);
  });
});

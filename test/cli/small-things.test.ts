// Issue #10 item 22, the small things of the command line and the short labels.
import { describe, expect, it } from 'vitest';
import { SHORT_LABELS } from '../../src/domain/indicators.js';
import { runCliInProcess } from '../support/cli.js';

describe('small things (issue #10 item 22)', () => {
  it('a wrong --delimiter lists the choices quoted, not "(chọn một trong: ,, ;)"', async () => {
    const r = await runCliInProcess(['export', 'figures', '--period', '2026-10', '--delimiter', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("(chọn một trong: ',', ';')");
  });

  it('short column titles are Vietnamese ("SmartP" was not)', () => {
    expect(SHORT_LABELS.nguoi_co_smartphone).toBe('ĐTTM');
    for (const l of Object.values(SHORT_LABELS)) expect(l).not.toMatch(/Smart/u);
  });
});

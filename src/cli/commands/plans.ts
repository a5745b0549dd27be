import type { Command } from 'commander';
import { monthLabel } from '../../domain/period.js';
import { listPresets } from '../../io/presets.js';
import { renderTable } from '../../io/text-table.js';
import { newCommand } from '../program.js';

export function plansCommand(): Command {
  return newCommand('plans', 'liệt kê các kế hoạch mẫu: mã, tên, thời gian').action(() => {
    const rows = listPresets().map((p) => [
      p.plan.id,
      p.plan.name,
      `${monthLabel(p.plan.span_start)}–${monthLabel(p.plan.span_end)}`,
      p.plan.deadline_day ? `ngày ${p.plan.deadline_day}` : 'cuối quý',
    ]);
    const lines = renderTable(
      [{ title: 'Mã' }, { title: 'Tên kế hoạch' }, { title: 'Thời gian' }, { title: 'Hạn báo cáo quý' }],
      rows,
    );
    process.stdout.write(lines.join('\n') + '\n');
  });
}

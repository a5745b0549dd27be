import type { Command } from 'commander';
import { setupUnit, unitFromName } from '../../db/setup.js';
import { unitSchema } from '../../domain/schemas.js';
import { PRESET_IDS, loadPreset } from '../../io/presets.js';
import { type CommonOptions, withDatabase } from '../context.js';
import { RefusedError } from '../errors.js';
import { newCommand } from '../program.js';

interface InitOptions extends CommonOptions {
  plan: string;
  unit: string;
  officer?: string;
  demo?: boolean;
}

export function initCommand(): Command {
  return newCommand('init', 'tạo dữ liệu cho một xã/phường theo một kế hoạch mẫu')
    .requiredOption('--plan <ID>', `mã kế hoạch mẫu (${PRESET_IDS.join(', ')})`)
    .requiredOption('--unit <NAME>', 'tên xã/phường, ví dụ "phường Phù Vân"')
    .option('--officer <NAME>', 'họ tên cán bộ phụ trách')
    .option('--demo', 'thêm dữ liệu mẫu: 15 tổ, thành viên và 10 tháng số liệu')
    .action(async (_local: InitOptions, cmd: Command) => {
      // --data-dir may be given before or after the command name.
      const opts = cmd.optsWithGlobals<InitOptions>();
      const preset = loadPreset(opts.plan);
      if (!preset) throw new RefusedError(`Không có kế hoạch mẫu "${opts.plan}". Các mã có: ${PRESET_IDS.join(', ')}.`);
      // Check the names before a database is created: a refused init must leave nothing behind.
      const unit = unitSchema.safeParse({ ...unitFromName(opts.unit, preset), province: preset.unit.province, officer: opts.officer ?? null });
      if (!unit.success) throw new RefusedError(unit.error.issues.map((i) => i.message).join('; ') + '.');
      const made = await withDatabase(
        opts,
        'tonghop init',
        (db) => setupUnit(db.db, { preset, unitName: opts.unit, officer: opts.officer ?? null, demo: !!opts.demo }),
        { create: true, writes: 'khởi tạo dữ liệu' },
      );
      const demo = opts.demo ? ` Đã thêm dữ liệu mẫu: ${made.teams} tổ, ${made.members} thành viên, ${made.forms} phiếu.` : '';
      process.stdout.write(`Đã khởi tạo dữ liệu theo "${preset.plan.name}".${demo}\n`);
    });
}

import type { Command } from 'commander';
import { setupProvince } from '../../db/province.js';
import { getUnitIdentity, setUnitCode } from '../../db/unit-level.js';
import { NotInitialisedError } from '../../db/unit.js';
import { setupUnit, unitFromName } from '../../db/setup.js';
import { unitSchema } from '../../domain/schemas.js';
import { checkUnitCode, provinceFromName } from '../../domain/unit-code.js';
import { PRESET_IDS, loadPreset } from '../../io/presets.js';
import { type CommonOptions, withDatabase } from '../context.js';
import { RefusedError, UsageError } from '../errors.js';
import { newCommand } from '../program.js';

interface InitOptions extends CommonOptions {
  plan?: string;
  unit?: string;
  unitCode?: string;
  province?: string;
  officer?: string;
  demo?: boolean;
}

export function initCommand(): Command {
  return newCommand('init', 'tạo dữ liệu cho một xã/phường theo một kế hoạch mẫu, hoặc cho một tỉnh nhận số liệu các xã (--province)')
    .usage('--plan ID --unit "TÊN" [--unit-code MÃ] [tùy chọn] | --province "TÊN"')
    .option('--plan <ID>', `mã kế hoạch mẫu (${PRESET_IDS.join(', ')})`)
    .option('--unit <NAME>', 'tên xã/phường, ví dụ "phường Phù Vân"')
    .option('--unit-code <CODE>', 'mã xã/phường gồm 5 chữ số theo QĐ 19/2025/QĐ-TTg, ví dụ 00004')
    .option('--province <NAME>', 'tạo dữ liệu cho một tỉnh/thành phố nhận tệp tổng hợp của các xã, ví dụ "tỉnh Phú Thọ"')
    .option('--officer <NAME>', 'họ tên cán bộ phụ trách')
    .option('--demo', 'thêm dữ liệu mẫu: 15 tổ, thành viên và 10 tháng số liệu')
    .action(async (_local: InitOptions, cmd: Command) => {
      // --data-dir may be given before or after the command name.
      const opts = cmd.optsWithGlobals<InitOptions>();
      if (opts.province !== undefined) return initProvince(opts);
      if (opts.unitCode !== undefined && opts.plan === undefined && opts.unit === undefined && !opts.demo) return setCode(opts);
      if (opts.plan === undefined) throw new UsageError("thiếu tùy chọn bắt buộc '--plan <ID>' (hoặc --province \"TÊN\" cho một tỉnh)");
      if (opts.unit === undefined) throw new UsageError("thiếu tùy chọn bắt buộc '--unit <NAME>'");
      const preset = loadPreset(opts.plan);
      if (!preset) throw new RefusedError(`Không có kế hoạch mẫu "${opts.plan}". Các mã có: ${PRESET_IDS.join(', ')}.`);
      // Check the names and the code before a database is created: a refused init must leave nothing behind.
      const unit = unitSchema.safeParse({ ...unitFromName(opts.unit, preset), province: preset.unit.province, officer: opts.officer ?? null });
      if (!unit.success) throw new RefusedError(unit.error.issues.map((i) => i.message).join('; ') + '.');
      const code = opts.unitCode === undefined ? null : checkUnitCode(opts.unitCode);
      if (code && !code.ok) throw new RefusedError(code.message);
      const made = await withDatabase(
        opts,
        'tonghop init',
        (db) => setupUnit(db.db, { preset, unitName: opts.unit!, unitCode: code?.code ?? null, officer: opts.officer ?? null, demo: !!opts.demo }),
        { create: true, writes: 'khởi tạo dữ liệu' },
      );
      const demo = opts.demo ? ` Đã thêm dữ liệu mẫu: ${made.teams} tổ, ${made.members} thành viên, ${made.forms} phiếu.` : '';
      process.stdout.write(`Đã khởi tạo dữ liệu theo "${preset.plan.name}".${demo}\n`);
    });
}

async function initProvince(opts: InitOptions): Promise<void> {
  const clash = (['plan', 'unit', 'unitCode', 'demo'] as const).find((k) => opts[k] !== undefined);
  if (clash) throw new UsageError(`--province không dùng cùng --${clash.replace(/[A-Z]/gu, (c) => '-' + c.toLowerCase())}: một tỉnh không có kế hoạch riêng, mỗi xã gửi kế hoạch của mình.`);
  const p = provinceFromName(opts.province!);
  if (!p) throw new RefusedError('Tên tỉnh/thành phố không được để trống (ví dụ "tỉnh Phú Thọ") và không dài quá 100 ký tự.');
  await withDatabase(opts, 'tonghop init', (db) => setupProvince(db.db, p), { create: true, writes: 'khởi tạo dữ liệu' });
  process.stdout.write(`Đã khởi tạo dữ liệu cho ${p.name}: nhập tệp tổng hợp của các xã bằng "tonghop import bundle TỆP…".\n`);
}

/** `init --unit-code CODE` alone: give an existing commune its code (nothing else changes). */
async function setCode(opts: InitOptions): Promise<void> {
  const code = checkUnitCode(opts.unitCode!);
  if (!code.ok) throw new RefusedError(code.message);
  const name = await withDatabase(opts, 'tonghop init', async (db) => {
    const me = await getUnitIdentity(db.db);
    if (!me) throw new NotInitialisedError();
    if (me.level === 'province') throw new RefusedError('Dữ liệu này là của một tỉnh: mã 5 chữ số là của xã/phường.');
    await setUnitCode(db.db, code.code);
    return me.name;
  }, { writes: 'đặt mã đơn vị' });
  process.stdout.write(`Đã đặt mã đơn vị ${code.code} cho ${name}.\n`);
}

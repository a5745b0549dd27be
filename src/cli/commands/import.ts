import type { Command } from 'commander';
import { Argument } from 'commander';
import fs from 'node:fs';
import { IMPORT_KINDS, type ImportKind, runImport, summarise } from '../../io/csv/import.js';
import { FileRefusedError, ImportRefusedError, formatProblem } from '../../io/csv/problems.js';
import { type CommonOptions, withDatabase } from '../context.js';
import { RefusedError, UsageError } from '../errors.js';
import { undoLastImportCommand } from './import-undo.js';
import { newCommand } from '../program.js';

interface ImportOptions extends CommonOptions {
  dryRun?: boolean;
  undoLast?: boolean;
}

/** Every problem on its own line, after a one-line summary: the officer fixes them all at once. */
export function refusalText(err: FileRefusedError | ImportRefusedError, file: string): string {
  const head = err instanceof ImportRefusedError ? `Tệp ${file} bị từ chối, không nhập gì cả: ${err.problems.length} dòng lỗi.` : `Tệp ${file} bị từ chối, không nhập gì cả: ${err.message}`;
  return [head, ...err.problems.map((p) => `  ${formatProblem(p)}`)].join('\n');
}

export function importCommand(): Command {
  return newCommand('import', 'nhập tệp CSV: danh sách tổ, thành viên hoặc số liệu (mẫu ngang hoặc dọc, tự nhận ra)')
    .usage('teams|members|figures TỆP [--dry-run]  |  --undo-last')
    .addArgument(new Argument('[loại]', 'teams (danh sách tổ), members (thành viên) hoặc figures (số liệu)').choices(IMPORT_KINDS))
    .argument('[tệp]', 'đường dẫn tệp CSV (UTF-8, phân cách bằng , hoặc ;)')
    .option('--dry-run', 'chỉ kiểm tra và cho biết sẽ làm gì, không ghi gì')
    .option('--undo-last', 'hoàn tác cả lần nhập gần nhất')
    .action(async (kind: ImportKind | undefined, file: string | undefined, _o: ImportOptions, cmd: Command) => {
      // --data-dir after the command name is taken by the program's option: read both.
      const opts = cmd.optsWithGlobals<ImportOptions>();
      if (opts.undoLast) {
        if (kind || file || opts.dryRun) throw new UsageError('--undo-last không đi cùng loại, tệp hay --dry-run.');
        return undoLastImportCommand(opts);
      }
      if (!kind || !file) throw new UsageError('thiếu loại tệp và đường dẫn tệp (ví dụ: tonghop import figures so-lieu.csv).');
      let bytes: Uint8Array;
      try {
        bytes = fs.readFileSync(file);
      } catch {
        throw new RefusedError(`Không đọc được tệp ${file}: kiểm tra lại đường dẫn.`);
      }
      const out = await withDatabase(opts, 'tonghop import', async (db) => {
        try {
          const r = await runImport(db.db, kind, bytes, { dryRun: !!opts.dryRun });
          if (r.written) await db.checkpoint();
          return r;
        } catch (err) {
          if (err instanceof FileRefusedError || err instanceof ImportRefusedError) throw new RefusedError(refusalText(err, file));
          throw err;
        }
      });
      const lines = summarise(out.check, out.written);
      for (const w of out.check.warnings) lines.push(`Cảnh báo: ${formatProblem(w)}`);
      if (!out.written) lines.push('Chạy thử (--dry-run): chưa ghi gì vào dữ liệu.');
      process.stdout.write(lines.join('\n') + '\n');
    });
}

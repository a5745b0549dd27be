import type { Command } from 'commander';
import { Argument, InvalidArgumentError } from 'commander';
import fs from 'node:fs';
import { IMPORT_KINDS, type ImportKind, runImport, summarise } from '../../io/csv/import.js';
import { type ImportSource, looksLikeWorkbook, openImportFile } from '../../io/source/read.js';
import { ENCODING_OPTIONS, type EncodingOption, parseEncodingOption } from '../../io/text/decode.js';
import { FileRefusedError, ImportRefusedError, formatProblem } from '../../io/csv/problems.js';
import { type CommonOptions, refuseReader, withDatabase } from '../context.js';
import { RefusedError, UsageError } from '../errors.js';
import { undoLastImportCommand } from './import-undo.js';
import { newCommand } from '../program.js';

interface ImportOptions extends CommonOptions {
  dryRun?: boolean;
  undoLast?: boolean;
  encoding: EncodingOption;
  sheet?: string;
}

function encodingArg(value: string): EncodingOption {
  const e = parseEncodingOption(value);
  if (!e) throw new InvalidArgumentError(`chọn một trong: ${ENCODING_OPTIONS.join(', ')}`);
  return e;
}

/** Every problem on its own line, after a one-line summary: the officer fixes them all at once. */
export function refusalText(err: FileRefusedError | ImportRefusedError, file: string): string {
  const head = err instanceof ImportRefusedError ? `Tệp ${file} bị từ chối, không nhập gì cả: ${err.problems.length} dòng lỗi.` : `Tệp ${file} bị từ chối, không nhập gì cả: ${err.message}`;
  return [head, ...err.problems.map((p) => `  ${formatProblem(p)}`)].join('\n');
}

export function importCommand(): Command {
  return newCommand('import', 'nhập tệp CSV, văn bản Unicode (UTF-16) hoặc sổ Excel .xlsx: danh sách tổ, thành viên hoặc số liệu (mẫu ngang hoặc dọc, tự nhận ra)')
    .usage('teams|members|figures TỆP [--dry-run] [--encoding E] [--sheet TÊN]  |  --undo-last')
    .addArgument(new Argument('[loại]', 'teams (danh sách tổ), members (thành viên) hoặc figures (số liệu)').choices(IMPORT_KINDS))
    .argument('[tệp]', 'đường dẫn tệp: .csv/.txt (phân cách bằng , ; hoặc tab) hoặc .xlsx')
    .option('--dry-run', 'chỉ kiểm tra và cho biết sẽ làm gì, không ghi gì')
    .option('--encoding <E>', `mã chữ của tệp: ${ENCODING_OPTIONS.join(', ')} (tự nhận ra nếu không chọn)`, encodingArg, 'auto' as EncodingOption)
    .option('--sheet <TÊN>', 'trang tính của sổ Excel cần đọc (mặc định: trang đầu tiên)')
    .option('--undo-last', 'hoàn tác cả lần nhập gần nhất')
    .addHelpText('after', '\nDữ liệu của tỉnh nhận tệp tổng hợp: tonghop import bundle TỆP… [--dry-run] [--force] (xem "tonghop import bundle --help").')
    .action(async (kind: ImportKind | undefined, file: string | undefined, _o: ImportOptions, cmd: Command) => {
      // --data-dir after the command name is taken by the program's option: read both.
      const opts = cmd.optsWithGlobals<ImportOptions>();
      if (opts.undoLast) {
        if (kind || file || opts.dryRun) throw new UsageError('--undo-last không đi cùng loại, tệp hay --dry-run.');
        return undoLastImportCommand(opts);
      }
      if (!kind || !file) throw new UsageError('thiếu loại tệp và đường dẫn tệp (ví dụ: tonghop import figures so-lieu.csv).');
      if (!opts.dryRun) await refuseReader(opts, 'tonghop import', 'nhập tệp'); // before the file is read; a dry run writes nothing
      let magic: Buffer;
      try {
        if (fs.statSync(file).isDirectory()) throw new Error('a folder');
        magic = Buffer.alloc(4);
        const fd = fs.openSync(file, 'r');
        try {
          fs.readSync(fd, magic, 0, 4, 0);
        } finally {
          fs.closeSync(fd);
        }
      } catch {
        throw new RefusedError(`Không đọc được tệp ${file}: kiểm tra lại đường dẫn.`);
      }
      if (opts.sheet !== undefined && !looksLikeWorkbook(magic, file))
        throw new UsageError(`--sheet chỉ dùng cho sổ Excel (.xlsx); tệp ${file} không phải sổ Excel.`);
      // The file's encoding is decided before the database opens (a wrong file costs nothing); a
      // text file's rows are then read as a stream while they are checked and written.
      let source: ImportSource;
      try {
        source = await openImportFile(file, { encoding: opts.encoding, sheet: opts.sheet });
      } catch (err) {
        if (err instanceof FileRefusedError) throw new RefusedError(refusalText(err, file));
        throw err;
      }
      const out = await withDatabase(opts, 'tonghop import', async (db) => {
        try {
          const r = await runImport(db.db, kind, source, { dryRun: !!opts.dryRun });
          if (r.written) await db.checkpoint();
          return r;
        } catch (err) {
          if (err instanceof FileRefusedError || err instanceof ImportRefusedError) throw new RefusedError(refusalText(err, file));
          throw err;
        }
      }, { communeOnly: `tonghop import ${kind}` });
      const lines = summarise(out.check, out.written, source.info);
      for (const w of out.check.warnings) lines.push(`Cảnh báo: ${formatProblem(w)}`);
      if (!out.written) lines.push('Chạy thử (--dry-run): chưa ghi gì vào dữ liệu.');
      process.stdout.write(lines.join('\n') + '\n');
    });
}

// What durability costs on a large commune (default 2,000 teams × 11 months × 13 values): the
// CHECKPOINT + fsync of the changed files after a typed value and after an import, a full flush,
// the daily backup (size and time) and a restore.
//   node dist/test/torture/cost.js [--teams N]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYNC_MARKER, forgetSynced, syncTree } from '../../src/store/durability.js';
import { setValue } from '../../src/db/forms.js';
import { openDatabase } from '../../src/store/open.js';
import { pgDir } from '../../src/store/data-folder.js';
import { formatBytes } from '../../src/io/backup/describe.js';
import { prepareRestore, swapIn } from '../../src/store/restore.js';
import { writeBackupFile } from '../../src/store/backup.js';
import { importFigures } from '../../src/io/csv/import.js';
import { buildProvince, teamCode } from '../bench/fixtures.js';
import { INDICATORS } from './shared.js';

const i = process.argv.indexOf('--teams');
const TEAMS = i >= 0 ? Number(process.argv[i + 1]) : 2000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-cost-'));
const root = pgDir(dir);
const lines: string[] = [];
const say = (s: string) => {
  lines.push(s);
  process.stdout.write(s + '\n');
};
const time = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await fn();
  return [v, Math.round(performance.now() - t0)];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const size = (d: string): number =>
  fs.readdirSync(d, { withFileTypes: true }).reduce((a, e) => a + (e.isDirectory() ? size(path.join(d, e.name)) : fs.statSync(path.join(d, e.name)).size), 0);

try {
  const db = await openDatabase({ dataDir: dir, command: 'cost', create: true });
  const [built, buildMs] = await time(() => buildProvince(db.db, { teams: TEAMS, from: '2026-01', to: '2026-11' }));
  const [, firstMs] = await time(() => db.checkpoint());
  say(`${built.teams} tổ, ${built.forms} phiếu, ${built.values} số (dựng trong ${buildMs} ms); thư mục dữ liệu ${formatBytes(size(root))}, lần đồng bộ đầu (toàn bộ) ${firstMs} ms`);

  const ck: number[] = [];
  const sy: number[] = [];
  let synced = 0;
  let files = 0;
  for (let n = 0; n < 7; n++) {
    await db.db.transaction((tx) => setValue(tx, 1 + n, '2026-11', 'luot_ho_tro', 100 + n));
    const [, c] = await time(() => db.db.exec('CHECKPOINT'));
    const [st, s] = await time(() => syncTree(root));
    ck.push(c);
    sy.push(s);
    synced = st.synced;
    files = st.files;
  }
  say(`sau một số gõ tay: CHECKPOINT ${median(ck)} ms + fsync ${synced}/${files} tệp ${median(sy)} ms (trung vị của 7)`);

  const csv = [
    ['ma_to', 'thang', ...INDICATORS].join(','),
    ...Array.from({ length: TEAMS }, (_, t) => [teamCode(t), '2026-11', ...INDICATORS.map((_, k) => String((t + k) % 300))].join(',')),
  ].join('\n');
  const [, importMs] = await time(() => importFigures(db.db, csv, { now: new Date(2026, 10, 23) }));
  const [, ckImport] = await time(() => db.db.exec('CHECKPOINT'));
  const [stImport, syImport] = await time(() => syncTree(root));
  say(`sau khi nhập ${TEAMS} phiếu (${TEAMS * INDICATORS.length} số, ${importMs} ms): CHECKPOINT ${ckImport} ms + fsync ${stImport.synced} tệp ${syImport} ms`);

  // A new process with nothing changed: the marker spares it the full flush.
  forgetSynced(root);
  const [stIdle, syIdle] = await time(() => syncTree(root));
  fs.rmSync(path.join(root, SYNC_MARKER));
  forgetSynced(root);
  const [stAll, syAll] = await time(() => syncTree(root));
  say(`tiến trình mới, không có gì thay đổi: ${stIdle.synced} tệp, ${syIdle} ms (không có dấu đồng bộ: ${stAll.synced} tệp, ${syAll} ms)`);

  const file = path.join(dir, 'cost.backup.gz');
  const [b, backupMs] = await time(() => writeBackupFile(db.db, file));
  say(`sao lưu (đọc, nén, ghi, fsync, đọc lại kiểm tra): ${backupMs} ms, ${formatBytes(b.bytes)}`);
  const [, closeMs] = await time(() => db.close());
  const [prepared, prepMs] = await time(() => prepareRestore(dir, file));
  const [, swapMs] = await time(() => swapIn(dir, prepared));
  const [again, reopenMs] = await time(() => openDatabase({ dataDir: dir, command: 'cost' }));
  const n = await again.db.query<{ n: number }>('SELECT count(*)::int AS n FROM form_value');
  await again.close();
  say(`khôi phục: dựng thư mục mới ${prepMs} ms + đổi chỗ ${swapMs} ms; mở lại ${reopenMs} ms (${n.rows[0]!.n} số); đóng (CHECKPOINT + fsync) ${closeMs} ms`);

  // Killed right after an import, before any CHECKPOINT: the next open replays that import's log.
  const script = `
    import { openDatabase } from ${JSON.stringify(new URL('../../src/store/open.js', import.meta.url).href)};
    import { importFigures } from ${JSON.stringify(new URL('../../src/io/csv/import.js', import.meta.url).href)};
    const db = await openDatabase({ dataDir: ${JSON.stringify(dir)}, command: 'cost' });
    await importFigures(db.db, ${JSON.stringify(csv.replaceAll('2026-11', '2026-10'))}, { now: new Date(2026, 10, 23) });
    process.stdout.write('imported');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const [crashed, replayMs] = await time(() => openDatabase({ dataDir: dir, command: 'cost' }));
  const oct = await crashed.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM form f JOIN form_value v ON v.form_id = f.id WHERE f.month = '2026-10'`);
  await crashed.close();
  say(`bị giết ngay sau khi nhập ${TEAMS} phiếu (chưa CHECKPOINT): mở lại (phát lại nhật ký) ${replayMs} ms, tháng 10 có ${oct.rows[0]!.n} số`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

// npm run torture (after npm run build): crash safety, shown. Children do what the officer does —
// type figures field by field, import figures files — on a real data folder and are killed with
// SIGKILL at random moments, over and over. Each new child reopens the folder (PGlite replays its
// log, the stale lock is taken over) and reports what it finds; the parent checks that every value
// reported committed is there and every interrupted import is wholly there or wholly absent.
//   node dist/test/torture/run.js [--kills N] [--seed S] [--max-seconds T] [--keep]
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/store/open.js';
import { saveTeam } from '../../src/db/teams.js';
import { setupUnit } from '../../src/db/setup.js';
import { loadPreset } from '../../src/io/presets.js';
import { mulberry32 } from '../../src/domain/random.js';
import { formatInt } from '../../src/domain/text.js';
import { type CheckResult, Model } from './model.js';
import { type ChildMessage, TEAMS, batchShape, teamCode } from './shared.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const TARGET_KILLS = arg('--kills', 120);
const MIN_KILLS = Math.min(100, TARGET_KILLS);
const MAX_SECONDS = arg('--max-seconds', 150);
const SEED = arg('--seed', Date.now() % 1_000_000);
const KEEP = args.includes('--keep');
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child.js');

// Seedable, so a failing run can be replayed with --seed.
const random = mulberry32(SEED);
const started = Date.now();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-torture-'));

async function setup(): Promise<void> {
  const db = await openDatabase({ dataDir, command: 'torture setup', create: true });
  await setupUnit(db.db, { preset: loadPreset('phu-van-2026')!, unitName: 'phường Thử Nghiệm', officer: null });
  await db.db.transaction(async (tx) => {
    for (let i = 0; i < TEAMS; i++)
      await saveTeam(tx, {
        code: teamCode(i),
        name: `Tổ CNSCĐ số ${i + 1}`,
        level: 'area',
        decisionNo: null,
        decisionDate: null,
        area: { name: `Tổ dân phố ${i + 1}`, kind: 'tổ dân phố', urban: true, households: 300, adults: 800 },
      });
  });
  await db.close();
}

const model = new Model(batchShape);
const totals = { kills: 0, killsInImport: 0, killsBeforeState: 0, commits: 0, importsDone: 0, checks: 0, valuesChecked: 0, inFlightApplied: 0, inFlightAbsent: 0, importsInterrupted: 0 };
const problems: string[] = [];
const reopenMs: number[] = [];
const checkpointMs: number[] = [];

function record(r: CheckResult): void {
  totals.checks++;
  totals.valuesChecked += r.valuesChecked;
  totals.inFlightApplied += r.inFlightApplied;
  totals.inFlightAbsent += r.inFlightAbsent;
  totals.importsInterrupted += r.importsInterrupted;
  for (const l of r.lost) problems.push(`MẤT: ${l}`);
  for (const p of r.partialImports) problems.push(`NHẬP DỞ: lô ${p}`);
  for (const p of r.phantom) problems.push(`LẠ: ${p}`);
}

function spawnChild(): ChildProcess {
  return fork(CHILD, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
}
let spare: ChildProcess | null = null;

/** One child: start it (it was spawned ahead), let it work, kill it at a random moment. */
function cycle(n: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spare ?? spawnChild();
    spare = null;
    child.send({ dataDir, firstBatch: model.nextBatch, seed: SEED * 1000 + n });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    let gotState = false;
    let importing = false;
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      if (!gotState) totals.killsBeforeState++;
      if (importing) totals.killsInImport++;
      child.kill('SIGKILL');
    };
    // Mostly while working; sometimes early, while it opens (the log replay) or reports.
    const early = random() < 0.15;
    let timer = early ? setTimeout(kill, random() * 1500) : null;
    // Messages read after the kill are still true (each was sent after what it reports).
    child.on('message', (m: ChildMessage) => {
      switch (m.t) {
        case 'open':
          if (n > 0) reopenMs.push(m.ms);
          break;
        case 'state':
          gotState = true;
          record(model.check(m));
          spare ??= spawnChild(); // the next one gets ready while this one works
          if (!timer && !killed) timer = setTimeout(kill, 20 + random() * 700);
          break;
        case 'begin':
          model.begin(m.id, m.op);
          if (m.op.kind === 'import') importing = true;
          break;
        case 'commit': {
          model.commit(m.id);
          totals.commits++;
          if (importing) totals.importsDone++;
          importing = false;
          break;
        }
        case 'checkpoint':
          checkpointMs.push(m.ms);
          break;
      }
    });
    // Done when it has exited AND its message channel is drained.
    let exited: [number | null, NodeJS.Signals | null] | null = null;
    let drained = false;
    const finish = () => {
      if (!exited || !drained) return;
      if (timer) clearTimeout(timer);
      const [code, signal] = exited;
      if (signal === 'SIGKILL' && killed) {
        totals.kills++;
        resolve();
      } else reject(new Error(`tiến trình con tự thoát (mã ${code}, ${signal}):\n${stderr}`));
    };
    child.on('exit', (code, signal) => {
      exited = [code, signal];
      finish();
    });
    child.on('disconnect', () => {
      drained = true;
      finish();
    });
  });
}

async function finalCheck(): Promise<number> {
  const t0 = Date.now();
  const db = await openDatabase({ dataDir, command: 'torture check' });
  const ms = Date.now() - t0;
  // The same reading the children do (shared with child.ts by copy: keep in step).
  const v = await db.db.query<{ k: string; value: number }>(
    `SELECT f.team_id || '|' || f.month || '|' || v.indicator AS k, v.value FROM form f JOIN form_value v ON v.form_id = f.id WHERE f.month >= '2026-01'`,
  );
  const b = await db.db.query<{ month: string; forms: number; values: number; sum: number }>(
    `SELECT f.month, count(DISTINCT f.id)::int AS forms, count(v.form_id)::int AS values, coalesce(sum(v.value), 0)::int AS sum
     FROM form f LEFT JOIN form_value v ON v.form_id = f.id WHERE f.month < '2026-01' GROUP BY f.month`,
  );
  const { monthBatch } = await import('./shared.js');
  record(
    model.check({
      values: Object.fromEntries(v.rows.map((r) => [r.k, r.value])),
      batches: Object.fromEntries(b.rows.map((r) => [String(monthBatch(r.month)), { forms: r.forms, values: r.values, sum: r.sum }])),
    }),
  );
  await db.close();
  return ms;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0;
};

await setup();
process.stdout.write(`tonghop torture: ${TEAMS} tổ, hạt giống ${SEED}, thư mục ${dataDir}\n`);
let n = 0;
try {
  while (totals.kills < TARGET_KILLS && model.nextBatch < 300) {
    if (totals.kills >= MIN_KILLS && Date.now() - started > MAX_SECONDS * 1000) break;
    await cycle(n++);
    if (n % 10 === 0) process.stdout.write(`  ${totals.kills} lần giết, ${formatInt(totals.commits)} giao dịch đã xác nhận, ${problems.length} lỗi\n`);
  }
  (spare as ChildProcess | null)?.kill('SIGKILL');
  const finalMs = await finalCheck();
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  const lost = problems.filter((p) => p.startsWith('MẤT')).length;
  const partial = problems.filter((p) => p.startsWith('NHẬP DỞ')).length;
  const summary = [
    `Kết quả torture (hạt giống ${SEED}, ${TEAMS} tổ, ${os.cpus().length} lõi, Node ${process.version}):`,
    `  ${totals.kills} lần SIGKILL (${totals.killsInImport} giữa lúc nhập tệp, ${totals.killsBeforeState} lúc đang mở/khôi phục)`,
    `  ${formatInt(totals.commits)} giao dịch đã xác nhận (${totals.importsDone} lần nhập tệp, mỗi lần ${TEAMS} phiếu × 13 số)`,
    `  ${formatInt(totals.valuesChecked)} lượt kiểm tra số đã lưu qua ${totals.checks} lần mở lại; ${formatInt(model.committed.size)} ô số khác nhau ở lần cuối`,
    `  giao dịch dở dang lúc bị giết: ${totals.inFlightApplied} đã vào trọn vẹn, ${totals.inFlightAbsent} không vào chút nào`,
    `  nhập tệp bị ngắt: ${totals.importsInterrupted}, nhập dở (một phần): ${partial}`,
    `  mất số đã lưu: ${lost}; lỗi khác: ${problems.length - lost - partial}`,
    `  mở lại sau khi bị giết (phát lại nhật ký + khoá cũ): trung vị ${pct(reopenMs, 50)} ms, p95 ${pct(reopenMs, 95)} ms, lớn nhất ${Math.max(0, ...reopenMs)} ms; lần kiểm tra cuối ${finalMs} ms`,
    `  CHECKPOINT + đồng bộ đĩa: trung vị ${pct(checkpointMs, 50)} ms, p95 ${pct(checkpointMs, 95)} ms (${checkpointMs.length} lần)`,
    `  thời gian: ${secs} s`,
  ];
  process.stdout.write(summary.join('\n') + '\n');
  for (const p of problems.slice(0, 20)) process.stdout.write(`  ! ${p}\n`);
  process.exitCode = problems.length || totals.kills < MIN_KILLS ? 1 : 0;
} finally {
  if (!KEEP) fs.rmSync(dataDir, { recursive: true, force: true });
}

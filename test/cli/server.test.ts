// The command line on a real PostgreSQL server (the server project only): the same bytes as the
// embedded database, two imports at once, and a server that cannot be used said in Vietnamese
// (exit 1, no stack trace, never the password, never a hang).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { runCliProcess, tempDir } from '../support/datadir.js';
import { ON_SERVER, freshDatabase, urlOf } from '../support/server.js';

const cli = (...args: string[]) => runCliInProcess(args, { asGiven: true });
const written = (stdout: string) => /^Đã ghi (.+)$/mu.exec(stdout)![1]!;

describe.skipIf(!ON_SERVER)('tonghop on a PostgreSQL server', () => {
  it('init, the three imports and status --json give the same bytes as the embedded database; so do exports', async () => {
    // The three files: the demo commune's roster and figures, exported from an embedded database.
    const source = path.join(tempDir(), 'data');
    const files = tempDir();
    expect((await cli('init', '--plan', 'phu-van-2026', '--unit', 'phường Phù Vân', '--demo', '--data-dir', source)).code).toBe(0);
    const exported = {
      teams: written((await cli('export', 'teams', '--out', files, '--data-dir', source)).stdout),
      members: written((await cli('export', 'members', '--out', files, '--data-dir', source)).stdout),
      figures: written((await cli('export', 'figures', '--period', '2026', '--format', 'long', '--out', files, '--data-dir', source)).stdout),
    };
    const where = { pglite: ['--data-dir', path.join(tempDir(), 'data')], server: ['--database-url', await freshDatabase('blank')] };
    const out: Record<string, string[]> = {};
    for (const [engine, at] of Object.entries(where)) {
      expect((await cli('init', '--plan', 'phu-van-2026', '--unit', 'phường Phù Vân', ...at)).code).toBe(0);
      for (const kind of ['teams', 'members', 'figures'] as const) {
        const r = await cli('import', kind, exported[kind], ...at);
        expect(r.stderr + r.code, `${engine} ${kind}`).toBe('0');
      }
      const status = await cli('status', '--as-of', '2026-11', '--json', ...at);
      expect(status.code).toBe(0);
      const dir = tempDir();
      const figures = fs.readFileSync(written((await cli('export', 'figures', '--period', '2026-Q3', '--out', dir, ...at)).stdout), 'utf8');
      const report = fs.readFileSync(written((await cli('export', 'report', '--period', '2026-Q3', '--out', dir, ...at)).stdout), 'utf8');
      out[engine] = [status.stdout, figures, report];
    }
    expect(JSON.parse(out.server![0]!).teams).toHaveLength(15);
    expect(out.server).toEqual(out.pglite);
  }, 120_000);

  it('two imports at the same moment (two real processes) both succeed, one after the other', async () => {
    const url = await freshDatabase('demo');
    const dir = tempDir();
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    fs.writeFileSync(a, 'ma_to,thang,luot_ho_tro\nTDP01,2026-11,41\nTDP02,2026-11,42\n');
    fs.writeFileSync(b, 'ma_to,thang,luot_ho_tro\nTDP02,2026-11,52\nTDP03,2026-11,53\n');
    const [ra, rb] = await Promise.all([a, b].map((f) => runCliProcess(['import', 'figures', f, '--database-url', url])));
    expect([ra!.stderr + ra!.code, rb!.stderr + rb!.code]).toEqual(['0', '0']);
    const r = await cli('export', 'figures', '--period', '2026-11', '--format', 'long', '--out', dir, '--database-url', url);
    const csv = fs.readFileSync(written(r.stdout), 'utf8');
    expect(csv).toMatch(/TDP01,2026-11,luot_ho_tro,41\r\n/u);
    expect(csv).toMatch(/TDP02,2026-11,luot_ho_tro,(42|52)\r\n/u); // the later of the two wins, whole
    expect(csv).toMatch(/TDP03,2026-11,luot_ho_tro,53\r\n/u);
  }, 180_000);

  it('a wrong password: exit 1 in Vietnamese, the password never shown', async () => {
    const url = urlOf('postgres', { user: 'postgres', password: 'SaiMatKhau-9x7' });
    const r = await runCliProcess(['status', '--database-url', url]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Không dùng được máy chủ postgres@127\.0\.0\.1:\d+\/postgres: sai tên người dùng hoặc mật khẩu/u);
    expect(r.stderr + r.stdout).not.toContain('SaiMatKhau');
    expect(r.stderr).not.toMatch(/\bat /u);
    // A password that is also a word of the message does not blank the message out.
    const sai = await runCliProcess(['status', '--database-url', urlOf('postgres', { user: 'postgres', password: 'sai' })]);
    expect(sai.stderr).toContain(': sai tên người dùng hoặc mật khẩu (người dùng "postgres").');
  });

  it('a server that is down, or does not answer: exit 1 in Vietnamese, no hang; a URL that is not one: exit 2', async () => {
    // A port nobody listens on.
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as net.AddressInfo;
        s.close(() => resolve(port));
      });
    });
    let r = await runCliProcess(['status', '--database-url', `postgres://can_bo:bi-mat-1@127.0.0.1:${closed}/tonghop`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`không nhận kết nối ở cổng ${closed} (máy chủ PostgreSQL chưa chạy, hoặc sai cổng)`);
    expect(r.stderr).not.toContain('bi-mat-1');
    // A port that takes the connection and never says a word: the connect timeout gives up.
    const mute = net.createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((resolve) => mute.once('listening', resolve));
    afterAll(() => void mute.close());
    const port = (mute.address() as net.AddressInfo).port;
    r = await runCliProcess(['status'], { TONGHOP_DATABASE_URL: `postgres://can_bo:bi-mat-1@127.0.0.1:${port}/tonghop` });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('máy chủ không trả lời (quá thời gian chờ kết nối)');
    r = await runCliProcess(['status', '--database-url', 'mysql://can_bo:bi-mat-1@may-chu/tonghop']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không hợp lệ: dùng dạng postgres://');
    expect(r.stderr).not.toContain('bi-mat-1');
  }, 30_000);
});

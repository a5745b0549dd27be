// `tonghop export … --format xlsx|docx` and `tonghop settings` on real data folders: workbooks
// that round-trip (xlsx export → import into a fresh database → CSV export byte-identical to
// the original CSV export), the Word report with the recipient set on the command line, files
// never overwritten, a format that does not fit the export refused as a wrong command line.
// The commands run in this process (support/cli.ts, the program's own runCli: ~30 fewer Node
// starts and WebAssembly compiles); one wrong command line runs as a real process (exit 2 as the
// shell sees it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/datadir.js';
import { runCliInProcess } from '../support/cli.js';

let dir: string;
const ENV = { TONGHOP_TODAY: '2026-12-01' };
const inDir = (data: string) => (...args: string[]) => runCliInProcess([...args, '--data-dir', data], { env: ENV });
const written = (stdout: string) => stdout.trim().replace(/^Đã ghi /u, '');
let src: ReturnType<typeof inDir>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-cli-office-'));
  src = inDir(path.join(dir, 'src'));
  const r = await src('init', '--plan', 'phu-van-2026', '--unit', 'phường Phù Vân', '--demo');
  expect(r.stderr).toBe('');
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('exports as Excel workbooks', () => {
  it('xlsx → import into a fresh database → CSV export is byte-identical to the original CSV export', async () => {
    const csvOut = path.join(dir, 'csv');
    const bookOut = path.join(dir, 'xlsx');
    const csv: Record<string, string> = {};
    const book: Record<string, string> = {};
    for (const [kind, extra] of [['teams', []], ['members', []], ['figures', ['--period', '2026']]] as const) {
      let r = await src('export', kind, ...extra, '--out', csvOut);
      expect(r.code, r.stderr).toBe(0);
      csv[kind] = written(r.stdout);
      r = await src('export', kind, ...extra, '--format', 'xlsx', '--out', bookOut);
      expect(r.code, r.stderr).toBe(0);
      book[kind] = written(r.stdout);
      expect(book[kind]).toMatch(/\.xlsx$/u);
      expect(Buffer.from(fs.readFileSync(book[kind]!).subarray(0, 2)).toString('latin1')).toBe('PK');
    }
    expect(path.basename(book.figures!)).toBe('phuong-phu-van_2026_so-lieu.xlsx');
    expect(fs.readFileSync(csv.figures!, 'utf8')).toContain('ma_to,ten_to,thang,');

    const dst = inDir(path.join(dir, 'dst'));
    expect((await dst('init', '--plan', 'phu-van-2026', '--unit', 'phường Phù Vân')).code).toBe(0);
    for (const kind of ['teams', 'members', 'figures'] as const) {
      const r = await dst('import', kind, book[kind]!);
      expect(r.stderr, kind).toBe('');
      expect(r.stdout).toContain('Mã chữ: sổ Excel (chữ Unicode).');
    }
    const again = path.join(dir, 'again');
    for (const [kind, extra] of [['teams', []], ['members', []], ['figures', ['--period', '2026']]] as const) {
      const r = await dst('export', kind, ...extra, '--out', again);
      expect(fs.readFileSync(written(r.stdout)), kind).toEqual(fs.readFileSync(csv[kind]!));
    }

    // never overwritten: the same export again gets -2
    const r = await src('export', 'figures', '--period', '2026', '--format', 'xlsx', '--out', bookOut);
    expect(written(r.stdout)).toBe(path.join(bookOut, 'phuong-phu-van_2026_so-lieu-2.xlsx'));
  }, 600_000);

  it('a format that does not fit the export is a wrong command line (exit 2)', async () => {
    // The last as a real process: exit 2 as the shell sees it.
    const spawned = (...args: string[]) => runCliProcess([...args, '--data-dir', path.join(dir, 'src')], ENV);
    for (const [run, args] of [
      [src, ['export', 'figures', '--period', '2026', '--format', 'docx']],
      [src, ['export', 'report', '--period', '2026-Q3', '--format', 'xlsx']],
      [src, ['export', 'teams', '--format', 'long']],
      [spawned, ['export', 'teams', '--format', 'pdf']],
    ] as const) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Lỗi');
    }
  }, 300_000);
});

describe('the Word report and its recipient', () => {
  it('settings --recipient is kept and goes into "Kính gửi:"; --no-recipient leaves the dotted line', async () => {
    let r = await src('settings');
    expect(r.stdout).toContain('Nơi nhận báo cáo (Kính gửi): (chưa đặt');
    r = await src('settings', '--recipient', '  Sở Khoa học và Công nghệ   tỉnh Phú Thọ ');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Đã lưu. Nơi nhận báo cáo (Kính gửi): Sở Khoa học và Công nghệ tỉnh Phú Thọ\n');
    r = await src('settings', '--recipient', 'Sở\x1b]0;x\x07');
    expect(r.code).toBe(1);
    expect((await src('settings')).stdout).toContain('Sở Khoa học và Công nghệ tỉnh Phú Thọ');

    const out = path.join(dir, 'docx');
    r = await src('export', 'report', '--period', '2026-Q3', '--format', 'docx', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const file = written(r.stdout);
    expect(path.basename(file)).toBe('phuong-phu-van_2026-Q3_bao-cao.docx');
    const xml = strFromU8(unzipSync(fs.readFileSync(file))['word/document.xml']!);
    const text = xml.replace(/<[^>]+>/gu, '');
    expect(text).toContain('Kính gửi: Sở Khoa học và Công nghệ tỉnh Phú Thọ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('w:w="11906"');

    expect((await src('settings', '--no-recipient')).stdout).toContain('(chưa đặt');
    r = await src('export', 'report', '--period', '2026-Q3', '--format', 'docx', '--out', out);
    expect(written(r.stdout)).toBe(path.join(out, 'phuong-phu-van_2026-Q3_bao-cao-2.docx'));
    const plain = strFromU8(unzipSync(fs.readFileSync(written(r.stdout)))['word/document.xml']!).replace(/<[^>]+>/gu, '');
    expect(plain).toMatch(/Kính gửi: …/u);
    // the .txt stays the default
    r = await src('export', 'report', '--period', '2026-Q3', '--out', out);
    expect(written(r.stdout)).toMatch(/_bao-cao\.txt$/u);
  }, 600_000);
});

// A figures file read as a stream (#16 item 3): its encoding decided from a sample that holds
// every line beyond ASCII, its rows checked and written in batches while it is read, and still
// all or nothing — a row refused near the end lists every refused row and writes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CheckContext, checkFigures } from '../../src/io/csv/figures-check.js';
import { runImport, summarise } from '../../src/io/csv/import.js';
import { FileRefusedError, ImportRefusedError } from '../../src/io/csv/problems.js';
import { isStream, readTableStream } from '../../src/io/csv/table.js';
import { readTable } from '../../src/io/csv/table.js';
import { openImportFile, readImportFile } from '../../src/io/source/read.js';
import { NOW, counts, enc, fingerprint, freshCommune } from './helpers.js';
import { asTcvn3Cells, toCp1258, toUtf16be, toUtf16le } from './text/fixtures.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-stream-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (bytes: Uint8Array | string) => {
  const f = path.join(dir, `f${n++}.csv`);
  fs.writeFileSync(f, bytes);
  return f;
};

const CODES = ['ho_huong_dan', 'luot_ho_tro'];
/** Wide rows for `teams` teams × 10 months, each with an ASCII note of `pad` characters. */
function wide(teams: number, pad: number, last = ''): string {
  const lines = ['ma_to,thang,ho_huong_dan,luot_ho_tro,ghi_chu'];
  for (let i = 0; i < teams; i++) for (let m = 1; m <= 10; m++) lines.push(`T${i},2026-${String(m).padStart(2, '0')},${(i + m) % 50},${m},${'x'.repeat(pad)}`);
  if (last) lines.push(last);
  return lines.join('\r\n') + '\r\n';
}

const sizeOf = (f: string) => fs.statSync(f).size;

describe('the encoding of a file bigger than its sample', () => {
  const late = 'T0,2026-11,1,2,Họp ở nhà văn hóa thôn Hạ Trạch';
  it('Windows-1258 only past the first MiB is read as Windows-1258, as the whole file would be', async () => {
    const f = file(Buffer.concat([Buffer.from(wide(300, 400)), toCp1258(`${late}\r\n`)]));
    expect(sizeOf(f)).toBeGreaterThan(1.1 * 2 ** 20);
    const s = await openImportFile(f);
    const whole = readImportFile(fs.readFileSync(f));
    expect(s.info).toEqual(whole.info);
    expect(s.info.encoding).toContain('Windows-1258');
    const streamed = await rowsOf(s.input);
    expect(streamed).toEqual(readTable(whole.input, SPEC).rows.map((r) => r.cells));
    expect(streamed.at(-1)!.at(-1)).toBe('Họp ở nhà văn hóa thôn Hạ Trạch');
  });

  it('TCVN3 in a UTF-8 file, UTF-16 LE and BE: the same text as the whole file gives', async () => {
    for (const bytes of [
      Buffer.from(wide(300, 400, `T0,2026-11,1,2,${asTcvn3Cells('Họp ở nhà văn hóa thôn')}`), 'utf8'),
      toUtf16le(wide(300, 400, late)),
      toUtf16be(wide(300, 400, late)),
    ]) {
      const f = file(bytes);
      const s = await openImportFile(f);
      const whole = readImportFile(bytes);
      expect(s.info).toEqual(whole.info);
      expect(await rowsOf(s.input)).toEqual(readTable(whole.input, SPEC).rows.map((r) => r.cells));
    }
  });

  it('a byte that is no UTF-8 far into the file, and a NUL far into it, are judged as in a whole file', async () => {
    const body = Buffer.from(wide(300, 400), 'utf8');
    const cp = Buffer.concat([body, Buffer.from('T0,2026-11,1,2,Th\xf4n \xd0\xf4ng\r\n', 'latin1')]);
    expect((await openImportFile(file(cp))).info).toEqual(readImportFile(cp).info);
    const nul = Buffer.concat([body, Buffer.from('T0,2026-11,1,2,\x00\xe9\r\n', 'latin1')]);
    await expect(openImportFile(file(nul))).rejects.toThrow(FileRefusedError);
    expect(() => readImportFile(nul)).toThrow(FileRefusedError);
  });
});

const SPEC = { required: ['ma_to', 'thang'], optional: ['ghi_chu', ...CODES], multiline: ['ghi_chu'], expected: '' };
async function rowsOf(input: Parameters<typeof readTableStream>[0]): Promise<string[][]> {
  const t = await readTableStream(input, SPEC);
  const out: string[][] = [];
  for await (const r of t.rows) out.push(r.cells);
  return out;
}

describe('checked forms are written while the file is read', () => {
  const ctx = (teams: number): CheckContext => ({
    teams: new Map(Array.from({ length: teams }, (_, i) => [`T${i}`, i + 1])),
    indicators: new Set(CODES),
    existing: new Map(),
    activity: new Map(),
    now: NOW,
  });

  it('the first batch reaches the sink before the last MiB is read; the memory held is a batch, not the file', async () => {
    // 3,000 teams × 10 months × 2 values = 60,000 values, ~8 MB: more than one batch of 50,000.
    const f = file(wide(3000, 250));
    const s = await openImportFile(f);
    if (!isStream(s.input)) throw new Error('not streamed');
    let read = 0;
    const writes: { forms: number; read: number }[] = [];
    const check = await checkFigures({ ...s.input, onBytes: (b) => void (read = b) }, ctx(3000), async () => ({
      write: async (forms) => void writes.push({ forms: forms.length, read }),
    }));
    expect(check.problems).toEqual([]);
    expect(check.values).toBe(60_000);
    expect(writes.reduce((a, w) => a + w.forms, 0)).toBe(30_000);
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes[0]!.read).toBeLessThan(sizeOf(f));
  });

  it('after a refused row nothing more goes to the sink, and every refused row is listed', async () => {
    const lines = wide(3000, 250).split('\r\n');
    lines[40_000 / 2] = 'T1,2026-13,1,1,'; // line 20,001
    lines.splice(-1, 0, 'NOPE,2026-01,1,1,'); // the last line
    const f = file(lines.join('\r\n'));
    const s = await openImportFile(f);
    let written = 0;
    const check = await checkFigures(s.input, ctx(3000), async () => ({ write: async (forms) => void (written += forms.length) }));
    expect(check.problems.map((p) => [p.line, p.column])).toEqual([
      [20_001, 'thang'],
      [30_002, 'ma_to'],
    ]);
    expect(written).toBe(0); // the first batch (25,000 forms) would have come after line 20,001
  });
});

describe('a streamed import is one transaction', () => {
  it('refused near its end: nothing written, not even the batch written before; without that row, all of it', async () => {
    const pg = await freshCommune();
    const teams = ['ma_to,ten_to,dia_ban'];
    for (let i = 0; i < 2600; i++) teams.push(`T${i},Tổ ${i},Thôn ${i}`);
    await runImport(pg, 'teams', enc(teams.join('\n')), { now: NOW });
    const before = await fingerprint(pg);
    // 2,600 teams × 10 months × 2 values = 52,000 values: a first batch of 50,000 is written, then the last row is refused.
    const lines = wide(2600, 0).split('\r\n');
    lines.splice(-1, 0, 'T1,2026-11,1,abc,');
    let written = 0;
    const err = await runImport(pg, 'figures', await openImportFile(file(lines.join('\r\n'))), { now: NOW, onProgress: (d) => void (written = d) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRefusedError);
    expect((err as ImportRefusedError).problems.map((p) => p.line)).toEqual([26_002]);
    expect(written).toBeGreaterThanOrEqual(50_000);
    expect(await fingerprint(pg)).toBe(before);
    expect((await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM import_batch')).rows[0]!.n).toBe(1); // the teams'

    const r = await runImport(pg, 'figures', await openImportFile(file(wide(2600, 0))), { now: NOW });
    expect(summarise(r.check, true).at(-1)).toBe('Đã thêm 26.000 phiếu mới, thay 0 phiếu đã có; 52.000 số liệu.');
    expect((await counts(pg)).form_value).toBe(52_000);
  });
});

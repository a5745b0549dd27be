// Untrusted cells (#10 items 15, 16): a control or bidi character anywhere in a row refuses that
// row as `dòng N, cột X`, in the dry run and the real run alike, and nothing is stored; a note may
// hold tab and line breaks; a huge cell is never echoed whole.
import { describe, expect, it } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { type ImportKind, runImport } from '../../src/io/csv/import.js';
import { FileRefusedError, ImportRefusedError, formatProblem } from '../../src/io/csv/problems.js';
import { demoDb } from '../support/db.js';
import { HOSTILE, TERMINAL_SAFE } from '../support/hostile.js';
import { NOW, enc, fingerprint } from './helpers.js';

async function refusal(pg: DbRunner, kind: ImportKind, text: string, dryRun: boolean): Promise<string[]> {
  const before = await fingerprint(pg);
  const err = await runImport(pg, kind, enc(text), { now: NOW, dryRun }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `${kind} ${JSON.stringify(text)}`).toBeInstanceOf(ImportRefusedError);
  expect(await fingerprint(pg)).toBe(before);
  return (err as ImportRefusedError).problems.map(formatProblem);
}

describe('control characters in an imported file', () => {
  // One test per character: five files, each checked twice, is what one test can do under load.
  it.each(HOSTILE.map((h) => [JSON.stringify(h), h]))('%s refuses its row in every kind of file, dry run or not, naming line and column', async (_, h) => {
    const pg = await demoDb();
    const files: [ImportKind, string, string][] = [
      ['teams', `ma_to,ten_to,dia_ban\nTDP01,Tổ Đông Sơn,Thôn 1\nA9,Tổ ${h} mới,Thôn 2\n`, 'dòng 3, cột ten_to'],
      ['members', `ma_to,ho_ten,vai_tro\nTDP01,Nguyễn Văn ${h}An,Thành viên\n`, 'dòng 2, cột ho_ten'],
      ['figures', `ma_to,thang,luot_ho_tro,ghi_chu\nTDP01,2026-10,5,ổn\nTDP02,2026-10,6,khó ${h}khăn\n`, 'dòng 3, cột ghi_chu'],
      ['figures', `ma_to,thang,luot_ho_tro\nTDP01,2026-10,5${h}\n`, 'dòng 2, cột luot_ho_tro'],
      ['figures', `ma_to,thang,chi_so,gia_tri\nTDP01,2026-10,luot_ho_tro,5\nTDP0${h}1,2026-10,luot_ho_tro,5\n`, 'dòng 3, cột ma_to'],
    ];
    for (const [kind, text, where] of files) {
      for (const dryRun of [true, false]) {
        const lines = await refusal(pg, kind, text, dryRun);
        expect(lines, `${kind} ${JSON.stringify(h)}`).toHaveLength(1);
        expect(lines[0]).toContain(where);
        expect(lines[0]).toMatch(/ký tự (điều khiển|đảo chiều chữ) .*U\+/u);
        expect(lines[0]).toMatch(TERMINAL_SAFE);
      }
    }
  });

  it('a header holding one is refused as a whole', async () => {
    const pg = await demoDb();
    const err = await runImport(pg, 'figures', enc('ma_to,thang,luot\x1b]0;x\x07_ho_tro\nTDP01,2026-10,5\n'), { now: NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileRefusedError);
    const lines = (err as FileRefusedError).problems.map(formatProblem);
    expect(lines.join('\n')).toContain('dòng 1, cột thứ 3: tên cột có ký tự điều khiển ESC (U+001B)');
  });

  it('a note keeps its tab and line breaks', async () => {
    const pg = await demoDb();
    await runImport(pg, 'figures', enc('ma_to,thang,luot_ho_tro,ghi_chu\r\nTDP01,2026-10,5,"dòng 1\r\ndòng 2\tcột"\r\n'), { now: NOW });
    const note = await pg.query<{ note: string }>("SELECT note FROM form f JOIN team t ON t.id = f.team_id WHERE t.code = 'TDP01' AND f.month = '2026-10'");
    expect(note.rows[0]!.note).toBe('dòng 1\r\ndòng 2\tcột');
  });

  it('a NUL byte is refused before the database sees it, in the dry run too', async () => {
    const pg = await demoDb();
    const text = 'ma_to,thang,luot_ho_tro,ghi_chu\nTDP01,2026-10,5,a\0b\n';
    expect(await refusal(pg, 'figures', text, true)).toEqual(['dòng 2, cột ghi_chu: ô có ký tự điều khiển NUL (U+0000) ở vị trí 2, không được phép']);
    expect(await refusal(pg, 'figures', text, false)).toHaveLength(1);
  });

  it('a 10 MB cell is cut in the message, and the message says so', async () => {
    const pg = await demoDb();
    const big = '9'.repeat(10 * 1024 * 1024);
    for (const [kind, text] of [
      ['figures', `ma_to,thang,luot_ho_tro\nTDP01,2026-10,${big}x\n`],
      ['figures', `ma_to,thang,luot_ho_tro\n${big},2026-10,1\n`],
      ['members', `ma_to,ho_ten,nam_sinh\nTDP01,An,${big}\n`],
    ] as const) {
      const lines = await refusal(pg, kind, text, true);
      for (const l of lines) {
        expect(l.length).toBeLessThan(200);
        if (l.includes('9999')) expect(l).toContain('đã cắt, dài 10.485.7');
      }
    }
  }, 120_000); // three 10 MB files parsed: slow under load, never timed
});

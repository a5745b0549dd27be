// `tonghop export report` on a province database: the province imports two communes' bundles and
// writes its own report (.txt and .docx) — the one commune command that works there; the commune's
// other exports stay refused. The commands run in this process (support/cli.ts, the program's own
// runCli); the refused export figures runs as a real process (exit 1 as the shell sees it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUnitCode } from '../../src/db/unit-level.js';
import { exportBundle } from '../../src/io/bundle/export.js';
import { demoDb } from '../support/db.js';
import { runCliProcess, tempDir } from '../support/datadir.js';
import { runCliInProcess } from '../support/cli.js';
import { TEST_NOW } from '../support/templates.js';

const TODAY = { TONGHOP_TODAY: '2026-11-23' };
const run = (args: string[]) => runCliInProcess(args, { env: TODAY });

describe('export report on a province database', { timeout: 300_000 }, () => {
  it('writes the province report as .txt and .docx, exit 0; export figures is still refused', async () => {
    const bundles = tempDir('tonghop-goi-');
    const files: string[] = [];
    for (const [code, quarter] of [['00004', 3], ['00010', 2]] as const) {
      const commune = await demoDb();
      await setUnitCode(commune, code);
      files.push((await exportBundle(commune, { kind: 'quarter', year: 2026, quarter }, { outDir: bundles, now: TEST_NOW })).path);
    }
    const prov = tempDir('tonghop-tinh-');
    expect((await run(['init', '--province', 'tỉnh Phú Thọ', '--data-dir', prov])).code).toBe(0);
    const imported = await run(['import', 'bundle', ...files, '--data-dir', prov]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);

    const out = tempDir('tonghop-ra-');
    const txt = await run(['export', 'report', '--period', '2026-Q3', '--out', out, '--data-dir', prov]);
    expect(txt.stderr).toBe('');
    expect(txt.code).toBe(0);
    const txtPath = path.join(out, 'tinh-phu-tho_2026-Q3_bao-cao.txt');
    expect(txt.stdout).toBe(`Đã ghi ${txtPath}\n`);
    const text = fs.readFileSync(txtPath, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    expect(text).toContain('Kết quả hoạt động của Tổ Công nghệ số cộng đồng các xã, phường Quý III năm 2026');
    expect(text).toContain('phường Phù Vân (mã 00010): chưa gửi số liệu');
    expect(text).toContain('2 xã, phường; 1 xã, phường đã gửi số liệu');

    const docx = await run(['export', 'report', '--period', '2026-Q3', '--format', 'docx', '--out', out, '--data-dir', prov]);
    expect(docx.code).toBe(0);
    const bytes = fs.readFileSync(path.join(out, 'tinh-phu-tho_2026-Q3_bao-cao.docx'));
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // Never over an earlier file: the same again is -2.
    const again = await run(['export', 'report', '--period', '2026-Q3', '--out', out, '--data-dir', prov]);
    expect(again.stdout).toContain('tinh-phu-tho_2026-Q3_bao-cao-2.txt');

    const figures = await runCliProcess(['export', 'figures', '--period', '2026-Q3', '--out', out, '--data-dir', prov], TODAY);
    expect(figures.code).toBe(1);
    expect(figures.stderr).toContain('(cấp tỉnh)');
    const early = await run(['export', 'report', '--period', '2027-Q1', '--out', out, '--data-dir', prov]);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('chưa bắt đầu');
  });
});

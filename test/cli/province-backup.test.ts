// A province's backup holds the communes it received (each in its unit_<code> schema): restored
// into a fresh folder, the province's status and each commune's status are what they were.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { dataDirFrom, tempDir } from '../support/datadir.js';

async function cli(...args: string[]): Promise<string> {
  const r = await runCliInProcess(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('backup of a province database', { timeout: 300_000 }, () => {
  it('holds the received communes: after a restore into a fresh folder, status and status --unit are identical', async () => {
    const out = tempDir('tonghop-thu-');
    const bundles: string[] = [];
    for (const code of ['00004', '10117']) {
      const dir = await dataDirFrom('demo');
      await cli('init', '--unit-code', code, '--data-dir', dir);
      bundles.push(/^Đã ghi (.+)$/mu.exec(await cli('export', 'bundle', '--period', '2026-Q3', '--out', out, '--data-dir', dir))![1]!);
    }
    const prov = tempDir('tonghop-tinh-');
    await cli('init', '--province', 'tỉnh Phú Thọ', '--data-dir', prov);
    await cli('import', 'bundle', ...bundles, '--data-dir', prov);
    const file = path.join(out, 'tinh.backup.gz');
    await cli('backup', file, '--data-dir', prov);

    const fresh = tempDir('tonghop-tinh-moi-');
    await cli('restore', file, '--data-dir', fresh);
    const views = [['2026-09'], ['2026-09', '--unit', '00004'], ['2026-09', '--unit', '10117'], ['2026-07', '--unit', '10117']];
    for (const v of views) {
      const before = await cli('status', '--json', '--as-of', ...v, '--data-dir', prov);
      const after = await cli('status', '--json', '--as-of', ...v, '--data-dir', fresh);
      expect(after).toBe(before);
    }
    expect(JSON.parse(await cli('status', '--as-of', '2026-09', '--json', '--data-dir', fresh)).units).toHaveLength(2);

    // Crafted files (checksum recomputed): a received commune's tables missing, or its unit row.
    const crafted = [
      { drop: (t: string) => t.startsWith('unit_10117.'), why: 'thiếu dữ liệu của các đơn vị đã nhận 10117' },
      { drop: (t: string) => t === 'unit_00004.unit', why: 'không có xã/phường nào' },
    ];
    for (const [i, c] of crafted.entries()) {
      const bad = path.join(out, `hong-${i}.backup.gz`);
      fs.writeFileSync(bad, rewrite(fs.readFileSync(file), c.drop));
      const target = tempDir('tonghop-tinh-hong-');
      const r = await runCliInProcess(['restore', bad, '--data-dir', target]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(c.why);
    }
  });
});

/** The backup without the sections `drop` names, its header's counts and checksum made to match. */
function rewrite(gz: Buffer, drop: (table: string) => boolean): Buffer {
  const lines = zlib.gunzipSync(gz).toString('utf8').split('\n');
  const header = JSON.parse(lines[0]!) as { counts: Record<string, number>; sha256: string };
  const body: string[] = [];
  let skipping = false;
  for (const line of lines.slice(1)) {
    if (line && !line.startsWith('[')) {
      const table = (JSON.parse(line) as { table: string }).table;
      skipping = drop(table);
      if (skipping) delete header.counts[table];
    }
    if (!skipping) body.push(line);
  }
  const text = body.join('\n');
  header.sha256 = createHash('sha256').update(text).digest('hex');
  return zlib.gzipSync(JSON.stringify(header) + '\n' + text);
}

// The province's totals through the rendered app over a real province database: c on the
// communes' list opens every indicator totalled across communes, each commune's own commune-view
// totals added up (sums; latest-per-team for stocks); ← steps the month; the key is in the
// footer and the help; Esc comes back to the list.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { afterAll, describe, expect, it } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { setupProvince } from '../../src/db/province.js';
import { listIndicators } from '../../src/db/unit.js';
import { setUnitCode } from '../../src/db/unit-level.js';
import { indicatorNoun } from '../../src/domain/describe.js';
import { formatInt } from '../../src/domain/text.js';
import { exportBundle } from '../../src/io/bundle/export.js';
import { importBundle, readBundleFile } from '../../src/io/bundle/import.js';
import { type CommuneModel, loadCommuneModel } from '../../src/ui/commune/model.js';
import { ProvinceApp } from '../../src/ui/province/ProvinceApp.js';
import { asDatabase, demoDb, emptyDb } from '../support/db.js';
import { TEST_NOW } from '../support/templates.js';
import { KEYS, WAIT_CEILING_MS, waitUntil } from '../support/ui.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-ui-tinh-tong-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A demo commune, its July figures raised by `bump`, sent for Q3; returns its own commune view as of 09/2026. */
async function send(province: DbRunner, code: string, bump: number): Promise<CommuneModel> {
  const commune = await demoDb();
  await setUnitCode(commune, code);
  if (bump) await commune.query(`UPDATE form_value SET value = value + $1 WHERE form_id IN (SELECT id FROM form WHERE month = '2026-07')`, [bump]);
  const { path: file } = await exportBundle(commune, { kind: 'quarter', year: 2026, quarter: 3 }, { outDir: path.join(dir, code), now: TEST_NOW });
  await importBundle(province, file, await readBundleFile(file), { now: TEST_NOW });
  return loadCommuneModel(commune, '2026-09', await listIndicators(commune));
}

describe("the province's totals screen", () => {
  it('totals every indicator across communes as their own commune views do', async () => {
    const province = await emptyDb();
    await setupProvince(province, { name: 'tỉnh Phú Thọ', kind: 'tinh', agency: 'UBND TỈNH PHÚ THỌ' });
    const a = await send(province, '00004', 0);
    const b = await send(province, '00007', 4);
    const r = render(<ProvinceApp database={asDatabase(province)} province="tỉnh Phú Thọ" now={() => TEST_NOW} onExit={() => undefined} />);
    const frame = () => r.lastFrame() ?? '';
    const waitFor = (s: string) => waitUntil(() => frame().includes(s), WAIT_CEILING_MS, s).catch(() => {
      throw new Error(`Không thấy "${s}". Màn hình cuối:\n${frame()}`);
    });
    try {
      await waitFor('2 xã/phường');
      expect(frame()).toContain('c Toàn tỉnh'); // the footer, from the key table
      r.stdin.write('?');
      await waitFor('Tổng hợp các chỉ số của mọi xã/phường');
      r.stdin.write(KEYS.escape);
      await waitFor('2 xã/phường');
      r.stdin.write('c');
      await waitFor('Toàn tỉnh · tính đến tháng 10/2026 · 2 xã/phường, 2 đã gửi đến hết tháng 09/2026');
      r.stdin.write(KEYS.left);
      await waitFor('Toàn tỉnh · tính đến tháng 09/2026');
      const inds = new Map((await listIndicators(await demoDb())).map((i) => [i.code, i]));
      let stocks = 0;
      for (const [i, t] of a.totals.year.entries()) {
        const label = indicatorNoun(t.code, inds);
        const line = frame().split('\n').find((l) => l.toLocaleLowerCase('vi').startsWith(label.toLocaleLowerCase('vi').slice(0, 14)));
        if (!line) continue; // below the page: the first page is enough to check
        const add = (x: CommuneModel, w: 'month' | 'quarter' | 'year') => (x.totals[w][i]!.value ?? 0);
        const nums = line.slice(-46).trim().split(/\s+/u);
        expect(nums.slice(0, 3), t.code).toEqual([formatInt(add(a, 'month') + add(b, 'month')), formatInt(add(a, 'quarter') + add(b, 'quarter')), formatInt(add(a, 'year') + add(b, 'year'))]);
        expect(nums[3]).toBe('2/2');
        if (t.aggregation === 'last') stocks++;
      }
      expect(stocks).toBeGreaterThan(0);
      // Back to the communes.
      expect(frame()).toContain('q/Esc Quay lại');
      r.stdin.write(KEYS.escape);
      await waitFor('Tình hình đến hết tháng 10/2026 — 2 xã/phường');
      expect(frame()).not.toContain('Toàn tỉnh ·');
    } finally {
      r.unmount();
    }
  }, 180_000);
});

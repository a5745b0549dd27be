// `tonghop status` over a database that already holds hostile text (#10 item 15: an older
// version, another tool): the table and the JSON print nothing a terminal would act on, piped
// output carries no escape sequence at all, and the JSON stays valid and faithful.
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/engines/pglite.js';
import { pgDir } from '../../src/store/data-folder.js';
import { dataDirFrom, runCliProcess } from '../support/datadir.js';
import { HOSTILE_NAME, NO_ESCAPES, TERMINAL_SAFE } from '../support/hostile.js';
import { ON_SERVER } from '../support/server.js';

async function poisoned(): Promise<string> {
  const data = await dataDirFrom('demo');
  const pg = await openPglite(pgDir(data));
  await pg.db.query(`UPDATE team SET name = $1 WHERE code = 'TDP01'`, [HOSTILE_NAME]);
  await pg.db.query(`UPDATE plan SET definition = jsonb_set(definition, '{name}', to_jsonb($1::text))`, [`Kế hoạch \x1b]0;x\x07\u202e`]);
  await pg.db.exec('CHECKPOINT');
  await pg.close();
  return data;
}

// The poison is written straight into the embedded folder; the printing is the same on either engine.
describe.skipIf(ON_SERVER)('tonghop status over hostile names (real process, output piped)', () => {
  it('the table: no escape sequence, no control, one line per team', async () => {
    const data = await poisoned();
    const r = await runCliProcess(['status', '--as-of', '2026-10', '--data-dir', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(NO_ESCAPES);
    expect(r.stdout).toMatch(TERMINAL_SAFE);
    const row = r.stdout.split('\n').find((l) => l.startsWith('TDP01'));
    expect(row).toContain('Tổ [2J]0;title]8;;htt');
  });

  it('the JSON: C1 and bidi escaped, still valid, the name as stored', async () => {
    const data = await poisoned();
    const r = await runCliProcess(['status', '--as-of', '2026-10', '--json', '--data-dir', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(NO_ESCAPES);
    expect(r.stdout).toMatch(TERMINAL_SAFE);
    const json = JSON.parse(r.stdout) as { teams: { ma_to: string; ten_to: string }[] };
    expect(json.teams.find((t) => t.ma_to === 'TDP01')!.ten_to).toBe(HOSTILE_NAME);
  });
});

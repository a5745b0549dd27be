// A report carries no control or bidi character (#10 item 15): names, the unit's lines and the
// officer come from outside (an older version, another tool may have stored them raw), and the
// report is e-mailed on and opened in viewers and terminals.
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { loadReportData } from '../../src/io/report/data.js';
import { buildReport } from '../../src/io/report/model.js';
import { renderReport } from '../../src/io/report/render.js';
import { demoDb } from '../support/db.js';
import { HOSTILE_NAME, TERMINAL_SAFE } from '../support/hostile.js';
import { NOW } from './helpers.js';

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

describe('a report over hostile names', () => {
  it('holds none of their control or bidi characters, in the text and in the model the Word file is made of', async () => {
    const pg = await demoDb();
    await pg.query(`UPDATE team SET name = $1`, [HOSTILE_NAME]);
    await pg.query(`UPDATE unit SET name = $1, officer = $2`, ['phường \x07Phù\u0085 Vân', 'Lan \x1b]8;;http://x\x1b\\bấm\x1b]8;;\x1b\\']);
    const d = await loadReportData(pg, parsePeriod('2026-10')!, NOW);
    const text = renderReport(d);
    expect(text).toContain('Phù Vân');
    expect(text).toMatch(TERMINAL_SAFE);
    expect(text).not.toMatch(/\x1b/u);
    for (const s of strings(buildReport(d))) expect(s).toMatch(TERMINAL_SAFE);
  });
});

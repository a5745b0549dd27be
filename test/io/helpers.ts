// Shared helpers for the file tests: a fresh commune on the Phù Vân plan, row counts.
import type { DbRunner } from '../../src/db/database.js';
import { setupUnit } from '../../src/db/setup.js';
import { loadPreset } from '../../src/io/presets.js';
import { emptyDb } from '../support/db.js';
import { TEST_NOW } from '../support/templates.js';

export const NOW = TEST_NOW;


/** A commune on the Phù Vân plan with no teams yet. */
export async function freshCommune(): Promise<DbRunner> {
  const pg = await emptyDb();
  await setupUnit(pg, { preset: loadPreset('phu-van-2026')!, unitName: 'phường Phù Vân', officer: 'Nguyễn Thị Lan' });
  return pg;
}

/** Row counts of every table an import may touch. */
export async function counts(pg: DbRunner): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['area', 'team', 'member', 'training', 'form', 'form_value', 'value_change']) {
    const r = await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    out[t] = r.rows[0]!.n;
  }
  return out;
}

/** A whole-table fingerprint, to prove a refused import changed nothing at all. */
export async function fingerprint(pg: DbRunner): Promise<string> {
  const parts: string[] = [];
  for (const t of ['area', 'team', 'member', 'training', 'form', 'form_value', 'value_change']) {
    const r = await pg.query<{ h: string }>(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t} x`);
    parts.push(`${t}:${r.rows[0]!.h}`);
  }
  return parts.join(' ');
}

export const enc = (s: string) => new TextEncoder().encode(s);

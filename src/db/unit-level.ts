// Which kind of database this is (a commune's or a province's) and the unit's code (migration 005).
// Kept apart from unit.ts so the commune's own unit reads and writes stay as they are.
import { type UnitLevel, checkUnitCode } from '../domain/unit-code.js';
import type { Db } from './database.js';

export interface UnitIdentity {
  level: UnitLevel;
  name: string;
  code: string | null;
}

export async function getUnitIdentity(q: Db): Promise<UnitIdentity | null> {
  const r = await q.query<{ level: UnitLevel; name: string; unit_code: string | null }>('SELECT level, name, unit_code FROM unit WHERE id = 1');
  const row = r.rows[0];
  return row ? { level: row.level, name: row.name, code: row.unit_code } : null;
}

export async function isProvince(q: Db): Promise<boolean> {
  return (await getUnitIdentity(q))?.level === 'province';
}

/** Set (or clear with null) the commune's 5-digit code; the shape is checked here and by the table. */
export async function setUnitCode(q: Db, code: string | null): Promise<void> {
  let value: string | null = null;
  if (code !== null) {
    const c = checkUnitCode(code);
    if (!c.ok) throw new Error(c.message);
    value = c.code;
  }
  await q.query('UPDATE unit SET unit_code = $1 WHERE id = 1', [value]);
}

// Setting up a commune: its unit, the plan from a preset, optionally the demo commune. One transaction.
import type { Preset } from '../domain/schemas.js';
import { cleanText } from '../domain/text.js';
import { loadDemo } from './demo.js';
import type { DbRunner } from './database.js';
import { getUnit, savePlan, saveUnit } from './unit.js';
import { setUnitCode } from './unit-level.js';

export class AlreadyInitialisedError extends Error {
  constructor(name: string) {
    super(`Dữ liệu đã được khởi tạo cho ${name}. Không khởi tạo lại để khỏi mất số liệu; dùng thư mục dữ liệu khác (--data-dir) nếu cần.`);
  }
}

export interface SetupInput {
  preset: Preset;
  unitName: string;
  officer?: string | null;
  /** The 5-digit code of QĐ 19/2025/QĐ-TTg, checked before (domain/unit-code.ts). */
  unitCode?: string | null;
  demo?: boolean;
  now?: Date;
}

/** "phường Phù Vân" → kind phuong, agency "UBND PHƯỜNG PHÙ VÂN". A bare name takes the preset's kind. */
export function unitFromName(name: string, preset: Preset): { name: string; kind: 'xa' | 'phuong'; agency: string } {
  const clean = cleanText(name);
  const m = /^(xã|phường)\s+(.+)$/iu.exec(clean);
  const kind = m ? (m[1]!.toLowerCase() === 'xã' ? 'xa' : 'phuong') : preset.unit.kind;
  const bare = m ? m[2]! : clean;
  const word = kind === 'xa' ? 'xã' : 'phường';
  return { name: `${word} ${bare}`, kind, agency: `UBND ${word} ${bare}`.toLocaleUpperCase('vi') };
}

export async function setupUnit(db: DbRunner, input: SetupInput): Promise<{ teams: number; members: number; forms: number }> {
  return db.transaction(async (tx) => {
    const existing = await getUnit(tx);
    if (existing) throw new AlreadyInitialisedError(existing.name);
    const u = unitFromName(input.unitName, input.preset);
    await saveUnit(tx, { ...u, province: input.preset.unit.province, officer: input.officer ?? null });
    if (input.unitCode) await setUnitCode(tx, input.unitCode);
    const plan = await savePlan(tx, input.preset.plan.id, input.preset.plan);
    if (input.demo) return loadDemo(tx, plan, { now: input.now });
    return { teams: 0, members: 0, forms: 0 };
  });
}

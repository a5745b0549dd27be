// The province's first screen: its communes as of a month, those that sent nothing for the last
// quarter first ("chưa gửi"), then worst first (domain/province.ts).
import type { DbRunner } from '../../db/database.js';
import { provinceStatus } from '../../db/province.js';
import type { Month } from '../../domain/period.js';
import { type UnitStatus, compareUnitsForScreen } from '../../domain/province.js';

export async function loadProvinceRows(db: DbRunner, asOf: Month): Promise<UnitStatus[]> {
  return (await provinceStatus(db, asOf)).sort(compareUnitsForScreen);
}

/** Teams not on track (behind, far behind or without a report). */
export const teamsBehind = (u: UnitStatus): number => u.teams.cham + u.teams.cham_nhieu + u.teams.chua_bao_cao;

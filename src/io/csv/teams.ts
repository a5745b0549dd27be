// Importing the teams file: a row whose ma_to exists updates that team, a new one is added.
// `dia_ban` creates or updates the area; a commune-level team has none. Set-based writes.
import type { Db } from '../../db/database.js';
import { type StagedArea, type StagedTeam } from '../../db/roster-import.js';
import { type TeamRow, listAreas, listTeams } from '../../db/teams.js';
import { type TeamLevel, teamCodeSchema, teamSchema } from '../../domain/schemas.js';
import { cleanText, excerpt, formatDate, parseDate, todayIso } from '../../domain/text.js';
import { parseValue } from '../../domain/validation.js';
import type { Problem } from './problems.js';
import type { Delimiter } from './parse.js';
import { type TableInput, hasColumn, readTable, rowChecker } from './table.js';
import { AREA_KIND_WORDS, areaKindUrban, kindFromAreaName, parseLevel } from './words.js';

export const TEAM_COLUMNS = [
  'ma_to',
  'ten_to',
  'dia_ban',
  'loai_dia_ban',
  'so_ho',
  'so_nguoi_truong_thanh',
  'cap',
  'so_quyet_dinh',
  'ngay_quyet_dinh',
] as const;

export interface TeamsCheck {
  kind: 'teams';
  delimiter: Delimiter;
  rows: number;
  problems: Problem[];
  warnings: Problem[];
  teams: StagedTeam[];
  areas: StagedArea[];
  added: number;
  updated: number;
}

export async function checkTeams(q: Db, text: TableInput, now: Date): Promise<TeamsCheck> {
  const table = readTable(text, {
    required: ['ma_to', 'ten_to'],
    optional: TEAM_COLUMNS.slice(2),
    expected: `Mẫu: ${TEAM_COLUMNS.join(',')}.`,
  });
  const existingTeams = new Map((await listTeams(q, { includeDissolved: true })).map((t) => [t.code, t]));
  const existingAreas = new Map((await listAreas(q)).map((a) => [a.name.toLocaleLowerCase('vi'), a]));
  const problems = table.problems;
  const out: TeamsCheck = { kind: 'teams', delimiter: table.delimiter, rows: table.rows.length, problems, warnings: [], teams: [], areas: [], added: 0, updated: 0 };
  const seenCodes = new Map<string, number>();
  const areas = new Map<string, { area: StagedArea; line: number }>();
  const today = todayIso(now);
  const has = (c: string) => hasColumn(table, c);

  for (const rec of table.rows) {
    const before = problems.length;
    const { line, cell, bad, warn } = rowChecker(table, rec, out);

    const codeParse = teamCodeSchema.safeParse(cell('ma_to'));
    const code = codeParse.success ? codeParse.data : '';
    if (!codeParse.success) bad('ma_to', codeParse.error.issues[0]!.message);
    else if (seenCodes.has(code)) bad('ma_to', `mã tổ ${code} đã có ở dòng ${seenCodes.get(code)}`);
    else seenCodes.set(code, line);
    const old: TeamRow | undefined = existingTeams.get(code);

    const nameParse = teamSchema.shape.name.safeParse(cell('ten_to'));
    if (!nameParse.success) bad('ten_to', nameParse.error.issues[0]!.message);

    // level: cap if given; else from dia_ban; else what the team had
    const areaText = cleanText(cell('dia_ban'));
    let level: TeamLevel;
    const capText = cell('cap').trim();
    if (capText) {
      const l = parseLevel(capText);
      if (!l) bad('cap', `${excerpt(capText)} không phải cấp tổ: dùng area (thôn, làng, tổ dân phố) hoặc commune (xã, phường)`);
      level = l ?? 'area';
    } else if (areaText) level = 'area';
    else if (old && !has('dia_ban')) level = old.level;
    else level = 'commune';

    let areaName: string | null = null;
    if (level === 'commune') {
      // domain.md: a commune-level team has no area (and so no share targets). An officer's
      // sheet may still fill these cells: keep the team, leave them aside, and say so.
      for (const c of ['dia_ban', 'loai_dia_ban', 'so_ho', 'so_nguoi_truong_thanh'])
        if (cell(c).trim()) warn(c, `tổ cấp xã/phường không gắn với địa bàn: bỏ qua ${excerpt(cell(c).trim())}`);
    } else if (!areaText && old && !has('dia_ban') && old.areaName) {
      areaName = old.areaName;
    } else if (!areaText && !nameParse.success) {
      bad('dia_ban', 'tổ cấp thôn/tổ dân phố cần có địa bàn (dia_ban)');
    } else {
      // A village team whose sheet leaves dia_ban blank serves an area named like the team.
      const label = areaText || nameParse.data!;
      if (!areaText) warn('dia_ban', `không ghi địa bàn: dùng tên tổ ${excerpt(label)} làm tên địa bàn`);
      const prev = existingAreas.get(label.toLocaleLowerCase('vi'));
      const name = prev?.name ?? label;
      areaName = name;
      const area: StagedArea = {
        name,
        kind: prev?.kind ?? null,
        urban: prev?.urban ?? false,
        households: prev?.households ?? null,
        adults: prev?.adults ?? null,
      };
      const kindText = cleanText(cell('loai_dia_ban'));
      if (kindText) {
        const urban = areaKindUrban(kindText);
        if (urban !== null) Object.assign(area, { kind: kindText, urban });
        else {
          // An unknown word is kept as the kind; only the urban flag (Ngọc Hồi's urban-only target) needs a guess.
          const guess = kindFromAreaName(name);
          Object.assign(area, { kind: kindText, urban: guess?.urban ?? false });
          warn('loai_dia_ban', `${excerpt(kindText)} không phải loại địa bàn đã biết (${AREA_KIND_WORDS}): coi là ${guess?.urban ? 'đô thị' : 'nông thôn'}`);
        }
      } else if (!prev) {
        const guess = kindFromAreaName(name);
        if (guess) Object.assign(area, guess);
      }
      for (const [c, field] of [
        ['so_ho', 'households'],
        ['so_nguoi_truong_thanh', 'adults'],
      ] as const) {
        if (!has(c)) continue;
        const p = parseValue(cell(c));
        if (!p.ok) bad(c, `${p.error} (${excerpt(cell(c).trim())})`);
        else area[field] = p.value;
      }
      const same = areas.get(name);
      if (same && JSON.stringify(same.area) !== JSON.stringify(area))
        bad('dia_ban', `địa bàn ${excerpt(name)} đã có ở dòng ${same.line} với số hộ, số người hoặc loại khác`);
      else if (!same) areas.set(name, { area, line });
    }

    let decisionNo = old?.decisionNo ?? null;
    if (has('so_quyet_dinh')) {
      const d = teamSchema.shape.decisionNo.safeParse(cell('so_quyet_dinh'));
      if (!d.success) bad('so_quyet_dinh', d.error.issues[0]!.message);
      else decisionNo = d.data;
    }
    let decisionDate = old?.decisionDate ?? null;
    if (has('ngay_quyet_dinh')) {
      const raw = cell('ngay_quyet_dinh').trim();
      const iso = raw ? parseDate(raw) : null;
      if (raw && !iso) bad('ngay_quyet_dinh', `ngày ${excerpt(raw)} không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)`);
      else {
        if (iso && iso > today) warn('ngay_quyet_dinh', `ngày quyết định ${formatDate(iso)} sau ngày hôm nay: tổ chỉ phải báo cáo từ tháng đó`);
        decisionDate = iso;
      }
    }

    if (problems.length === before && nameParse.success) {
      out.teams.push({ code, name: nameParse.data, level, areaName, decisionNo, decisionDate, exists: !!old });
      if (old) out.updated++;
      else out.added++;
    }
  }
  out.areas = [...areas.values()].map((a) => a.area);
  problems.sort((a, b) => a.line - b.line);
  return out;
}

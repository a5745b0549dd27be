import { Box } from 'ink';
import { Text } from '../components/Text.js';
import type { MemberRow } from '../../db/members.js';
import type { TeamRow } from '../../db/teams.js';
import { firstDay, type Month, monthLabel } from '../../domain/period.js';
import { ROLE_LABELS, type Plan } from '../../domain/schemas.js';
import { formatDate, formatInt } from '../../domain/text.js';
import { type TeamWarning, isOverAge } from '../../domain/warnings.js';
import { padCell, truncate } from '../../io/text-table.js';
import { SelectableList } from '../components/SelectableList.js';
import { keyName } from '../keys/hint.js';
import { tint } from '../theme.js';
import { monthsReported, trainedCount, trainingsHeld } from './reducer.js';

export interface TeamViewProps {
  team: TeamRow;
  members: MemberRow[];
  formMonths: string[];
  selectedIndex: number;
  marked: number[];
  warnings: TeamWarning[];
  plan: Plan;
  today: string;
  /** The last month a form is due for (the last finished month). */
  current: Month;
  bodyRows: number;
  columns: number;
}

const MONTH_SYMBOL = { reported: '✓', missing: '✗', future: '·' } as const;
const MONTH_COLOR = { reported: 'ok', missing: 'error', future: undefined } as const;

function areaLine(t: TeamRow): string {
  if (!t.areaName) return 'Tổ cấp xã/phường (không có địa bàn riêng)';
  const kind = [t.areaKind, t.urban === null ? null : t.urban ? 'thành thị' : 'nông thôn'].filter(Boolean).join(', ');
  const hh = t.households === null ? 'chưa có số hộ' : `${formatInt(t.households)} hộ`;
  const adults = t.adults === null ? '' : ` · ${formatInt(t.adults)} người trưởng thành`;
  return `Địa bàn: ${t.areaName}${kind ? ` (${kind})` : ''} · ${hh}${adults}`;
}

export function memberColumns(columns: number) {
  const fixed = 3 + 11 + 15 + 6 + 12 + 12 + 2;
  return { name: Math.max(12, columns - fixed - 1), org: 14 };
}

export function TeamView(p: TeamViewProps) {
  const t = p.team;
  const months = monthsReported(p.plan.span_start, p.plan.span_end, p.formMonths, p.current);
  const held = trainingsHeld(p.members);
  const trained = trainedCount(p.members, firstDay(p.plan.span_start), p.today);
  const w = memberColumns(p.columns);
  const sel = p.members[p.selectedIndex];
  const listRows = Math.max(2, p.bodyRows - 7 - (p.warnings.length ? 1 : 0) - 2);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>
          {t.code} · {t.name}
        </Text>{' '}
        {t.dissolvedOn ? (
          <Text color={tint('muted')}>✗ Đã giải thể từ {formatDate(t.dissolvedOn)}</Text>
        ) : (
          <Text color={tint('ok')}>● Đang hoạt động</Text>
        )}
      </Text>
      <Text wrap="truncate-end">{areaLine(t)}</Text>
      <Text wrap="truncate-end">
        Cấp: {t.level === 'commune' ? 'xã/phường' : 'địa bàn'} · Quyết định thành lập:{' '}
        {t.decisionNo ? `${t.decisionNo}${t.decisionDate ? ` ngày ${formatDate(t.decisionDate)}` : ''}` : t.decisionDate ? `ngày ${formatDate(t.decisionDate)}` : 'chưa ghi'}
      </Text>
      <Text wrap="truncate-end">
        Phiếu tháng ({monthLabel(p.plan.span_start)}–{monthLabel(p.plan.span_end)}):
        {months.map((m) => (
          <Text key={m.month} color={tint(MONTH_COLOR[m.state])}>
            {' '}
            {m.label}
            {MONTH_SYMBOL[m.state]}
          </Text>
        ))}
      </Text>
      <Text wrap="truncate-end">
        Tập huấn: {trained.trained}/{trained.active} thành viên đã tập huấn trong kỳ
        {held.slice(0, 3).map((h) => ` · ${formatDate(h.heldOn)} ${h.topic} (${h.attended})`).join('')}
      </Text>
      {p.warnings.length ? (
        <Text color={tint('warn')} wrap="truncate-end">
          ⚠ {p.warnings.map((x) => x.message).join(' · ')}
        </Text>
      ) : null}
      <Text bold wrap="truncate-end">
        {'   '}
        {padCell('Vai trò', 10)} {padCell('Họ và tên', w.name)} {padCell('Tổ chức', w.org)} {padCell('NS', 5)} {padCell('Điện thoại', 11)}{' '}
        {padCell('Tham gia', 11)} TH
      </Text>
      <SelectableList
        items={p.members}
        selected={p.selectedIndex}
        rows={listRows}
        markWidth={1}
        keyOf={(m) => m.id}
        dim={(m) => !!m.leftOn}
        render={(m) => <MemberCells m={m} marked={p.marked.includes(m.id)} overAge={isOverAge(m, p.plan, p.today)} nameWidth={w.name} orgWidth={w.org} />}
      />
      {p.members.length === 0 ? <Text dimColor>Tổ chưa có thành viên. Bấm {keyName('addMember')} để thêm.</Text> : null}
      {sel ? <MemberDetail m={sel} marked={p.marked.length} dissolved={!!t.dissolvedOn} /> : null}
    </Box>
  );
}

function MemberCells({ m, marked, overAge, nameWidth, orgWidth }: { m: MemberRow; marked: boolean; overAge: boolean; nameWidth: number; orgWidth: number }) {
  const left = !!m.leftOn;
  const birth = m.birthYear === null ? '—' : `${m.birthYear}${overAge ? '!' : ''}`;
  // A Text, not a fragment: its strings are cleaned like every other text on screen (components/Text).
  return (
    <Text>
      {marked ? '✓' : ' '} {padCell(ROLE_LABELS[m.role], 10)} {padCell(truncate(m.fullName, nameWidth), nameWidth)}{' '}
      {padCell(truncate(m.organisation ?? '—', orgWidth), orgWidth)} <Text color={tint(overAge ? 'warn' : undefined)}>{padCell(birth, 5)}</Text>{' '}
      {padCell(m.phone ?? '—', 11)} {padCell(left ? `✗${formatDate(m.leftOn)}` : formatDate(m.joinedOn) || '—', 11)}{' '}
      {padCell(String(m.trainings.length), 2, 'right')}
    </Text>
  );
}

function MemberDetail({ m, marked, dissolved }: { m: MemberRow; marked: number; dissolved: boolean }) {
  const trainings = m.trainings.length ? m.trainings.map((t) => `${formatDate(t.heldOn)} ${t.topic}`).join('; ') : 'chưa có';
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate-end">
        {m.fullName}: tham gia {formatDate(m.joinedOn) || '—'}
        {m.leftOn ? `, rời tổ ${formatDate(m.leftOn)}` : ', đang tham gia'} · tập huấn: {trainings}
      </Text>
      <Text color={tint('accent')} wrap="truncate-end">
        {marked
          ? `Đã đánh dấu ${marked} thành viên: ${keyName('recordTraining')} để ghi tập huấn cho họ`
          : `${keyName('markMember')} đánh dấu thành viên, ${keyName('recordTraining')} ghi tập huấn, ${keyName('moveMember')} chuyển tổ, ${keyName('dissolveTeam')} ${dissolved ? 'khôi phục' : 'giải thể'} tổ`}
      </Text>
    </Box>
  );
}

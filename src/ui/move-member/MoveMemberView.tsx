// Moving a member, drawn from props only: who, the new team found by typing, the date, the result.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import type { MemberRow } from '../../db/members.js';
import type { TeamRow } from '../../db/teams.js';
import { ROLE_LABELS } from '../../domain/schemas.js';
import { formatDate } from '../../domain/text.js';
import { padCell, truncate } from '../../io/text-table.js';
import { SelectableList } from '../components/SelectableList.js';
import { TextField } from '../components/TextField.js';
import { keyName, keyNames } from '../keys/hint.js';
import { tint } from '../theme.js';
import type { MoveCheck, MoveState } from './reducer.js';

export interface MoveMemberViewProps {
  member: MemberRow;
  from: TeamRow | null;
  state: MoveState;
  list: readonly TeamRow[];
  selectedIndex: number;
  checked: MoveCheck;
  busy: boolean;
  bodyRows: number;
  columns: number;
}

export function MoveMemberView({ member, from, state: s, list, selectedIndex, checked, busy, bodyRows, columns }: MoveMemberViewProps) {
  const onTeam = s.focus === 'team';
  const shown = (field: 'team' | 'date') => (s.submitted || (field === 'team' && s.query) ? checked.errors[field] : undefined);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        Chuyển {member.fullName} ({ROLE_LABELS[member.role]}) khỏi {from?.name ?? 'tổ hiện tại'}
      </Text>
      {member.leftOn ? (
        <Text color={tint('error')}>✗ Thành viên đã rời tổ ngày {formatDate(member.leftOn)}: không chuyển được nữa.</Text>
      ) : (
        <Text dimColor wrap="truncate-end">
          Gõ một phần tên hoặc mã tổ mới, {keyNames('fieldUp', 'fieldDown')} chọn, {keyName('nextField')} sang ngày chuyển rồi lần nữa để chuyển. Ở tổ mới là Thành
          viên.
        </Text>
      )}
      <TextField label="Tổ mới (gõ để tìm)" value={s.query} focused={onTeam} labelWidth={20} width={24} error={shown('team')} columns={columns} />
      <SelectableList
        items={list}
        selected={selectedIndex}
        rows={Math.max(1, bodyRows - 9)}
        indent={3}
        active={onTeam}
        keyOf={(t) => t.id}
        render={(t) => (
          <>
            {padCell(truncate(t.code, 14), 14)} {t.name}
          </>
        )}
      />
      <TextField label="Ngày chuyển" value={s.date} focused={!onTeam} labelWidth={20} width={12} error={shown('date')} columns={columns} />
      {checked.to && checked.on ? (
        <Text wrap="truncate-end">
          → Sang <Text bold>{checked.to.name}</Text> từ {formatDate(checked.on)}
        </Text>
      ) : null}
      {busy ? <Text dimColor>Đang chuyển…</Text> : null}
    </Box>
  );
}

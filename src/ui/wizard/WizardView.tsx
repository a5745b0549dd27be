// The first-run wizard, drawn from props only: the plan presets, the commune's and officer's
// names, the demo choice.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { unitFromName } from '../../db/setup.js';
import { monthLabel } from '../../domain/period.js';
import { cleanText } from '../../domain/text.js';
import type { Preset } from '../../domain/schemas.js';
import { selectionMark } from '../components/SelectableList.js';
import { TextField } from '../components/TextField.js';
import { keyName, keyNames } from '../keys/hint.js';
import { tint } from '../theme.js';
import type { WizardState } from './reducer.js';

export interface WizardViewProps {
  state: WizardState;
  presets: readonly Preset[];
  preset: Preset;
  /** Where the database will be: the data folder, or "máy chủ user@host:port/db". */
  where: string;
  columns: number;
}

export function WizardView({ state: s, presets, preset, where, columns }: WizardViewProps) {
  const unit = cleanText(s.unit) ? unitFromName(s.unit, preset) : null;
  const p = preset.plan;
  const deadline = p.deadline_day ? `hạn báo cáo trước ngày ${p.deadline_day} tháng cuối quý` : 'hạn báo cáo: ngày cuối quý';
  return (
    <Box flexDirection="column">
      <Text bold color={tint('accent')}>
        tonghop — khởi tạo lần đầu
      </Text>
      <Text wrap="truncate-end">Chưa có dữ liệu trong {where}.</Text>
      <Text dimColor wrap="truncate-end">
        Chọn kế hoạch của xã/phường, gõ tên, rồi {keyName('nextField')}. Có thể sửa kế hoạch sau.
      </Text>
      <Text> </Text>
      <Text bold={s.field === 'preset'} color={s.field === 'preset' ? tint('accent') : undefined}>
        {selectionMark(s.field === 'preset')}Kế hoạch mẫu ({keyNames('up', 'down')} để chọn, {keyName('nextField')} sang ô sau):
      </Text>
      {presets.map((x, i) => (
        <Text key={x.plan.id} inverse={i === s.presetIndex && s.field === 'preset'} wrap="truncate-end">
          {'    '}
          {i === s.presetIndex ? '●' : '○'} {x.plan.name} ({monthLabel(x.plan.span_start)}–{monthLabel(x.plan.span_end)})
        </Text>
      ))}
      <Text dimColor wrap="truncate-end">
        {'    '}
        {p.targets.length} chỉ tiêu · {deadline}
      </Text>
      <TextField label="Tên xã/phường" value={s.unit} focused={s.field === 'unit'} placeholder={`ví dụ: ${preset.unit.name}`} width={32} labelWidth={24} columns={columns} />
      <Text dimColor wrap="truncate-end">
        {'  '}
        {unit ? `→ ${unit.name} · ${unit.agency}` : ' '}
      </Text>
      <TextField label="Mã đơn vị (5 chữ số)" value={s.unitCode} focused={s.field === 'unitCode'} placeholder="(có thể để trống; để gửi tỉnh)" width={32} labelWidth={24} columns={columns} />
      <TextField label="Cán bộ phụ trách" value={s.officer} focused={s.field === 'officer'} placeholder="(có thể để trống)" width={32} labelWidth={24} columns={columns} />
      <TextField label="Thêm xã/phường mẫu" value={s.demo ? 'Có' : 'Không'} focused={s.field === 'demo'} width={8} labelWidth={24} aside={s.field === 'demo' ? `${keyNames('choicePrev', 'choiceNext')} chọn · 15 tổ và 10 tháng số liệu để thử` : undefined} />
      <Text> </Text>
      {s.busy ? <Text>Đang tạo dữ liệu (vài giây)…</Text> : s.field === 'demo' ? <Text dimColor>{keyName('nextField')} hoặc {keyName('save')} để tạo dữ liệu.</Text> : null}
      {s.error ? <Text color={tint('error')}>✗ {s.error}</Text> : null}
    </Box>
  );
}

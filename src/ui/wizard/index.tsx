// The first-run wizard: no database yet. Pick the commune's plan, type its name and the
// officer's, optionally add the demo commune; then the database is created (from the template
// built at install time), set up in one transaction, flushed, and the app opens on it.
import { Box, Text } from 'ink';
import { useMemo, useReducer } from 'react';
import { type Database, openDatabase } from '../../db/open.js';
import { setupUnit, unitFromName } from '../../db/setup.js';
import { monthLabel } from '../../domain/period.js';
import { cleanText } from '../../domain/text.js';
import { listPresets } from '../../io/presets.js';
import { TextField } from '../components/TextField.js';
import { useKeys } from '../keys/useKeys.js';
import { keyName, keyNames } from '../keys/hint.js';
import { tint } from '../theme.js';
import { useTerminalSize } from '../useTerminalSize.js';
import { initialWizard, wizardProblem, wizardReducer, wizardUnsaved } from './reducer.js';

export interface WizardProps {
  dataDir: string;
  now?: () => Date;
  onReady: (db: Database) => void | Promise<void>;
}

export function Wizard({ dataDir, now, onReady }: WizardProps) {
  const presets = useMemo(() => listPresets(), []);
  const [s, dispatch] = useReducer(wizardReducer, initialWizard);
  const { columns } = useTerminalSize();
  const preset = presets[s.presetIndex]!;

  const finish = async () => {
    const problem = wizardProblem(s);
    if (problem) {
      dispatch({ type: 'error', message: problem });
      return;
    }
    dispatch({ type: 'busy', busy: true });
    let db: Database | null = null;
    try {
      db = await openDatabase({ dataDir, command: 'tonghop (khởi tạo)', create: true });
      await setupUnit(db.db, { preset, unitName: s.unit, officer: cleanText(s.officer) || null, demo: s.demo, now: now?.() });
      await db.checkpoint();
      await onReady(db);
    } catch (e) {
      if (db) await db.close().catch(() => undefined);
      dispatch({ type: 'busy', busy: false });
      dispatch({ type: 'error', message: `Chưa tạo được dữ liệu: ${(e as Error).message}` });
    }
  };

  const choose = (delta: number) => dispatch({ type: 'choose', delta, presetCount: presets.length });
  const onChoice = s.field === 'preset' || s.field === 'demo';
  useKeys(
    'wizard',
    s.busy
      ? {}
      : {
          up: s.field === 'preset' ? () => choose(-1) : () => dispatch({ type: 'prev' }),
          down: s.field === 'preset' ? () => choose(1) : () => dispatch({ type: 'next' }),
          choicePrev: onChoice ? () => choose(-1) : undefined,
          choiceNext: onChoice ? () => choose(1) : undefined,
          nextField: s.field === 'demo' ? () => void finish() : () => dispatch({ type: 'next' }),
          prevField: () => dispatch({ type: 'prev' }),
          save: () => void finish(),
        },
    {
      typing: s.field === 'unit' || s.field === 'officer' ? 'text' : false,
      onText: (text) => dispatch({ type: 'type', text }),
      onBackspace: () => dispatch({ type: 'erase' }),
      unsaved: !s.busy && wizardUnsaved(s),
    },
  );

  const unit = cleanText(s.unit) ? unitFromName(s.unit, preset) : null;
  const p = preset.plan;
  const deadline = p.deadline_day ? `hạn báo cáo trước ngày ${p.deadline_day} tháng cuối quý` : 'hạn báo cáo: ngày cuối quý';
  return (
    <Box flexDirection="column">
      <Text bold color={tint('accent')}>
        tonghop — khởi tạo lần đầu
      </Text>
      <Text wrap="truncate-end">Chưa có dữ liệu trong {dataDir}.</Text>
      <Text dimColor wrap="truncate-end">
        Chọn kế hoạch của xã/phường, gõ tên, rồi {keyName('nextField')}. Có thể sửa kế hoạch sau.
      </Text>
      <Text> </Text>
      <Text bold={s.field === 'preset'} color={s.field === 'preset' ? tint('accent') : undefined}>
        {s.field === 'preset' ? '› ' : '  '}Kế hoạch mẫu ({keyNames('up', 'down')} để chọn, {keyName('nextField')} sang ô sau):
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
      <TextField label="Cán bộ phụ trách" value={s.officer} focused={s.field === 'officer'} placeholder="(có thể để trống)" width={32} labelWidth={24} columns={columns} />
      <TextField label="Thêm xã/phường mẫu" value={s.demo ? 'Có' : 'Không'} focused={s.field === 'demo'} width={8} labelWidth={24} aside={s.field === 'demo' ? `${keyNames('choicePrev', 'choiceNext')} chọn · 15 tổ và 10 tháng số liệu để thử` : undefined} />
      <Text> </Text>
      {s.busy ? <Text>Đang tạo dữ liệu (vài giây)…</Text> : s.field === 'demo' ? <Text dimColor>{keyName('nextField')} hoặc {keyName('save')} để tạo dữ liệu.</Text> : null}
      {s.error ? <Text color={tint('error')}>✗ {s.error}</Text> : null}
    </Box>
  );
}

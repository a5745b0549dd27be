// The first-run wizard: no database yet. Creates it, sets up the unit and plan, optionally the demo.
import { Box, Text } from 'ink';
import { useMemo, useReducer } from 'react';
import { type Database, openDatabase } from '../../db/open.js';
import { setupUnit } from '../../db/setup.js';
import { monthLabel } from '../../domain/period.js';
import { listPresets } from '../../io/presets.js';
import { TextField } from '../components/TextField.js';
import { useKeys } from '../keys/useKeys.js';
import { tint } from '../theme.js';
import { initialWizard, wizardProblem, wizardReducer } from './reducer.js';

export interface WizardProps {
  dataDir: string;
  now?: () => Date;
  onReady: (db: Database) => void | Promise<void>;
  onCancel: () => void;
}

export function Wizard({ dataDir, now, onReady, onCancel }: WizardProps) {
  const presets = useMemo(() => listPresets(), []);
  const [s, dispatch] = useReducer(wizardReducer, initialWizard);

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
      await setupUnit(db.db, { preset: presets[s.presetIndex]!, unitName: s.unit, officer: s.officer || null, demo: s.demo, now: now?.() });
      await db.checkpoint();
      await onReady(db);
    } catch (e) {
      if (db) await db.close().catch(() => undefined);
      dispatch({ type: 'busy', busy: false });
      dispatch({ type: 'error', message: (e as Error).message });
    }
  };

  const choose = (delta: number) => dispatch({ type: 'choose', delta, presetCount: presets.length });
  useKeys(
    'wizard',
    s.busy
      ? {}
      : {
          back: onCancel,
          up: s.field === 'preset' ? () => choose(-1) : () => dispatch({ type: 'prev' }),
          down: s.field === 'preset' ? () => choose(1) : () => dispatch({ type: 'next' }),
          choicePrev: () => choose(-1),
          choiceNext: () => choose(1),
          nextField: s.field === 'demo' ? () => void finish() : () => dispatch({ type: 'next' }),
          prevField: () => dispatch({ type: 'prev' }),
          save: () => void finish(),
        },
    {
      typing: s.field === 'unit' || s.field === 'officer' ? 'text' : false,
      onText: (text) => dispatch({ type: 'type', text }),
      onBackspace: () => dispatch({ type: 'erase' }),
    },
  );

  return (
    <Box flexDirection="column">
      <Text bold color={tint('cyan')}>
        tonghop — khởi tạo lần đầu
      </Text>
      <Text>Chưa có dữ liệu trong {dataDir}. Chọn kế hoạch của xã/phường rồi gõ tên.</Text>
      <Text> </Text>
      <Text bold={s.field === 'preset'} color={s.field === 'preset' ? tint('cyan') : undefined}>
        {s.field === 'preset' ? '› ' : '  '}Kế hoạch mẫu (↑/↓ để chọn):
      </Text>
      {presets.map((p, i) => (
        <Text key={p.plan.id} inverse={i === s.presetIndex && s.field === 'preset'} wrap="truncate-end">
          {'    '}
          {i === s.presetIndex ? '●' : '○'} {p.plan.name} ({monthLabel(p.plan.span_start)}–{monthLabel(p.plan.span_end)})
        </Text>
      ))}
      <TextField label="Tên xã/phường" value={s.unit} focused={s.field === 'unit'} placeholder="ví dụ: phường Phù Vân" width={32} />
      <TextField label="Cán bộ phụ trách" value={s.officer} focused={s.field === 'officer'} placeholder="(có thể để trống)" width={32} />
      <TextField label="Thêm dữ liệu mẫu (←/→)" value={s.demo ? 'Có' : 'Không'} focused={s.field === 'demo'} width={8} />
      <Text> </Text>
      {s.busy ? <Text>Đang tạo dữ liệu…</Text> : null}
      {s.error ? <Text color={tint('red')}>✗ {s.error}</Text> : null}
    </Box>
  );
}

// Draws the Plan screen from props only: a hint line, then the page of fields and the targets'
// titles and notes, scrolled so the focused field shows. Every line is one row (cut, not wrapped).
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import type { FieldDef, FormState } from '../components/form.js';
import { TextField } from '../components/TextField.js';
import { firstKeyName, keyName } from '../keys/hint.js';
import { tint } from '../theme.js';
import { LABEL_WIDTH } from './fields.js';
import { type PlanLine, visibleWindow } from './reducer.js';

export interface PlanViewProps {
  /** The name of the plan preset this plan was copied from (its id when the file is gone). */
  presetName: string;
  hasPreset: boolean;
  defs: readonly FieldDef[];
  lines: readonly PlanLine[];
  heights: readonly number[];
  offset: number;
  rows: number;
  state: FormState;
  errors: Readonly<Record<string, string>>;
  asides: Readonly<Record<string, string>>;
  widthOf(key: string): number;
  columns: number;
  dirty: boolean;
  saving: boolean;
}

function Hint(p: Pick<PlanViewProps, 'presetName' | 'hasPreset' | 'dirty' | 'saving' | 'errors'>) {
  if (p.errors._) return <Text color={tint('error')} wrap="truncate-end">✗ {p.errors._}</Text>;
  if (p.saving) return <Text dimColor>Đang lưu…</Text>;
  // Tab and Ctrl+S are in the footer already; the preset's name is what may be cut.
  const reset = p.hasPreset ? `${keyName('resetField')}: về giá trị mẫu · ` : '';
  return (
    <Text wrap="truncate-end">
      {p.dirty ? <Text color={tint('warn')}>● Có thay đổi chưa lưu · </Text> : null}
      <Text dimColor>
        {reset}Mẫu: {p.presetName}
      </Text>
    </Text>
  );
}

export function PlanView(p: PlanViewProps) {
  const { end, more } = visibleWindow(p.heights, p.offset, p.rows);
  const defs = new Map(p.defs.map((d) => [d.key, d]));
  const focusGroup = p.lines.find((l) => l.kind === 'field' && l.key === p.state.focus)?.group;
  return (
    <Box flexDirection="column">
      <Hint {...p} />
      {p.lines.slice(p.offset, end).map((line, i) => {
        const key = `${p.offset + i}`;
        if (line.kind === 'field') {
          const d = defs.get(line.key);
          if (!d) return null;
          return (
            <TextField
              key={key}
              label={d.label}
              value={p.state.values[d.key] ?? ''}
              focused={p.state.focus === d.key}
              labelWidth={LABEL_WIDTH}
              width={p.widthOf(d.key)}
              placeholder={d.placeholder}
              error={p.errors[d.key]}
              aside={p.asides[d.key]}
              columns={p.columns}
            />
          );
        }
        if (line.style === 'heading')
          return (
            <Text key={key} bold wrap="truncate-end">
              {line.text}
            </Text>
          );
        if (line.style === 'title') {
          const current = line.group === focusGroup;
          return (
            <Text key={key} bold={current} color={current ? tint('accent') : undefined} wrap="truncate-end">
              {line.text}
            </Text>
          );
        }
        return (
          <Text key={key} dimColor={line.style === 'note'} wrap="truncate-end">
            {line.text}
          </Text>
        );
      })}
      {more > 0 ? (
        <Text dimColor wrap="truncate-end">
          ↓ còn {more} dòng ({firstKeyName('nextField')} hoặc {keyName('fieldDown')} để xem tiếp)
        </Text>
      ) : null}
    </Box>
  );
}

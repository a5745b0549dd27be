// Draws a form of form.ts: one line per field, the message next to it (or under it when the
// line is too narrow), choices shown as ‹ value ›.
import { Box } from 'ink';
import stringWidth from 'string-width';
import { type FieldDef, type FormState, visibleFields } from './form.js';
import { TextField } from './TextField.js';
import { keyName, keyNames } from '../keys/hint.js';

export function FormView({ defs, state, errors, warnings = {}, columns }: {
  defs: readonly FieldDef[];
  state: FormState;
  errors: Readonly<Record<string, string>>;
  /** Shown when the field has no error: advice that does not block saving. */
  warnings?: Readonly<Record<string, string>>;
  columns: number;
}) {
  const shown = visibleFields(defs, state.values);
  const labelWidth = Math.min(24, Math.max(...shown.map((d) => stringWidth(d.label))) + 1);
  return (
    <Box flexDirection="column">
      {shown.map((d) => {
        const focused = d.key === state.focus;
        const raw = state.values[d.key] ?? '';
        const value = d.optionLabel ? d.optionLabel(raw) : raw;
        const wanted = Math.max(d.width ?? 30, d.placeholder ? stringWidth(d.placeholder) : 0);
        const width = Math.max(8, Math.min(wanted, columns - labelWidth - 16));
        const aside = focused && d.options?.length ? `${keyNames('choicePrev', 'choiceNext')} ${d.kind === 'choice' ? 'chọn' : 'gợi ý'}` : undefined;
        return (
          <TextField
            key={d.key}
            label={d.label}
            value={value}
            focused={focused}
            labelWidth={labelWidth}
            width={width}
            placeholder={d.placeholder}
            error={errors[d.key]}
            warning={warnings[d.key]}
            aside={aside}
            columns={columns}
          />
        );
      })}
    </Box>
  );
}

/** A form's hint line, its keys from the key table; `choices` says what ←/→ choose. */
export function formHint(choices?: string): string {
  const parts = [`${keyName('nextField')} sang ô sau (ở ô cuối: lưu)`];
  if (choices) parts.push(`${keyNames('choicePrev', 'choiceNext')} ${choices}`);
  parts.push(`${keyName('save')} lưu`);
  return parts.join(' · ');
}

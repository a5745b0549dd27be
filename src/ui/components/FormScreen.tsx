// A form screen drawn from props only: its title, the hint line (keys from the key table), the
// fields, what it is about below them, and "Đang lưu…" while saving. Team, member and training
// forms draw through it.
import { Box } from 'ink';
import { Text } from './Text.js';
import type { ReactNode } from 'react';
import type { FieldDef } from './form.js';
import { FormView, formHint } from './FormView.js';
import type { FormHook } from './useForm.js';

export interface FormScreenViewProps {
  title: string;
  /** What ←/→ choose on this form ("chọn vai trò, tổ chức"). */
  choices?: string;
  defs: readonly FieldDef[];
  form: Pick<FormHook, 'state' | 'errors' | 'saving'>;
  warnings?: Readonly<Record<string, string>>;
  columns: number;
  /** Drawn under the fields (e.g. who gets the training). */
  children?: ReactNode;
}

export function FormScreenView({ title, choices, defs, form, warnings, columns, children }: FormScreenViewProps) {
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {title}
      </Text>
      <Text dimColor wrap="truncate-end">
        {formHint(choices)}
      </Text>
      <FormView defs={defs} state={form.state} errors={form.errors} warnings={warnings} columns={columns} />
      {children}
      {form.saving ? <Text dimColor>Đang lưu…</Text> : null}
    </Box>
  );
}

// The question the shell asks over a screen (in place of the message line): yes/no (its keys,
// "(y/n)", from the key table), or one line of text such as a date. A refused answer shows its
// message and keeps asking.
import { Box } from 'ink';
import { Text } from './Text.js';
import { useRef, useState } from 'react';
import { messageRows } from './MessageLines.js';
import { yesNo } from '../keys/hint.js';
import { type PromptSpec, useKeys } from '../keys/useKeys.js';
import { tint } from '../theme.js';
import { edit } from './TextField.js';

/** A yes/no question wrapped like a long message (it names both communes of a restore…); null: a text prompt, one row. */
export function questionRows(spec: PromptSpec, columns: number, maxRows: number): string[] | null {
  return spec.input === undefined ? messageRows('? ', `${spec.question} ${yesNo()}`, columns, maxRows) : null;
}

export function PromptLine({ spec, rows = null, close, forceQuit }: { spec: PromptSpec; rows?: readonly string[] | null; close: () => void; forceQuit: () => void }) {
  const [text, setText] = useState(spec.input ?? '');
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const withText = spec.input !== undefined;

  const answer = async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      const refused = await spec.onAnswer(text);
      if (typeof refused === 'string') setError(refused);
      else close();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      busy.current = false;
    }
  };
  const cancel = () => {
    close();
    spec.onCancel?.();
  };

  useKeys(
    'confirm',
    { confirmYes: () => void answer(), confirmNo: withText ? undefined : cancel, back: cancel, quit: forceQuit },
    {
      typing: withText ? 'text' : false,
      onText: (t) => {
        setText((v) => edit.type(v, t, 120));
        setError(null);
      },
      onBackspace: () => setText(edit.backspace),
    },
  );

  if (rows)
    return (
      <Box flexDirection="column" flexShrink={0}>
        {rows.map((r, i) => (
          <Text key={i} wrap="truncate-end">
            <Text color={tint('warn')} bold>
              {r}
            </Text>
            {error && i === rows.length - 1 ? <Text color={tint('error')}> ✗ {error}</Text> : null}
          </Text>
        ))}
      </Box>
    );
  return (
    <Text wrap="truncate-end">
      <Text color={tint('warn')} bold>
        ? {spec.question}
        {withText ? '' : ` ${yesNo()}`}
      </Text>
      {/* The refusal before the typed text: a long path would push it past the row's end. */}
      {error ? <Text color={tint('error')}> ✗ {error}</Text> : null}
      {withText ? <Text inverse> {text}▏</Text> : null}
    </Text>
  );
}

// The question the shell asks over a screen (in place of the message line): yes/no (its keys,
// "(y/n)", from the key table), or one line of text such as a date. A refused answer shows its
// message and keeps asking.
import { Text } from './Text.js';
import { useRef, useState } from 'react';
import { yesNo } from '../keys/hint.js';
import { type PromptSpec, useKeys } from '../keys/useKeys.js';
import { tint } from '../theme.js';
import { edit } from './TextField.js';

export function PromptLine({ spec, close, forceQuit }: { spec: PromptSpec; close: () => void; forceQuit: () => void }) {
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

  return (
    <Text wrap="truncate-end">
      <Text color={tint('warn')} bold>
        ? {spec.question}
        {withText ? '' : ` ${yesNo()}`}
      </Text>
      {withText ? <Text inverse> {text}▏</Text> : null}
      {error ? <Text color={tint('error')}> ✗ {error}</Text> : null}
    </Text>
  );
}

// Key context for a screen drawn outside the app shell (the first-run wizard): its own `?`
// help, question line and footer, generated from the key table like everywhere else.
import { Box } from 'ink';
import { Text } from './Text.js';
import { type ReactNode, useState } from 'react';
import { useKeyShell } from '../keys/shell.js';
import type { ScreenName } from '../keys/table.js';
import { KeyContext, KeyModeContext } from '../keys/useKeys.js';
import { useTerminalSize } from '../useTerminalSize.js';
import { Footer } from './Footer.js';
import { HelpOverlay } from './HelpOverlay.js';
import { PromptLine } from './Prompt.js';
import { tint } from '../theme.js';

export function KeyScope({ screen, onBack, onQuit, children }: {
  screen: ScreenName;
  onBack: () => void;
  onQuit: () => void;
  children: ReactNode;
}) {
  // No message line of an app here: a key that is off says why on the question's line.
  const [refusal, setRefusal] = useState<string | null>(null);
  const shell = useKeyShell({ back: onBack, quit: onQuit, refuse: setRefusal });
  const { columns, rows } = useTerminalSize();
  const shown = shell.shown(screen);
  return (
    <KeyContext.Provider value={shell.value}>
      <KeyModeContext.Provider value={shell.mode}>
      <Box flexDirection="column" width={columns}>
        <Box display={shell.helpOpen ? 'none' : 'flex'} flexDirection="column">
          {children}
        </Box>
        {shell.helpOpen ? <HelpOverlay screen={shown.screen} active={shown.active} rows={rows - 3} columns={columns} offset={shell.helpOffset} /> : null}
        {shell.prompt ? (
          <PromptLine key={shell.promptSeq} spec={shell.prompt} close={shell.closePrompt} forceQuit={shell.forceQuit} />
        ) : (
          <Text color={tint('warn')} wrap="truncate-end">
            {refusal ? `! ${refusal}` : ' '}
          </Text>
        )}
        {/* Nothing is under these screens: q/Esc leave the program, and the footer says so. */}
        <Footer screen={shown.screen} active={shown.active} width={columns} atRoot />
        {shell.gate}
      </Box>
      </KeyModeContext.Provider>
    </KeyContext.Provider>
  );
}

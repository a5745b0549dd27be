// Key context for a screen drawn outside the app shell (the first-run wizard): its own `?`
// help and footer, generated from the key table like everywhere else.
import { Box } from 'ink';
import { type ReactNode, useMemo, useState } from 'react';
import type { ScreenName } from '../keys/table.js';
import { type ActiveKeys, KeyContext, type KeyContextValue } from '../keys/useKeys.js';
import { Footer } from './Footer.js';
import { HelpOverlay } from './HelpOverlay.js';

export function KeyScope({ screen, onBack, onQuit, children, columns = 80, rows = 24 }: {
  screen: ScreenName;
  onBack: () => void;
  onQuit: () => void;
  children: ReactNode;
  columns?: number;
  rows?: number;
}) {
  const [helpOpen, setHelpOpen] = useState(false);
  const [active, setActive] = useState<ActiveKeys | null>(null);
  const value: KeyContextValue = useMemo(
    () => ({ helpOpen, toggleHelp: () => setHelpOpen((h) => !h), back: onBack, quit: onQuit, publish: setActive }),
    [helpOpen, onBack, onQuit],
  );
  return (
    <KeyContext.Provider value={value}>
      <Box flexDirection="column" width={columns}>
        <Box display={helpOpen ? 'none' : 'flex'} flexDirection="column">
          {children}
        </Box>
        {helpOpen ? <HelpOverlay screen={screen} active={active} rows={rows - 2} /> : null}
        <Footer screen={screen} active={active} width={columns} />
      </Box>
    </KeyContext.Provider>
  );
}

// The key side of a shell (the App, or the first-run wizard's KeyScope): the `?` help, which
// keys the screen handles now, the one question that may be asked over the screen — "Bỏ dữ liệu
// chưa lưu? (y/n)" before q/Esc/Ctrl+C throws typed input away — and why a key is off.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ScreenName } from './table.js';
import type { ReactNode } from 'react';
import { type HoldKeys, useKeyHub } from './hub.js';
import type { ActiveKeys, KeyContextValue, KeyMode, PromptSpec } from './useKeys.js';

// Yes/no questions: the prompt adds their keys ("(y/n)") from the key table.
export const DISCARD_QUESTION = 'Bỏ dữ liệu chưa lưu?';
export const QUIT_DISCARD_QUESTION = 'Thoát và bỏ dữ liệu chưa lưu?';

export interface KeyShell {
  value: KeyContextValue;
  /** For KeyModeContext: what is drawn over the screen. */
  mode: KeyMode;
  helpOpen: boolean;
  /** First help line shown (the help scrolls with ↑/↓ when it is taller than the screen). */
  helpOffset: number;
  prompt: PromptSpec | null;
  /** Changes with every new question, so its input starts afresh. */
  promptSeq: number;
  closePrompt(): void;
  /** Quit without asking (Ctrl+C pressed again while asked). */
  forceQuit(): void;
  /** The key hub's gate: render it once, after the screens (null under an outer hub). */
  gate: ReactNode;
  /** Keys wait until this settles and is drawn (keys/hub.tsx HoldKeys). */
  hold: HoldKeys;
  /** The keys to show in the footer and help: the question's while one is asked. */
  shown(screen: ScreenName): { screen: ScreenName; active: ActiveKeys | null };
}

export function useKeyShell({ back, quit, refuse }: { back: () => void; quit: () => void; refuse: (reason: string) => void }): KeyShell {
  const [helpOpen, setHelpOpen] = useState(false);
  const [helpOffset, setHelpOffset] = useState(0);
  const [active, setActive] = useState<ActiveKeys | null>(null);
  const [promptActive, setPromptActive] = useState<ActiveKeys | null>(null);
  const [prompt, setPrompt] = useState<PromptSpec | null>(null);
  const [promptSeq, setPromptSeq] = useState(0);
  const activeRef = useRef<ActiveKeys | null>(null);
  const { attach, hold, gate } = useKeyHub();

  const publish = useCallback((a: ActiveKeys) => {
    if (a.screen === 'confirm') setPromptActive(a);
    else if (a.screen === 'help') return; // its keys are in its title; the footer stays the screen's
    else {
      activeRef.current = a;
      setActive(a);
    }
  }, []);
  const ask = useCallback((p: PromptSpec) => {
    setHelpOpen(false);
    setPrompt(p);
    setPromptSeq((n) => n + 1);
  }, []);
  const guardedBack = useCallback(() => {
    if (activeRef.current?.unsaved) ask({ question: DISCARD_QUESTION, onAnswer: () => back() });
    else back();
  }, [back, ask]);
  const guardedQuit = useCallback(() => {
    if (activeRef.current?.unsaved) ask({ question: QUIT_DISCARD_QUESTION, onAnswer: () => quit() });
    else quit();
  }, [quit, ask]);
  const toggleHelp = useCallback(() => {
    setHelpOffset(0);
    setHelpOpen((h) => !h);
  }, []);
  const scrollHelp = useCallback((delta: number, max: number) => setHelpOffset((o) => Math.max(0, Math.min(max, o + delta))), []);

  const value: KeyContextValue = useMemo(
    () => ({ toggleHelp, scrollHelp, back: guardedBack, quit: guardedQuit, publish, ask, attach, refuse }),
    [toggleHelp, scrollHelp, guardedBack, guardedQuit, publish, ask, attach, refuse],
  );
  const asking = !!prompt;
  const mode = useMemo(() => ({ helpOpen, asking }), [helpOpen, asking]);
  return {
    value,
    mode,
    helpOpen,
    helpOffset,
    prompt,
    promptSeq,
    closePrompt: useCallback(() => setPrompt(null), []),
    forceQuit: quit,
    gate,
    hold,
    shown: (screen) => (prompt ? { screen: 'confirm', active: promptActive } : { screen, active }),
  };
}

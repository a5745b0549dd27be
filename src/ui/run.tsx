// Start the terminal UI: alternate screen, render at once, restore the terminal on every way out.
import { render } from 'ink';
import { resolveDataDir } from '../paths.js';
import { Root } from './Root.js';

const ENTER_ALT = '\x1b[?1049h\x1b[H';
const LEAVE_ALT = '\x1b[?1049l\x1b[?25h';

export async function runUi(opts: { dataDir?: string }): Promise<number> {
  const tty = !!process.stdout.isTTY;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (tty) process.stdout.write(LEAVE_ALT);
  };
  if (tty) process.stdout.write(ENTER_ALT);
  process.on('exit', restore);

  let code = 0;
  let message: string | undefined;
  const instance = render(
    <Root
      dataDir={resolveDataDir(opts.dataDir)}
      onDone={(c, m) => {
        code = c;
        message = m;
      }}
    />,
    { exitOnCtrlC: false, patchConsole: true },
  );
  // Signals from outside (closing the window, kill): unmount cleanly so the database closes.
  const onSignal = () => instance.unmount();
  for (const s of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.once(s, onSignal);
  process.once('uncaughtException', (e) => {
    restore();
    process.stderr.write(`Lỗi không mong đợi: ${e.stack ?? e.message}\n`);
    process.exit(70);
  });
  await instance.waitUntilExit();
  restore();
  if (message) process.stderr.write(message + '\n');
  return code;
}

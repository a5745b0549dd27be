#!/usr/bin/env node
// Entry point. With no command the terminal UI opens: it is imported first and alone, so the
// first frame appears before the database (and the command-line parser) have loaded.
const args = process.argv.slice(2);

function wantsUi(argv: string[]): boolean {
  const rest = [...argv];
  while (rest.length) {
    const a = rest.shift()!;
    if (a === '--data-dir') rest.shift();
    else if (a.startsWith('--data-dir=')) continue;
    else return false;
  }
  return true;
}

if (wantsUi(args)) {
  const i = args.indexOf('--data-dir');
  const eq = args.find((a) => a.startsWith('--data-dir='));
  const dataDir = i >= 0 ? args[i + 1] : eq?.slice('--data-dir='.length);
  const { runUi } = await import('../ui/run.js');
  process.exitCode = await runUi({ dataDir });
} else {
  const { runCli } = await import('./run.js');
  process.exitCode = await runCli(args);
}

// The non-interactive commands. Every command takes --data-dir or --database-url, and --help; exit codes per domain.md.
import { commonOptions, configure, usageExitCode } from './program.js';
import { Command } from 'commander';
import { guardOutput } from './output.js';
type Maker = (argv: readonly string[]) => Promise<Command>;

// Each command's module loads only when it runs: `status` does not parse the CSV, spreadsheet and
// report code the import and export commands need (the bundle's chunks are split per command).
// Help and an unknown word load them all, so the list and commander's suggestions stay whole.
const COMMANDS: Record<string, Maker> = {
  plans: async () => (await import('./commands/plans.js')).plansCommand(),
  init: async () => (await import('./commands/init.js')).initCommand(),
  status: async () => (await import('./commands/status.js')).statusCommand(),
  backup: async () => (await import('./commands/backup.js')).backupCommand(),
  restore: async () => (await import('./commands/restore.js')).restoreCommand(),
  // `export bundle` and `import bundle` take other options (several files, --force): their own commands.
  import: async (argv) => {
    const b = await import('./commands/bundle.js');
    return b.bundleVerb(argv) === 'import' ? b.importBundleCommand() : (await import('./commands/import.js')).importCommand();
  },
  export: async (argv) => {
    const b = await import('./commands/bundle.js');
    return b.bundleVerb(argv) === 'export' ? b.exportBundleCommand() : (await import('./commands/export.js')).exportCommand();
  },
  settings: async () => (await import('./commands/settings.js')).settingsCommand(),
};

/** The first word that is neither an option nor the value of the program's own options: the command asked for. */
function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data-dir' || a === '--database-url') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = commonOptions(configure(new Command('tonghop')))
    .description(
      'Tổng hợp số liệu Tổ Công nghệ số cộng đồng của xã/phường.\nKhông có lệnh: mở giao diện trên terminal.',
    )
    .helpCommand('help [lệnh]', 'hiển thị trợ giúp của một lệnh');
  const word = commandWord(argv);
  const names = word !== undefined && word in COMMANDS ? [word] : Object.keys(COMMANDS);
  for (const cmd of await Promise.all(names.map((n) => COMMANDS[n]!(argv)))) program.addCommand(cmd);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  const unguard = guardOutput();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    return usageExitCode(err) ?? (await import('./refusals.js')).reportError(err);
  } finally {
    unguard();
  }
}

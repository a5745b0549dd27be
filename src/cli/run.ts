// The non-interactive commands. Every command takes --data-dir or --database-url, and --help; exit codes per domain.md.
import { commonOptions, configure, usageExitCode } from './program.js';
import { Command } from 'commander';
import { reportError } from './context.js';
import { guardOutput } from './output.js';
import { plansCommand } from './commands/plans.js';
import { initCommand } from './commands/init.js';
import { statusCommand } from './commands/status.js';
import { backupCommand } from './commands/backup.js';
import { restoreCommand } from './commands/restore.js';
import { importCommand } from './commands/import.js';
import { exportCommand } from './commands/export.js';
import { bundleVerb, exportBundleCommand, importBundleCommand } from './commands/bundle.js';
import { settingsCommand } from './commands/settings.js';

export function buildProgram(argv: readonly string[] = []): Command {
  const program = commonOptions(configure(new Command('tonghop')))
    .description(
      'Tổng hợp số liệu Tổ Công nghệ số cộng đồng của xã/phường.\nKhông có lệnh: mở giao diện trên terminal.',
    )
    .helpCommand('help [lệnh]', 'hiển thị trợ giúp của một lệnh');
  // `export bundle` and `import bundle` take other options (several files, --force): their own commands.
  const bundle = bundleVerb(argv);
  const importCmd = bundle === 'import' ? importBundleCommand() : importCommand();
  const exportCmd = bundle === 'export' ? exportBundleCommand() : exportCommand();
  for (const cmd of [plansCommand(), initCommand(), statusCommand(), backupCommand(), restoreCommand(), importCmd, exportCmd, settingsCommand()]) program.addCommand(cmd);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram(argv);
  const unguard = guardOutput();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    return usageExitCode(err) ?? reportError(err);
  } finally {
    unguard();
  }
}

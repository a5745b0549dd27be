// The command-line parser (commander), in Vietnamese. Each command lives in commands/.
import { Command, CommanderError, Help, InvalidArgumentError } from 'commander';
import { EXIT_USAGE } from './errors.js';

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
  'Global Options:': 'Tùy chọn chung:',
};

/** Commander's English errors, said in Vietnamese. */
export function translateCommanderError(msg: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/unknown option '([^']+)'/u, (m) => `tùy chọn không hợp lệ '${m[1]}'`],
    [/unknown command '([^']+)'/u, (m) => `lệnh không tồn tại '${m[1]}'. Xem "tonghop --help"`],
    [/missing required argument '([^']+)'/u, (m) => `thiếu tham số bắt buộc '${m[1]}'`],
    [/option '([^']+)' argument missing/u, (m) => `tùy chọn '${m[1]}' cần một giá trị`],
    [/required option '([^']+)' not specified/u, (m) => `thiếu tùy chọn bắt buộc '${m[1]}'`],
    [/too many arguments(?: for '([^']+)')?/u, (m) => `thừa tham số${m[1] ? ` cho lệnh '${m[1]}'` : ''}`],
    [/option '([^']+)' argument '' is invalid\. (.+?)\.?$/mu, (m) => `tùy chọn '${m[1]}' ${m[2]}`],
    [/option '([^']+)' argument '([^']+)' is invalid/u, (m) => `giá trị '${m[2]}' của tùy chọn '${m[1]}' không hợp lệ`],
    [/command-argument value '([^']+)' is invalid for argument '([^']+)'/u, (m) => `giá trị '${m[1]}' không hợp lệ cho tham số '${m[2]}'`],
  ];
  for (const [re, say] of rules) {
    const m = re.exec(msg);
    if (m) {
      const extra = /Allowed choices are (.+)\./u.exec(msg);
      // Commander joins the choices with ", ": quoted, "," and ";" stay readable (not ",, ;").
      const choices = extra?.[1]?.split(', ').map((c) => `'${c}'`).join(', ');
      return `Lỗi: ${say(m)}${choices ? ` (chọn một trong: ${choices})` : ''}.\n`;
    }
  }
  return msg.replace(/^error:/u, 'Lỗi:');
}

/** Commander's help, with its few English words said in Vietnamese. */
const inVietnamese = (s: string) =>
  s.replace(/\(choices: /gu, '(chọn: ').replace(/default: /gu, 'mặc định: ').replace(/\[options\]/gu, '[tùy chọn]').replace(/\[command\]/gu, '[lệnh]');
const base = new Help();
const VIETNAMESE_HELP: Partial<Help> = {
  styleTitle: (s: string) => TITLES[s] ?? s,
  subcommandTerm: (cmd) => inVietnamese(base.subcommandTerm(cmd)),
  commandUsage: (cmd) => inVietnamese(base.commandUsage(cmd)),
  optionDescription: (o) => inVietnamese(base.optionDescription(o)),
  argumentDescription: (a) => inVietnamese(base.argumentDescription(a)),
};

/** A command with our conventions: Vietnamese help, exit code 2 on a wrong command line. */
export function configure(cmd: Command): Command {
  return cmd
    .helpOption('-h, --help', 'hiển thị trợ giúp')
    .configureHelp(VIETNAMESE_HELP)
    .configureOutput({ outputError: (str, write) => write(translateCommanderError(str)) })
    .showHelpAfterError('(xem thêm: --help)')
    .exitOverride((err: CommanderError) => {
      throw err;
    });
}

/**
 * A folder option must name a folder: `--data-dir ""` (an unset variable in a batch file) is
 * refused, not silently taken as the default folder (or the current one).
 */
export function folderArgument(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('cần tên một thư mục, không được để trống');
  return value;
}

export const DATA_DIR_HELP = 'thư mục dữ liệu (mặc định: thư mục dữ liệu người dùng; biến TONGHOP_DATA_DIR)';

export function newCommand(name: string, description: string): Command {
  const cmd = configure(new Command(name)).description(description).usage('[tùy chọn]');
  commonOptions(cmd);
  // Commander gives --data-dir to the program even when it follows the command name: hand it
  // back to the command, so `tonghop status --data-dir X` and `tonghop --data-dir X status` agree.
  cmd.hook('preAction', (c) => {
    const o = c.optsWithGlobals<{ dataDir?: string; databaseUrl?: string }>();
    if (o.dataDir !== undefined) c.setOptionValue('dataDir', o.dataDir);
    if (o.databaseUrl !== undefined) c.setOptionValue('databaseUrl', o.databaseUrl);
  });
  return cmd;
}

/** Where the database is: --data-dir, or a PostgreSQL server (--database-url). On the program and every command. */
export function commonOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <DIR>', DATA_DIR_HELP, folderArgument)
    .option('--database-url <URL>', 'dùng cơ sở dữ liệu trên máy chủ PostgreSQL (≥ 15): postgres://người_dùng:mật_khẩu@máy:cổng/tên (biến TONGHOP_DATABASE_URL)');
}

export function isHelpOrVersion(err: unknown): boolean {
  return err instanceof CommanderError && ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(err.code);
}

export function usageExitCode(err: unknown): number | null {
  if (isHelpOrVersion(err)) return 0;
  if (err instanceof CommanderError) return EXIT_USAGE;
  return null;
}

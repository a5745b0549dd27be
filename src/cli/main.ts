#!/usr/bin/env node
// Entry point. With no command the terminal UI opens: it is imported first and alone, so the
// first frame appears before the database (and the command-line parser) have loaded.
const args = process.argv.slice(2);

// Before PGlite compiles its WebAssembly: V8's baseline code only (store/wasm-tiering.ts).
{
  const { keepWasmOnBaseline } = await import('../store/wasm-tiering.js');
  keepWasmOnBaseline();
}

// `npm run bench` asks every process for its peak memory.
if (process.env.TONGHOP_REPORT_RSS) {
  process.on('exit', () => process.stderr.write(`\ntonghop-rss-kb=${process.resourceUsage().maxRSS}\n`));
}

// A malformed TONGHOP_TODAY is a wrong way of starting the program (exit 2), said before anything runs.
{
  const { BadTodayError, pinnedToday } = await import('../clock.js');
  try {
    pinnedToday();
  } catch (e) {
    if (!(e instanceof BadTodayError)) throw e;
    process.stderr.write(`Lỗi: ${e.message}\n`);
    process.exit(2);
  }
}

/** Where the UI's database is, when the arguments are only that (no command): else null. */
function wantsUi(argv: string[]): { dataDir?: string; databaseUrl?: string } | null {
  const rest = [...argv];
  const where: { dataDir?: string; databaseUrl?: string } = {};
  while (rest.length) {
    const a = rest.shift()!;
    const m = /^--(data-dir|database-url)(?:=(.*))?$/su.exec(a);
    if (!m) return null;
    const value = m[2] ?? rest.shift();
    if (value === undefined) return null; // let the command line say what is missing
    where[m[1] === 'data-dir' ? 'dataDir' : 'databaseUrl'] = value;
  }
  return where;
}

const ui = wantsUi(args);
if (ui) {
  const { dataDir } = ui;
  const databaseUrl = ui.databaseUrl ?? (process.env.TONGHOP_DATABASE_URL || undefined);
  if (dataDir !== undefined && dataDir.trim() === '') {
    // As the commands do (program.ts folderArgument): never silently the default folder.
    process.stderr.write("Lỗi: tùy chọn '--data-dir <DIR>' cần tên một thư mục, không được để trống.\n");
    process.exit(2);
  }
  if (!process.stdin.isTTY) {
    process.stderr.write(
      'Giao diện của tonghop cần một cửa sổ dòng lệnh (terminal) để gõ phím. ' +
        'Khi chạy từ tệp lệnh hay chuyển hướng đầu vào, hãy dùng các lệnh như "tonghop status" (xem "tonghop --help").\n',
    );
    process.exit(2);
  }
  // Draw at once, before Ink, React and the database load: the same two lines as the app's
  // loading screen, so Ink's first frame replaces them without a flicker.
  const splash = !!process.stdout.isTTY;
  if (splash) process.stdout.write('\x1b[?1049h\x1b[H\x1b[1mtonghop\x1b[22m\r\nĐang mở dữ liệu…\x1b[H');
  // React's production build: several times less work per frame than the development one. (The
  // bundle has it as a constant already; through a local name esbuild does not warn of assigning it.)
  const env = process.env;
  env.NODE_ENV ??= 'production';
  // Ink draws only a last frame when it thinks it runs in CI (is-in-ci reads the environment when
  // Ink loads). In a terminal the officer is at the keyboard, whatever CI variables are set.
  if (splash) {
    for (const k of Object.keys(process.env)) if (k === 'CI' || k === 'CONTINUOUS_INTEGRATION' || k.startsWith('CI_')) delete process.env[k];
  }
  // The database starts opening first: PGlite's start overlaps the UI's modules loading.
  const { startOpening } = await import('../ui/opening.js');
  const opening = startOpening({ dataDir, databaseUrl });
  const { runUi } = await import('../ui/run.js');
  process.exitCode = await runUi({ dataDir, databaseUrl, splashShown: splash, opening });
} else {
  const { runCli } = await import('./run.js');
  process.exitCode = await runCli(args);
}

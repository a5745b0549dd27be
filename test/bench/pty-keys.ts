// Keystroke → bytes on the terminal for the entry form and the month grid of the 2,000-team
// folder, through the shipped bundle in a pseudo-terminal (pty.ts). Every key counts: one
// without an answer within the ceiling is a failure, printed, never dropped.
//
// Which frame answers a key: the terminal is quiet before each key (no bytes for longer than
// Ink's throttle), a typed digit's answer is the frame showing the draft so far before the
// cursor (`42▏`), and a field left in the entry form is followed by waiting for its save to end
// ("đang lưu…" → "đã lưu mọi ô đã rời") before the next key, so a save's frame is never taken
// for a key's. The grid draws nothing when a save ends: the quiet before the next key covers it.
import { planIndicators } from '../../src/domain/indicators.js';
import { loadPreset } from '../../src/io/presets.js';
import { BSU, HOME_DATA, type KeyRun, type KeyStep, PtyApp, SCREEN_CEILING_MS, pressKeys } from './pty.js';

export const DOWN = '\x1b[B';
const RIGHT = '\x1b[C';
const LEFT = '\x1b[D';
const PAGE_DOWN = '\x1b[6~';
const ENTER = '\r';

/** Today for the keyed runs: November 2026 is the month worked on, its forms all received. */
const TODAY = '2026-12-20';
const PICKER = 'Tìm tổ:';
const FORM = 'Ngày nhận phiếu';
const SAVING = { when: 'đang lưu…', then: 'đã lưu mọi ô đã rời' };

/** Digits typed one by one, each answered by the frame showing the draft so far. */
function typed(value: string): KeyStep[] {
  return Array.from(value, (_, i) => ({ key: value[i]!, expect: `${value.slice(0, i + 1)}▏` }));
}

/** The focused field's text in the last frame drawn (what is before the cursor `▏`). */
export function focusedDraft(output: string): string {
  const frame = output.slice(output.lastIndexOf(BSU) + 1);
  return [...frame.matchAll(/(\S*)▏/gu)].pop()?.[1] ?? '';
}

/**
 * The value typed into a field (10–29 for the figures: possible days and hours), never one whose first digit is
 * what the field already shows: that key would draw nothing new (Ink writes no identical frame),
 * so it would have no answer to time.
 */
export function valueFor(base: number, shown: string): string {
  const v = String(base);
  return shown === v[0] ? String(base < 20 ? base + 10 : base - 10) : v;
}

/** A whole paper form: every value field typed, the date left as it is, a note. */
async function typeForm(app: PtyApp, valueFields: number, t: number, run: KeyRun): Promise<void> {
  for (let f = 0; f < valueFields; f++)
    await pressKeys(app, [...typed(valueFor(10 + ((f * 7 + t) % 19), focusedDraft(app.output))), { key: ENTER, expect: '', settle: SAVING }], run);
  await pressKeys(app, [{ key: ENTER, expect: '', settle: SAVING }], run); // received date, as shown
  // The note; the last field goes back to the picker (its save's end is not drawn).
  await pressKeys(app, [...typed(valueFor(100 + t, focusedDraft(app.output))), { key: ENTER, expect: '', leadsTo: PICKER }], run);
}

async function startAt(dataDir: string, nav: KeyStep[]): Promise<PtyApp> {
  const app = new PtyApp({ dataDir, env: { TONGHOP_TODAY: TODAY } });
  if ((await app.waitFor(HOME_DATA, 60_000)) === null) {
    await app.close();
    throw new Error(`the home screen never showed its data:\n${app.recent}`);
  }
  const run: KeyRun = { samples: [], failures: [] };
  await pressKeys(app, nav, run, SCREEN_CEILING_MS);
  if (run.failures.length) {
    await app.close();
    throw new Error(`could not reach the screen: ${run.failures.join('; ')}`);
  }
  return app;
}

/** `forms` paper forms typed in full, each for another team of November. */
export async function entryKeys(dataDir: string, forms = 4): Promise<KeyRun> {
  const valueFields = planIndicators(loadPreset('phu-van-2026')!.plan).length;
  const app = await startAt(dataDir, [{ key: 'n', expect: PICKER }]);
  const run: KeyRun = { samples: [], failures: [] };
  try {
    for (let t = 0; t < forms && run.failures.length === 0; t++) {
      const open: KeyRun = { samples: [], failures: [] };
      await pressKeys(app, [{ key: DOWN, expect: '' }, { key: ENTER, expect: FORM }], open, SCREEN_CEILING_MS);
      if (open.failures.length) throw new Error(`could not open a form: ${open.failures.join('; ')}`);
      await typeForm(app, valueFields, t, run);
    }
  } finally {
    await app.close();
  }
  return run;
}

/** Moving and editing in the month grid of every team. */
export async function gridKeys(dataDir: string, rounds = 30): Promise<KeyRun> {
  const app = await startAt(dataDir, [{ key: 'g', expect: 'dòng 1/' }]);
  const run: KeyRun = { samples: [], failures: [] };
  const any = (key: string): KeyStep => ({ key, expect: '' });
  const round = [any(DOWN), any(RIGHT), ...typed('42'), any(ENTER), any(LEFT), any(DOWN), any(PAGE_DOWN)];
  try {
    for (let i = 0; i < rounds; i++) await pressKeys(app, round, run);
  } finally {
    await app.close();
  }
  return run;
}

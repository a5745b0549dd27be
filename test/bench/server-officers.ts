// The officers of the server's load run (server-load.ts) and the check that nothing was lost.
// Each officer saves through the program's own save (saveFieldAlone, as the screens call it, with
// the version and value its screen showed), a third of its saves on forms the others type too.
// Paced: one field each `paceMs` at most, as a person types (the next save starts paceMs after the
// last one started, or at once when that one took longer); unpaced: back to back.
import type { DbRunner } from '../../src/db/database.js';
import { type SaveOutcome, saveFieldAlone } from '../../src/db/form-versions.js';
import { getForm } from '../../src/db/forms.js';
import type { Month } from '../../src/domain/period.js';

export const TODAY = '2026-12-01';
const SHARED_SHARE = 1 / 3;

export interface Form {
  team: number;
  month: Month;
}
export interface Seen {
  version: number | null;
  values: Record<string, number | null>;
}
interface Accepted {
  key: string;
  code: string;
  value: number;
  shown: number | null;
  version: number;
  changed: boolean;
}

/** What a run of officers did: every save's time, what was accepted, what was refused. */
export interface Typed {
  saveMs: number[];
  accepted: Accepted[];
  refused: { shownWasStored: boolean }[];
}

export const formKey = (f: Form) => `${f.team}|${f.month}`;

/** A small deterministic generator: the same run each time. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

export async function seen(db: DbRunner, f: Form): Promise<Seen> {
  const form = await getForm(db, f.team, f.month);
  return { version: form?.version ?? null, values: { ...(form?.values ?? {}) } };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One officer: `saves` saves, keeping what its screen shows as the entry form does. */
async function officer(db: DbRunner, n: number, seed: number, saves: number, paceMs: number, shared: Form[], own: Form[], codes: string[], out: Typed) {
  const rnd = random(seed * 1000 + n + 1);
  const screens = new Map<string, Seen>();
  if (paceMs > 0) await sleep(rnd() * paceMs); // officers do not type in step
  let next = 0;
  for (let i = 0; i < saves; i++) {
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    next = performance.now() + paceMs;
    const list = rnd() < SHARED_SHARE ? shared : own;
    const f = list[Math.floor(rnd() * list.length)]!;
    const key = formKey(f);
    let screen = screens.get(key);
    if (!screen) screens.set(key, (screen = await seen(db, f)));
    const code = codes[Math.floor(rnd() * codes.length)]!;
    const value = Math.floor(rnd() * 1000);
    const shown = screen.values[code] ?? null;
    const t0 = performance.now();
    const r: SaveOutcome = await saveFieldAlone(db, f.team, f.month, code, value, TODAY, { version: screen.version, value: shown });
    out.saveMs.push(performance.now() - t0);
    if (r.ok) {
      out.accepted.push({ key, code, value, shown, version: r.version, changed: r.changed });
      if (r.before === screen.version) screen.version = r.version;
      screen.values[code] = value;
    } else {
      out.refused.push({ shownWasStored: r.conflict.stored === shown });
      screens.set(key, await seen(db, f)); // the screen reads the form again
    }
  }
}

/** All officers at once, one connection each; resolves when every save is answered. */
export async function typeAll(dbs: DbRunner[], opts: { seed: number; saves: number; paceMs: number; shared: Form[]; ownOf: (n: number) => Form[]; codes: string[] }): Promise<Typed> {
  const out: Typed = { saveMs: [], accepted: [], refused: [] };
  await Promise.all(dbs.map((db, n) => officer(db, n, opts.seed, opts.saves, opts.paceMs, opts.shared, opts.ownOf(n), opts.codes, out)));
  return out;
}

/** Typed changes in the log (not the forms' creation lines). */
export async function typedLines(db: DbRunner): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM value_change WHERE source = 'typed' AND field <> '_phieu'`);
  return r.rows[0]!.n;
}

/**
 * What went wrong, if anything: what was accepted is what is stored, nothing was typed over
 * unseen (each accepted change follows the value it was typed over), a refusal only where the value
 * had changed since shown, one log line per change, every save answered.
 */
export async function problemsOf(db: DbRunner, typed: Typed, initial: Map<string, Seen>, all: Map<string, Form>, logLinesBefore: number, expected: number): Promise<string[]> {
  const problems: string[] = [];
  const chains = new Map<string, Accepted[]>();
  for (const a of typed.accepted) {
    const k = `${a.key}|${a.code}`;
    (chains.get(k) ?? chains.set(k, []).get(k)!).push(a);
  }
  for (const [k, list] of chains) {
    list.sort((x, y) => x.version - y.version);
    const [fk, code] = [k.slice(0, k.lastIndexOf('|')), k.slice(k.lastIndexOf('|') + 1)];
    let before = initial.get(fk)!.values[code] ?? null;
    for (const a of list) {
      if (a.changed && a.shown !== before) problems.push(`${k}: ${a.value} typed over ${before} while ${a.shown} was shown`);
      before = a.value;
    }
    const f = all.get(fk)!;
    const stored = (await getForm(db, f.team, f.month))?.values[code] ?? null;
    if (stored !== before) problems.push(`${k}: stored ${stored}, last accepted ${before}`);
  }
  if (typed.refused.some((r) => r.shownWasStored)) problems.push('a save was refused although the value shown was the one stored');
  const changes = typed.accepted.filter((a) => a.changed).length;
  const lines = (await typedLines(db)) - logLinesBefore;
  if (lines !== changes) problems.push(`${lines} typed changes logged for ${changes} accepted changes`);
  if (typed.saveMs.length !== expected) problems.push(`${typed.saveMs.length} saves answered of ${expected}`);
  return problems;
}

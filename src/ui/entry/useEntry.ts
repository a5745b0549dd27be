// The entry form's hook: keys → reducer actions; a left field is written through the write queue
// (one transaction per field); after the last field, on to the next team without a form.
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { saveField } from '../../db/form-versions.js';
import { FIELD_NOTE, FIELD_RECEIVED, type FormRow, getForm, teamHistory, teamsWithForm } from '../../db/forms.js';
import { type TeamRow, getTeam, listTeams } from '../../db/teams.js';
import { type Month, addMonths, monthLabel } from '../../domain/period.js';
import { todayIso } from '../../domain/text.js';
import { useApp } from '../context.js';
import { displayName } from '../components/teamName.js';
import { conflictMessage } from '../history/describe.js';
import { NOTHING_TO_UNDO, runUndo } from '../history/undo.js';
import { QUIT_DISCARD_QUESTION } from '../keys/shell.js';
import { firstKeyName, keyName } from '../keys/hint.js';
import { KeyContext, off, useKeys } from '../keys/useKeys.js';
import {
  type Commit,
  type EntryAction,
  type EntryState,
  type WarningContext,
  backRequest,
  entryFields,
  entryReducer,
  initialEntry,
  isDirty,
  nextTeamWithoutForm,
} from './reducer.js';
import { enqueueWrite, whenSaved } from '../saveQueue.js';

/** A form row as the reducer's canonical texts (digits, ISO date, note). */
export function storedTexts(form: FormRow | null): Record<string, string> {
  if (!form) return {};
  const out: Record<string, string> = {};
  for (const [code, v] of Object.entries(form.values)) out[code] = String(v);
  if (form.receivedOn) out[FIELD_RECEIVED] = form.receivedOn;
  if (form.note) out[FIELD_NOTE] = form.note;
  return out;
}

export type SaveState = 'idle' | 'saving' | 'saved';

export interface EntryData {
  team: TeamRow | null;
  /** Last month's values, or null when that month has no form. */
  lastMonth: Record<string, number> | null;
  warnings: WarningContext;
}

/** Active teams in Vietnamese order, read once for a whole run of forms ("next team without a form"). */
export function useTeamsOnce(): () => Promise<TeamRow[]> {
  const { db } = useApp();
  const teams = useRef<Promise<TeamRow[]> | null>(null);
  return useCallback(() => (teams.current ??= listTeams(db)), [db]);
}

export function useEntry(teamId: number, month: Month, getTeams: () => Promise<TeamRow[]>) {
  const app = useApp();
  const keyCtx = useContext(KeyContext);
  const { db } = app;
  const fields = useMemo(() => entryFields(app.indicators), [app.indicators]);
  const [state, setState] = useState<EntryState>(() => initialEntry(fields, month, app.now()));
  // The reducer runs on a ref so two keys arriving before a render both see the newest state.
  const ref = useRef(state);
  const [data, setData] = useState<EntryData | null>(null);
  // What the status line says is true: "đang lưu…" from leaving a field until its transaction
  // committed, then "đã lưu" (one extra frame per field, never one per digit).
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const pending = useRef(0);
  const wrote = useRef(false);
  const live = useRef(true);
  // The version of the form as this screen knows it (null: no form): each save carries it, so one
  // over a value another officer changed since is refused (db/form-versions.ts).
  const version = useRef<number | null>(null);

  const load = useCallback(async () => {
    await whenSaved(db);
    const [team, form, hist] = await Promise.all([getTeam(db, teamId), getForm(db, teamId, month), teamHistory(db, teamId, month, 12)]);
    if (!live.current) return;
    const history: Record<string, number[]> = {};
    for (const values of hist.values()) for (const [code, v] of Object.entries(values)) (history[code] ??= []).push(v);
    setData({
      team,
      lastMonth: hist.get(addMonths(month, -1)) ?? null,
      warnings: { households: team?.households ?? null, adults: team?.adults ?? null, history },
    });
    version.current = form?.version ?? null;
    apply({ type: 'load', stored: storedTexts(form), exists: !!form });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, teamId, month]);

  /** Read the form again; a failure is said on the message line (never an unhandled rejection). */
  const reload = (failed = 'Không đọc được phiếu') => void load().catch((e: Error) => app.notify(`${failed}: ${e.message}`, 'error'));

  useEffect(() => {
    live.current = true;
    reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load, app.dataVersion]);

  // Other screens reload once the officer leaves the form (not on every field: the dashboard
  // under it would recompute every target per keystroke).
  useEffect(
    () => () => {
      live.current = false;
      if (wrote.current) void whenSaved(db).then(() => app.dataChanged());
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const teamName = data?.team?.name ?? '';

  const save = (c: Commit) => {
    wrote.current = true;
    pending.current++;
    setSaveState('saving');
    const receivedIfNew = todayIso(app.now());
    const shown = { version: version.current, value: c.shown };
    enqueueWrite(db, () => db.transaction((tx) => saveField(tx, teamId, month, c.key, c.value, receivedIfNew, shown)))
      .then((r) => {
        // The screen knew the form as it was before this save: now it knows it as it is after.
        if (r.ok && r.before === version.current) version.current = r.version;
        if (r.ok) return;
        app.notify(conflictMessage(r.conflict, app.indicators), 'error');
        if (live.current) reload(); // the field shows the value stored now
      })
      .catch((e: Error) => {
        app.notify(`Không lưu được ô vừa rời (${teamName}): ${e.message}`, 'error');
        // Show what the database really holds; if even that cannot be read, say both.
        if (live.current) reload('Không lưu được ô vừa rời, cũng không đọc lại được phiếu');
      })
      .finally(() => {
        if (--pending.current === 0 && live.current) setSaveState('saved');
      });
  };

  const finish = async (skipCurrent: boolean) => {
    await whenSaved(db);
    const [teams, withForm] = await Promise.all([getTeams(), teamsWithForm(db, month)]);
    const nextId = nextTeamWithoutForm(teams, withForm, teamId);
    const next = teams.find((t) => t.id === nextId);
    // Short names (no "Tổ CNSCĐ"), no code: the message line is one row of 80 columns; the
    // month and the next team's code are on the form itself.
    const name = displayName(teamName);
    const done = skipCurrent ? `Bỏ qua ${name}.` : `Đã lưu phiếu ${name}.`;
    if (next) {
      app.replace({ name: 'entry', month, teamId: next.id });
      app.notify(`${done} Tiếp theo: ${displayName(next.name)}, chưa có phiếu.`);
    } else {
      app.notify(`${done} Mọi tổ đã có phiếu tháng ${monthLabel(month)}.`);
      app.back();
    }
  };

  function apply(a: EntryAction): EntryState {
    const next = entryReducer(ref.current, a);
    ref.current = next;
    setState(next);
    if (next.commit) save(next.commit);
    if (next.finished) void finish(false).catch((e: Error) => app.notify(e.message, 'error'));
    return next;
  }

  const undo = () => {
    if (isDirty(ref.current)) {
      apply({ type: 'revert' });
      app.notify('Đã bỏ giá trị đang gõ (chưa lưu).');
      return;
    }
    runUndo(db, app.indicators, { teamId, month }).then(
      (r) => {
        if (!r) return app.notify(`${NOTHING_TO_UNDO} trong phiếu này`, 'warn');
        if (r.undone) wrote.current = true;
        app.notify(r.message, r.undone ? undefined : 'warn');
        if (r.change.teamId === teamId && r.change.month === month && live.current) reload();
      },
      (e: Error) => app.notify(`Không hoàn tác được: ${e.message}`, 'error'),
    );
  };

  const s = state;
  const field = s.fields[s.focus];
  const typingNote = field?.kind === 'note';
  useKeys(
    'entry',
    {
      // Esc cancels the field being typed (back to its saved value); with nothing typed it leaves.
      back: () => {
        if (isDirty(ref.current)) {
          apply({ type: 'revert' });
          app.notify('Đã bỏ giá trị đang gõ (chưa lưu).');
          return;
        }
        const r = backRequest(ref.current);
        ref.current = r.state;
        setState(r.state);
        if (r.state.commit) save(r.state.commit);
        if (r.leave) app.back();
      },
      // Ctrl+C with a value typed and not yet saved asks, as the help says; y drops it and quits.
      quit: () => {
        const leave = () => void whenSaved(db).then(() => keyCtx?.quit());
        if (isDirty(ref.current))
          app.ask({
            question: QUIT_DISCARD_QUESTION,
            onAnswer: () => {
              apply({ type: 'revert' });
              leave();
            },
          });
        else leave();
      },
      nextField: () => apply({ type: 'move', delta: 1 }),
      prevField: () => apply({ type: 'move', delta: -1 }),
      fieldDown: () => apply({ type: 'move', delta: 1 }),
      fieldUp: () => apply({ type: 'move', delta: -1 }),
      cellClear: () => apply({ type: 'erase' }),
      undo: typingNote ? off(`đang gõ ghi chú — rời ô ghi chú (${firstKeyName('nextField')}) rồi nhấn ${keyName('undo')}`) : undo,
      history: () => {
        const next = apply({ type: 'move', delta: 0 });
        if (!next.error) app.navigate({ name: 'history', teamId, month });
      },
      nextTeam: () => {
        const next = apply({ type: 'move', delta: 0 });
        if (!next.error) void finish(true).catch((e: Error) => app.notify(e.message, 'error'));
      },
    },
    {
      typing: typingNote ? 'text' : 'digits',
      onText: (text) => {
        apply({ type: 'type', text });
      },
      onBackspace: () => apply({ type: 'erase' }),
    },
  );

  return { state: s, data, saveState };
}

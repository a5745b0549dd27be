// Compile-time checks of the typed key table (run by `npm run typecheck`, never called): every
// expect-error directive below must meet an error, or the type check fails.
import { moveHandlers } from '../../src/ui/components/listFilter.js';
import { keyName } from '../../src/ui/keys/hint.js';
import { off, useKeys } from '../../src/ui/keys/useKeys.js';

export function keyTableTypeChecks(cond: boolean): void {
  const fn = () => undefined;
  // Ids bound on the screen, as handlers, off with a reason, or nothing.
  useKeys('teams', { addTeam: fn, editTeam: off('chưa chọn tổ'), open: undefined, back: fn });
  // @ts-expect-error a mistyped id
  useKeys('teams', { addTem: fn });
  // @ts-expect-error an id the key table does not bind on this screen (a is "Thêm tổ" on the team list only)
  useKeys('home', { addTeam: fn });
  // @ts-expect-error also in one branch of a conditional
  useKeys('home', cond ? { goTeams: fn } : { goTeams: fn, addMember: fn });
  // @ts-expect-error also when it comes from a spread helper (the backup list has no `/` filter, but PgUp is fine)
  useKeys('backup', { ...moveHandlers(fn, 1, 5), filter: fn });
  useKeys('backup', { ...moveHandlers(fn, 1, 5) });
  // @ts-expect-error a key named in screen text must be a binding too
  keyName('noSuchBinding');
}

// Team list: load teams, today's member counts and warnings once per data change; keys → actions.
import { useMemo, useReducer } from 'react';
import { listMemberBriefs } from '../../db/members.js';
import { listTeams } from '../../db/teams.js';
import { todayIso } from '../../domain/text.js';
import { isActiveOn, teamWarnings } from '../../domain/warnings.js';
import { filterHandlers, filterTyping, moveHandlers } from '../components/listFilter.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp, useLayout } from '../context.js';
import { useKeys } from '../keys/useKeys.js';
import { initialTeams, teamHaystack, teamsReducer, visibleTeams } from './reducer.js';

export function useTeams() {
  const app = useApp();
  const layout = useLayout();
  const [state, dispatch] = useReducer(teamsReducer, initialTeams);
  const today = todayIso(app.now());

  const { data: rows, error } = useLoaded(async () => {
    const [teams, members] = await Promise.all([listTeams(app.db, { includeDissolved: true }), listMemberBriefs(app.db)]);
    const byTeam = new Map<number, typeof members>();
    for (const m of members) {
      const list = byTeam.get(m.teamId) ?? [];
      list.push(m);
      byTeam.set(m.teamId, list);
    }
    return teams.map((team) => {
      const ms = byTeam.get(team.id) ?? [];
      return {
        team,
        members: ms.filter((m) => isActiveOn(m, today)).length,
        warnings: teamWarnings(team, ms, app.plan, today),
        haystack: teamHaystack(team),
      };
    });
  }, [app.db, app.dataVersion, app.plan, today]);

  const shown = useMemo(() => visibleTeams(rows ?? [], state), [rows, state.query, state.showDissolved]); // eslint-disable-line react-hooks/exhaustive-deps
  const selectedIndex = Math.min(state.selected, Math.max(0, shown.length - 1));
  const selected = shown[selectedIndex];
  const page = Math.max(1, layout.bodyRows - 4);
  const dissolvedCount = (rows ?? []).filter((r) => r.team.dissolvedOn).length;

  useKeys(
    'teams',
    state.filtering
      ? filterHandlers(dispatch, shown.length, page)
      : {
          ...moveHandlers(dispatch, shown.length, page),
          filter: () => dispatch({ type: 'startFilter' }),
          back: state.query ? () => dispatch({ type: 'endFilter', clear: true }) : undefined,
          open: selected ? () => app.navigate({ name: 'team', teamId: selected.team.id }) : undefined,
          editTeam: selected ? () => app.navigate({ name: 'teamForm', teamId: selected.team.id }) : undefined,
          addTeam: () => app.navigate({ name: 'teamForm' }),
          showDissolved: () => dispatch({ type: 'toggleDissolved' }),
        },
    filterTyping(state, dispatch),
  );

  return { state, rows, shown, selectedIndex, error, dissolvedCount, bodyRows: layout.bodyRows, columns: layout.columns };
}

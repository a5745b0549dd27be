// Commendation (k on the dashboard): teams ranked for "Tổ CNSCĐ tiêu biểu" at year end, as of
// the span's last month or the latest finished month, whichever is earlier. Loads the ranking
// once per data change; keys → the list filter.
import { useMemo, useReducer } from 'react';
import { computeStatus } from '../../db/evaluation.js';
import { lastFinishedMonth } from '../../domain/period.js';
import { rankTeams, rankingAsOf } from '../../domain/ranking.js';
import { filterHandlers, filterTyping, moveHandlers } from '../components/listFilter.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp, useLayout } from '../context.js';
import { useKeys } from '../keys/useKeys.js';
import { initialRanking, rankingReducer, searchableRanks, visibleRanks } from './reducer.js';

export function useRanking() {
  const app = useApp();
  const layout = useLayout();
  const asOf = rankingAsOf(app.plan.span_end, lastFinishedMonth(app.now()));
  const [state, dispatch] = useReducer(rankingReducer, initialRanking);
  const { data: rows, error } = useLoaded(
    async () => searchableRanks(rankTeams(await computeStatus(app.db, asOf))),
    [app.db, asOf, app.dataVersion],
    (message) => `Không xếp hạng được: ${message}`,
  );

  const shown = useMemo(() => visibleRanks(rows ?? [], state.query), [rows, state.query]);
  const selectedIndex = Math.min(state.selected, Math.max(0, shown.length - 1));
  const selected = shown[selectedIndex];
  const page = Math.max(1, layout.bodyRows - 6);

  useKeys(
    'ranking',
    state.filtering
      ? filterHandlers(dispatch, shown.length, page)
      : {
          back: state.query ? () => dispatch({ type: 'endFilter', clear: true }) : undefined,
          ...moveHandlers(dispatch, shown.length, page),
          filter: () => dispatch({ type: 'startFilter' }),
          open: selected ? () => app.navigate({ name: 'teamStatus', teamId: selected.teamId, asOf }) : undefined,
        },
    filterTyping(state, dispatch),
  );

  return { asOf, spanEnd: app.plan.span_end, rows, shown, selectedIndex, state, error };
}

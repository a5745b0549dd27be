// The ranking's state is the shared `/`-filtered list (components/listFilter.ts); what is its own
// is which ranked rows the filter shows (ranks unchanged). Pure.
import type { RankRow } from '../../domain/ranking.js';
import { fold, matchesFolded } from '../../domain/text.js';

export { initialListFilter as initialRanking, listFilterReducer as rankingReducer } from '../components/listFilter.js';

export type RankingRow = RankRow & { search: string };

/** The rows with their name and code folded once per load (not once per key and row). */
export function searchableRanks(rows: readonly RankRow[]): RankingRow[] {
  return rows.map((x) => ({ ...x, search: fold(`${x.ten_to} ${x.ma_to}`) }));
}

/** The rows matching every word of the query, diacritics and case ignored; their ranks stay. */
export function visibleRanks(rows: readonly RankingRow[], query: string): RankingRow[] {
  return rows.filter((r) => matchesFolded(r.search, query));
}

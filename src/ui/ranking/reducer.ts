// Ranking screen state: the selected row and the name filter. Pure.
export interface RankingState {
  selected: number;
  query: string;
  filtering: boolean;
}

export type RankingAction =
  | { type: 'move'; delta: number; count: number }
  | { type: 'startFilter' }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'endFilter'; clear: boolean };

export const initialRanking: RankingState = { selected: 0, query: '', filtering: false };

export function rankingReducer(s: RankingState, a: RankingAction): RankingState {
  switch (a.type) {
    case 'move':
      return { ...s, selected: Math.max(0, Math.min(a.count - 1, s.selected + a.delta)) };
    case 'startFilter':
      return { ...s, filtering: true };
    case 'type':
      return { ...s, query: (s.query + a.text).normalize('NFC'), selected: 0 };
    case 'erase':
      return { ...s, query: Array.from(s.query).slice(0, -1).join(''), selected: 0 };
    case 'endFilter':
      return { ...s, filtering: false, query: a.clear ? '' : s.query, selected: a.clear ? 0 : s.selected };
  }
}

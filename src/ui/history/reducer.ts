// The history screen's cursor over a form's changes (newest first). Pure.
export interface HistoryState {
  selected: number;
}

export type HistoryAction = { type: 'move'; delta: number; count: number } | { type: 'top' };

export function historyReducer(s: HistoryState, a: HistoryAction): HistoryState {
  switch (a.type) {
    case 'move':
      return { selected: Math.max(0, Math.min(a.count - 1, s.selected + a.delta)) };
    case 'top':
      return { selected: 0 };
  }
}

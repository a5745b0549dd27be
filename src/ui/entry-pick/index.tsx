import type { Month } from '../../domain/period.js';
import { EntryPickView } from './EntryPickView.js';
import { useEntryPick } from './useEntryPick.js';

export function EntryPickScreen({ month }: { month?: Month }) {
  const h = useEntryPick(month);
  return (
    <EntryPickView
      state={h.state}
      month={h.state.month}
      teams={h.teams}
      rows={h.rows}
      withForm={h.withForm}
      selected={h.selected}
      error={h.error}
      bodyRows={h.bodyRows}
      columns={h.columns}
    />
  );
}

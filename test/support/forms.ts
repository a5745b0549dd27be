// Monthly forms by team code: open a team's paper form in the real App, read back what it saved.
import { getForm } from '../../src/db/forms.js';
import type { DbRunner } from '../../src/db/database.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { type Month, currentMonth } from '../../src/domain/period.js';
import { whenSaved } from '../../src/ui/saveQueue.js';
import { TEST_NOW } from './templates.js';
import { type Rendered, renderApp } from './ui.js';

const THIS_MONTH = currentMonth(TEST_NOW);

export async function teamIdOf(pg: DbRunner, code: string): Promise<number> {
  return (await getTeamByCode(pg, code))!.id;
}

/** The monthly entry screen of a team, drawn and ready for keys (this month by default). */
export async function openEntryForm(pg: DbRunner, code: string, month: Month = THIS_MONTH): Promise<Rendered> {
  const app = await renderApp(pg, { screen: { name: 'entry', month, teamId: await teamIdOf(pg, code) } });
  await app.waitFor('Ngày nhận phiếu');
  return app;
}

/** The form as stored, once every queued save has run (null: no form). */
export async function storedForm(pg: DbRunner, code: string, month: Month = THIS_MONTH) {
  await whenSaved(pg);
  return getForm(pg, await teamIdOf(pg, code), month);
}

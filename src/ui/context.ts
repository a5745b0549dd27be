// What every screen can reach: the open database, the unit and plan, navigation, messages.
import { createContext, useContext } from 'react';
import type { Database } from '../store/open.js';
import type { DbRunner } from '../db/database.js';
import type { Month } from '../domain/period.js';
import type { Indicator, Plan, Unit } from '../domain/schemas.js';
import type { PromptSpec } from './keys/useKeys.js';

export type Screen =
  | { name: 'home' }
  | { name: 'teamStatus'; teamId: number; asOf: Month }
  | { name: 'commune'; asOf: Month }
  | { name: 'ranking' }
  | { name: 'teams' }
  | { name: 'team'; teamId: number }
  | { name: 'teamForm'; teamId?: number }
  | { name: 'memberForm'; teamId: number; memberId?: number }
  | { name: 'training'; teamId: number; memberIds: number[] }
  | { name: 'moveMember'; teamId: number; memberId: number }
  | { name: 'entryPick'; month?: Month }
  | { name: 'entry'; month: Month; teamId: number }
  | { name: 'grid'; month: Month }
  | { name: 'history'; teamId: number; month: Month }
  | { name: 'import' }
  | { name: 'export' }
  | { name: 'backup' }
  | { name: 'plan' };

export type MessageKind = 'info' | 'warn' | 'error';

export interface AppServices {
  database: Database;
  db: DbRunner;
  unit: Unit;
  plan: Plan;
  presetId: string;
  indicators: Indicator[];
  /** Injectable clock: tests pin "today". */
  now(): Date;
  /** The month the officer is working on (header); screens may change it. */
  workMonth: Month;
  setWorkMonth(m: Month): void;
  navigate(screen: Screen): void;
  /** Replace the current screen (no new history entry). */
  replace(screen: Screen): void;
  /** Go back now (after a save). q/Esc go through the key shell, which asks first about unsaved input. */
  back(): void;
  notify(text: string, kind?: MessageKind): void;
  /** Ask a yes/no or one-line question over the screen (e.g. the date a team is dissolved). */
  ask(prompt: PromptSpec): void;
  /** Increases after every write, so screens showing data reload. */
  dataVersion: number;
  dataChanged(): void;
  /** Reload unit/plan/indicators after they were edited (or restored). */
  reloadSettings(): Promise<void>;
  terminal: { columns: number; rows: number };
  /** Rows left for the body once header, message line and footer are drawn. */
  bodyRows: number;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside <App>');
  return ctx;
}

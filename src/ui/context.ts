// What every screen can reach, in three contexts by how often they change: the services
// (database, navigation, messages; never), the data (plan, data version, work month; after a
// write) and the layout (terminal size; on a resize, for the top screen only).
import { createContext, useContext, useMemo } from 'react';
import type { DbRunner } from '../db/database.js';
import type { Database } from '../store/open.js';
import type { Month } from '../domain/period.js';
import type { Indicator, Plan, Unit } from '../domain/schemas.js';
import type { PromptSpec } from './keys/useKeys.js';
import type { FirstLook } from './home/model.js';

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

/**
 * What every screen can call, the same object for the whole run: a change of data, size or
 * month never re-renders a screen through it.
 */
export interface AppServices {
  database: Database;
  db: DbRunner;
  /** Injectable clock: tests pin "today". */
  now(): Date;
  setWorkMonth(m: Month): void;
  navigate(screen: Screen): void;
  /** Replace the current screen (no new history entry). */
  replace(screen: Screen): void;
  /** Go back now (after a save). q/Esc go through the key shell, which asks first about unsaved input. */
  back(): void;
  notify(text: string, kind?: MessageKind): void;
  /** Ask a yes/no or one-line question over the screen (e.g. the date a team is dissolved). */
  ask(prompt: PromptSpec): void;
  dataChanged(): void;
  /** Reload unit/plan/indicators after they were edited (or restored). */
  reloadSettings(): Promise<void>;
  /** Home's figures loaded before the first frame (Root), once: a later visit to home loads its own. */
  takeFirstLook(): FirstLook | undefined;
  /** Set when the data is only looked at (a province viewing a commune): why writing keys are off. */
  readOnly?: string;
}

/** What the screens show that changes while the app runs: every screen on the stack follows it. */
export interface AppData {
  unit: Unit;
  plan: Plan;
  presetId: string;
  indicators: Indicator[];
  /** The month the officer is working on (header); screens may change it. */
  workMonth: Month;
  /** Increases after every write, so screens showing data reload. */
  dataVersion: number;
}

/**
 * The terminal's size as the screen draws it. Only the top screen follows a resize; the ones
 * under it keep the size they last drew at until they are on top again (so a resize re-renders
 * one screen, not the whole stack).
 */
export interface Layout {
  columns: number;
  rows: number;
  /** Rows left for the body once header, message line and footer are drawn. */
  bodyRows: number;
}

export const ServicesContext = createContext<AppServices | null>(null);
export const DataContext = createContext<AppData | null>(null);
export const LayoutContext = createContext<Layout | null>(null);

function need<T>(value: T | null, what: string): T {
  if (!value) throw new Error(`${what} outside <App>`);
  return value;
}

export const useServices = (): AppServices => need(useContext(ServicesContext), 'useServices');
export const useAppData = (): AppData => need(useContext(DataContext), 'useAppData');
export const useLayout = (): Layout => need(useContext(LayoutContext), 'useLayout');

/** Services and data together: what most screen hooks need (the layout is apart: useLayout). */
export function useApp(): AppServices & AppData {
  const services = useServices();
  const data = useAppData();
  return useMemo(() => ({ ...services, ...data }), [services, data]);
}

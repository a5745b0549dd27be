// Import screen state: the path being typed, the kind, then the check's result, the progress of
// the write and what was written. Pure.
import type { ImportKind } from '../../io/csv/import.js';
import type { Problem } from '../../io/csv/problems.js';

export type KindChoice = ImportKind | 'auto';
export const KIND_CHOICES: readonly KindChoice[] = ['auto', 'teams', 'members', 'figures'];

export type Phase = 'edit' | 'checking' | 'checked' | 'writing' | 'done';

export interface ImportState {
  path: string;
  kind: KindChoice;
  phase: Phase;
  /** The kind actually used by the last check (detected or chosen). */
  checkedKind: ImportKind | null;
  summary: string[];
  problems: Problem[];
  warnings: Problem[];
  /** The file refused as a whole (not UTF-8, header wrong…). */
  fileError: string | null;
  scroll: number;
  progress: { done: number; total: number } | null;
}

export type ImportAction =
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'kind'; delta: number }
  | { type: 'checking' }
  | { type: 'checked'; kind: ImportKind | null; summary: string[]; problems: Problem[]; warnings: Problem[]; fileError: string | null }
  | { type: 'edit' }
  | { type: 'scroll'; delta: number; max: number }
  | { type: 'writing' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; summary: string[] }
  | { type: 'failed'; message: string };

export function initialImport(): ImportState {
  return { path: '', kind: 'auto', phase: 'edit', checkedKind: null, summary: [], problems: [], warnings: [], fileError: null, scroll: 0, progress: null };
}

/** A path pasted from Explorer ("Copy as path") comes in quotes. */
export function cleanPath(s: string): string {
  return s.trim().replace(/^"(.*)"$/u, '$1').replace(/^'(.*)'$/u, '$1');
}

export function importReducer(s: ImportState, a: ImportAction): ImportState {
  switch (a.type) {
    case 'type':
      return s.phase === 'edit' ? { ...s, path: (s.path + a.text.replace(/[\r\n]+/gu, '')).normalize('NFC') } : s;
    case 'erase':
      return s.phase === 'edit' ? { ...s, path: Array.from(s.path).slice(0, -1).join('') } : s;
    case 'kind': {
      if (s.phase !== 'edit' && s.phase !== 'checked') return s;
      const i = KIND_CHOICES.indexOf(s.kind);
      const kind = KIND_CHOICES[(i + a.delta + KIND_CHOICES.length) % KIND_CHOICES.length]!;
      return { ...s, kind, phase: 'edit' };
    }
    case 'checking':
      return { ...s, phase: 'checking', summary: [], problems: [], warnings: [], fileError: null, scroll: 0, progress: null };
    case 'checked':
      return { ...s, phase: 'checked', checkedKind: a.kind, summary: a.summary, problems: a.problems, warnings: a.warnings, fileError: a.fileError, scroll: 0 };
    case 'edit':
      return { ...s, phase: 'edit' };
    case 'scroll':
      return { ...s, scroll: Math.max(0, Math.min(a.max, s.scroll + a.delta)) };
    case 'writing':
      return { ...s, phase: 'writing', progress: { done: 0, total: 0 } };
    case 'progress':
      return { ...s, progress: { done: a.done, total: a.total } };
    case 'done':
      return { ...s, phase: 'done', summary: a.summary, progress: null };
    case 'failed':
      return { ...s, phase: 'checked', fileError: a.message, progress: null };
  }
}

/** Only a checked file without a bad row can be written. */
export function canWrite(s: ImportState): boolean {
  return s.phase === 'checked' && s.checkedKind !== null && s.problems.length === 0 && !s.fileError;
}

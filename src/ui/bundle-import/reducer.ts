// The province's import screen (a folder of bundles): the folder typed, then a dry run of every
// bundle in it shown first, then the import of those the dry run accepted. Pure.
import type { BundleOutcome } from '../../io/bundle/files.js';

export type BundlePhase = 'folder' | 'checking' | 'preview' | 'importing' | 'done';

export interface BundleImportState {
  phase: BundlePhase;
  folder: string;
  folderEdited: boolean;
  /** The dry run's outcome per file (preview), then the import's (done). */
  outcomes: BundleOutcome[];
  error: string | null;
  offset: number;
}

export type BundleImportAction =
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'folderKnown'; folder: string }
  | { type: 'checking' }
  | { type: 'checked'; outcomes: BundleOutcome[] }
  | { type: 'importing' }
  | { type: 'imported'; outcomes: BundleOutcome[] }
  | { type: 'failed'; message: string }
  | { type: 'edit' }
  | { type: 'scroll'; delta: number; max: number };

export const initialBundleImport: BundleImportState = { phase: 'folder', folder: '', folderEdited: false, outcomes: [], error: null, offset: 0 };

export function bundleImportReducer(s: BundleImportState, a: BundleImportAction): BundleImportState {
  switch (a.type) {
    case 'type':
      return s.phase === 'folder' ? { ...s, folder: (s.folder + a.text).normalize('NFC'), folderEdited: true } : s;
    case 'erase':
      return s.phase === 'folder' ? { ...s, folder: Array.from(s.folder).slice(0, -1).join(''), folderEdited: true } : s;
    case 'folderKnown':
      return s.folderEdited ? s : { ...s, folder: a.folder };
    case 'checking':
      return { ...s, phase: 'checking', error: null, outcomes: [], offset: 0 };
    case 'checked':
      return { ...s, phase: 'preview', outcomes: a.outcomes, offset: 0 };
    case 'importing':
      return { ...s, phase: 'importing', error: null };
    case 'imported':
      // The files the dry run refused were not tried again: still listed, with why.
      return { ...s, phase: 'done', outcomes: [...a.outcomes, ...s.outcomes.filter((o) => o.refused !== undefined)], offset: 0 };
    case 'failed':
      // Back where it can be corrected: the folder (checking) or the preview (importing).
      return { ...s, phase: s.phase === 'importing' ? 'preview' : 'folder', error: a.message };
    case 'edit':
      return { ...s, phase: 'folder', outcomes: [], error: null, offset: 0 };
    case 'scroll':
      return { ...s, offset: Math.max(0, Math.min(a.max, s.offset + a.delta)) };
  }
}

/** Files the dry run accepted: what `y` imports. */
export const accepted = (s: Pick<BundleImportState, 'outcomes'>): string[] => s.outcomes.filter((o) => o.summary).map((o) => o.file);

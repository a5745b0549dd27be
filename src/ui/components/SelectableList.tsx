// The one list with a selected row: the rows that fit around the selection (listWindow), the
// selected one marked `›` and shown inverse. Every scrolling list of the app draws through it;
// fields and form rows use the same mark (selectionMark).
import { Text } from './Text.js';
import type { ReactNode } from 'react';
import { listWindow } from './listWindow.js';

/** "› " for the selected row or focused field, blanks of the same width for the others. */
export function selectionMark(selected: boolean, width: 1 | 2 = 2): string {
  return selected ? '›'.padEnd(width) : ' '.repeat(width);
}

export interface SelectableListProps<T> {
  items: readonly T[];
  selected: number;
  /** Rows it may take. */
  rows: number;
  keyOf(item: T): string | number;
  /** The row after the mark (one line: it is cut at the terminal's edge). */
  render(item: T, selected: boolean): ReactNode;
  /** Dimmed unless selected (a dissolved team, a member who left, an undone change). */
  dim?(item: T): boolean;
  /** 1 when the first column is a mark of its own (✓ marked member, rank). */
  markWidth?: 1 | 2;
  /** Spaces before the mark (a list under a field). */
  indent?: number;
  /** False when the focus is elsewhere (another field): the selected row is bold, not inverse. */
  active?: boolean;
}

export function SelectableList<T>({ items, selected, rows, keyOf, render, dim, markWidth = 2, indent = 0, active = true }: SelectableListProps<T>) {
  const { start, end } = listWindow(selected, items.length, rows);
  return (
    <>
      {items.slice(start, end).map((item, i) => {
        const sel = start + i === selected;
        return (
          <Text key={keyOf(item)} inverse={sel && active} bold={sel && !active} dimColor={!sel && !!dim?.(item)} wrap="truncate-end">
            {' '.repeat(indent)}
            {selectionMark(sel, markWidth)}
            {render(item, sel)}
          </Text>
        );
      })}
    </>
  );
}

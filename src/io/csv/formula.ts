// Excel runs a cell starting with = + - @ (or tab/CR) as a formula: an exported text cell gets
// a leading apostrophe. Import takes one apostrophe off again, so our own files round-trip.
// A text that already starts with apostrophes before such a character gets one more on export
// and loses one on import, so the rule is reversible for every text.
const NEEDS_GUARD = /^'*[=+\-@\t\r]/u;

export function neutraliseFormula(cell: string): string {
  return NEEDS_GUARD.test(cell) ? `'${cell}` : cell;
}

export function restoreFormula(cell: string): string {
  return cell.charCodeAt(0) === 39 /* ' */ && NEEDS_GUARD.test(cell.slice(1)) ? cell.slice(1) : cell;
}

// Keys named in the text of a screen ("Bấm a để thêm", "(y/n)"), read from the key table so a key
// moved there is never named wrong on screen. Nothing else in the UI spells a key.
import { keysLabel } from './keymap.js';
import { type BindingId, bindingById } from './table.js';
import { type UseKeysOptions, liveKeys } from './useKeys.js';

/**
 * A binding's keys as the footer writes them: "a", "q/Esc", "Ctrl+R", "Space". With `typing`,
 * only the keys that still act while a field is typed into ("Esc", not "q/Esc").
 */
export function keyName(id: BindingId, typing: UseKeysOptions['typing'] = false): string {
  return keysLabel(liveKeys(bindingById(id).keys, typing));
}

/** Only the first of a binding's keys: "Enter" of Tab/Enter, "y" of y/Enter. */
export function firstKeyName(id: BindingId): string {
  return keysLabel(bindingById(id).keys.slice(0, 1));
}

/** Several bindings' keys together: "↑/↓", "[/]". */
export function keyNames(...ids: BindingId[]): string {
  return ids.map((id) => keyName(id)).join('/');
}

/** A binding's keys and its short label: "c Toàn xã". */
export function hint(id: BindingId): string {
  return `${keyName(id)} ${bindingById(id).label}`;
}

/** What a yes/no question ends with: "(y/n)". */
export function yesNo(): string {
  return `(${firstKeyName('confirmYes')}/${firstKeyName('confirmNo')})`;
}

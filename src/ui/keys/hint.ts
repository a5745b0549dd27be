// Keys named in the text of a screen ("Bấm a để thêm"), read from the key table so a key moved
// there is never named wrong on screen.
import { keysLabel } from './keymap.js';
import { bindingById } from './table.js';

/** A binding's keys as the footer writes them: "a", "q/Esc", "Ctrl+R", "Space". */
export function keyName(id: string): string {
  return keysLabel(bindingById(id).keys);
}

/** A binding's keys and its short label: "c Toàn xã". */
export function hint(id: string): string {
  return `${keyName(id)} ${bindingById(id).label}`;
}

// THE way text reaches Ink. Every string a screen draws (team and member names, notes, areas,
// plan names, paths, messages, problems of an import) passes through here, cleaned of every
// character a terminal would act on (domain.md, "Untrusted text"): Ink 6 itself keeps OSC
// sequences (window title, hidden links, clipboard writes) and SGR in text. Line breaks stay
// (Ink lays them out); a tab becomes a space (Ink would measure it as zero columns).
// test/layers.test.ts checks that nothing in src/ui takes Text from Ink directly.
import { Text as InkText, type TextProps } from 'ink';
import { Fragment, type ReactNode, cloneElement, createElement, isValidElement } from 'react';
import { printable } from '../../domain/text.js';

function clean(node: ReactNode): ReactNode {
  if (typeof node === 'string') return printable(node, { breaks: true }).replace(/\t/gu, ' ');
  if (Array.isArray(node)) return node.map(clean);
  // A fragment's strings are this Text's too (a list row's render often returns <>…</>); any other
  // element is a Text (cleaning itself) or a component drawing one.
  if (isValidElement<{ children?: ReactNode }>(node) && node.type === Fragment) {
    const inner = node.props.children;
    return Array.isArray(inner) ? cloneElement(node, undefined, ...inner.map(clean)) : cloneElement(node, undefined, clean(inner));
  }
  return node;
}

export function Text({ children, ...props }: TextProps) {
  // Spread as separate children, as JSX passed them: no key warnings for a static list.
  return Array.isArray(children) ? createElement(InkText, props, ...children.map(clean)) : createElement(InkText, props, clean(children));
}

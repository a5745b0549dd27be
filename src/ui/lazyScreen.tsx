// A screen whose code loads when it is first shown, not before the first frame: start-up compiles
// only what home needs (#16: the other screens pull in docx, spreadsheets, CSV, backups…). Once
// loaded it renders at once, like a static import; `preloadScreens` loads every one of them in
// the background after home's first frame with data, so a key normally finds its screen there.
import { type ComponentType, type ReactNode, useEffect, useState } from 'react';

interface Slot<P> {
  component: ComponentType<P> | null;
  load: () => Promise<ComponentType<P>>;
}

const slots: Slot<never>[] = [];

export interface LazyScreen<P> {
  (props: P): ReactNode;
  /** Null once the code is there; else its loading (App navigates when it ends: title and body together). */
  loading(): Promise<unknown> | null;
}

/** `load` imports the module (a dynamic import: its own chunk in the bundle) and picks the component. */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let pending: Promise<ComponentType<P>> | null = null;
  const slot: Slot<P> = {
    component: null,
    load: () =>
      (pending ??= load().then((c) => {
        slot.component = c;
        return c;
      })),
  };
  slots.push(slot as unknown as Slot<never>);
  function LazyScreen(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => slot.component);
    useEffect(() => {
      if (Component) return;
      let live = true;
      // A chunk that cannot load is a broken install: a crash (run.tsx says it), not a blank screen.
      void slot.load().then((c) => live && setComponent(() => c));
      return () => {
        live = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : null;
  }
  LazyScreen.loading = () => (slot.component ? null : slot.load());
  return LazyScreen;
}

let preloading: Promise<void> | null = null;

/** Load every lazy screen's code, one after another (idle work: it must not crowd a frame). */
export function preloadScreens(): Promise<void> {
  return (preloading ??= (async () => {
    for (const s of slots) await s.load();
  })());
}

// A part of the UI whose code loads when it is first needed, not before the first frame: every
// screen but home (#16: the others pull in docx, spreadsheets, CSV, backups…), the first-run
// wizard and the province's app. Whoever shows one waits for its code first (App's moves, Root),
// with the keys held meanwhile (keys/hub.tsx), so its first frame is whole and its keys are live
// from that frame on. Once loaded it renders at once, like a static import; `preloadScreens`
// loads them all in the background once home shows its figures.
import { type ComponentType, type ReactNode, useEffect, useState } from 'react';

interface Slot<P> {
  component: ComponentType<P> | null;
  load: () => Promise<ComponentType<P>>;
}

const slots: Slot<never>[] = [];

export interface LazyScreen<P> {
  (props: P): ReactNode;
  /** Null once the code is there; else its loading (show the part when it ends). */
  loading(): Promise<unknown> | null;
}

/** `load` imports the module (a dynamic import: its own chunk in the bundle) and picks the component. */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let pending: Promise<ComponentType<P>> | null = null;
  const slot: Slot<P> = {
    component: null,
    load: () =>
      (pending ??= load().then(
        (c) => {
          slot.component = c;
          return c;
        },
        (e: unknown) => {
          pending = null; // a later showing tries again (and says why if it fails again)
          throw e;
        },
      )),
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

/** Load every lazy part's code, one after another (idle work: one chunk at a time between keys). */
export function preloadScreens(): Promise<void> {
  return (preloading ??= (async () => {
    // Only ahead of time: a chunk that fails here is loaded (or its failure shown) when its part is.
    for (const s of slots) await s.load().catch(() => undefined);
  })());
}

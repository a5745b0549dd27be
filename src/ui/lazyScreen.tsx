// A part of the UI whose code loads when it is first needed, not before the first frame: the
// first-run wizard and the province's app (Root loads their code before showing them, so their
// first frame is whole). Once loaded it renders at once, like a static import.
import { type ComponentType, type ReactNode, useEffect, useState } from 'react';

interface Slot<P> {
  component: ComponentType<P> | null;
  load: () => Promise<ComponentType<P>>;
}

export interface LazyScreen<P> {
  (props: P): ReactNode;
  /** Null once the code is there; else its loading (Root shows the part when it ends). */
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

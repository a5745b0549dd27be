// Loading a screen's data from the database: again whenever `deps` change (month, dataVersion…).
import { type DependencyList, useEffect, useRef, useState } from 'react';

/**
 * `data` stays the last loaded value while a new load runs (the view says what is being
 * computed); a reply that arrives after `deps` changed or the screen closed is dropped, so a slow
 * load for the previous month never overwrites the current one. A success clears the error.
 */
export function useLoaded<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  failed: (message: string) => string = (message) => message,
  /** Already loaded for the first `deps` (home's first look, loaded before the app's first frame). */
  initial?: T,
): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(initial ?? null);
  const [error, setError] = useState<string | null>(null);
  const given = useRef(initial !== undefined);
  useEffect(() => {
    if (given.current) {
      given.current = false;
      return;
    }
    let live = true;
    load().then(
      (d) => live && (setData(() => d), setError(null)),
      (e: Error) => live && setError(failed(e.message)),
    );
    return () => {
      live = false;
    };
    // `load` and `failed` are new closures each render; what they read is listed in `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { data, error };
}

// A reducer whose newest state is also in a ref: a key handled before React has drawn the
// previous key's state (a paste, then Enter at once, on a busy machine) still reads what was
// typed. The state drives the view; handlers that act on it read `ref.current`.
import { useCallback, useRef, useState } from 'react';

export function useRefReducer<S, A>(reducer: (s: S, a: A) => S, init: () => S): [S, (a: A) => S, { readonly current: S }] {
  const [state, setState] = useState(init);
  const ref = useRef(state);
  const dispatch = useCallback(
    (a: A) => {
      const next = reducer(ref.current, a);
      ref.current = next;
      setState(next);
      return next;
    },
    [reducer],
  );
  return [state, dispatch, ref];
}

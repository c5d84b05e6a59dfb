import { startTransition, useEffect, useState } from 'react';

/**
 * useSyncExternalStore for stores whose changes are not the answer to the
 * learner's own input (a lesson's content arriving, the engine loading in the
 * background): a change re-renders as a transition, so React renders it in
 * slices and the page keeps answering. useSyncExternalStore would render every
 * change at once, in one task (issue 9 §2: on a phone, each re-render of a step
 * page for an engine stage blocked the main thread). `getSnapshot` must be
 * stable for as long as it reads the same thing (a new one is read at once).
 */
export function useStoreInTransition<T>(subscribe: (onChange: () => void) => () => void, getSnapshot: () => T): T {
  const [seen, setSeen] = useState(() => ({ read: getSnapshot, value: getSnapshot() }));
  useEffect(() => {
    const update = () => {
      const value = getSnapshot();
      startTransition(() => setSeen((prev) => (prev.read === getSnapshot && Object.is(prev.value, value) ? prev : { read: getSnapshot, value })));
    };
    const unsubscribe = subscribe(update);
    update(); // a change between this render and the subscription
    return unsubscribe;
  }, [subscribe, getSnapshot]);
  return seen.read === getSnapshot ? seen.value : getSnapshot();
}

// Saves still being written (the lab's project to IndexedDB, src/lab/page/worldStore.ts):
// while any is, closing the tab would lose it, so the app asks first (src/app/unloadGuard.ts).
// A counter here, not in the lab, so the guard costs the entry chunk nothing of the lab's.
let pending = 0;

/** Count a save as under way until it settles. */
export function trackSave<T>(save: Promise<T>): Promise<T> {
  pending++;
  const done = () => {
    pending--;
  };
  save.then(done, done);
  return save;
}

export const hasPendingSaves = () => pending > 0;

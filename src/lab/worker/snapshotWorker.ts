// A short-lived worker that makes the lab's Python snapshot (snapshot.ts) for the
// next start, after an engine had to start without one. It runs no learner
// code; the page ends it once it answers.
import { loadPyodide, version } from 'pyodide';
import { cacheStorageStore, makeLabSnapshot, snapshotKey } from './snapshot';

export type SnapshotMakerMessage = { type: 'saved'; bytes: number } | { type: 'failed'; message: string };

self.onmessage = async (event: MessageEvent<{ indexURL: string }>) => {
  self.onmessage = null;
  const answer = (message: SnapshotMakerMessage) => self.postMessage(message);
  try {
    const key = await snapshotKey(version);
    // _makeSnapshot wraps the `js` module so the snapshot can name what Python holds; only this interpreter has it.
    const py = await loadPyodide({ indexURL: event.data.indexURL, fullStdLib: false, _makeSnapshot: true });
    const bytes = makeLabSnapshot(py);
    await cacheStorageStore(caches, self.location.origin).write(key, bytes);
    answer({ type: 'saved', bytes: bytes.length });
  } catch (error) {
    answer({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};

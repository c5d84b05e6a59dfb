// A short-lived worker that makes the lab's Python snapshot (snapshot.ts) for the
// next start, after an engine had to start without one. It runs no learner
// code and keeps nothing: it hands the bytes to the page, which stores them
// (src/lab/page/snapshotStore.ts), and the page ends it once it answers.
import { loadPyodide, version } from 'pyodide';
import { makeLabSnapshot, snapshotKey } from './snapshot';
import type { SnapshotMakerMessage } from '../protocol';

self.onmessage = async (event: MessageEvent<{ indexURL: string }>) => {
  self.onmessage = null;
  try {
    const key = await snapshotKey(version);
    // _makeSnapshot wraps the `js` module so the snapshot can name what Python holds; only this interpreter has it.
    const py = await loadPyodide({ indexURL: event.data.indexURL, fullStdLib: false, _makeSnapshot: true });
    const bytes = makeLabSnapshot(py);
    self.postMessage({ type: 'made', key, bytes } satisfies SnapshotMakerMessage, { transfer: [bytes.buffer] });
  } catch (error) {
    self.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies SnapshotMakerMessage);
  }
};

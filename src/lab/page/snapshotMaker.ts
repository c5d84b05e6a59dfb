// The page's side of the lab's Python snapshot (src/lab/worker/snapshot.ts): after an
// engine started without one, a worker of its own makes it for the next start, and
// the page keeps what it hands back (snapshotStore.ts).
import type { SnapshotMakerMessage } from '../protocol';
import type { SnapshotStore } from './snapshotStore';
/** After a start without a snapshot, wait this long (then for an idle moment) before making one: the learner's first Run comes first. */
const SNAPSHOT_DELAY_MS = 3000;
/** A maker that has not answered by then is ended; the next start without a snapshot schedules another. */
const SNAPSHOT_MAKER_LIMIT_MS = 120_000;
/** At most one maker per page. */
let snapshotScheduled = false;

/**
 * Have Python's snapshot made in a worker of its own, off the lab's thread:
 * the next start (this lesson's or another's) restores it (snapshot.ts).
 */
export function scheduleSnapshot(
  indexURL: string,
  store: SnapshotStore,
  createMaker: () => Worker = () => new Worker(new URL('../worker/snapshotWorker.ts', import.meta.url), { type: 'module' }),
) {
  if (snapshotScheduled) return;
  snapshotScheduled = true;
  setTimeout(() => {
    const make = () => {
      let maker: Worker;
      try {
        maker = createMaker();
      } catch {
        return; // no snapshot: every start is a normal one
      }
      const end = () => {
        clearTimeout(limit);
        maker.terminate();
      };
      const limit = setTimeout(end, SNAPSHOT_MAKER_LIMIT_MS);
      maker.onmessage = (event: MessageEvent<SnapshotMakerMessage>) => {
        end();
        const answer = event.data;
        if (answer?.type === 'made' && typeof answer.key === 'string' && answer.bytes instanceof Uint8Array) void store.write(answer.key, answer.bytes).catch(() => undefined);
      };
      maker.onerror = (event) => {
        event.preventDefault();
        end();
      };
      maker.postMessage({ indexURL });
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(make, { timeout: SNAPSHOT_DELAY_MS });
    else make();
  }, SNAPSHOT_DELAY_MS);
}

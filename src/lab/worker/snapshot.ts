// A memory snapshot of the lab's Python (Pyodide's `_makeSnapshot` / `_loadSnapshot`):
// the heap of an interpreter that has started and imported the lab's modules,
// taken before any JavaScript object was handed to Python. A return visit
// restores it instead of booting CPython and importing the modules again.
//
// What it carries is Python's memory only: the file system is rebuilt on every
// start (the stdlib zip, then setupLab writes the lab's modules and the
// lesson's project), so no lesson's world is baked in. Streams, stdin and the
// interrupt buffer are set on the JavaScript side after the restore.
import type { PyodideAPI } from 'pyodide';
import { HOME, LIB_DIR, PYTHON_MODULES, writeLabModules } from './labFiles';

/**
 * Run once in the interpreter that is snapshotted: the runner imported as
 * prepareLab imports it (the lab's modules last on sys.path, no project folder
 * and no ''). It leaves sys.path as a fresh start has it (Pyodide adds '' again
 * when it restores), so prepareLab does the same on either start.
 */
const PREPARE = `
def _prepare():
    import os, sys
    sys.path[:] = [p for p in sys.path if p not in ("", ${JSON.stringify(HOME)})] + [${JSON.stringify(LIB_DIR)}]
    os.chdir(${JSON.stringify(HOME)})
    import lab_runner
    sys.path.remove(${JSON.stringify(LIB_DIR)})
_prepare()
del _prepare
`;

/** Run after a restore: everything restored from one snapshot would otherwise share the maker's random state. */
const AFTER_RESTORE = `
import sys as _sys
if "random" in _sys.modules:
    _sys.modules["random"].seed()
del _sys
`;

/**
 * Which snapshot this build can use: Pyodide's version and a digest of the lab's
 * modules and of what is imported, so a deploy that changes a shim never
 * restores a heap holding the old one. (A different pyodide.asm.wasm under the
 * same version is refused by Pyodide itself: the snapshot carries its build id.)
 */
export async function snapshotKey(pyodideVersion: string, labModules: Record<string, string> = PYTHON_MODULES): Promise<string> {
  const modules = Object.entries(labModules).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const text = JSON.stringify([pyodideVersion, PREPARE, AFTER_RESTORE, modules]);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  const hex = Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${pyodideVersion}-${hex}`;
}

/** Import the lab's modules in a fresh interpreter (loaded with `_makeSnapshot`) and take its snapshot. */
export function makeLabSnapshot(py: PyodideAPI): Uint8Array {
  writeLabModules(py);
  py.FS.mkdirTree(HOME);
  py.runPython(PREPARE);
  return py.makeMemorySnapshot();
}

/** Call on an interpreter restored from a snapshot, before anything else runs in it. */
export function afterRestore(py: PyodideAPI) {
  py.runPython(AFTER_RESTORE);
}

/** Where snapshots are kept: one at a time, the current build's. */
export interface SnapshotStore {
  /**
   * The snapshot for `key`: null when there is none; else its bytes, which may
   * still be arriving (so reading overlaps Pyodide's own fetches), rejected if
   * they turn out unreadable or incomplete.
   */
  find(key: string): Promise<{ bytes: Promise<Uint8Array> } | null>;
  /** Keep `bytes` as the snapshot for `key`, dropping any other. */
  write(key: string, bytes: Uint8Array): Promise<void>;
  /** Forget every snapshot (one failed to restore). */
  clear(): Promise<void>;
}

const CACHE_NAME = 'lab-python-snapshot';
/** The snapshot's length, written beside it: a cut-short copy is refused, not restored. */
const LENGTH_HEADER = 'X-Snapshot-Bytes';

/**
 * Snapshots in Cache Storage. The worker opens it before it cuts the global
 * `caches` (lockDown in worker.ts), so learner code cannot reach it to plant one.
 * Failing to look reads as "no snapshot": the lab then starts as it always did.
 */
export function cacheStorageStore(storage: CacheStorage, origin: string): SnapshotStore {
  const url = (key: string) => `${origin}/__lab-python-snapshot/${encodeURIComponent(key)}`;
  return {
    async find(key) {
      let response: Response | undefined;
      try {
        // storage.match, not open(): looking must not create the cache.
        response = await storage.match(url(key), { cacheName: CACHE_NAME });
      } catch {
        return null;
      }
      if (!response) return null;
      const expected = Number(response.headers.get(LENGTH_HEADER));
      const bytes = response.arrayBuffer().then((buffer) => {
        if (buffer.byteLength !== expected) throw new Error(`the snapshot has ${buffer.byteLength} bytes, not ${expected}`);
        return new Uint8Array(buffer);
      });
      // Whoever restores awaits it; this keeps an early failure elsewhere from leaving it unhandled.
      bytes.catch(() => undefined);
      return { bytes };
    },
    async write(key, bytes) {
      const cache = await storage.open(CACHE_NAME);
      for (const request of await cache.keys()) await cache.delete(request);
      const headers = { 'Content-Type': 'application/octet-stream', [LENGTH_HEADER]: String(bytes.length) };
      await cache.put(url(key), new Response(bytes as Uint8Array<ArrayBuffer>, { headers }));
    },
    async clear() {
      try {
        await storage.delete(CACHE_NAME);
      } catch {
        /* nothing kept, nothing to forget */
      }
    },
  };
}

export type StartedFrom = 'snapshot' | 'fresh';

/**
 * Start Python from the store's snapshot if there is one that works, else as
 * usual. `start` loads and sets up an interpreter (from `snapshot` when given);
 * if it fails on a snapshot, the snapshot is forgotten and `start` runs again
 * without one, so a stale or corrupt snapshot costs one failed try, never the lab.
 */
export async function startWithSnapshot<T>(
  store: SnapshotStore | null,
  key: string | null,
  start: (snapshot: Promise<Uint8Array> | null) => Promise<T>,
): Promise<{ value: T; from: StartedFrom }> {
  const saved = store && key ? await store.find(key) : null;
  if (saved && store) {
    try {
      return { value: await start(saved.bytes), from: 'snapshot' };
    } catch {
      await store.clear();
    }
  }
  return { value: await start(null), from: 'fresh' };
}

// Python restored from the lab's memory snapshot (src/lab/worker/snapshot.ts), in
// the real Pyodide in Node, started as the worker starts it: it runs the learner's
// code like a fresh start, and a stale, corrupt or cut-short snapshot falls back
// to a fresh start and is forgotten.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPyodide, version, type PyodideAPI } from 'pyodide';
import { runLearnerCode, setupLab } from '../../src/lab/worker/pythonRuntime';
import { PYTHON_MODULES } from '../../src/lab/worker/labFiles';
import { afterRestore, cacheStorageStore, makeLabSnapshot, snapshotKey, startWithSnapshot, type SnapshotStore } from '../../src/lab/worker/snapshot';
import { lifecycleStart } from './python';

/** An in-memory store, as Cache Storage holds snapshots in the browser. */
function memoryStore(): SnapshotStore & { saved: Map<string, Uint8Array> } {
  const saved = new Map<string, Uint8Array>();
  return {
    saved,
    find: (key) => Promise.resolve(saved.has(key) ? { bytes: Promise.resolve(saved.get(key)!) } : null),
    write: (key, bytes) => {
      saved.clear();
      saved.set(key, bytes);
      return Promise.resolve();
    },
    clear: () => {
      saved.clear();
      return Promise.resolve();
    },
  };
}

/** What worker.ts does to start Python, with the interrupt buffer a cross-origin isolated page passes. */
function starter(interrupt: Uint8Array, out: string[]) {
  return async (snapshot: Promise<Uint8Array> | null) => {
    const py = await loadPyodide(snapshot ? { _loadSnapshot: snapshot } : {});
    if (snapshot) afterRestore(py);
    py.setStdout({ batched: (line) => out.push(line) });
    py.setInterruptBuffer(interrupt);
    await setupLab(py, null, lifecycleStart());
    return py;
  };
}

let key: string;
let snapshot: Uint8Array;
beforeAll(async () => {
  key = await snapshotKey(version);
  const maker = await loadPyodide({ _makeSnapshot: true });
  snapshot = makeLabSnapshot(maker);
}, 180_000);

describe('a lab started from its snapshot', () => {
  let py: PyodideAPI;
  const interrupt = new Uint8Array(new SharedArrayBuffer(1));
  const out: string[] = [];
  beforeAll(async () => {
    const store = memoryStore();
    await store.write(key, snapshot);
    const started = await startWithSnapshot(store, key, starter(interrupt, out));
    expect(started.from).toBe('snapshot');
    py = started.value;
  }, 180_000);

  it('runs the learner’s code with the lab’s modules and the lesson’s project', () => {
    out.length = 0;
    const r = runLearnerCode(py, 'import lab\ndata = lab.load_dataset("data/raw_data.csv")\nrows = len(data)\nprint("rows", rows)\n', 'train.py', ['rows']);
    expect(r.error).toBeNull();
    expect(r.variables.rows).toBe(400);
    expect(out).toContain('rows 400');
  });

  it('keeps files and tracked runs between runs but starts each run’s names afresh', () => {
    const first = runLearnerCode(py, 'import mlflow\nleft = 1\nopen("note.txt", "w").write("kept")\nwith mlflow.start_run(run_name="r1"):\n    mlflow.log_metric("m", 1)\n', 'a.py', []);
    expect(first.error).toBeNull();
    const second = runLearnerCode(py, 'import mlflow\nnote = open("note.txt").read()\nruns = len(mlflow.search_runs())\ntry:\n    left\n    seen = True\nexcept NameError:\n    seen = False\n', 'b.py', ['note', 'runs', 'seen']);
    expect(second.error).toBeNull();
    expect(second.variables).toMatchObject({ note: 'kept', runs: 1, seen: false });
  });

  it('hides the modules the lesson does not offer, as a fresh start does', async () => {
    const store = memoryStore();
    await store.write(key, snapshot);
    const started = await startWithSnapshot(store, key, async (bytes) => {
      const restored = await loadPyodide({ _loadSnapshot: bytes! });
      afterRestore(restored);
      await setupLab(restored, null, { ...lifecycleStart(), modules: ['lab'] });
      return restored;
    });
    expect(started.from).toBe('snapshot');
    const r = runLearnerCode(started.value, 'import fastapi\n', 'main.py', []);
    expect(r.error?.type).toBe('ModuleNotFoundError');
  }, 180_000);

  it('is interrupted through the interrupt buffer (Stop)', () => {
    // The page's Stop writes SIGINT into the buffer while the loop runs; here the program asks for it once it is running.
    Object.assign(globalThis, { labTestStop: () => (interrupt[0] = 2) });
    const r = runLearnerCode(py, 'import js\nn = 0\njs.labTestStop()\nwhile True:\n    n += 1\n', 'loop.py', []);
    expect(r.error?.type).toBe('KeyboardInterrupt');
    expect([4, 5]).toContain(r.error?.line);
    expect(interrupt[0]).toBe(0); // Python took the signal
    expect(runLearnerCode(py, 'after = 1 + 1\n', 'after.py', ['after']).variables.after).toBe(2);
  });

  it('does not repeat another restored lab’s random numbers', async () => {
    const draw = 'import random\nx = random.random()\n';
    const other = await startWithSnapshot(
      { ...memoryStore(), find: () => Promise.resolve({ bytes: Promise.resolve(snapshot) }) },
      key,
      starter(new Uint8Array(new SharedArrayBuffer(1)), []),
    );
    expect(other.from).toBe('snapshot');
    expect(runLearnerCode(other.value, draw, 'r.py', ['x']).variables.x).not.toBe(runLearnerCode(py, draw, 'r.py', ['x']).variables.x);
  }, 180_000);
});

describe('a snapshot that cannot be used', () => {
  it('is another build’s when a lab module or Pyodide’s version changes', async () => {
    const changed = { ...PYTHON_MODULES, 'lab.py': `${PYTHON_MODULES['lab.py']}\n# changed\n` };
    expect(await snapshotKey(version, changed)).not.toBe(key);
    expect(await snapshotKey(`${version}.1`)).not.toBe(key);
    expect(await snapshotKey(version, { ...PYTHON_MODULES })).toBe(key);
  });

  it('corrupt: the lab starts fresh, runs Python, and the snapshot is forgotten', async () => {
    const store = memoryStore();
    const corrupt = snapshot.slice();
    corrupt.fill(7, 0, 64); // Pyodide's header: magic number and build id
    await store.write(key, corrupt);
    const started = await startWithSnapshot(store, key, starter(new Uint8Array(new SharedArrayBuffer(1)), []));
    expect(started.from).toBe('fresh');
    expect(store.saved.size).toBe(0);
    expect(runLearnerCode(started.value, 'import lab\nok = lab.__name__\n', 'main.py', ['ok']).variables.ok).toBe('lab');
  }, 180_000);

  it('cut short in Cache Storage: refused by its stored length, and the lab starts fresh', async () => {
    // A Cache Storage stand-in that serves what was put, minus its second half.
    const entries = new Map<string, Response>();
    let deleted = false;
    const storage = {
      open: () => Promise.resolve({ keys: () => Promise.resolve([]), delete: () => Promise.resolve(true), put: (url: string, r: Response) => (entries.set(url, r), Promise.resolve()) }),
      match: async (url: string) => {
        const r = entries.get(url);
        if (!r) return undefined;
        const bytes = new Uint8Array(await r.clone().arrayBuffer());
        return new Response(bytes.subarray(0, bytes.length / 2), { headers: r.headers });
      },
      delete: () => ((deleted = true), Promise.resolve(true)),
    } as unknown as CacheStorage;
    const store = cacheStorageStore(storage, 'http://127.0.0.1');
    await store.write(key, snapshot);
    expect(await store.find('another-build')).toBeNull();
    const found = await store.find(key);
    await expect(found!.bytes).rejects.toThrow(/not \d+/);
    const started = await startWithSnapshot(store, key, starter(new Uint8Array(new SharedArrayBuffer(1)), []));
    expect(started.from).toBe('fresh');
    expect(deleted).toBe(true);
    expect(runLearnerCode(started.value, 'two = 1 + 1\n', 'main.py', ['two']).variables.two).toBe(2);
  }, 180_000);
});

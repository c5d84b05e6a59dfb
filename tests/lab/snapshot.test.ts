// Python restored from the lab's memory snapshot (src/lab/worker/snapshot.ts), in
// the real Pyodide in Node, started as the worker starts it: it runs the learner's
// code like a fresh start, and a stale or corrupt snapshot falls back to a fresh
// start. The page keeps it (src/lab/page/snapshotStore.ts) and offers only bytes
// whose digest it recorded: a cut-short or changed copy is never offered.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPyodide, version, type PyodideAPI } from 'pyodide';
import { runLearnerCode, setupLab } from '../../src/lab/worker/pythonRuntime';
import { PYTHON_MODULES } from '../../src/lab/worker/labFiles';
import { afterRestore, makeLabSnapshot, snapshotKey, startWithSnapshot } from '../../src/lab/worker/snapshot';
import { cacheStorageStore } from '../../src/lab/page/snapshotStore';
import { lifecycleStart } from './python';

/** What worker.ts does to start Python, with the interrupt buffer a cross-origin isolated page passes. */
function starter(interrupt: Uint8Array, out: string[]) {
  return async (snapshot: Uint8Array | null) => {
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
    const started = await startWithSnapshot({ key, bytes: snapshot }, key, starter(interrupt, out));
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
    const started = await startWithSnapshot({ key, bytes: snapshot }, key, async (bytes) => {
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
    const other = await startWithSnapshot({ key, bytes: snapshot }, key, starter(new Uint8Array(new SharedArrayBuffer(1)), []));
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

  it('another build’s (its key differs): not restored, the lab starts fresh and says none was used', async () => {
    let restored = 0;
    const started = await startWithSnapshot({ key: `${key}-old`, bytes: snapshot }, key, async (bytes) => {
      if (bytes) restored++;
      return starter(new Uint8Array(new SharedArrayBuffer(1)), [])(bytes);
    });
    expect([started.from, restored]).toEqual(['fresh', 0]);
  }, 180_000);

  it('corrupt: the lab starts fresh, runs Python, and tells the page to forget it', async () => {
    const corrupt = snapshot.slice();
    corrupt.fill(7, 0, 64); // Pyodide's header: magic number and build id
    const started = await startWithSnapshot({ key, bytes: corrupt }, key, starter(new Uint8Array(new SharedArrayBuffer(1)), []));
    expect(started.from).toBe('failed');
    expect(runLearnerCode(started.value, 'import lab\nok = lab.__name__\n', 'main.py', ['ok']).variables.ok).toBe('lab');
  }, 180_000);
});

describe('the page’s snapshot store: only bytes it kept, whole and unchanged, are offered', () => {
  /** A Cache Storage stand-in; `tamper` changes what it serves back. */
  function fakeCaches(tamper: (bytes: Uint8Array) => Uint8Array = (b) => b) {
    const entries = new Map<string, Uint8Array>();
    let deleted = 0;
    const storage = {
      open: () =>
        Promise.resolve({
          keys: () => Promise.resolve([...entries.keys()]),
          delete: (url: string) => Promise.resolve(entries.delete(url)),
          put: async (url: string, r: Response) => void entries.set(url, new Uint8Array(await r.arrayBuffer())),
        }),
      match: (url: string) => Promise.resolve(entries.has(url) ? new Response(tamper(entries.get(url)!) as Uint8Array<ArrayBuffer>) : undefined),
      delete: () => ((deleted++, entries.clear()), Promise.resolve(true)),
    } as unknown as CacheStorage;
    return { storage, entries, deleted: () => deleted };
  }
  function fakeLocalStorage() {
    const items = new Map<string, string>();
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k), items } as unknown as Storage & { items: Map<string, string> };
  }
  const bytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);

  it('what it kept comes back with its key', async () => {
    const store = cacheStorageStore(fakeCaches().storage, fakeLocalStorage(), 'http://127.0.0.1');
    expect(await store.find()).toBeNull();
    await store.write('build-1', bytes);
    expect(await store.find()).toEqual({ key: 'build-1', bytes });
  });

  it.each([
    ['cut short', (b: Uint8Array) => b.subarray(0, 4)],
    ['changed, same length (planted by someone else)', (b: Uint8Array) => b.map((x) => x ^ 1)],
  ])('%s: refused and forgotten', async (_name, tamper) => {
    const caches = fakeCaches(tamper);
    const records = fakeLocalStorage();
    const store = cacheStorageStore(caches.storage, records, 'http://127.0.0.1');
    await store.write('build-1', bytes);
    expect(await store.find()).toBeNull();
    expect(caches.deleted()).toBe(1);
    expect(records.items.size).toBe(0);
  });

  it('a snapshot put in Cache Storage without the page’s record is never offered', async () => {
    const caches = fakeCaches();
    const store = cacheStorageStore(caches.storage, fakeLocalStorage(), 'http://127.0.0.1');
    caches.entries.set('http://127.0.0.1/__lab-python-snapshot/build-1', bytes);
    expect(await store.find()).toBeNull();
  });
});

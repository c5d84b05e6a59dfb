// The lab's Web Worker: CPython (Pyodide) and the learner's project. A runaway
// program blocks this thread, never the page's.
//
// Learner code runs in this worker and can reach its global scope (`import js`),
// so the worker talks to the page only over the MessageChannel port that
// arrives with `init` and lives in this module's closure; the global
// postMessage and every way out to the network are cut before any learner code
// runs.
import '../bufferGlobal';
import { loadPyodide, version, type PyodideAPI } from 'pyodide';
import { HOME } from './labFiles';
import { OutputCap } from '../outputCap';
import { pyodideFs } from './pyodideFs';
import type { FromWorker, ToWorker } from '../protocol';
import { containerHost, layOutProject, prepareLab, probeLab, runLearnerCode, runPythonArgv, sendRequest, WorldTracker, type WorldChanges } from './pythonRuntime';
import { afterRestore, snapshotKey, startWithSnapshot } from './snapshot';
import { scopeRuns } from './runScope';
import type { OutputChunk } from '../types';
import type { WireOutcome } from '../protocol';
import { selfCheck } from './selfCheck';

let send: (message: FromWorker) => void = () => undefined;
/** What the page has of the project: each result sends only what changed since. */
let tracker: WorldTracker | null = null;

/** Changes gathered from several looks, the later look winning for a path. */
class ChangeSet {
  files: WorldChanges['files'] = {};
  removed = new Set<string>();
  add(changes: WorldChanges) {
    for (const path of changes.removed) {
      delete this.files[path];
      this.removed.add(path);
    }
    for (const [path, value] of Object.entries(changes.files)) {
      this.files[path] = value;
      this.removed.delete(path);
    }
  }
}
/** The paths changed since the last shell script's repo summary (Python Runs between scripts included), for the next summary. */
const noPaths = () => ({ files: new Set<string>(), removed: new Set<string>() });
let sinceSummary = noPaths();
/** What the Run under way has changed so far (a shell Run looks once for its summary, and again at its end). */
let thisRun = new ChangeSet();

/** The tracker's look at what changed, into the Run's changes and the next summary's. */
function lookAtChanges() {
  const changes = tracker!.changes();
  thisRun.add(changes);
  for (const path of changes.removed) {
    sinceSummary.files.delete(path);
    sinceSummary.removed.add(path);
  }
  for (const path of Object.keys(changes.files)) {
    sinceSummary.removed.delete(path);
    sinceSummary.files.add(path);
  }
}

// Output goes through a cap (bytes and lines, at the source) and is forwarded
// in batches while the program runs.
const FLUSH_MS = 40;
let sink = new OutputCap();
let live: { id: number; nonce: string } | null = null;
let lastFlush = 0;

function flush() {
  const chunks = sink.take();
  if (chunks.length && live) send({ type: 'output', id: live.id, nonce: live.nonce, chunks });
  lastFlush = performance.now();
}

/** Pyodide's raw write handler: every byte the program writes, as it writes it (no line buffering here). */
const writer = (stream: 'stdout' | 'stderr') => ({
  write(buffer: Uint8Array) {
    sink.write(stream, buffer);
    if (live && performance.now() - lastFlush > FLUSH_MS) flush();
    return buffer.length;
  },
});

/** Python's own buffers: a run's last partial line belongs to that run. */
function flushPython(py: PyodideAPI) {
  try {
    py.runPython(`
import sys
for _s in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
    try:
        _s.flush()
    except Exception:
        pass
del _s
`);
  } catch {
    /* a learner's replacement stream that cannot flush: nothing more to show */
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

const NO_NETWORK = 'the lab has no network';
/** Ways out of the worker: the network, other workers, the page. */
const CUT = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'importScripts', 'Worker', 'SharedWorker', 'BroadcastChannel'];

/**
 * The page's own storage: the saved project (IndexedDB), the lock that makes one tab the lab's
 * owner, the storage manager, and Cache Storage (the service worker's copy of the app, Python's
 * snapshot). The worker needs none of them, so they are cut before anything else runs in it.
 */
const PAGE_STORAGE: [object, string][] = [
  [self, 'indexedDB'],
  [navigator, 'locks'],
  [navigator, 'storage'],
  [self, 'caches'],
];

/** Replace `name` with a function that throws, or (`on: 'read'`, for objects such as indexedDB) make reading it throw. */
function cut(target: object, name: string, message: string, on: 'call' | 'read' = 'call') {
  const blocked = function () {
    throw new Error(message);
  };
  const property = on === 'call' ? { value: blocked, writable: false } : { get: blocked };
  // Own property of the global or of one of its prototypes (WebIDL puts a global's members on the instance).
  for (let o: object | null = target; o; o = Object.getPrototypeOf(o) as object | null) {
    if (Object.prototype.hasOwnProperty.call(o, name)) {
      Object.defineProperty(o, name, { ...property, configurable: false, enumerable: false });
    }
  }
}

/** At once, before Pyodide or anything else runs here: the page's storage and the page's messages. */
function cutPageStorage() {
  cut(self, 'postMessage', 'the lab does not let programs send messages to the page');
  for (const [target, name] of PAGE_STORAGE) cut(target, name, `the page's storage is not open to programs in the lab: ${name} is not available`, 'read');
}
cutPageStorage();

/** After Pyodide has fetched its own files and before the project is laid out: no more requests. */
function lockDown(py: PyodideAPI) {
  for (const name of CUT) cut(self, name, `${NO_NETWORK}: ${name} is not available to programs in the lab`);
  if ('sendBeacon' in navigator) cut(navigator, 'sendBeacon', `${NO_NETWORK}: navigator.sendBeacon is not available to programs in the lab`);
  // Thrown at once (not a rejected promise) so Python code sees the error where it calls.
  const noPackages = () => {
    throw new Error(`${NO_NETWORK}: the lab cannot install packages (pyodide.loadPackage, micropip); its modules are already there`);
  };
  Object.assign(py, { loadPackage: noPackages, loadPackagesFromImports: noPackages });
  runs = scopeRuns(self);
  // runLearnerCode parses the runner's answer with JSON.parse: a program must not be able to swap it.
  Object.freeze(JSON);
}

let py: PyodideAPI | null = null;
/** Timers and channels learner code starts, ended after each run and request (runScope.ts); set by lockDown. */
let runs: ReturnType<typeof scopeRuns> | null = null;
/** The page's interrupt buffer (2: Stop or the time limit), when it is cross-origin isolated. */
let interruptBuffer: Uint8Array | null = null;

// V8 compiles CPython's WebAssembly lazily, function by function, in a quick
// baseline build at first, and optimises hot functions in the background only
// once they have run a while: a learner's first runs would be several times
// slower than later ones (the training step's first Run: 55-90 ms of Python
// after a numeric-only warm-up, 36-49 ms after this one, ~22 ms once warm).
// So once the lab is ready, the interpreter runs a small workload shaped like
// a lesson's run — compiling a program, reading CSV text, a training loop,
// formatting and JSON — in short slices, each yielding to any message (a Run
// stops the warm-up at once). It uses its own namespace and touches no file
// and no lab module's state, so the learner's program sees nothing of it.
const WARM_SETUP = `
import csv, io, json, math, operator, random

CSV = "a,b,target\\n" + "".join(f"{(i * 37 % 101) / 10.1:.3f},{(i * 17 % 53) / 5.3:.2f},{i % 2}\\n" for i in range(300))
PROGRAM = """
import math
def score(rows, w, b):
    return sum((1 / (1 + math.exp(-(sum(x * v for x, v in zip(r, w)) + b))) >= 0.5) == (t == 1) for *r, t in rows) / len(rows)
for epoch in range(3):
    print(f"epoch {epoch:2d}  loss={0.5 / (epoch + 1):.4f}")
"""

def warm(epochs):
    compile(PROGRAM, "warm.py", "exec")
    reader = csv.reader(io.StringIO(CSV))
    header = next(reader)
    rows = [tuple(float(v) for v in line) for line in reader if line]
    order = list(range(len(rows)))
    random.Random(42).shuffle(order)
    rows = [rows[i] for i in order]
    seen = {r[:2] for r in rows}
    w, b, history = [0.0, 0.0], 0.0, []
    for _ in range(epochs):
        gw, gb, loss = [0.0, 0.0], 0.0, 0.0
        for x1, x2, y in rows:
            p = 1.0 / (1.0 + math.exp(-(sum(map(operator.mul, w, (x1, x2))) + b)))
            loss += -(y * math.log(p + 1e-12) + (1 - y) * math.log(1 - p + 1e-12))
            g = p - y
            gw[0] += g * x1
            gw[1] += g * x2
            gb += g
        w = [wi - 0.05 * gi / len(rows) for wi, gi in zip(w, gw)]
        b -= 0.05 * gb / len(rows)
        history.append({"loss": round(loss / len(rows), 4), "w": f"epoch {len(history):2d}  {w[0]:.3f}/{w[1]:.3f}"})
    return json.dumps({"columns": header, "seen": len(seen), "history": sorted(history, key=lambda h: h["loss"])[:3]})
`;
const WARM_SLICES = 200;
let warming = false;

function warmUp(python: PyodideAPI) {
  const namespace = python.toPy({}) as ReturnType<PyodideAPI['toPy']> & { destroy(): void };
  let left = WARM_SLICES;
  const finish = () => {
    warming = false;
    namespace.destroy();
    send({ type: 'warmed' });
  };
  const slice = () => {
    if (!warming || left-- <= 0) return finish();
    try {
      python.runPython('warm(2)', { globals: namespace });
    } catch {
      return finish(); // nothing to warm with; runs are only slower at first
    }
    runs?.own.setTimeout(slice, 0);
  };
  try {
    python.runPython(WARM_SETUP, { globals: namespace });
  } catch {
    return finish();
  }
  warming = true;
  runs?.own.setTimeout(slice, 0);
}

async function init(message: Extract<ToWorker, { type: 'init' }>) {
  // First: code from text closed, and what the host left out (before lockDown cuts fetch).
  const unprotected = await selfCheck();
  send({ type: 'progress', stage: 'Downloading Python…' });
  performance.mark('lab:worker-init');
  // The page offers the snapshot it kept (it reads and verifies it: this worker has no Cache Storage); used only if it is this build's.
  const key = await snapshotKey(version).catch(() => null);
  const started = await startWithSnapshot(message.snapshot, key, async (snapshot) => {
    const next = await loadPyodide({ indexURL: message.indexURL, fullStdLib: false, ...(snapshot ? { _loadSnapshot: snapshot } : {}) });
    performance.mark('lab:python-started');
    if (snapshot) afterRestore(next);
    send({ type: 'progress', stage: 'Setting up the lab…' });
    next.setStdout(writer('stdout'));
    next.setStderr(writer('stderr'));
    if (message.interrupt) {
      interruptBuffer = new Uint8Array(message.interrupt);
      next.setInterruptBuffer(interruptBuffer);
    }
    // The lab's own modules only: the project is not on sys.path yet (a failure here is a bad snapshot's, and retried without it).
    prepareLab(next);
    return next;
  });
  py = started.value;
  // Locked down before the project is laid out: nothing of the learner's runs with the network, storage or messaging open.
  lockDown(py);
  const { setAside } = await layOutProject(py, message.world, message.start);
  performance.mark('lab:lab-set-up');
  // 'missing' or 'failed': the page may have a snapshot made for the next start (snapshotWorker.ts).
  const snapshot = started.from === 'snapshot' ? 'used' : started.from === 'failed' ? 'failed' : key ? 'missing' : undefined;
  tracker = new WorldTracker(py);
  sinceSummary = noPaths();
  send({ type: 'ready', world: tracker.all(), ...(setAside ? { setAside } : {}), ...(snapshot ? { snapshot } : {}), ...(unprotected.length ? { unprotected } : {}) });
  warmUp(py);
}

async function run(message: Extract<ToWorker, { type: 'run' }>) {
  if (!py) throw new Error('the lab is not ready');
  sink = new OutputCap();
  live = { id: message.id, nonce: message.nonce };
  lastFlush = performance.now();
  for (const [path, text] of Object.entries(message.extraFiles)) {
    py.FS.mkdirTree(`${HOME}/${path}`.replace(/\/[^/]*$/, ''));
    py.FS.writeFile(`${HOME}/${path}`, text);
  }
  const { id, nonce } = message;
  thisRun = new ChangeSet();
  const clock = (program: 'running' | 'ended') => send({ type: 'clock', id, nonce, program });
  const outcome = message.runtime === 'shell' ? await runShellScript(py, message.code, clock, message.committedPaths) : runLearnerCode(py, message.code, message.filename, message.variables, message.requests, message.record, clock);
  if (message.containers.length) {
    // The step's container checks: the shell's docker, loaded by the steps that have them.
    const { tryContainer } = await import('../shell/docker');
    outcome.containers = message.containers.map((spec) => tryContainer(pyodideFs(py!), HOME, () => Date.now(), containerHost(py!), spec));
  }
  flushPython(py);
  // The output not yet streamed goes with the result: one message, so the page draws the run's end once.
  const end = sink.finish();
  lookAtChanges();
  const changes = { files: thisRun.files, removed: [...thisRun.removed] };
  send({ type: 'result', id: message.id, nonce: message.nonce, outcome, changes, chunks: end.chunks, truncatedLines: end.omittedLines, truncatedBytes: end.omittedBytes });
  live = null;
  runs?.end();
}

/**
 * The shell's transcript goes to the console as a terminal would show it. The
 * shell (bash, git, DVC) is its own chunk, loaded by the first shell step only.
 * `python` in it runs here, in the lab's Python; an interrupt (Stop, the time
 * limit) that ends it also stops the script.
 */
async function runShellScript(py: PyodideAPI, script: string, clock: (program: 'running' | 'ended') => void, committedPaths: string[]): Promise<WireOutcome> {
  const { runShell, shellOutcome, transcriptOutput } = await import('./shellRuntime');
  const stop = new AbortController();
  // Where the shell waits (sleep), an interrupt stops it at once; a busy loop is ended by the page, as before.
  const poll = setInterval(() => {
    if (interruptBuffer?.[0] === 2) stop.abort();
  }, 50);
  clock('running');
  const shell = await runShell(pyodideFs(py), HOME, script, () => Date.now(), {
    signal: stop.signal,
    committedPaths,
    changed: () => {
      lookAtChanges();
      const changed = { files: [...sinceSummary.files], removed: [...sinceSummary.removed] };
      sinceSummary = noPaths();
      return changed;
    },
    containers: containerHost(py),
    python: (argv, options) => {
      const result = runPythonArgv(py, argv, options);
      if (result.code === 130 && result.stderr.endsWith('KeyboardInterrupt\n')) stop.abort();
      return result;
    },
  }).finally(() => {
    clearInterval(poll);
    clock('ended');
  });
  for (const chunk of transcriptOutput(shell.transcript)) sink.writeText(chunk.stream, chunk.text);
  return shellOutcome(shell);
}

/** A request from the preview's console to the app the last run serves; its log is capped like a run's output. */
function request(message: Extract<ToWorker, { type: 'request' }>) {
  if (!py) throw new Error('the lab is not ready');
  sink = new OutputCap();
  live = null;
  let answer: { type: 'response'; exchange: ReturnType<typeof sendRequest> } | { type: 'request-failed'; message: string; interrupted: boolean };
  try {
    answer = { type: 'response', exchange: sendRequest(py, message.request) };
  } catch (error) {
    // Only what the runner does not turn into a 500 gets here: the interrupt (the time limit) or the app exiting.
    const interrupted = (error as { type?: unknown }).type === 'KeyboardInterrupt';
    const lastLine = errorText(error).trim().split('\n').at(-1) ?? '';
    answer = { type: 'request-failed', message: lastLine, interrupted };
  }
  flushPython(py);
  runs?.end();
  const log: OutputChunk[] = [...sink.take(), ...sink.finish().chunks];
  const { id, nonce } = message;
  send(answer.type === 'response' ? { type: 'response', id, nonce, exchange: answer.exchange, log } : { type: 'request-failed', id, nonce, message: answer.message, interrupted: answer.interrupted });
}

/**
 * What the judge asks of the last program (run it again, call one of its functions, send its
 * app a request): answered quietly (its output is not the learner's run), the answer carried to
 * the judge unread. Timers it started end with it, as a run's do.
 */
function probe(message: Extract<ToWorker, { type: 'probe' }>) {
  if (!py) throw new Error('the lab is not ready');
  sink = new OutputCap();
  live = null;
  let answer: string | null = null;
  let failed: string | null = null;
  try {
    answer = probeLab(py, message.ask);
  } catch (error) {
    failed = errorText(error).trim().split('\n').at(-1) ?? 'the lab could not answer';
  }
  flushPython(py);
  runs?.end();
  sink = new OutputCap();
  send({ type: 'probed', id: message.id, nonce: message.nonce, answer, failed });
}

async function handle(message: ToWorker) {
  warming = false; // the learner's work comes first
  try {
    if (message.type === 'init') await init(message);
    else if (message.type === 'request') request(message);
    else if (message.type === 'probe') probe(message);
    else await run(message);
  } catch (error) {
    // Pyodide cannot recover from a fatal error (e.g. the WebAssembly stack
    // overflowing); the page replaces this worker.
    flush();
    send({ type: 'fatal', id: message.type === 'run' ? message.id : null, message: errorText(error) });
  }
}

// The one message on the global channel: init, with the port for everything after.
self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type !== 'init') return;
  self.onmessage = null;
  const port = message.port;
  const post = port.postMessage.bind(port);
  send = (m) => post(m);
  port.onmessage = (e: MessageEvent<ToWorker>) => void handle(e.data);
  void handle(message);
};

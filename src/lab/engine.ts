// The page's side of the lab: starts the worker, runs code, streams output,
// enforces Stop and the time limit, and keeps the learner's project across
// reloads (IndexedDB, worldStore.ts). One engine per lesson (DESIGN.md §4).
import type { FromWorker, ToWorker } from './protocol';
import type { HttpRequest } from './pythonRuntime';
import { emptyOutcome } from './outcome';
import type { HttpExchange, OutputChunk, RunResult, WorldFiles } from './types';
import { labStorageKey, worldStoreFor } from './worldStore';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'running' | 'restarting';

export interface EngineState {
  status: EngineStatus;
  /** What the engine is doing while it loads, for the "Loading engine…" line. */
  stage: string;
  /** True when the page is cross-origin isolated, so Stop can interrupt instead of restarting. */
  canInterrupt: boolean;
  /** Why the last world could not be restored, if it could not. */
  notice: string | null;
  /** Why the engine could not start, if it could not. */
  error: string | null;
}

export interface RunRequest {
  /** Python by default; a shell script for the shell steps. */
  runtime?: 'python' | 'shell';
  code: string;
  filename: string;
  /** Other editor files to write into the project first (e.g. a Dockerfile). */
  extraFiles?: WorldFiles;
  /** Variable names the step's checks will look at. */
  variables: string[];
  /** Requests to send to the app the code serves, if it defines one. */
  requests?: HttpRequest[];
  /** The step's assert checks (Python), judged in the worker after the program. */
  asserts?: string[];
  timeLimitMs: number;
  onOutput?: (chunks: OutputChunk[]) => void;
}

const PYODIDE_URL = '/pyodide/';
/** How long an interrupt may take before the worker is replaced anyway. */
const INTERRUPT_GRACE_MS = 1500;

interface PendingRun {
  id: number;
  request: RunRequest;
  output: OutputChunk[];
  started: number;
  timer: ReturnType<typeof setTimeout>;
  ending?: 'stopped' | 'time-limit';
  resolve: (result: RunResult) => void;
}

export class LabEngine {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private interrupt: Uint8Array | null = null;
  private current: PendingRun | null = null;
  private nextId = 1;
  private listeners = new Set<() => void>();
  private world: WorldFiles | null = null;
  /** The saved project, read from storage (asynchronously) before the worker starts. */
  private loaded: Promise<void>;
  state: EngineState;

  constructor(
    private readonly storageKey: string,
    private readonly createWorker: () => Worker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
  ) {
    this.state = { status: 'idle', stage: '', canInterrupt: typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated, notice: null, error: null };
    this.loaded = this.readWorld();
    // Back from another tab that had the lab: start again from what it saved.
    worldStoreFor(storageKey).onRegained(() => void this.reopen());
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = () => this.state;

  /** The project's files after the last run (or the saved ones before any). */
  get files(): WorldFiles | null {
    return this.world;
  }

  private set(patch: Partial<EngineState>) {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  /** Start loading Python in the background; safe to call again. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    this.set({ status: this.state.status === 'restarting' ? 'restarting' : 'loading', stage: 'Starting the engine…', error: null });
    let worker: Worker;
    try {
      worker = this.createWorker();
    } catch (error) {
      const message = `this browser cannot start the engine (${error instanceof Error ? error.message : String(error)})`;
      this.set({ status: 'idle', stage: '', error: message });
      return Promise.reject(new Error(message));
    }
    this.worker = worker;
    performance.mark('lab:engine-start');
    this.interrupt = this.state.canInterrupt ? new Uint8Array(new SharedArrayBuffer(1)) : null;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.type === 'progress') this.set({ stage: message.stage });
        else if (message.type === 'ready') {
          this.world = message.world;
          performance.mark('lab:engine-ready');
          this.set({ status: 'ready', stage: '' });
          resolve();
        } else this.onRunMessage(message, reject);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        this.onFatal(`The Python engine failed to start: ${event.message || 'unknown error'}`, reject);
      };
    });
    const interrupt = (this.interrupt?.buffer as SharedArrayBuffer) ?? null;
    void this.loaded.then(() => {
      const init: ToWorker = { type: 'init', indexURL: PYODIDE_URL, world: this.world, interrupt };
      if (this.worker === worker) worker.postMessage(init);
    });
    return this.ready;
  }

  private pendingRequests = new Map<number, (answer: { exchange: HttpExchange; log: OutputChunk[] }) => void>();

  /** Send a request to the app the last run is serving (localhost:8000's console). */
  async request(request: HttpRequest): Promise<{ exchange: HttpExchange; log: OutputChunk[] }> {
    if (this.current) throw new Error('Wait for the run to finish.');
    await this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pendingRequests.set(id, resolve);
      const message: ToWorker = { type: 'request', id, request };
      this.worker?.postMessage(message);
    });
  }

  private onRunMessage(message: FromWorker, reject: (e: Error) => void) {
    if (message.type === 'response') {
      this.pendingRequests.get(message.id)?.(message);
      this.pendingRequests.delete(message.id);
      return;
    }
    const run = this.current;
    if (message.type === 'output' && run && message.id === run.id) {
      run.output.push(...message.chunks);
      run.request.onOutput?.(message.chunks);
    } else if (message.type === 'result' && run && message.id === run.id) {
      this.world = message.world;
      void worldStoreFor(this.storageKey).save(message.world);
      this.finish({
        outcome: message.outcome,
        output: run.output,
        truncatedLines: message.truncatedLines,
        durationMs: performance.now() - run.started,
        ...(run.ending || message.outcome.stopped ? { ended: run.ending ?? 'stopped' } : {}),
      });
    } else if (message.type === 'fatal') {
      this.onFatal(message.message, reject);
    }
  }

  private onFatal(message: string, reject: (e: Error) => void) {
    const run = this.current;
    if (run) {
      // A crash mid-run: replace the worker and report the run.
      this.replaceWorker();
      this.finish(this.syntheticResult(run, run.ending ?? 'crashed', message));
      return;
    }
    // The engine could not start: say so, and let the next Run try again.
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    this.set({ status: 'idle', stage: '', error: message });
    reject(new Error(message));
  }

  private finish(result: RunResult) {
    const run = this.current;
    if (!run) return;
    clearTimeout(run.timer);
    this.current = null;
    if (this.state.status === 'running') this.set({ status: 'ready' });
    run.resolve(result);
  }

  /** Run the learner's code; waits for the engine if it is still loading. */
  async run(request: RunRequest): Promise<RunResult> {
    if (this.current) throw new Error('A run is already in progress.');
    await this.start();
    const id = this.nextId++;
    return new Promise<RunResult>((resolve) => {
      const started = performance.now();
      const timer = setTimeout(() => this.end('time-limit'), request.timeLimitMs);
      this.current = { id, request, output: [], started, timer, resolve };
      if (this.interrupt) this.interrupt[0] = 0;
      this.set({ status: 'running' });
      const message: ToWorker = {
        type: 'run',
        id,
        runtime: request.runtime ?? 'python',
        code: request.code,
        filename: request.filename,
        extraFiles: request.extraFiles ?? {},
        variables: request.variables,
        requests: request.requests ?? [],
        asserts: request.asserts ?? [],
      };
      this.worker?.postMessage(message);
    });
  }

  /** Stop the running program. */
  stop() {
    this.end('stopped');
  }

  private end(reason: 'stopped' | 'time-limit') {
    const run = this.current;
    if (!run || run.ending) return;
    run.ending = reason;
    if (this.interrupt) {
      // SIGINT: Python raises KeyboardInterrupt at the next bytecode (FACTS.md).
      this.interrupt[0] = 2;
      run.timer = setTimeout(() => this.forceEnd(run), INTERRUPT_GRACE_MS);
    } else {
      this.forceEnd(run);
    }
  }

  private forceEnd(run: PendingRun) {
    if (this.current !== run) return;
    this.replaceWorker();
    this.finish(this.syntheticResult(run, run.ending ?? 'stopped', null));
  }

  /** The result of a run whose worker had to be replaced: no changes to the project. */
  private syntheticResult(run: PendingRun, ended: NonNullable<RunResult['ended']>, crash: string | null): RunResult {
    const reason =
      ended === 'time-limit'
        ? `The program ran longer than ${Math.round(run.request.timeLimitMs / 1000)} s and was stopped.`
        : ended === 'stopped'
          ? 'The program was stopped.'
          : `The Python engine crashed (${crash ?? 'unknown error'}) — often runaway recursion or memory use. It was restarted.`;
    const outcome = emptyOutcome({
      error: { type: ended === 'crashed' ? 'EngineCrash' : 'KeyboardInterrupt', message: reason, traceback: `${reason}\n`, line: null },
      stopped: ended !== 'crashed',
    });
    return { outcome, output: run.output, truncatedLines: 0, durationMs: performance.now() - run.started, ended };
  }

  private replaceWorker() {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    this.set({ status: 'restarting', stage: 'Restarting the engine…' });
    // Start again at once so the next Run does not wait; the project comes back from the last snapshot.
    void this.start().catch(() => undefined);
  }

  /** Start the project afresh: the lesson's start files, no runs, no models. */
  async resetLab() {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    if (this.current) {
      clearTimeout(this.current.timer);
      this.current = null;
    }
    this.world = null;
    this.loads++; // a read of the old project still under way must not bring it back
    this.loaded = worldStoreFor(this.storageKey).clear();
    await this.loaded;
    this.set({ status: 'idle', notice: null });
    await this.start();
  }

  /** Read the project from storage again and restart on it (when this tab gets the lab back). */
  private async reopen() {
    const started = this.worker !== null;
    this.dispose();
    this.loaded = this.readWorld();
    await this.loaded;
    this.set({ status: 'idle' });
    if (started) await this.start().catch(() => undefined);
  }

  private loads = 0;

  private async readWorld() {
    const load = ++this.loads;
    const { world, notice } = await worldStoreFor(this.storageKey).load();
    if (load !== this.loads) return;
    this.world = world;
    if (notice) this.set({ notice });
  }

  dispose() {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }
}

const engines = new Map<string, LabEngine>();

/** The lab of a lesson (created on first use). */
export function labFor(lessonId: string): LabEngine {
  let engine = engines.get(lessonId);
  if (!engine) {
    engine = new LabEngine(labStorageKey(lessonId));
    engines.set(lessonId, engine);
  }
  return engine;
}

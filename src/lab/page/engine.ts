// The page's side of the lab: starts the worker, runs code, streams output,
// enforces Stop and the time limits (runs and console requests), and keeps the
// learner's project across reloads (IndexedDB, worldStore.ts). It reads the worker
// only over a private port (workerLink.ts) and only messages that parse
// (protocolSchema.ts). A run's own bookkeeping is runMachine.ts's, a console
// request's or a probe's questions.ts's. One engine per lesson.
import type { FromWorker, ToWorker } from '../protocol';
import { parseFromWorker, withTracking } from '../protocolSchema';
import type { HttpExchange, HttpRequest, OutputChunk, RunResult, TrackingStore, WorldFiles } from '../types';
import { EMPTY_START, type StartWorld } from '../startWorld';
import { loadStartWorld } from './lessonWorlds';
import { setAsideNotice, withChanges } from '../worldFiles';
import { unprotectedNotice } from '../unprotected';
import { labStorageKey, worldStoreFor } from './worldStore';
import { PYODIDE_URL } from 'virtual:pyodide-url';
import { pageSnapshotStore, type SnapshotStore } from './snapshotStore';
import { JudgeClient } from './judge';
import type { Verdicts } from '../judgement';
import { closeOutput, endedResult, keepOutput, pendingRun, seconds, type PendingRun, type RunRequest } from './runMachine';
import { Questions } from './questions';
import { newNonce, WorkerLink } from './workerLink';

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
  /** A saved project with entries that could not be laid out is kept whole: it can be downloaded (downloadSetAside). */
  setAside: boolean;
}

/**
 * How long the lab's own work around a program (the runner's bookkeeping, the served app's
 * start, the checks) may take before the worker is replaced: it does not count against the
 * learner's time limit, which restarts when the program itself starts (a 'clock' message).
 */
const BOOKKEEPING_LIMIT_MS = 30_000;
/** How long the lab must be idle after it is ready (or after a run) before the judge starts. */
const JUDGE_IDLE_MS = 2000;
/** A console request's time limit when the step gives none. */
const REQUEST_TIME_LIMIT_MS = 10_000;
export class LabEngine {
  /** The worker and the private channel to it, while there is one. */
  private link: WorkerLink | null = null;
  private ready: Promise<void> | null = null;
  private rejectReady: ((error: Error) => void) | null = null;
  private current: PendingRun | null = null;
  private nextId = 1;
  private readonly questions = new Questions({
    nextId: () => this.nextId++,
    post: (message) => {
      this.link?.clearInterrupt();
      this.link?.post(message);
    },
    interruptOrForce: (force) => this.interruptOrForce(force),
    replaceWorker: () => this.replaceWorker(null),
  });
  private listeners = new Set<() => void>();
  private world: WorldFiles | null = null;
  /** The tracking store as of the last run (a run that leaves it as it was does not send it again). */
  private tracking: TrackingStore | null = null;
  /** The saved project, read from storage (asynchronously) before the worker starts. */
  private loaded: Promise<void>;
  /** The lesson's start project (its own chunk, fetched once), for a worker with no saved project. */
  private startWorld: Promise<StartWorld> | null = null;
  private readonly judge: JudgeClient;
  state: EngineState;

  constructor(
    private readonly storageKey: string,
    private readonly createWorker: () => Worker = () => new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' }),
    private readonly loadStart: () => Promise<StartWorld> = () => Promise.resolve(EMPTY_START),
    /** The worker that makes Python's snapshot for the next start (default: snapshotWorker.ts). */
    private readonly createSnapshotMaker?: () => Worker,
    /** Where the snapshot is kept (default: Cache Storage, where the browser has it). */
    private readonly snapshots: SnapshotStore | null = pageSnapshotStore(),
    /** The assert checks' judge, a worker of its own (default: judgeWorker.ts, with the lesson's checks.py). */
    judge?: JudgeClient,
  ) {
    this.judge = judge ?? new JudgeClient(PYODIDE_URL, () => (this.startWorld ??= this.loadStart()).then((start) => start.checks ?? null));
    this.state = { status: 'idle', stage: '', canInterrupt: typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated, notice: null, error: null, setAside: false };
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
    let link: WorkerLink;
    let resolveReady: () => void = () => {};
    try {
      link = new WorkerLink(
        this.createWorker(),
        this.state.canInterrupt,
        (data) => this.onMessage(data, resolveReady),
        (message) => this.onFatal(`The Python engine failed to start: ${message}`),
      );
    } catch (error) {
      const message = `this browser cannot start the engine (${error instanceof Error ? error.message : String(error)})`;
      this.set({ status: 'idle', stage: '', error: message });
      return Promise.reject(new Error(message));
    }
    this.link = link;
    performance.mark('lab:engine-start');
    this.ready = new Promise<void>((resolve, reject) => {
      resolveReady = resolve;
      this.rejectReady = reject;
    });
    // The saved project is read (asynchronously) and the start project fetched before the worker gets them.
    this.startWorld ??= this.loadStart();
    const startWorld = this.startWorld;
    // The page reads (and verifies) the snapshot itself: the worker has no Cache Storage.
    const snapshot = this.snapshots ? this.snapshots.find().catch(() => null) : Promise.resolve(null);
    void Promise.all([this.loaded, startWorld, snapshot]).then(
      ([, start, offered]) => {
        if (this.link !== link) return;
        link.init((port, interrupt) => ({ type: 'init', indexURL: PYODIDE_URL, world: this.world, start, interrupt, port, snapshot: offered }), offered ? [offered.bytes.buffer] : []);
      },
      (error: unknown) => {
        // Fetched again on the next start (a network hiccup while loading the lesson's chunk).
        if (this.startWorld === startWorld) this.startWorld = null;
        if (this.link === link) this.onFatal(`The lab's start files could not be loaded (${error instanceof Error ? error.message : String(error)})`);
      },
    );
    return this.ready;
  }

  /** Send a request to the app the last run is serving (localhost:8000's console); it has a time limit like a run. */
  async request(request: HttpRequest, timeLimitMs = REQUEST_TIME_LIMIT_MS): Promise<{ exchange: HttpExchange; log: OutputChunk[] }> {
    if (this.current) throw new Error('Wait for the run to finish.');
    if (this.questions.pending) throw new Error('Wait for the last request to be answered.');
    await this.start();
    if (this.current) throw new Error('Wait for the run to finish.');
    if (this.questions.pending) throw new Error('Wait for the last request to be answered.');
    const timedOut = () => new Error(`The request ran longer than ${seconds(timeLimitMs)} s and was stopped.`);
    return this.questions.ask('request', timeLimitMs, timedOut, (id, nonce) => ({ type: 'request', id, nonce, request }));
  }

  private post(message: ToWorker) {
    this.link?.post(message);
  }

  private interruptOrForce(force: () => void): ReturnType<typeof setTimeout> | null {
    if (this.link) return this.link.interruptOrForce(force);
    force();
    return null;
  }

  private onMessage(data: unknown, resolveReady: () => void) {
    const parsed = parseFromWorker(data);
    if (!parsed.ok) {
      this.refuse(parsed.reason);
      return;
    }
    const message: FromWorker = parsed.message;
    const run = this.current;
    switch (message.type) {
      case 'progress':
        this.set({ stage: message.stage });
        return;
      case 'ready': {
        if (message.setAside) {
          // The worker could not lay out all of the saved project: keep it whole before what it laid out replaces it.
          void worldStoreFor(this.storageKey).keepAside(this.world);
          this.keptAside = this.world;
          this.set({ notice: setAsideNotice(message.setAside), setAside: true });
        }
        // Kept beside any other notice (once): whoever deployed the site must fix the host.
        const unprotected = message.unprotected ? unprotectedNotice(message.unprotected) : null;
        if (unprotected && !this.state.notice?.includes(unprotected)) this.set({ notice: [this.state.notice, unprotected].filter(Boolean).join(' ') });
        this.world = message.world;
        this.tracking = null; // a new worker's Python reads the store from the project again
        this.rejectReady = null;
        performance.mark('lab:engine-ready', { detail: { snapshot: message.snapshot ?? null } });
        // Its own chunk: only a start without a snapshot needs it.
        if (message.snapshot === 'failed') void this.snapshots?.clear();
        if (this.snapshots && (message.snapshot === 'missing' || message.snapshot === 'failed')) {
          const store = this.snapshots;
          void import('./snapshotMaker').then((m) => m.scheduleSnapshot(PYODIDE_URL, store, this.createSnapshotMaker), () => undefined);
        }
        this.set({ status: 'ready', stage: '' });
        resolveReady();
        this.judgeFromSnapshot = message.snapshot === 'used';
        this.startJudgeWhenIdle();
        return;
      }
      case 'warmed':
        performance.mark('lab:engine-warm'); // read by the benchmark (scripts/bench-lab.ts)
        return;
      case 'fatal':
        this.onFatal(message.message);
        return;
      case 'output':
      case 'clock':
      case 'result':
        // Answers to runs that already ended are stale; the current run's must carry its nonce.
        if (!run || message.id !== run.id) return;
        if (message.nonce !== run.nonce) {
          this.refuse(`${message.type}: the run's nonce does not match`);
          return;
        }
        if (message.type === 'output') this.onOutput(run, message.chunks);
        else if (message.type === 'clock') this.onClock(run, message.program);
        else this.onResult(run, message);
        return;
      case 'response':
      case 'request-failed':
      case 'probed': {
        const refused = this.questions.answer(message);
        if (refused) this.refuse(refused);
        return;
      }
    }
  }

  /** The time limit counts the learner's program only; the lab's work before and after it has its own, generous limit. */
  private onClock(run: PendingRun, program: 'running' | 'ended') {
    if (run.ending) return; // already being stopped: the grace timer stands
    clearTimeout(run.timer);
    run.timer = setTimeout(() => this.end(run, 'time-limit'), program === 'running' ? run.request.timeLimitMs : BOOKKEEPING_LIMIT_MS);
  }

  private onOutput(run: PendingRun, chunks: OutputChunk[]) {
    const kept = keepOutput(run, chunks);
    if (kept.length) run.request.onOutput?.(kept);
  }

  private onResult(run: PendingRun, message: Extract<FromWorker, { type: 'result' }>) {
    const { files, removed } = message.changes;
    const worldBefore = this.world ?? {};
    if (Object.keys(files).length || removed.length) {
      // Only what the run changed crossed over; a run that changed nothing saves nothing.
      const world = withChanges(worldBefore, message.changes);
      this.world = world;
      void worldStoreFor(this.storageKey).save(world, { from: worldBefore, files, removed });
    }
    const outcome = withTracking(message.outcome, this.tracking, this.world, message.changes);
    this.tracking = outcome.tracking;
    const result: RunResult = {
      outcome,
      // The run's last output is not streamed: it is drawn with the result, in one render.
      output: closeOutput(run, message.chunks),
      truncatedLines: message.truncatedLines,
      truncatedBytes: message.truncatedBytes,
      durationMs: 0,
      // A program that finished in the interrupt's grace time finished: only one the interrupt stopped is labelled.
      ...(message.outcome.stopped ? { ended: run.ending ?? 'stopped' } : {}),
    };
    const asserts = run.request.runtime === 'shell' ? [] : (run.request.asserts ?? []);
    if (!asserts.length) {
      this.judge.follow(message.changes);
      // What the page measured, not what the worker says.
      this.finish({ ...result, durationMs: performance.now() - run.started });
      return;
    }
    // The program is over: each call the checks make of it has its own time limit.
    clearTimeout(run.timer);
    void this.judgeRun(run, result, asserts, { record: message.outcome.record ?? null, failed: outcome.error !== null, worldBefore, run: message.changes });
  }

  /** Whether the lab's start used Python's snapshot: the judge's can too. */
  private judgeFromSnapshot = false;
  private judgeTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * Start the judge once the lab has been idle a moment (from the snapshot the lab used, read
   * again), so its start — seconds of CPU — never competes with a learner's run on a two-core
   * machine; a checked Run that comes first starts it at once.
   */
  private startJudgeWhenIdle() {
    if (this.judgeTimer) clearTimeout(this.judgeTimer);
    this.judgeTimer = setTimeout(() => {
      this.judgeTimer = null;
      if (this.current || this.judge.started || !this.link) return; // finish() asks again
      const snapshot = this.judgeFromSnapshot && this.snapshots ? this.snapshots.find().catch(() => null) : Promise.resolve(null);
      this.judge.start(this.world ?? {}, snapshot).catch(() => undefined);
    }, JUDGE_IDLE_MS);
  }

  /** The run's assert checks, judged by the judge's worker; the run ends with their verdicts. */
  private async judgeRun(run: PendingRun, result: RunResult, asserts: string[], job: { record: string | null; failed: boolean; worldBefore: WorldFiles; run: { files: WorldFiles; removed: string[] } }) {
    let verdicts: Verdicts;
    try {
      verdicts = await this.judge.judge({ ...job, asserts, ask: (ask) => this.probe(run, ask) });
    } catch (error) {
      if (this.current !== run) return;
      // A judge that failed is replaced at the next judgement; its copy of the project is rebuilt then.
      this.judge.close();
      const why = `This could not be judged (${error instanceof Error ? error.message : String(error)}). Run again.`;
      verdicts = Object.fromEntries(asserts.map((code) => [code, why]));
    }
    if (this.current !== run) return;
    this.finish({ ...result, outcome: { ...result.outcome, asserts: verdicts }, durationMs: performance.now() - run.started });
  }

  /** One call the checks make of the program, answered by the lab's worker under the run's time limit. */
  private probe(run: PendingRun, ask: string): Promise<string> {
    if (this.current !== run || run.ending || !this.link) return Promise.reject(new Error('the run ended before its checks were judged'));
    const timedOut = () => new Error(`the program ran longer than ${seconds(run.request.timeLimitMs)} s when the checks ran it again`);
    return this.questions.ask<string>('probe', run.request.timeLimitMs, timedOut, (id, nonce) => ({ type: 'probe', id, nonce, ask }));
  }

  /** A message that is malformed or not the answer it claims to be: nothing from it is used, and the worker is replaced. */
  private refuse(reason: string) {
    const text = `The lab refused a malformed message from the Python engine (${reason}), so nothing from it was used. The engine was restarted.`;
    const run = this.current;
    if (!this.ready || this.rejectReady) {
      this.onFatal(text);
      return;
    }
    this.replaceWorker(text);
    if (run) this.finish(endedResult(run, 'refused', text));
    else this.set({ notice: text });
  }

  private onFatal(message: string) {
    const run = this.current;
    if (run || this.questions.pending || (this.ready && !this.rejectReady)) {
      // A crash of a running engine: replace the worker and report the run (or request).
      this.replaceWorker(`The Python engine crashed (${message}) and was restarted.`);
      if (run) this.finish(endedResult(run, run.ending ?? 'crashed', message));
      return;
    }
    // The engine could not start: say so, and let the next Run try again.
    const reject = this.rejectReady;
    this.closeWorker();
    this.set({ status: 'idle', stage: '', error: message });
    reject?.(new Error(message));
  }

  private finish(result: RunResult) {
    const run = this.current;
    if (!run) return;
    clearTimeout(run.timer);
    this.current = null;
    if (!this.judge.started) this.startJudgeWhenIdle();
    if (this.state.status === 'running') this.set({ status: 'ready' });
    run.resolve(result);
  }

  /** Run the learner's code; waits for the engine if it is still loading. */
  async run(request: RunRequest): Promise<RunResult> {
    if (this.current) throw new Error('A run is already in progress.');
    if (this.questions.pending) throw new Error('Wait for the request to the app to be answered.');
    // A ready engine gets the run in this same task, before the page re-renders for
    // "Running…": awaiting would let that render go first and hold the worker back.
    if (!(this.state.status === 'ready' && this.ready && !this.rejectReady && this.link)) {
      await this.start();
      if (this.current) throw new Error('A run is already in progress.');
      if (this.questions.pending) throw new Error('Wait for the request to the app to be answered.');
    }
    return new Promise<RunResult>((resolve) => {
      const run = pendingRun(this.nextId++, newNonce(), request, resolve);
      // The timer belongs to this run: it can never end a later one.
      run.timer = setTimeout(() => this.end(run, 'time-limit'), request.timeLimitMs);
      this.current = run;
      this.link?.clearInterrupt();
      this.set({ status: 'running' });
      this.post({
        type: 'run',
        id: run.id,
        nonce: run.nonce,
        runtime: request.runtime ?? 'python',
        code: request.code,
        filename: request.filename,
        extraFiles: request.extraFiles ?? {},
        variables: request.variables,
        requests: request.requests ?? [],
        containers: request.containers ?? [],
        committedPaths: request.committedPaths ?? [],
        record: (request.asserts ?? []).length > 0,
      });
    });
  }

  /** Stop the running program. */
  stop() {
    if (this.current) this.end(this.current, 'stopped');
  }

  private end(run: PendingRun, reason: 'stopped' | 'time-limit') {
    if (this.current !== run || run.ending) return;
    run.ending = reason;
    clearTimeout(run.timer);
    const grace = this.interruptOrForce(() => this.forceEnd(run));
    if (grace) run.timer = grace;
  }

  private forceEnd(run: PendingRun) {
    if (this.current !== run) return;
    this.replaceWorker(null);
    this.finish(endedResult(run, run.ending ?? 'stopped', null));
  }

  /** Terminate the worker and close its port; a request still waiting is told why it gets no answer. */
  private closeWorker(requestError = 'The Python engine was restarted before the app answered.') {
    this.link?.close();
    this.link = null;
    this.ready = null;
    this.rejectReady = null;
    this.questions.abandon(requestError);
  }

  private replaceWorker(requestError: string | null) {
    this.closeWorker(requestError ?? undefined);
    this.set({ status: 'restarting', stage: 'Restarting the engine…' });
    // Start again at once so the next Run does not wait; the project comes back from the last snapshot.
    void this.start().catch(() => undefined);
  }

  /** Start the project afresh: the lesson's start files, no runs, no models. */
  async resetLab() {
    const run = this.current;
    this.closeWorker('The lab was reset before the app answered.');
    this.judge.close();
    if (run) this.finish(endedResult(run, 'stopped', null));
    this.world = null;
    this.tracking = null;
    this.loads++; // a read of the old project still under way must not bring it back
    this.loaded = worldStoreFor(this.storageKey).clear();
    await this.loaded;
    this.keptAside = null;
    this.set({ status: 'idle', notice: null, setAside: false });
    await this.start();
  }

  /** Read the project from storage again and restart on it (when this tab gets the lab back). */
  private async reopen() {
    const started = this.link !== null;
    this.dispose();
    this.loaded = this.readWorld();
    await this.loaded;
    this.set({ status: 'idle' });
    if (started) await this.start().catch(() => undefined);
  }

  private loads = 0;
  /** The saved project as it was stored, when part of it could not be laid out. */
  private keptAside: unknown = null;

  private async readWorld() {
    const load = ++this.loads;
    const { world, notice, setAside } = await worldStoreFor(this.storageKey).load();
    if (load !== this.loads) return;
    this.world = world;
    if (setAside !== undefined) this.keptAside = setAside;
    if (notice) this.set({ notice, setAside: setAside !== undefined });
  }

  /** The set-aside copy, as the JSON file a learner can download (null when nothing was set aside). */
  setAsideJson(): string | null {
    return this.keptAside === null ? null : JSON.stringify(this.keptAside, null, 1);
  }

  dispose() {
    const run = this.current;
    this.closeWorker();
    this.judge.close();
    if (this.judgeTimer) clearTimeout(this.judgeTimer);
    if (run) this.finish(endedResult(run, 'stopped', null));
  }
}

const engines = new Map<string, LabEngine>();

/** The lab of a lesson (created on first use). */
export function labFor(lessonId: string): LabEngine {
  let engine = engines.get(lessonId);
  if (!engine) {
    engine = new LabEngine(labStorageKey(lessonId), undefined, () => loadStartWorld(lessonId));
    engines.set(lessonId, engine);
  }
  return engine;
}

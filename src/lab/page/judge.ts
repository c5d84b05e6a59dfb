// The page's side of the judge (worker/judgeWorker.ts): a worker of its own that
// judges a run's assert checks from the run's record and the project's files, and
// never runs the learner's code. The engine (engine.ts) starts it once the lab is
// warm, keeps its copy of the project up to date with each run's changes, and
// answers the calls its checks make of the program through the lab's worker.
import type { FileChanges, FromJudge, OfferedSnapshot, ToJudge } from '../protocol';
import { JudgeLag, judgeLater, type Verdicts } from '../judgement';
import type { WorldFiles } from '../types';

/** How long one round of the judge (trusted checks, no learner code) may take before it is replaced. */
const ROUND_LIMIT_MS = 30_000;

export interface Judgement {
  asserts: string[];
  record: string | null;
  failed: boolean;
  /** The project before the run (for a judge that starts now) and the run's own changes. */
  worldBefore: WorldFiles;
  run: FileChanges;
  /** One call of the program, answered by the lab (JSON for the judge). */
  ask: (ask: string) => Promise<string>;
}

export class JudgeClient {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private ready: Promise<void> | null = null;
  private pending: { id: number; resolve: (text: string) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> } | null = null;
  private nextId = 1;
  /** What the judge's copy of the project lacks. */
  private lag = new JudgeLag();

  constructor(
    private readonly indexURL: string,
    /** The lesson's helpers for its assert checks (its start world's checks.py). */
    private readonly helpers: () => Promise<string | null> = () => Promise.resolve(null),
    private readonly createWorker: () => Worker = () => new Worker(new URL('../worker/judgeWorker.ts', import.meta.url), { type: 'module' }),
  ) {}

  /** Whether it is started (or starting). */
  get started(): boolean {
    return this.ready !== null;
  }

  /** Start the judge on this project (safe to call again: a running judge keeps its copy), from the lab's snapshot when there is one. */
  start(world: WorldFiles, snapshot: Promise<OfferedSnapshot | null> = Promise.resolve(null)): Promise<void> {
    if (this.ready) return this.ready;
    this.lag = new JudgeLag();
    let worker: Worker;
    try {
      worker = this.createWorker();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    this.worker = worker;
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.ready = new Promise<void>((resolve, reject) => {
      channel.port1.onmessage = (event: MessageEvent<FromJudge>) => {
        if (this.port !== channel.port1) return;
        const message = event.data;
        if (message?.type === 'ready') resolve();
        else if (message?.type === 'round' && this.pending?.id === message.id && typeof message.text === 'string') this.settle(message.text);
        else if (message?.type === 'fatal') {
          const error = new Error(String(message.message));
          reject(error);
          this.close(error);
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        const error = new Error(event.message || 'the judge failed to start');
        reject(error);
        if (this.worker === worker) this.close(error);
      };
    });
    this.ready.catch(() => undefined);
    void Promise.all([snapshot.catch(() => null), this.helpers().catch(() => null)]).then(([offered, helpers]) => {
      if (this.worker !== worker) return;
      const init: ToJudge = { type: 'init', indexURL: this.indexURL, world, port: channel.port2, snapshot: offered, helpers };
      worker.postMessage(init, offered ? [channel.port2, offered.bytes.buffer] : [channel.port2]);
    });
    return this.ready;
  }

  /** A run without assert checks: the judge's copy takes its changes at the next judgement. */
  follow(changes: FileChanges) {
    if (this.ready) this.lag.add(changes);
  }

  /** Every assert check's verdict for this run. */
  async judge(job: Judgement): Promise<Verdicts> {
    const starting = !this.ready;
    const before = starting ? { files: {}, removed: [] } : this.lag.take();
    await this.start(job.worldBefore);
    let first = true;
    return judgeLater(
      job.asserts,
      (answers) => {
        const id = this.nextId++;
        const message: ToJudge = first
          ? { type: 'begin', id, before, run: job.run, record: job.record, failed: job.failed, asserts: job.asserts, answers }
          : { type: 'round', id, asserts: job.asserts, answers };
        first = false;
        return this.round(id, message);
      },
      job.ask,
    );
  }

  private round(id: number, message: ToJudge): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.close(new Error(`the checks took longer than ${ROUND_LIMIT_MS / 1000} s`)), ROUND_LIMIT_MS);
      this.pending = { id, resolve, reject, timer };
      this.port?.postMessage(message);
    });
  }

  private settle(text: string) {
    const pending = this.pending;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending = null;
    pending.resolve(text);
  }

  /** Stop the judge (a failure, a reset, the lesson closed); the next judgement starts a new one on the project as it is then. */
  close(error: Error = new Error('the judge was stopped')) {
    this.worker?.terminate();
    this.port?.close();
    this.worker = null;
    this.port = null;
    this.ready = null;
    const pending = this.pending;
    this.pending = null;
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
  }
}

// Messages between the page (engine.ts) and the lab's Web Worker (worker.ts).
// After `init` they travel over a MessageChannel port that only the two
// modules hold, never over the worker's global postMessage (which learner code
// can reach); each run and request carries a nonce the answer must repeat.
import type { StartWorld } from './startWorld';
import type { CheckedHeader } from './unprotected';
import type { WireOutcome } from './outcomeSchema';
import type { HttpExchange, HttpRequest, OutputChunk, WorldFiles } from './types';

/** A run's outcome as the worker sends it: defined with its schema in outcomeSchema.ts. */
export type { WireOutcome } from './outcomeSchema';

/** Python's memory snapshot as the page offers it with `init`: read and verified by the page (page/snapshotStore.ts), never by the worker. */
export interface OfferedSnapshot {
  key: string;
  bytes: Uint8Array;
}

/** The snapshot maker's answer (worker/snapshotWorker.ts): the page stores the bytes. */
export type SnapshotMakerMessage = { type: 'made'; key: string; bytes: Uint8Array } | { type: 'failed'; message: string };

export type ToWorker =
  /** `start`: the lesson's start project, laid out when there is no (valid) saved world. `snapshot`: Python's memory snapshot, read and verified by the page. */
  | { type: 'init'; indexURL: string; world: WorldFiles | null; start: StartWorld; interrupt: SharedArrayBuffer | null; port: MessagePort; snapshot: OfferedSnapshot | null }
  | {
      type: 'run';
      id: number;
      nonce: string;
      runtime: 'python' | 'shell';
      code: string;
      filename: string;
      extraFiles: WorldFiles;
      variables: string[];
      requests: HttpRequest[];
      /** The step has assert checks: send the run's record with the result. */
      record: boolean;
    }
  | { type: 'request'; id: number; nonce: string; request: HttpRequest }
  /** What the judge asks of the last program (lab_runner.probe): answered with `probed`. */
  | { type: 'probe'; id: number; nonce: string; ask: string };

export type FromWorker =
  | { type: 'progress'; stage: string }
  /** `setAside`: why the saved world could not be laid out (the start project was used instead). */
  /** `snapshot`: Python was restored from the offered memory snapshot ('used'); none was offered for this build ('missing'); the offered one failed and is to be forgotten ('failed'). */
  /** `unprotected`: headers the host did not send (src/lab/worker/selfCheck.ts), for a notice. */
  | { type: 'ready'; world: WorldFiles; setAside?: string[] | undefined; snapshot?: 'used' | 'missing' | 'failed' | undefined; unprotected?: CheckedHeader[] | undefined }
  /** The interpreter's warm-up after ready has ended (worker.ts): runs from here on run at full speed. */
  | { type: 'warmed' }
  | { type: 'output'; id: number; nonce: string; chunks: OutputChunk[] }
  /** The learner's program (not the lab's work around it) started or ended: the time limit counts only it. */
  | { type: 'clock'; id: number; nonce: string; program: 'running' | 'ended' }
  /** `chunks`: the run's output not yet streamed, so the page draws the end of a run once, with its result. */
  /** `changes`: the project's files the run changed or made, and the ones it removed (never the whole project). */
  | {
      type: 'result';
      id: number;
      nonce: string;
      outcome: WireOutcome;
      changes: { files: WorldFiles; removed: string[] };
      chunks: OutputChunk[];
      truncatedLines: number;
      truncatedBytes: number;
    }
  | { type: 'response'; id: number; nonce: string; exchange: HttpExchange; log: OutputChunk[] }
  /** A request the served app did not answer: `interrupted` when the engine's interrupt stopped it. */
  | { type: 'request-failed'; id: number; nonce: string; message: string; interrupted: boolean }
  /** The lab's answer to the judge's call, as JSON for the judge (`failed`: the lab could not answer, why). */
  | { type: 'probed'; id: number; nonce: string; answer: string | null; failed: string | null }
  | { type: 'fatal'; id: number | null; message: string };

/** Changed project files, as a run's result carries them. */
export interface FileChanges {
  files: WorldFiles;
  removed: string[];
}

/**
 * Messages between the page (page/judge.ts) and the judge's worker (worker/judgeWorker.ts).
 * `begin` starts a judgement (the project as the run found it, then the run's changes and its
 * record) and asks its first round; `round` asks again with the answers the lab gave so far.
 */
export type ToJudge =
  /** `helpers`: the lesson's checks.py, for its assert checks. */
  | { type: 'init'; indexURL: string; world: WorldFiles; port: MessagePort; snapshot: OfferedSnapshot | null; helpers: string | null }
  | { type: 'begin'; id: number; before: FileChanges; run: FileChanges; record: string | null; failed: boolean; asserts: string[]; answers: Record<string, string> }
  | { type: 'round'; id: number; asserts: string[]; answers: Record<string, string> };

export type FromJudge = { type: 'ready' } | { type: 'round'; id: number; text: string } | { type: 'fatal'; message: string };

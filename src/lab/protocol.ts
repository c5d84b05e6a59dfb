// Messages between the page (engine.ts) and the lab's Web Worker (worker.ts).
// After `init` they travel over a MessageChannel port that only the two
// modules hold, never over the worker's global postMessage (which learner code
// can reach); each run and request carries a nonce the answer must repeat.
import type { StartWorld } from './startWorld';
import type { ContainerTrialSpec, HttpRequest, WorldFiles } from './types';

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
      /** The step's container checks, tried after the program (docker.ts tryContainer). */
      containers: ContainerTrialSpec[];
      /** The paths the step's git-committed checks name: the repo summary says which differ from the last commit. */
      committedPaths: string[];
      /** The step has assert checks: send the run's record with the result. */
      record: boolean;
    }
  | { type: 'request'; id: number; nonce: string; request: HttpRequest }
  /** What the judge asks of the last program (lab_runner.probe): answered with `probed`. */
  | { type: 'probe'; id: number; nonce: string; ask: string };

/** What the worker sends the page: inferred from the schema the page parses each message with (protocolSchema.ts). */
export type { FromWorker } from './protocolSchema';

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

// Messages between the page (engine.ts) and the lab's Web Worker (worker.ts).
// After `init` they travel over a MessageChannel port that only the two
// modules hold, never over the worker's global postMessage (which learner code
// can reach); each run and request carries a nonce the answer must repeat.
import type { StartWorld } from './startWorld';
import type { CheckedHeader } from './unprotected';
import type { HttpExchange, HttpRequest, OutputChunk, RunOutcome, WorldFiles } from './types';

export type ToWorker =
  /** `start`: the lesson's start project, laid out when there is no (valid) saved world. */
  | { type: 'init'; indexURL: string; world: WorldFiles | null; start: StartWorld; interrupt: SharedArrayBuffer | null; port: MessagePort }
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
      asserts?: string[];
    }
  | { type: 'request'; id: number; nonce: string; request: HttpRequest };

export type FromWorker =
  | { type: 'progress'; stage: string }
  /** `setAside`: why the saved world could not be laid out (the start project was used instead). */
  /** `snapshot`: Python was restored from a memory snapshot ('used'), or none could be used and one can be made ('missing'). */
  /** `unprotected`: headers the host did not send (src/lab/worker/selfCheck.ts), for a notice. */
  | { type: 'ready'; world: WorldFiles; setAside?: string[] | undefined; snapshot?: 'used' | 'missing' | undefined; unprotected?: CheckedHeader[] | undefined }
  /** The interpreter's warm-up after ready has ended (worker.ts): runs from here on run at full speed. */
  | { type: 'warmed' }
  | { type: 'output'; id: number; nonce: string; chunks: OutputChunk[] }
  /** `chunks`: the run's output not yet streamed, so the page draws the end of a run once, with its result. */
  | { type: 'result'; id: number; nonce: string; outcome: RunOutcome; world: WorldFiles; chunks: OutputChunk[]; truncatedLines: number; truncatedBytes: number }
  | { type: 'response'; id: number; nonce: string; exchange: HttpExchange; log: OutputChunk[] }
  /** A request the served app did not answer: `interrupted` when the engine's interrupt stopped it. */
  | { type: 'request-failed'; id: number; nonce: string; message: string; interrupted: boolean }
  | { type: 'fatal'; id: number | null; message: string };

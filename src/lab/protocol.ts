// Messages between the page (engine.ts) and the lab's Web Worker (worker.ts).
import type { HttpRequest } from './pythonRuntime';
import type { HttpExchange, OutputChunk, RunOutcome, WorldFiles } from './types';

export type ToWorker =
  | { type: 'init'; indexURL: string; world: WorldFiles | null; interrupt: SharedArrayBuffer | null }
  | {
      type: 'run';
      id: number;
      runtime: 'python' | 'shell';
      code: string;
      filename: string;
      extraFiles: WorldFiles;
      variables: string[];
      requests: HttpRequest[];
      asserts?: string[];
    }
  | { type: 'request'; id: number; request: HttpRequest };

export type FromWorker =
  | { type: 'progress'; stage: string }
  | { type: 'ready'; world: WorldFiles }
  | { type: 'output'; id: number; chunks: OutputChunk[] }
  | { type: 'result'; id: number; outcome: RunOutcome; world: WorldFiles; truncatedLines: number }
  | { type: 'response'; id: number; exchange: HttpExchange; log: OutputChunk[] }
  | { type: 'fatal'; id: number | null; message: string };

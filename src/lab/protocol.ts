// Messages between the page (engine.ts) and the lab's Web Worker (worker.ts).
import type { OutputChunk, RunOutcome, WorldFiles } from './types';

export type ToWorker =
  | { type: 'init'; indexURL: string; world: WorldFiles | null; interrupt: SharedArrayBuffer | null }
  | { type: 'run'; id: number; code: string; filename: string; extraFiles: WorldFiles; variables: string[] };

export type FromWorker =
  | { type: 'progress'; stage: string }
  | { type: 'ready'; world: WorldFiles }
  | { type: 'output'; id: number; chunks: OutputChunk[] }
  | { type: 'result'; id: number; outcome: RunOutcome; world: WorldFiles; truncatedLines: number }
  | { type: 'fatal'; id: number | null; message: string };

// What the lab showed on each step during this visit: the live output of the
// run in progress and the last result with its check verdicts. Not persisted —
// the project's files persist (engine.ts); a preview is redrawn by running.
// A vanilla store: the lab is framework-free; the lesson room binds its hook (src/lesson/useLabSession.ts).
import { createStore } from 'zustand/vanilla';
import type { CheckVerdict } from '../checks/checks';
import type { OutputChunk, RunResult } from '../types';

export interface StepRunState {
  running: boolean;
  /** Output of the run in progress (streamed). */
  live: OutputChunk[];
  result: RunResult | null;
  verdicts: CheckVerdict[] | null;
  /** Why the lab could not run the code at all (e.g. the engine failed to load). */
  failure: string | null;
}

interface LabSession {
  steps: Record<string, StepRunState>;
  begin: (key: string) => void;
  append: (key: string, chunks: OutputChunk[]) => void;
  complete: (key: string, result: RunResult, verdicts: CheckVerdict[]) => void;
  fail: (key: string, message: string) => void;
  clear: () => void;
}

export const emptyRun: StepRunState = { running: false, live: [], result: null, verdicts: null, failure: null };

export const labSession = createStore<LabSession>()((set) => ({
  steps: {},
  begin: (key) => set((s) => ({ steps: { ...s.steps, [key]: { ...(s.steps[key] ?? emptyRun), running: true, live: [], failure: null } } })),
  append: (key, chunks) =>
    set((s) => {
      const prev = s.steps[key] ?? emptyRun;
      return { steps: { ...s.steps, [key]: { ...prev, live: [...prev.live, ...chunks] } } };
    }),
  complete: (key, result, verdicts) => set((s) => ({ steps: { ...s.steps, [key]: { running: false, live: [], result, verdicts, failure: null } } })),
  fail: (key, message) => set((s) => ({ steps: { ...s.steps, [key]: { ...(s.steps[key] ?? emptyRun), running: false, live: [], failure: message } } })),
  clear: () => set({ steps: {} }),
}));

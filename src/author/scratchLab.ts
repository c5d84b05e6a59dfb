// The lab "Prove" runs in: the browser engine (src/lab/page/engine.ts) under a
// storage key of its own, so the learner's saved project is never read or
// written. The earlier steps' solutions run first (the project builds up step
// by step, as the learner's does); each attempt then starts from that snapshot
// in a fresh engine, so no attempt changes what the next one sees.
import type { CodeFile, Lesson, Step } from '../content/model';
import { judgeAll, probesFor, type CheckVerdict } from '../lab/checks/checks';
import { LabEngine } from '../lab/page/engine';
import type { WorldFiles } from '../lab/types';
import { worldStoreFor } from '../lab/page/worldStore';
import { timeLimitSeconds } from '../lesson/useStepLab';

/** Not `labStorageKey` ("lifecycle-lab:lab:…"): a key no learner page uses. */
export const scratchLabKey = (lessonId: string) => `lifecycle-lab:author-scratch:${lessonId}`;

export interface ScratchLab {
  /** Run the steps before `step` (their solutions); resolves when the snapshot is taken. */
  setup: (onStage?: (text: string) => void) => Promise<void>;
  runAttempt: (files: CodeFile[]) => Promise<CheckVerdict[]>;
  dispose: () => void;
}

async function runFiles(engine: LabEngine, step: Step, files: CodeFile[]): Promise<CheckVerdict[]> {
  const [main, ...others] = files;
  if (!main) return step.checks.map(() => ({ pass: false, detail: 'The attempt has no files.' }));
  const result = await engine.run({
    runtime: step.runtime,
    code: main.code,
    filename: main.file,
    extraFiles: Object.fromEntries(others.map((f) => [f.file, f.code])),
    ...probesFor(step.checks),
    timeLimitMs: timeLimitSeconds(step) * 1000,
  });
  if (result.ended === 'refused') return step.checks.map(() => ({ pass: false, detail: 'The lab refused the engine’s answer.' }));
  return judgeAll(step.checks, { result, files: engine.files ?? {} });
}

export function scratchLab(lesson: Lesson, step: Step): ScratchLab {
  const key = scratchLabKey(lesson.id);
  const store = worldStoreFor(key);
  let engine: LabEngine | null = null;
  let snapshot: WorldFiles | null = null;
  /** Whether the engine still holds the snapshot untouched (then the next attempt needs no fresh engine). */
  let pristine = false;

  const fresh = async (world: WorldFiles | null) => {
    engine?.dispose();
    if (world) await store.save(world);
    else await store.clear();
    engine = new LabEngine(key);
    await engine.start();
    return engine;
  };

  return {
    async setup(onStage) {
      const lab = await fresh(null);
      for (const earlier of lesson.steps.slice(0, lesson.steps.indexOf(step))) {
        onStage?.(`Running step ${earlier.order}’s solution to build the project…`);
        await runFiles(lab, earlier, earlier.solution);
      }
      snapshot = lab.files ? { ...lab.files } : null;
      pristine = true;
    },
    async runAttempt(files) {
      const lab = pristine && engine ? engine : await fresh(snapshot);
      pristine = false;
      return runFiles(lab, step, files);
    },
    dispose() {
      engine?.dispose();
      engine = null;
    },
  };
}

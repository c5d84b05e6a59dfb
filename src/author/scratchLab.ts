// The lab "Prove" runs in: the browser engine (src/lab/page/engine.ts) under a
// storage key of its own, so the learner's saved project is never read or
// written. It is the page's ProvingLab (src/lab/checks/prove.ts), so Prove plans
// and judges a step exactly as `npm run content:check -- --run` does. The
// earlier steps' solutions run first (the project builds up step by step, as
// the learner's does); putting the project back starts a fresh engine on it.
import type { Lesson, Step } from '../content';
import type { ProvingLab, WorldFiles } from '../lab';
import { LabEngine, loadStartWorld, runRequestFor, worldStoreFor } from '../lab/page';

/** Not `labStorageKey` ("lifecycle-lab:lab:…"): a key no learner page uses. */
export const scratchLabKey = (lessonId: string) => `lifecycle-lab:author-scratch:${lessonId}`;

export interface ScratchLab {
  /** Run the steps before `step` (their solutions); resolves when the project is built. */
  setup: (onStage?: (text: string) => void) => Promise<void>;
  lab: ProvingLab;
  dispose: () => void;
}

export function scratchLab(lesson: Lesson, step: Step): ScratchLab {
  const key = scratchLabKey(lesson.id);
  const store = worldStoreFor(key);
  let engine: LabEngine | null = null;
  /** A project to put back before the next run: restored lazily, so a restore nothing follows costs no engine start. */
  let pending: WorldFiles | null = null;

  const fresh = async (world: WorldFiles | null) => {
    engine?.dispose();
    if (world) await store.save(world);
    else await store.clear();
    // The lesson's start project and modules, as the CLI's proof starts from (scripts/lab-world.ts).
    engine = new LabEngine(key, undefined, () => loadStartWorld(lesson.id));
    await engine.start();
    return engine;
  };

  const lab: ProvingLab = {
    async run(runStep, files) {
      const current = pending || !engine ? await fresh(pending) : engine;
      pending = null;
      const request = runRequestFor(runStep, files);
      if (!request) throw new Error('the attempt has no file to run');
      const result = await current.run(request);
      if (result.ended === 'refused') throw new Error('the lab refused the engine’s answer');
      return { result, files: { ...(current.files ?? {}) } };
    },
    snapshot: () => pending ?? { ...(engine?.files ?? {}) },
    restore(world) {
      pending = world;
    },
  };

  return {
    async setup(onStage) {
      pending = null;
      await fresh(null);
      for (const earlier of lesson.steps.slice(0, lesson.steps.indexOf(step))) {
        onStage?.(`Running step ${earlier.order}’s solution to build the project…`);
        await lab.run(earlier, earlier.solution);
      }
    },
    lab,
    dispose() {
      engine?.dispose();
      engine = null;
    },
  };
}

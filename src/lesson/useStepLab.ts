// Connects a step page to its lesson's lab: prefetches the engine once the
// page has settled or the learner first touches it, and hands Run and Reset to the
// step runtime (src/lab/page/stepRuntime.ts: run, judge, session, award), wired here
// to this page's engine, the visit's session, the progress store and the kept verdicts.
import { useCallback, useEffect, useMemo } from 'react';
import type { Lesson, Step } from '../content';
import { labFor, timeLimitSeconds, labStorageKey, worldStoreFor, emptyRun, createStepRuntime } from '../lab/page';
import { downloadText, whenSettled } from '../lib';
import type { HttpRequest } from '../lab';
import { useLabSession } from './useLabSession';
import { stepKey } from '../progress';
import { useProgress } from './useProgress';
import { useStoreInTransition } from '../lib/react';
import { forgetVerdicts, rememberVerdict } from './lastVerdicts';

const memory = { remember: rememberVerdict, forget: forgetVerdicts };

export function useStepLab(lesson: Lesson, step: Step) {
  const engine = labFor(lesson.id);
  // The engine loads in the background: its stages re-render the page as transitions.
  const engineState = useStoreInTransition(engine.subscribe, engine.getState);
  const key = stepKey(lesson.id, step.slug);
  const runState = useLabSession((s) => s.steps[key]) ?? emptyRun;
  // Which tab may change the lab, and whether the last save worked (worldStore.ts).
  const worldStore = worldStoreFor(labStorageKey(lesson.id));
  const storage = useStoreInTransition(worldStore.subscribe, worldStore.getState);
  const readOnly = storage.access === 'elsewhere' || storage.access === 'taken';

  useEffect(() => {
    // Load Python in the background so that a Run later is instant: once the page has settled
    // (load, a pause, an idle moment), or at the learner's first touch of the page if sooner.
    // Not at once: starting Python is seconds of CPU on other threads, which on a two-core
    // phone slows the step's own first paint and layout (issue 9 §2). Run starts it anyway.
    const FIRST_TOUCH = ['pointerdown', 'keydown', 'scroll', 'wheel', 'touchstart'] as const;
    let cancelSettled = () => {};
    const start = () => {
      stop();
      void engine.start().catch(() => undefined);
    };
    function stop() {
      cancelSettled();
      for (const type of FIRST_TOUCH) window.removeEventListener(type, start, { capture: true });
    }
    cancelSettled = whenSettled(start);
    for (const type of FIRST_TOUCH) window.addEventListener(type, start, { capture: true, passive: true });
    return stop;
  }, [engine]);

  const runtime = useMemo(() => createStepRuntime({ engine, session: useLabSession, progress: useProgress, memory }), [engine]);
  const run = useCallback(async () => {
    if (!readOnly) await runtime.run(lesson, step);
  }, [runtime, lesson, step, readOnly]);

  const stop = useCallback(() => engine.stop(), [engine]);
  const resetLab = useCallback(async () => {
    if (!readOnly) await runtime.resetLab(lesson.id);
  }, [runtime, readOnly, lesson.id]);
  const takeOver = useCallback(() => worldStore.takeOver(), [worldStore]);

  // The console's requests have the step's time limit, like its runs.
  const send = useCallback((request: HttpRequest) => engine.request(request, timeLimitSeconds(step) * 1000), [engine, step]);

  const downloadSetAside = useCallback(() => {
    const json = engine.setAsideJson();
    if (json) downloadText(`${lesson.id}-lab-set-aside.json`, json);
  }, [engine, lesson.id]);
  return { engineState, runState, run, stop, resetLab, send, files: engine.files, storage, readOnly, takeOver, downloadSetAside };
}

// Connects a step page to its lesson's lab: prefetches the engine once the
// page has settled or the learner first touches it, runs the learner's files, judges the step's checks on the
// outcome, and completes the step (XP, node, hub) when they all pass.
import { useCallback, useEffect } from 'react';
import type { Lesson, Step } from '../content/model';
import { judgeAll } from '../lab/checks/checks';
import { labFor } from '../lab/page/engine';
import { downloadText } from '../lib/download';
import type { HttpRequest } from '../lab/types';
import { runRequestFor, timeLimitSeconds } from '../lab/page/runRequest';
import { labStorageKey, worldStoreFor } from '../lab/page/worldStore';
import { emptyRun, useLabSession } from '../lab/page/session';
import { stepKey, useProgress } from '../progress/store';
import { useStoreInTransition } from '../lib/useStoreInTransition';
import { whenSettled } from '../lib/whenSettled';
import { forgetVerdicts, isStarter, rememberVerdict } from './lastVerdicts';

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

  const run = useCallback(async () => {
    const session = useLabSession.getState();
    if (session.steps[key]?.running || readOnly) return;
    const drafts = useProgress.getState().drafts[key] ?? {};
    const files = step.starter.map((f) => ({ ...f, code: drafts[f.file] ?? f.code }));
    const request = runRequestFor(
      step,
      files,
      (chunks) => useLabSession.getState().append(key, chunks),
    );
    if (!request) return;
    session.begin(key);
    try {
      const result = await engine.run(request);
      // A refused answer is not evidence of anything: no check passes on it.
      const verdicts =
        result.ended === 'refused'
          ? step.checks.map(() => ({ pass: false, detail: 'The lab refused the engine’s answer, so this was not judged. Run again.' }))
          : judgeAll(step.checks, { result, files: engine.files ?? {} });
      useLabSession.getState().complete(key, result, verdicts);
      rememberVerdict(key, { verdicts, fromStarter: isStarter(step.starter, files) });
      if (verdicts.every((v) => v.pass)) useProgress.getState().completeStep(lesson.id, lesson.skill, step);
    } catch (error) {
      useLabSession.getState().fail(key, error instanceof Error ? error.message : String(error));
    }
  }, [engine, key, lesson, step, readOnly]);

  const stop = useCallback(() => engine.stop(), [engine]);
  const resetLab = useCallback(async () => {
    if (readOnly) return;
    useLabSession.getState().clear();
    forgetVerdicts(lesson.id);
    await engine.resetLab();
  }, [engine, readOnly, lesson.id]);
  const takeOver = useCallback(() => worldStore.takeOver(), [worldStore]);

  // The console's requests have the step's time limit, like its runs.
  const send = useCallback((request: HttpRequest) => engine.request(request, timeLimitSeconds(step) * 1000), [engine, step]);

  const downloadSetAside = useCallback(() => {
    const json = engine.setAsideJson();
    if (json) downloadText(`${lesson.id}-lab-set-aside.json`, json);
  }, [engine, lesson.id]);
  return { engineState, runState, run, stop, resetLab, send, files: engine.files, storage, readOnly, takeOver, downloadSetAside };
}

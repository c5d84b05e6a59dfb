// What a step's Run does, without React: the learner's files (their drafts over the
// starter) run in the lab, the step's checks are judged on the outcome, the visit's
// session shows the result, and a step whose checks all pass is completed through the
// progress store's action (its XP ledger awards a step once). The lesson page's hook
// (src/lesson/useStepLab.ts) only subscribes and renders; tests drive this with fakes.
import type { Lesson, Step } from '../../content';
import { judgeAll, type CheckVerdict } from '../checks/checks';
import type { OutputChunk, RunResult, WorldFiles } from '../types';
import type { RunRequest } from './runMachine';
import { runRequestFor } from './runRequest';
import type { StepRunState } from './session';

/** What the runtime needs of the lab's engine. */
export interface RuntimeEngine {
  run(request: RunRequest): Promise<RunResult>;
  readonly files: WorldFiles | null;
  resetLab(): Promise<void>;
}

/** What it needs of the visit's session (session.ts's store). */
export interface RuntimeSession {
  getState(): {
    steps: Record<string, StepRunState>;
    begin(key: string): void;
    append(key: string, chunks: OutputChunk[]): void;
    complete(key: string, result: RunResult, verdicts: CheckVerdict[]): void;
    fail(key: string, message: string): void;
    clear(): void;
  };
}

/** What it needs of the progress store: the learner's drafts and the action that completes a step. */
export interface RuntimeProgress {
  getState(): {
    drafts: Record<string, Record<string, string> | undefined>;
    completeStep(lessonId: string, skill: string, step: Step): void;
  };
}

/** The last verdicts, kept across reloads (src/lesson/lastVerdicts.ts). */
export interface RuntimeMemory {
  remember(key: string, verdict: { verdicts: CheckVerdict[]; fromStarter: boolean }): void;
  forget(lessonId: string): void;
}

export interface StepRuntimeDeps {
  engine: RuntimeEngine;
  session: RuntimeSession;
  progress: RuntimeProgress;
  memory: RuntimeMemory;
}

const REFUSED = 'The lab refused the engine’s answer, so this was not judged. Run again.';

const stepKeyOf = (lessonId: string, slug: string) => `${lessonId}/${slug}`;

/** Whether these files are the step's starter, unchanged (its passes are no progress). */
export const isStarter = (starter: { file: string; code: string }[], files: { file: string; code: string }[]) =>
  starter.every((s) => files.find((f) => f.file === s.file)?.code === s.code);

export interface StepRuntime {
  /** Run the learner's files of this step and judge them; nothing when a run of it is under way. */
  run(lesson: Pick<Lesson, 'id' | 'skill'>, step: Step): Promise<void>;
  /** Start the lesson's lab afresh: this visit's results and the remembered verdicts describe a lab that is gone. */
  resetLab(lessonId: string): Promise<void>;
}

export function createStepRuntime({ engine, session, progress, memory }: StepRuntimeDeps): StepRuntime {
  return {
    async run(lesson, step) {
      const key = stepKeyOf(lesson.id, step.slug);
      if (session.getState().steps[key]?.running) return;
      const drafts = progress.getState().drafts[key] ?? {};
      const files = step.starter.map((f) => ({ ...f, code: drafts[f.file] ?? f.code }));
      const request = runRequestFor(step, files, (chunks) => session.getState().append(key, chunks));
      if (!request) return;
      session.getState().begin(key);
      try {
        const result = await engine.run(request);
        // A refused answer is not evidence of anything: no check passes on it.
        const verdicts = result.ended === 'refused' ? step.checks.map(() => ({ pass: false, detail: REFUSED })) : judgeAll(step.checks, { result, files: engine.files ?? {} });
        session.getState().complete(key, result, verdicts);
        memory.remember(key, { verdicts, fromStarter: isStarter(step.starter, files) });
        if (verdicts.every((v) => v.pass)) progress.getState().completeStep(lesson.id, lesson.skill, step);
      } catch (error) {
        session.getState().fail(key, error instanceof Error ? error.message : String(error));
      }
    },
    async resetLab(lessonId) {
      session.getState().clear();
      memory.forget(lessonId);
      await engine.resetLab();
    },
  };
}

/** What editing a step's files needs of the progress store. */
export interface EditingProgress {
  getState(): {
    drafts: Record<string, Record<string, string> | undefined>;
    saveDraft(lessonId: string, slug: string, file: string, code: string): void;
    clearDrafts(lessonId: string, slug: string): void;
    markSolutionUsed(lessonId: string, slug: string): void;
  };
}

/**
 * The editor's actions on a step's drafts: each that replaces the learner's code returns the
 * drafts it replaced, for Undo. Seeing the solution is what costs XP (issue 23: "Back to my
 * code" and retyping it earned the full XP), remembered per step before it is completed (xp.ts).
 */
export function stepEditing(progress: EditingProgress, lessonId: string, step: Pick<Step, 'slug' | 'solution'>) {
  const key = stepKeyOf(lessonId, step.slug);
  const current = () => progress.getState().drafts[key] ?? null;
  return {
    resetToStarter(): Record<string, string> | null {
      const replaced = current();
      progress.getState().clearDrafts(lessonId, step.slug);
      return replaced;
    },
    restore(drafts: Record<string, string>) {
      for (const [file, code] of Object.entries(drafts)) progress.getState().saveDraft(lessonId, step.slug, file, code);
    },
    showSolution() {
      progress.getState().markSolutionUsed(lessonId, step.slug);
    },
    useSolution(): Record<string, string> | null {
      const replaced = current();
      progress.getState().markSolutionUsed(lessonId, step.slug);
      for (const s of step.solution) progress.getState().saveDraft(lessonId, step.slug, s.file, s.code);
      return replaced;
    },
  };
}

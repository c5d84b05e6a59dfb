import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Lesson, Step } from '../content';
import { isStepDone, laterStepsDone, lessonComplete, stepKey, solutionStepXp } from '../progress';
import { useProgress } from './useProgress';
import { useDocumentTitle, ErrorBoundary } from '../lib/react';
import type { CheckVerdict } from '../lab';
import { DraftConflicts } from './DraftConflicts';
import { EditorPanel } from './EditorPanel';
import { LabStorageNotice } from './LabStorageNotice';
import { phaseLabel, stepPath } from './phases';
import { Prose } from './Prose';
import { CompletionPanel } from './CompletionPanel';
import { LabReference } from './LabReference';
import { LessonRecap } from './LessonRecap';
import { RunBar, useRunGuard } from './RunBar';
import { StepPreview } from './StepPreview';
import { useScrollOnArrival } from './useScrollOnArrival';
import { useStepLab } from './useStepLab';
import { Workspace } from './Workspace';
import { useWide } from './workspaceLayout';
import { CHECKS_ID, WorkspaceVerdict } from './WorkspaceVerdict';
import { InlineCode } from './InlineCode';
import { useLastVerdict } from './lastVerdicts';
import { Prediction, useSettlePredictionOnRun } from './Prediction';

export function StepPage({ lesson, step }: { lesson: Lesson; step: Step }) {
  useDocumentTitle(`${step.title} — ${lesson.title}`);
  useScrollOnArrival();
  const completedSteps = useProgress((s) => s.completedSteps);
  const done = isStepDone({ completedSteps }, lesson.id, step.slug);
  const solutionUsed = useProgress((s) => s.solutionUsed[stepKey(lesson.id, step.slug)] !== undefined);
  const index = lesson.steps.indexOf(step);
  const prev = lesson.steps[index - 1];
  const next = lesson.steps[index + 1];
  const lab = useStepLab(lesson, step);
  // This visit's verdict, else the last one saved (it survives a reload); a run of the untouched starter is marked.
  const remembered = useLastVerdict(stepKey(lesson.id, step.slug));
  const verdicts = lab.runState.verdicts ?? remembered?.verdicts ?? null;
  const fromStarter = verdicts !== null && (remembered?.fromStarter ?? false);
  const errorLine = lab.runState.result?.outcome.error?.line ?? null;
  const guard = useRunGuard(lab, step, laterStepsDone(lesson, { completedSteps }, step.slug), stepKey(lesson.id, step.slug));
  const navigate = useNavigate();
  // The panel answers this visit's passing run, and stays while the learner runs again (until a run fails),
  // so the bar above the editor keeps its height and nothing below it jumps; the recap stays on the last step once the lesson is done.
  const passed = done && (lab.runState.verdicts?.every((v) => v.pass) ?? false);
  const showRecap = !next && lessonComplete(lesson, { completedSteps });
  const first = lesson.steps[0];
  const wide = useWide();
  useSettlePredictionOnRun(lesson, step, verdicts !== null);

  const text = (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to="/" className="hover:underline">
              Course
            </Link>{' '}
            /
          </li>
          <li>
            <Link to={`/lessons/${lesson.id}`} className="hover:underline">
              {lesson.title}
            </Link>{' '}
            /
          </li>
          <li aria-current="page">Step {step.order}</li>
        </ol>
      </nav>
      <StepMenu lesson={lesson} step={step} />
      <p className="mt-4 font-mono text-xs uppercase tracking-widest text-muted">
        Step {step.order} of {lesson.steps.length} · {phaseLabel(lesson, step.phase)} ·{' '}
        {solutionUsed ? `${solutionStepXp(step.xp)} XP with the solution (${step.xp} without)` : `${step.xp} XP`}
        {done ? ' · completed' : ''}
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{step.title}</h1>
      <p className="mt-2 text-lg text-muted">{step.summary}</p>
      <Prose html={step.html} className="mt-6" />
      <Checks step={step} verdicts={verdicts} fromStarter={fromStarter} />
      {step.prediction && verdicts !== null && <Prediction lesson={lesson} step={step} ran />}
      {showRecap && (
        <LessonRecap
          lesson={lesson}
          files={lab.files}
          readOnly={lab.readOnly}
          onGoAgain={() => {
            void lab.resetLab();
            if (first) void navigate(stepPath(lesson.id, first.slug));
          }}
        />
      )}
      <Hints step={step} />
      <LabReference lesson={lesson} step={step} />
      <nav aria-label="Steps" className="mt-10 flex flex-wrap justify-between gap-3 border-t border-line pt-4">
        {prev ? (
          <Link to={stepPath(lesson.id, prev.slug)} className="text-accent hover:underline">
            ← Step {prev.order}: {prev.title}
          </Link>
        ) : (
          <Link to={`/lessons/${lesson.id}`} className="text-accent hover:underline">
            ← Lesson overview
          </Link>
        )}
        {next ? (
          <Link to={stepPath(lesson.id, next.slug)} className="text-accent hover:underline">
            Step {next.order}: {next.title} →
          </Link>
        ) : (
          <Link to={`/lessons/${lesson.id}#continue`} className="text-accent hover:underline">
            Finish: continue learning →
          </Link>
        )}
      </nav>
    </>
  );

  // Run, its status and the verdict stay together at the top of the work area (issue 9).
  // Asked until the step has been run: a prediction made after seeing what happens predicts nothing. Run is never held back by it.
  const ask = step.prediction && verdicts === null && !lab.runState.running && (
    <ErrorBoundary where="the prediction">
      <Prediction lesson={lesson} step={step} ran={false} />
    </ErrorBoundary>
  );
  const bar = (
    <ErrorBoundary where="the run bar">
      <RunBar lab={lab} step={step} guard={guard} verdict={<WorkspaceVerdict step={step} verdicts={verdicts} fromStarter={fromStarter} />} />
      {passed && <CompletionPanel lesson={lesson} step={step} />}
      <LabStorageNotice lab={lab} />
      <DraftConflicts lesson={lesson} step={step} />
    </ErrorBoundary>
  );
  const editor = (
    <ErrorBoundary where="the editor">
      <EditorPanel
        lesson={lesson}
        step={step}
        onRun={guard.requestRun}
        fill={wide}
        errorMarker={errorLine ? { line: errorLine, message: lab.runState.result?.outcome.error?.message ?? '' } : null}
      />
    </ErrorBoundary>
  );
  const preview = (
    <ErrorBoundary where="the preview">
      <StepPreview step={step} engine={lab.engineState} run={lab.runState} send={lab.send} files={lab.files} />
    </ErrorBoundary>
  );

  return <Workspace wide={wide} text={text} ask={ask || undefined} bar={bar} editor={editor} preview={preview} />;
}

/**
 * The step's checks with the last run's verdict. A check the untouched starter already passes is shown
 * neutral, not ✓ (issue 23: a green tick for doing nothing tells the learner nothing), until they run code of their own.
 */
function Checks({ step, verdicts, fromStarter }: { step: Step; verdicts: CheckVerdict[] | null; fromStarter: boolean }) {
  const passed = verdicts?.filter((v) => v.pass).length ?? 0;
  return (
    // Focusable so the verdict's "All checks" can take the learner here.
    <section id={CHECKS_ID} tabIndex={-1} aria-labelledby="checks-title" className="mt-8 scroll-mt-4 rounded-xl border border-line bg-surface p-4">
      <h2 id="checks-title" className="font-semibold">
        Checks
      </h2>
      <p className="text-sm text-muted" role="status">
        {!verdicts
          ? 'Judged on what your code actually does when it runs.'
          : fromStarter
            ? 'Your last run was of the starter code: what it already does is not counted. Change the code and run it.'
            : `${passed} of ${verdicts.length} passed on your last run.`}
      </p>
      <ul className="mt-2 grid gap-1.5 text-sm">
        {step.checks.map((check, i) => {
          const verdict = verdicts?.[i];
          const state = !verdict ? 'not checked yet' : verdict.pass ? (fromStarter ? 'passes on the starter, not counted' : 'passed') : 'failed';
          const earned = verdict?.pass && !fromStarter;
          return (
            <li key={check.saysHtml} className="flex gap-2" data-state={state}>
              <span aria-hidden="true" className={!verdict || (verdict.pass && fromStarter) ? 'text-muted' : verdict.pass ? 'text-ok' : 'text-bad'}>
                {!verdict || (verdict.pass && fromStarter) ? '○' : earned ? '✓' : '✗'}
              </span>
              <span>
                <Prose html={check.saysHtml} inline />
                <span className="sr-only"> ({state})</span>
                {verdict && !verdict.pass && (
                  <span className="block text-xs text-muted">
                    <InlineCode text={verdict.detail} />
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Every step of the lesson, one click away (issue 23: step pages had only previous and next). */
function StepMenu({ lesson, step }: { lesson: Lesson; step: Step }) {
  const completedSteps = useProgress((s) => s.completedSteps);
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer rounded-md border border-line px-2.5 py-1 text-muted hover:bg-surface-2 [&::-webkit-details-marker]:hidden">
        Step {step.order} of {lesson.steps.length} · all steps ▾
      </summary>
      <nav aria-label="All steps" className="mt-2 rounded-lg border border-line bg-surface p-2">
        <ol className="grid gap-1">
          {lesson.steps.map((s) => {
            const done = isStepDone({ completedSteps }, lesson.id, s.slug);
            return (
              <li key={s.slug}>
                <Link
                  to={stepPath(lesson.id, s.slug)}
                  aria-current={s.slug === step.slug ? 'step' : undefined}
                  className={`flex gap-2 rounded px-2 py-1 hover:bg-surface-2 ${s.slug === step.slug ? 'bg-surface-2 font-semibold' : ''}`}
                >
                  <span aria-hidden="true" className={done ? 'text-ok' : 'text-muted'}>
                    {done ? '✓' : s.order}
                  </span>
                  <span>
                    Step {s.order}: {s.title}
                    <span className="sr-only">{done ? ' (completed)' : ''}</span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ol>
      </nav>
    </details>
  );
}

function Hints({ step }: { step: Step }) {
  const [shown, setShown] = useState(0);
  if (step.hintsHtml.length === 0) return null;
  return (
    <section aria-labelledby="hints-title" className="mt-4 rounded-xl border border-line bg-surface p-4">
      <h2 id="hints-title" className="font-semibold">
        Hints
      </h2>
      <ol className="mt-2 grid gap-2 text-sm">
        {step.hintsHtml.slice(0, shown).map((html, i) => (
          <li key={i} className="rounded-lg bg-surface-2 p-2">
            <Prose html={html} />
          </li>
        ))}
      </ol>
      {shown < step.hintsHtml.length && (
        <button
          type="button"
          onClick={() => setShown((n) => n + 1)}
          className="mt-2 rounded-md border border-line px-2.5 py-1 text-sm hover:bg-surface-2"
        >
          Show hint {shown + 1} of {step.hintsHtml.length}
        </button>
      )}
    </section>
  );
}

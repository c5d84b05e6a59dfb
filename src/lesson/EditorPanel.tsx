import { lazy, Suspense, useId, useRef, useState } from 'react';
import type { Lesson, Step } from '../content';
import { stepEditing } from '../lab/page';
import { stepKey, solutionStepXp } from '../progress';
import { useProgress } from './useProgress';
import { useTheme } from '../lib/react';
import type { EditorHandoff } from './codeEditorProps';
import { StaticCode } from './StaticCode';

// Monaco is large and slow to evaluate: the code paints at once in a static
// view, and Monaco loads when the learner reaches for the code (points at it,
// focuses, clicks or types in it), then takes over without a visible change.
// It never loads by itself: evaluating it blocks a phone's main thread for
// seconds, which would land at a moment the learner did not choose (issue 9 §2).
const CodeEditor = lazy(() => import('./CodeEditor'));

type View = 'mine' | 'solution';

interface Props {
  lesson: Lesson;
  step: Step;
  /** Ctrl/⌘ + Enter in the editor. */
  onRun?: (() => void) | undefined;
  /** Where the last run's error points, in the step's first (runnable) file. */
  errorMarker?: { line: number; message: string } | null;
  /** Fill the height it is given (the split view's pane) instead of a fixed height. */
  fill?: boolean;
}

export function EditorPanel({ lesson, step, onRun, errorMarker = null, fill = false }: Props) {
  const tabsId = useId();
  const [theme] = useTheme();
  const [active, setActive] = useState(0);
  const [view, setView] = useState<View>('mine');
  const [undo, setUndo] = useState<Record<string, string> | null>(null);
  const drafts = useProgress((s) => s.drafts[stepKey(lesson.id, step.slug)]);
  const saveDraft = useProgress((s) => s.saveDraft);
  const done = useProgress((s) => s.completedSteps[stepKey(lesson.id, step.slug)] !== undefined);
  const solutionUsed = useProgress((s) => s.solutionUsed[stepKey(lesson.id, step.slug)] !== undefined);
  const [usedSolution, setUsedSolution] = useState(false);
  const [tabMovesFocus, setTabMovesFocus] = useState(false);
  const [screenReader, setScreenReader] = useScreenReaderMode();
  const [wantEditor, setWantEditor] = useState(false);
  /** The editor key whose Monaco has shown its code; until then the static view covers it. */
  const [readyKey, setReadyKey] = useState<string | null>(null);
  const handoff = useRef<EditorHandoff | null>(null);

  const file = step.starter[active] ?? step.starter[0];
  if (!file) return null;
  const solution = step.solution.find((s) => s.file === file.file);
  const mine = drafts?.[file.file] ?? file.code;
  const showingSolution = view === 'solution' && solution !== undefined;
  const editorKey = `${file.file}-${showingSolution ? 'solution' : 'mine'}`;
  const label = `${file.file}${showingSolution ? ' (reference solution, read-only)' : ''} — code editor`;
  const edited = step.starter.some((f) => drafts?.[f.file] !== undefined && drafts[f.file] !== f.code);

  const editing = stepEditing(useProgress, lesson.id, step);
  const resetToStarter = () => {
    setUndo(editing.resetToStarter());
    setUsedSolution(false);
    setView('mine');
  };
  const undoReset = () => {
    if (undo) editing.restore(undo);
    setUndo(null);
    setUsedSolution(false);
  };
  const useSolution = () => {
    setUndo(editing.useSolution());
    setUsedSolution(true);
    setView('mine');
  };
  const showSolution = () => {
    editing.showSolution();
    setView('solution');
  };
  const reducedXp = solutionStepXp(step.xp);
  // Say what the button costs before it is pressed: only a step not yet completed, nor already reduced, loses XP.
  const showSolutionLabel = done || solutionUsed ? 'Show solution' : `Show solution (step then worth ${reducedXp} XP instead of ${step.xp})`;

  const button = 'rounded-md border border-line px-2.5 py-1 text-sm hover:bg-surface-2 disabled:opacity-50';

  return (
    <section aria-label="Code editor" className={`flex flex-col overflow-hidden rounded-xl border border-line bg-surface ${fill ? 'h-full' : ''}`}>
      <div className="flex flex-wrap items-center gap-2 border-b border-line bg-surface-2 px-2 py-1.5">
        <div role="tablist" aria-label="Files" className="flex gap-1">
          {step.starter.map((f, i) => (
            <button
              key={f.file}
              type="button"
              role="tab"
              id={`${tabsId}-tab-${i}`}
              aria-selected={i === active}
              aria-controls={`${tabsId}-panel`}
              tabIndex={i === active ? 0 : -1}
              onClick={() => setActive(i)}
              onKeyDown={(e) => {
                if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                const next = (i + (e.key === 'ArrowRight' ? 1 : -1) + step.starter.length) % step.starter.length;
                setActive(next);
                document.getElementById(`${tabsId}-tab-${next}`)?.focus();
              }}
              className={`rounded-md px-2.5 py-1 font-mono text-xs ${i === active ? 'bg-surface text-ink ring-1 ring-line' : 'text-muted hover:text-ink'}`}
            >
              {f.file}
            </button>
          ))}
        </div>
        <div className="ml-auto flex flex-wrap gap-2">
          <button type="button" className={button} onClick={resetToStarter} disabled={!edited}>
            Reset to starter
          </button>
          {showingSolution ? (
            <>
              <button type="button" className={button} onClick={() => setView('mine')}>
                Back to my code
              </button>
              <button type="button" className={button} onClick={useSolution}>
                Use the solution
              </button>
            </>
          ) : (
            <button type="button" className={button} onClick={showSolution} disabled={!solution}>
              {showSolutionLabel}
            </button>
          )}
        </div>
      </div>
      {showingSolution && (
        <p role="status" className="border-b border-line bg-surface-2 px-3 py-1.5 text-sm">
          Showing the reference solution (read-only). Your code is kept: <strong>Back to my code</strong> returns to it.
          {!done && ` Seen, so completing this step earns ${reducedXp} XP.`}
        </p>
      )}
      {(undo || usedSolution) && !showingSolution && (
        <p role="status" className="flex items-center gap-3 border-b border-line bg-surface-2 px-3 py-1.5 text-sm">
          {usedSolution
            ? `The solution is in the editor${done ? '' : `: run it to complete the step for ${reducedXp} XP`}.`
            : 'Your previous code was replaced.'}
          {undo && (
            <button type="button" className={button} onClick={undoReset}>
              Undo
            </button>
          )}
        </p>
      )}
      <div role="tabpanel" id={`${tabsId}-panel`} aria-labelledby={`${tabsId}-tab-${active}`} className={`relative ${fill ? 'min-h-0 flex-1' : 'h-80 sm:h-96'}`}>
        {wantEditor && (
          <Suspense fallback={null}>
            <CodeEditor
              key={editorKey}
              path={`${lesson.id}/${step.slug}/${showingSolution ? 'solution/' : ''}${file.file}`}
              value={showingSolution ? solution.code : mine}
              language={file.language}
              readOnly={showingSolution}
              onRun={onRun}
              errorMarker={active === 0 && !showingSolution ? errorMarker : null}
              theme={theme}
              label={label}
              onTabFocusModeChange={setTabMovesFocus}
              screenReader={screenReader}
              onReady={() => {
                const given = handoff.current;
                handoff.current = null;
                setReadyKey(editorKey);
                return given;
              }}
              onChange={(code) => {
                if (showingSolution) return;
                saveDraft(lesson.id, step.slug, file.file, code);
                if (undo) setUndo(null);
                if (usedSolution) setUsedSolution(false);
              }}
            />
          </Suspense>
        )}
        {readyKey !== editorKey && (
          <StaticCode
            key={editorKey}
            code={showingSolution ? solution.code : mine}
            language={file.language}
            theme={theme}
            label={`Code of ${file.file}${showingSolution ? ' (reference solution)' : ''}, read-only until the editor has loaded`}
            handoffRef={handoff}
            onWake={() => setWantEditor(true)}
          />
        )}
      </div>
      {/* Monaco keeps Tab for indenting: say how to leave it by keyboard (WCAG 2.1.2). */}
      <div className="flex shrink-0 flex-wrap items-center gap-x-3 border-t border-line bg-surface-2 px-3 py-1 text-xs text-muted">
        <p aria-live="polite">
          {tabMovesFocus ? 'Tab moves focus out of the editor · Ctrl+M: Tab inserts spaces' : 'Tab inserts spaces · Ctrl+M: Tab moves focus'}
        </p>
        {/* Monaco's screen-reader mode, reachable by keyboard and said when it changes (issue 23); Alt+F1 is Monaco's own help. */}
        <button type="button" aria-pressed={screenReader} onClick={() => setScreenReader(!screenReader)} className="ml-auto rounded border border-line px-2 py-0.5 hover:bg-surface">
          Screen reader mode
        </button>
        <p role="status" className="sr-only">
          {screenReader ? 'Screen reader mode is on: the editor reads its lines and changes aloud. Alt+F1 opens its accessibility help.' : ''}
        </p>
      </div>
    </section>
  );
}

const SCREEN_READER_KEY = 'lifecycle-lab:screen-reader';

/** The editor's screen-reader mode, remembered in this browser (a preference, not progress). */
function useScreenReaderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return localStorage.getItem(SCREEN_READER_KEY) === 'on';
    } catch {
      return false;
    }
  });
  const set = (next: boolean) => {
    setOn(next);
    try {
      localStorage.setItem(SCREEN_READER_KEY, next ? 'on' : 'off');
    } catch {
      /* blocked storage: this visit only */
    }
  };
  return [on, set];
}

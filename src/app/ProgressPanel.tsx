import { useRef, useState, type ChangeEvent } from 'react';
import { index, loadLesson } from 'virtual:lifecycle-content';
import type { Lesson, LessonSummary } from '../content';
import { downloadText } from '../lib';
import { readExport, toExport, factsOf, describeProgress } from '../progress';
import { useProgress } from '../lesson/useProgress';

/**
 * The progress menu's panel: export, import and reset. Its own chunk (with the
 * import's checks): the menu's button is in every page's first load, this is not.
 */
export function ProgressPanel({ id }: { id: string }) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; detail?: string } | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const replaceProgress = useProgress((s) => s.replaceProgress);
  const resetProgress = useProgress((s) => s.resetProgress);

  const onExport = () => {
    const data = toExport(factsOf(useProgress.getState()));
    downloadText(`lifecycle-lab-progress-${data.exportedAt.slice(0, 10)}.json`, JSON.stringify(data, null, 2));
    setMessage({ kind: 'ok', text: 'Progress exported.' });
  };

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const result = readExport(await file.text());
    if (!result.ok) {
      setMessage({ kind: 'error', text: `Import refused: ${result.reason}. Your current progress is unchanged.` });
      return;
    }
    // The full lessons carry the quiz's answer key: an imported answer is graded again, not taken on trust.
    let lessons: Lesson[];
    try {
      const loaded = await Promise.all(index.lessons.map((summary: LessonSummary) => loadLesson(summary.id)));
      lessons = loaded.filter((lesson: Lesson | undefined): lesson is Lesson => lesson !== undefined);
    } catch (error) {
      setMessage({ kind: 'error', text: `Import refused: the lessons could not be loaded to check it (${error instanceof Error ? error.message : String(error)}). Your current progress is unchanged.` });
      return;
    }
    const saved = replaceProgress(result.facts, { lessons });
    if (!saved.ok) {
      setMessage({ kind: 'error', text: `Import refused: ${saved.reason}. Your current progress is unchanged.` });
      return;
    }
    const notes = [
      result.dropped ? `${result.dropped} unreadable entries skipped` : '',
      result.unsafe ? `${result.unsafe} key${result.unsafe === 1 ? '' : 's'} named __proto__, constructor or prototype ignored` : '',
    ].filter(Boolean);
    // Say what came in (issue 23: an import confirmed nothing): counted from what the store now holds, after the audit.
    setMessage({ kind: 'ok', text: `Progress imported from ${file.name}${notes.length ? ` (${notes.join('; ')})` : ''}.`, detail: describeProgress(useProgress.getState()) });
  };

  const onConfirmReset = () => {
    resetProgress();
    dialogRef.current?.close();
    setMessage({ kind: 'ok', text: 'Progress reset.' });
  };

  return (
    <>
      <div
        className="absolute right-0 top-full z-40 mt-2 w-72 rounded-lg border border-line bg-surface p-3 shadow-xl"
      >
        <div className="flex flex-col gap-2 text-sm">
          <button type="button" onClick={onExport} className="rounded-md border border-line px-3 py-1.5 text-left hover:bg-surface-2">
            Export progress (JSON)
          </button>
          <label className="cursor-pointer rounded-md border border-line px-3 py-1.5 hover:bg-surface-2 focus-within:outline focus-within:outline-3 focus-within:outline-accent">
            Import progress…
            <input type="file" accept="application/json,.json" className="sr-only" onChange={onImport} />
          </label>
          <button
            type="button"
            onClick={() => dialogRef.current?.showModal()}
            className="rounded-md border border-bad px-3 py-1.5 text-left text-bad hover:bg-surface-2"
          >
            Reset progress…
          </button>
          {message && (
            <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'text-bad' : 'text-ok'}>
              {message.text}
              {message.detail && <span className="mt-1 block text-ink">{message.detail}</span>}
            </p>
          )}
        </div>
      </div>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-title`}
        className="m-auto max-w-sm rounded-xl border border-line bg-surface p-5 text-ink backdrop:bg-black/60"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Reset all progress?
        </h2>
        <p className="mt-2 text-sm text-muted">
          This removes your XP, quiz answers, learned terms, completed steps and code drafts from this browser. Export first
          if you may want them back.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={() => dialogRef.current?.close()} className="rounded-md border border-line px-3 py-1.5 text-sm">
            Cancel
          </button>
          <button type="button" onClick={onConfirmReset} className="rounded-md bg-bad px-3 py-1.5 text-sm font-semibold text-bg">
            Reset progress
          </button>
        </div>
      </dialog>
    </>
  );
}

import { useEffect, useRef } from 'react';

const SHORTCUTS: { keys: string; does: string }[] = [
  { keys: 'Ctrl + Enter (⌘ + Enter on a Mac)', does: 'Run the step, from anywhere on the page, the editor included' },
  { keys: 'Ctrl + M (Ctrl + Shift + M on a Mac)', does: 'In the editor: switch what Tab does, between inserting spaces and moving focus out of the editor' },
  { keys: 'Arrow keys on a divider', does: 'Resize the panes (Home and End move the divider to its limits; F6 goes to the next divider)' },
  { keys: '?', does: 'Open this list (when the focus is not in the editor or a text field)' },
  { keys: 'Escape', does: 'Close this list, or any dialog' },
];

/** True when a key press there belongs to the learner's typing, not to the page. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, .monaco-editor') !== null;
}

/** A "Keyboard shortcuts" button and the dialog it opens, also opened with `?`. */
export function WorkspaceShortcuts() {
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing(e.target)) return;
      if (document.querySelector('dialog[open]')) return; // another dialog has the page
      e.preventDefault();
      dialogRef.current?.showModal();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => dialogRef.current?.showModal()}
        aria-keyshortcuts="?"
        className="rounded-md border border-line px-2.5 py-1 text-xs hover:bg-surface-2"
      >
        Keyboard shortcuts
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby="shortcuts-title"
        className="m-auto max-w-lg rounded-xl border border-line bg-surface p-5 text-ink backdrop:bg-black/60"
      >
        <h2 id="shortcuts-title" className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
          {SHORTCUTS.map((s) => (
            <div key={s.keys} className="contents">
              <dt>
                <kbd className="rounded border border-line bg-surface-2 px-1.5 py-0.5 font-mono text-xs">{s.keys}</kbd>
              </dt>
              <dd className="text-muted">{s.does}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4 flex justify-end">
          <button type="button" onClick={() => dialogRef.current?.close()} className="rounded-md border border-line px-3 py-1.5 text-sm">
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}

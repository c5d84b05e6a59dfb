import type { ReactNode, RefObject } from 'react';

/** A modal question with Cancel (focused first) and one action; opened with `ref.current.showModal()`. */
export function ConfirmDialog({
  dialogRef,
  id,
  title,
  children,
  action,
  tone = 'accent',
  onConfirm,
  width = 'max-w-sm',
  extra,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  /** Prefix of the title's and text's ids (for aria-labelledby / aria-describedby). */
  id: string;
  title: ReactNode;
  children: ReactNode;
  action: string;
  /** `bad` for an action that throws work away. */
  tone?: 'accent' | 'bad';
  onConfirm: () => void;
  width?: 'max-w-sm' | 'max-w-md';
  /** Controls under the text, such as a "don't ask again" box. */
  extra?: ReactNode;
}) {
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      className={`m-auto ${width} rounded-xl border border-line bg-surface p-5 text-ink backdrop:bg-black/60`}
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <p id={`${id}-text`} className="mt-2 text-sm text-muted">
        {children}
      </p>
      {extra}
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" onClick={() => dialogRef.current?.close()} className="rounded-md border border-line px-3 py-1.5 text-sm">
          Cancel
        </button>
        <button
          type="button"
          onClick={() => {
            dialogRef.current?.close();
            onConfirm();
          }}
          className={`rounded-md px-3 py-1.5 text-sm font-semibold ${tone === 'bad' ? 'bg-bad text-bg' : 'bg-accent text-accent-ink'}`}
        >
          {action}
        </button>
      </div>
    </dialog>
  );
}

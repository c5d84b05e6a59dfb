import { useEffect } from 'react';
import { useProgress } from '../progress/store';

const TOAST_MS = 3500;

/** Brief, non-blocking XP celebrations; announced politely to screen readers. */
export function Toasts() {
  const toasts = useProgress((s) => s.toasts);
  const dismiss = useProgress((s) => s.dismissToast);

  useEffect(() => {
    if (toasts.length === 0) return;
    const timers = toasts.map((t) => window.setTimeout(() => dismiss(t.id), TOAST_MS));
    return () => timers.forEach((id) => window.clearTimeout(id));
  }, [toasts, dismiss]);

  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed bottom-4 right-4 z-40 flex flex-col items-end gap-2">
      {toasts.map((t) => (
        <p key={t.id} className="toast-in rounded-lg border border-ok bg-surface px-4 py-2 text-sm font-semibold shadow-lg">
          {t.text}
        </p>
      ))}
    </div>
  );
}

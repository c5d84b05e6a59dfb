import { useEffect } from 'react';
import { useProgress } from '../progress/store';

const TOAST_MS = 3500;

/**
 * Brief, non-blocking XP celebrations; announced politely to screen readers.
 * They sit in a slot of the header row (issue 9): floating over the page they
 * covered the "Mark as learned" buttons, and in the header they cover nothing.
 */
export function Toasts() {
  const toasts = useProgress((s) => s.toasts);
  const dismiss = useProgress((s) => s.dismissToast);

  useEffect(() => {
    if (toasts.length === 0) return;
    const timers = toasts.map((t) => window.setTimeout(() => dismiss(t.id), TOAST_MS));
    return () => timers.forEach((id) => window.clearTimeout(id));
  }, [toasts, dismiss]);

  return (
    <div role="status" aria-live="polite" aria-label="XP updates" className="min-w-0">
      {toasts.map((t, i) => (
        <p
          key={t.id}
          // Only the newest shows, so a burst of awards never makes the header
          // grow over the page; the older ones stay readable to screen readers.
          className={
            i === toasts.length - 1 ? 'toast-in rounded-md border border-ok bg-surface-2 px-2.5 py-0.5 text-sm font-semibold' : 'sr-only'
          }
        >
          {t.text}
        </p>
      ))}
    </div>
  );
}

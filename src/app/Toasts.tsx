import { useEffect } from 'react';
import { useProgress } from '../lesson/useProgress';

const TOAST_MS = 3500;

/**
 * Brief, non-blocking XP celebrations; announced politely to screen readers.
 * They float over the page's top corner (issue 23): in a slot of the header row
 * a toast pushed the header onto two rows and the whole workspace jumped. Clicks
 * pass through them (pointer-events: none), so they block no button beneath.
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
    <div
      role="status"
      aria-live="polite"
      aria-label="XP updates"
      className="pointer-events-none fixed right-4 top-16 z-40 max-w-[calc(100vw-2rem)]"
    >
      {toasts.map((t, i) => (
        <p
          key={t.id}
          // Only the newest shows, so a burst of awards never makes the header
          // grow over the page; the older ones stay readable to screen readers.
          className={
            i === toasts.length - 1 ? 'toast-in rounded-md border border-ok bg-surface-2 px-3 py-1.5 text-sm font-semibold shadow-lg' : 'sr-only'
          }
        >
          {t.text}
        </p>
      ))}
    </div>
  );
}

import { useEffect } from 'react';
import { hasPendingSaves } from '../lib';

/**
 * While a save is still being written (a large project right after a Run),
 * closing or reloading the tab asks first instead of losing it silently. The
 * browser shows its own wording; no dialog at all when nothing is pending.
 */
export function onBeforeUnload(event: BeforeUnloadEvent) {
  if (!hasPendingSaves()) return;
  event.preventDefault();
  event.returnValue = ''; // older browsers ask only when this is set
}

export function useUnloadGuard() {
  useEffect(() => {
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}

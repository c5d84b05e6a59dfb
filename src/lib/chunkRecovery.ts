// A lazy chunk that fails to load is, almost always, an old tab after a deploy:
// another tab took the update, its service worker dropped the old version's
// files, and the server no longer has them. The page then reloads itself onto
// the new version instead of showing an error: drafts and progress live in
// localStorage and are saved as they change, and a lab save still being written
// is waited for (pendingSaves.ts). Once only: a second failure soon after
// (offline, a broken deploy) is shown as the error it is.
import { hasPendingSaves } from './pendingSaves.ts';

const RELOADED_KEY = 'lifecycle-lab:reloaded-for-chunk';
/** A failure this soon after such a reload is not a stale tab: no reload loop. */
const AGAIN_MS = 60_000;

/** The browsers' messages for a module or preload that could not be fetched (Chromium, Firefox, Safari, Vite's CSS preload). */
const CHUNK_ERROR = /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS|module script.*MIME type/i;

export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return CHUNK_ERROR.test(message);
}

let reloadPage = () => window.location.reload();
let reloading: Promise<boolean> | null = null;

/** What the page says while it reloads (the views that catch a failed chunk show it). */
export const NEW_VERSION_STATUS = 'A new version of Lifecycle Lab is out: loading it… Your drafts and progress are kept.';

/**
 * Reload onto the deployed version, once; false (no reload) when offline or
 * when this tab already reloaded for a chunk a moment ago.
 */
export function reloadForNewVersion(): Promise<boolean> {
  if (reloading) return reloading;
  let last = 0;
  try {
    last = Number(sessionStorage.getItem(RELOADED_KEY));
  } catch {
    /* no sessionStorage: the guard is this page's life only */
  }
  if (!navigator.onLine || Date.now() - last < AGAIN_MS) return Promise.resolve(false);
  reloading = (async () => {
    for (let waited = 0; hasPendingSaves() && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    try {
      sessionStorage.setItem(RELOADED_KEY, String(Date.now()));
    } catch {
      /* as above */
    }
    reloadPage();
    return true;
  })();
  return reloading;
}

/** For tests: a stand-in for the reload, and a fresh start. */
export function setReload(reload: () => void) {
  reloadPage = reload;
  reloading = null;
}

/** Vite announces every failed lazy import (`vite:preloadError`); the views show the status meanwhile (ErrorBoundary). */
export function watchChunkErrors(): () => void {
  const onError = () => void reloadForNewVersion();
  window.addEventListener('vite:preloadError', onError);
  return () => window.removeEventListener('vite:preloadError', onError);
}

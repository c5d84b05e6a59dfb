// An old tab after a deploy: its next lazy chunk is gone from the server. The
// page reloads onto the new version, once, after any save still being written,
// and never shows the failure as a whole-view error (src/lib/chunkRecovery.ts).
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/lib/ErrorBoundary';
import { isChunkLoadError, NEW_VERSION_STATUS, reloadForNewVersion, setReload, watchChunkErrors } from '../../src/lib/chunkRecovery';
import { trackSave } from '../../src/lib/pendingSaves';

const STALE = new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/StepPage-0ld.js');

/** A tab: its reload is recorded, its session starts empty. */
function browser() {
  const reload = vi.fn();
  sessionStorage.clear();
  setReload(reload);
  return { reload, again: () => setReload(reload) };
}

afterEach(() => vi.restoreAllMocks());

describe('a lazy chunk that fails to load', () => {
  it('is told apart from other errors, in each browser’s wording', () => {
    expect(isChunkLoadError(STALE)).toBe(true);
    expect(isChunkLoadError(new TypeError('error loading dynamically imported module: /assets/a.js'))).toBe(true); // Firefox
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true); // Safari
    expect(isChunkLoadError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
  });

  it('the view says a new version is loading, not that something went wrong, and the page reloads', async () => {
    const { reload } = browser();
    const Stale = () => {
      throw STALE;
    };
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error
    render(
      <ErrorBoundary where="this page">
        <Stale />
      </ErrorBoundary>,
    );
    expect(await screen.findByRole('status')).toHaveTextContent(NEW_VERSION_STATUS);
    expect(screen.queryByText(/Something went wrong/)).not.toBeInTheDocument();
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
  });

  it('waits for a save still being written, reloads once, and not again a moment later', async () => {
    const { reload, again } = browser();
    let finish = () => undefined as void;
    void trackSave(new Promise<void>((resolve) => (finish = resolve)));
    const first = reloadForNewVersion();
    await new Promise((r) => setTimeout(r, 300));
    expect(reload).not.toHaveBeenCalled();
    finish();
    expect(await first).toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
    again(); // the reloaded page: the chunk fails again (a broken deploy)
    expect(await reloadForNewVersion()).toBe(false);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('offline, it does not reload into the browser’s error page: the error is shown', async () => {
    const { reload } = browser();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    expect(await reloadForNewVersion()).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });

  it('Vite’s preload error (any lazy import of the build) starts the reload', async () => {
    const { reload } = browser();
    const stop = watchChunkErrors();
    window.dispatchEvent(Object.assign(new Event('vite:preloadError', { cancelable: true }), { payload: STALE }));
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    stop();
  });
});

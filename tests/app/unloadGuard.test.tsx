// Closing the tab right after a Run must not lose a large project silently:
// while the lab's save is still being written, the page asks before it unloads.
import { renderHook } from '@testing-library/react';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { WorldStore } from '../../src/lab/page/worldStore';
import { useUnloadGuard } from '../../src/app/unloadGuard';

/** What the browser does as the tab closes: a cancelable beforeunload; cancelled means it asks the learner. */
const closeTab = () => !window.dispatchEvent(new Event('beforeunload', { cancelable: true }));

describe('the before-unload guard', () => {
  it('asks while the project is being saved, and not before or after', async () => {
    renderHook(() => useUnloadGuard());
    const store = new WorldStore('unload-guard', { idb: () => createStore('unload-guard-test', 'worlds'), local: localStorage, persist: () => Promise.resolve(true) });
    expect(closeTab()).toBe(false);
    const saving = store.save({ 'train.py': 'print(1)\n', 'data/big.csv': 'x'.repeat(5_000_000) });
    expect(closeTab()).toBe(true);
    await saving;
    expect(closeTab()).toBe(false);
    expect((await store.load()).world?.['data/big.csv']).toHaveLength(5_000_000);
  });

  it('a save that fails ends the guard too (its failure is reported by the lab)', async () => {
    renderHook(() => useUnloadGuard());
    const failing = new WorldStore('unload-guard-2', { idb: () => () => Promise.reject(new DOMException('full', 'QuotaExceededError')), local: localStorage, persist: () => Promise.resolve(true) });
    const saving = failing.save({ 'a.txt': 'a' });
    expect(closeTab()).toBe(true);
    await saving.catch(() => undefined);
    expect(closeTab()).toBe(false);
    expect(failing.getState().saveError).toMatch(/could not be saved \(storage full/);
  });
});

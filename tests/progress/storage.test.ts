// The progress store keeps progress only where it is told to: a store handed a
// storage of its own loads, saves, sets bad data aside and hears other tabs
// through it, and never touches this page's localStorage or its storage events.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyFacts, PROGRESS_VERSION } from '../../src/progress/restore';
import { createProgressStore, STORAGE_KEY, type ProgressStorage } from '../../src/progress/store';
import { totalXp } from '../../src/progress/xp';

const L = 'ml-lifecycle';
const SKILL = 'artificialintelligence';
const dvc = { id: 'dvc', term: 'DVC', xp: 5 };

/** A key-value store in memory, with a way to play another tab's save into it. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  const listeners = new Set<(key: string, value: string) => void>();
  const storage: ProgressStorage = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  /** Another tab wrote `value` under `key`: the store is told, as the browser tells a tab. */
  const otherTabSaves = (key: string, value: string) => {
    items.set(key, value);
    for (const listener of listeners) listener(key, value);
  };
  return { storage, items, otherTabSaves };
}

const saved = (facts: object, epoch = 0) => JSON.stringify({ state: facts, version: PROGRESS_VERSION, epoch });

let touched: string[];
beforeEach(() => {
  localStorage.clear();
  touched = [];
  // Every way into the page's storage is watched from here on (the module's own store was made at import).
  for (const method of ['getItem', 'setItem', 'removeItem', 'key', 'clear'] as const) {
    const real = Storage.prototype[method] as (...args: unknown[]) => unknown;
    vi.spyOn(Storage.prototype, method).mockImplementation(function (this: Storage, ...args: unknown[]) {
      touched.push(`localStorage.${method}`);
      return real.apply(this, args);
    });
  }
  const addListener = window.addEventListener.bind(window);
  vi.spyOn(window, 'addEventListener').mockImplementation((type: string, ...rest: unknown[]) => {
    if (type === 'storage') touched.push('window storage event');
    (addListener as (type: string, ...rest: unknown[]) => void)(type, ...rest);
  });
});
afterEach(() => vi.restoreAllMocks());

describe('a store with a storage of its own', () => {
  it('loads what that storage holds and saves into it', () => {
    const first = memoryStorage();
    createProgressStore(undefined, first.storage).getState().learnTerm(L, SKILL, dvc);
    const raw = first.items.get(STORAGE_KEY);
    expect(JSON.parse(raw ?? 'null')).toMatchObject({ version: PROGRESS_VERSION, state: { learned: { [`${L}/dvc`]: expect.any(Number) } } });

    const reloaded = createProgressStore(undefined, memoryStorage({ [STORAGE_KEY]: raw! }).storage);
    expect(totalXp(reloaded.getState().awards)).toBe(5);
    expect(reloaded.getState().notice).toBeNull();
    expect(touched).toEqual([]);
    expect(localStorage.length).toBe(0);
  });

  it('sets unreadable progress aside in that storage, and says so', () => {
    const { storage, items } = memoryStorage({ [STORAGE_KEY]: '{"state": {"awards": ' });
    const store = createProgressStore(undefined, storage);
    expect(store.getState().notice).toMatch(/could not be read .* started fresh\. The old data was kept in this browser under “lifecycle-lab:progress:unreadable:/);
    const backups = [...items.keys()].filter((k) => k.startsWith(`${STORAGE_KEY}:unreadable:`));
    expect(backups).toHaveLength(1);
    expect(items.get(backups[0]!)).toBe('{"state": {"awards": ');
    expect(touched).toEqual([]);
    expect(localStorage.length).toBe(0);
  });

  it('hears another tab through that storage and merges its save in', () => {
    const { storage, items, otherTabSaves } = memoryStorage();
    const store = createProgressStore(undefined, storage);
    store.getState().learnTerm(L, SKILL, dvc);
    const mine = JSON.parse(items.get(STORAGE_KEY)!) as { state: { learned: object; awards: object } };

    const term = `${L}/versioning`;
    otherTabSaves(STORAGE_KEY, saved({ ...mine.state, learned: { ...mine.state.learned, [term]: 1 } }));
    expect(Object.keys(store.getState().learned).sort()).toEqual([`${L}/dvc`, term]);
    // A reset there (a later epoch) is this tab's new start.
    otherTabSaves(STORAGE_KEY, saved(emptyFacts(), Date.now() + 60_000));
    expect(store.getState().learned).toEqual({});
    expect(store.getState().notice).toMatch(/reset or imported in another tab/);
    expect(touched).toEqual([]);
    expect(localStorage.length).toBe(0);
  });

  it('imports and resets through that storage', () => {
    const { storage, items } = memoryStorage();
    const store = createProgressStore(undefined, storage);
    expect(store.getState().replaceProgress({ ...store.getState(), learned: { [`${L}/dvc`]: 1 } })).toEqual({ ok: true });
    expect(JSON.parse(items.get(STORAGE_KEY)!).state.learned).toEqual({ [`${L}/dvc`]: 1 });
    store.getState().resetProgress();
    expect(JSON.parse(items.get(STORAGE_KEY)!).state.learned).toEqual({});
    expect(touched).toEqual([]);
    expect(localStorage.length).toBe(0);
  });

  it('the watch on the page’s storage sees a store left to its default', () => {
    createProgressStore().getState().learnTerm(L, SKILL, dvc);
    expect(touched).toContain('localStorage.getItem');
    expect(touched).toContain('localStorage.setItem');
    expect(touched).toContain('window storage event');
  });
});

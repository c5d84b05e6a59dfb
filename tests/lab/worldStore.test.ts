// The lab's saved project (src/lab/page/worldStore.ts): IndexedDB (fake-indexeddb
// here), the one-time move out of localStorage, failed saves, and one writer
// tab at a time through Web Locks (a small in-memory LockManager here, with the
// semantics of https://w3c.github.io/web-locks/: ifAvailable, steal, a queue).
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { WorldStore, type Locks } from '../../src/lab/page/worldStore';

class FakeLocks implements Locks {
  private held = new Map<string, { reject: (e: unknown) => void }>();
  private waiting = new Map<string, (() => void)[]>();

  request(name: string, options: { ifAvailable?: boolean; steal?: boolean }, callback: (lock: unknown) => unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        const me = { reject };
        this.held.set(name, me);
        void Promise.resolve(callback({ name })).then((value) => {
          if (this.held.get(name) === me) this.release(name);
          resolve(value);
        });
      };
      const holder = this.held.get(name);
      if (options.steal) {
        this.held.delete(name);
        holder?.reject(new DOMException('The lock was stolen.', 'AbortError'));
        grant();
      } else if (!holder && !this.waiting.get(name)?.length) grant();
      else if (options.ifAvailable) void Promise.resolve(callback(null)).then(resolve);
      else this.waiting.set(name, [...(this.waiting.get(name) ?? []), grant]);
    });
  }

  /** The holding tab closed: the next in line gets the lock. */
  release(name: string) {
    this.held.delete(name);
    this.waiting.get(name)?.shift()?.();
  }
}

let seq = 0;
const idbStore = createStore('worldstore-test', 'worlds');
const settle = () => new Promise((r) => setTimeout(r, 20));

function tab(key: string, locks?: Locks, idb: () => UseStore | undefined = () => idbStore) {
  return new WorldStore(key, { locks, idb, local: localStorage, persist: () => Promise.resolve(true) });
}

describe('saving and loading', () => {
  it('a saved project comes back on reload, from IndexedDB', async () => {
    const key = `t${++seq}`;
    await tab(key).save({ 'train.py': 'print(1)\n', 'data/big.csv': 'x'.repeat(6_000_000) });
    const { world, notice } = await tab(key).load();
    expect(world?.['train.py']).toBe('print(1)\n');
    expect(world?.['data/big.csv']).toHaveLength(6_000_000);
    expect(notice).toBeNull();
    expect(localStorage.getItem(key)).toBeNull(); // localStorage is left to progress
  });

  it('a project saved in localStorage by an older version moves to IndexedDB once', async () => {
    const key = `t${++seq}`;
    localStorage.setItem(key, JSON.stringify({ 'model.json': '{}' }));
    expect(await tab(key).load()).toEqual({ world: { 'model.json': '{}' }, notice: null });
    expect(localStorage.getItem(key)).toBeNull();
    expect((await tab(key).load()).world).toEqual({ 'model.json': '{}' });
  });

  it('an unreadable old project is kept aside, with a notice', async () => {
    const key = `t${++seq}`;
    localStorage.setItem(key, '{not json');
    expect(await tab(key).load()).toEqual({ world: null, notice: 'The saved lab could not be read, so it started fresh (the old data was kept aside in this browser).' });
    expect(Object.keys(localStorage).some((k) => k.startsWith(`${key}:unreadable:`))).toBe(true);
  });

  it.each([
    [{ '../escape.txt': 'x' }, 'escape'],
    [{ data: 'x', 'data/raw.csv': 'y' }, 'both a file and the folder'],
    [{ '': 'x' }, 'empty'],
  ])('a saved project with a bad entry (%j) keeps its good files, and the whole copy is kept aside with the reason', async (bad, why) => {
    const key = `t${++seq}`;
    const saved = { 'README.md': 'mine\n', ...bad } as Record<string, string>;
    await tab(key).save(saved);
    const { world, notice, setAside } = await tab(key).load();
    expect(world).toMatchObject({ 'README.md': 'mine\n' });
    expect(Object.keys(world ?? {}).length).toBeLessThan(Object.keys(saved).length);
    expect(setAside).toEqual(saved); // for the download
    expect(notice).toMatch(/^The saved lab could not be set up whole \(/);
    expect(notice).toContain(why);
    expect(notice).toContain('download it to recover the rest');
    const { keys } = await import('idb-keyval');
    expect((await keys(idbStore)).some((k) => String(k).startsWith(`${key}:set-aside:`))).toBe(true);
  });

  it('storage full: the save error says what was not saved and what to do; the next good save clears it', async () => {
    const key = `t${++seq}`;
    let full = true;
    const quota: UseStore = (mode, callback) =>
      full ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : idbStore(mode, callback);
    const store = tab(key, undefined, () => quota);
    const path = 'out/big.bin';
    await store.save({ [path]: 'x'.repeat(20_000_000 - path.length) });
    expect(store.getState().saveError).toBe(
      'The lab could not be saved (storage full: 20 MB). Your last changes will be lost on reload. Delete large files or Reset lab.',
    );
    full = false;
    await store.save({ 'train.py': '' });
    expect(store.getState().saveError).toBeNull();
  });

  it('asks the browser once to keep the lab’s storage', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    const store = new WorldStore(`t${++seq}`, { idb: () => idbStore, local: localStorage, persist });
    await store.save({ a: '1' });
    await store.save({ a: '2' });
    expect(persist).toHaveBeenCalledOnce();
  });

  it('clear (Reset lab) forgets the project', async () => {
    const key = `t${++seq}`;
    await tab(key).save({ a: '1' });
    await tab(key).clear();
    expect((await tab(key).load()).world).toBeNull();
  });
});

describe('saving file by file (issue 22)', () => {
  /** The store, counting the files each save writes and deletes. */
  function counting() {
    const writes: { put: number; deleted: number }[] = [];
    const idb: UseStore = (mode, callback) =>
      idbStore(mode, (store) => {
        if (mode === 'readwrite') {
          const count = { put: 0, deleted: 0 };
          writes.push(count);
          const put = store.put.bind(store);
          const del = store.delete.bind(store);
          store.put = (value: unknown, key?: IDBValidKey) => ((count.put += Array.isArray(key) && key[1] === 'file' ? 1 : 0), put(value, key));
          store.delete = (key: IDBValidKey | IDBKeyRange) => ((count.deleted += Array.isArray(key) && key[1] === 'file' ? 1 : 0), del(key));
        }
        return callback(store);
      });
    return { idb, writes };
  }

  it('a save writes only the files that changed and deletes the ones removed; a reload gives the project as last saved', async () => {
    const key = `t${++seq}`;
    const { idb, writes } = counting();
    const store = tab(key, undefined, () => idb);
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`bench/f${i}.txt`, `file ${i}\n`]));
    await store.save({ ...many, 'main.py': 'print(1)\n', 'old.txt': 'x' });
    expect(writes.at(-1)?.put).toBe(1002);
    const { 'old.txt': _, ...kept } = { ...many, 'main.py': 'print(2)\n', 'old.txt': '' };
    await store.save({ ...kept, 'new.txt': 'n' });
    expect(writes.at(-1)).toEqual({ put: 2, deleted: 1 });
    expect((await tab(key).load()).world).toEqual({ ...many, 'main.py': 'print(2)\n', 'new.txt': 'n' });
  });

  it('a Run’s changes to the project the store holds are written without going through every file', async () => {
    const key = `t${++seq}`;
    const { idb, writes } = counting();
    const store = tab(key, undefined, () => idb);
    const before = { ...Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`bench/f${i}.txt`, `file ${i}\n`])), 'main.py': 'print(1)\n', 'old.txt': 'x' };
    await store.save(before);
    const { 'old.txt': _, ...after } = { ...before, 'main.py': 'print(2)\n' };
    // The project after the Run, telling when its files are listed: the store must not need to.
    let listed = 0;
    const watched = new Proxy(after, { ownKeys: (target) => (listed++, Reflect.ownKeys(target)) });
    await store.save(watched, { from: before, files: { 'main.py': 'print(2)\n' }, removed: ['old.txt'] });
    expect(writes.at(-1)).toEqual({ put: 1, deleted: 1 });
    expect(listed).toBe(0);
    expect((await tab(key).load()).world).toEqual(after);
  });

  it('changes to a project the store does not hold (a save failed since) are saved by comparing every file', async () => {
    const key = `t${++seq}`;
    let full = false;
    const quota: UseStore = (mode, callback) => (full ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : idbStore(mode, callback));
    const store = tab(key, undefined, () => quota);
    const first = { a: '1', b: '1' };
    await store.save(first);
    full = true;
    const second = { a: '2', b: '1' };
    await store.save(second, { from: first, files: { a: '2' }, removed: [] });
    full = false;
    await store.save({ a: '2', b: '3' }, { from: second, files: { b: '3' }, removed: [] });
    expect((await tab(key).load()).world).toEqual({ a: '2', b: '3' });
  });

  it('a project whose files were all deleted is saved as empty, not as no project', async () => {
    const key = `t${++seq}`;
    const store = tab(key);
    await store.save({ 'a.txt': '1' });
    await store.save({});
    expect((await tab(key).load()).world).toEqual({});
  });

  it('a project an older version saved whole is read, and the next save keeps it file by file', async () => {
    const key = `t${++seq}`;
    await set(key, { 'README.md': 'old\n', 'data.csv': 'a\n' }, idbStore);
    const store = tab(key);
    expect((await store.load()).world).toEqual({ 'README.md': 'old\n', 'data.csv': 'a\n' });
    await store.save({ 'README.md': 'new\n', 'data.csv': 'a\n' });
    expect(await get(key, idbStore)).toBeUndefined();
    expect((await tab(key).load()).world).toEqual({ 'README.md': 'new\n', 'data.csv': 'a\n' });
  });

  it('after a save that failed, the next one writes every file again', async () => {
    const key = `t${++seq}`;
    let full = false;
    const quota: UseStore = (mode, callback) => (full ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : idbStore(mode, callback));
    const store = tab(key, undefined, () => quota);
    await store.save({ a: '1', b: '1' });
    full = true;
    await store.save({ a: '2', b: '2' });
    expect(store.getState().saveError).toMatch(/storage full/);
    full = false;
    await store.save({ a: '2', b: '3' });
    expect((await tab(key).load()).world).toEqual({ a: '2', b: '3' });
  });
});

describe('one writer tab', () => {
  it('the second tab is read-only and its saves are not written', async () => {
    const key = `t${++seq}`;
    const locks = new FakeLocks();
    const a = tab(key, locks);
    await settle();
    const b = tab(key, locks);
    await settle();
    expect(a.getState().access).toBe('here');
    expect(b.getState().access).toBe('elsewhere');
    await a.save({ 'commit.txt': 'A' });
    await b.save({ 'other.txt': 'B' });
    expect((await b.load()).world).toEqual({ 'commit.txt': 'A' });
  });

  it('taking over makes the first tab read-only, and the new writer reloads what was saved', async () => {
    const key = `t${++seq}`;
    const locks = new FakeLocks();
    const a = tab(key, locks);
    await settle();
    const b = tab(key, locks);
    const regained = vi.fn();
    b.onRegained(regained);
    await settle();
    b.takeOver();
    await settle();
    expect(b.getState().access).toBe('here');
    expect(a.getState().access).toBe('taken');
    expect(regained).toHaveBeenCalledOnce();
    await a.save({ stale: 'A' });
    await b.save({ fresh: 'B' });
    expect((await a.load()).world).toEqual({ fresh: 'B' });
  });

  it('when the writer tab closes, the waiting tab gets the lab', async () => {
    const key = `t${++seq}`;
    const locks = new FakeLocks();
    tab(key, locks);
    await settle();
    const b = tab(key, locks);
    const regained = vi.fn();
    b.onRegained(regained);
    await settle();
    locks.release(`${key}:writer`);
    await settle();
    expect(b.getState().access).toBe('here');
    expect(regained).toHaveBeenCalledOnce();
  });

  it('without Web Locks every tab writes, as before', () => {
    expect(tab(`t${++seq}`).getState().access).toBe('here');
  });
});

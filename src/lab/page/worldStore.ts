// Where the lab's project is kept between visits, and which tab may change it
// (issue 11). The files live in IndexedDB, one record per file, so a save writes only the
// files that changed (issue 22) (room for large files; localStorage
// is left to progress, so a big lab never costs the learner their XP), a
// project saved in localStorage by older versions moves over once, and every
// save that fails says what was lost. One tab at a time owns a lesson's lab (a
// Web Lock): a second tab reads it but does not save, and can take it over.
import { createStore, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { trackSave } from '../../lib';
import type { WorldFiles } from '../types';
import { setAsideNotice, validateWorld } from '../worldFiles';

export type LabAccess =
  /** Not known yet (the lock is being asked for). */
  | 'checking'
  /** This tab owns the lab: its runs are saved. */
  | 'here'
  /** Another tab had the lab open first: this one is read-only. */
  | 'elsewhere'
  /** Another tab took the lab over from this one: this one is read-only. */
  | 'taken';

export interface WorldStoreState {
  access: LabAccess;
  /** Why the last save failed, and what to do; null after a save succeeds. */
  saveError: string | null;
}

/** The part of the Web Locks API used here (a fake stands in for it in tests). */
export interface Locks {
  request(name: string, options: { ifAvailable?: boolean; steal?: boolean }, callback: (lock: unknown) => unknown): Promise<unknown>;
}

export interface WorldStoreDeps {
  /** Missing where the browser has no Web Locks: then every tab owns its lab, as before. */
  locks?: Locks | undefined;
  /** The IndexedDB store; undefined where the browser has none. */
  idb?: () => UseStore | undefined;
  local?: Storage | undefined;
  persist?: () => Promise<boolean>;
}

const DB_NAME = 'lifecycle-lab';
const STORE_NAME = 'worlds';

/** What a Run changed in the project `from`: the files it wrote and the paths it removed. */
export interface WorldChanges {
  from: WorldFiles;
  files: WorldFiles;
  removed: string[];
}

let sharedIdb: UseStore | undefined;
function defaultIdb(): UseStore | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  sharedIdb ??= createStore(DB_NAME, STORE_NAME);
  return sharedIdb;
}

function defaultDeps(): WorldStoreDeps {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return {
    locks: nav?.locks as Locks | undefined,
    idb: defaultIdb,
    local: typeof localStorage === 'undefined' ? undefined : localStorage,
    persist: () => nav?.storage?.persist?.() ?? Promise.resolve(false),
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
const isWorld = (value: unknown): value is WorldFiles => isPlainObject(value) && Object.values(value).every((v) => typeof v === 'string');

/** Size as the learner would say it: "20 MB", "340 KB". */
export function sizeText(chars: number): string {
  if (chars >= 1_000_000) return `${+(chars / 1_000_000).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(chars / 1000))} KB`;
}

const worldSize = (world: WorldFiles) => Object.entries(world).reduce((n, [path, text]) => n + path.length + text.length, 0);

function isQuota(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || /quota/i.test(String(error));
}

/**
 * How a project is laid out in the store: `[key, 'file', path]` holds each file, and
 * `[key, 'saved']` says the project is saved (an empty project, whose files were all deleted,
 * has no file records). Older versions kept the whole project as one value under `key`; it is
 * read once and replaced by records at the next save.
 */
const fileKey = (key: string, path: string) => [key, 'file', path];
const savedKey = (key: string) => [key, 'saved'];
// An array key sorts after every string, so this holds every [key, 'file', path].
const fileRange = (key: string) => IDBKeyRange.bound([key, 'file'], [key, 'file', []]);

export class WorldStore {
  private state: WorldStoreState = { access: 'checking', saveError: null };
  private listeners = new Set<() => void>();
  private regained = new Set<() => void>();
  private holding = false;
  private decided: Promise<void>;
  private decide: () => void = () => undefined;
  /** Saves run one after another, so an older snapshot never lands after a newer one. */
  private queue: Promise<unknown> = Promise.resolve();
  private persistAsked = false;
  /** What the store holds for this project, as far as this tab knows (null: not known, so the next save writes every file). */
  private stored: WorldFiles | null = null;
  private readonly deps: WorldStoreDeps;

  constructor(
    private readonly key: string,
    deps: WorldStoreDeps = defaultDeps(),
  ) {
    this.deps = deps;
    this.decided = new Promise((resolve) => (this.decide = resolve));
    if (!deps.locks) this.setAccess('here');
    else this.acquire({ ifAvailable: true });
  }

  // React reads the state through useSyncExternalStore(subscribe, getState).
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = () => this.state;

  /** Called when this tab gets the lab back from another tab: what is stored may be newer than what it shows. */
  onRegained(listener: () => void) {
    this.regained.add(listener);
    return () => this.regained.delete(listener);
  }

  private set(patch: Partial<WorldStoreState>) {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  private setAccess(access: LabAccess) {
    const was = this.state.access;
    if (access !== 'here') this.stored = null; // another tab may write now
    this.set({ access, ...(access === 'here' ? {} : { saveError: null }) });
    if (access !== 'checking') this.decide();
    if (access === 'here' && (was === 'elsewhere' || was === 'taken')) this.regained.forEach((l) => l());
  }

  private get lockName() {
    return `${this.key}:writer`;
  }

  private acquire(options: { ifAvailable?: boolean; steal?: boolean }) {
    const locks = this.deps.locks;
    if (!locks) return;
    locks
      .request(this.lockName, options, (lock) => {
        if (!lock) {
          // Another tab has it: read-only here, and next in line when that tab closes.
          this.setAccess('elsewhere');
          this.acquire({});
          return undefined;
        }
        if (this.holding) return undefined; // already held through another request
        this.holding = true;
        this.setAccess('here');
        return new Promise<void>(() => undefined); // held for as long as this page lives
      })
      .catch((error: unknown) => {
        this.holding = false;
        if ((error as { name?: unknown } | null)?.name === 'AbortError') {
          // A steal rejects the previous holder's request with an AbortError.
          this.setAccess('taken');
          this.acquire({});
        } else this.setAccess('here'); // locks refused (e.g. an opaque origin): no coordination, as before
      });
  }

  /** Make this tab the lab's writer; the tab that had it becomes read-only. */
  takeOver() {
    if (this.state.access === 'here') return;
    if (!this.deps.locks) this.setAccess('here');
    else this.acquire({ steal: true });
  }

  /** Keep a saved project the lab could not use, for recovery, under a key of its own. */
  async keepAside(world: unknown): Promise<void> {
    const idb = this.deps.idb?.();
    try {
      if (idb) await set(`${this.key}:set-aside:${new Date().toISOString()}`, world, idb);
    } catch {
      /* nowhere to keep it: the notice still says what happened */
    }
  }

  /** The saved project, or null; moves one saved by an older version out of localStorage. */
  async load(): Promise<{ world: WorldFiles | null; notice: string | null; setAside?: unknown }> {
    const idb = this.deps.idb?.();
    if (!idb) {
      return { world: null, notice: 'This browser gives the lab no IndexedDB storage, so the lab starts fresh and is not saved between visits.' };
    }
    let stored: unknown;
    let perFile = false;
    try {
      ({ stored, perFile } = await this.read(idb));
    } catch (error) {
      return { world: null, notice: `The saved lab could not be read (${String(error)}), so it started fresh.` };
    }
    this.stored = null;
    if (stored !== undefined) {
      // Entries that cannot be laid out (unsafe paths, clashes, bad encodings) never reach the
      // worker (issue 11, item 4); the good files do, and the whole saved copy is kept aside
      // and offered for download (issue 21).
      const { world, problems } = isPlainObject(stored) ? validateWorld(stored) : { world: null, problems: ['it is not a set of files'] };
      if (world && !problems.length) {
        if (perFile) this.stored = { ...world };
        return { world, notice: null };
      }
      await this.keepAside(stored);
      return { world, notice: setAsideNotice(problems), setAside: stored };
    }
    return this.migrate(idb);
  }

  /** The saved project: its file records, or the one value an older version saved. */
  private read(idb: UseStore): Promise<{ stored: unknown; perFile: boolean }> {
    return idb('readonly', (store) => {
      // Every request at once: the transaction ends once none is pending.
      const requests = [store.get(savedKey(this.key)), store.getAllKeys(fileRange(this.key)), store.getAll(fileRange(this.key)), store.get(this.key)] as const;
      return Promise.all(requests.map((r) => promisifyRequest<unknown>(r as IDBRequest<unknown>))).then(([saved, keys, values, whole]) => {
        if (saved === undefined) return { stored: whole, perFile: false };
        const files: Record<string, unknown> = {};
        (keys as IDBValidKey[][]).forEach((key, i) => (files[String(key[2])] = (values as unknown[])[i]));
        return { stored: files, perFile: true };
      });
    });
  }

  private async migrate(idb: UseStore): Promise<{ world: WorldFiles | null; notice: string | null }> {
    const local = this.deps.local;
    let raw: string | null = null;
    try {
      raw = local?.getItem(this.key) ?? null;
    } catch {
      return { world: null, notice: null };
    }
    if (raw === null || !local) return { world: null, notice: null };
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    if (!isWorld(parsed)) {
      try {
        local.setItem(`${this.key}:unreadable:${new Date().toISOString()}`, raw);
        local.removeItem(this.key);
      } catch {
        /* keep going */
      }
      return { world: null, notice: 'The saved lab could not be read, so it started fresh (the old data was kept aside in this browser).' };
    }
    try {
      await set(this.key, parsed, idb);
      local.removeItem(this.key); // moved: localStorage is progress's room now
    } catch {
      /* not moved: it is still read from localStorage next time */
    }
    return { world: parsed, notice: null };
  }

  /**
   * Save a snapshot of the project (only its files that differ from what is stored are written); a
   * failure is reported in the state, never thrown. The project is not changed after it is saved
   * (the page makes a new one per Run), so the store keeps it as what it holds, without a copy.
   * With `changes`, what a Run changed in the project `changes.from`: when that is what the store
   * holds, only those paths are written, without comparing every file (10,000 files, issue 22).
   */
  save(world: WorldFiles, changes?: WorldChanges): Promise<void> {
    const run = trackSave(this.queue.then(() => this.write(world, changes))); // the tab asks before closing on it (src/app/unloadGuard.ts)
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(world: WorldFiles, changes?: WorldChanges) {
    await this.decided;
    if (this.state.access !== 'here') return; // read-only: the notice already says this tab's changes are not kept
    const idb = this.deps.idb?.();
    if (!idb) return;
    if (!this.persistAsked) {
      // Ask once that the browser not evict the lab under storage pressure.
      this.persistAsked = true;
      void this.deps.persist?.().catch(() => false);
    }
    const before = this.stored;
    this.stored = null; // unknown until the write has landed
    try {
      await idb('readwrite', (store) => {
        if (!before) {
          store.delete(fileRange(this.key));
          store.delete(this.key); // an older version's whole-project value
        }
        if (before && changes?.from === before) {
          for (const [path, value] of Object.entries(changes.files)) store.put(value, fileKey(this.key, path));
          for (const path of changes.removed) if (!(path in world)) store.delete(fileKey(this.key, path));
        } else {
          for (const [path, value] of Object.entries(world)) if (before?.[path] !== value) store.put(value, fileKey(this.key, path));
          if (before) for (const path of Object.keys(before)) if (!(path in world)) store.delete(fileKey(this.key, path));
        }
        store.put(1, savedKey(this.key));
        return promisifyRequest(store.transaction);
      });
      this.stored = world;
      if (this.state.saveError) this.set({ saveError: null });
    } catch (error) {
      const why = isQuota(error) ? `storage full: ${sizeText(worldSize(world))}` : `the browser refused it: ${String(error)}`;
      this.set({
        saveError: `The lab could not be saved (${why}). Your last changes will be lost on reload. Delete large files or Reset lab.`,
      });
    }
  }

  /** Forget the saved project (Reset lab). */
  async clear() {
    await this.queue;
    const idb = this.deps.idb?.();
    this.set({ saveError: null });
    this.stored = null;
    try {
      this.deps.local?.removeItem(this.key);
      if (idb) {
        await idb('readwrite', (store) => {
          store.delete(fileRange(this.key));
          store.delete(savedKey(this.key));
          store.delete(this.key);
          return promisifyRequest(store.transaction);
        });
      }
    } catch {
      /* nothing saved */
    }
  }
}

/** Where a lesson's lab is kept (IndexedDB key, lock name prefix; once the localStorage key). */
export const labStorageKey = (lessonId: string) => `lifecycle-lab:lab:${lessonId}`;

const stores = new Map<string, WorldStore>();

/** The one store of a lab's storage key in this page. */
export function worldStoreFor(key: string): WorldStore {
  let store = stores.get(key);
  if (!store) {
    store = new WorldStore(key);
    stores.set(key, store);
  }
  return store;
}

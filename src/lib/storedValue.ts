// A value kept in localStorage for this browser (a preference, a remembered verdict),
// read once and cached, written through, shared with other tabs by the `storage`
// event, and read by React with useSyncExternalStore. Blocked or full storage
// keeps the value for this visit; what cannot be read back is `parse`'s fallback.
import { useSyncExternalStore } from 'react';

export interface StoredValue<T> {
  get: () => T;
  set: (next: T) => void;
  /** Remove it from storage: the next read is `parse(null)`. */
  clear: () => void;
  /** Drop the cached copy (storage changed under it, e.g. between tests). */
  reload: () => void;
  use: () => T;
}

export function storedValue<T>(key: string, parse: (raw: string | null) => T): StoredValue<T> {
  let cache: { value: T } | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const get = () => {
    if (!cache) {
      let raw: string | null = null;
      try {
        raw = localStorage.getItem(key);
      } catch {
        /* blocked storage: as a first visit */
      }
      cache = { value: parse(raw) };
    }
    return cache.value;
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    const onStorage = (e: StorageEvent) => {
      if (e.key !== key && e.key !== null) return; // null: another tab cleared all storage
      cache = null;
      listener();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('storage', onStorage);
    };
  };
  return {
    get,
    set(next) {
      cache = { value: next };
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        /* storage full or blocked: kept for this visit */
      }
      notify();
    },
    clear() {
      cache = null;
      try {
        localStorage.removeItem(key);
      } catch {
        /* nothing stored */
      }
      notify();
    },
    reload() {
      cache = null;
      notify();
    },
    use: () => useSyncExternalStore(subscribe, get, get),
  };
}

// "Don't ask again" for the re-run question (issue 23), per step: a preference
// of this browser's learner, not progress (it earns nothing and is not exported).
import { useSyncExternalStore } from 'react';

const KEY = 'lifecycle-lab:rerun-no-ask';
const listeners = new Set<() => void>();

function read(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return []; // unreadable or blocked storage: ask, as a first visit does
  }
}

let cache: string[] | null = null;
const snapshot = () => (cache ??= read());

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key !== KEY) return;
    cache = null;
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Stop asking before re-running this step (`stepKey` of the progress store). */
export function stopAskingBeforeRerun(stepKey: string) {
  const next = [...new Set([...snapshot(), stepKey])];
  cache = next;
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    /* storage full or blocked: remembered for this visit */
  }
  listeners.forEach((l) => l());
}

/** Forget every "don't ask again" (tests; a reset of this browser's preferences). */
export function resetRerunPrefs() {
  cache = null;
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* nothing stored */
  }
  listeners.forEach((l) => l());
}

export function useAsksBeforeRerun(stepKey: string): boolean {
  return !useSyncExternalStore(subscribe, snapshot, snapshot).includes(stepKey);
}

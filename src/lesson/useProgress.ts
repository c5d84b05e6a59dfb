// The progress store's React hook (the store is framework-free: src/progress).
// A file of its own, apart from the lab session's hook, so the app's first paint
// (its header reads progress) does not bring in the lab's page side.
import { bindStore } from '../lib/react';
import { progressStore } from '../progress';

export const useProgress = bindStore(progressStore);

// The React side of the framework-free stores (progress, the lab's session):
// each hook reads its vanilla store with zustand's useStore and is the store
// too (getState, setState, subscribe), as a store made by zustand's `create` is.
import { useStore, type StoreApi, type UseBoundStore } from 'zustand';
import { labSession } from '../lab/page';
import { progressStore } from '../progress';

function bindHook<T>(api: StoreApi<T>): UseBoundStore<StoreApi<T>> {
  const useBound = (selector?: (state: T) => unknown) => useStore(api, selector ?? ((state: T) => state));
  return Object.assign(useBound, api) as UseBoundStore<StoreApi<T>>;
}

export const useProgress = bindHook(progressStore);
export const useLabSession = bindHook(labSession);

// A React hook for a vanilla zustand store (the framework-free rooms make theirs
// with zustand/vanilla): it reads the store with zustand's useStore and is the
// store too (getState, setState, subscribe), as a store made by zustand's `create` is.
import { useStore, type StoreApi, type UseBoundStore } from 'zustand';

export function bindStore<T>(api: StoreApi<T>): UseBoundStore<StoreApi<T>> {
  const useBound = (selector?: (state: T) => unknown) => useStore(api, selector ?? ((state: T) => state));
  return Object.assign(useBound, api) as UseBoundStore<StoreApi<T>>;
}

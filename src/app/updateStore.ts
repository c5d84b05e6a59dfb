// Whether a new deploy is waiting, and how to switch to it. Kept apart from
// serviceWorker.ts (which loads workbox-window lazily) so the entry chunk
// carries only this.
import { create } from 'zustand';

export interface UpdateState {
  /** Set when a new version is installed and waits for the learner; calling it switches and reloads. */
  accept: (() => void) | null;
  offer: (accept: () => void) => void;
}

export const useUpdate = create<UpdateState>()((set) => ({
  accept: null,
  offer: (accept) => set({ accept }),
}));

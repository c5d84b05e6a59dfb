declare module 'virtual:lifecycle-worlds' {
  import type { StartWorld } from '../startWorld';
  /** Per lesson id, a loader of that lesson's start project (a separate chunk). */
  export const worlds: Record<string, () => Promise<{ world: StartWorld }>>;
}

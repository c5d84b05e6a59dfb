declare module 'virtual:lifecycle-worlds' {
  import type { StartWorld } from '../startWorld';
  /** Per lesson id, a loader of that lesson's start project (a separate chunk). */
  export const worlds: Record<string, () => Promise<{ world: StartWorld }>>;
}

declare module 'virtual:pyodide-url' {
  /** Where Python's runtime is served, its version in the path (scripts/vite-plugin-pyodide.ts). */
  export const PYODIDE_URL: string;
}

// A memory snapshot of the lab's Python (Pyodide's `_makeSnapshot` / `_loadSnapshot`):
// the heap of an interpreter that has started and imported the lab's modules,
// taken before any JavaScript object was handed to Python. A return visit
// restores it instead of booting CPython and importing the modules again.
//
// What it carries is Python's memory only: the file system is rebuilt on every
// start (the stdlib zip, then setupLab writes the lab's modules and the
// lesson's project), so no lesson's world is baked in. Streams, stdin and the
// interrupt buffer are set on the JavaScript side after the restore.
import type { PyodideAPI } from 'pyodide';
import { HOME, LIB_DIR, PYTHON_MODULES, writeLabModules } from './labFiles';
import type { OfferedSnapshot } from '../protocol';

/**
 * Run once in the interpreter that is snapshotted: the runner imported as
 * prepareLab imports it (the lab's modules last on sys.path, no project folder
 * and no ''). It leaves sys.path as a fresh start has it (Pyodide adds '' again
 * when it restores), so prepareLab does the same on either start.
 */
const PREPARE = `
def _prepare():
    import os, sys
    sys.path[:] = [p for p in sys.path if p not in ("", ${JSON.stringify(HOME)})] + [${JSON.stringify(LIB_DIR)}]
    os.chdir(${JSON.stringify(HOME)})
    import lab_runner
    sys.path.remove(${JSON.stringify(LIB_DIR)})
_prepare()
del _prepare
`;

/** Run after a restore: everything restored from one snapshot would otherwise share the maker's random state. */
const AFTER_RESTORE = `
import sys as _sys
if "random" in _sys.modules:
    _sys.modules["random"].seed()
del _sys
`;

/**
 * Which snapshot this build can use: Pyodide's version and a digest of the lab's
 * modules and of what is imported, so a deploy that changes a shim never
 * restores a heap holding the old one. (A different pyodide.asm.wasm under the
 * same version is refused by Pyodide itself: the snapshot carries its build id.)
 */
export async function snapshotKey(pyodideVersion: string, labModules: Record<string, string> = PYTHON_MODULES): Promise<string> {
  const modules = Object.entries(labModules).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const text = JSON.stringify([pyodideVersion, PREPARE, AFTER_RESTORE, modules]);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  const hex = Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${pyodideVersion}-${hex}`;
}

/** Import the lab's modules in a fresh interpreter (loaded with `_makeSnapshot`) and take its snapshot. */
export function makeLabSnapshot(py: PyodideAPI): Uint8Array {
  writeLabModules(py);
  py.FS.mkdirTree(HOME);
  py.runPython(PREPARE);
  return py.makeMemorySnapshot();
}

/** Call on an interpreter restored from a snapshot, before anything else runs in it. */
export function afterRestore(py: PyodideAPI) {
  py.runPython(AFTER_RESTORE);
}

/** How Python started: restored from the page's snapshot, fresh with none offered for this build, or fresh after the offered one failed. */
export type StartedFrom = 'snapshot' | 'fresh' | 'failed';

/**
 * Start Python from the offered snapshot if it is this build's (`key`) and it
 * works, else as usual. `start` loads and sets up an interpreter (from
 * `snapshot` when given); if it fails on a snapshot, `start` runs again
 * without one, so a stale or corrupt snapshot costs one failed try, never the
 * lab, and the page is told to forget it ('failed').
 */
export async function startWithSnapshot<T>(offered: OfferedSnapshot | null, key: string | null, start: (snapshot: Uint8Array | null) => Promise<T>): Promise<{ value: T; from: StartedFrom }> {
  if (offered && key && offered.key === key) {
    try {
      return { value: await start(offered.bytes), from: 'snapshot' };
    } catch {
      return { value: await start(null), from: 'failed' };
    }
  }
  return { value: await start(null), from: 'fresh' };
}

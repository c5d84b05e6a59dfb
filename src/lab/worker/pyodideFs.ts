// The lab's shell, git and DVC work on the same files as Python: Pyodide's
// (Emscripten's) in-memory file system, seen through the LabFs interface.
import type { PyodideAPI } from 'pyodide';
import { fsError, type ChangeRecord, type LabFs } from '../shell/fs';

type EmscriptenFs = PyodideAPI['FS'];

const CODES: Record<number, string> = { 44: 'ENOENT', 20: 'EEXIST', 54: 'ENOTDIR', 31: 'EISDIR', 55: 'ENOTEMPTY' };

function wrap<T>(path: string, op: () => T): T {
  try {
    return op();
  } catch (e) {
    const errno = (e as { errno?: number }).errno;
    throw fsError(errno !== undefined ? (CODES[errno] ?? 'EIO') : 'EIO', path);
  }
}

/**
 * A symbolic link the project walks must not follow: one to a folder (a link to `/` makes every
 * walk cover the whole machine; a loop never ends) or one that leads nowhere (a loop, a missing
 * target). Links to files read as the files they point at.
 */
export function isUnfollowedLink(FS: EmscriptenFs, path: string): boolean {
  try {
    if (!FS.isLink(FS.lstat(path).mode)) return false;
  } catch {
    return false;
  }
  try {
    return FS.isDir(FS.stat(path).mode);
  } catch {
    return true; // ELOOP or a missing target
  }
}

/** The record of what was done to each Python file system, once the worker's hooks report it (WorldTracker). */
export const fsRecords = new WeakMap<EmscriptenFs, ChangeRecord>();

export function pyodideFs(py: PyodideAPI): LabFs {
  const FS: EmscriptenFs = py.FS;
  return {
    record: fsRecords.get(FS),
    readFile(path) {
      try {
        return FS.readFile(path) as Uint8Array;
      } catch {
        return null;
      }
    },
    writeFile: (path, data) => wrap(path, () => FS.writeFile(path, data)),
    readdir(path) {
      try {
        if (!FS.isDir(FS.stat(path).mode)) return null;
        return (FS.readdir(path) as string[]).filter((n) => n !== '.' && n !== '..' && !isUnfollowedLink(FS, `${path}/${n}`)).sort();
      } catch {
        return null;
      }
    },
    stat(path) {
      try {
        const s = FS.stat(path);
        const mtime = s.mtime instanceof Date ? s.mtime.getTime() : Number(s.mtime);
        return { type: FS.isDir(s.mode) ? 'dir' : 'file', size: s.size, mtimeMs: mtime };
      } catch {
        return null;
      }
    },
    mkdir: (path) => wrap(path, () => FS.mkdir(path)),
    unlink: (path) => wrap(path, () => FS.unlink(path)),
    rmdir: (path) => wrap(path, () => FS.rmdir(path)),
    rename: (from, to) => wrap(from, () => FS.rename(from, to)),
  };
}

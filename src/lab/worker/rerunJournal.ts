// What a rerun of the learner's program (the judge's calls: lab_runner's _rerun) changes in the
// project, kept so it can be undone: a file's bytes and mtime are kept the first time the rerun
// is about to change it, and a file it makes is removed after it. Emscripten's FS is asked for
// every change (Python's open, os.replace, os.remove, shutil, C code's fopen alike), so wrapping
// its calls sees them all. It costs what the rerun touched, where a copy of every file before the
// rerun cost the project's size (issue 22).
import type { PyodideAPI } from 'pyodide';
import { HOME } from './labFiles';

type FsNode = object;
type Stream = { node: FsNode };
/** The parts of Emscripten's FS the journal wraps (Pyodide's typings leave most out). */
interface JournalFs {
  cwd(): string;
  getPath(node: FsNode): string;
  lookupPath(path: string, options: { follow: boolean }): { path: string; node: FsNode };
  lstat(path: string): { mode: number; size: number; mtime: Date | number };
  readdir(path: string): string[];
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array): void;
  mkdirTree(path: string): void;
  unlink(path: string): void;
  utime(path: string, atime: number, mtime: number): void;
  isDir(mode: number): boolean;
  isFile(mode: number): boolean;
  open(path: string | FsNode, flags: number, ...rest: unknown[]): Stream;
  write(stream: Stream, ...rest: unknown[]): number;
  doTruncate(stream: Stream | null, node: FsNode, len: number): void;
  msync(stream: Stream, ...rest: unknown[]): number;
  rename(from: string, to: string): void;
}
const WRAPPED = ['open', 'write', 'doTruncate', 'msync', 'unlink', 'rename', 'utime'] as const;
/** open(2) flags that can change a file: write-only, read-write, create, truncate. */
const CHANGING_OPEN = 1 | 2 | 64 | 512;

/** A file as it was before the rerun changed it, or null: there was none (the rerun made it). */
type Kept = { bytes: Uint8Array; mtime: number } | null;

const mtimeOf = (st: { mtime: Date | number }) => (st.mtime instanceof Date ? st.mtime.getTime() : Number(st.mtime));
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

export class RerunJournal {
  private readonly FS: JournalFs;
  private kept = new Map<string, Kept>();
  private nodes = new WeakSet<FsNode>();
  private unwrap: (() => void) | null = null;

  constructor(py: PyodideAPI) {
    this.FS = py.FS as unknown as JournalFs;
  }

  /** From now until `restore`, each file is kept before the file system changes it. */
  begin() {
    if (this.unwrap) return;
    const FS = this.FS;
    const originals = Object.fromEntries(WRAPPED.map((name) => [name, FS[name]])) as Pick<JournalFs, (typeof WRAPPED)[number]>;
    const node = (n: FsNode) => {
      if (this.nodes.has(n)) return;
      this.nodes.add(n);
      this.keep(FS.getPath(n));
    };
    FS.open = (path, flags, ...rest) => {
      if (flags & CHANGING_OPEN) {
        if (typeof path === 'string') this.keep(this.resolved(path));
        else node(path);
      }
      return originals.open.call(FS, path, flags, ...rest);
    };
    FS.write = (stream, ...rest) => {
      node(stream.node);
      return originals.write.call(FS, stream, ...rest);
    };
    FS.doTruncate = (stream, n, len) => {
      node(n);
      originals.doTruncate.call(FS, stream, n, len);
    };
    FS.msync = (stream, ...rest) => {
      node(stream.node);
      return originals.msync.call(FS, stream, ...rest);
    };
    FS.unlink = (path) => {
      this.keep(this.absolute(path));
      originals.unlink.call(FS, path);
    };
    FS.rename = (from, to) => {
      this.keepMove(this.absolute(from), this.absolute(to));
      originals.rename.call(FS, from, to);
    };
    FS.utime = (path, atime, mtime) => {
      this.keep(this.resolved(path));
      originals.utime.call(FS, path, atime, mtime);
    };
    this.unwrap = () => Object.assign(FS, originals);
  }

  /** The project as it was at `begin`: what the rerun changed written back with its old mtime, what it made removed. */
  restore() {
    this.unwrap?.();
    this.unwrap = null;
    const FS = this.FS;
    for (const [path, kept] of this.kept) {
      if (kept) continue;
      const st = this.lstat(path);
      if (st && FS.isFile(st.mode)) FS.unlink(path);
    }
    for (const [path, kept] of this.kept) {
      if (!kept) continue;
      const st = this.lstat(path);
      // Left as it was (or changed and changed back): not written, so nothing to save or hash again.
      if (st && FS.isFile(st.mode) && mtimeOf(st) === kept.mtime && same(FS.readFile(path), kept.bytes)) continue;
      FS.mkdirTree(path.slice(0, path.lastIndexOf('/')));
      FS.writeFile(path, kept.bytes);
      FS.utime(path, kept.mtime, kept.mtime);
    }
    this.kept.clear();
    this.nodes = new WeakSet();
  }

  private lstat(path: string) {
    try {
      return this.FS.lstat(path);
    } catch {
      return null;
    }
  }

  private absolute(path: string) {
    return path.startsWith('/') ? path : `${this.FS.cwd()}/${path}`;
  }

  /** Where a write to `path` lands: links followed (a missing file: its folder's real path). */
  private resolved(path: string) {
    const FS = this.FS;
    const full = this.absolute(path);
    try {
      return FS.lookupPath(full, { follow: true }).path;
    } catch {
      const cut = full.lastIndexOf('/');
      try {
        return `${FS.lookupPath(full.slice(0, cut) || '/', { follow: true }).path}/${full.slice(cut + 1)}`;
      } catch {
        return full; // no such folder: the call fails and changes nothing
      }
    }
  }

  /** A project file as it is now (a link is left alone, as the rerun's own links are). */
  private keep(path: string) {
    if (!path.startsWith(`${HOME}/`) || this.kept.has(path)) return;
    const st = this.lstat(path);
    if (!st) this.kept.set(path, null);
    else if (this.FS.isFile(st.mode)) this.kept.set(path, { bytes: this.FS.readFile(path), mtime: mtimeOf(st) });
  }

  /** A move: the source and what it replaces, each file of a folder moved, and where each lands. */
  private keepMove(from: string, to: string) {
    const FS = this.FS;
    const st = this.lstat(from);
    if (!st || !FS.isDir(st.mode)) {
      this.keep(from);
      this.keep(to);
      return;
    }
    for (const name of FS.readdir(from)) {
      if (name !== '.' && name !== '..') this.keepMove(`${from}/${name}`, `${to}/${name}`);
    }
  }
}

// The file system the shell, git and DVC work on. In the browser it is the
// lab worker's Python file system (so Python and the shell see the same
// files); in tests, MemoryFs. Paths are absolute POSIX paths.

export interface LabFs {
  readFile(path: string): Uint8Array | null;
  writeFile(path: string, data: Uint8Array | string): void;
  /** Names in a folder (no . or ..), or null if it is not a folder. */
  readdir(path: string): string[] | null;
  stat(path: string): { type: 'file' | 'dir'; size: number; mtimeMs: number } | null;
  mkdir(path: string): void;
  unlink(path: string): void;
  rmdir(path: string): void;
  rename(from: string, to: string): void;
  /**
   * What was done to the files since a reader last looked, where the file system reports it
   * (MemoryFs; the worker's Python file system once its hooks are in): git's status trusts it
   * as git trusts fsmonitor. Without it, readers look at every file.
   */
  readonly record?: ChangeRecord;
}

/** Where a ChangeRecord stood when a reader looked: a reader keeps it to ask what changed since. */
export interface RecordMark {
  record: ChangeRecord;
  generation: number;
  at: number;
}

/** A record of more paths than this is dropped: its readers look at everything once, instead of at a long list. */
const RECORD_LIMIT = 20_000;

/**
 * The absolute paths written, removed or moved (from and to) since each reader's mark, as
 * git's fsmonitor reports them (issue 22). A path may be a folder: what it holds may have
 * changed too. When the record cannot vouch for what happened (it grew too long, a path came
 * relative, a symbolic link was made, through which a write changes another path), it is lost:
 * every mark taken before reads as "unknown" and its reader looks at everything.
 */
export class ChangeRecord {
  private generation = 0;
  private paths: string[] = [];
  /** Lost for good: a reader never trusts it again. */
  private broken = false;

  touch(path: string) {
    if (!path.startsWith('/')) this.lose();
    else if (this.paths.length >= RECORD_LIMIT) this.lose();
    else this.paths.push(path);
  }

  /** Nothing before now can be vouched for; `forGood`: nor anything after. */
  lose(forGood = false) {
    this.generation++;
    this.paths = [];
    if (forGood) this.broken = true;
  }

  mark(): RecordMark {
    return { record: this, generation: this.generation, at: this.paths.length };
  }

  /** The paths touched since `mark` (in the order they were), or null if the record cannot say. */
  since(mark: RecordMark | undefined): string[] | null {
    if (this.broken || mark?.record !== this || mark.generation !== this.generation) return null;
    return this.paths.slice(mark.at);
  }
}

export function normalize(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export const dirname = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';
export const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

const encoder = new TextEncoder();
export const toBytes = (data: Uint8Array | string) => (typeof data === 'string' ? encoder.encode(data) : data);

/** Create a folder and its parents. */
export function mkdirp(fs: LabFs, path: string) {
  if (path === '/' || fs.stat(path)?.type === 'dir') return;
  mkdirp(fs, dirname(path));
  fs.mkdir(path);
}

/** An in-memory LabFs, for tests and for building a project before it is copied anywhere. */
export class MemoryFs implements LabFs {
  readonly record = new ChangeRecord();
  private files = new Map<string, { data: Uint8Array; mtimeMs: number }>();
  private dirs = new Set<string>(['/']);
  /** Each folder's names, so a readdir costs what the folder holds, not the whole file system. */
  private children = new Map<string, Set<string>>([['/', new Set()]]);
  constructor(private readonly now: () => number = () => Date.now()) {}

  private named(path: string, present: boolean) {
    const names = this.children.get(dirname(path))!;
    if (present) names.add(basename(path));
    else names.delete(basename(path));
  }
  readFile(path: string) {
    return this.files.get(path)?.data ?? null;
  }
  writeFile(path: string, data: Uint8Array | string) {
    if (!this.dirs.has(dirname(path))) throw fsError('ENOENT', path);
    if (this.dirs.has(path)) throw fsError('EISDIR', path);
    this.files.set(path, { data: toBytes(data).slice(), mtimeMs: this.now() });
    this.named(path, true);
    this.record.touch(path);
  }
  readdir(path: string) {
    const names = this.children.get(path);
    return names ? [...names].sort() : null;
  }
  stat(path: string) {
    if (this.dirs.has(path)) return { type: 'dir' as const, size: 0, mtimeMs: 0 };
    const file = this.files.get(path);
    return file ? { type: 'file' as const, size: file.data.length, mtimeMs: file.mtimeMs } : null;
  }
  mkdir(path: string) {
    if (this.dirs.has(path) || this.files.has(path)) throw fsError('EEXIST', path);
    if (!this.dirs.has(dirname(path))) throw fsError('ENOENT', path);
    this.dirs.add(path);
    this.children.set(path, new Set());
    this.named(path, true);
  }
  unlink(path: string) {
    if (!this.files.delete(path)) throw fsError('ENOENT', path);
    this.named(path, false);
    this.record.touch(path);
  }
  rmdir(path: string) {
    if (!this.dirs.has(path)) throw fsError('ENOENT', path);
    if ((this.readdir(path) ?? []).length > 0) throw fsError('ENOTEMPTY', path);
    this.dirs.delete(path);
    this.children.delete(path);
    this.named(path, false);
    this.record.touch(path);
  }
  rename(from: string, to: string) {
    const file = this.files.get(from);
    if (!file) throw fsError('ENOENT', from);
    this.writeFile(to, file.data);
    this.files.delete(from);
    this.named(from, false);
    this.record.touch(from);
  }
}

export function fsError(code: string, path: string): Error & { code: string } {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/**
 * The promise-based fs that isomorphic-git expects (readFile, writeFile,
 * stat, …), over a LabFs. Errors carry Node's `code`s, which it relies on.
 */
export function gitFsAdapter(fs: LabFs) {
  const statOf = (raw: string) => {
    const path = normalize('/', raw);
    const s = fs.stat(path);
    if (!s) throw fsError('ENOENT', path);
    const seconds = Math.floor(s.mtimeMs / 1000);
    return {
      type: s.type,
      mode: s.type === 'dir' ? 0o40755 : 0o100644,
      size: s.size,
      ino: 0,
      uid: 1000,
      gid: 1000,
      dev: 1,
      mtimeMs: s.mtimeMs,
      ctimeMs: s.mtimeMs,
      mtimeSeconds: seconds,
      ctimeSeconds: seconds,
      isFile: () => s.type === 'file',
      isDirectory: () => s.type === 'dir',
      isSymbolicLink: () => false,
    };
  };
  const decoder = new TextDecoder();
  return {
    promises: {
      async readFile(raw: string, options?: { encoding?: string } | string) {
        const path = normalize('/', raw);
        const data = fs.readFile(path);
        if (!data) throw fsError('ENOENT', path);
        const encoding = typeof options === 'string' ? options : options?.encoding;
        return encoding === 'utf8' ? decoder.decode(data) : data;
      },
      async writeFile(path: string, data: Uint8Array | string) {
        fs.writeFile(normalize('/', path), data);
      },
      async unlink(path: string) {
        fs.unlink(normalize('/', path));
      },
      async readdir(raw: string) {
        const path = normalize('/', raw);
        const names = fs.readdir(path);
        if (!names) throw fsError(fs.stat(path) ? 'ENOTDIR' : 'ENOENT', path);
        return names;
      },
      async mkdir(path: string) {
        fs.mkdir(normalize('/', path));
      },
      async rmdir(path: string) {
        fs.rmdir(normalize('/', path));
      },
      async stat(path: string) {
        return statOf(path);
      },
      async lstat(path: string) {
        return statOf(path);
      },
      async readlink(path: string): Promise<string> {
        throw fsError('ENOENT', path);
      },
      async symlink(_target: string, path: string) {
        throw fsError('EPERM', path);
      },
      async chmod() {},
    },
  };
}

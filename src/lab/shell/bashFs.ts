// just-bash's file system interface (IFileSystem) over the lab's LabFs, so
// bash, git, DVC and Python all work on the same files. Errors carry the
// messages just-bash's own in-memory file system throws (`ENOENT: no such file
// or directory, open '…'`): its commands turn those codes into GNU's wording.
// The lab's files have no modes, links or symlinks; what needs them says so.
import type { IFileSystem } from 'just-bash';
import { dirname, mkdirp, normalize, type LabFs } from './fs';

/**
 * A folder glob `P/` runs as `.lab-dirs/P/.lab-dir`: bashFs (DIR_GLOBS) maps `.lab-dirs/…` to a
 * view of the files where each folder also holds `.lab-dir`, so only folders match, and the
 * command strips both marks (`data/live/`). A glob that matches nothing strips to `P/`, as typed.
 */
export const DIR_GLOBS = { prefix: '.lab-dirs', view: '/dev/lab-dirs', entry: '.lab-dir' };

type FsStat = Awaited<ReturnType<IFileSystem['stat']>>;
type Encoding = string | { encoding?: string | null } | null | undefined;

const NULL = '/dev/null';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const encodingOf = (options: Encoding) => (typeof options === 'string' ? options : (options?.encoding ?? 'utf8'));

/** A JS string written with an encoding, as bytes (just-bash passes byte strings as "binary"). */
function toBytes(content: string | Uint8Array, options: Encoding): Uint8Array {
  if (typeof content !== 'string') return content;
  const encoding = encodingOf(options);
  if (encoding === 'binary' || encoding === 'latin1') return fromLatin1(content);
  if (encoding === 'base64') return Uint8Array.from(atob(content), (c) => c.charCodeAt(0));
  if (encoding === 'hex') return Uint8Array.from(content.match(/../g) ?? [], (h) => parseInt(h, 16));
  return encoder.encode(content);
}

/** A latin1 "byte string" (one char per byte, just-bash's ByteString) as bytes. */
export function fromLatin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

/** Bytes as a latin1 "byte string", one char per byte (just-bash's ByteString). */
export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

function fromBytes(bytes: Uint8Array, options: Encoding): string {
  const encoding = encodingOf(options);
  if (encoding === 'binary' || encoding === 'latin1') return latin1(bytes);
  if (encoding === 'base64') return btoa(latin1(bytes));
  if (encoding === 'hex') return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return decoder.decode(bytes);
}

const MESSAGES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EEXIST: 'file already exists',
  EISDIR: 'illegal operation on a directory',
  ENOTDIR: 'not a directory',
  ENOTEMPTY: 'directory not empty',
  EINVAL: 'invalid argument',
  EPERM: 'operation not permitted',
};
const fail = (code: string, op: string, path: string): never => {
  throw Object.assign(new Error(`${code}: ${MESSAGES[code] ?? 'i/o error'}, ${op} '${path}'`), { code });
};

/**
 * Special files the shell writes to but the project never sees: a write to
 * one goes to `onWrite` (the lab's terminal, see shell.ts), not to a file.
 */
export interface Sinks {
  prefix: string;
  onWrite: (path: string, text: string) => void;
}

export function bashFs(fs: LabFs, sinks?: Sinks): IFileSystem {
  // /dev/null reads as empty and swallows what is written, whatever the file system below has.
  const isSink = (path: string) => path === NULL || (sinks !== undefined && path.startsWith(sinks.prefix));
  const toSink = (path: string, data: Uint8Array) => {
    if (path !== NULL) sinks!.onWrite(path, decoder.decode(data));
  };
  const statOf = (raw: string): FsStat => {
    const path = viewed(raw) ?? raw;
    if (path === '/dev' && !fs.stat(path)) return { isFile: false, isDirectory: true, isSymbolicLink: false, mode: 0o755, size: 0, mtime: new Date(0) };
    if (isSink(path)) return { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o666, size: 0, mtime: new Date(0) };
    const s = fs.stat(path);
    if (!s) return fail('ENOENT', 'stat', path);
    return { isFile: s.type === 'file', isDirectory: s.type === 'dir', isSymbolicLink: false, mode: s.type === 'dir' ? 0o755 : 0o644, size: s.size, mtime: new Date(s.mtimeMs) };
  };
  const read = (path: string): Uint8Array => {
    if (path === NULL) return new Uint8Array();
    const s = fs.stat(path);
    if (!s) return fail('ENOENT', 'open', path);
    if (s.type === 'dir') return fail('EISDIR', 'read', path);
    return fs.readFile(path)!;
  };
  const write = (path: string, data: Uint8Array, op: string, opening = false) => {
    if (fs.stat(path)?.type === 'dir') fail('EISDIR', op, path);
    if (fs.stat(dirname(path))?.type !== 'dir') {
      // just-bash prints this error of a redirection's open (`> nowhere/out.txt`) as it is: word it as bash does.
      if (opening) throw Object.assign(new Error(`bash: ${path}: No such file or directory`), { code: 'ENOENT' });
      fail('ENOENT', 'open', path);
    }
    fs.writeFile(path, data);
  };
  /** How just-bash opens a redirection's file: an empty byte string. */
  const opens = (content: string | Uint8Array, options: Encoding) => content === '' && encodingOf(options) === 'binary';
  const remove = (path: string, recursive: boolean) => {
    if (fs.stat(path)?.type === 'dir') {
      const names = fs.readdir(path) ?? [];
      if (names.length && !recursive) fail('ENOTEMPTY', 'rm', path);
      for (const name of names) remove(`${path}/${name}`, recursive);
      fs.rmdir(path);
    } else fs.unlink(path);
  };
  const copy = (from: string, to: string) => {
    if (fs.stat(from)?.type === 'dir') {
      mkdirp(fs, to);
      for (const name of fs.readdir(from) ?? []) copy(`${from}/${name}`, `${to}/${name}`);
    } else fs.writeFile(to, fs.readFile(from)!);
  };
  const within = (outer: string, inner: string) => inner === outer || inner.startsWith(`${outer}/`);
  const p = (path: string) => normalize('/', path);
  /** A folder glob's view (syntaxFixes.ts): `/dev/lab-dirs/abs/path` is the folder /abs/path, which also holds `.lab-dir`. */
  const viewed = (path: string) => (within(DIR_GLOBS.view, path) ? path.slice(DIR_GLOBS.view.length) || '/' : null);
  const names = (path: string): string[] | null => {
    const folder = viewed(path);
    if (folder === null) return fs.readdir(path);
    const inside = fs.readdir(folder);
    return inside && [...inside, DIR_GLOBS.entry];
  };

  return {
    async readFile(path, options) {
      return fromBytes(read(p(path)), options);
    },
    async readFileBytes(path) {
      return latin1(read(p(path))) as never;
    },
    async readFileBuffer(path) {
      return read(p(path));
    },
    async writeFile(raw, content, options) {
      const path = p(raw);
      if (isSink(path)) return toSink(path, toBytes(content, options));
      write(path, toBytes(content, options), 'open', opens(content, options));
    },
    async appendFile(raw, content, options) {
      const path = p(raw);
      if (isSink(path)) return toSink(path, toBytes(content, options));
      const before = fs.stat(path)?.type === 'file' ? fs.readFile(path)! : new Uint8Array();
      const added = toBytes(content, options);
      const all = new Uint8Array(before.length + added.length);
      all.set(before);
      all.set(added, before.length);
      write(path, all, 'write', opens(content, options));
    },
    async exists(path) {
      return isSink(p(path)) || p(path) === '/dev' || fs.stat(p(path)) !== null;
    },
    async stat(path) {
      return statOf(p(path));
    },
    async lstat(path) {
      return statOf(p(path));
    },
    async mkdir(raw, options) {
      const path = p(raw);
      const s = fs.stat(path);
      if (s) {
        if (options?.recursive && s.type === 'dir') return;
        fail('EEXIST', 'mkdir', path);
      }
      if (options?.recursive) return mkdirp(fs, path);
      if (fs.stat(dirname(path))?.type !== 'dir') fail('ENOENT', 'mkdir', path);
      fs.mkdir(path);
    },
    async readdir(raw) {
      const path = p(raw);
      const found = names(path);
      if (found) return found;
      return fail(fs.stat(path) ? 'ENOTDIR' : 'ENOENT', 'scandir', path);
    },
    async readdirWithFileTypes(raw) {
      const path = p(raw);
      const found = names(path);
      if (!found) return fail(fs.stat(path) ? 'ENOTDIR' : 'ENOENT', 'scandir', path);
      const folder = viewed(path) ?? path;
      return found.map((name) => {
        const dir = fs.stat(`${folder === '/' ? '' : folder}/${name}`)?.type === 'dir';
        return { name, isFile: !dir, isDirectory: dir, isSymbolicLink: false };
      });
    },
    async rm(raw, options) {
      const path = p(raw);
      if (!fs.stat(path)) {
        if (options?.force) return;
        fail('ENOENT', 'rm', path);
      }
      remove(path, options?.recursive ?? false);
    },
    async cp(rawFrom, rawTo, options) {
      const [from, to] = [p(rawFrom), p(rawTo)];
      const s = fs.stat(from);
      if (!s) fail('ENOENT', 'cp', from);
      if (s!.type === 'dir' && !options?.recursive) fail('EISDIR', 'cp', from);
      if (s!.type === 'dir' && within(from, to)) fail('EINVAL', 'cp', from);
      copy(from, to);
    },
    async mv(rawFrom, rawTo) {
      const [from, to] = [p(rawFrom), p(rawTo)];
      if (!fs.stat(from)) fail('ENOENT', 'mv', from);
      if (from === to) return;
      if (within(from, to)) fail('EINVAL', 'mv', from);
      if (fs.stat(from)!.type === 'file') {
        if (fs.stat(to)?.type === 'file') fs.unlink(to);
        fs.rename(from, to);
        return;
      }
      copy(from, to);
      remove(from, true);
    },
    resolvePath(base, path) {
      // A folder glob's `.lab-dirs/…` (relative, as just-bash's glob resolves its literal start) is the view.
      if (path === DIR_GLOBS.prefix || path.startsWith(`${DIR_GLOBS.prefix}/`)) return DIR_GLOBS.view + normalize(base, path.slice(DIR_GLOBS.prefix.length + 1) || '.');
      return normalize(base, path);
    },
    getAllPaths() {
      return [];
    },
    async chmod(path) {
      // The lab's files carry no modes: chmod succeeds and changes nothing.
      statOf(p(path));
    },
    async symlink(_target, linkPath) {
      fail('EPERM', 'symlink', p(linkPath));
    },
    async link(_existing, newPath) {
      fail('EPERM', 'link', p(newPath));
    },
    async readlink(path) {
      statOf(p(path));
      return fail('EINVAL', 'readlink', p(path));
    },
    async realpath(raw) {
      const path = p(raw);
      statOf(path);
      return path;
    },
    async utimes(raw) {
      // Rewriting the bytes gives the file the lab's current time, which is all `touch` needs.
      const path = p(raw);
      if (fs.stat(path)?.type === 'file') fs.writeFile(path, fs.readFile(path)!);
      else statOf(path);
    },
  };
}


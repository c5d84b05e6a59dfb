// The repository as git's commands see it: HEAD and branches, trees of
// commits, the index and the working tree, as maps of path → blob id.
// isomorphic-git stores the objects (so hashes are real git's); the rest is
// read here, so every command compares the same three snapshots git does.
import * as git from 'isomorphic-git';
import { normalize, type gitFsAdapter, type LabFs } from '../fs';
import { ignoreChecker, type IgnoreRules } from './ignore';
import { err, type CommandResult } from '../shell';

export interface Repo {
  fs: LabFs;
  gfs: ReturnType<typeof gitFsAdapter>;
  /** The working tree's root (holds .git). */
  dir: string;
  cwd: string;
  /** The lab's clock, in seconds. */
  now: number;
}

/**
 * path (from the root) → blob id. Read-only: a commit's files and the index are kept between
 * commands and handed out as they are, not copied (10,000 entries per copy, issue 22).
 */
export type Files = ReadonlyMap<string, string>;

export const AUTHOR = { name: 'Learner', email: 'learner@lifecycle.lab' };

/** git's usual exit status for `fatal:` errors. */
export const fatal = (message: string): CommandResult => err(`fatal: ${message}`, 128);

export const SEPARATE_HINT = "Use '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'";
export const unknownRevision = (arg: string) => fatal(`ambiguous argument '${arg}': unknown revision or path not in the working tree.\n${SEPARATE_HINT}`);

export const short = (oid: string) => oid.slice(0, 7);

const decoder = new TextDecoder();

/** Thrown where the lab meets git syntax it lacks; the command prints the message and fails. */
export class Unsupported extends Error {}

// ---------------------------------------------------------------- refs

/** The branch HEAD points at (git keeps HEAD on a branch in the lab: no detached HEAD). */
export function currentBranch(repo: Repo): string {
  const head = decoder.decode(repo.fs.readFile(`${repo.dir}/.git/HEAD`) ?? new Uint8Array()).trim();
  return head.startsWith('ref: refs/heads/') ? head.slice('ref: refs/heads/'.length) : 'main';
}

export async function branchOid(repo: Repo, name: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs: repo.gfs, dir: repo.dir, ref: `refs/heads/${name}` });
  } catch {
    return null;
  }
}

export async function headOid(repo: Repo): Promise<string | null> {
  return branchOid(repo, currentBranch(repo));
}

export async function listBranches(repo: Repo): Promise<string[]> {
  return (await git.listBranches({ fs: repo.gfs, dir: repo.dir })).sort();
}

export async function setBranch(repo: Repo, name: string, oid: string) {
  await git.writeRef({ fs: repo.gfs, dir: repo.dir, ref: `refs/heads/${name}`, value: oid, force: true });
}

export function setHead(repo: Repo, branch: string) {
  repo.fs.writeFile(`${repo.dir}/.git/HEAD`, `ref: refs/heads/${branch}\n`);
}

/** git check-ref-format's rules for a branch name (refs/heads/<name>). */
export function validBranchName(name: string): boolean {
  if (!name || name === 'HEAD' || name.startsWith('-') || name.endsWith('/') || name.endsWith('.')) return false;
  if ([...name].some((ch) => ch <= ' ' || ch === '\x7f')) return false; // control characters and spaces
  if (/[~^:?*[\\]|\.\.|@\{|\/\/|^\/|^@$/.test(name)) return false;
  return name.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'));
}

// ---------------------------------------------------------------- commits and revisions

export interface CommitInfo {
  oid: string;
  parents: string[];
  tree: string;
  message: string;
  author: { name: string; email: string; timestamp: number; timezoneOffset: number };
}

export async function readCommit(repo: Repo, oid: string): Promise<CommitInfo> {
  const { commit } = await git.readCommit({ fs: repo.gfs, dir: repo.dir, oid });
  return { oid, parents: commit.parent, tree: commit.tree, message: commit.message, author: commit.author };
}

async function isCommit(repo: Repo, oid: string): Promise<boolean> {
  try {
    const { type } = await git.readObject({ fs: repo.gfs, dir: repo.dir, oid, format: 'parsed' });
    return type === 'commit';
  } catch {
    return false;
  }
}

/**
 * The commit a revision names, or null: `HEAD`/`@`, a branch, `refs/heads/x`,
 * a full or abbreviated hash (4+ digits), each with `~N`, `~`, `^`, `^1` or `^0` after it.
 */
export async function resolveRev(repo: Repo, rev: string): Promise<string | null> {
  // Revision syntax the lab does not have must not read as "unknown revision".
  const missing = /@\{/.test(rev) ? 'reflog revisions' : /\^\{|\^!|\^-|^:\//.test(rev) ? 'this revision syntax' : /\.\.\./.test(rev) ? 'symmetric differences' : null;
  if (missing) throw new Unsupported(`the lab's git does not support ${missing} (\`${rev}\`): use HEAD, a branch or a hash, with ~N or ^`);
  const m = /^([^~^]*)((?:[~^]\d*)*)$/.exec(rev);
  if (!m) return null;
  const base = m[1]!;
  let oid: string | null = null;
  if (base === 'HEAD' || base === '@') oid = await headOid(repo);
  else if (base.startsWith('refs/heads/')) oid = await branchOid(repo, base.slice('refs/heads/'.length));
  else if (base) oid = await branchOid(repo, base);
  if (!oid && /^[0-9a-f]{4,40}$/.test(base)) {
    try {
      oid = await git.expandOid({ fs: repo.gfs, dir: repo.dir, oid: base });
    } catch {
      oid = null;
    }
    if (oid && !(await isCommit(repo, oid))) oid = null;
  }
  if (!oid) return null;
  for (const [, op, digits] of m[2]!.matchAll(/([~^])(\d*)/g)) {
    const n = digits === '' ? 1 : Number(digits);
    const steps = op === '~' ? n : n === 0 ? 0 : n === 1 ? 1 : -1;
    if (steps < 0) return null; // ^2 and up: the lab's commits have one parent
    for (let i = 0; i < steps; i++) {
      const parent: string | undefined = (await readCommit(repo, oid)).parents[0];
      if (!parent) return null;
      oid = parent;
    }
  }
  return oid;
}

/** Commits' files, by commit id (a commit never changes): a few, as status and log ask for HEAD and its parent again and again. */
const treesRead = new Map<string, Files>();

/** Files of a commit's tree (empty for null: the empty tree before the first commit). */
export async function commitFiles(repo: Repo, commitOid: string | null): Promise<Files> {
  if (!commitOid) return new Map();
  const known = treesRead.get(commitOid);
  if (known) return known;
  const files = new Map<string, string>();
  const walk = async (treeOid: string, prefix: string) => {
    const { tree } = await git.readTree({ fs: repo.gfs, dir: repo.dir, oid: treeOid });
    for (const entry of tree) {
      if (entry.type === 'tree') await walk(entry.oid, `${prefix}${entry.path}/`);
      else if (entry.type === 'blob') files.set(`${prefix}${entry.path}`, entry.oid);
    }
  };
  await walk(commitOid, '');
  treesRead.set(commitOid, files);
  if (treesRead.size > 8) treesRead.delete(treesRead.keys().next().value!);
  return files;
}

export async function readBlob(repo: Repo, oid: string): Promise<Uint8Array> {
  return (await git.readBlob({ fs: repo.gfs, dir: repo.dir, oid })).blob;
}

export async function writeBlob(repo: Repo, data: Uint8Array): Promise<string> {
  return git.writeBlob({ fs: repo.gfs, dir: repo.dir, blob: data });
}

// ---------------------------------------------------------------- index

/** The index as last read, by repository, under the checksum git writes at the end of the index file. */
const indexRead = new Map<string, { checksum: string; files: Files }>();

/** path → blob id of each index entry; read again only when the index file's checksum changed. */
export async function indexFiles(repo: Repo): Promise<Files> {
  const raw = repo.fs.readFile(`${repo.dir}/.git/index`);
  const checksum = raw && raw.length >= 20 ? Array.from(raw.subarray(raw.length - 20), (b) => b.toString(16).padStart(2, '0')).join('') : '';
  const known = indexRead.get(repo.dir);
  if (checksum && known?.checksum === checksum) return known.files;
  const files = (raw && parseIndex(raw)) ?? (await walkIndex(repo));
  if (checksum) indexRead.set(repo.dir, { checksum, files });
  return files;
}

/**
 * The index file's entries (git's index format, versions 2 and 3: a fixed part of 62 bytes, 64
 * with extended flags, the path, NULs up to a multiple of 8), or null for anything else, which
 * isomorphic-git then reads. Read here because isomorphic-git's walk of 10,000 entries took a
 * second (issue 22). Gitlinks (mode 160000) are not files; the lab writes no conflict stages.
 */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function parseIndex(raw: Uint8Array): Map<string, string> | null {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (raw.length < 32 || decoder.decode(raw.subarray(0, 4)) !== 'DIRC') return null;
  const version = view.getUint32(4);
  if (version !== 2 && version !== 3) return null;
  const count = view.getUint32(8);
  const files = new Map<string, string>();
  let at = 12;
  for (let i = 0; i < count; i++) {
    if (at + 62 > raw.length - 20) return null;
    const mode = view.getUint32(at + 24);
    let oid = '';
    for (let b = at + 40; b < at + 60; b++) oid += HEX[raw[b]!];
    const extended = (view.getUint16(at + 60) & 0x4000) !== 0;
    const nameAt = at + (extended ? 64 : 62);
    const end = raw.indexOf(0, nameAt);
    if (end < 0) return null;
    if (mode !== 0o160000) files.set(decoder.decode(raw.subarray(nameAt, end)), oid);
    at += ((extended ? 64 : 62) + (end - nameAt) + 8) & ~7;
  }
  return files;
}

async function walkIndex(repo: Repo): Promise<Files> {
  const rows = (await git.walk({
    fs: repo.gfs,
    dir: repo.dir,
    trees: [git.STAGE()],
    map: async (filepath, entries) => {
      const entry = entries?.[0];
      if (filepath === '.' || !entry || (await entry.type()) !== 'blob') return undefined;
      return [filepath, await entry.oid()] as [string, string];
    },
  })) as ([string, string] | undefined)[];
  return new Map(rows.filter((r): r is [string, string] => Array.isArray(r)));
}

/** Put a blob in the index at path, or (null) take the path out. */
export async function setIndexEntry(repo: Repo, path: string, oid: string | null) {
  if (oid === null) await git.updateIndex({ fs: repo.gfs, dir: repo.dir, filepath: path, remove: true, force: true });
  else await git.updateIndex({ fs: repo.gfs, dir: repo.dir, filepath: path, oid, mode: 0o100644, add: true });
}

/** Make the index hold exactly `files`. */
export async function setIndex(repo: Repo, files: Files, current?: Files) {
  const before = current ?? (await indexFiles(repo));
  for (const path of before.keys()) if (!files.has(path)) await setIndexEntry(repo, path, null);
  for (const [path, oid] of files) if (before.get(path) !== oid) await setIndexEntry(repo, path, oid);
}

// ---------------------------------------------------------------- working tree

/**
 * Every file under the root except .git's, sorted as git sorts paths; with `under` (paths from
 * the root), only the files at or under those paths, so a command about a few paths walks only them.
 */
export function worktreePaths(repo: Repo, under: string[] = ['']): string[] {
  const out = new Set<string>();
  const walk = (abs: string, prefix: string) => {
    for (const name of repo.fs.readdir(abs) ?? []) {
      if (name === '.git') continue;
      const child = `${abs}/${name}`;
      if (repo.fs.stat(child)?.type === 'dir') walk(child, `${prefix}${name}/`);
      else out.add(`${prefix}${name}`);
    }
  };
  for (const path of under) {
    if (path === '') walk(repo.dir, '');
    else if (path.split('/').includes('.git')) continue;
    else if (repo.fs.stat(`${repo.dir}/${path}`)?.type === 'dir') walk(`${repo.dir}/${path}`, `${path}/`);
    else if (repo.fs.stat(`${repo.dir}/${path}`)?.type === 'file') out.add(path);
  }
  return [...out].sort(byPath);
}

export const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function readWorktree(repo: Repo, path: string): Uint8Array | null {
  const abs = `${repo.dir}/${path}`;
  return repo.fs.stat(abs)?.type === 'file' ? repo.fs.readFile(abs) : null;
}

// ---------------------------------------------------------------- stat cache

/**
 * What real git keeps as the index's stat data: for each working-tree file the lab hashed, its
 * size and mtime and the blob id its content had, so a file whose size and mtime are unchanged is
 * not read and hashed again (issue 22). Kept for the life of the lab's worker, by repository and
 * path; a Reset lab lays files out with new mtimes, which match no entry.
 *
 * Racy git (git's Documentation/technical/racy-git.txt): a file written in the same clock tick as
 * .git/index could be written again in that tick, keeping its size and mtime. As git does, an
 * entry vouches for a file only if the file's mtime is older than the index's at the moment the
 * entry was made; a racily clean file is hashed again until an index write (add, commit, …) after
 * it. A file touched without a change reads as clean, as in git; but the lab's `git status` writes
 * no index, so it is hashed on each status until `git add` refreshes its stat data.
 * The lab's files have no ctime or inode: a change whose size and mtime were put back (os.utime)
 * reads as unchanged, where real git would see the new ctime.
 */
type StatEntry = { size: number; mtimeMs: number; oid: string; indexMtimeMs: number };
const statCaches = new Map<string, Map<string, StatEntry>>();

function statCache(repo: Repo): Map<string, StatEntry> {
  let cache = statCaches.get(repo.dir);
  if (!cache) statCaches.set(repo.dir, (cache = new Map()));
  return cache;
}

/**
 * Record a working-tree file's stat data with the blob id of its content. After an index write
 * (git add), the stat data of the files it staged vouches for them from then on.
 */
export function recordStat(repo: Repo, path: string, oid: string, stat = repo.fs.stat(`${repo.dir}/${path}`)) {
  if (stat?.type !== 'file') return;
  const indexMtimeMs = repo.fs.stat(`${repo.dir}/.git/index`)?.mtimeMs ?? -Infinity;
  statCache(repo).set(path, { size: stat.size, mtimeMs: stat.mtimeMs, oid, indexMtimeMs });
}

/** The blob id the stat data vouches for, if it does. */
function vouchedOid(repo: Repo, path: string, stat: { size: number; mtimeMs: number }): string | null {
  const known = statCache(repo).get(path);
  return known && known.size === stat.size && known.mtimeMs === stat.mtimeMs && stat.mtimeMs < known.indexMtimeMs ? known.oid : null;
}

/** Whether the file's stat data vouches for its content (git's "up to date" entry); if not, git add refreshes it. */
export function statVouches(repo: Repo, path: string): boolean {
  const stat = repo.fs.stat(`${repo.dir}/${path}`);
  return stat?.type === 'file' && vouchedOid(repo, path, stat) !== null;
}

/**
 * The blob id the file's content would have (null if there is no such file), or a promise of it
 * when the file must be read and hashed: a status of 10,000 files its stat data vouches for
 * awaits none of them (an await per file was 40% of it).
 */
export function worktreeOid(repo: Repo, path: string): string | null | Promise<string | null> {
  const stat = repo.fs.stat(`${repo.dir}/${path}`);
  if (stat?.type !== 'file') return null;
  return vouchedOid(repo, path, stat) ?? hashWorktree(repo, path, stat);
}

async function hashWorktree(repo: Repo, path: string, stat: ReturnType<LabFs['stat']>): Promise<string | null> {
  const data = repo.fs.readFile(`${repo.dir}/${path}`);
  if (!data) return null;
  const { oid } = await git.hashBlob({ object: data });
  recordStat(repo, path, oid, stat);
  return oid;
}

/** Write a blob to the working tree (making its folders). */
export async function writeWorktree(repo: Repo, path: string, oid: string) {
  const data = await readBlob(repo, oid);
  const parts = path.split('/');
  let abs = repo.dir;
  for (const part of parts.slice(0, -1)) {
    abs += `/${part}`;
    if (repo.fs.stat(abs)?.type === 'file') repo.fs.unlink(abs);
    if (!repo.fs.stat(abs)) repo.fs.mkdir(abs);
  }
  ignoreRules.delete(repo);
  const target = `${repo.dir}/${path}`;
  if (repo.fs.stat(target)?.type === 'dir') return;
  repo.fs.writeFile(target, data);
}

/** Delete a file from the working tree, and the folders it leaves empty (as git does). */
export function removeWorktree(repo: Repo, path: string) {
  const abs = `${repo.dir}/${path}`;
  if (repo.fs.stat(abs)?.type !== 'file') return;
  ignoreRules.delete(repo);
  repo.fs.unlink(abs);
  for (let d = abs.slice(0, abs.lastIndexOf('/')); d.length > repo.dir.length; d = d.slice(0, d.lastIndexOf('/'))) {
    if ((repo.fs.readdir(d) ?? ['x']).length > 0) break;
    repo.fs.rmdir(d);
  }
}

/** Each command's ignore rules, read once; a write or removal in the working tree (a .gitignore among them) drops them. */
const ignoreRules = new WeakMap<Repo, IgnoreRules>();

export function rulesOf(repo: Repo): IgnoreRules {
  let rules = ignoreRules.get(repo);
  if (!rules) ignoreRules.set(repo, (rules = ignoreChecker(repo.fs, repo.dir)));
  return rules;
}

export const isIgnored = (repo: Repo, path: string): boolean => rulesOf(repo).file(path);

/** Worktree files git would see (at or under `under`, as worktreePaths): tracked ones and untracked ones that are not ignored. */
export function visibleWorktree(repo: Repo, index: Files, under?: string[]): { all: string[]; untracked: string[]; ignored: string[] } {
  const all: string[] = [];
  const untracked: string[] = [];
  const ignored: string[] = [];
  for (const path of worktreePaths(repo, under)) {
    if (index.has(path)) all.push(path);
    else if (isIgnored(repo, path)) ignored.push(path);
    else {
      all.push(path);
      untracked.push(path);
    }
  }
  return { all, untracked, ignored };
}

/** Every folder that holds a tracked file (`a/`, `a/b/`), once per index read (the index's map is kept while it is unchanged). */
const foldersOf = new WeakMap<Files, Set<string>>();

export function trackedFolders(index: Files): Set<string> {
  let folders = foldersOf.get(index);
  if (!folders) {
    folders = new Set();
    for (const path of index.keys()) for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) folders.add(path.slice(0, i + 1));
    foldersOf.set(index, folders);
  }
  return folders;
}

/**
 * Whether a folder of untracked files (`a/b/`, not ignored as a folder) holds one git would show:
 * the first found ends the search.
 */
export function holdsVisible(repo: Repo, folder: string): boolean {
  const rules = rulesOf(repo);
  return (repo.fs.readdir(`${repo.dir}/${folder.slice(0, -1)}`) ?? []).some((name) => {
    if (name === '.git') return false;
    const path = `${folder}${name}`;
    if (repo.fs.stat(`${repo.dir}/${path}`)?.type !== 'dir') return !rules.file(path);
    return !rules.folder(path) && holdsVisible(repo, `${path}/`);
  });
}

/**
 * The untracked files `git status` lists, in git's path order: with `collapse` (git's default,
 * `-unormal`), a folder that holds nothing tracked is listed once as `folder/` if it holds any
 * file not ignored, and `collapse(folder)` says whether the pathspecs let it. As git's
 * read_directory does, a folder that holds nothing tracked and is ignored is not looked inside,
 * and the search of a collapsed folder stops at its first file that is not ignored (issue 22:
 * 10,000 untracked files cost a few lookups, not 10,000 verdicts). Paths no pathspec matches are left out.
 */
export function untrackedFiles(repo: Repo, index: Files, specs: string[], collapse: ((folder: string) => boolean) | null): string[] {
  const rules = rulesOf(repo);
  const tracked = trackedFolders(index);
  const out: string[] = [];
  const walk = (abs: string, prefix: string) => {
    for (const name of repo.fs.readdir(abs) ?? []) {
      if (name === '.git') continue;
      const path = `${prefix}${name}`;
      const child = `${abs}/${name}`;
      if (repo.fs.stat(child)?.type === 'dir') {
        const folder = `${path}/`;
        if (!tracked.has(folder)) {
          if (rules.folder(path)) continue;
          if (collapse?.(folder)) {
            if (holdsVisible(repo, folder)) out.push(folder);
            continue;
          }
        }
        walk(child, folder);
      } else if (!index.has(path) && anyMatch(specs, path) && !rules.file(path)) out.push(path);
    }
  };
  walk(repo.dir, '');
  return out.sort(byPath);
}

// ---------------------------------------------------------------- paths

/** A command-line path as a path from the root ('' is the root), or null if outside the repository. */
export function repoPath(repo: Repo, arg: string): string | null {
  const abs = normalize(repo.cwd, arg);
  if (abs === repo.dir) return '';
  return abs.startsWith(`${repo.dir}/`) ? abs.slice(repo.dir.length + 1) : null;
}

export const outsideRepo = (repo: Repo, arg: string) => fatal(`${arg}: '${arg}' is outside repository at '${repo.dir}'`);

/** How git shows a path to a user in cwd (status, paths relative to where they stand). */
export function displayPath(repo: Repo, path: string): string {
  const here = repo.cwd === repo.dir ? [] : repo.cwd.slice(repo.dir.length + 1).split('/');
  const there = path.split('/');
  let common = 0;
  while (common < here.length && common < there.length && here[common] === there[common]) common++;
  return [...here.slice(common).map(() => '..'), ...there.slice(common)].join('/') || '.';
}

function globRegExp(pattern: string) {
  const body = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/** Does a pathspec (from the root) cover this path? A folder covers what it holds; `*`, `?` and `[…]` match across `/` as in git. */
export function pathspecMatches(spec: string, path: string): boolean {
  if (spec === '' || path === spec || path.startsWith(`${spec}/`)) return true;
  return /[*?[]/.test(spec) && globRegExp(spec).test(path);
}

export function anyMatch(specs: string[], path: string) {
  return specs.length === 0 || specs.some((s) => pathspecMatches(s, path));
}

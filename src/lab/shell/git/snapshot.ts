// Comparing two snapshots (a commit's tree, the index, the working tree) the
// way git's diff machinery pairs files, and printing the pairs as patches,
// stats or name lists.
import { byPath, readBlob, readWorktree, worktreeOid, type Files, type Repo } from './repo';
import { quoted, quotedWithPrefix } from './quote';
import { countChanges, fileDiff, statBlock, type Side } from './textdiff';

export interface Snapshot {
  files: Files;
  /** Blob contents come from the working tree (not yet in the object store). */
  worktree: boolean;
}

export interface Change {
  path: string;
  a: string | null;
  b: string | null;
  /** For a rename: the path it had before (git pairs a deleted and an added file with the same content). */
  from?: string;
}

/** The working tree's version of the given paths (those that exist). */
export async function worktreeSnapshot(repo: Repo, paths: Iterable<string>): Promise<Snapshot> {
  const files = new Map<string, string>();
  for (const path of paths) {
    const known = worktreeOid(repo, path);
    const oid = known instanceof Promise ? await known : known;
    if (oid) files.set(path, oid);
  }
  return { files, worktree: true };
}

/**
 * Paths whose blob differs between a and b, in git's path order, with exact
 * renames paired (diffcore-rename.c find_exact_renames; the lab does not
 * estimate the similarity of changed files, so an edited and moved file shows
 * as deleted and new).
 */
export function compare(a: Files, b: Files, include: (path: string) => boolean = () => true): Change[] {
  // Only the paths that differ are collected and sorted (a status of 10,000 clean files sorts none).
  const changes: Change[] = [];
  for (const [path, oid] of a) if (b.get(path) !== oid && include(path)) changes.push({ path, a: oid, b: b.get(path) ?? null });
  for (const [path, oid] of b) if (!a.has(path) && include(path)) changes.push({ path, a: null, b: oid });
  changes.sort((x, y) => byPath(x.path, y.path));
  // Deleted files by blob id, in path order: each added file takes the first one left with its content.
  const deleted = new Map<string, Change[]>();
  for (const c of changes) {
    if (c.b !== null) continue;
    const same = deleted.get(c.a!);
    if (same) same.push(c);
    else deleted.set(c.a!, [c]);
  }
  const gone = new Set<Change>();
  for (const added of changes.filter((c) => c.a === null)) {
    const source = deleted.get(added.b!)?.shift();
    if (!source) continue;
    gone.add(source);
    added.from = source.path;
    added.a = source.a;
  }
  return changes.filter((c) => !gone.has(c));
}

/** "old => new" with the common folders outside braces: `d/{a.txt => c.txt}` (diff.c pprint_rename). */
export function renameName(a: string, b: string): string {
  let pfx = 0;
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i++) if (a[i] === '/') pfx = i + 1;
  let sfx = 0;
  const adjust = pfx ? 1 : 0;
  for (let i = a.length, j = b.length; pfx - adjust <= i && pfx - adjust <= j && a[i] === b[j]; i--, j--) if (a[i] === '/') sfx = a.length - i;
  const aMid = Math.max(0, a.length - pfx - sfx);
  const bMid = Math.max(0, b.length - pfx - sfx);
  const middle = `${a.slice(pfx, pfx + aMid)} => ${b.slice(pfx, pfx + bMid)}`;
  return pfx + sfx ? `${a.slice(0, pfx)}{${middle}}${a.slice(a.length - sfx)}` : middle;
}

async function side(repo: Repo, snap: Snapshot, path: string, oid: string | null): Promise<Side | null> {
  if (!oid) return null;
  const data = snap.worktree ? readWorktree(repo, path) : await readBlob(repo, oid);
  return { oid, data: data ?? new Uint8Array() };
}

export type DiffFormat = 'patch' | 'stat' | 'name-only' | 'name-status';

/** The output of `git diff` (and the patch part of show/log) for the changes between two snapshots. */
export async function formatChanges(repo: Repo, from: Snapshot, to: Snapshot, changes: Change[], format: DiffFormat): Promise<string> {
  if (format === 'name-only') return changes.map((c) => `${quoted(c.path)}\n`).join('');
  if (format === 'name-status') return changes.map((c) => (c.from ? `R100\t${quoted(c.from)}\t${quoted(c.path)}\n` : `${c.a === null ? 'A' : c.b === null ? 'D' : 'M'}\t${quoted(c.path)}\n`)).join('');
  if (format === 'stat') {
    const files = [];
    for (const c of changes) {
      if (c.from) files.push({ name: renameName(quoted(c.from), quoted(c.path)), added: 0, deleted: 0, binary: false });
      else files.push({ name: quoted(c.path), ...countChanges(await side(repo, from, c.path, c.a), await side(repo, to, c.path, c.b)) });
    }
    return statBlock(files);
  }
  let out = '';
  for (const c of changes) {
    if (c.from) out += `diff --git ${quotedWithPrefix('a/', c.from)} ${quotedWithPrefix('b/', c.path)}\nsimilarity index 100%\nrename from ${quoted(c.from)}\nrename to ${quoted(c.path)}\n`;
    else out += fileDiff(c.path, await side(repo, from, c.path, c.a), await side(repo, to, c.path, c.b));
  }
  return out;
}

/** Totals for a commit's summary: files, insertions, deletions. */
export async function changeTotals(repo: Repo, from: Snapshot, to: Snapshot, changes: Change[]) {
  let insertions = 0;
  let deletions = 0;
  for (const c of changes) {
    if (c.from) continue;
    const n = countChanges(await side(repo, from, c.path, c.a), await side(repo, to, c.path, c.b));
    if (n.binary) continue;
    insertions += n.added;
    deletions += n.deleted;
  }
  return { files: changes.length, insertions, deletions };
}

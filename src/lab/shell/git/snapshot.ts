// Comparing two snapshots (a commit's tree, the index, the working tree) the
// way git's diff machinery pairs files, and printing the pairs as patches,
// stats or name lists.
import { byPath, readBlob, readWorktree, worktreeOid, type Files, type Repo } from './repo';
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
}

/** The working tree's version of the given paths (those that exist). */
export async function worktreeSnapshot(repo: Repo, paths: Iterable<string>): Promise<Snapshot> {
  const files: Files = new Map();
  for (const path of paths) {
    const oid = await worktreeOid(repo, path);
    if (oid) files.set(path, oid);
  }
  return { files, worktree: true };
}

/** Paths whose blob differs between a and b, in git's path order. */
export function compare(a: Files, b: Files, include: (path: string) => boolean = () => true): Change[] {
  const paths = [...new Set([...a.keys(), ...b.keys()])].filter(include).sort(byPath);
  return paths.map((path) => ({ path, a: a.get(path) ?? null, b: b.get(path) ?? null })).filter((c) => c.a !== c.b);
}

async function side(repo: Repo, snap: Snapshot, path: string, oid: string | null): Promise<Side | null> {
  if (!oid) return null;
  const data = snap.worktree ? readWorktree(repo, path) : await readBlob(repo, oid);
  return { oid, data: data ?? new Uint8Array() };
}

export type DiffFormat = 'patch' | 'stat' | 'name-only' | 'name-status';

/** The output of `git diff` (and the patch part of show/log) for the changes between two snapshots. */
export async function formatChanges(repo: Repo, from: Snapshot, to: Snapshot, changes: Change[], format: DiffFormat): Promise<string> {
  if (format === 'name-only') return changes.map((c) => `${c.path}\n`).join('');
  if (format === 'name-status') return changes.map((c) => `${c.a === null ? 'A' : c.b === null ? 'D' : 'M'}\t${c.path}\n`).join('');
  if (format === 'stat') {
    const files = [];
    for (const c of changes) files.push({ name: c.path, ...countChanges(await side(repo, from, c.path, c.a), await side(repo, to, c.path, c.b)) });
    return statBlock(files);
  }
  let out = '';
  for (const c of changes) out += fileDiff(c.path, await side(repo, from, c.path, c.a), await side(repo, to, c.path, c.b));
  return out;
}

/** Totals for a commit's summary: files, insertions, deletions. */
export async function changeTotals(repo: Repo, from: Snapshot, to: Snapshot, changes: Change[]) {
  let insertions = 0;
  let deletions = 0;
  for (const c of changes) {
    const n = countChanges(await side(repo, from, c.path, c.a), await side(repo, to, c.path, c.b));
    if (n.binary) continue;
    insertions += n.added;
    deletions += n.deleted;
  }
  return { files: changes.length, insertions, deletions };
}

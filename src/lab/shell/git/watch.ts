// git status's look at the working tree, kept between commands and brought up to date from the
// file system's record of what was done to it (fs.ts ChangeRecord), as git's fsmonitor and
// untracked cache are (issue 22): a status of 10,000 committed files looks again only at the
// paths written, removed or moved since the last one. The first look at a repository, a file
// system without a record, or a record that cannot vouch (lost, or another file system's) walks
// every file, as does anything the record cannot be applied to cheaply and surely: a .gitignore
// or .git/info/exclude touched, a folder holding tracked files moved or removed, the index
// gaining or losing paths.
import { holdsVisible, rulesOf, trackedFolders, untrackedFiles, worktreeOid, byPath, type Files, type Repo } from './repo';
import { compare, worktreeSnapshot, type Change } from './snapshot';
import type { RecordMark } from '../fs';

interface View {
  /** Where the record stood when the view was last brought up to date. */
  mark: RecordMark;
  index: Files;
  /** The working tree's blob id of each index path that is a file there. */
  worktree: Map<string, string>;
  /** Index paths whose working copy differs or is gone, as compare(index, worktree) pairs them. */
  unstaged: Map<string, Change>;
  /** What `git status` lists as untracked by default (-unormal, no pathspec): files and collapsed folders. */
  untracked: Set<string>;
}

/** By repository folder. */
const views = new Map<string, View>();

export interface WorktreeLook {
  /** In git's path order. */
  unstaged: Change[];
  /** In git's path order. */
  untracked: string[];
}

/** The working tree as `git status` sees it against `index`, from the view where the record vouches for it. */
export async function lookAtWorktree(repo: Repo, index: Files): Promise<WorktreeLook> {
  const view = await viewOf(repo, index);
  return { unstaged: [...view.unstaged.values()].sort((x, y) => byPath(x.path, y.path)), untracked: [...view.untracked].sort(byPath) };
}

async function viewOf(repo: Repo, index: Files): Promise<View> {
  const record = repo.fs.record;
  // Taken before looking: whatever is done while the look is under way is seen next time.
  const mark = record?.mark();
  const known = views.get(repo.dir);
  const touched = record?.since(known?.mark) ?? null;
  if (!mark || !known || !touched || !reindexed(known, index)) return walked(repo, index, mark);
  for (const abs of new Set(touched)) if (!(await retouched(repo, known, abs))) return walked(repo, index, mark);
  known.mark = mark;
  return known;
}

/** A view from every file, kept for the next look if the file system has a record. */
async function walked(repo: Repo, index: Files, mark: RecordMark | undefined): Promise<View> {
  const worktree = (await worktreeSnapshot(repo, index.keys())).files as Map<string, string>;
  const unstaged = new Map(compare(index, worktree, (p) => index.has(p)).map((c) => [c.path, c]));
  const view: View = { mark: mark!, index, worktree, unstaged, untracked: new Set(untrackedFiles(repo, index, [], () => true)) };
  // Without a mark, a view kept before stays: the record has everything since its own mark.
  if (mark) views.set(repo.dir, view);
  return view;
}

/** The view on a new index with the same paths (a file staged again, a commit): false if the paths differ. */
function reindexed(view: View, index: Files): boolean {
  if (view.index === index) return true;
  if (view.index.size !== index.size) return false;
  const changed: string[] = [];
  for (const [path, oid] of index) {
    const before = view.index.get(path);
    if (before === undefined) return false;
    if (before !== oid) changed.push(path);
  }
  view.index = index;
  for (const path of changed) compareOne(view, path);
  return true;
}

function compareOne(view: View, path: string) {
  const a = view.index.get(path)!;
  const b = view.worktree.get(path) ?? null;
  if (a === b) view.unstaged.delete(path);
  else view.unstaged.set(path, { path, a, b });
}

/**
 * Bring the view up to date for one path the record names (absolute; a folder stands for what it
 * holds): false where only a walk can (see the head of this file).
 */
async function retouched(repo: Repo, view: View, abs: string): Promise<boolean> {
  const { dir, fs } = repo;
  if (abs === dir || dir.startsWith(`${abs}/`)) return false; // the repository's folder itself moved or went
  if (!abs.startsWith(`${dir}/`)) return true;
  const path = abs.slice(dir.length + 1);
  const parts = path.split('/');
  if (parts[0] === '.git') return path !== '.git' && !path.startsWith('.git/info'); // the index is compared as a whole; exclude rules are rules
  if (parts.includes('.git')) return true; // git looks inside no other .git
  if (parts.at(-1) === '.gitignore') return false;
  const folders = trackedFolders(view.index);
  if (folders.has(`${path}/`)) return false;
  if (view.index.has(path)) {
    const oid = await worktreeOid(repo, path);
    if (oid) view.worktree.set(path, oid);
    else view.worktree.delete(path);
    compareOne(view, path);
  }
  view.untracked.delete(path);
  view.untracked.delete(`${path}/`);
  // The topmost folder above it that holds nothing tracked: git lists that folder or nothing for it.
  let top: string | null = null;
  for (let i = path.indexOf('/'); i >= 0 && !top; i = path.indexOf('/', i + 1)) if (!folders.has(path.slice(0, i + 1))) top = path.slice(0, i + 1);
  const type = fs.stat(abs)?.type;
  if (top || type === 'dir') {
    // A .gitignore inside a folder moved in or out changes verdicts inside it only, and the folder is looked at afresh.
    const folder = top ?? `${path}/`;
    view.untracked.delete(folder);
    if (fs.stat(`${dir}/${folder.slice(0, -1)}`)?.type === 'dir' && !rulesOf(repo).folder(folder.slice(0, -1)) && holdsVisible(repo, folder)) view.untracked.add(folder);
  } else if (type === 'file' && !view.index.has(path) && !rulesOf(repo).file(path)) view.untracked.add(path);
  return true;
}

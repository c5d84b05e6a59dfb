// The repository as the preview's repo explorer and the step's checks see it after a shell
// script: branch, log, committed files, ignored files, DVC-tracked outputs. Its cost stays
// flat as the project grows (issue 22): the log and the committed files are read again only
// when HEAD moved, the working tree's files and their ignore verdicts are kept and looked at
// again only where a script changed them, and the ignore rules are read once per folder (./ignore.ts).
import * as git from 'isomorphic-git';
import { gitFsAdapter, type LabFs } from '../fs';
import { readDvcFile } from '../dvcFormat';
import { repoRoot } from '../git';
import { ignoreChecker } from './ignore';
import { commitFiles, headOid, indexFiles, worktreeOid, type Repo } from './repo';
import { text } from '../shell';
import { isLabInternal } from '../../worldFiles';
import type { RepoSummary } from '../../types';

/** What was read at one HEAD: a script that makes no commit reads none of it again. */
const atHead = new Map<string, { head: string; log: RepoSummary['log']; committed: string[] }>();

async function history(fs: LabFs, dir: string): Promise<{ log: RepoSummary['log']; committed: string[] }> {
  const gfs = gitFsAdapter(fs);
  let head: string;
  try {
    head = await git.resolveRef({ fs: gfs, dir, ref: 'HEAD' });
  } catch {
    atHead.delete(dir);
    return { log: [], committed: [] }; // no commits yet
  }
  const known = atHead.get(dir);
  if (known?.head === head) return known;
  const commits = await git.log({ fs: gfs, dir });
  const log = commits.map((c) => ({ oid: c.oid, message: c.commit.message.replace(/\n$/, ''), timestamp: c.commit.author.timestamp }));
  const committed = await git.listFiles({ fs: gfs, dir, ref: 'HEAD' });
  atHead.set(dir, { head, log, committed });
  return { log, committed };
}

/**
 * What the last summary of a repository (by its folder) found in its working tree (outside .git,
 * .lab and Python's caches): every file, the ones git ignores, and the `.dvc` files. A script
 * that changed a few files has only those looked at again (issue 22).
 */
interface Tree {
  files: Set<string>;
  ignored: Set<string>;
  dvcFiles: Set<string>;
}
const trees = new Map<string, Tree>();

/** What a script changed, by path inside the project folder (the worker's file reports): the files written and the paths gone. */
export interface TreeChanges {
  files: string[];
  removed: string[];
}

const listed = (rel: string) => !rel.split('/').some((name) => name === '.git' || name === '__pycache__') && !isLabInternal(rel);
/** A file whose change can change any file's verdict: every verdict is found again. */
const isRuleFile = (rel: string) => rel === '.git/info/exclude' || rel === '.gitignore' || rel.endsWith('/.gitignore');

function walkTree(fs: LabFs, dir: string): Set<string> {
  const files = new Set<string>();
  const walk = (path: string, rel: string) => {
    for (const name of fs.readdir(path) ?? []) {
      const r = rel ? `${rel}/${name}` : name;
      if (!listed(r)) continue;
      const full = `${path}/${name}`;
      if (fs.stat(full)?.type === 'dir') walk(full, r);
      else files.add(r);
    }
  };
  walk(dir, '');
  return files;
}

/** One file's verdict and kind, into the tree. */
function place(tree: Tree, path: string, isIgnored: (path: string) => boolean) {
  tree.files.add(path);
  if (isIgnored(path)) tree.ignored.add(path);
  else tree.ignored.delete(path);
  if (path.endsWith('.dvc')) tree.dvcFiles.add(path);
}

/**
 * The working tree: with `changed` (what the script did, when the repository is the project
 * folder) the last summary's tree brought up to date, looking at the changed paths only (every
 * verdict again when a rule file changed), so a script costs what it changed; otherwise a walk.
 */
function treeOf(fs: LabFs, dir: string, home: string, changed: TreeChanges | null): Tree {
  const known = trees.get(dir);
  const isIgnored = ignoreChecker(fs, dir).file;
  if (!known || !changed || dir !== home) {
    const tree: Tree = { files: new Set(), ignored: new Set(), dvcFiles: new Set() };
    for (const path of walkTree(fs, dir)) place(tree, path, isIgnored);
    trees.set(dir, tree);
    return tree;
  }
  for (const path of changed.removed) {
    known.files.delete(path);
    known.ignored.delete(path);
    known.dvcFiles.delete(path);
  }
  if ([...changed.files, ...changed.removed].some(isRuleFile)) {
    for (const path of changed.files) if (listed(path)) known.files.add(path);
    known.ignored.clear();
    known.dvcFiles.clear();
    for (const path of known.files) place(known, path, isIgnored);
  } else for (const path of changed.files) if (listed(path)) place(known, path, isIgnored);
  return known;
}

export async function summariseRepo(fs: LabFs, home: string, changed: TreeChanges | null = null): Promise<RepoSummary | null> {
  const dir = repoRoot(fs, home);
  if (!dir) return null;
  const { log, committed } = await history(fs, dir);
  const tree = treeOf(fs, dir, home, changed);
  const dvcTracked = [...tree.dvcFiles].sort().flatMap((f) => {
    const info = readDvcFile(text(fs.readFile(`${dir}/${f}`)!));
    const folder = f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '';
    return info ? [`${folder}${info.path}`] : [];
  });
  return { branch: (await git.currentBranch({ fs: gitFsAdapter(fs), dir })) ?? 'main', log, committed, ignored: [...tree.ignored].sort(), dvcTracked };
}

/**
 * Of `paths` (from the project folder), those the last commit holds but whose working copy is not
 * what it holds: changed or deleted since (a file committed, then written again without a commit).
 * Paths the commit lacks are left out: `committed` already says so. It costs what it is asked
 * about: the commit's tree is read once per commit, and a file is hashed only when its stat data
 * does not vouch for it (repo.ts).
 */
export async function uncommittedOf(fs: LabFs, home: string, paths: string[]): Promise<string[]> {
  const dir = repoRoot(fs, home);
  if (!dir) return [];
  const repo: Repo = { fs, gfs: gitFsAdapter(fs), dir, cwd: home, now: 0 };
  const committed = await commitFiles(repo, await headOid(repo));
  const prefix = dir === home ? '' : `${home.slice(dir.length + 1)}/`;
  const differ: string[] = [];
  for (const path of paths) {
    const oid = committed.get(`${prefix}${path}`);
    if (oid !== undefined && (await worktreeOid(repo, `${prefix}${path}`)) !== oid) differ.push(path);
  }
  return differ;
}

/**
 * Of `paths` (from the project folder), those staged for the next commit: the index holds them
 * as the last commit does not (a `git add` with no commit after it). It reads the index once.
 */
export async function stagedOf(fs: LabFs, home: string, paths: string[]): Promise<string[]> {
  const dir = repoRoot(fs, home);
  if (!dir) return [];
  const repo: Repo = { fs, gfs: gitFsAdapter(fs), dir, cwd: home, now: 0 };
  const [committed, index] = await Promise.all([commitFiles(repo, await headOid(repo)), indexFiles(repo)]);
  const prefix = dir === home ? '' : `${home.slice(dir.length + 1)}/`;
  return paths.filter((path) => {
    const oid = index.get(`${prefix}${path}`);
    return oid !== undefined && committed.get(`${prefix}${path}`) !== oid;
  });
}

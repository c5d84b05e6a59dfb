// The repository as the preview's repo explorer and the step's checks see it after a shell
// script: branch, log, committed files, ignored files, DVC-tracked outputs. Its cost stays
// flat as the project grows (issue 22): the log and the committed files are read again only
// when HEAD moved, and the ignore rules are read once per folder, not once per file (./ignore.ts).
import * as git from 'isomorphic-git';
import { gitFsAdapter, type LabFs } from '../fs';
import { readDvcFile } from '../dvcFormat';
import { repoRoot } from '../git';
import { ignoreChecker } from './ignore';
import { commitFiles, headOid, worktreeOid, type Repo } from './repo';
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

/** The working tree's files (outside .git, .lab and Python's caches) at the last summary of a repository, by its folder. */
const trees = new Map<string, Set<string>>();

/** What a script changed, by path inside the project folder (the worker's file reports): the files written and the paths gone. */
export interface TreeChanges {
  files: string[];
  removed: string[];
}

const listed = (rel: string) => !rel.split('/').some((name) => name === '.git' || name === '__pycache__') && !isLabInternal(rel);

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

/**
 * The working tree's files: with `changed` (what the script did, when the repository is the
 * project folder) the last summary's list brought up to date, so a script costs what it changed
 * (issue 22); otherwise a walk of the tree.
 */
function treeFiles(fs: LabFs, dir: string, home: string, changed: TreeChanges | null): Set<string> {
  const known = trees.get(dir);
  if (!known || !changed || dir !== home) {
    const files = walkTree(fs, dir);
    trees.set(dir, files);
    return files;
  }
  for (const path of changed.removed) known.delete(path);
  for (const path of changed.files) if (listed(path)) known.add(path);
  return known;
}

export async function summariseRepo(fs: LabFs, home: string, changed: TreeChanges | null = null): Promise<RepoSummary | null> {
  const dir = repoRoot(fs, home);
  if (!dir) return null;
  const { log, committed } = await history(fs, dir);
  const files = [...treeFiles(fs, dir, home, changed)].sort();
  const isIgnored = ignoreChecker(fs, dir);
  const ignored = files.filter(isIgnored);
  const dvcTracked = files
    .filter((f) => f.endsWith('.dvc'))
    .flatMap((f) => {
      const info = readDvcFile(text(fs.readFile(`${dir}/${f}`)!));
      const folder = f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '';
      return info ? [`${folder}${info.path}`] : [];
    });
  return { branch: (await git.currentBranch({ fs: gitFsAdapter(fs), dir })) ?? 'main', log, committed, ignored, dvcTracked };
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

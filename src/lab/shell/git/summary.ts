// The repository as the preview's repo explorer and the step's checks see it after a shell
// script: branch, log, committed files, ignored files, DVC-tracked outputs. Its cost stays
// flat as the project grows (issue 22): the log and the committed files are read again only
// when HEAD moved, and the ignore rules are read once per folder, not once per file (./ignore.ts).
import * as git from 'isomorphic-git';
import { gitFsAdapter, type LabFs } from '../fs';
import { readDvcFile } from '../dvcFormat';
import { repoRoot } from '../git';
import { ignoreChecker } from './ignore';
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

export async function summariseRepo(fs: LabFs, home: string): Promise<RepoSummary | null> {
  const dir = repoRoot(fs, home);
  if (!dir) return null;
  const { log, committed } = await history(fs, dir);
  const files: string[] = [];
  const walk = (path: string, rel: string) => {
    for (const name of fs.readdir(path) ?? []) {
      const r = rel ? `${rel}/${name}` : name;
      if (name === '.git' || isLabInternal(r)) continue;
      const full = `${path}/${name}`;
      if (fs.stat(full)?.type === 'dir') walk(full, r);
      else files.push(r);
    }
  };
  walk(dir, '');
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

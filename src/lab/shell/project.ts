// The learner's project as the lab starts it, from the lesson's start world
// (src/lab/startWorld.ts): its files laid out, a git repository whose one commit
// holds the files the lesson names, the rest present but not yet versioned.
// "Reset lab" returns here.
import * as git from 'isomorphic-git';
import { matchesGlob } from '../../lib';
import type { StartWorld } from '../startWorld';
import { gitFsAdapter, mkdirp, type LabFs } from './fs';
import { AUTHOR } from './git';

/** When the lab's repository was created: a fixed time, so its first commit hash never changes. */
export const PROJECT_EPOCH_S = Math.floor(Date.UTC(2026, 0, 15, 9, 0, 0) / 1000);

export async function createStartProject(fs: LabFs, dir: string, start: StartWorld) {
  mkdirp(fs, dir);
  const paths = Object.keys(start.files).sort();
  for (const path of paths) {
    mkdirp(fs, `${dir}/${path}`.replace(/\/[^/]*$/, ''));
    fs.writeFile(`${dir}/${path}`, start.files[path]!);
  }
  const gfs = gitFsAdapter(fs);
  await git.init({ fs: gfs, dir, defaultBranch: 'main' });
  for (const path of paths) {
    if (start.committed.some((glob) => matchesGlob(glob, path))) await git.add({ fs: gfs, dir, filepath: path });
  }
  await git.commit({ fs: gfs, dir, message: start.commit, author: { ...AUTHOR, timestamp: PROJECT_EPOCH_S, timezoneOffset: 0 } });
}

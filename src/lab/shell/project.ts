// The learner's project as the lab starts it: a git repository with one commit
// (a README and the project skeleton) and the lesson's data present but not
// yet versioned; DVC not initialised (issue 4). "Reset lab" returns here.
import * as git from 'isomorphic-git';
import { gitFsAdapter, mkdirp, type LabFs } from './fs';
import { AUTHOR } from './git';

export const PROJECT_README = `# Pump failure prediction

Predict whether an industrial pump is about to fail from four sensor readings
(temperature, vibration, pressure, rpm).

- \`data/raw_data.csv\` — the labelled readings to train on
- \`data/live/\` — batches of live readings, for monitoring
`;

/** Lab-internal files (the tracking store) and Python caches stay out of git. */
export const PROJECT_GITIGNORE = '/.lab/\n__pycache__/\n';

/** When the lab's repository was created: a fixed time, so its first commit hash never changes. */
export const PROJECT_EPOCH_S = Math.floor(Date.UTC(2026, 0, 15, 9, 0, 0) / 1000);

export async function createStartProject(fs: LabFs, dir: string, dataFiles: Record<string, string>) {
  mkdirp(fs, dir);
  for (const [path, content] of Object.entries(dataFiles)) {
    mkdirp(fs, `${dir}/${path}`.replace(/\/[^/]*$/, ''));
    fs.writeFile(`${dir}/${path}`, content);
  }
  fs.writeFile(`${dir}/README.md`, PROJECT_README);
  fs.writeFile(`${dir}/.gitignore`, PROJECT_GITIGNORE);
  const gfs = gitFsAdapter(fs);
  await git.init({ fs: gfs, dir, defaultBranch: 'main' });
  await git.add({ fs: gfs, dir, filepath: 'README.md' });
  await git.add({ fs: gfs, dir, filepath: '.gitignore' });
  await git.commit({ fs: gfs, dir, message: 'Initial project skeleton', author: { ...AUTHOR, timestamp: PROJECT_EPOCH_S, timezoneOffset: 0 } });
}

// One world: the shell, git, DVC and Python share the lab's files (issue 4 §2).
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeLab, type NodeLab } from './python';

let lab: NodeLab;
beforeAll(async () => {
  lab = await createNodeLab();
}, 180_000);

const console = (r: { output: { text: string }[] }) => r.output.map((o) => o.text).join('');

describe('the lab starts as a git project with untracked data', () => {
  it('one commit (the hash real git 2.39 gives the same files, checked by hand), data/ untracked, DVC not initialised', async () => {
    const r = await lab.shell('git log --oneline\ngit status -s\nls -a\ndvc status');
    expect(console(r)).toBe(
      "$ git log --oneline\ndebbe21 (HEAD -> main) Initial project skeleton\n$ git status -s\n?? data/\n$ ls -a\n.  ..  .git  .gitignore  README.md  data\n$ dvc status\nERROR: you are not inside of a DVC repository (checked up to mount point '/')\n[exit 253]\n",
    );
  });
});

describe('Python and the shell see the same files', () => {
  it('a CSV written by Python shows up in git status', async () => {
    lab.run('import csv\nwith open("data/predictions.csv", "w", newline="") as f:\n    csv.writer(f).writerow(["id", "failure"])\n');
    const r = await lab.shell('git status -s\ncat data/predictions.csv');
    expect(console(r)).toContain('?? data/\n');
    expect(console(r)).toContain('$ cat data/predictions.csv\nid,failure\r\n');
  });

  it('the file DVC versions is the one lab.load_dataset reads, and the repo survives a saved world', async () => {
    await lab.shell('dvc init\ndvc add data/raw_data.csv\ngit add data/.gitignore data/raw_data.csv.dvc\ngit commit -m "Version 1.0 dataset"');
    await lab.shell('echo "71.0,0.4,101.0,1500,0" >> data/raw_data.csv');
    const rows = lab.run('import lab\nn = len(lab.load_dataset("data/raw_data.csv"))\n', { variables: ['n'] });
    expect(rows.variables.n).toBe(401);
    expect(console(await lab.shell('dvc status'))).toContain('modified:           data/raw_data.csv');

    const again = await createNodeLab(lab.snapshot());
    const r = await again.shell('git log --oneline\ndvc checkout\ndvc status');
    expect(console(r)).toMatch(/^\$ git log --oneline\n[0-9a-f]{7} \(HEAD -> main\) Version 1\.0 dataset\ndebbe21 Initial project skeleton\n\$ dvc checkout\nM\tdata\/raw_data\.csv\n\$ dvc status\nData and pipelines are up to date\.\n$/);
  }, 180_000);
});

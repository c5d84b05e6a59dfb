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
    // The edit is in no cache, so DVC 3 refuses to overwrite it without --force (dvc/repo/checkout.py).
    const r = await again.shell('git log --oneline\ndvc checkout\ndvc checkout --force\ndvc status');
    expect(console(r)).toMatch(
      /^\$ git log --oneline\n[0-9a-f]{7} \(HEAD -> main\) Version 1\.0 dataset\ndebbe21 Initial project skeleton\n\$ dvc checkout\nERROR: Can't remove the following unsaved files without confirmation\. Use `--force` to force\.\n\/[^\n]*\/data\/raw_data\.csv\n\[exit 255\]\n\$ dvc checkout --force\nM\tdata\/raw_data\.csv\n\$ dvc status\nData and pipelines are up to date\.\n$/,
    );
  }, 180_000);
});

describe('a saved world the lab cannot lay out is set aside, never a traceback on every run (issue 11 §4)', () => {
  it('a project whose files were all deleted is still a project: the code runs in the (empty) home folder', async () => {
    const emptied = await createNodeLab();
    await emptied.shell('rm -r data .git README.md .gitignore');
    const world = emptied.snapshot();
    expect(world).toEqual({});
    const again = await createNodeLab(world);
    expect(again.setup).toEqual({ setAside: null });
    const r = again.run('import os\nhere = os.getcwd()\nfiles = len(os.listdir())\n', { variables: ['here', 'files'] });
    expect(r.error).toBeNull();
    expect(r.variables).toEqual({ here: '/home/lab', files: 1 }); // the learner's main.py, just written
  }, 120_000);

  it.each([
    ['a ../ path', { '../../etc/escaped.py': 'x = 1\n' }, '"../../etc/escaped.py": the path leads out of the project ("..")'],
    ['bad base64', { '.git/index': '\u0000base64:%%%' }, '".git/index": the binary content is not valid base64'],
    ['an empty path', { '': 'x' }, 'a file has an empty path'],
    ['a file/folder clash', { data: 'x', 'data/raw_data.csv': 'y' }, '"data" is both a file and the folder of "data/raw_data.csv"', ', \'data\''],
  ])('%s: the good files are laid out, the bad entry left out, and setupLab says why', async (_name, files, problem, kept = '') => {
    const bad = await createNodeLab({ 'README.md': 'mine\n', ...files });
    expect(bad.setup).toEqual({ setAside: [problem] });
    expect(bad.py.FS.analyzePath('/etc/escaped.py').exists).toBe(false);
    const r = bad.run('import os\nok = sorted(os.listdir())\nreadme = open("README.md").read()\n', { variables: ['ok', 'readme'] });
    expect(r.error).toBeNull();
    expect(r.variables).toEqual({ ok: `['README.md'${kept}, 'main.py']`, readme: 'mine\n' });
  }, 120_000);
});

describe('the lab’s tracking store (.lab/) is not the learner’s file (issue 8)', () => {
  it('is saved with the project but left out of `ls` and of the repo summary', async () => {
    const logged = lab.run('import mlflow\nwith mlflow.start_run():\n    mlflow.log_param("lr", 0.1)\n');
    expect(lab.snapshot()[`.lab/tracking/runs/${logged.newRuns[0]}.json`]).toContain('"lr"');
    const r = await lab.shell('ls');
    expect(console(r)).not.toContain('.lab');
    expect(r.outcome.shell?.repo?.ignored.filter((f) => f.startsWith('.lab'))).toEqual([]);
  });
});

describe('symbolic links in the project are not followed into folders (issue 21)', () => {
  it('a link to / and a link loop: the project is still saved, and the shell and git still answer', async () => {
    const lab = await createNodeLab();
    const r = lab.run('import os\nos.symlink("/", "root")\nos.symlink("loop", "loop")\nos.symlink("README.md", "readme-link")\n');
    expect(r.error).toBeNull();
    const world = lab.snapshot();
    expect(Object.keys(world).filter((p) => p.startsWith('root') || p === 'loop')).toEqual([]);
    expect(world['readme-link']).toBe(world['README.md']); // a link to a file is saved as that file
    const shell = await lab.shell('git status --short');
    expect(shell.outcome.error).toBeNull();
    expect(shell.outcome.shell?.repo?.branch).toBe('main');
  }, 120_000);
});

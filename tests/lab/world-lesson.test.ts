// A lesson brings its lab's start project (content/<lesson>/lab/ and lesson.md's
// `lab:`): the fixture lesson's lab starts with its own files, its own commit
// (the one real git makes of the same files) and only the modules it offers.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStartWorld } from '../../scripts/lab-world';
import { PROJECT_EPOCH_S } from '../../src/lab/shell/project';
import { AUTHOR } from '../../src/lab/shell/git';
import type { StartWorld } from '../../src/lab/startWorld';
import { createNodeLab, type NodeLab } from './python';

const console = (r: { output: { text: string }[] }) => r.output.map((o) => o.text).join('');

let start: StartWorld;
let lab: NodeLab;
beforeAll(async () => {
  start = loadStartWorld('tests/fixtures/content', 'hello-lab');
  lab = await createNodeLab(null, start);
}, 180_000);

describe('the fixture lesson’s lab', () => {
  it('is made of its lab/ folder and its lesson.md lab: block', () => {
    expect(start).toEqual({
      files: {
        'README.md': '# Hello project\n\nA fixture project: its notes are committed, its data is not.\n',
        'data/scores.csv': 'hours,passed\n1.0,0\n3.0,1\n',
        'notes/todo.txt': 'remember to say hello\n',
      },
      commit: 'Start the hello project',
      committed: ['README.md', 'notes/*.txt'],
      modules: ['lab'],
    });
  });

  it('starts with those files and that commit; the files not named in committed are untracked', async () => {
    const r = await lab.shell('git log --oneline\ngit status -s\nls -a');
    const head = /^\$ git log --oneline\n([0-9a-f]{7}) \(HEAD -> main\) Start the hello project\n/.exec(console(r));
    expect(head, console(r)).not.toBeNull();
    // Clean but for data/: README.md and notes/todo.txt are in the commit.
    expect(console(r)).toContain('$ git status -s\n?? data/\n$ ls -a\n.  ..  .git  README.md  data  notes\n');
  });

  it('its first commit is the one real git makes of the same files at the same time', async () => {
    const git = spawnSync('git', ['--version']);
    if (git.status !== 0) return; // real git is installed on the project's machines (common brief)
    const dir = mkdtempSync(join(realpathSync(tmpdir()), 'hello-lab-'));
    for (const [path, text] of Object.entries(start.files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const date = `${PROJECT_EPOCH_S} +0000`;
    const env = { ...process.env, GIT_AUTHOR_NAME: AUTHOR.name, GIT_AUTHOR_EMAIL: AUTHOR.email, GIT_COMMITTER_NAME: AUTHOR.name, GIT_COMMITTER_EMAIL: AUTHOR.email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
    const run = (...args: string[]) => spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
    run('init', '-q', '-b', 'main');
    run('add', 'README.md', 'notes/todo.txt');
    run('commit', '-q', '-m', 'Start the hello project');
    const real = run('rev-parse', 'HEAD').stdout.trim();
    expect(real).toMatch(/^[0-9a-f]{40}$/);
    expect(console(await lab.shell('git log'))).toContain(`commit ${real} (HEAD -> main)\n`);
  }, 60_000);

  it('offers only the modules it names: lab imports, mlflow fails as in a Python without it, with the lab’s note', () => {
    expect(lab.run('import lab\nrows = len(lab.load_dataset("data/scores.csv"))\n', { variables: ['rows'] }).error).toBeNull();
    const r = lab.run('import mlflow\n');
    expect(r.error).toMatchObject({ type: 'ModuleNotFoundError', line: 1 });
    expect(r.error?.traceback).toBe(
      "Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n    import mlflow\nModuleNotFoundError: No module named 'mlflow'\nThis lesson's lab does not include mlflow. The lab's Python has CPython's standard library, the lab's modules (lab) and your project's .py files; it cannot install packages (there is no pip) and has no network.\n",
    );
    expect(lab.run('from fastapi import FastAPI\n').error?.message).toMatch(/^No module named 'fastapi'\nThis lesson's lab does not include fastapi\./);
  });

  it('the ML lifecycle lab, which offers every module, imports mlflow', async () => {
    const full = await createNodeLab();
    expect(full.run('import mlflow, fastapi, pydantic, uvicorn\n').error).toBeNull();
  }, 180_000);
});

describe('a lesson without a lab/ folder or lab: block', () => {
  it('starts as an empty project with a README and the lab’s .gitignore, README and .gitignore committed, every module offered', async () => {
    const root = mkdtempSync(join(realpathSync(tmpdir()), 'bare-lesson-'));
    cpSync('tests/fixtures/content/hello-lab', join(root, 'hello-lab'), { recursive: true });
    rmSync(join(root, 'hello-lab', 'lab'), { recursive: true });
    const lesson = join(root, 'hello-lab', 'lesson.md');
    writeFileSync(lesson, readFileSync(lesson, 'utf8').replace(/^lab: .*\n/m, ''));
    const bare = loadStartWorld(root, 'hello-lab');
    expect(bare).toEqual({
      files: { 'README.md': '# Hello Lab\n', '.gitignore': '/.lab/\n__pycache__/\n' },
      commit: 'Initial project skeleton',
      committed: ['README.md', '.gitignore'],
      modules: ['lab', 'mlflow', 'fastapi', 'pydantic', 'uvicorn'],
    });
  });
});

// The repo summary after a shell script (src/lab/shell/git/summary.ts): its ignore rules, read
// once per folder, answer as isomorphic-git's isIgnored does; its log follows new commits.
import * as git from 'isomorphic-git';
import { describe, expect, it } from 'vitest';
import { gitFsAdapter, MemoryFs, mkdirp } from '../../../src/lab/shell/fs';
import { gitProgram } from '../../../src/lab/shell/git';
import { ignoreChecker } from '../../../src/lab/shell/git/ignore';
import { stagedOf, summariseRepo, uncommittedOf } from '../../../src/lab/shell/git/summary';
import { runScript } from '../../../src/lab/shell/bash';

const NOW = Date.UTC(2026, 10, 27, 9, 30, 0);
const HOME = '/home/lab';

async function repo(files: Record<string, string>) {
  const fs = new MemoryFs(() => NOW);
  mkdirp(fs, HOME);
  for (const [path, text] of Object.entries(files)) {
    mkdirp(fs, `${HOME}/${path}`.replace(/\/[^/]*$/, ''));
    fs.writeFile(`${HOME}/${path}`, text);
  }
  await runScript('git init', { fs, cwd: HOME, home: HOME, now: () => NOW, programs: { git: gitProgram } });
  return fs;
}

const PATHS = ['a.log', 'keep.log', 'data/raw.csv', 'data/live/b.csv', 'models/m.pkl', 'models/keep/x.pkl', 'src/app.py', 'src/gen/out.py', 'build/x', 'notes/tmp.txt'];

describe('ignore rules, once per folder, as isomorphic-git decides', () => {
  it.each([
    ['root patterns', { '.gitignore': '*.log\n!keep.log\nbuild/\n' }],
    ['a folder’s own .gitignore', { '.gitignore': '/data/*\n', 'src/.gitignore': 'gen/\n' }],
    ['a file in an ignored folder cannot be re-included', { '.gitignore': 'models/\n!models/keep/x.pkl\n' }],
    ['deeper rules re-include', { '.gitignore': '*.txt\n', 'notes/.gitignore': '!tmp.txt\n' }],
    ['no rules at all', {}],
  ])('%s', async (_, rules) => {
    const fs = await repo({ ...Object.fromEntries(PATHS.map((p) => [p, 'x\n'])), ...rules });
    const ours = ignoreChecker(fs, HOME);
    for (const filepath of PATHS) {
      expect([filepath, ours.file(filepath)]).toEqual([filepath, await git.isIgnored({ fs: gitFsAdapter(fs), dir: HOME, filepath })]);
    }
    // A folder git would not look inside (git status skips it whole) holds only ignored files.
    const folders = [...new Set(PATHS.flatMap((p) => p.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))))];
    for (const folder of folders.filter(ours.folder)) {
      for (const filepath of PATHS.filter((p) => p.startsWith(`${folder}/`))) expect([filepath, ours.file(filepath)]).toEqual([filepath, true]);
    }
  });

  it('says which folders are ignored as folders', async () => {
    const fs = await repo({ ...Object.fromEntries(PATHS.map((p) => [p, 'x\n'])), '.gitignore': 'build/\n/data/*\nmodels\n', 'src/.gitignore': 'gen/\n' });
    const ours = ignoreChecker(fs, HOME);
    const folders = ['build', 'data', 'data/live', 'models', 'models/keep', 'src', 'src/gen', 'notes'];
    expect(folders.filter(ours.folder)).toEqual(['build', 'data/live', 'models', 'models/keep', 'src/gen']);
  });
});

describe('the summary', () => {
  it('lists the log again after a new commit, and the ignored files', async () => {
    const fs = await repo({ 'README.md': '# x\n', '.gitignore': '*.log\n', 'run.log': 'x\n' });
    const ctx = { fs, cwd: HOME, home: HOME, now: () => NOW, programs: { git: gitProgram } };
    await runScript('git add README.md .gitignore\ngit commit -m "First"', ctx);
    const first = await summariseRepo(fs, HOME);
    expect(first?.log.map((c) => c.message)).toEqual(['First']);
    expect(first?.ignored).toEqual(['run.log']);
    await runScript('echo more >> README.md\ngit commit -am "Second"', ctx);
    const second = await summariseRepo(fs, HOME);
    expect(second?.log.map((c) => c.message)).toEqual(['Second', 'First']);
    expect(second?.committed).toEqual(['.gitignore', 'README.md']);
  });
});

describe('which committed files differ from the last commit', () => {
  it('a file changed or deleted after its commit differs; one written back as committed, or never committed, does not', async () => {
    const fs = await repo({ 'counts.txt': '', 'README.md': '# x\n', 'notes.txt': 'n\n' });
    const ctx = { fs, cwd: HOME, home: HOME, now: () => NOW, programs: { git: gitProgram } };
    await runScript('git add counts.txt README.md\ngit commit -m "First"', ctx);
    const paths = ['counts.txt', 'README.md', 'notes.txt', 'missing.txt'];
    expect(await uncommittedOf(fs, HOME, paths)).toEqual([]);
    await runScript('echo "  1498 0" > counts.txt\nrm README.md', ctx);
    expect(await uncommittedOf(fs, HOME, paths)).toEqual(['counts.txt', 'README.md']);
    await runScript('git add counts.txt\ngit commit -m "Counts"\ngit checkout -- README.md', ctx);
    expect(await uncommittedOf(fs, HOME, paths)).toEqual([]);
  });
});

describe('which files are staged but not committed', () => {
  it('a file added and not committed is staged; committed, or changed after its commit without git add, it is not', async () => {
    const fs = await repo({ 'counts.txt': '', 'README.md': '# x\n' });
    const ctx = { fs, cwd: HOME, home: HOME, now: () => NOW, programs: { git: gitProgram } };
    const paths = ['counts.txt', 'README.md', 'missing.txt'];
    expect(await stagedOf(fs, HOME, paths)).toEqual([]);
    await runScript('git add counts.txt', ctx);
    expect(await stagedOf(fs, HOME, paths)).toEqual(['counts.txt']);
    await runScript('git commit -m "First"\necho more > counts.txt', ctx);
    expect(await stagedOf(fs, HOME, paths)).toEqual([]);
    await runScript('git add counts.txt', ctx);
    expect(await stagedOf(fs, HOME, paths)).toEqual(['counts.txt']);
  });
});

describe('the summary from what a script changed', () => {
  it('is the summary a walk of the tree gives: new and removed files, a new .gitignore, a .dvc file', async () => {
    const fs = await repo({ 'README.md': '# x\n', 'old/a.txt': 'a\n', 'data/raw.csv': 'x\n' });
    await summariseRepo(fs, HOME); // the walk the later summaries start from
    fs.writeFile(`${HOME}/.gitignore`, '*.log\n/data/raw.csv\nold/\n');
    fs.writeFile(`${HOME}/run.log`, 'x\n');
    fs.writeFile(`${HOME}/data/raw.csv.dvc`, 'outs:\n- md5: 0123456789abcdef0123456789abcdef\n  size: 2\n  path: raw.csv\n');
    fs.unlink(`${HOME}/old/a.txt`);
    fs.rmdir(`${HOME}/old`);
    mkdirp(fs, `${HOME}/__pycache__`);
    fs.writeFile(`${HOME}/__pycache__/m.pyc`, 'x');
    const changed = await summariseRepo(fs, HOME, { files: ['.gitignore', 'run.log', 'data/raw.csv.dvc', '.git/index', '__pycache__/m.pyc'], removed: ['old/a.txt'] });
    const walked = await summariseRepo(fs, HOME);
    expect(changed).toEqual(walked);
    expect(walked?.ignored).toEqual(['data/raw.csv', 'run.log']);
    expect(walked?.dvcTracked).toEqual(['data/raw.csv']);
  });

  it('looks again only at the changed paths when no rule file changed, and finds the same verdicts as a walk', async () => {
    const fs = await repo({ 'README.md': '# x\n', '.gitignore': '*.log\nbuild/\n', 'data/.gitignore': '!keep.log\n', 'a.log': 'x\n', 'src/app.py': 'x\n' });
    await summariseRepo(fs, HOME);
    mkdirp(fs, `${HOME}/build`);
    fs.writeFile(`${HOME}/build/out.txt`, 'x\n');
    fs.writeFile(`${HOME}/data/keep.log`, 'x\n');
    fs.writeFile(`${HOME}/data/other.log`, 'x\n');
    fs.writeFile(`${HOME}/src/app.py.dvc`, 'outs:\n- md5: 0123456789abcdef0123456789abcdef\n  size: 2\n  path: app.py\n');
    fs.unlink(`${HOME}/a.log`);
    const changed = await summariseRepo(fs, HOME, { files: ['build/out.txt', 'data/keep.log', 'data/other.log', 'src/app.py.dvc'], removed: ['a.log'] });
    const walked = await summariseRepo(fs, HOME);
    expect(changed).toEqual(walked);
    expect(walked?.ignored).toEqual(['build/out.txt', 'data/other.log']);
    expect(walked?.dvcTracked).toEqual(['src/app.py']);
    // A file ignored before and written again keeps its verdict; one no longer there leaves the lists.
    fs.unlink(`${HOME}/src/app.py.dvc`);
    fs.writeFile(`${HOME}/data/other.log`, 'y\n');
    const again = await summariseRepo(fs, HOME, { files: ['data/other.log'], removed: ['src/app.py.dvc'] });
    expect(again).toEqual(await summariseRepo(fs, HOME));
    expect(again?.dvcTracked).toEqual([]);
  });
});

// git status trusts the file system's record of what was written, removed or moved since the
// last status (src/lab/shell/git/watch.ts, fs.ts ChangeRecord), as git trusts fsmonitor: every
// way a file changes is seen by the next status, and a record that cannot vouch never hides a
// change. Each status is checked against one over the same files without a record, which walks.
import { describe, expect, it } from 'vitest';
import { MemoryFs, mkdirp, type LabFs } from '../../../src/lab/shell/fs';
import { gitProgram } from '../../../src/lab/shell/git';
import { runScript } from '../../../src/lab/shell/bash';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);

/** The same files seen without their record: git walks them. */
function unrecorded(fs: LabFs): LabFs {
  return {
    readFile: (p) => fs.readFile(p),
    writeFile: (p, d) => fs.writeFile(p, d),
    readdir: (p) => fs.readdir(p),
    stat: (p) => fs.stat(p),
    mkdir: (p) => fs.mkdir(p),
    unlink: (p) => fs.unlink(p),
    rmdir: (p) => fs.rmdir(p),
    rename: (a, b) => fs.rename(a, b),
  };
}

let labs = 0;

async function lab(files: Record<string, string>) {
  let clock = T0;
  const fs = new MemoryFs(() => clock);
  const home = `/home/record${labs++}`;
  mkdirp(fs, home);
  const run = async (script: string, over: LabFs = fs) => {
    clock += 1000;
    const entries = await runScript(script, { fs: over, cwd: home, home, now: () => clock, programs: { git: gitProgram } });
    return entries.map((e) => e.output.map((o) => o.text).join('')).join('');
  };
  const write = (path: string, text: string) => {
    clock += 1000;
    mkdirp(fs, `${home}/${path}`.replace(/\/[^/]*$/, ''));
    fs.writeFile(`${home}/${path}`, text);
  };
  for (const [path, text] of Object.entries(files)) write(path, text);
  /** `git status` (long and short) as the recorded files give it, checked against a walk of them. */
  const status = async () => {
    const seen = (await run('git status')) + (await run('git status --porcelain'));
    expect(seen).toBe((await run('git status', unrecorded(fs))) + (await run('git status --porcelain', unrecorded(fs))));
    return run('git status --porcelain');
  };
  return { fs, home, run, write, status };
}

const START = { 'README.md': '# P\n', 'src/train.py': 'print(1)\n', 'src/util/io.py': 'x = 1\n', '.gitignore': '*.log\n' };

describe('git status and the record of what changed', () => {
  it('sees files laid out before the repository and written later straight into the file system', async () => {
    const repo = await lab(START);
    expect(await repo.run('git init -q && git status --porcelain')).toBe('?? .gitignore\n?? README.md\n?? src/\n');
    await repo.run('git add . && git commit -q -m Start');
    expect(await repo.status()).toBe('');
    repo.write('src/train.py', 'print(2)\n');
    repo.write('notes/today.md', 'hi\n');
    expect(await repo.status()).toBe(' M src/train.py\n?? notes/\n');
  });

  it('sees writes through shell redirection, in tracked and untracked folders', async () => {
    const repo = await lab(START);
    await repo.run('git init -q && git add . && git commit -q -m Start');
    expect(await repo.status()).toBe('');
    await repo.run('echo more >> README.md && echo new > src/util/new.py && mkdir -p out/deep && echo r > out/deep/r.txt && echo l > run.log');
    expect(await repo.status()).toBe(' M README.md\n?? out/\n?? src/util/new.py\n');
    await repo.run('git add src/util/new.py');
    expect(await repo.status()).toBe(' M README.md\nA  src/util/new.py\n?? out/\n');
  });

  it('sees files and folders removed, and a folder renamed', async () => {
    const repo = await lab({ ...START, 'extra/a.txt': 'a\n' });
    await repo.run('git init -q && git add README.md src .gitignore && git commit -q -m Start');
    expect(await repo.status()).toBe('?? extra/\n');
    await repo.run('rm README.md && rm -r extra');
    expect(await repo.status()).toBe(' D README.md\n');
    await repo.run('mv src/util src/tools');
    expect(await repo.status()).toBe(' D README.md\n D src/util/io.py\n?? src/tools/\n');
    await repo.run('mv src code');
    expect(await repo.status()).toBe(' D README.md\n D src/train.py\n D src/util/io.py\n?? code/\n');
  });

  it('sees a .gitignore change and a file that turns into a folder', async () => {
    const repo = await lab(START);
    await repo.run('git init -q && git add . && git commit -q -m Start && echo x > a.txt && echo y > b.log');
    expect(await repo.status()).toBe('?? a.txt\n');
    await repo.run('echo "*.txt" >> .gitignore');
    expect(await repo.status()).toBe(' M .gitignore\n');
    await repo.run('rm README.md && mkdir README.md && echo inner > README.md/x.md');
    expect(await repo.status()).toBe(' M .gitignore\n D README.md\n?? README.md/\n');
  });

  it('is not trusted when it was lost, or is another file system’s', async () => {
    const repo = await lab(START);
    await repo.run('git init -q && git add . && git commit -q -m Start');
    expect(await repo.status()).toBe('');
    repo.write('README.md', 'changed\n');
    repo.fs.record.lose();
    expect(await repo.status()).toBe(' M README.md\n');
    // Another file system at the same folder: the view kept for the first says nothing of it.
    const other = new MemoryFs(() => T0 + 60_000);
    mkdirp(other, repo.home);
    const copy = async (from: string) => {
      for (const name of repo.fs.readdir(from) ?? []) {
        const path = `${from}/${name}`;
        if (repo.fs.stat(path)?.type === 'dir') {
          other.mkdir(path);
          await copy(path);
        } else other.writeFile(path, name === 'train.py' ? 'print(3)\n' : repo.fs.readFile(path)!);
      }
    };
    await copy(repo.home);
    const out = await runScript('git status --porcelain', { fs: other, cwd: repo.home, home: repo.home, now: () => T0 + 70_000, programs: { git: gitProgram } });
    expect(out.map((e) => e.output.map((o) => o.text).join('')).join('')).toBe(' M README.md\n M src/train.py\n');
  });

  it('git add of one file, of a folder and of the whole tree stages what it names', async () => {
    const repo = await lab({ ...START, 'one.txt': '1\n', 'many/a.txt': 'a\n', 'many/b.txt': 'b\n' });
    await repo.run('git init -q && git add README.md && git commit -q -m Start');
    await repo.run('git add one.txt');
    expect(await repo.status()).toBe('A  one.txt\n?? .gitignore\n?? many/\n?? src/\n');
    await repo.run('git add src');
    expect(await repo.status()).toBe('A  one.txt\nA  src/train.py\nA  src/util/io.py\n?? .gitignore\n?? many/\n');
    await repo.run('git commit -q -m More && echo changed > src/train.py && rm one.txt && echo l > x.log && git add .');
    expect(await repo.status()).toBe('A  .gitignore\nA  many/a.txt\nA  many/b.txt\nD  one.txt\nM  src/train.py\n');
  });

  it('agrees with a walk through a long run of random changes', async () => {
    const repo = await lab(START);
    await repo.run('git init -q && git add . && git commit -q -m Start');
    let seed = 7;
    const pick = <T,>(items: T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return items[seed % items.length]!;
    };
    const names = ['README.md', 'src/train.py', 'src/util/io.py', 'src/util/b.py', 'new.txt', 'out/a.csv', 'out/deep/b.csv', 'run.log', 'src/n.log'];
    const steps = [
      () => `mkdir -p "$(dirname ${pick(names)})" && echo ${pick(['a', 'b', 'c'])} > ${pick(names)} 2>/dev/null; true`,
      () => `rm -f ${pick(names)}`,
      () => `rm -rf ${pick(['out', 'src/util', 'out/deep'])}`,
      () => `mkdir -p ${pick(['out', 'src'])} && mv ${pick(['out', 'src/util'])} ${pick(['moved', 'src/moved'])} 2>/dev/null; true`,
      () => `echo "${pick(['*.csv', 'out/', '!run.log', 'src/util/'])}" >> .gitignore`,
      () => 'git add -A',
      () => `git add ${pick(names)} 2>/dev/null; true`,
      () => 'git commit -q -m step; true',
      () => `git checkout -q -- . 2>/dev/null; true`,
    ];
    for (let i = 0; i < 120; i++) {
      const script = pick(steps)();
      await repo.run(script);
      const seen = await repo.status();
      // `git add -A` stages what the record says changed: one that walks finds nothing more to stage.
      if (script === 'git add -A') {
        await repo.run('git add -A', unrecorded(repo.fs));
        expect(await repo.status()).toBe(seen);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { MemoryFs, mkdirp } from '../../../src/lab/shell/fs';
import { gitProgram } from '../../../src/lab/shell/git';
import { runScript } from '../../../src/lab/shell/bash';
import type { ShellContext } from '../../../src/lab/shell/shell';

const NOW = Date.UTC(2026, 10, 27, 9, 30, 0);

function lab(): ShellContext {
  const fs = new MemoryFs(() => NOW);
  mkdirp(fs, '/home/lab/data');
  fs.writeFile('/home/lab/README.md', '# Pump failure\n');
  fs.writeFile('/home/lab/data/raw_data.csv', 'a,b\n1,2\n');
  return { fs, cwd: '/home/lab', home: '/home/lab', now: () => NOW, programs: { git: gitProgram } };
}

async function session(script: string, ctx: ShellContext) {
  const entries = await runScript(script, ctx);
  return entries.map((e) => `$ ${e.line}\n${e.output.map((o) => o.text).join('')}${e.code ? `[exit ${e.code}]\n` : ''}`).join('');
}

describe('git in the lab', () => {
  it('init, status, add, commit and log, with the hashes real git computes', async () => {
    const ctx = lab();
    expect(await session('git status', ctx)).toBe('$ git status\nfatal: not a git repository (or any of the parent directories): .git\n[exit 128]\n');
    expect(await session('git init', ctx)).toBe('$ git init\nInitialized empty Git repository in /home/lab/.git/\n');
    expect(await session('git status', ctx)).toBe(
      '$ git status\nOn branch main\n\nNo commits yet\n\nUntracked files:\n  (use "git add <file>..." to include in what will be committed)\n\tREADME.md\n\tdata/\n\nnothing added to commit but untracked files present (use "git add" to track)\n',
    );
    await runScript('git add README.md', ctx);
    expect(await session('git status -s', ctx)).toBe('$ git status -s\nA  README.md\n?? data/\n');
    const commit = await session('git commit -m "Initial project skeleton"', ctx);
    // Real git 2.39 makes this very commit from the same file, author and time (checked by hand).
    expect(commit).toBe('$ git commit -m "Initial project skeleton"\n[main (root-commit) c162307] Initial project skeleton\n 1 file changed, 1 insertion(+)\n create mode 100644 README.md\n');
    expect(await session('git log', ctx)).toBe(
      '$ git log\ncommit c162307032b7f789687b5111d2b1b9a0f1a4f636 (HEAD -> main)\nAuthor: Learner <learner@lifecycle.lab>\nDate:   Fri Nov 27 09:30:00 2026 +0000\n\n    Initial project skeleton\n',
    );
  });
});

// Output that real git also prints is compared byte for byte in git-differential.test.ts;
// here: what only the lab prints — its refusals of what it lacks, and its help.
describe('what the lab\'s git does not have, it says so', () => {
  async function base() {
    const ctx = lab();
    await runScript('git init\ngit add README.md\ngit commit -m "Initial project skeleton"\necho more >> README.md\ngit commit -am "More"', ctx);
    return ctx;
  }

  it('commands of real git the lab lacks are named as missing, not as unknown', async () => {
    const ctx = await base();
    expect(await session('git stash', ctx)).toBe("$ git stash\nthe lab's git does not support `stash`\n[exit 1]\n");
    expect(await session('git push origin main', ctx)).toBe("$ git push origin main\nthe lab's git does not support `push`\n[exit 1]\n");
    // A command real git does not have either keeps git's own message.
    expect(await session('git frobnicate', ctx)).toBe("$ git frobnicate\ngit: 'frobnicate' is not a git command. See 'git --help'.\n[exit 1]\n");
  });

  it('options the lab does not implement are refused by name, never ignored', async () => {
    const ctx = await base();
    expect(await session('git log --graph', ctx)).toBe("$ git log --graph\nthe lab's git log does not support `--graph`\n[exit 1]\n");
    expect(await session('git status -uno', ctx)).toBe("$ git status -uno\nthe lab's git status does not support `--untracked-files=no`\n[exit 1]\n");
    expect(await session('git add -p', ctx)).toBe("$ git add -p\nthe lab's git add does not support `-p`\n[exit 1]\n");
    expect(await session('git commit --amend -m x', ctx)).toBe("$ git commit --amend -m x\nthe lab's git commit does not support `--amend`\n[exit 1]\n");
    expect(await session('git diff -w', ctx)).toBe("$ git diff -w\nthe lab's git diff does not support `-w`\n[exit 1]\n");
    expect(await session('git -C data status', ctx)).toBe("$ git -C data status\nthe lab's git does not support the option `-C` before a command\n[exit 1]\n");
  });

  it('revision syntax it lacks is named, not called an unknown revision', async () => {
    const ctx = await base();
    expect(await session('git show HEAD@{1}', ctx)).toBe("$ git show HEAD@{1}\nthe lab's git does not support reflog revisions (`HEAD@{1}`): use HEAD, a branch or a hash, with ~N or ^\n[exit 1]\n");
    expect(await session('git diff main...HEAD', ctx)).toContain("the lab's git does not support symmetric differences (`main...HEAD`)");
    expect(await session('git switch -', ctx)).toBe("$ git switch -\nthe lab's git switch does not support `-` (the previous branch); name the branch: `git switch <branch>`\n[exit 1]\n");
  });

  it('no editor for commit messages, and no detached HEAD', async () => {
    const ctx = await base();
    expect(await session('git commit -a', ctx)).toBe(
      '$ git commit -a\nthe lab\'s git commit does not support writing the message in an editor: give it with -m, as in git commit -m "Add the data"\n[exit 1]\n',
    );
    expect(await session('git checkout HEAD~1', ctx)).toBe(
      "$ git checkout HEAD~1\nthe lab's git does not support a detached HEAD (checking out the commit 'HEAD~1' itself): check out its files with git checkout HEAD~1 -- <file>, or make a branch there with git switch -c <branch> HEAD~1\n[exit 1]\n",
    );
    // HEAD stayed on main, and the files are untouched.
    expect(await session('git status -s -b', ctx)).toBe('$ git status -s -b\n## main\n?? data/\n');
  });

  it('git --help lists what the lab has, and each command it lists runs', async () => {
    const ctx = await base();
    const help = await session('git --help', ctx);
    const listed = [...help.matchAll(/^ {3}([a-z]+) {2,}/gm)].map((m) => m[1]);
    expect(listed).toEqual(['init', 'status', 'add', 'rm', 'mv', 'commit', 'log', 'show', 'diff', 'branch', 'checkout', 'switch', 'restore', 'reset']);
    for (const name of listed) {
      const out = await session(`git ${name} --no-such-option`, ctx);
      expect(out).toContain(`the lab's git ${name} does not support \`--no-such-option\``);
    }
  });

  it('commits take their time from the lab\'s clock', async () => {
    const ctx = await base();
    expect(await session('git log -1', ctx)).toContain('Date:   Fri Nov 27 09:30:00 2026 +0000');
  });
});

describe('git status over many untracked files', () => {
  /** MemoryFs that counts the paths a command asks about (readdir and stat), outside .git. */
  class CountingFs extends MemoryFs {
    asked = new Set<string>();
    override readdir(path: string) {
      if (!path.includes('/.git')) this.asked.add(path);
      return super.readdir(path);
    }
    override stat(path: string) {
      if (!path.includes('/.git')) this.asked.add(path);
      return super.stat(path);
    }
  }

  it('lists an untracked folder and skips an ignored one without looking at each of their files', async () => {
    const fs = new CountingFs(() => NOW);
    const ctx = { fs, cwd: '/home/lab', home: '/home/lab', now: () => NOW, programs: { git: gitProgram } };
    mkdirp(fs, '/home/lab');
    fs.writeFile('/home/lab/.gitignore', 'data/\n');
    await runScript('git init -q && git add .gitignore && git commit -q -m "Ignore data"', ctx);
    for (const root of ['bench', 'data']) {
      for (let folder = 0; folder < 3; folder++) {
        mkdirp(fs, `/home/lab/${root}/d${folder}`);
        for (let i = 0; i < 500; i++) fs.writeFile(`/home/lab/${root}/d${folder}/f${i}.txt`, `file ${i}\n`);
      }
    }
    fs.asked.clear();
    expect(await session('git status -s', ctx)).toBe('$ git status -s\n?? bench/\n');
    // bench/: its first folder's first file shows it is not all ignored; data/: not looked inside.
    const inside = [...fs.asked].filter((p) => /\/(bench|data)\/./.test(p));
    expect(inside.length).toBeLessThan(10);
    expect(await session('git status -s -uall', ctx)).toContain('?? bench/d2/f499.txt\n');
  });
});

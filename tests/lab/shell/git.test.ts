import { describe, expect, it } from 'vitest';
import { MemoryFs, mkdirp } from '../../../src/lab/shell/fs';
import { gitProgram } from '../../../src/lab/shell/git';
import { runScript, type ShellContext } from '../../../src/lab/shell/shell';

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

describe('git diff, show and checkout', () => {
  // The diff and show outputs below are byte for byte what real git 2.39 prints for the same files (checked by hand).
  it('shows working-tree and staged changes as unified diffs, and restores a file', async () => {
    const ctx = lab();
    await runScript('git init\ngit add README.md\ngit commit -m "Initial project skeleton"', ctx);
    await runScript('echo "Predict pump failures." >> README.md', ctx);
    expect(await session('git diff', ctx)).toBe(
      '$ git diff\ndiff --git a/README.md b/README.md\nindex 4d576b6..665dbce 100644\n--- a/README.md\n+++ b/README.md\n@@ -1 +1,2 @@\n # Pump failure\n+Predict pump failures.\n',
    );
    expect(await session('git diff --staged', ctx)).toBe('$ git diff --staged\n');
    await runScript('git add README.md', ctx);
    expect(await session('git diff --staged', ctx)).toContain('@@ -1 +1,2 @@\n # Pump failure\n+Predict pump failures.\n');
    expect(await session('git diff', ctx)).toBe('$ git diff\n');

    await runScript('echo "oops" > README.md', ctx);
    expect(await session('git checkout README.md\ncat README.md', ctx)).toBe('$ git checkout README.md\n$ cat README.md\n# Pump failure\nPredict pump failures.\n');
    expect(await session('git checkout nope.txt', ctx)).toBe("$ git checkout nope.txt\nerror: pathspec 'nope.txt' did not match any file(s) known to git\n[exit 1]\n");
  });

  it('show prints the commit and what it changed', async () => {
    const ctx = lab();
    await runScript('git init\ngit add README.md\ngit commit -m "Initial project skeleton"', ctx);
    expect(await session('git show', ctx)).toBe(
      '$ git show\ncommit c162307032b7f789687b5111d2b1b9a0f1a4f636\nAuthor: Learner <learner@lifecycle.lab>\nDate:   Fri Nov 27 09:30:00 2026 +0000\n\n    Initial project skeleton\n\ndiff --git a/README.md b/README.md\nnew file mode 100644\nindex 0000000..4d576b6\n--- /dev/null\n+++ b/README.md\n@@ -0,0 +1 @@\n+# Pump failure\n',
    );
  });
});

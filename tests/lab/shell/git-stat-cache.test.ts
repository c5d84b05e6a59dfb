// The lab's git keeps stat data as real git's index does (src/lab/shell/git/repo.ts, worktreeOid):
// a tracked file whose size and mtime are unchanged is not read again, and git's racy-git rule
// decides when that stat data can vouch for a file's content.
import { describe, expect, it } from 'vitest';
import { MemoryFs, mkdirp } from '../../../src/lab/shell/fs';
import { gitProgram } from '../../../src/lab/shell/git';
import { runScript } from '../../../src/lab/shell/bash';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const CLEAN = 'On branch main\nnothing to commit, working tree clean\n';
const modified = (path: string) =>
  `On branch main\nChanges not staged for commit:\n  (use "git add <file>..." to update what will be committed)\n  (use "git restore <file>..." to discard changes in working directory)\n\tmodified:   ${path}\n\nno changes added to commit (use "git add" and/or "git commit -a")\n`;

/** MemoryFs that counts reads of the working tree's files (not .git's). */
class CountingFs extends MemoryFs {
  reads: string[] = [];
  override readFile(path: string) {
    if (!path.includes('/.git/')) this.reads.push(path);
    return super.readFile(path);
  }
}

let labs = 0;

/** A repository with files committed, on a clock the test moves; each lab in a folder of its own. */
async function lab(files: Record<string, string>) {
  let clock = T0;
  const fs = new CountingFs(() => clock);
  const home = `/home/stat${labs++}`;
  mkdirp(fs, home);
  const ctx = { fs, cwd: home, home, now: () => clock, programs: { git: gitProgram } };
  const sh = async (script: string, at = clock) => {
    clock = at;
    const entries = await runScript(script, ctx);
    return entries.map((e) => e.output.map((o) => o.text).join('')).join('');
  };
  const write = (path: string, text: string, at = clock) => {
    clock = at;
    mkdirp(fs, `${home}/${path}`.replace(/\/[^/]*$/, ''));
    fs.writeFile(`${home}/${path}`, text);
  };
  for (const [path, text] of Object.entries(files)) write(path, text);
  await sh('git init -q && git add . && git commit -q -m "First"', T0 + 1000);
  // The first status after the commit hashes the files once, with the index now older than
  // none of them: from here on their stat data vouches for them.
  expect(await sh('git status', T0 + 2000)).toBe(CLEAN);
  fs.reads = [];
  return { fs, home, sh, write, reads: () => fs.reads.map((p) => p.slice(home.length + 1)).filter((p) => p !== '.gitignore') };
}

describe('git status and the stat cache', () => {
  it('does not read a tracked file whose size and mtime are unchanged', async () => {
    const repo = await lab({ 'a.txt': 'alpha\n', 'b.txt': 'beta\n', 'data/c.csv': 'x,y\n1,2\n' });
    expect(await repo.sh('git status', T0 + 3000)).toBe(CLEAN);
    expect(await repo.sh('git diff', T0 + 3000)).toBe('');
    expect(repo.reads()).toEqual([]);
  });

  it('sees a file changed to the same size with a new mtime as modified', async () => {
    const repo = await lab({ 'a.txt': 'alpha\n', 'b.txt': 'beta\n' });
    repo.write('a.txt', 'ALPHA\n', T0 + 3000);
    expect(await repo.sh('git status')).toBe(modified('a.txt'));
    // Only the file whose stat moved was read.
    expect(repo.reads()).toEqual(['a.txt']);
    expect(await repo.sh('git status -s')).toBe(' M a.txt\n');
  });

  it('shows a file touched without a change as clean, as real git does after its refresh', async () => {
    const repo = await lab({ 'a.txt': 'alpha\n' });
    expect(await repo.sh('touch a.txt && git status', T0 + 3000)).toBe(CLEAN);
    // Unlike git, the lab's status writes no index, so the touched file is hashed again until the next index write.
    expect(repo.reads()).toContain('a.txt');
    await repo.sh('git add a.txt', T0 + 4000);
    await repo.sh('git status', T0 + 5000);
    repo.fs.reads = [];
    expect(await repo.sh('git status', T0 + 6000)).toBe(CLEAN);
    expect(repo.reads()).toEqual([]);
  });

  it('racy git: a same-size change in the tick the index was written is still seen', async () => {
    const repo = await lab({ 'a.txt': 'alpha\n' });
    // Written, staged and written again within one tick of the clock: size and mtime are what
    // git add saw, but the file is as new as the index, so (as in git) its stat data cannot vouch for it.
    repo.write('a.txt', 'gamma\n', T0 + 3000);
    expect(await repo.sh('git add a.txt && git status -s')).toBe('M  a.txt\n');
    repo.write('a.txt', 'delta\n');
    expect(await repo.sh('git status -s', T0 + 4000)).toBe('MM a.txt\n');
    // A status in the same tick as the write, then a second write in that tick.
    repo.write('a.txt', 'omega\n', T0 + 5000);
    expect(await repo.sh('git status -s')).toBe('MM a.txt\n');
    repo.write('a.txt', 'gamma\n');
    expect(await repo.sh('git status -s', T0 + 6000)).toBe('M  a.txt\n');
  });

  it('the choice documented in worktreeOid: a change whose size and mtime were put back reads as unchanged', async () => {
    // Real git would still see it by the file's ctime, which the lab's files do not have; only a
    // program that sets the old mtime again (os.utime) can do this.
    const repo = await lab({ 'a.txt': 'alpha\n' });
    repo.write('a.txt', 'ALPHA\n', T0);
    expect(await repo.sh('git status', T0 + 3000)).toBe(CLEAN);
    // Any later write is seen.
    repo.write('a.txt', 'ALPHA\n', T0 + 4000);
    expect(await repo.sh('git status -s')).toBe(' M a.txt\n');
  });

  it('an untracked file and a deleted one next to cached files', async () => {
    const repo = await lab({ 'a.txt': 'alpha\n', 'b.txt': 'beta\n' });
    repo.write('new.txt', 'new\n', T0 + 3000);
    repo.fs.unlink(`${repo.home}/b.txt`);
    expect(await repo.sh('git status -s')).toBe(' D b.txt\n?? new.txt\n');
    expect(repo.reads()).toEqual([]);
  });
});

// DVC's behaviour and messages from FACTS.md, as the lab's shell prints them.
import { describe, expect, it } from 'vitest';
import { MemoryFs, mkdirp } from '../../../src/lab/shell/fs';
import { dvcProgram } from '../../../src/lab/shell/dvc';
import { dvcFileText } from '../../../src/lab/shell/dvcFormat';
import { md5 } from '../../../src/lab/shell/md5';
import { gitProgram } from '../../../src/lab/shell/git';
import { runScript, text, type ShellContext } from '../../../src/lab/shell/shell';

const NOW = Date.UTC(2026, 10, 27, 9, 30, 0);

function lab(withGit = true): ShellContext {
  const fs = new MemoryFs(() => NOW);
  mkdirp(fs, '/home/lab/data');
  fs.writeFile('/home/lab/README.md', '# Pump failure\n');
  fs.writeFile('/home/lab/data/raw_data.csv', 'foo');
  const ctx: ShellContext = { fs, cwd: '/home/lab', home: '/home/lab', now: () => NOW, programs: { git: gitProgram, dvc: dvcProgram } };
  if (withGit) mkdirp(fs, '/home/lab/.git'); // replaced by a real init below where it matters
  return ctx;
}

async function session(script: string, ctx: ShellContext) {
  const entries = await runScript(script, ctx);
  return entries.map((e) => `$ ${e.line}\n${e.output.map((o) => o.text).join('')}${e.code ? `[exit ${e.code}]\n` : ''}`).join('');
}
const read = (ctx: ShellContext, path: string) => text(ctx.fs.readFile(`/home/lab/${path}`)!);

describe('dvc init', () => {
  it('needs git, creates its files, stages them and says so', async () => {
    const outside = lab(false);
    expect(await session('dvc init', outside)).toBe(
      "$ dvc init\nERROR: /home/lab is not tracked by any supported SCM tool (e.g. Git). Use `--no-scm` if you don't want to use DVC with any SCM or to specify a different subdirectory.\n[exit 1]\n",
    );
    const ctx = lab(false);
    await runScript('git init', ctx);
    expect(await session('dvc init', ctx)).toBe('$ dvc init\nInitialized DVC repository.\n\nYou can now commit the changes to git.\n');
    expect(read(ctx, '.dvc/config')).toBe('');
    expect(read(ctx, '.dvc/.gitignore')).toBe('/config.local\n/tmp\n/cache\n');
    expect(read(ctx, '.dvcignore')).toMatch(/^# Add patterns of files dvc should ignore/);
    expect(await session('git status -s', ctx)).toBe('$ git status -s\nA  .dvc/.gitignore\nA  .dvc/config\nA  .dvcignore\n?? README.md\n?? data/\n');
    expect(await session('dvc init', ctx)).toBe("$ dvc init\nERROR: '.dvc' exists. Use `-f` to force.\n[exit 1]\n");
  });
});

describe('dvc add', () => {
  it('writes the .dvc file byte for byte, the cache, the .gitignore entry, and the git hint', async () => {
    const ctx = lab(false);
    await runScript('git init\ndvc init', ctx);
    expect(await session('dvc add data/raw_data.csv', ctx)).toBe(
      '$ dvc add data/raw_data.csv\n\nTo track the changes with git, run:\n\n\tgit add data/.gitignore data/raw_data.csv.dvc\n\nTo enable auto staging, run:\n\n\tdvc config core.autostage true\n',
    );
    expect(read(ctx, 'data/raw_data.csv.dvc')).toBe('outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  hash: md5\n  path: raw_data.csv\n');
    expect(read(ctx, 'data/.gitignore')).toBe('/raw_data.csv\n');
    expect(read(ctx, '.dvc/cache/files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8')).toBe('foo');
    // Adding again does not duplicate the .gitignore line.
    await runScript('dvc add data/raw_data.csv', ctx);
    expect(read(ctx, 'data/.gitignore')).toBe('/raw_data.csv\n');
    // git now ignores the CSV itself.
    expect(await session('git status -s', ctx)).toMatch(/\?\? data\/\n/);
    // Real git 2.39's message, advice included (tests/lab/shell/git-differential.test.ts compares it).
    expect(await session('git add data/raw_data.csv', ctx)).toBe(
      '$ git add data/raw_data.csv\nThe following paths are ignored by one of your .gitignore files:\ndata/raw_data.csv\nhint: Use -f if you really want to add them.\nhint: Turn this message off by running\nhint: "git config advice.addIgnoredFile false"\n[exit 1]\n',
    );
  });

  it('the format for any bytes is their MD5 and size', () => {
    const bytes = new TextEncoder().encode('temperature,failure\n70.1,0\n');
    expect(dvcFileText(md5(bytes), bytes.length, 'raw_data.csv')).toBe(`outs:\n- md5: ${md5(bytes)}\n  size: 27\n  hash: md5\n  path: raw_data.csv\n`);
  });

  it('errors: outside DVC, a missing file', async () => {
    const ctx = lab(false);
    expect(await session('dvc add data/raw_data.csv', ctx)).toBe("$ dvc add data/raw_data.csv\nERROR: you are not inside of a DVC repository (checked up to mount point '/')\n[exit 253]\n");
    await runScript('git init\ndvc init', ctx);
    expect(await session('dvc add data/missing.csv', ctx)).toBe("$ dvc add data/missing.csv\nERROR: output 'data/missing.csv' does not exist\n[exit 1]\n");
  });
});

describe('dvc status, remote, push, pull, checkout', () => {
  it('follows the data through an edit, a push, a loss and a pull', async () => {
    const ctx = lab(false);
    await runScript('git init\ndvc init\ndvc add data/raw_data.csv', ctx);
    expect(await session('dvc status', ctx)).toBe('$ dvc status\nData and pipelines are up to date.\n');
    await runScript('echo extra >> data/raw_data.csv', ctx);
    expect(await session('dvc status', ctx)).toBe('$ dvc status\ndata/raw_data.csv.dvc:\n\tchanged outs:\n\t\tmodified:           data/raw_data.csv\n');
    expect(await session('dvc checkout', ctx)).toBe('$ dvc checkout\nM\tdata/raw_data.csv\n');
    expect(read(ctx, 'data/raw_data.csv')).toBe('foo');

    expect(await session('dvc push', ctx)).toBe(
      '$ dvc push\nERROR: failed to push data to the cloud - config file error: no remote specified in /home/lab. Create a default remote with\n    dvc remote add -d <remote name> <remote url>\n[exit 1]\n',
    );
    expect(await session('dvc remote add -d storage /tmp/dvc-storage', ctx)).toBe("$ dvc remote add -d storage /tmp/dvc-storage\nSetting 'storage' as a default remote.\n");
    expect(read(ctx, '.dvc/config')).toBe('[core]\n    remote = storage\n[\'remote "storage"\']\n    url = /tmp/dvc-storage\n');
    expect(await session('dvc push', ctx)).toBe('$ dvc push\n1 file pushed\n');
    expect(await session('dvc push', ctx)).toBe('$ dvc push\nEverything is up to date.\n');

    await runScript('rm -r .dvc/cache data/raw_data.csv', ctx);
    expect(await session('dvc status', ctx)).toBe('$ dvc status\ndata/raw_data.csv.dvc:\n\tchanged outs:\n\t\tdeleted:            data/raw_data.csv\n');
    expect(await session('dvc pull', ctx)).toBe('$ dvc pull\nA\tdata/raw_data.csv\n1 file added and 1 file fetched\n');
    expect(read(ctx, 'data/raw_data.csv')).toBe('foo');
  });

  it('help and unknown subcommands', async () => {
    const ctx = lab(false);
    expect(await session('dvc --help', ctx)).toMatch(/^\$ dvc --help\nusage: dvc \[-q \| -v\] \[-h\] \[-V\] \[--cd <path>\] COMMAND \.\.\.\n/);
    expect(await session('dvc frobnicate', ctx)).toBe(
      "$ dvc frobnicate\nusage: dvc [-q | -v] [-h] [-V] [--cd <path>] COMMAND ...\ndvc: error: argument COMMAND: invalid choice: 'frobnicate' (choose from 'init', 'add', 'status', 'remote', 'push', 'pull', 'checkout')\n[exit 254]\n",
    );
  });
});

describe('the step, end to end in the shell', () => {
  it('dvc init, dvc add, git add, git commit: the pointer is committed, the CSV is not', async () => {
    const ctx = lab(false);
    await runScript('git init\ngit add README.md\ngit commit -m "Initial project skeleton"', ctx);
    const out = await session(
      'dvc init\ndvc add data/raw_data.csv\ngit add data/.gitignore data/raw_data.csv.dvc\ngit commit -m "Version 1.0 dataset"\ngit log --oneline',
      ctx,
    );
    // Real git 2.39 prints exactly this for the same files, author and time (checked by hand).
    expect(out).toContain(
      '$ git commit -m "Version 1.0 dataset"\n[main c5cdaad] Version 1.0 dataset\n 5 files changed, 12 insertions(+)\n create mode 100644 .dvc/.gitignore\n create mode 100644 .dvc/config\n create mode 100644 .dvcignore\n create mode 100644 data/.gitignore\n create mode 100644 data/raw_data.csv.dvc\n',
    );
    expect(out).toMatch(/\$ git log --oneline\nc5cdaad \(HEAD -> main\) Version 1.0 dataset\nc162307 Initial project skeleton\n$/);
  });
});

// DVC 3's behaviour and messages, as the lab's shell prints them. Expected
// texts come from DVC's sources (iterative/dvc): dvc/repo/init.py,
// dvc/repo/scm_context.py, dvc/commands/status.py, dvc/commands/config.py,
// dvc/repo/checkout.py, dvc/commands/checkout.py, dvc/exceptions.py and
// dvc/cli/__init__.py (exit codes), cited test by test.
import { describe, expect, it } from 'vitest';
import { MemoryFs, mkdirp } from '../../../src/lab/shell/fs';
import { dvcProgram } from '../../../src/lab/shell/dvc';
import { dvcFileText } from '../../../src/lab/shell/dvcFormat';
import { md5 } from '../../../src/lab/shell/md5';
import { gitProgram } from '../../../src/lab/shell/git';
import { runScript } from '../../../src/lab/shell/bash';
import { text, type ShellContext } from '../../../src/lab/shell/shell';

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
// dvc/commands/init.py _welcome_message, analytics off (the lab sends none, so no analytics box).
const WHATS_NEXT =
  "What's next?\n------------\n- Check out the documentation: <https://dvc.org/doc>\n- Get help and share ideas: <https://dvc.org/chat>\n- Star us on GitHub: <https://github.com/iterative/dvc>\n";
const read = (ctx: ShellContext, path: string) => text(ctx.fs.readFile(`/home/lab/${path}`)!);

describe('dvc init', () => {
  it('needs git, creates its files, stages them and says so', async () => {
    const outside = lab(false);
    expect(await session('dvc init', outside)).toBe(
      // dvc/repo/init.py InitError, logged by dvc/commands/init.py as "failed to initiate DVC".
      "$ dvc init\nERROR: failed to initiate DVC - /home/lab is not tracked by any supported SCM tool (e.g. Git). Use `--no-scm` if you don't want to use any SCM or `--subdir` if initializing inside a subdirectory of a parent SCM repository.\n[exit 1]\n",
    );
    const ctx = lab(false);
    await runScript('git init', ctx);
    expect(await session('dvc init', ctx)).toBe(`$ dvc init\nInitialized DVC repository.\n\nYou can now commit the changes to git.\n\n${WHATS_NEXT}`);
    expect(read(ctx, '.dvc/config')).toBe('');
    expect(read(ctx, '.dvc/.gitignore')).toBe('/config.local\n/tmp\n/cache\n');
    expect(read(ctx, '.dvcignore')).toMatch(/^# Add patterns of files dvc should ignore/);
    expect(await session('git status -s', ctx)).toBe('$ git status -s\nA  .dvc/.gitignore\nA  .dvc/config\nA  .dvcignore\n?? README.md\n?? data/\n');
    expect(await session('dvc init', ctx)).toBe("$ dvc init\nERROR: failed to initiate DVC - '.dvc' exists. Use `-f` to force.\n[exit 1]\n");
  });

  it('inside a subfolder of the git repository it needs --subdir, as DVC does', async () => {
    const ctx = lab(false);
    await runScript('git init\ncd data', ctx);
    expect(await session('dvc init', ctx)).toBe(
      "$ dvc init\nERROR: failed to initiate DVC - /home/lab/data is not tracked by any supported SCM tool (e.g. Git). Use `--no-scm` if you don't want to use any SCM or `--subdir` if initializing inside a subdirectory of a parent SCM repository.\n[exit 1]\n",
    );
    expect(await session('dvc init --subdir', ctx)).toBe(`$ dvc init --subdir\nInitialized DVC repository.\n\nYou can now commit the changes to git.\n\n${WHATS_NEXT}`);
  });

  it('--no-scm records no_scm in the config (dvc/repo/init.py) and stages nothing', async () => {
    const ctx = lab(false);
    expect(await session('dvc init --no-scm', ctx)).toBe(`$ dvc init --no-scm\nInitialized DVC repository.\n${WHATS_NEXT}`);
    expect(read(ctx, '.dvc/config')).toBe('[core]\n    no_scm = True\n');
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
    // Adding again does not duplicate the .gitignore line, and the hint lists only the .dvc file:
    // scm_context.py tracks the .gitignore only when DVC changed it.
    expect(await session('dvc add data/raw_data.csv', ctx)).toBe(
      '$ dvc add data/raw_data.csv\n\nTo track the changes with git, run:\n\n\tgit add data/raw_data.csv.dvc\n\nTo enable auto staging, run:\n\n\tdvc config core.autostage true\n',
    );
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

describe('.dvcignore, -q and -v, folders', () => {
  it('an output matched by .dvcignore is refused (dvc/output.py OutputIsIgnoredError, dvc/ignore.py check_ignore)', async () => {
    const ctx = lab(false);
    await runScript('git init\ndvc init', ctx);
    ctx.fs.writeFile('/home/lab/.dvcignore', '# Add patterns of files dvc should ignore\n*.tmp\ndata/raw_data.csv\n');
    expect(await session('dvc add data/raw_data.csv', ctx)).toBe(
      "$ dvc add data/raw_data.csv\nERROR: Path '/home/lab/data/raw_data.csv' is ignored by\n.dvcignore:3:data/raw_data.csv\n[exit 1]\n",
    );
    expect(ctx.fs.stat('/home/lab/data/raw_data.csv.dvc')).toBeNull();
    // `!` re-includes; a .dvcignore in a subfolder holds patterns relative to that folder, merged after
    // the root's, and the message lists every pattern that matches (DvcIgnorePatterns._ignore_details).
    ctx.fs.writeFile('/home/lab/.dvcignore', '*.csv\n!raw_data.csv\n');
    expect((await session('dvc add data/raw_data.csv', ctx)).split('\n')[1]).toBe('');
    ctx.fs.writeFile('/home/lab/data/.dvcignore', 'raw_*\n');
    expect(await session('dvc add data/raw_data.csv', ctx)).toBe("$ dvc add data/raw_data.csv\nERROR: Path '/home/lab/data/raw_data.csv' is ignored by\n.dvcignore:1:*.csv\n.dvcignore:2:!raw_data.csv\ndata/.dvcignore:1:raw_*\n[exit 1]\n");
  });

  it('-q prints nothing, errors included, and dvc status -q answers by its exit status (CmdDataStatus.run)', async () => {
    const ctx = lab(false);
    await runScript('git init\ndvc init', ctx);
    expect(await session('dvc add -q data/raw_data.csv', ctx)).toBe('$ dvc add -q data/raw_data.csv\n');
    expect(await session('dvc -q status', ctx)).toBe('$ dvc -q status\n');
    await runScript('echo more >> data/raw_data.csv', ctx);
    expect(await session('dvc status --quiet', ctx)).toBe('$ dvc status --quiet\n[exit 1]\n');
    expect(await session('dvc -q add data/missing.csv', ctx)).toBe('$ dvc -q add data/missing.csv\n[exit 1]\n');
    expect(await session('dvc -q -v status', ctx)).toBe(
      '$ dvc -q -v status\nusage: dvc [-q | -v] [-h] [-V] [--cd <path>] COMMAND ...\ndvc: error: argument -v/--verbose: not allowed with argument -q/--quiet\n[exit 254]\n',
    );
    // -v is accepted; the lab says that it has no DEBUG lines to add.
    expect(await session('dvc status -v', ctx)).toBe(
      "$ dvc status -v\ndata/raw_data.csv.dvc:\n\tchanged outs:\n\t\tmodified:           data/raw_data.csv\nlab: the lab's dvc prints no DEBUG lines for -v\n",
    );
  });

  it('a folder is not versioned in the lab, and it says so plainly', async () => {
    const ctx = lab(false);
    await runScript('git init\ndvc init\nmkdir data/live', ctx);
    expect(await session('dvc add data/live', ctx)).toBe(
      "$ dvc add data/live\nERROR: the lab's dvc does not version folders (DVC would track 'data/live' as one output with a .dir manifest): add its files one by one, e.g. dvc add data/live/*\n[exit 1]\n",
    );
  });
});

describe('dvc status, remote, push, pull, checkout', () => {
  // dvc/commands/status.py CmdDataStatus._normalize: states padded to STATUS_LEN = 20 ("modified:" and 11 spaces).
  const MODIFIED = '$ dvc status\ndata/raw_data.csv.dvc:\n\tchanged outs:\n\t\tmodified:           data/raw_data.csv\n';

  it('follows the data through an edit, a push, a loss and a pull', async () => {
    const ctx = lab(false);
    await runScript('git init\ndvc init', ctx);
    // dvc/commands/status.py EMPTY_PROJECT_MSG, the link as format_link draws it.
    expect(await session('dvc status', ctx)).toBe('$ dvc status\nThere are no data or pipelines tracked in this project yet.\nSee <https://dvc.org/doc/start> to get started!\n');
    await runScript('dvc add data/raw_data.csv', ctx);
    expect(await session('dvc status', ctx)).toBe('$ dvc status\nData and pipelines are up to date.\n');
    await runScript('echo extra >> data/raw_data.csv', ctx);
    expect(await session('dvc status', ctx)).toBe(MODIFIED);
    // The edit is in no cache: dvc/repo/checkout.py _check_can_delete refuses (a plain
    // DvcException: exit 255 from dvc/cli/__init__.py), paths joined to the repo root.
    expect(await session('dvc checkout', ctx)).toBe(
      "$ dvc checkout\nERROR: Can't remove the following unsaved files without confirmation. Use `--force` to force.\n/home/lab/data/raw_data.csv\n[exit 255]\n",
    );
    expect(read(ctx, 'data/raw_data.csv')).toBe('fooextra\n');
    expect(await session('dvc checkout --force', ctx)).toBe('$ dvc checkout --force\nM\tdata/raw_data.csv\n');
    expect(read(ctx, 'data/raw_data.csv')).toBe('foo');

    expect(await session('dvc push', ctx)).toBe(
      // dvc/data_cloud.py NoRemoteError (a ConfigError: "config file error: "), after dvc/commands/data_sync.py's prefix.
      "$ dvc push\nERROR: failed to push data to the cloud - config file error: no remote specified in Repo: '/home/lab'. Create a default remote with\n    dvc remote add -d <remote name> <remote url>\n[exit 1]\n",
    );
    expect(await session('dvc remote add -d storage /tmp/dvc-storage', ctx)).toBe("$ dvc remote add -d storage /tmp/dvc-storage\nSetting 'storage' as a default remote.\n");
    expect(read(ctx, '.dvc/config')).toBe('[core]\n    remote = storage\n[\'remote "storage"\']\n    url = /tmp/dvc-storage\n');
    expect(await session('dvc push', ctx)).toBe('$ dvc push\n1 file pushed\n');
    expect(await session('dvc push', ctx)).toBe('$ dvc push\nEverything is up to date.\n');

    await runScript('rm data/raw_data.csv', ctx);
    expect(await session('dvc status', ctx)).toBe('$ dvc status\ndata/raw_data.csv.dvc:\n\tchanged outs:\n\t\tdeleted:            data/raw_data.csv\n');
    // dvc/output.py status(): a missing cache entry is reported before the workspace.
    await runScript('rm -r .dvc/cache', ctx);
    expect(await session('dvc status', ctx)).toBe('$ dvc status\ndata/raw_data.csv.dvc:\n\tchanged outs:\n\t\tnot in cache:       data/raw_data.csv\n');
    // dvc/exceptions.py CheckoutError, with error_link("missing-files").
    expect(await session('dvc checkout', ctx)).toBe(
      '$ dvc checkout\nERROR: Checkout failed for following targets:\ndata/raw_data.csv\nIs your cache up to date?\n<https://error.dvc.org/missing-files>\n[exit 255]\n',
    );
    expect(await session('dvc pull', ctx)).toBe('$ dvc pull\nA\tdata/raw_data.csv\n1 file added and 1 file fetched\n');
    expect(read(ctx, 'data/raw_data.csv')).toBe('foo');
  });

  it('the lesson\'s story: an old .dvc file from git, then dvc checkout brings that data back', async () => {
    const ctx = lab(false);
    await runScript('git init\ndvc init\ndvc add data/raw_data.csv\ngit add .\ngit commit -m "Version 1.0 dataset"', ctx);
    const v1 = read(ctx, 'data/raw_data.csv.dvc');
    await runScript('echo -n "foo,bar" > data/raw_data.csv\ndvc add data/raw_data.csv\ngit add data/raw_data.csv.dvc\ngit commit -m "Version 2.0 dataset"', ctx);
    // The lab's git brings back the old pointer, as real git does (differential suite).
    expect(await session('git checkout HEAD~1 -- data/raw_data.csv.dvc', ctx)).toBe('$ git checkout HEAD~1 -- data/raw_data.csv.dvc\n');
    expect(read(ctx, 'data/raw_data.csv.dvc')).toBe(v1);
    expect(await session('dvc status', ctx)).toBe(MODIFIED);
    // The workspace holds version 2, which is in the cache: nothing is lost, so no --force is needed.
    // dvc/commands/checkout.py log_changes: "M", a tab, the path relative to the current folder.
    expect(await session('dvc checkout', ctx)).toBe('$ dvc checkout\nM\tdata/raw_data.csv\n');
    expect(read(ctx, 'data/raw_data.csv')).toBe('foo');
    expect(await session('dvc checkout\ndvc status', ctx)).toBe('$ dvc checkout\n$ dvc status\nData and pipelines are up to date.\n');
    // And back to version 2, from the data folder.
    expect(await session('cd data\ngit checkout HEAD -- raw_data.csv.dvc', ctx)).toBe('$ cd data\n$ git checkout HEAD -- raw_data.csv.dvc\n');
    expect(read(ctx, 'data/raw_data.csv.dvc')).toBe(dvcFileText(md5(new TextEncoder().encode('foo,bar')), 7, 'raw_data.csv'));
    ctx.cwd = '/home/lab';
    expect(await session('cd data\ndvc checkout raw_data.csv.dvc', ctx)).toBe('$ cd data\n$ dvc checkout raw_data.csv.dvc\nM\traw_data.csv\n');
    expect(read(ctx, 'data/raw_data.csv')).toBe('foo,bar');
  });

  it('dvc pull keeps an unsaved edit too, unless --force (its checkout; "failed to pull" prefix, exit 1)', async () => {
    const ctx = lab(false);
    await runScript('git init\ndvc init\ndvc add data/raw_data.csv\ndvc remote add -d storage /tmp/store\ndvc push\necho edit > data/raw_data.csv', ctx);
    expect(await session('dvc pull', ctx)).toBe(
      "$ dvc pull\nERROR: failed to pull data from the cloud - Can't remove the following unsaved files without confirmation. Use `--force` to force.\n/home/lab/data/raw_data.csv\n[exit 1]\n",
    );
    expect(await session('dvc pull --force', ctx)).toBe('$ dvc pull --force\nM\tdata/raw_data.csv\n1 file modified\n');
    expect(read(ctx, 'data/raw_data.csv')).toBe('foo');
  });

  it('paths in hints and status are relative to the current folder', async () => {
    const ctx = lab(false);
    await runScript('git init\ndvc init\ncd data', ctx);
    expect(await session('dvc add raw_data.csv', ctx)).toBe(
      '$ dvc add raw_data.csv\n\nTo track the changes with git, run:\n\n\tgit add .gitignore raw_data.csv.dvc\n\nTo enable auto staging, run:\n\n\tdvc config core.autostage true\n',
    );
    await runScript('echo more >> raw_data.csv', ctx);
    expect(await session('dvc status', ctx)).toBe('$ dvc status\nraw_data.csv.dvc:\n\tchanged outs:\n\t\tmodified:           raw_data.csv\n');
  });

  it('dvc config sets, reads and unsets core.autostage and core.remote in DVC\'s INI format', async () => {
    const ctx = lab(false);
    await runScript('git init\ndvc init', ctx);
    // dvc/commands/config.py: an option set nowhere reads as nothing, exit 0.
    expect(await session('dvc config core.autostage', ctx)).toBe('$ dvc config core.autostage\n');
    expect(await session('dvc config core.autostage true\ndvc config core.autostage', ctx)).toBe('$ dvc config core.autostage true\n$ dvc config core.autostage\ntrue\n');
    expect(read(ctx, '.dvc/config')).toBe('[core]\n    autostage = true\n');
    await runScript('dvc remote add storage /tmp/store\ndvc config core.remote storage', ctx);
    expect(read(ctx, '.dvc/config')).toBe('[core]\n    autostage = true\n    remote = storage\n[\'remote "storage"\']\n    url = /tmp/store\n');
    expect(await session('dvc config -l', ctx)).toBe('$ dvc config -l\ncore.autostage=true\ncore.remote=storage\nremote.storage.url=/tmp/store\n');
    expect(await session('dvc config core.remote nowhere\ndvc push', ctx)).toBe(
      "$ dvc config core.remote nowhere\n$ dvc push\nERROR: failed to push data to the cloud - config file error: remote 'nowhere' doesn't exist\n[exit 1]\n",
    );
    expect(await session('dvc config --unset core.remote', ctx)).toBe('$ dvc config --unset core.remote\n');
    expect(await session('dvc push', ctx)).toBe(
      "$ dvc push\nERROR: failed to push data to the cloud - config file error: no remote specified in Repo: '/home/lab'. Setup default remote with\n    dvc remote default <remote name>\nor use:\n    dvc push -r <remote name>\n[exit 1]\n",
    );
    // What that message suggests works here (dvc/commands/remote.py CmdRemoteDefault).
    expect(await session('dvc push -r storage', ctx)).toBe('$ dvc push -r storage\nEverything is up to date.\n');
    expect(await session('dvc remote default', ctx)).toBe('$ dvc remote default\nNo default remote set\n[exit 1]\n');
    expect(await session('dvc remote default storage\ndvc remote default', ctx)).toBe('$ dvc remote default storage\n$ dvc remote default\nstorage\n');
    expect(await session('dvc remote default -u\ndvc config core.remote', ctx)).toBe('$ dvc remote default -u\n$ dvc config core.remote\n');
    // ConfigError: "configuration error" and exit 251 (dvc/cli/__init__.py), _check's wording.
    expect(await session('dvc config --unset core.remote', ctx)).toBe(
      "$ dvc config --unset core.remote\nERROR: configuration error - config file error: option 'remote' doesn't exist in section 'core'\n[exit 251]\n",
    );
    expect(await session('dvc config remote.backup.url /tmp/b', ctx)).toBe(
      "$ dvc config remote.backup.url /tmp/b\nERROR: configuration error - config file error: remote 'backup' doesn't exist\n[exit 251]\n",
    );
    expect(await session('dvc config core.analytics false', ctx)).toBe(
      "$ dvc config core.analytics false\nERROR: the lab's dvc config supports core.autostage, core.remote and remote.<name>.url, not 'core.analytics'\n[exit 1]\n",
    );
  });

  it('with core.autostage on, dvc add stages its files in git and prints no hint', async () => {
    const ctx = lab(false);
    await runScript('git init\ndvc init\ndvc config core.autostage true', ctx);
    // .dvc/config was staged by dvc init and changed since: AM, as real git shows it.
    expect(await session('dvc add data/raw_data.csv', ctx)).toBe('$ dvc add data/raw_data.csv\n');
    expect(await session('git status -s', ctx)).toBe(
      '$ git status -s\nA  .dvc/.gitignore\nAM .dvc/config\nA  .dvcignore\nA  data/.gitignore\nA  data/raw_data.csv.dvc\n?? README.md\n',
    );
  });

  it('commands and options the lab lacks say so', async () => {
    const ctx = lab(false);
    await runScript('git init\ndvc init', ctx);
    expect(await session('dvc repro', ctx)).toBe("$ dvc repro\nERROR: the lab's dvc does not support `dvc repro`; it has: init, add, status, config, remote, push, pull, checkout\n[exit 1]\n");
    expect(await session('dvc status --cloud', ctx)).toBe("$ dvc status --cloud\nERROR: the lab's dvc does not support the `--cloud` option of `dvc status`\n[exit 1]\n");
    expect(await session('dvc push data/raw_data.csv.dvc', ctx)).toBe(
      "$ dvc push data/raw_data.csv.dvc\nERROR: the lab's dvc push works on every tracked file and takes no targets (got 'data/raw_data.csv.dvc')\n[exit 1]\n",
    );
    expect(await session('dvc remote modify storage url /x', ctx)).toBe(
      "$ dvc remote modify storage url /x\nERROR: the lab's dvc does not support `dvc remote modify`; it has `dvc remote add [-d] <name> <url>`, `dvc remote default [-u] [<name>]` and `dvc remote list`\n[exit 1]\n",
    );
  });

  it('help and unknown subcommands', async () => {
    const ctx = lab(false);
    expect(await session('dvc --help', ctx)).toMatch(/^\$ dvc --help\nusage: dvc \[-q \| -v\] \[-h\] \[-V\] \[--cd <path>\] COMMAND \.\.\.\n/);
    expect(await session('dvc frobnicate', ctx)).toBe(
      "$ dvc frobnicate\nusage: dvc [-q | -v] [-h] [-V] [--cd <path>] COMMAND ...\ndvc: error: argument COMMAND: invalid choice: 'frobnicate' (the lab's dvc has: 'init', 'add', 'status', 'config', 'remote', 'push', 'pull', 'checkout')\n[exit 254]\n",
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

import { describe, expect, it } from 'vitest';
import { MemoryFs, mkdirp } from '../../../src/lab/shell/fs';
import { md5 } from '../../../src/lab/shell/md5';
import { runScript } from '../../../src/lab/shell/bash';
import type { ShellContext } from '../../../src/lab/shell/shell';

function lab(): ShellContext {
  const fs = new MemoryFs(() => Date.UTC(2026, 10, 27, 9, 30));
  mkdirp(fs, '/home/lab/data');
  fs.writeFile('/home/lab/data/raw_data.csv', 'a,b\n1,2\n3,4\n');
  fs.writeFile('/home/lab/README.md', '# Pump failure\n');
  fs.writeFile('/home/lab/.hidden', 'x');
  return { fs, cwd: '/home/lab', home: '/home/lab', now: () => Date.UTC(2026, 10, 27, 9, 30), programs: {} };
}

/** The transcript as a terminal would show it. */
async function session(script: string, ctx = lab()) {
  const entries = await runScript(script, ctx);
  return entries.map((e) => `$ ${e.line}\n${e.output.map((o) => o.text).join('')}${e.code ? `[exit ${e.code}]\n` : ''}`).join('');
}

describe('running a script like a terminal', () => {
  it('echoes each line, prints output, shows failing statuses and keeps going', async () => {
    expect(await session('pwd\ncat nope.txt\necho still running\nfrobnicate --now')).toBe(
      '$ pwd\n/home/lab\n$ cat nope.txt\ncat: nope.txt: No such file or directory\n[exit 1]\n$ echo still running\nstill running\n$ frobnicate --now\nbash: frobnicate: command not found\n[exit 127]\n',
    );
  });

  it('names that are JavaScript object properties are not commands', async () => {
    expect(await session('constructor')).toBe('$ constructor\nbash: constructor: command not found\n[exit 127]\n');
  });

  it('&&, || and ; decide what runs', async () => {
    expect(await session('cat nope && echo A || echo B; echo C')).toBe('$ cat nope && echo A || echo B; echo C\ncat: nope: No such file or directory\nB\nC\n');
  });

  it('> writes and >> appends', async () => {
    const ctx = lab();
    await runScript('echo one > notes.txt\necho two >> notes.txt', ctx);
    expect(await session('cat notes.txt', ctx)).toBe('$ cat notes.txt\none\ntwo\n');
  });

  it('comment-only lines echo and do nothing', async () => {
    expect(await session('# just a note\nls')).toBe('$ # just a note\n$ ls\nREADME.md  data\n');
  });

  it('ls -a and -l, cd, mkdir -p, globs', async () => {
    expect(await session('ls -a')).toBe('$ ls -a\n.  ..  .hidden  README.md  data\n');
    expect(await session('ls -l data')).toBe('$ ls -l data\ntotal 4\n-rw-r--r-- 1 learner learner 12 Nov 27 09:30 raw_data.csv\n');
    expect(await session('mkdir -p models/v1 && cd models/v1 && pwd\ncd /nowhere')).toBe(
      '$ mkdir -p models/v1 && cd models/v1 && pwd\n/home/lab/models/v1\n$ cd /nowhere\nbash: cd: /nowhere: No such file or directory\n[exit 1]\n',
    );
    expect(await session('echo data/*.csv')).toBe('$ echo data/*.csv\ndata/raw_data.csv\n');
  });

  it('head, tail, cp, mv, rm, touch', async () => {
    const ctx = lab();
    expect(await session('head -n 2 data/raw_data.csv\ntail -1 data/raw_data.csv', ctx)).toBe('$ head -n 2 data/raw_data.csv\na,b\n1,2\n$ tail -1 data/raw_data.csv\n3,4\n');
    await runScript('cp data/raw_data.csv copy.csv\nmv copy.csv moved.csv\ntouch empty.txt\nrm README.md', ctx);
    expect(await session('ls', ctx)).toBe('$ ls\ndata  empty.txt  moved.csv\n');
    expect(await session('rm data', ctx)).toBe("$ rm data\nrm: cannot remove 'data': Is a directory\n[exit 1]\n");
  });

  it('md5sum is the MD5 of the real bytes', async () => {
    expect(md5(new TextEncoder().encode('foo'))).toBe('acbd18db4cc2f85cedef654fccc4a4d8');
    const ctx = lab();
    await runScript('echo -n foo > foo.txt', ctx);
    expect(await session('md5sum foo.txt', ctx)).toBe('$ md5sum foo.txt\nacbd18db4cc2f85cedef654fccc4a4d8  foo.txt\n');
  });

  it('clear empties the transcript so far', async () => {
    const entries = await runScript('echo a\nclear\necho b', lab());
    expect(entries.map((e) => e.line)).toEqual(['clear', 'echo b']);
  });

  // Expected texts below: real bash 5.2 / GNU coreutils 9.1 behaviour for the same lines.
  it('pipes, 2>, 2>&1, >&2 and < route output as bash does', async () => {
    expect(await session('cat data/raw_data.csv | head -n 2 | tail -n 1')).toBe('$ cat data/raw_data.csv | head -n 2 | tail -n 1\n1,2\n');
    expect(await session('cat nope 2>&1 | wc -l')).toBe('$ cat nope 2>&1 | wc -l\n1\n');
    // Without 2>&1 the error reaches the terminal and the pipe carries nothing.
    expect(await session('cat nope | wc -l')).toBe('$ cat nope | wc -l\ncat: nope: No such file or directory\n0\n');
    expect(await session('echo oops >&2 | wc -c')).toBe('$ echo oops >&2 | wc -c\noops\n0\n');
    const ctx = lab();
    expect(await session('cat nope 2> err.txt; cat err.txt', ctx)).toBe('$ cat nope 2> err.txt; cat err.txt\ncat: nope: No such file or directory\n');
    expect(await session('cat nope > all.txt 2>&1; cat all.txt', ctx)).toBe('$ cat nope > all.txt 2>&1; cat all.txt\ncat: nope: No such file or directory\n');
    expect(await session('wc -l < data/raw_data.csv', ctx)).toBe('$ wc -l < data/raw_data.csv\n3\n');
    expect(await session('cat nope 2>/dev/null || echo missing', ctx)).toBe('$ cat nope 2>/dev/null || echo missing\nmissing\n');
  });

  it('a failing redirection skips its command, as bash does', async () => {
    const ctx = lab();
    expect(await session('rm README.md > nowhere/out.txt', ctx)).toBe('$ rm README.md > nowhere/out.txt\nbash: /home/lab/nowhere/out.txt: No such file or directory\n[exit 1]\n');
    expect(ctx.fs.stat('/home/lab/README.md')).not.toBeNull();
  });

  it('~ is the home folder; echo -e reads escapes', async () => {
    const ctx = lab();
    expect(await session('cd data && cat ~/README.md && cd ~/data && pwd', ctx)).toBe('$ cd data && cat ~/README.md && cd ~/data && pwd\n# Pump failure\n/home/lab/data\n');
    expect(await session("echo -e 'a\\tb\\nc' && echo '~'")).toBe("$ echo -e 'a\\tb\\nc' && echo '~'\na\tb\nc\n~\n");
  });

  it('ls writes one name per line into a pipe or a file, as GNU ls does off a terminal', async () => {
    expect(await session('ls | cat\nls | wc -l')).toBe('$ ls | cat\nREADME.md\ndata\n$ ls | wc -l\n2\n');
  });

  it('help is bash\'s: it lists the builtins', async () => {
    const out = await session('help');
    expect(out).toContain('export');
    expect(out).toContain('getopts');
  });
});


describe('one bash session, shown line by line', () => {
  it('variables, functions and the folder carry from line to line; each line has its own output and status', async () => {
    expect(await session('MSG="v 1"\nshow() { echo "[$MSG] $(pwd)"; }\ncd data\nshow\ncat nope.txt; echo $?\necho $?')).toBe(
      '$ MSG="v 1"\n$ show() { echo "[$MSG] $(pwd)"; }\n$ cd data\n$ show\n[v 1] /home/lab/data\n$ cat nope.txt; echo $?\ncat: nope.txt: No such file or directory\n1\n$ echo $?\n0\n',
    );
  });

  it('a construct over several lines is one entry; a here-document keeps its body', async () => {
    const entries = await runScript('for v in 1 2\ndo\n  echo "v$v"\ndone\ncat <<EOF\nbody $HOME\nEOF\n# done', lab());
    expect(entries.map((e) => e.line)).toEqual(['for v in 1 2\ndo\n  echo "v$v"\ndone', 'cat <<EOF\nbody $HOME\nEOF', '# done']);
    expect(entries.map((e) => e.output.map((o) => o.text).join(''))).toEqual(['v1\nv2\n', 'body /home/lab\n', '']);
  });

  it('a syntax error: the lines before it run, as bash reads a script command by command', async () => {
    const entries = await runScript('echo before\nmkdir -p made\nif true; then echo x', lab());
    expect(entries.map((e) => e.line)).toEqual(['echo before', 'mkdir -p made', 'if true; then echo x']);
    expect(entries[0]!.output).toEqual([{ stream: 'stdout', text: 'before\n' }]);
    expect(entries[2]!.output).toEqual([{ stream: 'stderr', text: 'bash: syntax error: unexpected end of file\n' }]);
    expect(entries[2]!.code).toBe(2);
  });

  it('exit ends the session: the lines after it do not run', async () => {
    expect(await session('echo one\nexit 4\necho never')).toBe('$ echo one\none\n$ exit 4\n[exit 4]\n');
  });

  // (The differential suite cannot show these: real bash prints an EXIT trap's output after the
  // last line's own capture has closed.)
  it("an EXIT trap runs when the script ends, with its variables and functions, on the last line's output", async () => {
    const ctx = lab();
    expect(await session("TMP=scratch.txt; touch $TMP\ncleanup() { rm -f \"$TMP\"; echo \"removed $TMP\"; }\ntrap cleanup EXIT\necho working", ctx)).toBe(
      '$ TMP=scratch.txt; touch $TMP\n$ cleanup() { rm -f "$TMP"; echo "removed $TMP"; }\n$ trap cleanup EXIT\n$ echo working\nworking\nremoved scratch.txt\n',
    );
    expect(ctx.fs.stat('/home/lab/scratch.txt')).toBeNull();
    expect(await session("trap 'echo cleanup' EXIT\nset -e\nfalse\necho never")).toBe("$ trap 'echo cleanup' EXIT\n$ set -e\n$ false\ncleanup\n[exit 1]\n");
    expect(await session("trap 'echo cleanup' EXIT\nexit 3")).toBe("$ trap 'echo cleanup' EXIT\n$ exit 3\ncleanup\n[exit 3]\n");
  });

  it('a trap the lab cannot run says so: in a subshell, on ERR', async () => {
    expect(await session("(trap 'echo done' EXIT; echo in)")).toBe(
      "$ (trap 'echo done' EXIT; echo in)\nin\nbash: trap: the lab's shell runs a trap only in the step's own script, not in a subshell, a pipeline or `bash -c`: put the clean-up as the step's last lines\n",
    );
    expect(await session("trap 'echo failed' ERR")).toBe("$ trap 'echo failed' ERR\nbash: trap: the lab's shell runs no ERR trap\n[exit 1]\n");
  });

  it('what bash has and the lab lacks is named, never "command not found"', async () => {
    expect(await session('curl -s http://example.com')).toBe('$ curl -s http://example.com\nbash: curl: the lab has no network, so it has no curl\n[exit 127]\n');
    expect(await session('vim notes.txt')).toContain("bash: vim: the lab's terminal has no keyboard");
    expect(await session('pip install numpy')).toContain('bash: pip: the lab cannot install packages');
  });

  it("just-bash's tools that would wait for the keyboard say so; piped, they read the pipe", async () => {
    expect(await session('tr a-z A-Z')).toBe(
      "$ tr a-z A-Z\ntr: the lab's shell has no keyboard input: name a file, or pipe text into tr (e.g. cat data/raw_data.csv | tr)\n[exit 1]\n",
    );
    expect(await session("awk '{print $1}'")).toContain("awk: the lab's shell has no keyboard input");
    expect(await session("awk -F, '{print $2}' data/raw_data.csv\necho hi | tr a-z A-Z")).toBe("$ awk -F, '{print $2}' data/raw_data.csv\nb\n2\n4\n$ echo hi | tr a-z A-Z\nHI\n");
  });

  it('a program registered in the map runs over the same files, with its stdin', async () => {
    const ctx = lab();
    ctx.programs = { shout: (args, c, io) => ({ stdout: `${(io?.stdin ?? args.join(' ')).toUpperCase()}|${c.cwd}\n`, stderr: '', code: args.includes('fail') ? 3 : 0 }) };
    expect(await session('shout hi\ncd data && echo piped | shout\nshout fail; echo $?', ctx)).toBe('$ shout hi\nHI|/home/lab\n$ cd data && echo piped | shout\nPIPED\n|/home/lab/data\n$ shout fail; echo $?\nFAIL|/home/lab/data\n3\n');
  });

  it('Stop ends the script at the next command, and says so', async () => {
    const stop = new AbortController();
    const ctx = { ...lab(), signal: stop.signal, programs: { halt: () => (stop.abort(), { stdout: 'halting\n', stderr: '', code: 0 }) } };
    const entries = await runScript('echo a\nhalt\necho never', ctx);
    expect(entries.map((e) => e.line)).toEqual(['echo a', 'halt']);
    expect(entries.at(-1)!.output.map((o) => o.text).join('')).toBe('The script was stopped.\n');
  });
});

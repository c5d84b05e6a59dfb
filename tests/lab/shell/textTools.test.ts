// The lab's text tools and pipes against the real ones. Every expected text
// below is real output of GNU coreutils 9.1, GNU grep 3.8 and bash 5.2 (Debian,
// LC_ALL=C.UTF-8) for the same files, captured with `bash -c '<command>'`:
// [command, stdout, stderr, exit status].
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryFs, mkdirp } from '../../../src/lab/shell/fs';
import { runScript } from '../../../src/lab/shell/bash';
import type { ShellContext } from '../../../src/lab/shell/shell';

function lab(): ShellContext {
  const fs = new MemoryFs(() => Date.UTC(2026, 10, 27, 9, 30));
  mkdirp(fs, '/home/lab/data');
  fs.writeFile('/home/lab/data/raw_data.csv', 'temperature,vibration,failure\n70.1,0.3,0\n85.5,0.9,1\n70.1,0.3,0\n9.5,0.2,0\n101.2,1.1,1\n');
  fs.writeFile('/home/lab/s.txt', 'b\na\nB\n10\n9\n-1\n a\nb\n\n1.5\n');
  fs.writeFile('/home/lab/u.txt', 'a\na\nb\na\nc\nc\nc');
  fs.writeFile('/home/lab/f', 'a b\nc\n');
  fs.writeFile('/home/lab/README.md', '# Pump failure\n');
  return { fs, cwd: '/home/lab', home: '/home/lab', now: () => Date.UTC(2026, 10, 27, 9, 30), programs: {} };
}

async function run(line: string, ctx = lab()) {
  const [entry] = await runScript(line, ctx);
  const of = (stream: string) => entry!.output.filter((o) => o.stream === stream).map((o) => o.text).join('');
  return [of('stdout'), of('stderr'), entry!.code];
}

const GNU: [string, string, string, number][] = [
  ["head -n", "", "head: option requires an argument -- 'n'\nTry 'head --help' for more information.\n", 1],
  ["wc -l data/raw_data.csv", "6 data/raw_data.csv\n", "", 0],
  ["wc data/raw_data.csv", " 6  6 85 data/raw_data.csv\n", "", 0],
  ["wc -w data/raw_data.csv f", " 6 data/raw_data.csv\n 3 f\n 9 total\n", "", 0],
  ["wc -l data/raw_data.csv f nope", " 6 data/raw_data.csv\n 2 f\n 8 total\n", "wc: nope: No such file or directory\n", 1],
  ["wc -lc f", "2 6 f\n", "", 0],
  ["head -n 3 data/raw_data.csv | wc -l", "3\n", "", 0],
  ["head -n 3 data/raw_data.csv | wc", "      3       3      52\n", "", 0],
  ["cat f | wc -lw", "      2       3\n", "", 0],
  ["wc < data/raw_data.csv", " 6  6 85\n", "", 0],
  ["wc -c < f", "6\n", "", 0],
  ["head -n1 data/raw_data.csv f", "==> data/raw_data.csv <==\ntemperature,vibration,failure\n\n==> f <==\na b\n", "", 0],
  ["head nope", "", "head: cannot open 'nope' for reading: No such file or directory\n", 1],
  ["head -n abc data/raw_data.csv", "", "head: invalid number of lines: ‘abc’\n", 1],
  ["head -n -3 data/raw_data.csv", "temperature,vibration,failure\n70.1,0.3,0\n85.5,0.9,1\n", "", 0],
  ["tail -n +5 data/raw_data.csv", "9.5,0.2,0\n101.2,1.1,1\n", "", 0],
  ["tail -3 data/raw_data.csv", "70.1,0.3,0\n9.5,0.2,0\n101.2,1.1,1\n", "", 0],
  ["head -c 10 data/raw_data.csv", "temperatur", "", 0],
  ["tail -c 6 data/raw_data.csv", "1.1,1\n", "", 0],
  ["tail -n 2 u.txt", "c\nc", "", 0],
  ["cat -n f", "     1\ta b\n     2\tc\n", "", 0],
  ["cat nope f", "a b\nc\n", "cat: nope: No such file or directory\n", 1],
  ["grep 70 data/raw_data.csv", "70.1,0.3,0\n70.1,0.3,0\n", "", 0],
  ["grep -c 70 data/raw_data.csv", "2\n", "", 0],
  ["grep -n ',1$' data/raw_data.csv", "3:85.5,0.9,1\n6:101.2,1.1,1\n", "", 0],
  ["grep -v 0 data/raw_data.csv", "temperature,vibration,failure\n", "", 0],
  ["grep -i TEMP data/raw_data.csv", "temperature,vibration,failure\n", "", 0],
  ["grep -o '[0-9]*\\.[0-9]' data/raw_data.csv", "70.1\n0.3\n85.5\n0.9\n70.1\n0.3\n9.5\n0.2\n101.2\n1.1\n", "", 0],
  ["grep -E '^(70|85)' data/raw_data.csv", "70.1,0.3,0\n85.5,0.9,1\n70.1,0.3,0\n", "", 0],
  ["grep '^\\(70\\|85\\)' data/raw_data.csv", "70.1,0.3,0\n85.5,0.9,1\n70.1,0.3,0\n", "", 0],
  ["grep -w 1 data/raw_data.csv", "70.1,0.3,0\n85.5,0.9,1\n70.1,0.3,0\n101.2,1.1,1\n", "", 0],
  ["grep zzz data/raw_data.csv", "", "", 1],
  ["grep 70 data/raw_data.csv nope", "data/raw_data.csv:70.1,0.3,0\ndata/raw_data.csv:70.1,0.3,0\n", "grep: nope: No such file or directory\n", 2],
  ["grep -c 70 data/raw_data.csv f", "data/raw_data.csv:2\nf:0\n", "", 0],
  ["grep", "", "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2],
  ["grep 'a\\{2\\}' data/raw_data.csv", "", "", 1],
  ["grep -E 'a{2}|9.5' data/raw_data.csv", "9.5,0.2,0\n", "", 0],
  ["grep '(' data/raw_data.csv", "", "", 1],
  ["grep '[[:digit:]]\\+,1$' data/raw_data.csv", "85.5,0.9,1\n101.2,1.1,1\n", "", 0],
  ["grep -on '0\\.[0-9]' data/raw_data.csv", "2:0.1\n2:0.3\n3:0.9\n4:0.1\n4:0.3\n5:0.2\n", "", 0],
  ["grep -oi 'T' data/raw_data.csv", "t\nt\nt\n", "", 0],
  ["grep 'a+' data/raw_data.csv", "", "", 1],
  ["grep -E 'a+' data/raw_data.csv", "temperature,vibration,failure\n", "", 0],
  ["grep -x '9.5,0.2,0' data/raw_data.csv", "9.5,0.2,0\n", "", 0],
  ["grep -l 70 data/raw_data.csv f", "data/raw_data.csv\n", "", 0],
  ["grep '\\<70' data/raw_data.csv", "70.1,0.3,0\n70.1,0.3,0\n", "", 0],
  ["grep -e 9.5 -e 85 data/raw_data.csv", "85.5,0.9,1\n9.5,0.2,0\n", "", 0],
  ["grep -ivc temp data/raw_data.csv", "5\n", "", 0],
  ["cat data/raw_data.csv | grep -c ',0$'", "3\n", "", 0],
  ["sort s.txt", "\n a\n-1\n1.5\n10\n9\nB\na\nb\nb\n", "", 0],
  ["sort -r s.txt", "b\nb\na\nB\n9\n10\n1.5\n-1\n a\n\n", "", 0],
  ["sort -n s.txt", "-1\n\n a\nB\na\nb\nb\n1.5\n9\n10\n", "", 0],
  ["sort -nr s.txt", "10\n9\n1.5\nb\nb\na\nB\n a\n\n-1\n", "", 0],
  ["sort -u s.txt", "\n a\n-1\n1.5\n10\n9\nB\na\nb\n", "", 0],
  ["sort -t, -k2 data/raw_data.csv", "9.5,0.2,0\n70.1,0.3,0\n70.1,0.3,0\n85.5,0.9,1\n101.2,1.1,1\ntemperature,vibration,failure\n", "", 0],
  ["sort -t, -k1,1n data/raw_data.csv", "temperature,vibration,failure\n9.5,0.2,0\n70.1,0.3,0\n70.1,0.3,0\n85.5,0.9,1\n101.2,1.1,1\n", "", 0],
  ["sort -t, -k1 -n data/raw_data.csv", "temperature,vibration,failure\n9.5,0.2,0\n70.1,0.3,0\n70.1,0.3,0\n85.5,0.9,1\n101.2,1.1,1\n", "", 0],
  ["sort -t, -k3,3 -k1,1nr data/raw_data.csv", "70.1,0.3,0\n70.1,0.3,0\n9.5,0.2,0\n101.2,1.1,1\n85.5,0.9,1\ntemperature,vibration,failure\n", "", 0],
  ["sort -t, -k1,1n -u data/raw_data.csv", "temperature,vibration,failure\n9.5,0.2,0\n70.1,0.3,0\n85.5,0.9,1\n101.2,1.1,1\n", "", 0],
  ["sort -t, -k3,3 -u data/raw_data.csv", "70.1,0.3,0\n85.5,0.9,1\ntemperature,vibration,failure\n", "", 0],
  ["sort -k2 f", "c\na b\n", "", 0],
  ["uniq u.txt", "a\nb\na\nc\n", "", 0],
  ["uniq -c u.txt", "      2 a\n      1 b\n      1 a\n      3 c\n", "", 0],
  ["uniq -d u.txt", "a\nc\n", "", 0],
  ["uniq -u u.txt", "b\na\n", "", 0],
  ["uniq -cd u.txt", "      2 a\n      3 c\n", "", 0],
  ["sort u.txt | uniq -c", "      3 a\n      1 b\n      3 c\n", "", 0],
  ["cut -d, -f3 data/raw_data.csv | sort | uniq -c", "      3 0\n      2 1\n      1 failure\n", "", 0],
  ["cut -d, -f1 data/raw_data.csv", "temperature\n70.1\n85.5\n70.1\n9.5\n101.2\n", "", 0],
  ["cut -d, -f1,3 data/raw_data.csv", "temperature,failure\n70.1,0\n85.5,1\n70.1,0\n9.5,0\n101.2,1\n", "", 0],
  ["cut -d, -f2- data/raw_data.csv", "vibration,failure\n0.3,0\n0.9,1\n0.3,0\n0.2,0\n1.1,1\n", "", 0],
  ["cut -c1-4 data/raw_data.csv", "temp\n70.1\n85.5\n70.1\n9.5,\n101.\n", "", 0],
  ["cut -c-3,6 data/raw_data.csv", "temr\n70.0\n85.0\n70.0\n9.5.\n101,\n", "", 0],
  ["cut -f1 data/raw_data.csv", "temperature,vibration,failure\n70.1,0.3,0\n85.5,0.9,1\n70.1,0.3,0\n9.5,0.2,0\n101.2,1.1,1\n", "", 0],
  ["cut -d, data/raw_data.csv", "", "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", 1],
  ["cut -d, -f0 data/raw_data.csv", "", "cut: fields are numbered from 1\nTry 'cut --help' for more information.\n", 1],
  ["cut -d ab -f1 data/raw_data.csv", "", "cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n", 1],
  ["cut -d, -f3,1 data/raw_data.csv", "temperature,failure\n70.1,0\n85.5,1\n70.1,0\n9.5,0\n101.2,1\n", "", 0],
  ["cut -d' ' -f2 f", "b\nc\n", "", 0],
  ["tail -n +2 data/raw_data.csv | cut -d, -f1 | sort -n | head -n 1", "9.5\n", "", 0],
  ["echo -e 'a\\tb\\nc'", "a\tb\nc\n", "", 0],
  ["echo -e 'x\\\\y \\x41\\0101 q\\cZZ'", "x\\y AA q", "", 0],
  ["echo -n -e 'a\\n'", "a\n", "", 0],
  ["echo -ne 'a\\n'", "a\n", "", 0],
  ["echo -x hi", "-x hi\n", "", 0],
  ["echo -e", "\n", "", 0],
  ["md5sum < f", "fdd10b3cb73391a9fc37eae64dac9702  -\n", "", 0],
  ["cat f | md5sum", "fdd10b3cb73391a9fc37eae64dac9702  -\n", "", 0],
  ["ls data | wc -l", "1\n", "", 0],
  ["cat ~/README.md", "# Pump failure\n", "", 0],
  ["cd ~/data && ls", "raw_data.csv\n", "", 0],
  ["ls nope 2> err.txt; cat err.txt", "ls: cannot access 'nope': No such file or directory\n", "", 0],
  ["ls nope > out.txt 2>&1; cat out.txt", "ls: cannot access 'nope': No such file or directory\n", "", 0],
  ["ls nope 2>&1 | wc -l", "1\n", "", 0],
  ["echo oops >&2 | wc -c", "0\n", "oops\n", 0],
  ["sort < s.txt | head -n 3", "\n a\n-1\n", "", 0],
  ["echo a; echo b | cat", "a\nb\n", "", 0],
  ["cat data/raw_data.csv | head -n 2 | tail -n 1", "70.1,0.3,0\n", "", 0],
  ["grep -E '(' f", "", "grep: Unmatched ( or \\(\n", 2],
  ["grep '[a' f", "", "grep: Unmatched [, [^, [:, [., or [=\n", 2],
  ["grep 'a\\' f", "", "grep: Trailing backslash\n", 2],
  ["grep -E 'a)' f", "", "", 1],
  ["grep 'a\\)' f", "", "grep: Unmatched ) or \\)\n", 2],
  ["grep -E '(a|c))' f", "", "", 1],
  ["grep -c '' u.txt", "7\n", "", 0],
  ["grep -h a f u.txt", "a b\na\na\na\n", "", 0],
  ["grep -w 'a' f u.txt", "f:a b\nu.txt:a\nu.txt:a\nu.txt:a\n", "", 0],
  ["grep -F 'a b' f", "a b\n", "", 0],
  ["grep -q zzz f || echo none", "none\n", "", 0],
  ["echo a,b,c | cut -d, -f2 && echo ok", "b\nok\n", "", 0],
  ["head -n 2 data/raw_data.csv > out.txt; wc -l out.txt", "2 out.txt\n", "", 0],
  ["echo one > out.txt; echo two >> out.txt; sort -r out.txt", "two\none\n", "", 0],
  ["sort data/raw_data.csv | uniq -d", "70.1,0.3,0\n", "", 0],
  ["tail -c +3 f", "b\nc\n", "", 0],
  ["tail -n 0 f", "", "", 0],
  ["cat - f < u.txt", "a\na\nb\na\nc\nc\nca b\nc\n", "", 0],
  ["ls | grep -c t", "3\n", "", 0],
  ["head -c -2 f", "a b\n", "", 0],
];

describe('text tools and pipes match GNU coreutils, grep and bash', () => {
  it.each(GNU)('%s', async (line, stdout, stderr, code) => {
    expect(await run(line)).toEqual([stdout, stderr, code]);
  });
});

describe('what the lab lacks, it names', () => {
  it('options the tools do not have here', async () => {
    expect(await run('wc --files0-from=list f')).toEqual(['', "wc: the lab's wc does not support --files0-from\n", 1]);
    expect(await run('grep -P "\\d" data/raw_data.csv')).toEqual(['', "grep: the lab's grep does not support -P\n", 2]);
    expect(await run('sort -h s.txt')).toEqual(['', "sort: the lab's sort does not support -h\n", 2]);
    expect(await run('ls -R')).toEqual(['', "ls: the lab's ls does not support -R\n", 2]);
    expect(await run('grep --color=always a f')).toEqual(['', "grep: the lab's grep does not support --color\n", 2]);
  });

  it('a terminal with no keyboard: a tool waiting for typed input says so instead of hanging', async () => {
    expect(await run('wc -l')).toEqual(['', "wc: the lab's shell has no keyboard input: name a file, or pipe text into wc (e.g. cat data/raw_data.csv | wc)\n", 1]);
  });

  it('an interactive bash names no line number in its redirection errors', async () => {
    // bash -c prints "bash: line 1: nope: …"; a terminal's bash prints this.
    expect(await run('wc -l < nope')).toEqual(['', 'bash: nope: No such file or directory\n', 1]);
  });

  it('a pipeline runs in subshells: cd inside it changes nothing after', async () => {
    const ctx = lab();
    await runScript('cd data | cat', ctx);
    expect(ctx.cwd).toBe('/home/lab');
  });
});

// The same tools on the lesson's own data, against the GNU tools of the machine
// running the tests (differential, like the git suite); skipped where they are not GNU.
const gnu = (() => {
  try {
    return /GNU coreutils/.test(execFileSync('wc', ['--version'], { encoding: 'utf8' })) && /GNU grep/.test(execFileSync('grep', ['--version'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
})();

describe.skipIf(!gnu)('on the lesson data, the lab prints what GNU tools print', () => {
  const data = readFileSync(join(process.cwd(), 'content/ml-lifecycle/lab/data/raw_data.csv'), 'utf8') // vitest runs from the project root;
  const dir = mkdtempSync(join(tmpdir(), 'lab-gnu-'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data/raw_data.csv'), data);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it.each([
    'wc -l data/raw_data.csv',
    'wc data/raw_data.csv',
    'head data/raw_data.csv | wc',
    'cut -d, -f5 data/raw_data.csv | sort | uniq -c',
    'sort -t, -k1,1nr data/raw_data.csv | head -n 3',
    'sort -t, -k4n -k1r data/raw_data.csv | tail -n 2',
    "grep -c ',1$' data/raw_data.csv",
    "grep -n '^9[0-9]\\.' data/raw_data.csv | head -n 4",
    "grep -Eo '^[0-9]+' data/raw_data.csv | sort -n | uniq -c | sort -nr | head -n 3",
    'tail -n +2 data/raw_data.csv | cut -d, -f4 | sort -n | tail -n 1',
    'cut -c1-5 data/raw_data.csv | sort -u | wc -l',
    'head -c 100 data/raw_data.csv | tail -c 20',
  ])('%s', async (line) => {
    const ctx = lab();
    ctx.fs.writeFile('/home/lab/data/raw_data.csv', data);
    const real = spawnSync('bash', ['-c', line], { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    expect(await run(line, ctx)).toEqual([real.stdout, real.stderr, real.status]);
  });
});

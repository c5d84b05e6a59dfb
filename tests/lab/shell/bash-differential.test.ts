// The lab's shell against real bash 5.2 and GNU coreutils, byte for byte. Every
// sequence of command lines (bash-sequences.ts) runs twice, from the same
// project files at the same absolute path: in real bash (one process for the
// whole sequence, so variables, functions and the folder carry over, as in a
// terminal) and in the lab's shell (one runScript, MemoryFs). Each line's
// stdout, stderr and exit status must be identical.
//
// Real bash runs with LC_ALL=C.UTF-8, TZ=UTC, HOME at the project, USER=learner,
// and PATH=/usr/bin:/bin (Debian's coreutils, grep, sed, findutils, diffutils and
// GNU awk: `.ci/run` installs gawk, as Debian's default awk is mawk). One
// difference is normalised, by design: bash reading a script names the line in
// its own errors (`bash: line 3: foo: command not found`, and `environment: line 1:`
// inside a function `bash -c` defined); the lab is an interactive terminal, where
// bash prints `bash: foo: command not found`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryFs, mkdirp } from '../../../src/lab/shell/fs';
import { runScript } from '../../../src/lab/shell/bash';
import { PROJECT, SEQUENCES } from './bash-sequences';

const realBash = spawnSync('bash', ['--version'], { encoding: 'utf8' });
const gawk = spawnSync('awk', ['--version'], { encoding: 'utf8' });
const READY = realBash.status === 0 && /GNU bash, version 5\./.test(realBash.stdout) && gawk.status === 0 && /GNU Awk/.test(gawk.stdout);

/**
 * Where the lab cannot print what bash and GNU print, by sequence name, with
 * the reason. These must still differ (a fix that makes one match should take
 * it off this list), and the lab's output must say plainly what it lacks where
 * the difference is a missing feature.
 */
export const KNOWN: Record<string, string> = {
  'division by zero in $( ), ( ) or unheard ends only them':
    "the lab learns of a division by zero from its message reaching the command line's terminal, and then drops the rest of the line: one inside a `$( … )` or `( … )` (where bash ends only that subshell) drops it too, and one whose message went elsewhere (`2>/dev/null`) drops nothing; just-bash ends only the innermost compound command, with no trace the lab can read",
  'cmp and bc are named as missing': 'the lab has neither cmp nor bc (Debian has both): each says so by name, with what to use instead (status 127)',
  'trap ERR is said by name': "the lab's shell runs no ERR trap and says so (`bash: trap: the lab's shell runs no ERR trap`, status 1), where bash runs it after each failing command",
  'stderr merged into stdout inside a function': "just-bash gathers a function's (or group's) stdout and stderr apart and joins them at its `2>&1`, stdout first, where bash writes each as it comes: the same text, in another order (the lab's terminal shows each command line's stdout and stderr apart anyway)",
  'trap on EXIT': "real bash prints an EXIT trap's output at the shell's exit, after the suite's capture of the last line has closed (so the suite never sees it); the lab shows it on the last line, as a terminal does (shell.test.ts checks it)",
  'trap in a subshell and trap -p': "the lab runs a trap only in the step's own script: in `( … )` it says so by name, where bash runs the subshell's EXIT trap; and the script's EXIT trap output, as in 'trap on EXIT'",
  sha256sum: "jsdom only: just-bash's sha256sum hands Web Crypto a typed array of jsdom's realm, which Node's crypto.subtle refuses; in Node and in the browser's worker (one realm) it prints GNU's line (checked by hand in Node)",
};

interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

const root = READY ? mkdtempSync(join(realpathSync(tmpdir()), 'lab-bash-diff-')) : '';
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
}, 60_000);

function layOut(dir: string) {
  for (const [path, text] of Object.entries(PROJECT)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Real bash: one process, each line's output and status caught in files; a line that ended the shell has the process's status. */
async function runReal(dir: string, lines: string[]): Promise<Outcome[]> {
  const out = join(dir, '..', 'out');
  mkdirSync(out, { recursive: true });
  const script = lines
    .map((line, i) => `{ ${line}\n} >'${out}/${i}.out' 2>'${out}/${i}.err'\n__rc=$?; echo $__rc >'${out}/${i}.rc'; : >'${out}/${i + 1}.started'; (exit $__rc) && :\n`)
    .join('');
  writeFileSync(join(out, '0.started'), '');
  const env = { PATH: '/usr/bin:/bin', HOME: dir, USER: 'learner', LOGNAME: 'learner', LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', TZ: 'UTC', TERM: 'dumb' };
  const status = await new Promise<number>((resolve, reject) => {
    const child = spawn('bash', ['--norc', '--noprofile', '-c', script], { cwd: dir, env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 0));
  });
  const outcomes: Outcome[] = [];
  for (const i of lines.keys()) {
    if (!existsSync(join(out, `${i}.started`))) break;
    const rc = join(out, `${i}.rc`);
    const read = (ext: string) => (existsSync(join(out, `${i}.${ext}`)) ? readFileSync(join(out, `${i}.${ext}`), 'utf8') : '');
    outcomes.push({ stdout: read('out'), stderr: read('err').replace(/^(bash|environment): line \d+: /gm, 'bash: '), code: existsSync(rc) ? Number(readFileSync(rc, 'utf8')) : status });
  }
  return outcomes;
}

async function runLab(dir: string, lines: string[]): Promise<Outcome[]> {
  const fs = new MemoryFs(() => Date.UTC(2026, 10, 27, 9, 30));
  mkdirp(fs, dir);
  for (const [path, text] of Object.entries(PROJECT)) {
    mkdirp(fs, dirname(`${dir}/${path}`));
    fs.writeFile(`${dir}/${path}`, text);
  }
  const entries = await runScript(lines.join('\n'), { fs, cwd: dir, home: dir, now: () => Date.UTC(2026, 10, 27, 9, 30), programs: {}, terminal: false });
  return entries.map((e) => ({
    stdout: e.output.filter((o) => o.stream === 'stdout').map((o) => o.text).join(''),
    stderr: e.output.filter((o) => o.stream === 'stderr').map((o) => o.text).join(''),
    code: e.code,
  }));
}

const show = (lines: string[], outs: Outcome[]) =>
  outs.map((o, i) => `$ ${lines[i]}\n${o.stdout}${o.stderr ? `[stderr]\n${o.stderr}` : ''}${o.code ? `[exit ${o.code}]\n` : ''}`).join('');

if (!READY) {
  describe('bash: the lab against real bash', () => {
    it.skip('skipped: needs GNU bash 5 and GNU awk (apt-get install -y gawk; .ci/run installs it)', () => {});
  });
} else {
  describe(`bash: the lab against real ${realBash.stdout.split('\n')[0]}, byte for byte`, () => {
    it('has enough sequences, each named once', () => {
      expect(SEQUENCES.length).toBeGreaterThanOrEqual(150);
      expect(new Set(SEQUENCES.map((s) => s.name)).size).toBe(SEQUENCES.length);
      for (const name of Object.keys(KNOWN)) expect(SEQUENCES.map((s) => s.name)).toContain(name);
    });
    for (const [index, seq] of SEQUENCES.entries()) {
      it(seq.name, async () => {
        const dir = join(root, `s${index}`, 'project');
        mkdirSync(dir, { recursive: true });
        layOut(dir);
        const [real, lab] = await Promise.all([runReal(dir, seq.lines), runLab(dir, seq.lines)]);
        // BASH_DIFF_DEBUG=1 prints both transcripts of a sequence that differs.
        if (process.env.BASH_DIFF_DEBUG && show(seq.lines, lab) !== show(seq.lines, real)) console.log(`### ${seq.name}\n--- real\n${show(seq.lines, real)}--- lab\n${show(seq.lines, lab)}`);
        if (KNOWN[seq.name]) expect(show(seq.lines, lab), KNOWN[seq.name]).not.toBe(show(seq.lines, real));
        else expect(show(seq.lines, lab)).toBe(show(seq.lines, real));
      }, 60_000);
    }
  });
}

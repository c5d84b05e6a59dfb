// The lab's git against real git, byte for byte. Every sequence of command
// lines runs twice: in real git (bash, in a temporary folder) and in the lab's
// shell (MemoryFs at the same absolute path, so messages naming the folder
// match). Each line's stdout, stderr and exit status must be identical.
//
// Real git runs with settings that make its output deterministic and equal
// to what a learner sees in a terminal, documented here:
// - no system or global config, HOME in a temporary folder;
// - author and committer `Learner <learner@lifecycle.lab>`, dates from a fixed
//   clock that advances 60 s per line (the lab's clock is set the same);
// - init.defaultBranch=main (the lab's branch), core.pager=cat, color.ui=false;
// - log.decorate=short: git decorates `log`/`show` only on a terminal ("auto"),
//   and the lab is a terminal, so the piped real run asks for it explicitly;
// - GIT_EDITOR=false, LANG=C, TZ=UTC, COLUMNS unset (git's 80 columns for --stat).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryFs, mkdirp } from '../../../src/lab/shell/fs';
import { gitProgram } from '../../../src/lab/shell/git';
import { runScript } from '../../../src/lab/shell/bash';
import type { ShellContext } from '../../../src/lab/shell/shell';
import { SEQUENCES } from './git-sequences';

const realGit = spawnSync('git', ['--version'], { encoding: 'utf8' });
const HAS_GIT = realGit.status === 0;

/** 2026-11-27 09:30:00 UTC; line i of a sequence runs at T0 + 60·i seconds. */
const T0 = Date.UTC(2026, 10, 27, 9, 30, 0) / 1000;

const root = HAS_GIT ? mkdtempSync(join(realpathSync(tmpdir()), 'lab-git-diff-')) : '';
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
}, 60_000);

function realEnv(seconds: number): NodeJS.ProcessEnv {
  const date = `@${seconds} +0000`;
  const config: [string, string][] = [
    ['init.defaultBranch', 'main'],
    ['core.pager', 'cat'],
    ['color.ui', 'false'],
    ['log.decorate', 'short'],
  ];
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: join(root, 'home'),
    LANG: 'C',
    LC_ALL: 'C',
    TZ: 'UTC',
    TERM: 'dumb',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_EDITOR: 'false',
    GIT_PAGER: 'cat',
    GIT_AUTHOR_NAME: 'Learner',
    GIT_AUTHOR_EMAIL: 'learner@lifecycle.lab',
    GIT_COMMITTER_NAME: 'Learner',
    GIT_COMMITTER_EMAIL: 'learner@lifecycle.lab',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_CONFIG_COUNT: String(config.length),
  };
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  return env;
}

interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

const show = (line: string, o: Outcome) => `$ ${line}\n${o.stdout}${o.stderr ? `[stderr]\n${o.stderr}` : ''}${o.code ? `[exit ${o.code}]\n` : ''}`;

/**
 * Run the lines in real git: one bash for the whole sequence (so `cd` carries
 * over, as in a terminal), each line's output and status caught in files.
 */
async function runReal(dir: string, lines: string[]): Promise<Outcome[]> {
  const out = join(dir, '..', 'out');
  mkdirSync(out, { recursive: true });
  const script = lines
    .map((line, i) => {
      const date = `@${T0 + 60 * i} +0000`;
      return `export GIT_AUTHOR_DATE='${date}' GIT_COMMITTER_DATE='${date}'\n{ ${line}\n} >'${out}/${i}.out' 2>'${out}/${i}.err'\necho $? >'${out}/${i}.rc'\n`;
    })
    .join('');
  await new Promise<void>((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd: dir, env: realEnv(T0), stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  return lines.map((_, i) => ({
    stdout: readFileSync(join(out, `${i}.out`), 'utf8'),
    stderr: readFileSync(join(out, `${i}.err`), 'utf8'),
    code: Number(readFileSync(join(out, `${i}.rc`), 'utf8')),
  }));
}

async function runLab(dir: string, lines: string[]): Promise<Outcome[]> {
  let clock = T0;
  const fs = new MemoryFs(() => clock * 1000);
  mkdirp(fs, dir);
  const ctx: ShellContext = { fs, cwd: dir, home: dir, now: () => clock * 1000, programs: { git: gitProgram } };
  const out: Outcome[] = [];
  for (const [i, line] of lines.entries()) {
    clock = T0 + 60 * i;
    const [entry] = await runScript(line, ctx);
    const text = (stream: 'stdout' | 'stderr') => (entry?.output ?? []).filter((o) => o.stream === stream).map((o) => o.text).join('');
    out.push({ stdout: text('stdout'), stderr: text('stderr'), code: entry?.code ?? 0 });
  }
  return out;
}

if (!HAS_GIT) {
  describe('git: the lab against real git', () => {
    it.skip('skipped: real git is not installed here (apt-get install -y git; .ci/run installs it)', () => {});
  });
} else {
  describe(`git: the lab against real ${realGit.stdout.trim()}, byte for byte`, () => {
    it('has enough sequences', () => {
      expect(SEQUENCES.length).toBeGreaterThanOrEqual(60);
    });
    for (const [index, seq] of SEQUENCES.entries()) {
      it(seq.name, async () => {
        const dir = join(root, `s${index}`, 'project');
        mkdirSync(dir, { recursive: true });
        // Real git runs in its own process while the lab runs here.
        const [real, lab] = await Promise.all([runReal(dir, seq.lines), runLab(dir, seq.lines)]);
        const transcript = (outs: Outcome[]) => seq.lines.map((line, i) => show(line, outs[i]!)).join('');
        expect(transcript(lab)).toBe(transcript(real));
      }, 120_000); // generous: the machine running the suite may be busy
    }
  });
}


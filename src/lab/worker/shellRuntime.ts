// Running the learner's shell script in the lab: bash (just-bash) with git, DVC
// and python over the same files Python sees, and a summary of the repository for the
// preview's repo explorer and the step's checks.
import type { LabFs } from '../shell/fs';
import { createDockerProgram, type ContainerHost } from '../shell/docker';
import { dvcProgram } from '../shell/dvc';
import { gitProgram } from '../shell/git';
import { stagedOf, summariseRepo, uncommittedOf, type TreeChanges } from '../shell/git/summary';
import { runScript, shellCommands } from '../shell/bash';
import { type Program, type ShellContext, type TranscriptEntry } from '../shell/shell';
import { emptyOutcome } from '../outcome';
import type { OutputChunk, RepoSummary } from '../types';
import type { WireOutcome } from '../protocol';

/**
 * The lab's own commands, by name: each a `Program` (args, ctx, io) run by
 * bash over the same files. A new command is one more entry here (docker is
 * made per run, with what runs a container's program).
 */
export const PROGRAMS: Record<string, Program> = { git: gitProgram, dvc: dvcProgram };

/** Every command a shell step has, and what it lacks (the lab reference). */
export const shellReference = () => shellCommands([...Object.keys(PROGRAMS), 'docker']);

/**
 * What the worker lends the shell: the lab's Python for `python`, the run's
 * Stop, and `containers`, what runs a container's program (the lab's Python;
 * without it docker run only records the container).
 */
export type ShellHooks = Pick<ShellContext, 'python' | 'signal'> & {
  containers?: ContainerHost;
  /** What changed in the project folder since the last summary, once the script has ended: the summary then looks at those paths only (without it, it walks the tree). */
  changed?: () => TreeChanges;
  /** Paths the step's checks ask about: the summary says which differ from the last commit and which are staged (summary.ts uncommittedOf, stagedOf). */
  committedPaths?: string[];
};

export async function runShell(fs: LabFs, home: string, script: string, now: () => number, hooks: ShellHooks = {}): Promise<{ transcript: TranscriptEntry[]; repo: RepoSummary | null }> {
  const { containers, changed, committedPaths = [], ...lent } = hooks;
  const transcript = await runScript(script, { fs, cwd: home, home, now, programs: { ...PROGRAMS, docker: createDockerProgram(containers) }, ...lent });
  const repo = await summariseRepo(fs, home, changed?.() ?? null);
  if (repo && committedPaths.length) {
    repo.uncommitted = await uncommittedOf(fs, home, committedPaths);
    repo.staged = await stagedOf(fs, home, committedPaths);
  }
  return { transcript, repo };
}

/** A transcript as a terminal shows it: `$ line`, the output, `[exit N]` after a failure. */
export function transcriptOutput(transcript: TranscriptEntry[]): OutputChunk[] {
  return transcript.flatMap((entry) => [
    // A construct typed over several lines shows bash's continuation prompt (PS2, `> `) on each.
    { stream: 'stdout' as const, text: `$ ${entry.line.replace(/\n/g, '\n> ')}\n` },
    ...entry.output,
    ...(entry.code !== 0 ? [{ stream: 'stderr' as const, text: `[exit ${entry.code}]\n` }] : []),
  ]);
}

/** The outcome of a shell run, in the shape every run reports. */
export function shellOutcome(shell: Awaited<ReturnType<typeof runShell>>): WireOutcome {
  // The page reads the tracking store from the files the script changed (protocolSchema.ts withTracking).
  const { tracking: _tracking, ...outcome } = emptyOutcome({ shell });
  return outcome;
}

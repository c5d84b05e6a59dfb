// Running the learner's shell script in the lab: the shell, git and DVC over
// the same files Python sees, and a summary of the repository for the
// preview's repo explorer and the step's checks.
import type { LabFs } from '../shell/fs';
import { dvcProgram } from '../shell/dvc';
import { gitProgram } from '../shell/git';
import { summariseRepo } from '../shell/git/summary';
import { runScript, type TranscriptEntry } from '../shell/shell';
import { emptyOutcome } from '../outcome';
import type { OutputChunk, RepoSummary, RunOutcome } from '../types';

export async function runShell(fs: LabFs, home: string, script: string, now: () => number): Promise<{ transcript: TranscriptEntry[]; repo: RepoSummary | null }> {
  const transcript = await runScript(script, { fs, cwd: home, home, now, programs: { git: gitProgram, dvc: dvcProgram } });
  return { transcript, repo: await summariseRepo(fs, home) };
}

/** A transcript as a terminal shows it: `$ line`, the output, `[exit N]` after a failure. */
export function transcriptOutput(transcript: TranscriptEntry[]): OutputChunk[] {
  return transcript.flatMap((entry) => [
    { stream: 'stdout' as const, text: `$ ${entry.line}\n` },
    ...entry.output,
    ...(entry.code !== 0 ? [{ stream: 'stderr' as const, text: `[exit ${entry.code}]\n` }] : []),
  ]);
}

/** The outcome of a shell run, in the shape every run reports. */
export function shellOutcome(shell: Awaited<ReturnType<typeof runShell>>): RunOutcome {
  return emptyOutcome({ shell });
}

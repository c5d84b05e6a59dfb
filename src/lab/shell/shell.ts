// The lab's shell: what its commands share — the context they run in, their
// result, and the transcript a run shows. The shell itself (bash, from
// just-bash) is bash.ts; git, dvc, python and the text tools are commands in it.
import type { LabFs } from './fs';

export interface ShellContext {
  fs: LabFs;
  /** Current folder (absolute): where the script starts, and each command's folder. */
  cwd: string;
  home: string;
  /** The lab's clock, in ms: commit times and `ls -l` dates come from it. */
  now: () => number;
  /** The lab's own commands (git, dvc, …), by name. */
  programs: Record<string, Program>;
  /** Runs `python ARGS…` in the lab's Python over the same files; absent where there is no Python (shell-only tests). */
  python?: (argv: string[], options: PythonOptions) => Promise<CommandResult> | CommandResult;
  /** Stops the script at the next command (the run's Stop or time limit). */
  signal?: AbortSignal;
  /** The transcript is a terminal (default); false: as if each line's output went to a file (ls prints one name per line). */
  terminal?: boolean;
}

/** How `python` was typed: its name (python or python3), the shell's folder, exported variables and piped stdin. */
export interface PythonOptions {
  name: string;
  cwd: string;
  env: Record<string, string>;
  stdin?: string;
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
  /** `clear` empties the transcript. */
  clear?: boolean;
}

/** What a command is connected to. Programs that need none (git, dvc) ignore it. */
export interface Io {
  /** Text piped (`|`) or redirected (`<`) in; undefined means the keyboard, which the lab does not have. */
  stdin?: string;
  /** stdin is a file (`<`), not a pipe: wc pads its counts differently. */
  stdinIsFile?: boolean;
  /** stdout is the terminal, not a pipe or a file: ls prints one name per line otherwise. */
  stdoutIsTerminal?: boolean;
}

export type Program = (args: string[], ctx: ShellContext, io?: Io) => Promise<CommandResult> | CommandResult;

export interface TranscriptEntry {
  /** The line as typed (a construct spanning lines keeps its line breaks), shown after a `$` prompt. */
  line: string;
  output: { stream: 'stdout' | 'stderr'; text: string }[];
  /** Exit status of the line's last command (`$?` after it). */
  code: number;
}

/** A command's success with its output, or its failure with a message and status. */
export const ok = (stdout = ''): CommandResult => ({ stdout, stderr: '', code: 0 });
export const err = (stderr: string, code = 1): CommandResult => ({ stdout: '', stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n`, code });
const decoder = new TextDecoder();
export const text = (data: Uint8Array) => decoder.decode(data);


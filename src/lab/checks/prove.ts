// Proving a lesson (content/README.md, "Proving a lesson"): in lesson order, in
// one lab, every step's starter fails a check, each wrong attempt fails the
// check it names with a message, and the solution passes every check — judged
// on the real outcome of running them, as a learner's run is judged. Pure: the
// lab that runs the attempts is passed in, so the CLI and tests (Pyodide in
// Node, scripts/node-lab.ts) and a Prove button in the page (the lab's worker)
// share the plan and the judging.
import type { CodeFile, Lesson, Step } from '../../content/model';
import type { Check } from '../../content/schema';
import { judgeAll, type CheckVerdict } from './checks';
import type { RunResult, WorldFiles } from '../types';

export type TrialKind = 'starter' | 'wrong' | 'solution';

/** One run of the proof: a step's starter, one of its wrong attempts, or its solution. */
export interface Trial {
  step: Step;
  kind: TrialKind;
  /** The files to run, the step's main file first. */
  files: CodeFile[];
  /** Where the block is written: "content/<lesson>/steps/02-x.md:88". */
  where: string;
  /** A wrong attempt's check (index into step.checks) and mistake. */
  fails?: number;
  mistake?: string;
  /** Put the project back afterwards, so a wrong attempt changes nothing for what follows. */
  restore: boolean;
}

/** What the lab reports for one trial: the run, and the project's files after it. */
export interface TrialRun {
  result: RunResult;
  files: WorldFiles;
}

/** The lab a proof runs in. The CLI's is Pyodide in Node; the page's would be its worker. */
export interface ProvingLab {
  /** Run these files as the step runs a learner's (the first file is the one that runs). */
  run: (step: Step, files: CodeFile[]) => Promise<TrialRun>;
  snapshot: () => Promise<WorldFiles> | WorldFiles;
  restore: (world: WorldFiles) => Promise<void> | void;
}

export interface TrialVerdict {
  trial: Trial;
  ok: boolean;
  verdicts: CheckVerdict[];
  /** Why the trial does not prove the step; "" when it does. */
  problem: string;
  /** What the learner would read: the failing check's message (starter, wrong attempt). */
  detail: string;
}

/** A check no solution can satisfy, found without running anything. */
export interface ProofIssue {
  where: string;
  step: string;
  message: string;
}

export interface LessonProof {
  lesson: string;
  issues: ProofIssue[];
  verdicts: TrialVerdict[];
  ok: boolean;
}

/** The check's sentence as plain text, for messages in a terminal. */
export function checkText(step: Step, index: number): string {
  const html = step.checks[index]?.saysHtml ?? `check ${index + 1}`;
  const text = html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
  return `check ${index + 1} “${text}”`;
}

/** A wrong attempt's files: the solution's, with the attempt's file in place of its namesake. */
function withFile(files: CodeFile[], file: CodeFile): CodeFile[] {
  return files.map((f) => (f.file === file.file ? file : f));
}

/** The trials of one step, in the order they run: starter, each wrong attempt, solution. */
export function planStep(step: Step): Trial[] {
  return [
    { step, kind: 'starter', files: step.starter, where: step.where?.starter ?? step.source, restore: false },
    ...step.wrong.map(
      (w): Trial => ({ step, kind: 'wrong', files: withFile(step.solution, w.file), where: w.where, fails: w.fails, mistake: w.mistake, restore: true }),
    ),
    { step, kind: 'solution', files: step.solution, where: step.where?.solution ?? step.source, restore: false },
  ];
}

/** Judge one trial's run against what it must show. */
export function judgeTrial(trial: Trial, run: TrialRun): TrialVerdict {
  const { step } = trial;
  const verdicts = judgeAll(step.checks, { result: run.result, files: run.files });
  const failing = verdicts.flatMap((v, i) => (v.pass ? [] : [i]));
  const verdict = (problem: string, detail = ''): TrialVerdict => ({ trial, ok: problem === '', verdicts, problem, detail });

  if (trial.kind === 'starter') {
    const first = failing[0];
    if (first === undefined) return verdict('passes every check: it must fail at least one, or the learner has nothing to do');
    return verdict('', `${checkText(step, first)}: ${verdicts[first]!.detail}`);
  }
  if (trial.kind === 'wrong') {
    const index = trial.fails ?? -1;
    const v = verdicts[index];
    if (!v) return verdict(`names check ${index + 1}, which the step does not have`);
    if (v.pass) return verdict(`passes ${checkText(step, index)}: it must fail it`);
    if (!v.detail.trim()) return verdict(`fails ${checkText(step, index)} with an empty message: the learner would not learn why`);
    return verdict('', `${checkText(step, index)}: ${v.detail}`);
  }
  const problems = failing.map((i) => {
    const at = step.where?.checks[i];
    return `fails ${checkText(step, i)}${at ? ` (${at})` : ''}: ${verdicts[i]!.detail}`;
  });
  const error = run.result.outcome.error;
  if (error) problems.push(`raises ${error.type}: ${error.message}`);
  return verdict(problems.join('; '));
}

/** Run one step's trials in the lab, in order, putting the project back after each wrong attempt. */
export async function proveStep(step: Step, lab: ProvingLab, onVerdict?: (v: TrialVerdict) => void): Promise<TrialVerdict[]> {
  const out: TrialVerdict[] = [];
  for (const trial of planStep(step)) {
    const before = trial.restore ? await lab.snapshot() : undefined;
    let v: TrialVerdict;
    try {
      v = judgeTrial(trial, await lab.run(step, trial.files));
    } catch (error) {
      // The lab itself failed (not the learner's code): that trial proves nothing.
      v = { trial, ok: false, verdicts: [], problem: `the lab could not run it: ${error instanceof Error ? error.message : String(error)}`, detail: '' };
    }
    if (before) await lab.restore(before);
    out.push(v);
    onVerdict?.(v);
  }
  return out;
}

/** Prove every step of a lesson in one lab, after the checks no solution can satisfy. */
export async function proveLesson(
  lesson: Lesson,
  lab: ProvingLab,
  on: { issue?: (i: ProofIssue) => void; verdict?: (v: TrialVerdict) => void } = {},
): Promise<LessonProof> {
  const issues = unsatisfiableChecks(lesson, Object.keys(await lab.snapshot()));
  issues.forEach((i) => on.issue?.(i));
  const verdicts: TrialVerdict[] = [];
  for (const step of lesson.steps) verdicts.push(...(await proveStep(step, lab, on.verdict)));
  return { lesson: lesson.id, issues, verdicts, ok: issues.length === 0 && verdicts.every((v) => v.ok) };
}

/** Kinds judged on what a Python run recorded: a shell step never satisfies them. */
const PYTHON_ONLY = new Set<Check['kind']>(['variable', 'training-loss', 'mlflow-param', 'mlflow-metric', 'mlflow-model', 'http', 'drift-detected', 'retrained', 'assert']);
/** Kinds judged on the repository after shell commands: a Python step never satisfies them. */
const SHELL_ONLY = new Set<Check['kind']>(['git-committed', 'git-not-committed']);

/** The file a check needs to exist, if any. */
function neededFile(check: Check): string | undefined {
  if (check.kind === 'file-exists' || check.kind === 'dvc-tracked' || check.kind === 'git-committed') return check.path;
  if (check.kind === 'dockerfile') return 'Dockerfile';
  return undefined;
}

/**
 * Checks that no solution can satisfy, found by reading the lesson: a check of
 * a kind the step's runtime never records, or one that needs a file that is not
 * in the start project, is no solution file of this or an earlier step, and is
 * not named in any such solution's code (which could create it).
 */
export function unsatisfiableChecks(lesson: Lesson, startFiles: string[]): ProofIssue[] {
  const issues: ProofIssue[] = [];
  const known = new Set(startFiles);
  const code: string[] = [];
  for (const step of lesson.steps) {
    for (const f of step.solution) {
      known.add(f.file);
      code.push(f.code);
    }
    step.checks.forEach((c, i) => {
      const where = step.where?.checks[i] ?? step.source;
      const say = (message: string) => issues.push({ where, step: step.slug, message: `${checkText(step, i)} ${message}` });
      const kind = c.expect.kind;
      if (step.runtime === 'shell' && PYTHON_ONLY.has(kind)) say(`is a ${kind} check, which only a Python run can pass, but this step runs shell commands`);
      else if (step.runtime === 'python' && SHELL_ONLY.has(kind)) say(`is a ${kind} check, which only shell commands can pass, but this step runs Python`);
      const path = neededFile(c.expect);
      if (path === undefined || known.has(path)) return;
      const name = path.split('/').pop() ?? path;
      if (!code.some((text) => text.includes(name))) {
        say(`needs the file ${path}, but the start project has no such file and no solution up to this step writes or names it`);
      }
    });
  }
  return issues;
}

/** One line for a trial: ✓ or ✗, where it is written, the step, the trial, and what it showed. */
export function formatVerdict(v: TrialVerdict): string {
  const { trial } = v;
  const what = trial.kind === 'wrong' ? `wrong attempt “${trial.mistake ?? ''}”` : trial.kind;
  if (!v.ok) return `✗ ${trial.where} ${trial.step.slug}: ${what} ${v.problem}`;
  if (trial.kind === 'solution') return `✓ ${trial.where} ${trial.step.slug}: solution passes all ${trial.step.checks.length} check(s)`;
  return `✓ ${trial.where} ${trial.step.slug}: ${what} fails ${v.detail}`;
}

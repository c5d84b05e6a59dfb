// Proving a lesson (content/README.md, "Proving a lesson"): in lesson order, in
// one lab, every step's starter fails a check; each wrong attempt fails the
// check it names with that check's message (a crash proves only a no-error
// check), and the solution run right after it, without a reset, passes; each
// valid alternative (correct work written differently) passes every check; and
// the solution passes every check, twice in a row — judged on the real outcome
// of running them, as a learner's run is judged. Pure: the
// lab that runs the attempts is passed in, so the CLI and tests (Pyodide in
// Node, scripts/node-lab.ts) and a Prove button in the page (the lab's worker)
// share the plan and the judging.
import type { CodeFile, Lesson, Step, Check } from '../../content';
import { judgeAll, type CheckVerdict } from './checks';
import type { RunResult, WorldFiles } from '../types';

/**
 * `recovery`: the solution run after a wrong attempt, in the lab the attempt left;
 * `again`: the solution run a second time, as a learner presses Run again.
 */
export type TrialKind = 'starter' | 'wrong' | 'recovery' | 'valid' | 'solution' | 'again';

/** One run of the proof: a step's starter, a wrong attempt and the recovery after it, a valid alternative, or the solution. */
export interface Trial {
  step: Step;
  kind: TrialKind;
  /** The files to run, the step's main file first. */
  files: CodeFile[];
  /** Where the block is written: "content/<lesson>/steps/02-x.md:88". */
  where: string;
  /** A wrong attempt's check (index into step.checks) and mistake (a recovery's too: the attempt it follows). */
  fails?: number;
  mistake?: string;
  /** A valid alternative's note: how it differs from the solution. */
  note?: string;
  /** Keep the project before this trial, and put it back after `restore`'s trial: an attempt changes nothing for what follows. */
  save?: boolean;
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

/** The trials of one step, in the order they run: starter; each wrong attempt and the solution after it; each valid alternative; the solution, twice. */
export function planStep(step: Step): Trial[] {
  const solution = step.where?.solution ?? step.source;
  return [
    { step, kind: 'starter', files: step.starter, where: step.where?.starter ?? step.source, restore: false },
    ...step.wrong.flatMap((w): Trial[] => [
      { step, kind: 'wrong', files: withFile(step.solution, w.file), where: w.where, fails: w.fails, mistake: w.mistake, save: true, restore: false },
      { step, kind: 'recovery', files: step.solution, where: w.where, fails: w.fails, mistake: w.mistake, restore: true },
    ]),
    ...step.valid.map((v): Trial => ({ step, kind: 'valid', files: withFile(step.solution, v.file), where: v.where, note: v.note, save: true, restore: true })),
    { step, kind: 'solution', files: step.solution, where: solution, restore: false },
    { step, kind: 'again', files: step.solution, where: solution, restore: false },
  ];
}

/** The ways a run can end without finishing (an error, Stop, the time limit), as a sentence; null when it finished. */
function crashed(result: TrialRun['result']): string | null {
  if (result.ended === 'stopped') return 'was stopped';
  if (result.ended === 'time-limit') return 'ran out of time';
  const error = result.outcome.error;
  return error ? `raises ${error.type}: ${error.message.split('\n')[0]}` : null;
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
    const check = step.checks[index];
    if (!v || !check) return verdict(`names check ${index + 1}, which the step does not have`);
    // A program that does not finish fails every check that needs its outcome: that proves nothing about the mistake.
    const crash = crashed(run.result);
    if (crash && check.expect.kind !== 'no-error') {
      return verdict(`${crash}, so it never reaches ${checkText(step, index)}: a crash proves only a no-error check — make the attempt run and make its mistake`);
    }
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
  // After a mistake the lab keeps what it left, as a laptop would: the solution must then pass,
  // or each failing message must say how to get out (Reset lab names the sure way).
  if (trial.kind === 'recovery' && problems.length && failing.every((i) => /Reset lab/.test(verdicts[i]!.detail)) && !error) return verdict('');
  return verdict(problems.join('; '));
}

/** Run one step's trials in the lab, in order, putting the project back after each wrong attempt. */
export async function proveStep(step: Step, lab: ProvingLab, onVerdict?: (v: TrialVerdict) => void): Promise<TrialVerdict[]> {
  const out: TrialVerdict[] = [];
  let before: WorldFiles | undefined;
  for (const trial of planStep(step)) {
    if (trial.save) before = await lab.snapshot();
    let v: TrialVerdict;
    try {
      v = judgeTrial(trial, await lab.run(step, trial.files));
    } catch (error) {
      // The lab itself failed (not the learner's code): that trial proves nothing.
      v = { trial, ok: false, verdicts: [], problem: `the lab could not run it: ${error instanceof Error ? error.message : String(error)}`, detail: '' };
    }
    if (trial.restore && before) {
      await lab.restore(before);
      before = undefined;
    }
    out.push(v);
    onVerdict?.(v);
  }
  return out;
}

/**
 * Prove every step of a lesson in one lab, after the checks no solution can satisfy; or, with
 * `step` (a slug), that step alone, after running the earlier steps' solutions to build the
 * project it starts from (as a learner's lab has it).
 */
export async function proveLesson(
  lesson: Lesson,
  lab: ProvingLab,
  on: { issue?: (i: ProofIssue) => void; verdict?: (v: TrialVerdict) => void; setup?: (s: Step) => void } = {},
  step?: string,
): Promise<LessonProof> {
  const issues = unsatisfiableChecks(lesson, Object.keys(await lab.snapshot())).filter((i) => step === undefined || i.step === step);
  issues.forEach((i) => on.issue?.(i));
  const at = step === undefined ? 0 : lesson.steps.findIndex((s) => s.slug === step);
  if (at < 0) throw new Error(`lesson ${lesson.id} has no step "${step}" (steps: ${lesson.steps.map((s) => s.slug).join(', ')})`);
  for (const earlier of lesson.steps.slice(0, at)) {
    on.setup?.(earlier);
    await lab.run(earlier, earlier.solution);
  }
  const verdicts: TrialVerdict[] = [];
  for (const s of step === undefined ? lesson.steps : [lesson.steps[at]!]) verdicts.push(...(await proveStep(s, lab, on.verdict)));
  return { lesson: lesson.id, issues, verdicts, ok: issues.length === 0 && verdicts.every((v) => v.ok) };
}

/** Kinds judged on what a Python run recorded: a shell step never satisfies them. */
const PYTHON_ONLY = new Set<Check['kind']>(['variable', 'prints-value', 'mlflow-param', 'mlflow-metric', 'mlflow-model', 'http', 'retrained', 'assert']);
/** Kinds judged on the repository after shell commands: a Python step never satisfies them. */
const SHELL_ONLY = new Set<Check['kind']>(['git-committed', 'git-not-committed']);

/** The file a check needs to exist, if any. */
function neededFile(check: Check): string | undefined {
  if (check.kind === 'file-exists' || check.kind === 'dvc-tracked' || check.kind === 'git-committed') return check.path;
  if (check.kind === 'dockerfile' || check.kind === 'container') return 'Dockerfile';
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
  const what = trialName(trial);
  if (!v.ok) return `✗ ${trial.where} ${trial.step.slug}: ${what} ${v.problem}`;
  if (trial.kind === 'starter' || trial.kind === 'wrong') return `✓ ${trial.where} ${trial.step.slug}: ${what} fails ${v.detail}`;
  return `✓ ${trial.where} ${trial.step.slug}: ${what} passes all ${trial.step.checks.length} check(s)`;
}

/** What a trial is, in a few words: "wrong attempt “…”", "the solution after “…”", "valid alternative “…”". */
export function trialName(trial: Trial): string {
  switch (trial.kind) {
    case 'wrong':
      return `wrong attempt “${trial.mistake ?? ''}”`;
    case 'recovery':
      return `the solution right after “${trial.mistake ?? ''}” (no reset)`;
    case 'valid':
      return `valid alternative “${trial.note ?? ''}”`;
    case 'again':
      return 'the solution run a second time';
    default:
      return trial.kind;
  }
}

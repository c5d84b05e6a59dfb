// "Prove" in the author view: what a step's code must show, judged on real runs.
// The starter fails a check, each wrong attempt fails the check it names, the
// solution passes them all (content/README.md, "Wrong attempts"). Pure: the
// runs come from `runAttempt`, so the plan and the judging are tested without a
// lab. Kept apart from the Node CLI's proof (src/lab/checks/prove.ts) until the two are unified.
import type { CodeFile, Step } from '../content/model';
import type { CheckVerdict } from '../lab/checks/checks';

export interface Attempt {
  kind: 'starter' | 'wrong' | 'solution';
  /** What the row says: "Starter", "Wrong: <mistake>", "Solution". */
  label: string;
  /** The files to run, main file first. */
  files: CodeFile[];
  /** For a wrong attempt: the index of the check it must fail. */
  fails?: number;
}

export interface Proof {
  attempt: Attempt;
  /** Whether the attempt did what the step says it does. */
  ok: boolean;
  /** Why, in the author's terms. */
  why: string;
  verdicts: CheckVerdict[];
}

/** Run one attempt's files in a lab and judge the step's checks on the outcome. */
export type RunAttempt = (files: CodeFile[]) => Promise<CheckVerdict[]>;

/** A wrong attempt's file replaces the solution's file of that name (the main file stays first). */
function withFile(files: CodeFile[], file: CodeFile): CodeFile[] {
  return files.some((f) => f.file === file.file) ? files.map((f) => (f.file === file.file ? file : f)) : [...files, file];
}

/** The attempts, in the order they run: starter, each wrong attempt, solution. */
export function planProof(step: Step): Attempt[] {
  return [
    { kind: 'starter', label: 'Starter', files: step.starter },
    ...step.wrong.map((w): Attempt => ({ kind: 'wrong', label: `Wrong: ${w.mistake}`, files: withFile(step.solution, w.file), fails: w.fails })),
    { kind: 'solution', label: 'Solution', files: step.solution },
  ];
}

const checkName = (step: Step, index: number) => `check ${index + 1} (${step.checks[index]?.saysHtml.replace(/<[^>]+>/g, '') ?? 'missing'})`;

/** Did the attempt do what the step says? */
export function judgeAttempt(step: Step, attempt: Attempt, verdicts: CheckVerdict[]): Omit<Proof, 'attempt' | 'verdicts'> {
  const failed = verdicts.flatMap((v, i) => (v.pass ? [] : [i]));
  switch (attempt.kind) {
    case 'starter':
      return failed.length > 0
        ? { ok: true, why: `fails ${failed.map((i) => checkName(step, i)).join(', ')}` }
        : { ok: false, why: 'passes every check: the learner would have nothing to do' };
    case 'wrong': {
      const target = attempt.fails ?? -1;
      const verdict = verdicts[target];
      if (!verdict) return { ok: false, why: `names check ${target + 1}, which the step does not have` };
      return verdict.pass ? { ok: false, why: `passes ${checkName(step, target)}, which it should fail` } : { ok: true, why: `fails ${checkName(step, target)}: ${verdict.detail}` };
    }
    case 'solution':
      return failed.length === 0
        ? { ok: true, why: 'passes every check' }
        : { ok: false, why: failed.map((i) => `fails ${checkName(step, i)}: ${verdicts[i]?.detail ?? ''}`).join('; ') };
  }
}

/** Run the plan one attempt after another and judge each; `onProof` reports each as it lands. */
export async function proveStep(step: Step, runAttempt: RunAttempt, onProof?: (proof: Proof) => void): Promise<Proof[]> {
  const proofs: Proof[] = [];
  for (const attempt of planProof(step)) {
    const verdicts = await runAttempt(attempt.files);
    const proof = { attempt, verdicts, ...judgeAttempt(step, attempt, verdicts) };
    proofs.push(proof);
    onProof?.(proof);
  }
  return proofs;
}

// "Prove": run the step's starter, wrong attempts (and the solution after each), valid alternatives and solution in a scratch lab
// (scratchLab.ts) and show whether each did what the step says, planned and
// judged by the lesson proof (src/lab/checks/prove.ts).
import { useEffect, useRef, useState } from 'react';
import type { Lesson, Step } from '../content';
import { proveStep, trialName, type TrialVerdict } from '../lab';
import { scratchLab, type ScratchLab } from './scratchLab';

/** One verdict's row: the attempt, then why it proves the step or does not. */
function verdictRow(v: TrialVerdict): string {
  const { kind } = v.trial;
  const name = trialName(v.trial);
  const why = !v.ok ? v.problem : kind === 'starter' || kind === 'wrong' ? `fails ${v.detail}` : 'passes every check';
  return `${v.ok ? '✓' : '✗'} ${name.charAt(0).toUpperCase()}${name.slice(1)} — ${why}`;
}

export function ProvePanel({ lesson, step }: { lesson: Lesson; step: Step }) {
  const [proofs, setProofs] = useState<TrialVerdict[]>([]);
  const [stage, setStage] = useState('');
  const [running, setRunning] = useState(false);
  const lab = useRef<ScratchLab | null>(null);
  useEffect(() => () => lab.current?.dispose(), []);

  const prove = async () => {
    setRunning(true);
    setProofs([]);
    lab.current?.dispose();
    const scratch = scratchLab(lesson, step);
    lab.current = scratch;
    try {
      setStage('Starting a scratch lab (the learner’s saved lab is not touched)…');
      await scratch.setup(setStage);
      setStage('Running the attempts…');
      const all = await proveStep(step, scratch.lab, (verdict) => setProofs((p) => [...p, verdict]));
      const failed = all.filter((p) => !p.ok).length;
      setStage(failed === 0 ? 'Proved: every attempt did what the step says.' : `${failed} of ${all.length} attempts did not do what the step says.`);
    } catch (e) {
      setStage(`Prove failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      scratch.dispose();
      setRunning(false);
    }
  };

  return (
    <section aria-labelledby="prove-heading" className="mt-4 rounded-lg border border-line p-3 text-sm">
      <div className="flex items-center gap-3">
        <h2 id="prove-heading" className="font-semibold">
          Prove this step
        </h2>
        <button type="button" onClick={() => void prove()} disabled={running} className="ml-auto rounded-md border border-line px-3 py-1.5 hover:bg-surface-2 disabled:opacity-60">
          {running ? 'Proving…' : 'Prove'}
        </button>
      </div>
      <p className="mt-1 text-muted">
        The starter must fail a check, each wrong attempt the check it names, and the solution must pass them all. Earlier steps’ solutions run first.
      </p>
      {stage && (
        <p role="status" className="mt-2">
          {stage}
        </p>
      )}
      {proofs.length > 0 && (
        <ul aria-label="Verdicts" className="mt-2 space-y-1">
          {proofs.map((p, i) => (
            <li key={i} className={p.ok ? 'text-ok' : 'text-bad'}>
              {verdictRow(p)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

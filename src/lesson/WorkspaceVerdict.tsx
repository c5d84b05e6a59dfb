import type { Step } from '../content';
import type { CheckVerdict } from '../lab';
import { InlineCode } from './InlineCode';
import { Prose } from './Prose';

/** The id of the full checks list, which the verdict's link moves focus to. */
export const CHECKS_ID = 'checks';

/**
 * The last run's verdict beside Run, so it stays in view while the learner edits:
 * how many checks passed and the first one still to fix. The full list, with
 * every check's reason, is in the step's text (its own live region announces runs).
 */
export function WorkspaceVerdict({ step, verdicts, fromStarter = false }: { step: Step; verdicts: CheckVerdict[] | null; fromStarter?: boolean }) {
  const total = step.checks.length;
  // What the untouched starter passes is no progress (issue 23): not counted until the code is the learner's.
  const passed = fromStarter ? 0 : (verdicts?.filter((v) => v.pass).length ?? 0);
  const firstFailing = verdicts ? verdicts.findIndex((v) => !v.pass) : -1;
  const failing = firstFailing >= 0 ? step.checks[firstFailing] : undefined;
  // focus() also scrolls the list into view, inside the text pane on wide screens.
  const showChecks = () => document.getElementById(CHECKS_ID)?.focus();
  const tone = !verdicts ? 'border-line' : passed === total ? 'border-ok' : 'border-bad';
  return (
    <div role="group" aria-label="Verdict of the last run" className={`flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-1 rounded-lg border ${tone} bg-surface px-3 py-1.5 text-sm`}>
      <p className="font-semibold">
        {verdicts
          ? fromStarter
            ? `Starter code run · ${verdicts.filter((v) => !v.pass).length} of ${verdicts.length} checks to pass`
            : `${passed} of ${verdicts.length} checks passed`
          : `${total} ${total === 1 ? 'check' : 'checks'} · not run yet`}
      </p>
      {failing && verdicts && (
        <p className="min-w-0 text-muted [overflow-wrap:anywhere]">
          <span className="text-bad">✗ </span>
          <Prose html={failing.saysHtml} inline />
          {verdicts[firstFailing]?.detail ? (
            <>
              {' — '}
              <InlineCode text={verdicts[firstFailing].detail} />
            </>
          ) : null}
        </p>
      )}
      <button type="button" onClick={showChecks} className="ml-auto text-xs text-accent underline-offset-2 hover:underline">
        All checks
      </button>
    </div>
  );
}

// The recap once every step is done: the facts the lesson's `recap` names (none
// without one), XP by phase and the takeaways, to print or keep. Facts come from what
// survives a reload — the project's files (git refs, .dvc files, the tracking
// store) and the progress store — and, for what only a run knows (which
// features drifted, the commit message), from this visit's runs, else it says
// which step to run again to see it.
import { useRef, type ReactNode } from 'react';
import type { Lesson, RecapFact } from '../content';
import { useLabSession } from './useLabSession';
import { type WorldFiles, fileText, rawTrackingOfFiles } from '../lab';
import { readTrackingStore, type UiStore } from '../preview';
import { xpByPhase, stepKey } from '../progress';
import { useProgress } from './useProgress';
import { downloadText } from '../lib';
import { ConfirmDialog } from './ConfirmDialog';
import { Prose } from './Prose';
import { phaseLabel } from './phases';

interface DataCommit {
  branch: string;
  oid: string | null;
  /** `path (md5 …)` of each file DVC tracks, from its `.dvc` file. */
  tracked: string[];
}

/** The branch and its commit from `.git/HEAD` and the refs, as git itself stores them. */
export function dataCommitOf(files: WorldFiles): DataCommit {
  const head = fileText(files['.git/HEAD'])?.trim() ?? '';
  const ref = head.startsWith('ref: ') ? head.slice(5) : null;
  const branch = ref?.replace(/^refs\/heads\//, '') ?? 'HEAD';
  let oid: string | null = ref ? (fileText(files[`.git/${ref}`])?.trim() ?? null) : head || null;
  if (ref && !oid) {
    // After `git gc` or a clone, refs live in packed-refs: "<oid> <ref>" lines.
    const line = fileText(files['.git/packed-refs'])
      ?.split('\n')
      .find((l) => l.endsWith(` ${ref}`));
    oid = line?.split(' ')[0] ?? null;
  }
  const tracked: string[] = [];
  for (const [path, value] of Object.entries(files)) {
    if (!path.endsWith('.dvc') || path.startsWith('.dvc/') || path.startsWith('.git/')) continue;
    const text = fileText(value) ?? '';
    const md5 = /md5:\s*([0-9a-f]{32})/.exec(text)?.[1];
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    const out = /path:\s*(\S+)/.exec(text)?.[1];
    tracked.push(`${dir}${out ?? path.slice(0, -4)}${md5 ? ` (md5 ${md5.slice(0, 8)}…)` : ''}`);
  }
  return { branch, oid: oid && /^[0-9a-f]{40}$/.test(oid) ? oid : null, tracked: tracked.sort() };
}

function trackingOf(files: WorldFiles): UiStore | null {
  const raw = rawTrackingOfFiles(files);
  return raw === null ? null : readTrackingStore(raw).store;
}

export function LessonRecap({ lesson, files, onGoAgain, readOnly }: { lesson: Lesson; files: WorldFiles | null; onGoAgain: () => void; readOnly: boolean }) {
  const awards = useProgress((s) => s.awards);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const completedSteps = useProgress((s) => s.completedSteps);
  // The date the lesson was finished: the last step's completion.
  const finishedAt = Math.max(0, ...lesson.steps.map((s) => completedSteps[stepKey(lesson.id, s.slug)] ?? 0));
  const takeaways = lesson.steps.flatMap((s) => s.takeawaysHtml.map((html) => ({ step: s, html })));
  const phases = xpByPhase(lesson, { awards });
  const finished = finishedAt > 0 ? ` · finished ${new Date(finishedAt).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' })}` : '';

  // scroll-mt: arriving at #recap on a phone, its heading stops below the sticky run bar, not under it.
  return (
    <section ref={sectionRef} id="recap" aria-labelledby="recap-title" className="mt-6 scroll-mt-32 lg:scroll-mt-4 rounded-xl border border-line bg-surface p-4">
      <h2 id="recap-title" className="text-xl font-semibold">
        {lesson.recap?.title ?? `Summary: ${lesson.title}`}
      </h2>
      <p className="mt-1 text-sm text-muted">
        {lesson.title}
        {finished}.
      </p>
      {lesson.recap && (
        <>
          <Prose html={lesson.recap.introHtml} className="mt-1 text-sm" />
          <dl className="mt-3 grid gap-3 text-sm">
            {lesson.recap.facts.map((fact, i) => (
              <Fact key={i} fact={fact} lesson={lesson} files={files} />
            ))}
          </dl>
        </>
      )}
      <table className="mt-4 w-full text-left text-sm">
        <caption className="text-left font-semibold">XP by phase</caption>
        <thead>
          <tr className="text-muted">
            <th scope="col">Phase</th>
            <th scope="col">XP earned</th>
          </tr>
        </thead>
        <tbody>
          {phases.map((p) => (
            <tr key={p.phase}>
              <th scope="row" className="font-normal">
                {phaseLabel(lesson, p.phase)}
              </th>
              <td>
                {p.earned} of {p.available}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {takeaways.length > 0 && (
        <div className="mt-4">
          <h3 className="font-semibold">Key takeaways</h3>
          <ul className="mt-1 grid list-disc gap-1 pl-5 text-sm">
            {takeaways.map((t, i) => (
              <li key={i}>
                <Prose html={t.html} inline /> <span className="text-muted">(step {t.step.order})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {/* A summary to keep (issue 23), made here in the browser: printed (print CSS shows only this section) or saved as one HTML file. */}
      <div className="mt-4 flex flex-wrap gap-2" data-no-print="">
        <button type="button" onClick={() => window.print()} className="rounded-md border border-line px-3 py-1.5 text-sm font-semibold hover:bg-surface-2">
          Print this summary
        </button>
        <button
          type="button"
          onClick={() => sectionRef.current && downloadText(`${lesson.id}-summary.html`, summaryDocument(sectionRef.current, lesson.title), 'text/html')}
          className="rounded-md border border-line px-3 py-1.5 text-sm font-semibold hover:bg-surface-2"
        >
          Download summary (HTML)
        </button>
      </div>
      <button
        type="button"
        disabled={readOnly}
        onClick={() => dialogRef.current?.showModal()}
        className="mt-4 rounded-md border border-line px-3 py-1.5 text-sm font-semibold hover:bg-surface-2 disabled:opacity-50"
      >
        Go round the loop again…
      </button>
      <ConfirmDialog dialogRef={dialogRef} id="again" title="Go round the loop again?" action="Reset the lab and start again" onConfirm={onGoAgain}>
        The lab’s project goes back to its starting files: everything your runs made in it is removed, and you start again at step 1.
        Your XP, completed steps and code in the editors are kept.
      </ConfirmDialog>
    </section>
  );
}

const FACT_TITLES = { 'data-commit': 'Data commit', runs: 'Runs and registered versions', drift: 'Drift found' } as const;

/** One fact the lesson's recap names, read from the lab's files or, for what only a run knows, this visit's runs. */
function Fact({ fact, lesson, files }: { fact: RecapFact; lesson: Lesson; files: WorldFiles | null }) {
  const sessions = useLabSession((s) => s.steps);
  const outcomes = lesson.steps.map((s) => sessions[stepKey(lesson.id, s.slug)]?.result?.outcome);
  const tracking = files ? trackingOf(files) : null;
  const models = tracking ? Object.values(tracking.registered_models) : [];
  let body: ReactNode;
  switch (fact.fact) {
    case 'data-commit': {
      const commit = files ? dataCommitOf(files) : null;
      // Only a shell run knows the commit's message.
      const repo = outcomes.map((o) => o?.shell?.repo).find((r) => r && r.log.length > 0);
      body = commit?.oid ? (
        <>
          <code>{commit.oid.slice(0, 7)}</code> on <code>{commit.branch}</code>
          {repo?.log[0] ? ` — “${repo.log[0].message.trim()}”` : ''}
          {commit.tracked.length > 0 ? `; DVC tracks ${commit.tracked.join(', ')}` : ''}
        </>
      ) : (
        'No commit in the lab’s repository (was the lab reset?).'
      );
      break;
    }
    case 'runs': {
      const runs = tracking ? Object.values(tracking.runs) : [];
      body =
        tracking === null ? (
          'The lab has no tracking store (was the lab reset?).'
        ) : (
          <>
            {runs.length} run{runs.length === 1 ? '' : 's'} tracked
            {models.length === 0 ? '; no model registered.' : '.'}
            {models.length > 0 && (
              <ul className="mt-1 grid gap-1">
                {models.map((m) => (
                  <li key={m.name}>
                    <code>{m.name}</code>: version{Object.keys(m.versions).length === 1 ? '' : 's'} {Object.keys(m.versions).sort((a, b) => Number(a) - Number(b)).join(', ')}
                    {Object.entries(m.aliases).map(([alias, version]) => ` · @${alias} → version ${version}`).join('')}
                  </li>
                ))}
              </ul>
            )}
          </>
        );
      break;
    }
    case 'drift': {
      // Only a run knows which features drifted: the lab keeps no measurements.
      const drift = outcomes.map((o) => o?.drift ?? []).find((d) => d.length > 0);
      const drifted = drift?.filter((d) => d.psi > fact.above && d.column !== null) ?? [];
      const step = lesson.steps.find((s) => s.slug === fact.step);
      body = drift
        ? drifted.length > 0
          ? `PSI above ${fact.above} on ${drifted.map((d) => `${d.column} (${d.psi.toFixed(2)})`).join(', ')}.`
          : `No feature’s PSI was above ${fact.above} on the last run.`
        : `Run ${step ? `step ${step.order}` : 'the step that measures drift'} again to see which features drifted (the lab does not keep a run’s measurements).`;
      break;
    }
    case 'alias': {
      const served = models.flatMap((m) => {
        const version = m.aliases[fact.alias];
        return version ? [{ name: m.name, version, run: m.versions[version]?.run_id }] : [];
      });
      body =
        served.length === 0
          ? `No model has a ${fact.alias} alias.`
          : served.map((c) => `models:/${c.name}@${fact.alias} is version ${c.version}${c.run ? `, from run ${c.run.slice(0, 8)}` : ''}`).join('; ');
      break;
    }
  }
  return (
    <div>
      <dt className="font-semibold">{fact.fact === 'alias' ? fact.label : FACT_TITLES[fact.fact]}</dt>
      <dd>{body}</dd>
    </div>
  );
}

/**
 * The recap as a page of its own: a copy of what React rendered (its text already escaped), without the
 * buttons and the dialog, with a little CSS so it reads without the app.
 */
export function summaryDocument(section: HTMLElement, title: string): string {
  const copy = section.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('button, dialog, [data-no-print]').forEach((el) => el.remove());
  copy.removeAttribute('class');
  const css =
    'body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}code{font-family:ui-monospace,monospace;background:#f2f2f2;padding:0 .2em}table{border-collapse:collapse}th,td{padding:.2em .8em .2em 0;text-align:left}dt{font-weight:600;margin-top:.8em}';
  const escaped = title.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${escaped} — summary · Lifecycle Lab</title><style>${css}</style></head><body>${copy.outerHTML}</body></html>\n`;
}

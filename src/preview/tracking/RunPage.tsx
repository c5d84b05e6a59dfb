// A run's page, as MLflow shows it: its details, params, metrics with their
// charts, tags, logged and registered models, and artifacts.
import { useState } from 'react';
import type { Go } from './address';
import { MetricChart } from './MetricChart';
import { fmtDuration, fmtSize, fmtTime, metricSummary, registrationsOfRun, userTags } from './pages';
import { fmtValue, latest } from './runsTable';
import type { UiRun, UiStore } from './store';

function KeyValues({ title, entries }: { title: string; entries: [string, string][] }) {
  return (
    <section className="min-w-0">
      <h4 className="font-semibold">{title}</h4>
      {entries.length === 0 ? (
        <p className="text-muted">None</p>
      ) : (
        <table className="mt-1 w-full text-xs">
          <tbody>
            {entries.map(([k, v]) => (
              <tr key={k} className="border-t border-line">
                <th scope="row" className="py-1 pr-2 text-left font-normal text-muted">{k}</th>
                <td className="break-all py-1 font-mono">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function RunPage({ store, runId, go }: { store: UiStore; runId: string; go: Go }) {
  const run = store.runs[runId];
  if (!run) return <p>Run {runId} not found.</p>;
  const registered = registrationsOfRun(store, runId);
  return (
    <article aria-label={`Run ${run.run_name}`}>
      <p className="text-xs text-muted">
        <button type="button" className="hover:underline" onClick={() => go({ page: 'runs', experimentId: run.experiment_id })}>
          {store.experiments[run.experiment_id]?.name}
        </button>{' '}
        / run
      </p>
      <h3 className="text-lg font-semibold">{run.run_name}</h3>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-4">
        <div><dt className="text-muted">Status</dt><dd className={`font-mono ${run.status === 'FAILED' ? 'text-bad' : ''}`}>{run.status}</dd></div>
        <div><dt className="text-muted">Created</dt><dd>{fmtTime(run.start_time)}</dd></div>
        <div><dt className="text-muted">Duration</dt><dd>{fmtDuration(run)}</dd></div>
        <div><dt className="text-muted">Run ID</dt><dd className="break-all font-mono">{run.run_id}</dd></div>
      </dl>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <KeyValues title="Parameters" entries={Object.entries(run.params)} />
        <KeyValues title="Metrics" entries={Object.entries(run.metrics).map(([k, h]) => [k, metricSummary(h)])} />
      </div>
      {Object.entries(run.metrics)
        .filter(([, h]) => h.length > 1)
        .map(([key, history]) => (
          <section key={key} className="mt-4">
            <h4 className="font-semibold">{key} by step</h4>
            <MetricChart series={[{ name: key, points: history }]} label={`${key} over ${history.length} steps, last value ${fmtValue(latest(history))}`} />
          </section>
        ))}
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <KeyValues title="Tags" entries={userTags(run)} />
        <section>
          <h4 className="font-semibold">Logged models</h4>
          {run.models.length === 0 ? (
            <p className="text-muted">None</p>
          ) : (
            <ul className="mt-1 grid gap-1 text-xs">
              {run.models.map((id) => (
                <li key={id} className="font-mono">
                  {store.logged_models[id]?.name} · {id}
                </li>
              ))}
              {registered.map((r) => (
                <li key={`${r.name}-${r.version}`}>
                  Registered as{' '}
                  <button type="button" className="text-accent hover:underline" onClick={() => go({ page: 'model', name: r.name })}>
                    {r.name} version {r.version}
                  </button>
                  {r.aliases.length > 0 && <span className="ml-1 font-mono">@{r.aliases.join(' @')}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <Artifacts artifacts={run.artifacts} />
    </article>
  );
}

/** Files logged with mlflow.log_artifact / log_text / log_dict, as MLflow's run page lists them. */
function Artifacts({ artifacts }: { artifacts: UiRun['artifacts'] }) {
  const paths = Object.keys(artifacts).sort();
  const [open, setOpen] = useState<string | null>(null);
  const shown = open !== null && open in artifacts ? open : (paths[0] ?? null);
  const file = shown === null ? undefined : artifacts[shown];
  return (
    <section className="mt-4">
      <h4 className="font-semibold">Artifacts</h4>
      {paths.length === 0 ? (
        <p className="text-muted">None</p>
      ) : (
        <div className="mt-1 grid gap-2 sm:grid-cols-[12rem_minmax(0,1fr)]">
          <ul className="grid content-start gap-0.5 text-xs" aria-label="Artifact files">
            {paths.map((path) => (
              <li key={path}>
                <button
                  type="button"
                  aria-current={path === shown ? 'true' : undefined}
                  onClick={() => setOpen(path)}
                  className={`w-full truncate rounded px-2 py-1 text-left font-mono ${path === shown ? 'bg-surface-2 font-semibold' : 'hover:bg-surface-2'}`}
                >
                  {path}
                </button>
              </li>
            ))}
          </ul>
          {file && shown !== null && (
            <figure className="min-w-0 rounded-lg border border-line p-2">
              <figcaption className="text-xs text-muted">
                <span className="font-mono">{shown}</span> · {fmtSize(file.size)}
              </figcaption>
              {file.text === null ? (
                <p className="mt-1 text-xs text-muted">No preview: the file is binary or too large for the lab to show.</p>
              ) : (
                // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- long files scroll: keyboard users must reach them
                <pre tabIndex={0} aria-label={`Contents of ${shown}`} className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all font-mono text-xs">
                  {file.text}
                </pre>
              )}
            </figure>
          )}
        </div>
      )}
    </section>
  );
}

// An experiment's runs table, as MLflow's experiment page shows it: sortable
// columns, params and metrics, and runs to select for comparing.
import { useState } from 'react';
import type { Go } from './address';
import { activeExperiments, fmtDuration, fmtTime, runsOfExperiment } from './pages';
import { fmtValue, latest, runColumns, sortRuns, type SortKey } from './runsTable';
import type { UiStore } from './store';

export function RunsPage({ store, experimentId, newRuns, go }: { store: UiStore; experimentId: string; newRuns: string[]; go: Go }) {
  const experiments = activeExperiments(store);
  const runs = runsOfExperiment(store, experimentId);
  const { params, metrics } = runColumns(runs);
  const [sort, setSort] = useState<SortKey>({ column: 'Created', direction: 'descending' });
  const [selected, setSelected] = useState<string[]>([]);
  const sorted = sortRuns(runs, sort);

  const header = (column: string, label = column) => {
    const active = sort.column === column;
    return (
      <th key={column} scope="col" aria-sort={active ? sort.direction : 'none'} className="whitespace-nowrap px-2 py-1.5 text-left font-semibold">
        <button
          type="button"
          className="hover:underline"
          onClick={() => setSort({ column, direction: active && sort.direction === 'descending' ? 'ascending' : 'descending' })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.direction === 'descending' ? ' ↓' : ' ↑') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="grid gap-3 md:grid-cols-[10rem_minmax(0,1fr)]">
      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">Experiments</h3>
        <ul className="mt-1 grid gap-0.5">
          {experiments.map((e) => (
            <li key={e.experiment_id}>
              <button
                type="button"
                aria-current={e.experiment_id === experimentId ? 'page' : undefined}
                onClick={() => go({ page: 'runs', experimentId: e.experiment_id })}
                className={`w-full truncate rounded px-2 py-1 text-left ${e.experiment_id === experimentId ? 'bg-surface-2 font-semibold' : 'hover:bg-surface-2'}`}
              >
                {e.name}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="min-w-0">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 className="text-base font-semibold">{store.experiments[experimentId]?.name ?? 'Experiment'}</h3>
          <button
            type="button"
            disabled={selected.length < 2}
            onClick={() => go({ page: 'compare', runIds: selected })}
            className="rounded-md border border-line px-2.5 py-1 disabled:opacity-50"
          >
            Compare ({selected.length})
          </button>
        </div>
        {runs.length === 0 ? (
          <p className="mt-3 text-muted">No runs in this experiment yet.</p>
        ) : (
          // Scrolls sideways with many columns, so keyboard users must be able to focus it (axe scrollable-region-focusable).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          <div className="mt-2 overflow-x-auto rounded-lg border border-line" tabIndex={0} role="region" aria-label="Runs">
            <table className="w-full border-collapse text-xs">
              <caption className="sr-only">Runs of {store.experiments[experimentId]?.name}, sortable by column</caption>
              <thead className="bg-surface-2">
                <tr>
                  <th scope="col" className="px-2 py-1.5">
                    <span className="sr-only">Select</span>
                  </th>
                  {header('Run Name')}
                  {header('Created')}
                  {header('Duration')}
                  <th scope="col" className="px-2 py-1.5 text-left font-semibold">Source</th>
                  <th scope="col" className="px-2 py-1.5 text-left font-semibold">Models</th>
                  {params.map((p) => header(`param:${p}`, p))}
                  {metrics.map((m) => header(`metric:${m}`, m))}
                </tr>
              </thead>
              <tbody>
                {sorted.map((run) => (
                  <tr key={run.run_id} className={`border-t border-line ${newRuns.includes(run.run_id) ? 'bg-accent/10' : ''}`}>
                    <td className="px-2 py-1.5">
                      <input
                        type="checkbox"
                        aria-label={`Select ${run.run_name}`}
                        checked={selected.includes(run.run_id)}
                        onChange={(e) => setSelected((s) => (e.target.checked ? [...s, run.run_id] : s.filter((id) => id !== run.run_id)))}
                      />
                    </td>
                    <td className="whitespace-nowrap px-2 py-1.5">
                      <button type="button" className="text-accent hover:underline" onClick={() => go({ page: 'run', experimentId, runId: run.run_id })}>
                        {run.run_name}
                      </button>
                      {run.status !== 'FINISHED' && <span className={`ml-1 font-mono ${run.status === 'FAILED' ? 'text-bad' : 'text-muted'}`}>{run.status}</span>}
                    </td>
                    <td className="whitespace-nowrap px-2 py-1.5">{fmtTime(run.start_time)}</td>
                    <td className="px-2 py-1.5">{fmtDuration(run)}</td>
                    <td className="px-2 py-1.5 font-mono">{run.tags['mlflow.source.name'] ?? '—'}</td>
                    <td className="px-2 py-1.5">{run.models.length ? `${run.models.length} model${run.models.length > 1 ? 's' : ''}` : '—'}</td>
                    {params.map((p) => (
                      <td key={p} className="px-2 py-1.5 font-mono">{run.params[p] ?? '—'}</td>
                    ))}
                    {metrics.map((m) => (
                      <td key={m} className="px-2 py-1.5 font-mono">{fmtValue(latest(run.metrics[m] ?? []))}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}

// An experiment's runs table, as MLflow's experiment page shows it: sortable
// columns, params and metrics, and runs to select for comparing. Thousands of
// runs stay responsive (issue 22): columns and order are computed once per store
// and sort, rows are memoised, and a long table draws only the rows in view.
import { memo, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Go } from './address';
import { activeExperiments, fmtDuration, fmtTime, runsOfExperiment } from './pages';
import { fmtValue, latest, runColumns, sortRuns, type SortKey } from './runsTable';
import type { UiRun, UiStore } from './store';

/** Up to this many runs the table is drawn whole; beyond, only the rows in view (and a few around them). */
const WHOLE_TABLE_ROWS = 200;
const ROW_PX = 29;

export function RunsPage({ store, experimentId, newRuns, go }: { store: UiStore; experimentId: string; newRuns: string[]; go: Go }) {
  const experiments = useMemo(() => activeExperiments(store), [store]);
  const runs = useMemo(() => runsOfExperiment(store, experimentId), [store, experimentId]);
  const { params, metrics } = useMemo(() => runColumns(runs), [runs]);
  const [sort, setSort] = useState<SortKey>({ column: 'Created', direction: 'descending' });
  // Kept in the order they were ticked (Compare lists them so); looked up through a Set.
  const [selected, setSelected] = useState<string[]>([]);
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const fresh = useMemo(() => new Set(newRuns), [newRuns]);
  const sorted = useMemo(() => sortRuns(runs, sort), [runs, sort]);
  const toggle = useCallback((runId: string, on: boolean) => setSelected((s) => (on ? [...s, runId] : s.filter((id) => id !== runId))), []);
  const open = useCallback((runId: string) => go({ page: 'run', experimentId, runId }), [go, experimentId]);

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
          <RunsTable
            caption={`Runs of ${store.experiments[experimentId]?.name ?? ''}, sortable by column`}
            head={
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
            }
            rows={sorted}
            columns={6 + params.length + metrics.length}
            row={(run) => (
              <RunRow key={run.run_id} run={run} params={params} metrics={metrics} isNew={fresh.has(run.run_id)} checked={selectedSet.has(run.run_id)} onToggle={toggle} onOpen={open} />
            )}
          />
        )}
      </div>
    </div>
  );
}

/** The table: whole when short; when long, a scrolling body that draws only the rows in view, with spacer rows for the rest. */
function RunsTable({ caption, head, rows, columns, row }: { caption: string; head: ReactNode; rows: UiRun[]; columns: number; row: (run: UiRun) => ReactNode }) {
  const scroller = useRef<HTMLDivElement>(null);
  const long = rows.length > WHOLE_TABLE_ROWS;
  // eslint-disable-next-line react-hooks/incompatible-library -- read afresh on every render, never memoised
  const virtualizer = useVirtualizer({ count: long ? rows.length : 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 12 });
  const measured = virtualizer.getVirtualItems();
  // Before the scroller has a size (or where it has none, as in a test's DOM), the first rows are drawn.
  const items = measured.length || !long ? measured : Array.from({ length: Math.min(rows.length, 40) }, (_, index) => ({ index, start: index * ROW_PX, end: (index + 1) * ROW_PX }));
  const spacer = (height: number, key: string) =>
    height > 0 ? (
      <tr key={key} aria-hidden="true">
        <td colSpan={columns} style={{ height, padding: 0 }} />
      </tr>
    ) : null;
  return (
    // Scrolls (sideways with many columns, down when long), so keyboard users must be able to focus it (axe scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div ref={scroller} className={`mt-2 overflow-x-auto rounded-lg border border-line ${long ? 'max-h-[32rem] overflow-y-auto' : ''}`} tabIndex={0} role="region" aria-label="Runs">
      <table className="w-full border-collapse text-xs" aria-rowcount={long ? rows.length + 1 : undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-surface-2">{head}</thead>
        <tbody>
          {long
            ? [
                spacer(items[0]?.start ?? 0, 'before'),
                ...items.map((item) => row(rows[item.index]!)),
                spacer(virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0), 'after'),
              ]
            : rows.map(row)}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  run: UiRun;
  params: string[];
  metrics: string[];
  isNew: boolean;
  checked: boolean;
  onToggle: (runId: string, on: boolean) => void;
  onOpen: (runId: string) => void;
}

/** One run: redrawn only when its own run, its ticks or the columns change. */
const RunRow = memo(function RunRow({ run, params, metrics, isNew, checked, onToggle, onOpen }: RowProps) {
  return (
    <tr className={`border-t border-line ${isNew ? 'bg-accent/10' : ''}`} style={{ height: ROW_PX }}>
      <td className="px-2 py-1.5">
        <input type="checkbox" aria-label={`Select ${run.run_name}`} checked={checked} onChange={(e) => onToggle(run.run_id, e.target.checked)} />
      </td>
      <td className="whitespace-nowrap px-2 py-1.5">
        <button type="button" className="text-accent hover:underline" onClick={() => onOpen(run.run_id)}>
          {run.run_name}
        </button>
        {run.status !== 'FINISHED' && <span className={`ml-1 font-mono ${run.status === 'FAILED' ? 'text-bad' : 'text-muted'}`}>{run.status}</span>}
      </td>
      <td className="whitespace-nowrap px-2 py-1.5">{fmtTime(run.start_time)}</td>
      <td className="px-2 py-1.5">{fmtDuration(run)}</td>
      <td className="px-2 py-1.5 font-mono">{run.tags['mlflow.source.name'] ?? '—'}</td>
      <td className="px-2 py-1.5">{run.models.length ? `${run.models.length} model${run.models.length > 1 ? 's' : ''}` : '—'}</td>
      {params.map((p) => (
        <td key={p} className="px-2 py-1.5 font-mono">
          {run.params[p] ?? '—'}
        </td>
      ))}
      {metrics.map((m) => (
        <td key={m} className="px-2 py-1.5 font-mono">
          {fmtValue(latest(run.metrics[m] ?? []))}
        </td>
      ))}
    </tr>
  );
});

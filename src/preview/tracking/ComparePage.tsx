// Runs side by side, as MLflow's compare page shows them.
import type { Go } from './address';
import { MetricChart } from './MetricChart';
import { compareRows } from './pages';
import { fmtValue, latest } from './runsTable';
import type { UiRun, UiStore } from './store';

export function ComparePage({ store, runIds, go }: { store: UiStore; runIds: string[]; go: Go }) {
  const runs = runIds.map((id) => store.runs[id]).filter((r): r is UiRun => Boolean(r));
  const { params, metrics, charted } = compareRows(runs);
  return (
    <article aria-label="Compare runs">
      <h3 className="text-lg font-semibold">Comparing {runs.length} runs</h3>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrolls sideways: keyboard users must reach it */}
      <div className="mt-2 overflow-x-auto rounded-lg border border-line" tabIndex={0} role="region" aria-label="Comparison">
        <table className="w-full text-xs">
          <thead className="bg-surface-2">
            <tr>
              <th scope="col" className="px-2 py-1.5 text-left">Run</th>
              {runs.map((r) => (
                <th key={r.run_id} scope="col" className="px-2 py-1.5 text-left">
                  <button type="button" className="text-accent hover:underline" onClick={() => go({ page: 'run', experimentId: r.experiment_id, runId: r.run_id })}>
                    {r.run_name}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {params.map((p) => (
              <tr key={`p-${p}`} className="border-t border-line">
                <th scope="row" className="px-2 py-1 text-left font-normal text-muted">param: {p}</th>
                {runs.map((r) => <td key={r.run_id} className="px-2 py-1 font-mono">{r.params[p] ?? '—'}</td>)}
              </tr>
            ))}
            {metrics.map((m) => (
              <tr key={`m-${m}`} className="border-t border-line">
                <th scope="row" className="px-2 py-1 text-left font-normal text-muted">metric: {m}</th>
                {runs.map((r) => <td key={r.run_id} className="px-2 py-1 font-mono">{fmtValue(latest(r.metrics[m] ?? []))}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {charted.map((m) => (
        <section key={m} className="mt-4">
          <h4 className="font-semibold">{m} by step</h4>
          <MetricChart series={runs.map((r) => ({ name: r.run_name, points: r.metrics[m] ?? [] }))} label={`${m} by step for ${runs.map((r) => r.run_name).join(', ')}`} />
        </section>
      ))}
    </article>
  );
}

// localhost:5000 — a tracking UI drawn from the lab's tracking store, laid out
// like MLflow's: experiments and their runs table, a run page, run
// comparison and the model registry. Its hash routes follow MLflow's UI.
import { useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrackingStore } from '../lab/types';
import { fmtValue, latest, runColumns, sortRuns, type SortKey } from './tracking/runsTable';
import { readTrackingStore, type Point, type UiRun, type UiStore } from './tracking/store';

type View =
  | { page: 'runs'; experimentId: string }
  | { page: 'run'; experimentId: string; runId: string }
  | { page: 'compare'; runIds: string[] }
  | { page: 'models' }
  | { page: 'model'; name: string };

export function trackingAddress(view: View): string {
  switch (view.page) {
    case 'runs':
      return `localhost:5000/#/experiments/${view.experimentId}`;
    case 'run':
      return `localhost:5000/#/experiments/${view.experimentId}/runs/${view.runId}`;
    case 'compare':
      return `localhost:5000/#/compare-runs?runs=${JSON.stringify(view.runIds)}`;
    case 'models':
      return 'localhost:5000/#/models';
    case 'model':
      return `localhost:5000/#/models/${encodeURIComponent(view.name)}`;
  }
}

const SERIES_COLOURS = ['var(--accent)', 'var(--ok)', 'var(--warn)', 'var(--bad)', '#a78bfa', '#f472b6'];

/** The aliases (champion, …) that point at one version of a registered model. */
const aliasesOf = (model: { aliases: Record<string, string> }, version: string) =>
  Object.entries(model.aliases).filter(([, v]) => v === version).map(([alias]) => alias);

const fmtTime = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const fmtDuration = (run: UiRun) => {
  if (run.end_time === null) return run.status === 'RUNNING' ? 'running' : '—';
  const s = (run.end_time - run.start_time) / 1000;
  return s < 60 ? `${s.toFixed(1)}s` : `${Math.floor(s / 60)}min ${Math.round(s % 60)}s`;
};

interface Props {
  /** The store as the run's outcome carries it; checked entry by entry before it is drawn. */
  store: TrackingStore;
  /** Runs created by the learner's latest run of their code; opened first and highlighted. */
  newRuns: string[];
  onNavigate: (address: string) => void;
}

export default function TrackingUI({ store: raw, newRuns, onNavigate }: Props) {
  const { store, notices } = useMemo(() => readTrackingStore(raw), [raw]);
  return (
    <div className="font-sans text-sm">
      {notices.length > 0 && <StoreNotices notices={notices} />}
      <TrackingPages store={store} newRuns={newRuns.filter((id) => id in store.runs)} onNavigate={onNavigate} />
    </div>
  );
}

function StoreNotices({ notices }: { notices: string[] }) {
  return (
    <div role="status" className="mb-3 rounded-lg border border-warn bg-surface-2 p-2 text-xs">
      <p className="font-semibold">Some entries of the lab’s tracking store could not be shown and were left out:</p>
      <ul className="mt-1 list-disc pl-5">
        {notices.slice(0, 8).map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
      {notices.length > 8 && <p className="mt-1">…and {notices.length - 8} more.</p>}
    </div>
  );
}

function TrackingPages({ store, newRuns, onNavigate }: { store: UiStore; newRuns: string[]; onNavigate: (address: string) => void }) {
  const experiments = Object.values(store.experiments).filter((e) => e.lifecycle_stage === 'active');
  const firstNew = newRuns[0] ? store.runs[newRuns[0]] : undefined;
  const [view, setView] = useState<View>(() => ({ page: 'runs', experimentId: firstNew?.experiment_id ?? experiments.at(-1)?.experiment_id ?? '0' }));
  const go = (next: View) => {
    setView(next);
    onNavigate(trackingAddress(next));
  };

  return (
    <div>
      <nav aria-label="Tracking UI" className="mb-3 flex items-center gap-1 border-b border-line pb-2">
        <span className="mr-2 font-mono text-xs font-bold tracking-wide text-accent">mlflow</span>
        <TabButton active={view.page === 'runs' || view.page === 'run' || view.page === 'compare'} onClick={() => go({ page: 'runs', experimentId: 'experimentId' in view ? view.experimentId : (experiments.at(-1)?.experiment_id ?? '0') })}>
          Experiments
        </TabButton>
        <TabButton active={view.page === 'models' || view.page === 'model'} onClick={() => go({ page: 'models' })}>
          Models
        </TabButton>
      </nav>
      {view.page === 'runs' && <RunsPage store={store} experimentId={view.experimentId} newRuns={newRuns} go={go} />}
      {view.page === 'run' && <RunPage store={store} runId={view.runId} go={go} />}
      {view.page === 'compare' && <ComparePage store={store} runIds={view.runIds} go={go} />}
      {view.page === 'models' && <ModelsPage store={store} go={go} />}
      {view.page === 'model' && <ModelPage store={store} name={view.name} go={go} />}
    </div>
  );
}

function TabButton({ active, onClick, children }: { active: boolean; onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      aria-current={active ? 'page' : undefined}
      onClick={onClick}
      className={`rounded-md px-2.5 py-1 ${active ? 'bg-surface-2 font-semibold text-ink' : 'text-muted hover:text-ink'}`}
    >
      {children}
    </button>
  );
}

type Go = (view: View) => void;

function RunsPage({ store, experimentId, newRuns, go }: { store: UiStore; experimentId: string; newRuns: string[]; go: Go }) {
  const experiments = Object.values(store.experiments).filter((e) => e.lifecycle_stage === 'active');
  const runs = Object.values(store.runs).filter((r) => r.experiment_id === experimentId);
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

function MetricChart({ series, label }: { series: { name: string; points: Point[] }[]; label: string }) {
  // A chart cannot place NaN or ±Infinity: those points are left as gaps, and the label says so.
  const steps = [...new Set(series.flatMap((s) => s.points.map((p) => p[2])))].sort((a, b) => a - b);
  const data = steps.map((step) => {
    const row: Record<string, number> = { step };
    for (const s of series) {
      const p = [...s.points].reverse().find((q) => q[2] === step);
      if (p && Number.isFinite(p[0])) row[s.name] = p[0];
    }
    return row;
  });
  const skipped = series.reduce((n, s) => n + s.points.filter((p) => !Number.isFinite(p[0])).length, 0);
  const described = skipped > 0 ? `${label} (${skipped} point${skipped > 1 ? 's' : ''} NaN or infinite, not drawn)` : label;
  return (
    <div className="h-44 w-full" role="img" aria-label={described}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 6, right: 12, bottom: 2, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="step" stroke="var(--muted)" fontSize={11} />
          <YAxis stroke="var(--muted)" fontSize={11} domain={['auto', 'auto']} />
          <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }} />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 11 }} />}
          {series.map((s, i) => (
            <Line key={s.name} dataKey={s.name} stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]} dot={data.length < 3} strokeWidth={2} isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

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

function RunPage({ store, runId, go }: { store: UiStore; runId: string; go: Go }) {
  const run = store.runs[runId];
  if (!run) return <p>Run {runId} not found.</p>;
  const registered = Object.values(store.registered_models).flatMap((m) =>
    Object.values(m.versions).filter((v) => v.run_id === runId).map((v) => ({ name: m.name, version: v.version, aliases: aliasesOf(m, v.version) })),
  );
  const userTags = Object.entries(run.tags).filter(([k]) => !k.startsWith('mlflow.'));
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
        <KeyValues title="Metrics" entries={Object.entries(run.metrics).map(([k, h]) => [k, `${fmtValue(latest(h))}${h.length > 1 ? ` (${h.length} points)` : ''}`])} />
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
        <KeyValues title="Tags" entries={userTags} />
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

const fmtSize = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

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

function ComparePage({ store, runIds, go }: { store: UiStore; runIds: string[]; go: Go }) {
  const runs = runIds.map((id) => store.runs[id]).filter((r): r is UiRun => Boolean(r));
  const params = [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort();
  const metrics = [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))].sort();
  const charted = metrics.filter((m) => runs.some((r) => (r.metrics[m]?.length ?? 0) > 1));
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

function ModelsPage({ store, go }: { store: UiStore; go: Go }) {
  const models = Object.values(store.registered_models);
  if (models.length === 0) return <p className="text-muted">No registered models yet. Log a model with registered_model_name=… to add one.</p>;
  return (
    <table className="w-full text-xs">
      <caption className="text-left text-base font-semibold">Registered models</caption>
      <thead className="bg-surface-2">
        <tr>
          <th scope="col" className="px-2 py-1.5 text-left">Name</th>
          <th scope="col" className="px-2 py-1.5 text-left">Latest version</th>
          <th scope="col" className="px-2 py-1.5 text-left">Aliases</th>
          <th scope="col" className="px-2 py-1.5 text-left">Last modified</th>
        </tr>
      </thead>
      <tbody>
        {models.map((m) => (
          <tr key={m.name} className="border-t border-line">
            <td className="px-2 py-1.5">
              <button type="button" className="text-accent hover:underline" onClick={() => go({ page: 'model', name: m.name })}>
                {m.name}
              </button>
            </td>
            <td className="px-2 py-1.5">Version {Object.keys(m.versions).length}</td>
            <td className="px-2 py-1.5 font-mono">{Object.entries(m.aliases).map(([a, v]) => `@${a} → v${v}`).join(', ') || '—'}</td>
            <td className="px-2 py-1.5">{fmtTime(m.last_updated_timestamp)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ModelPage({ store, name, go }: { store: UiStore; name: string; go: Go }) {
  const model = store.registered_models[name];
  if (!model) return <p>Model {name} not found.</p>;
  const versions = Object.values(model.versions).reverse();
  return (
    <article aria-label={`Registered model ${name}`}>
      <p className="text-xs text-muted">
        <button type="button" className="hover:underline" onClick={() => go({ page: 'models' })}>Registered models</button> / {name}
      </p>
      <h3 className="text-lg font-semibold">{name}</h3>
      <table className="mt-2 w-full text-xs">
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className="px-2 py-1.5 text-left">Version</th>
            <th scope="col" className="px-2 py-1.5 text-left">Registered at</th>
            <th scope="col" className="px-2 py-1.5 text-left">Aliases</th>
            <th scope="col" className="px-2 py-1.5 text-left">Source run</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => {
            const run = store.runs[v.run_id];
            const aliases = aliasesOf(model, v.version).map((a) => `@${a}`);
            return (
              <tr key={v.version} className="border-t border-line">
                <td className="px-2 py-1.5">Version {v.version}</td>
                <td className="px-2 py-1.5">{fmtTime(v.creation_timestamp)}</td>
                <td className="px-2 py-1.5 font-mono">{aliases.join(' ') || '—'}</td>
                <td className="px-2 py-1.5">
                  {run ? (
                    <button type="button" className="text-accent hover:underline" onClick={() => go({ page: 'run', experimentId: run.experiment_id, runId: run.run_id })}>
                      {run.run_name}
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}

// What each page of the tracking UI lists, worked out from the store (kept out
// of the views so it is tested without React).
import { fmtValue, latest } from './runsTable';
import type { Point, UiRegisteredModel, UiRun, UiStore } from './store';

/** Experiments not deleted, in the store's order (MLflow hides deleted ones). */
export const activeExperiments = (store: UiStore) => Object.values(store.experiments).filter((e) => e.lifecycle_stage === 'active');

export const runsOfExperiment = (store: UiStore, experimentId: string) => Object.values(store.runs).filter((r) => r.experiment_id === experimentId);

/** The page first opened: the experiment of the learner's newest run, else the last experiment. */
export function firstExperimentId(store: UiStore, newRuns: string[]): string {
  const firstNew = newRuns[0] ? store.runs[newRuns[0]] : undefined;
  return firstNew?.experiment_id ?? activeExperiments(store).at(-1)?.experiment_id ?? '0';
}

/** The aliases (champion, …) that point at one version of a registered model. */
export const aliasesOf = (model: { aliases: Record<string, string> }, version: string) =>
  Object.entries(model.aliases)
    .filter(([, v]) => v === version)
    .map(([alias]) => alias);

/** Every registered model version made from this run, with its aliases. */
export function registrationsOfRun(store: UiStore, runId: string): { name: string; version: string; aliases: string[] }[] {
  return Object.values(store.registered_models).flatMap((m) =>
    Object.values(m.versions)
      .filter((v) => v.run_id === runId)
      .map((v) => ({ name: m.name, version: v.version, aliases: aliasesOf(m, v.version) })),
  );
}

/** The learner's tags: MLflow's own (mlflow.*) are shown elsewhere on the run page. */
export const userTags = (run: UiRun) => Object.entries(run.tags).filter(([k]) => !k.startsWith('mlflow.'));

/** A metric's row on the run page: its latest value, and how many points when it has a history. */
export const metricSummary = (history: Point[]) => `${fmtValue(latest(history))}${history.length > 1 ? ` (${history.length} points)` : ''}`;

/** Rows and charts of the compare page: params and metrics of any of the runs, and the metrics with a history to chart. */
export function compareRows(runs: UiRun[]): { params: string[]; metrics: string[]; charted: string[] } {
  const params = [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort();
  const metrics = [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))].sort();
  return { params, metrics, charted: metrics.filter((m) => runs.some((r) => (r.metrics[m]?.length ?? 0) > 1)) };
}

/** A registered model's versions, newest first, as MLflow's model page lists them. */
export const versionsNewestFirst = (model: UiRegisteredModel) => Object.values(model.versions).reverse();

/** "@alias → vN" for each alias of a model, or a dash. */
export const aliasList = (model: UiRegisteredModel) =>
  Object.entries(model.aliases)
    .map(([a, v]) => `@${a} → v${v}`)
    .join(', ') || '—';

/**
 * A chart's rows, one per step, a column per series. A chart cannot place NaN
 * or ±Infinity: those points are left as gaps and counted, for the label to say so.
 */
export function chartRows(series: { name: string; points: Point[] }[]): { rows: Record<string, number>[]; skipped: number } {
  const steps = [...new Set(series.flatMap((s) => s.points.map((p) => p[2])))].sort((a, b) => a - b);
  const rows = steps.map((step) => {
    const row: Record<string, number> = { step };
    for (const s of series) {
      // The last point logged at a step wins, as MLflow draws it.
      const p = [...s.points].reverse().find((q) => q[2] === step);
      if (p && Number.isFinite(p[0])) row[s.name] = p[0];
    }
    return row;
  });
  const skipped = series.reduce((n, s) => n + s.points.filter((p) => !Number.isFinite(p[0])).length, 0);
  return { rows, skipped };
}

export const fmtTime = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function fmtDuration(run: Pick<UiRun, 'start_time' | 'end_time' | 'status'>): string {
  if (run.end_time === null) return run.status === 'RUNNING' ? 'running' : '—';
  const s = (run.end_time - run.start_time) / 1000;
  return s < 60 ? `${s.toFixed(1)}s` : `${Math.floor(s / 60)}min ${Math.round(s % 60)}s`;
}

export const fmtSize = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

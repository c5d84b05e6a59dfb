// The runs table's pure logic: the value MLflow shows for a metric, how a cell
// is written, and sorting by a column (kept out of the component to test it alone).
import type { Point, UiRun } from './store';

/** The value MLflow shows for a metric: the latest point at the largest step. */
export function latest(history: Point[]): number | undefined {
  let best: Point | undefined;
  for (const p of history) if (!best || p[2] > best[2] || (p[2] === best[2] && p[1] >= best[1])) best = p;
  return best?.[0];
}

/** Four significant digits; NaN and ±Infinity written out, as MLflow's UI shows the values it is sent. */
export const fmtValue = (v: number | undefined) => (v === undefined ? '—' : Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v));

export type SortKey = { column: string; direction: 'ascending' | 'descending' };

/** Columns of the runs table for these runs: params and metrics, each sorted by name. */
export function runColumns(runs: UiRun[]) {
  return {
    params: [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort(),
    metrics: [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))].sort(),
  };
}

function sortValue(run: UiRun, column: string): string | number | undefined {
  if (column === 'Created') return run.start_time;
  if (column === 'Run Name') return run.run_name;
  if (column === 'Duration') return (run.end_time ?? run.start_time) - run.start_time;
  if (column.startsWith('param:')) {
    const v = run.params[column.slice(6)];
    return v === undefined ? undefined : Number.isNaN(Number(v)) ? v : Number(v);
  }
  if (column.startsWith('metric:')) return latest(run.metrics[column.slice(7)] ?? []);
  return 0;
}

/**
 * Runs sorted by one column. A run without the value, or with NaN, goes last
 * whichever the direction (NaN compares false with everything, so it cannot sort in place).
 */
export function sortRuns(runs: UiRun[], sort: SortKey): UiRun[] {
  const sign = sort.direction === 'descending' ? -1 : 1;
  const missing = (v: string | number | undefined) => v === undefined || (typeof v === 'number' && Number.isNaN(v));
  // Each run's value is found once, not in every comparison (20,000 runs: ~290,000 of them).
  const keyed = runs.map((run) => ({ run, value: sortValue(run, sort.column) }));
  keyed.sort(({ value: x }, { value: y }) => {
    if (missing(x) || missing(y)) return Number(missing(x)) - Number(missing(y));
    const xs = x as string | number;
    const ys = y as string | number;
    if (typeof xs !== typeof ys) return sign * (typeof xs === 'number' ? -1 : 1); // numbers before text
    return xs < ys ? -sign : xs > ys ? sign : 0;
  });
  return keyed.map((k) => k.run);
}

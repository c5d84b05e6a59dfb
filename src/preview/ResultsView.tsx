import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartMark } from './registry';
import type { ShownCell, ShownChart, ShownResult, ShownTable } from '../lab';

/** localhost:3000 — the tables and charts the learner's program showed with lab.show_table / lab.show_chart. */
export default function ResultsView({ shown, marks = [] }: { shown: ShownResult[]; marks?: ChartMark[] }) {
  if (shown.length === 0) {
    return (
      <p className="text-sm text-muted">
        Nothing was shown in this run — call <code>lab.show_table(title, rows)</code> or <code>lab.show_chart(title, x, ys)</code> to see your results here.
      </p>
    );
  }
  return (
    <div className="grid gap-4 font-sans text-sm">
      {shown.map((item, i) => (item.type === 'table' ? <ResultTable key={i} table={item} /> : <ResultChart key={i} chart={item} marks={marks} />))}
    </div>
  );
}

const cellText = (v: ShownCell) => (v === null ? 'None' : typeof v === 'boolean' ? (v ? 'True' : 'False') : typeof v === 'number' ? String(Number(v.toPrecision(6))) : v);

function ResultTable({ table }: { table: ShownTable }) {
  const cut = table.totalRows > table.rows.length;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs">
        <caption className="mb-1 text-left text-sm font-semibold">
          {table.title}
          {cut && <span className="ml-2 font-normal text-muted">(the first {table.rows.length} of {table.totalRows} rows)</span>}
        </caption>
        <thead className="bg-surface-2">
          <tr>
            {table.index && <td />}
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className="px-2 py-1 text-left">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className="border-t border-line">
              {table.index && (
                <th scope="row" className="bg-surface-2 px-2 py-1 text-left">
                  {table.index[r]}
                </th>
              )}
              {row.map((v, c) => (
                <td key={c} className={`px-2 py-1 ${typeof v === 'number' ? 'text-right font-mono' : ''}`}>
                  {cellText(v)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const COLOURS = ['var(--accent)', 'var(--ok)', 'var(--warn)', 'var(--bad)'];
const round = (n: number) => Number(n.toPrecision(4));

/** The chart in words: each series' first and last value and its range, for screen readers. */
export function describeChart(chart: ShownChart, marks: ChartMark[] = []): string {
  const first = chart.x[0];
  const last = chart.x.at(-1);
  const over = `${chart.xLabel ?? 'x'} ${String(first)} to ${String(last)}`;
  const parts = chart.series.map((s) => {
    const values = s.values.filter((v): v is number => v !== null);
    if (values.length === 0) return `${s.name}: no values`;
    const start = values[0] ?? 0;
    const end = values.at(-1) ?? 0;
    return `${s.name} from ${round(start)} to ${round(end)} (lowest ${round(Math.min(...values))}, highest ${round(Math.max(...values))})`;
  });
  const marked = marks.length ? ` Marked: ${marks.map((m) => `${m.label} at ${m.axis} = ${m.value}`).join('; ')}.` : '';
  return `${chart.kind === 'bar' ? 'Bar' : 'Line'} chart “${chart.title}”, ${chart.x.length} points over ${over}: ${parts.join('; ')}.${marked}`;
}

function ResultChart({ chart, marks: allMarks }: { chart: ShownChart; marks: ChartMark[] }) {
  const id = useId();
  // Series are keyed by position: a series may be called anything, "x" too.
  const data = chart.x.map((x, i) => Object.fromEntries([['x', x], ...chart.series.map((s, j) => [`s${j}`, s.values[i] ?? null])]) as Record<string, unknown>);
  const numericX = chart.kind === 'line' && chart.x.every((v) => typeof v === 'number');
  // A mark on x needs numbers along x to stand at; one on y fits any chart.
  const marks = allMarks.filter((m) => m.axis === 'y' || numericX);
  const axes = (
    <>
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
      <XAxis
        dataKey="x"
        type={numericX ? 'number' : 'category'}
        domain={numericX ? ['dataMin', 'dataMax'] : undefined}
        stroke="var(--muted)"
        fontSize={11}
        label={chart.xLabel ? { value: chart.xLabel, position: 'insideBottomRight', offset: -2, fill: 'var(--muted)', fontSize: 11 } : undefined}
      />
      <YAxis stroke="var(--muted)" fontSize={11} label={chart.yLabel ? { value: chart.yLabel, angle: -90, position: 'insideLeft', fill: 'var(--muted)', fontSize: 11 } : undefined} />
      <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }} />
      {chart.series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
      {marks.map((m, i) => (
        <ReferenceLine
          key={`mark-${i}`}
          {...(m.axis === 'x' ? { x: m.value } : { y: m.value })}
          stroke="var(--warn)"
          strokeDasharray="4 3"
          label={{ value: `${m.label} ${m.value}`, position: m.axis === 'x' ? 'insideTopRight' : 'insideBottomLeft', fill: 'var(--warn)', fontSize: 11 }}
        />
      ))}
    </>
  );
  const colour = (j: number) => COLOURS[j % COLOURS.length];
  return (
    <figure aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="mb-1 text-sm font-semibold">
        {chart.title}
      </figcaption>
      <div className="h-52 w-full" role="img" aria-label={describeChart(chart, marks)}>
        <ResponsiveContainer width="100%" height="100%">
          {chart.kind === 'bar' ? (
            <BarChart data={data} margin={{ top: 6, right: 12, bottom: 2, left: 0 }}>
              {axes}
              {chart.series.map((s, j) => (
                <Bar key={j} dataKey={`s${j}`} name={s.name} fill={colour(j)} isAnimationActive={false} />
              ))}
            </BarChart>
          ) : (
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
              {axes}
              {chart.series.map((s, j) => (
                <Line
                  key={j}
                  dataKey={`s${j}`}
                  name={s.name}
                  stroke={colour(j)}
                  // Past four colours, a dash tells series apart (and never colour alone).
                  strokeDasharray={j >= COLOURS.length ? '5 3' : undefined}
                  dot={false}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          )}
        </ResponsiveContainer>
      </div>
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-muted">The data as a table</summary>
        <ResultTable
          table={{
            type: 'table',
            title: chart.title,
            columns: [chart.xLabel ?? 'x', ...chart.series.map((s) => s.name)],
            index: null,
            rows: chart.x.map((x, i) => [x, ...chart.series.map((s) => s.values[i] ?? null)]),
            totalRows: chart.x.length,
          }}
        />
      </details>
    </figure>
  );
}

// A metric by step, one line per run, drawn with recharts.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartRows } from './pages';
import type { Point } from './store';

const SERIES_COLOURS = ['var(--accent)', 'var(--ok)', 'var(--warn)', 'var(--bad)', '#a78bfa', '#f472b6'];

export function MetricChart({ series, label }: { series: { name: string; points: Point[] }[]; label: string }) {
  const { rows: data, skipped } = chartRows(series);
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

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunOutcome } from '../lab/types';

const level = (psi: number) => (psi > 0.25 ? 'major' : psi >= 0.1 ? 'moderate' : 'stable');
const LEVEL_STYLE = { major: 'text-bad', moderate: 'text-warn', stable: 'text-ok' } as const;

/** localhost:3000/the-feedback-loop — drift per feature, and what the run did about it. */
export default function DriftMonitor({ outcome }: { outcome: RunOutcome }) {
  const rows = outcome.drift.map((d, i) => ({ column: d.column ?? `sample ${i + 1}`, psi: Number(d.psi.toFixed(3)) }));
  if (rows.length === 0) {
    return <p className="text-sm text-muted">No drift was measured in this run — call <code>lab.psi(reference, current)</code> for each feature.</p>;
  }
  const promoted = outcome.newVersions.filter((v) => outcome.tracking.registered_models[v.name]?.aliases.champion === v.version);
  return (
    <div className="font-sans text-sm">
      <h3 className="text-base font-semibold">Drift monitor</h3>
      <p className="text-xs text-muted">Population stability index per feature: below 0.1 stable, 0.1–0.25 moderate, above 0.25 major.</p>
      <div className="mt-2 h-44 w-full" role="img" aria-label={rows.map((r) => `${r.column} PSI ${r.psi} (${level(r.psi)})`).join('; ')}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 6, right: 12, bottom: 2, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="column" stroke="var(--muted)" fontSize={11} />
            <YAxis stroke="var(--muted)" fontSize={11} />
            <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }} />
            <ReferenceLine y={0.25} stroke="var(--bad)" strokeDasharray="4 3" />
            <ReferenceLine y={0.1} stroke="var(--warn)" strokeDasharray="4 3" />
            <Bar dataKey="psi" fill="var(--accent)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="mt-2 w-full text-xs">
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className="px-2 py-1 text-left">Feature</th>
            <th scope="col" className="px-2 py-1 text-left">PSI</th>
            <th scope="col" className="px-2 py-1 text-left">Drift</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className="border-t border-line">
              <td className="px-2 py-1 font-mono">{r.column}</td>
              <td className="px-2 py-1 font-mono">{r.psi}</td>
              <td className={`px-2 py-1 font-semibold ${LEVEL_STYLE[level(r.psi)]}`}>{level(r.psi)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2">
        {promoted.length > 0
          ? `Retrained: ${promoted.map((v) => `${v.name} version ${v.version}`).join(', ')} is now the champion.`
          : outcome.newVersions.length > 0
            ? `A new version was registered (${outcome.newVersions.map((v) => `${v.name} v${v.version}`).join(', ')}) but not promoted to champion.`
            : 'No model was retrained in this run.'}
      </p>
    </div>
  );
}

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DriftRecord, RunOutcome } from '../lab';

const level = (psi: number) => (psi > 0.25 ? 'major' : psi >= 0.1 ? 'moderate' : 'stable');
const LEVEL_STYLE = { major: 'text-bad', moderate: 'text-warn', stable: 'text-ok' } as const;

/** localhost:3000/the-feedback-loop — drift per feature, and what the run did about it. */
export default function DriftMonitor({ outcome }: { outcome: RunOutcome }) {
  const rows = outcome.drift.map((d, i) => ({ column: d.column ?? `sample ${i + 1}`, psi: Number(d.psi.toFixed(3)) }));
  if (rows.length === 0) {
    return <p className="text-sm text-muted">No drift was measured in this run — call <code>lab.psi(reference, current)</code> for each feature.</p>;
  }
  // A new version some alias of its model now points at (whichever alias the lesson uses).
  const promoted = outcome.newVersions.flatMap((v) => {
    const aliases = Object.entries(outcome.tracking.registered_models[v.name]?.aliases ?? {}).filter(([, version]) => version === v.version);
    return aliases.length > 0 ? [`${v.name} version ${v.version} is now ${aliases.map(([alias]) => `@${alias}`).join(' and ')}`] : [];
  });
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
      <FeatureDistributions records={outcome.drift} />
      <p className="mt-2">
        {promoted.length > 0
          ? `Retrained: ${promoted.join('; ')}.`
          : outcome.newVersions.length > 0
            ? `A new version was registered (${outcome.newVersions.map((v) => `${v.name} v${v.version}`).join(', ')}), but no alias points at it.`
            : 'No model was retrained in this run.'}
      </p>
    </div>
  );
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Reference against current, per feature (issue 23), as Evidently's data drift report draws them: the share of
 * rows in each bin. The bins are the reference's quantiles (lab.psi), so the reference is about flat and a
 * drifted feature's current rows pile up in a few bins. The last measurement of each feature is drawn.
 */
function FeatureDistributions({ records }: { records: DriftRecord[] }) {
  const byFeature = new Map<string, DriftRecord>();
  records.forEach((d, i) => byFeature.set(d.column ?? `sample ${i + 1}`, d));
  return (
    <section aria-labelledby="drift-distributions" className="mt-3">
      <h4 id="drift-distributions" className="text-sm font-semibold">
        Distributions: reference and current
      </h4>
      <p className="text-xs text-muted">Share of rows in each bin; the bins split the reference into equal parts, so the reference is about flat.</p>
      <ul className="mt-2 grid gap-3 sm:grid-cols-2">
        {[...byFeature].map(([feature, d]) => {
          const data = d.reference.map((r, i) => ({ bin: i + 1, reference: Number(r.toFixed(4)), current: Number((d.current[i] ?? 0).toFixed(4)) }));
          const described = data.map((b) => `bin ${b.bin}: ${percent(b.reference)} vs ${percent(b.current)}`).join(', ');
          return (
            <li key={feature} className="rounded-lg border border-line p-2">
              <p className="font-mono text-xs">
                {feature} <span className={LEVEL_STYLE[level(d.psi)]}>· PSI {d.psi.toFixed(3)} ({level(d.psi)})</span>
              </p>
              <div className="h-32 w-full" role="img" aria-label={`${feature}, share of rows per bin, reference vs current: ${described}`}>
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -18 }} barGap={0}>
                    <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="bin" stroke="var(--muted)" fontSize={10} />
                    <YAxis stroke="var(--muted)" fontSize={10} tickFormatter={percent} />
                    <Tooltip formatter={(v) => percent(Number(v))} contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }} />
                    <Bar dataKey="reference" name="reference" fill="var(--muted)" isAnimationActive={false} />
                    <Bar dataKey="current" name="current" fill="var(--bad)" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <p className="text-[0.7rem] text-muted">
                <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 bg-[var(--muted)]" />
                reference
                <span aria-hidden="true" className="ml-3 mr-1 inline-block h-2 w-2 bg-[var(--bad)]" />
                current
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunOutcome } from '../lab';

// recharts registers each axis, line and style in its own store from these props, and
// re-registers (a commit and a render more) whenever one is a new object: so they are made once.
const MARGIN = { top: 8, right: 16, bottom: 4, left: 0 };
const EPOCH_LABEL = { value: 'epoch', position: 'insideBottomRight', offset: -2, fill: 'var(--muted)', fontSize: 11 } as const;
const LOSS_DOMAIN = [0, 'auto'] as const;
const ACCURACY_DOMAIN = [0, 1] as const;
const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' };
const LEGEND_STYLE = { fontSize: 12 };

/**
 * localhost:3000/the-training-loop — the learner's loss and accuracy per epoch.
 * Memoised on the outcome: the view stays while the next run goes (StepPreview.tsx), and its
 * chart is drawn again only for a new result, not for the running state or streamed output.
 */
export default memo(function TrainingReport({ outcome }: { outcome: RunOutcome }) {
  const training = outcome.training.at(-1);
  if (!training) {
    return <p className="text-sm text-muted">No model was trained in this run — call <code>model.fit(...)</code> to see its training curve.</p>;
  }
  const points = training.history.map(([epoch, loss, accuracy]) => ({ epoch, loss: round(loss), accuracy: round(accuracy) }));
  const last = points.at(-1);
  const accuracy = outcome.variables.accuracy;
  return (
    <div className="font-sans">
      <h3 className="text-base font-semibold">Training report</h3>
      <p className="text-xs text-muted">
        Logistic regression · learning rate {training.learning_rate} · {training.epochs} epochs
        {outcome.training.length > 1 ? ` · last of ${outcome.training.length} models trained in this run` : ''}
      </p>
      <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
        <Stat label="Final training loss" value={last?.loss} />
        <Stat label="Final training accuracy" value={last?.accuracy} />
        <Stat label="Test accuracy" value={typeof accuracy === 'number' ? round(accuracy) : undefined} />
      </dl>
      <figure className="mt-3">
        <div className="h-56 w-full" role="img" aria-label={`Loss falls from ${points[0]?.loss} to ${last?.loss} over ${points.length} epochs; accuracy ends at ${last?.accuracy}.`}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} margin={MARGIN}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
              <XAxis dataKey="epoch" stroke="var(--muted)" fontSize={11} label={EPOCH_LABEL} />
              <YAxis yAxisId="loss" stroke="var(--muted)" fontSize={11} domain={LOSS_DOMAIN} />
              <YAxis yAxisId="accuracy" orientation="right" stroke="var(--muted)" fontSize={11} domain={ACCURACY_DOMAIN} />
              <Tooltip contentStyle={TOOLTIP_STYLE} />
              <Legend wrapperStyle={LEGEND_STYLE} />
              <Line yAxisId="loss" type="monotone" dataKey="loss" stroke="var(--accent)" dot={false} strokeWidth={2} isAnimationActive={false} />
              <Line yAxisId="accuracy" type="monotone" dataKey="accuracy" stroke="var(--ok)" dot={false} strokeWidth={2} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <figcaption className="mt-1 text-xs text-muted">Loss (left axis) and training accuracy (right axis) after each epoch of your run.</figcaption>
      </figure>
    </div>
  );
});

function Stat({ label, value }: { label: string; value: number | undefined }) {
  return (
    <div className="rounded-lg border border-line bg-surface-2 p-2">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="font-mono text-base font-semibold">{value ?? '—'}</dd>
    </div>
  );
}

const round = (n: number) => Number(n.toFixed(4));

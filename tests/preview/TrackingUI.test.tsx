import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TrackedRun, TrackingStore } from '../../src/lab/types';
import TrackingUI from '../../src/preview/tracking/TrackingUI';

const run = (id: string, name: string, lr: string, acc: number, start: number, extra: Partial<TrackedRun> = {}): TrackedRun => ({
  run_id: id.padEnd(32, '0'),
  run_name: name,
  experiment_id: '1',
  status: 'FINISHED',
  start_time: start,
  end_time: start + 1500,
  lifecycle_stage: 'active',
  artifact_uri: '',
  params: { learning_rate: lr, epochs: '30' },
  metrics: { accuracy: [[acc, start, 0]], loss: [[0.7, start, 1], [0.5, start, 2], [0.4, start, 3]] },
  tags: { 'mlflow.source.name': 'track.py', 'mlflow.runName': name },
  models: [],
  ...extra,
});

const a = run('a', 'calm-owl-1', '0.01', 0.81, 1_000);
const b = run('b', 'bold-fox-2', '0.5', 0.86, 2_000, { models: ['m-1'] });
const c = run('c', 'wise-yak-3', '0.1', 0.84, 3_000, { status: 'FAILED' });

const store: TrackingStore = {
  experiments: {
    '0': { experiment_id: '0', name: 'Default', artifact_location: '', lifecycle_stage: 'active', creation_time: 0, tags: {} },
    '1': { experiment_id: '1', name: 'failure-prediction', artifact_location: '', lifecycle_stage: 'active', creation_time: 0, tags: {} },
  },
  runs: { [a.run_id]: a, [b.run_id]: b, [c.run_id]: c },
  logged_models: { 'm-1': { model_id: 'm-1', name: 'model', experiment_id: '1', source_run_id: b.run_id, creation_timestamp: 2_500, flavor: 'sklearn', model: {} } },
  registered_models: {
    'failure-classifier': {
      name: 'failure-classifier',
      creation_timestamp: 2_500,
      last_updated_timestamp: 2_600,
      aliases: { champion: '1' },
      versions: { '1': { name: 'failure-classifier', version: '1', source: 'models:/m-1', model_id: 'm-1', run_id: b.run_id, creation_timestamp: 2_500, status: 'READY' } },
    },
  },
};

const names = () => within(screen.getByRole('region', { name: 'Runs' })).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[1]?.textContent);

describe('the tracking UI', () => {
  it('opens the experiment of the newest run, with MLflow’s columns', () => {
    render(<TrackingUI store={store} newRuns={[c.run_id]} onNavigate={() => {}} />);
    const headers = within(screen.getByRole('region', { name: 'Runs' })).getAllByRole('columnheader').map((h) => h.textContent?.replace(/[↓↑]/g, '').trim());
    expect(headers).toEqual(['Select', 'Run Name', 'Created', 'Duration', 'Source', 'Models', 'epochs', 'learning_rate', 'accuracy', 'loss']);
    expect(names()).toEqual(['wise-yak-3FAILED', 'bold-fox-2', 'calm-owl-1']); // newest first
    expect(within(screen.getByRole('row', { name: /bold-fox-2/ })).getByText('1 model')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /calm-owl-1/ })).getByText('1.5s')).toBeInTheDocument();
  });

  it('sorts by a metric column, both ways', async () => {
    const user = userEvent.setup();
    render(<TrackingUI store={store} newRuns={[]} onNavigate={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'accuracy' }));
    expect(screen.getByRole('columnheader', { name: /accuracy/ })).toHaveAttribute('aria-sort', 'descending');
    expect(names()).toEqual(['bold-fox-2', 'wise-yak-3FAILED', 'calm-owl-1']);
    await user.click(screen.getByRole('button', { name: /accuracy/ }));
    expect(names()).toEqual(['calm-owl-1', 'wise-yak-3FAILED', 'bold-fox-2']);
  });

  it('a run page has params, metrics with history and its registered model; the address follows', async () => {
    const user = userEvent.setup();
    const onNavigate = vi.fn();
    render(<TrackingUI store={store} newRuns={[]} onNavigate={onNavigate} />);
    await user.click(screen.getByRole('button', { name: 'bold-fox-2' }));
    expect(onNavigate).toHaveBeenLastCalledWith(`localhost:5000/#/experiments/1/runs/${b.run_id}`);
    const page = within(screen.getByRole('article', { name: 'Run bold-fox-2' }));
    expect(page.getByRole('rowheader', { name: 'learning_rate' }).nextSibling).toHaveTextContent('0.5');
    expect(page.getByRole('rowheader', { name: 'loss' }).nextSibling).toHaveTextContent('0.4 (3 points)');
    expect(page.getByRole('img', { name: 'loss over 3 steps, last value 0.4' })).toBeInTheDocument();
    expect(page.getByText(/Registered as/)).toHaveTextContent('Registered as failure-classifier version 1@champion');
  });

  it('compares selected runs side by side', async () => {
    const user = userEvent.setup();
    const onNavigate = vi.fn();
    render(<TrackingUI store={store} newRuns={[]} onNavigate={onNavigate} />);
    expect(screen.getByRole('button', { name: 'Compare (0)' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Select calm-owl-1' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select bold-fox-2' }));
    await user.click(screen.getByRole('button', { name: 'Compare (2)' }));
    expect(onNavigate).toHaveBeenLastCalledWith(`localhost:5000/#/compare-runs?runs=["${a.run_id}","${b.run_id}"]`);
    const table = within(screen.getByRole('region', { name: 'Comparison' }));
    expect(table.getByRole('row', { name: /param: learning_rate/ })).toHaveTextContent('param: learning_rate0.010.5');
    expect(screen.getByRole('img', { name: 'loss by step for calm-owl-1, bold-fox-2' })).toBeInTheDocument();
  });

  it('lists registered models with versions and aliases', async () => {
    const user = userEvent.setup();
    render(<TrackingUI store={store} newRuns={[]} onNavigate={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Models' }));
    expect(screen.getByRole('row', { name: /failure-classifier/ })).toHaveTextContent('@champion → v1');
    await user.click(screen.getByRole('button', { name: 'failure-classifier' }));
    const model = within(screen.getByRole('article', { name: 'Registered model failure-classifier' }));
    expect(model.getByRole('row', { name: /Version 1/ })).toHaveTextContent(/Version 1.*@champion.*bold-fox-2/);
  });
});

describe('what the store can hold that JSON and old labs make awkward', () => {
  // MLflow stores NaN and ±Infinity; the outcome carries them as "NaN", "Infinity", "-Infinity"
  // (the strings protobuf's JSON mapping writes, see mlflow/mlflow PR #1613), and MLflow's UI
  // shows the values it is sent, so the cells read NaN / Infinity / -Infinity.
  const nanRun = run('d', 'nan-run-4', '9.9', 0.5, 4_000, {
    metrics: { accuracy: [['NaN', 4_000, 0]], loss: [[0.9, 4_000, 0], ['Infinity', 4_000, 1], ['-Infinity', 4_000, 2]] },
  });
  const withNaN: TrackingStore = { ...store, runs: { ...store.runs, [nanRun.run_id]: nanRun } };

  it('shows NaN and infinities where MLflow would, sorts NaN last, and leaves them out of charts with a word', async () => {
    const user = userEvent.setup();
    render(<TrackingUI store={withNaN} newRuns={[nanRun.run_id]} onNavigate={() => {}} />);
    const row = within(screen.getByRole('row', { name: /nan-run-4/ }));
    expect(row.getByText('NaN')).toBeInTheDocument();
    expect(row.getByText('-Infinity')).toBeInTheDocument(); // loss: the latest step holds -inf
    await user.click(screen.getByRole('button', { name: 'accuracy' }));
    expect(names()).toEqual(['bold-fox-2', 'wise-yak-3FAILED', 'calm-owl-1', 'nan-run-4']);
    await user.click(screen.getByRole('button', { name: /accuracy/ }));
    expect(names()).toEqual(['calm-owl-1', 'wise-yak-3FAILED', 'bold-fox-2', 'nan-run-4']);
    await user.click(screen.getByRole('button', { name: 'nan-run-4' }));
    const page = within(screen.getByRole('article', { name: 'Run nan-run-4' }));
    expect(page.getByRole('rowheader', { name: 'accuracy' }).nextSibling).toHaveTextContent('NaN');
    expect(page.getByRole('img', { name: 'loss over 3 steps, last value -Infinity (2 points NaN or infinite, not drawn)' })).toBeInTheDocument();
  });

  it('leaves out entries with names that are not text, says so, and still draws the rest', () => {
    const broken = {
      ...store,
      experiments: { ...store.experiments, '9': { experiment_id: '9', name: ['x'], lifecycle_stage: 'active', tags: {} } },
      runs: { ...store.runs, bad: { ...a, run_id: 'bad', run_name: { a: 1 } } },
      logged_models: { ...store.logged_models, 'm-bad': { model_id: 'm-bad', name: {}, experiment_id: '1', source_run_id: a.run_id } },
    } as unknown as TrackingStore;
    render(<TrackingUI store={broken} newRuns={['bad']} onNavigate={() => {}} />);
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('Some entries of the lab’s tracking store could not be shown and were left out:');
    expect(within(notice).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Experiment 9 was left out: its name is not text.',
      'Run bad was left out: its run name is not text.',
      'Logged model m-bad was left out: its name is not text.',
    ]);
    expect(names()).toEqual(['wise-yak-3FAILED', 'bold-fox-2', 'calm-owl-1']);
  });

  it('a store that is not a store at all is a notice, not a crash', () => {
    render(<TrackingUI store={null as unknown as TrackingStore} newRuns={[]} onNavigate={() => {}} />);
    expect(screen.getByRole('status')).toHaveTextContent('The tracking store could not be read, so nothing is shown.');
    expect(screen.getByRole('navigation', { name: 'Tracking UI' })).toBeInTheDocument();
  });

  it('lists a run’s artifacts with their text, as MLflow’s run page does', async () => {
    const user = userEvent.setup();
    const withFiles = run('e', 'files-run-5', '0.2', 0.8, 5_000, {
      artifacts: { 'notes.md': { size: 24, text: '# Notes\nlr 0.5 was best\n' }, 'model.bin': { size: 2048, text: null } },
    });
    render(<TrackingUI store={{ ...store, runs: { ...store.runs, [withFiles.run_id]: withFiles } }} newRuns={[]} onNavigate={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'files-run-5' }));
    const files = within(screen.getByRole('list', { name: 'Artifact files' }));
    expect(files.getAllByRole('button').map((b) => b.textContent)).toEqual(['model.bin', 'notes.md']);
    expect(screen.getByText(/binary or too large/)).toBeInTheDocument();
    await user.click(files.getByRole('button', { name: 'notes.md' }));
    expect(screen.getByLabelText('Contents of notes.md')).toHaveTextContent('# Notes lr 0.5 was best');
    expect(screen.getByText('24 B', { exact: false })).toBeInTheDocument();
  });
});

describe('many runs (issue 22)', () => {
  const many = (n: number): TrackingStore => {
    const runs: Record<string, TrackedRun> = {};
    for (let i = 0; i < n; i++) {
      const r = run(i.toString(16).padStart(32, "0"), `run-${i}`, String(i % 7), (i % 100) / 100, 10_000 + i);
      runs[r.run_id] = r;
    }
    return { ...store, runs };
  };

  it('20,000 runs: the table draws only rows near the view, newest first, and says how many rows it has', () => {
    render(<TrackingUI store={many(20_000)} newRuns={[]} onNavigate={() => {}} />);
    const table = within(screen.getByRole('region', { name: 'Runs' })).getByRole('table');
    expect(table).toHaveAttribute('aria-rowcount', '20001');
    const drawn = names();
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(100);
    expect(drawn[0]).toBe('run-19999');
  });

  it('a new Run with more runs keeps the page the learner is on and highlights the new ones (no remount)', async () => {
    const user = userEvent.setup();
    const first = many(3);
    const { rerender } = render(<TrackingUI store={first} newRuns={[]} onNavigate={() => {}} />);
    await user.click(screen.getByRole('checkbox', { name: 'Select run-1' }));
    const extra = run('new', 'new-run', '0.2', 0.9, 99_000);
    rerender(<TrackingUI store={{ ...first, runs: { ...first.runs, [extra.run_id]: extra } }} newRuns={[extra.run_id]} onNavigate={() => {}} />);
    expect(screen.getByRole('checkbox', { name: 'Select run-1' })).toBeChecked(); // the table kept its state
    expect(screen.getByRole('row', { name: /new-run/ })).toHaveClass('bg-accent/10');
    expect(screen.getByRole('row', { name: /run-1\b/ })).not.toHaveClass('bg-accent/10');
  });
});

// The results preview: the learner's tables as real tables, charts with a text alternative.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ShownChart, ShownTable } from '../../src/lab/types';
import ResultsView, { describeChart } from '../../src/preview/ResultsView';

const matrix: ShownTable = {
  type: 'table',
  title: 'Confusion matrix',
  columns: ['predicted 0', 'predicted 1'],
  index: ['actual 0', 'actual 1'],
  rows: [
    [38, 4],
    [3, 35],
  ],
  totalRows: 2,
};
const curve: ShownChart = {
  type: 'chart',
  title: 'Training loss',
  kind: 'line',
  x: [1, 2, 3],
  series: [
    { name: 'loss', values: [0.69, 0.5, 0.41] },
    { name: 'accuracy', values: [0.6, null, 0.85] },
  ],
  xLabel: 'epoch',
  yLabel: null,
};

describe('ResultsView', () => {
  it('says how to show something when the run showed nothing', () => {
    render(<ResultsView shown={[]} />);
    expect(screen.getByText(/Nothing was shown in this run/)).toHaveTextContent('lab.show_table(title, rows)');
  });

  it('a confusion matrix is a table with its caption and row and column headers', () => {
    render(<ResultsView shown={[matrix]} />);
    const table = screen.getByRole('table', { name: 'Confusion matrix' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['predicted 0', 'predicted 1']);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['actual 0', 'actual 1']);
    const second = within(table).getAllByRole('row')[2]!;
    expect(within(second).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3', '35']);
  });

  it('a cut table says how many rows there were; Python values read as Python', () => {
    render(<ResultsView shown={[{ ...matrix, title: 'Runs', index: null, columns: ['a', 'b', 'c'], rows: [[null, true, 0.1 + 0.2]], totalRows: 500 }]} />);
    const table = screen.getByRole('table', { name: /Runs/ });
    expect(table).toHaveTextContent('(the first 1 of 500 rows)');
    expect(within(table).getAllByRole('cell').map((c) => c.textContent)).toEqual(['None', 'True', '0.3']);
  });

  it('a chart is an image with its numbers in words, and its data as a table on request', async () => {
    const user = userEvent.setup();
    render(<ResultsView shown={[matrix, curve]} />);
    expect(screen.getByRole('figure', { name: 'Training loss' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: describeChart(curve) })).toBeInTheDocument();
    expect(describeChart(curve)).toBe(
      'Line chart “Training loss”, 3 points over epoch 1 to 3: loss from 0.69 to 0.41 (lowest 0.41, highest 0.69); accuracy from 0.6 to 0.85 (lowest 0.6, highest 0.85).',
    );
    await user.click(screen.getByText('The data as a table'));
    const data = screen.getByRole('table', { name: 'Training loss' });
    expect(within(data).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['epoch', 'loss', 'accuracy']);
    expect(within(data).getAllByRole('row')[2]).toHaveTextContent('20.5None');
  });
});

describe('chart marks (step preview.marks)', () => {
  const sweep: ShownChart = {
    type: 'chart',
    title: 'Precision and recall by threshold',
    kind: 'line',
    x: [0.1, 0.2, 0.3],
    series: [{ name: 'recall', values: [0.95, 0.85, 0.7] }],
    xLabel: 'threshold',
    yLabel: null,
  };

  // Issue 23: the threshold chart marked neither the chosen threshold nor the target.
  it('marks the chosen threshold (from the learner’s variable) and the target, and says so in words', async () => {
    const { chartMarks } = await import('../../src/lesson/StepPreview');
    const step = { preview: { address: 'localhost:3000', service: 'results' as const, marks: [
      { axis: 'x' as const, at: { variable: 'threshold' }, label: 'chosen threshold' },
      { axis: 'y' as const, at: 0.8, label: 'target recall' },
    ] } } as Parameters<typeof chartMarks>[0];
    const marks = chartMarks(step, { threshold: 0.2 });
    render(<ResultsView shown={[sweep]} marks={marks} />);
    expect(screen.getByRole('img')).toHaveAccessibleName(/Marked: chosen threshold at x = 0\.2; target recall at y = 0\.8\.$/);
    // A variable the run did not leave as a number marks nothing.
    expect(chartMarks(step, { threshold: 'high' })).toEqual([{ axis: 'y', value: 0.8, label: 'target recall' }]);
  });

  it('leaves x marks off a chart without numbers along x', () => {
    const bars: ShownChart = { ...sweep, kind: 'bar', x: ['a', 'b', 'c'] };
    render(<ResultsView shown={[bars]} marks={[{ axis: 'x', value: 0.2, label: 'chosen threshold' }]} />);
    expect(screen.getByRole('img')).not.toHaveAccessibleName(/Marked/);
  });
});

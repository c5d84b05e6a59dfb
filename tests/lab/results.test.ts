// lab.show_table / lab.show_chart in the real CPython (Pyodide): what the results preview and the checks receive.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFromWorker } from '../../src/lab/protocolSchema';
import { createNodeLab, type NodeLab } from './python';

let lab: NodeLab;
beforeAll(async () => {
  lab = await createNodeLab();
  await lab.judge();
}, 180_000);

describe('lab.show_table and lab.show_chart', () => {
  it('a confusion matrix and a loss curve arrive on the outcome, in order', () => {
    const r = lab.run(`import lab
data = lab.load_dataset("data/raw_data.csv")
train, test = lab.split(data, test_size=0.2, seed=42)
model = lab.LogisticRegression(learning_rate=0.5, epochs=5)
history = model.fit(train.X, train.y)
pred = model.predict(test.X)
cm = [[sum(1 for p, y in zip(pred, test.y) if y == a and p == b) for b in (0, 1)] for a in (0, 1)]
lab.show_table("Confusion matrix", cm, columns=["predicted 0", "predicted 1"], index=["actual 0", "actual 1"])
lab.show_chart("Loss", [e.epoch for e in history], {"loss": [e.loss for e in history], "accuracy": [e.accuracy for e in history]}, x_label="epoch")
total = sum(map(sum, cm))
`, { variables: ['total'] });
    expect(r.error).toBeNull();
    expect(r.shown).toHaveLength(2);
    const [table, chart] = r.shown ?? [];
    expect(table).toMatchObject({ type: 'table', title: 'Confusion matrix', columns: ['predicted 0', 'predicted 1'], index: ['actual 0', 'actual 1'], totalRows: 2 });
    expect(table?.type === 'table' && table.rows.flat().reduce<number>((n, v) => n + Number(v), 0)).toBe(r.variables.total);
    expect(chart).toMatchObject({ type: 'chart', title: 'Loss', kind: 'line', x: [1, 2, 3, 4, 5], xLabel: 'epoch', yLabel: null });
    expect(chart?.type === 'chart' && chart.series.map((s) => [s.name, s.values.length])).toEqual([
      ['loss', 5],
      ['accuracy', 5],
    ]);
  });

  it('takes dicts and datasets; cuts a long table and says how long it was; NaN is a gap', () => {
    const r = lab.run(`import lab
lab.show_table("Runs", [{"lr": 0.1, "acc": 0.9}, {"lr": 0.5, "acc": float("nan")}])
lab.show_table("Data", lab.load_dataset("data/raw_data.csv"))
lab.show_chart("Bars", ["a", "b"], [1, float("nan")], kind="bar")
`);
    expect(r.error).toBeNull();
    expect(r.shown?.[0]).toMatchObject({ columns: ['lr', 'acc'], rows: [[0.1, 0.9], [0.5, 'nan']], index: null });
    expect(r.shown?.[1]).toMatchObject({ columns: ['temperature', 'vibration', 'pressure', 'rpm', 'failure'], totalRows: 400 });
    expect(r.shown?.[1]?.type === 'table' && r.shown[1].rows).toHaveLength(200);
    expect(r.shown?.[2]).toMatchObject({ kind: 'bar', x: ['a', 'b'], series: [{ name: 'y', values: [1, null] }] });
  });

  it.each([
    ['lab.show_chart("c", range(1001), list(range(1001)))', 'ValueError', 'show_chart draws at most 1000 points per series; got 1001 (show every n-th point)'],
    ['lab.show_chart("c", [1, 2], [1])', 'ValueError', "show_chart: series 'y' has 1 values for 2 x values"],
    ['lab.show_chart("c", [1], ["high"])', 'TypeError', "series 'y' must be numbers, not str ('high')"],
    ['lab.show_chart("c", [1], [1], kind="pie")', 'ValueError', "show_chart's kind is 'line' or 'bar', not 'pie'"],
    ['lab.show_table("t", [[1, 2], [3]], columns=["a", "b"])', 'ValueError', 'show_table: row 1 has 1 values for 2 columns'],
    ['lab.show_table("t", [list(range(21))])', 'ValueError', 'show_table shows at most 20 columns; got 21'],
    ['for i in range(21): lab.show_table("t", [[i]])', 'ValueError', 'show_table: a run can show at most 20 tables and charts'],
  ])('refuses %s with a clear message', (line, type, message) => {
    const r = lab.run(`import lab\n${line}\n`);
    expect(r.error).toMatchObject({ type, message });
    expect(r.error?.line).toBe(2);
  });

  it('a new run starts with nothing shown', () => {
    lab.run('import lab\nlab.show_table("t", [[1]])\n');
    expect(lab.run('x = 1\n').shown).toEqual([]);
  });

  it('assert checks see the shown tables and charts as evidence["shown"]', () => {
    const check = `shown = [s for s in evidence["shown"] if s["type"] == "table"]
assert shown, "Show your confusion matrix with lab.show_table(...)."
assert shown[-1]["index"], "Give the matrix's rows headings (index=[...])."`;
    expect(lab.run('import lab\nlab.show_table("cm", [[1, 2], [3, 4]], columns=["p0", "p1"], index=["a0", "a1"])\n', { asserts: [check] }).asserts).toEqual({ [check]: null });
    expect(lab.run('import lab\nlab.show_table("cm", [[1, 2], [3, 4]])\n', { asserts: [check] }).asserts).toEqual({ [check]: "Give the matrix's rows headings (index=[...])." });
    expect(lab.run('x = 1\n', { asserts: [check] }).asserts).toEqual({ [check]: 'Show your confusion matrix with lab.show_table(...).' });
  });

  it('the page refuses a result whose shown data is past the caps (a program filling lab._shown by hand)', () => {
    const r = lab.run('import lab\nlab._shown.extend({"type": "table", "title": "t", "columns": [], "index": None, "rows": [], "totalRows": 0} for _ in range(11))\n');
    expect(r.error).toBeNull();
    // createNodeLab's own check would throw; check the reason the page gives directly.
    expect(parseFromWorker({ type: 'result', id: 1, nonce: 'n', outcome: { ...r, shown: [...(r.shown ?? []), ...(r.shown ?? [])] }, changes: { files: {}, removed: [] }, chunks: [], truncatedLines: 0, truncatedBytes: 0 })).toEqual({
      ok: false,
      reason: 'outcome.shown: more than 20 items',
    });
  });
});

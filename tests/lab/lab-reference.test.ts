// The lab reference (src/lab/reference.ts) is generated from the lab itself: the real
// modules introspected in the node lab, the evidence of a real run, the shell's command
// table. This test fails when the committed reference and the code disagree;
// `npx vitest run tests/lab/lab-reference.test.ts -u` writes both files again.
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeLab, type NodeLab } from '../../scripts/node-lab';
import { EVIDENCE_PROBE_PY, INTROSPECT_PY, REFERENCE_MODULES, referenceMarkdown, type LabReference } from '../../src/lab/reference';
import { shellReference } from '../../src/lab/worker/shellRuntime';

/** A run that leaves every kind of evidence: a split, fits, scores, predictions, drift, a table, a chart, a logged and registered model. */
const EVERYTHING = `
import lab, mlflow
data = lab.load_dataset("data/raw_data.csv")
live = lab.load_dataset("data/live/batch_01.csv")
train, test = lab.split(data, test_size=0.25, seed=1)
model = lab.LogisticRegression(learning_rate=0.1, epochs=3)
model.fit(train.X, train.y)
model.score(test.X, test.y)
model.predict(test.X[:2])
lab.psi(data.column("temperature"), live.column("temperature"))
lab.show_table("rows", data.head(2))
lab.show_chart("loss", [1, 2, 3], {"loss": [0.6, 0.5, 0.4]})
with mlflow.start_run():
    mlflow.log_param("learning_rate", 0.1)
    mlflow.log_metric("accuracy", 0.9)
    mlflow.sklearn.log_model(model, name="model", registered_model_name="reference-model")
mlflow.sklearn.load_model("models:/reference-model/1")
`;

let lab: NodeLab;
let reference: LabReference;

beforeAll(async () => {
  lab = await createNodeLab();
  await lab.judge();
  const modules = JSON.parse(lab.py.runPython(`MODULES = ${JSON.stringify(REFERENCE_MODULES)}\n${INTROSPECT_PY}`) as string) as LabReference['modules'];
  const run = lab.run(EVERYTHING, { filename: 'main.py', asserts: [EVIDENCE_PROBE_PY] });
  if (run.error) throw new Error(`the reference run failed: ${run.error.message}\n${run.stderr}`);
  const probed = JSON.parse(run.asserts?.[EVIDENCE_PROBE_PY] ?? 'null') as Pick<LabReference, 'scope' | 'evidence'>;
  reference = { modules, ...probed, shell: shellReference() };
}, 240_000);

describe('the lab reference', () => {
  it('documents what the lab offers: the lab module, the stand-ins, the assert scope, the evidence and the shell', () => {
    const lab = reference.modules.find((m) => m.module === 'lab')!;
    expect(lab.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['load_dataset', 'split', 'psi', 'show_table', 'show_chart', 'LogisticRegression']));
    expect(lab.entries.find((e) => e.name === 'show_table')?.signature).toBe('(title, rows, columns=None, index=None)');
    expect(reference.modules.find((m) => m.module === 'mlflow')?.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['start_run', 'log_param', 'log_metric']));
    expect(reference.scope.map((n) => n.name)).toEqual(expect.arrayContaining(['evidence', 'ns', 'rerun', 'request', 'registered_model', 'labels_of', 'accuracy_of', 'tested_accuracies']));
    const fits = reference.evidence.find((f) => f.key === 'fits');
    expect(fits?.items).toEqual(expect.arrayContaining(['losses: list', 'n_rows: int', 'rows: set']));
    expect(reference.evidence.map((f) => f.key)).toEqual(expect.arrayContaining(['splits', 'scores', 'predictions', 'drift', 'shown', 'runs', 'versions', 'loads']));
    expect(reference.shell.lab).toEqual(expect.arrayContaining(['git', 'dvc', 'docker', 'python', 'cat', 'grep']));
    expect(reference.shell.bash).toEqual(expect.arrayContaining(['awk', 'sed', 'echo', 'find', 'xargs']));
    expect(reference.shell.missing.curl).toBe('the lab has no network, so it has no curl');
  });

  it('is the committed reference: the learner panel’s JSON and the authors’ markdown', async () => {
    await expect(`${JSON.stringify(reference, null, 1)}\n`).toMatchFileSnapshot('../../src/lab/reference.json');
    await expect(referenceMarkdown(reference)).toMatchFileSnapshot('../../docs/lab-reference.md');
  });
});

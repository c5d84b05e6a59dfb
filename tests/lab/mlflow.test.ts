// The lab's MLflow, run in the real CPython (Pyodide), against FACTS.md.
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeLab, type NodeLab } from './python';

let lab: NodeLab;
beforeAll(async () => {
  lab = await createNodeLab();
}, 180_000);

const RUN_ID = /^[0-9a-f]{32}$/;

describe('runs', () => {
  it('a with-block run ends FINISHED, with a random name, params as strings and metric history', () => {
    const r = lab.run(
      `import mlflow
mlflow.set_experiment("facts")
with mlflow.start_run() as run:
    mlflow.log_param("lr", 0.01)
    mlflow.log_params({"epochs": 3})
    for step, loss in enumerate([0.9, 0.5, 0.3]):
        mlflow.log_metric("loss", loss, step=step)
    mlflow.log_metric("accuracy", 0.8)
    mlflow.set_tag("team", "lab")
run_id = run.info.run_id
status = mlflow.get_run(run_id).info.status
latest_loss = mlflow.get_run(run_id).data.metrics["loss"]
`,
      { variables: ['run_id', 'status', 'latest_loss'] },
    );
    expect(r.error).toBeNull();
    expect(r.stderr).toMatch(/INFO mlflow\.tracking\.fluent: Experiment with name 'facts' does not exist\. Creating a new experiment\./);
    const id = r.variables.run_id as string;
    expect(id).toMatch(RUN_ID);
    expect(r.variables.status).toBe('FINISHED');
    expect(r.variables.latest_loss).toBe(0.3);
    const run = r.tracking.runs[id]!;
    expect(run.run_name).toMatch(/^[a-z]+-[a-z]+-\d{1,3}$/);
    expect(run.params).toEqual({ lr: '0.01', epochs: '3' });
    expect(run.metrics.loss!.map(([v, , s]) => [v, s])).toEqual([[0.9, 0], [0.5, 1], [0.3, 2]]);
    expect(run.metrics.accuracy![0]![2]).toBe(0); // step defaults to 0
    expect(run.tags.team).toBe('lab');
    expect(r.tracking.experiments[run.experiment_id]!.name).toBe('facts');
    expect(r.newRuns).toEqual([id]);
  });

  it('an exception escaping the with-block marks the run FAILED', () => {
    const r = lab.run(`import mlflow
with mlflow.start_run(run_name="boom") as run:
    raise ValueError("bad data")
`);
    expect(r.error?.type).toBe('ValueError');
    expect(r.tracking.runs[r.newRuns[0]!]!.status).toBe('FAILED');
  });

  it('changing a param raises MlflowException with MLflow’s message; the same value is a no-op', () => {
    const r = lab.run(`import mlflow
with mlflow.start_run() as run:
    mlflow.log_param("lr", 0.01)
    mlflow.log_param("lr", 0.01)
    mlflow.log_param("lr", 0.1)
`);
    const id = r.newRuns[0]!;
    expect(r.error?.type).toBe('MlflowException');
    expect(r.error?.message).toBe(
      `Changing param values is not allowed. Param with key='lr' was already logged with value='0.01' for run ID='${id}'. Attempted logging new value '0.1'.`,
    );
    expect(r.error?.line).toBe(5);
  });

  it('starting a run while one is active raises MLflow’s error', () => {
    const r = lab.run(`import mlflow
mlflow.start_run()
mlflow.start_run()
`);
    expect(r.error?.type).toBe('Exception');
    expect(r.error?.message).toMatch(
      /^Run with UUID [0-9a-f]{32} is already active\. To start a new run, first end the current run with mlflow\.end_run\(\)\. To start a nested run, call start_run with nested=True$/,
    );
    expect(r.error?.line).toBe(3);
  });

  it('bad keys are refused with MLflow’s message', () => {
    const r = lab.run(`import mlflow
mlflow.log_param("bad!key", 1)
`);
    expect(r.error?.message).toBe(
      'Invalid value "bad!key" for parameter \'key\' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).',
    );
  });

  it('a log_* call with no active run starts one, and the lab ends it', () => {
    const r = lab.run(`import mlflow
mlflow.log_metric("x", 1.5)
`);
    expect(r.error).toBeNull();
    expect(r.newRuns).toHaveLength(1);
    expect(r.tracking.runs[r.newRuns[0]!]!.status).toBe('FINISHED');
  });
});

describe('models and the registry', () => {
  it('registers versions, prints MLflow’s messages, and resolves aliases', () => {
    const r = lab.run(
      `import lab, mlflow
from mlflow import MlflowClient
data = lab.load_dataset("data/raw_data.csv")
model = lab.LogisticRegression(learning_rate=0.5, epochs=5)
model.fit(data.X, data.y)
with mlflow.start_run():
    first = mlflow.sklearn.log_model(model, name="model", registered_model_name="pump-model")
with mlflow.start_run():
    second = mlflow.sklearn.log_model(model, name="model", registered_model_name="pump-model")
MlflowClient().set_registered_model_alias("pump-model", "champion", second.registered_model_version)
champion = mlflow.pyfunc.load_model("models:/pump-model@champion")
prediction = champion.predict([[90.0, 0.9, 95.0, 1600]])[0]
by_version = mlflow.sklearn.load_model("models:/pump-model/1").score(data.X, data.y)
uri = first.model_uri
versions = [first.registered_model_version, second.registered_model_version]
alias_version = MlflowClient().get_model_version_by_alias("pump-model", "champion").version
`,
      { variables: ['prediction', 'by_version', 'uri', 'alias_version'] },
    );
    expect(r.error).toBeNull();
    expect(r.stderr).toContain("Successfully registered model 'pump-model'.\nCreated version '1' of model 'pump-model'.\n");
    expect(r.stderr).toContain(
      "Registered model 'pump-model' already exists. Creating a new version of this model...\nCreated version '2' of model 'pump-model'.\n",
    );
    expect(r.variables.uri).toMatch(/^models:\/m-[0-9a-f]{32}$/);
    expect(r.variables.alias_version).toBe('2');
    expect(r.variables.prediction).toBe(1);
    expect(r.variables.by_version).toBeGreaterThan(0.7);
    expect(r.tracking.registered_models['pump-model']!.aliases).toEqual({ champion: '2' });
    expect(r.newVersions).toEqual([
      { name: 'pump-model', version: '1' },
      { name: 'pump-model', version: '2' },
    ]);
  });

  it('an unknown alias or model is an MlflowException', () => {
    const r = lab.run(`import mlflow
mlflow.pyfunc.load_model("models:/pump-model@nobody")
`);
    expect(r.error).toMatchObject({ type: 'MlflowException', message: 'Registered model alias nobody not found.', line: 2 });
  });
});

describe('the store persists with the world', () => {
  it('a new lab from the snapshot still has the runs', async () => {
    lab.run(`import mlflow
with mlflow.start_run(run_name="keep-me"):
    mlflow.log_metric("m", 1)
`);
    const again = await createNodeLab(lab.snapshot());
    const r = again.run(`import mlflow
names = ",".join(r.info.run_name for r in mlflow.search_runs(experiment_ids=["0"]))
`, { variables: ['names'] });
    expect(r.variables.names).toContain('keep-me');
  }, 180_000);
});

// The lab's MLflow, run in the real CPython (Pyodide), against docs/tool-facts.md.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeLab, type NodeLab } from './python';
import { runLearnerCode } from '../../src/lab/worker/pythonRuntime';

let lab: NodeLab;
beforeAll(async () => {
  lab = await createNodeLab();
}, 180_000);

const RUN_ID = /^[0-9a-f]{32}$/;
// The lab keeps its store between runs, so each test names its own experiment or model.
let counter = 0;
const fresh = (prefix: string) => `${prefix}-${++counter}`;
// mlflow/utils/validation.py PARAM_VALIDATION_MSG, which TrackingServiceClient.log_param appends.
const PARAM_VALIDATION_MSG = `

The cause of this error is typically due to repeated calls
to an individual run_id event logging.

Incorrect Example:
---------------------------------------
with mlflow.start_run():
    mlflow.log_param("depth", 3)
    mlflow.log_param("depth", 5)
---------------------------------------

Which will throw an MlflowException for overwriting a
logged parameter.

Correct Example:
---------------------------------------
with mlflow.start_run():
    with mlflow.start_run(nested=True):
        mlflow.log_param("depth", 3)
    with mlflow.start_run(nested=True):
        mlflow.log_param("depth", 5)
---------------------------------------

Which will create a new nested run for each individual
model and prevent parameter key collisions within the
tracking store.`;

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
    // TrackingServiceClient.log_param adds PARAM_VALIDATION_MSG (mlflow/utils/validation.py) to the store's error.
    expect(r.error?.message).toBe(
      `Changing param values is not allowed. Param with key='lr' was already logged with value='0.01' for run ID='${id}'. Attempted logging new value '0.1'.${PARAM_VALIDATION_MSG}`,
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
      `Invalid value "bad!key" for parameter 'key' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).${PARAM_VALIDATION_MSG}`,
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
names = ",".join(r.info.run_name for r in mlflow.search_runs(experiment_ids=["0"], output_format="list"))
`, { variables: ['names'] });
    expect(r.variables.names).toContain('keep-me');
  }, 180_000);
});

// Registered model aliases. Expected texts: MLflow's mlflow/utils/validation.py,
// _validate_model_alias_name (reserved "latest", the ^[vV]\d+$ version pattern,
// ^[\w\-]*$ characters, 255 characters at most).
describe('aliases and model URIs', () => {
  let name = '';
  let setup = '';
  beforeEach(() => {
    name = fresh('alias-model');
    setup = `import lab, mlflow
from mlflow import MlflowClient
data = lab.load_dataset("data/raw_data.csv")
model = lab.LogisticRegression(learning_rate=0.5, epochs=2)
model.fit(data.X, data.y)
with mlflow.start_run():
    mlflow.sklearn.log_model(model, name="model", registered_model_name="${name}")
`;
  });

  it.each([
    ['latest', "'latest' alias name (case insensitive) is reserved."],
    ['Latest', "'latest' alias name (case insensitive) is reserved."],
    ['v1', "Version alias name 'v1' is reserved."],
    ['V12', "Version alias name 'V12' is reserved."],
    ['my alias', "Invalid alias name: 'my alias'. Names may only contain alphanumerics, underscores (_), and dashes (-)."],
    ['', 'Registered model alias name cannot be empty.'],
  ])('set_registered_model_alias refuses %j with MLflow’s message', (alias, message) => {
    const r = lab.run(`${setup}MlflowClient().set_registered_model_alias("${name}", ${JSON.stringify(alias)}, 1)\n`);
    expect(r.error).toMatchObject({ type: 'MlflowException', message, line: 8 });
  });

  it('names like champion, v1a and version_2 are fine; models:/X/1, models:/X/latest and models:/X@alias all load', () => {
    const r = lab.run(
      `${setup}client = MlflowClient()
for alias in ["champion", "v1a", "version_2"]:
    client.set_registered_model_alias("${name}", alias, 1)
with mlflow.start_run():
    mlflow.sklearn.log_model(model, name="model", registered_model_name="${name}")
by_number = mlflow.pyfunc.load_model("models:/${name}/1").metadata.model_id
by_latest = mlflow.pyfunc.load_model("models:/${name}/latest").metadata.model_id
by_alias = mlflow.pyfunc.load_model("models:/${name}@champion").metadata.model_id
second = client.get_model_version("${name}", 2).model_id
`,
      { variables: ['by_number', 'by_latest', 'by_alias', 'second'] },
    );
    expect(r.error).toBeNull();
    expect(r.variables.by_latest).toBe(r.variables.second);
    expect(r.variables.by_alias).toBe(r.variables.by_number);
    expect(r.variables.by_alias).not.toBe(r.variables.second);
  });

  it('a stage suffix finds nothing, with the message of mlflow/store/artifact/utils/models.py', () => {
    const r = lab.run(`${setup}mlflow.pyfunc.load_model("models:/${name}/Production")\n`);
    expect(r.error).toMatchObject({ type: 'MlflowException', message: `No versions of model with name '${name}' and stage 'Production' found` });
  });

  it('get_latest_versions warns as MLflow does (stages deprecated since 2.9.0) and returns the newest version', () => {
    const r = lab.run(`${setup}import warnings
warnings.simplefilter("always")
latest = [v.version for v in MlflowClient().get_latest_versions("${name}")]
`, { variables: ['latest'] });
    expect(r.error).toBeNull();
    expect(r.variables.latest).toBe("['1']");
    // Text of _STAGES_DEPRECATION_WARNING and @deprecated in mlflow/tracking/client.py.
    expect(r.stderr).toContain(
      'FutureWarning: ``mlflow.tracking.client.MlflowClient.get_latest_versions`` is deprecated since 2.9.0. Model registry stages will be removed in a future major release.',
    );
  });
});

// search_runs: mlflow/tracking/fluent.py (search_runs, its DataFrame columns) and the
// grammar and messages of mlflow/utils/search_utils.py (SearchUtils).
describe('search_runs', () => {
  let experiment = '';
  let runs = '';
  beforeEach(() => {
    experiment = fresh('search-facts');
    // Runs a few ms apart, so that start_time orders them (ties go by run id, which is random).
    runs = `import mlflow, time
mlflow.set_experiment("${experiment}")
for name, lr, acc in [("slow", "0.01", 0.81), ("fast", "0.5", 0.86), ("mid", "0.1", 0.84)]:
    time.sleep(0.005)
    with mlflow.start_run(run_name=name):
        mlflow.log_param("lr", lr)
        mlflow.log_metric("accuracy", acc)
        mlflow.set_tag("data.version", "v2" if name != "slow" else "v1")
`;
  });

  it('filters on metrics, params, tags (backticks and quotes for dotted keys) and attributes', () => {
    const r = lab.run(
      `${runs}def names(f):
    return ",".join(r.info.run_name for r in mlflow.search_runs(filter_string=f, output_format="list"))
a = names("metrics.accuracy > 0.82 and params.lr = '0.5'")
b = names("tags.\`data.version\` = 'v2'")
c = names('tags."mlflow.runName" LIKE \\'%i%\\'')
d = names("attributes.status = 'FINISHED' and run_name ILIKE 'SLOW'")
e = names("params.lr != '0.1' AND metrics.accuracy <= 0.86")
`,
      { variables: ['a', 'b', 'c', 'd', 'e'] },
    );
    expect(r.error).toBeNull();
    expect(r.variables).toEqual({ a: 'fast', b: 'mid,fast', c: 'mid', d: 'slow', e: 'fast,slow' });
  });

  it('orders by several keys and attributes, and limits with max_results', () => {
    const r = lab.run(
      `${runs}def names(**kw):
    return ",".join(r.info.run_name for r in mlflow.search_runs(output_format="list", **kw))
by_acc = names(order_by=["metrics.accuracy DESC"])
by_tag_then_lr = names(order_by=["tags.\`data.version\` DESC", "params.lr ASC"])
oldest = names(order_by=["attributes.start_time ASC"], max_results=1)
newest_two = names(max_results=2)
`,
      { variables: ['by_acc', 'by_tag_then_lr', 'oldest', 'newest_two'] },
    );
    expect(r.error).toBeNull();
    expect(r.variables).toEqual({ by_acc: 'fast,mid,slow', by_tag_then_lr: 'mid,fast,slow', oldest: 'slow', newest_two: 'mid,fast' });
  });

  it.each([
    ["metrics.accuracy > '0.8'", "Expected numeric value type for metric. Found '0.8'"],
    ['params.lr = 0.1', "Expected a quoted string value for parameter (e.g. 'my-value'). Got value 0.1"],
    ["metrics.accuracy > 0.8 or params.lr = '0.1'", "Invalid clause(s) in filter string: 'or'"],
    ['metric.accuracy > 0.8 and foo.bar = 1', "Invalid entity type 'foo'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']"],
    ["status IN ('FINISHED')", "Only the 'run_id' attribute supports comparison with a list of quoted string values."],
  ])('a bad filter %j raises MLflow’s message', (filter, message) => {
    const r = lab.run(`${runs}mlflow.search_runs(filter_string=${JSON.stringify(filter)})\n`);
    expect(r.error).toMatchObject({ type: 'MlflowException', message, line: 9 });
  });

  it('a bad comparator or order_by raises MLflow’s message', () => {
    const like = lab.run(`${runs}mlflow.search_runs(filter_string="metrics.accuracy LIKE 1")\n`);
    expect(like.error?.message).toMatch(/^Invalid comparator 'LIKE' not one of '\{/);
    const order = lab.run(`${runs}mlflow.search_runs(order_by=["metrics.accuracy sideways"])\n`);
    expect(order.error?.message).toBe("Invalid ordering key in order_by clause 'metrics.accuracy sideways'.");
    const both = lab.run(`import mlflow\nmlflow.search_runs(experiment_ids=["0"], experiment_names=["Default"])\n`);
    expect(both.error?.message).toBe('Only experiment_ids or experiment_names can be used, but not both');
  });

  it('returns a table with the DataFrame’s columns and the pandas moves learners use', () => {
    const r = lab.run(
      `${runs}df = mlflow.search_runs(experiment_names=["${experiment}"])
first_columns = list(df)[:6]
has = [c for c in ["metrics.accuracy", "params.lr", "tags.data.version", "tags.mlflow.runName"] if c in df.columns]
rows = len(df)
best = df["metrics.accuracy"].max()
best_run = df.iloc[df["metrics.accuracy"].idxmax()]["tags.mlflow.runName"]
first_id_ok = df.iloc[0]["run_id"] == df.iloc[0].run_id
top = len(df.head(2))
kept = len(df[df["metrics.accuracy"] > 0.82])
empty = mlflow.search_runs(filter_string="metrics.accuracy > 2").empty
shown = repr(df).splitlines()[0]
`,
      { variables: ['first_columns', 'has', 'rows', 'best', 'best_run', 'first_id_ok', 'top', 'kept', 'empty', 'shown'] },
    );
    expect(r.error).toBeNull();
    expect(r.variables).toMatchObject({
      first_columns: "['run_id', 'experiment_id', 'status', 'artifact_uri', 'start_time', 'end_time']",
      has: "['metrics.accuracy', 'params.lr', 'tags.data.version', 'tags.mlflow.runName']",
      rows: 3,
      best: 0.86,
      best_run: 'fast',
      first_id_ok: true,
      top: 2,
      kept: 2,
      empty: true,
      shown: "[the lab's search_runs table, not a pandas DataFrame: 3 rows x 13 columns]",
    });
  });

  it('anything else on the table says it is not pandas and what it supports', () => {
    const r = lab.run(`${runs}mlflow.search_runs().groupby("params.lr")\n`);
    expect(r.error?.type).toBe('AttributeError');
    expect(r.error?.message).toMatch(/^the lab's search_runs table is not a pandas DataFrame: it has no attribute 'groupby'\. It supports: len\(df\), /);
    expect(r.error?.message).toContain("output_format='list'");
  });
});

describe('what the lab’s mlflow adds or says it lacks', () => {
  it('log_artifact, log_text and log_dict keep files on the run', () => {
    lab.write('notes.md', '# Notes\nlr 0.5 was best\n');
    const r = lab.run(`import mlflow
with mlflow.start_run() as run:
    mlflow.log_artifact("notes.md")
    mlflow.log_artifact("notes.md", artifact_path="docs")
    mlflow.log_text("hello", "texts/hello.txt")
    mlflow.log_dict({"lr": 0.5}, "config.json")
listed = [f.path for f in mlflow.MlflowClient().list_artifacts(run.info.run_id)]
`, { variables: ['listed'] });
    expect(r.error).toBeNull();
    expect(r.variables.listed).toBe("['config.json', 'docs', 'notes.md', 'texts']");
    const artifacts = r.tracking.runs[r.newRuns[0]!]!.artifacts!;
    expect(artifacts['notes.md']).toEqual({ size: 24, text: '# Notes\nlr 0.5 was best\n' });
    expect(artifacts['docs/notes.md']?.size).toBe(24);
    expect(artifacts['texts/hello.txt']?.text).toBe('hello');
    // mlflow/tracking/client.py log_dict: json.dump(..., indent=2) for .json files.
    expect(artifacts['config.json']?.text).toBe('{\n  "lr": 0.5\n}');
  });

  it('log_artifact of a missing file raises FileNotFoundError, as MLflow’s copy does', () => {
    const r = lab.run(`import mlflow\nwith mlflow.start_run():\n    mlflow.log_artifact("nope.txt")\n`);
    expect(r.error).toMatchObject({ type: 'FileNotFoundError', line: 3 });
  });

  it('tracking URIs: the default is MLflow 3.1’s ./mlruns; localhost:5000 is the lab’s UI; remote servers are refused plainly', () => {
    const r = lab.run(`import mlflow
default = mlflow.get_tracking_uri()
mlflow.set_tracking_uri("http://localhost:5000")
local = mlflow.get_tracking_uri()
mlflow.set_tracking_uri("https://mlflow.example.com")
`, { variables: ['default', 'local'] });
    expect(r.variables).toEqual({ default: 'file:///home/lab/mlruns', local: 'http://localhost:5000' });
    expect(r.error?.type).toBe('MlflowException');
    expect(r.error?.message).toMatch(/^the lab cannot reach the tracking server 'https:\/\/mlflow\.example\.com': it has no network and no remote tracking servers\. It keeps a local store/);
  });

  it('autolog says it has nothing to hook; other missing names say the lab’s mlflow lacks them', () => {
    const r = lab.run(`import mlflow
mlflow.autolog()
mlflow.sklearn.autolog()
try:
    mlflow.MlflowClient().transition_model_version_stage("m", 1, "Production")
except AttributeError as e:
    client_says = str(e)
mlflow.log_table({"a": [1]}, "t.json")
`, { variables: ['client_says'] });
    expect(r.stderr).toContain("the lab's mlflow.autolog() does nothing: autologging patches libraries such as scikit-learn, and the lab has none of them.");
    expect(r.variables.client_says).toMatch(/^the lab's MlflowClient does not have transition_model_version_stage\(\)\. It has: get_run, /);
    expect(r.error?.type).toBe('AttributeError');
    expect(r.error?.message).toMatch(/^the lab's mlflow does not have mlflow\.log_table\. It covers: set_experiment, /);
    expect(r.error?.line).toBe(8);
  });

  it('MlflowClient.search_runs returns Run objects with the same grammar', () => {
    const r = lab.run(`import mlflow
exp = mlflow.set_experiment("${fresh('client-search')}")
for acc in [0.5, 0.9]:
    with mlflow.start_run():
        mlflow.log_metric("acc", acc)
found = [r.data.metrics["acc"] for r in mlflow.MlflowClient().search_runs([exp.experiment_id], "metrics.acc > 0.6")]
`, { variables: ['found'] });
    expect(r.error).toBeNull();
    expect(r.variables.found).toBe('[0.9]');
  });
});

describe('NaN and infinities (MLflow stores them)', () => {
  it('log_metric(nan / ±inf) keeps the run and its values, end to end', () => {
    const r = lab.run(
      `import math, mlflow
with mlflow.start_run() as run:
    mlflow.log_metric("loss", float("nan"))
    mlflow.log_metric("big", float("inf"))
    mlflow.log_metric("small", float("-inf"))
    mlflow.log_metric("acc", 0.5)
m = mlflow.get_run(run.info.run_id).data.metrics
kept = math.isnan(m["loss"]) and m["big"] == math.inf and m["small"] == -math.inf
`,
      { variables: ['kept'] },
    );
    expect(r.error).toBeNull();
    expect(r.variables.kept).toBe(true);
    const run = r.tracking.runs[r.newRuns[0]!]!;
    // JSON has no NaN: the outcome writes the strings protobuf's JSON mapping uses.
    expect(run.metrics.loss![0]![0]).toBe('NaN');
    expect(run.metrics.big![0]![0]).toBe('Infinity');
    expect(run.metrics.small![0]![0]).toBe('-Infinity');
    expect(run.metrics.acc![0]![0]).toBe(0.5);
  });

  it('a NaN survives the store file into the next run', () => {
    const r = lab.run(`import math, mlflow
still_nan = any(math.isnan(v) for v in mlflow.search_runs(experiment_ids=["0"])["metrics.loss"] if v is not None)
`, { variables: ['still_nan'] });
    expect(r.error).toBeNull();
    expect(r.variables.still_nan).toBe(true);
  });
});

// Names that are not strings used to break the tracking UI for good (issue 11).
describe('names that are not strings', () => {
  it('set_experiment refuses them with _validate_experiment_name’s message (mlflow/utils/validation.py)', () => {
    const r = lab.run(`import mlflow\nmlflow.set_experiment(["a", "b"])\n`);
    expect(r.error).toMatchObject({ type: 'MlflowException', message: "Invalid experiment name: ['a', 'b']. Expects a string.", line: 2 });
  });

  it('start_run(run_name=…) and log_model(name=…) refuse them and store nothing', () => {
    const before = Object.keys(lab.run('import mlflow\n').tracking.runs).length;
    const bad = lab.run(`import mlflow\nmlflow.start_run(run_name={"a": 1})\n`);
    expect(bad.error).toMatchObject({ type: 'MlflowException', message: "Invalid run name: {'a': 1} (dict). The lab's mlflow expects a string.", line: 2 });
    expect(bad.newRuns).toEqual([]);
    const model = lab.run(`import lab, mlflow
m = lab.LogisticRegression(epochs=1)
data = lab.load_dataset("data/raw_data.csv")
m.fit(data.X, data.y)
with mlflow.start_run():
    mlflow.sklearn.log_model(m, name={})
`);
    expect(model.error).toMatchObject({ type: 'MlflowException', message: "Invalid model name: {} (dict). The lab's mlflow expects a string.", line: 6 });
    expect(Object.keys(model.tracking.logged_models).every((id) => typeof model.tracking.logged_models[id]!.name === 'string')).toBe(true);
    const after = lab.run(`import mlflow\nwith mlflow.start_run(run_name="fine"):\n    pass\n`);
    expect(after.error).toBeNull();
    expect(Object.keys(after.tracking.runs).length).toBe(before + 2); // the failed log_model run, and "fine"
  });

  it('a store an older lab wrote with bad entries is cleaned when read, and later runs work', async () => {
    const world = Object.fromEntries(Object.entries(lab.snapshot()).filter(([p]) => !p.startsWith('.lab/tracking/')));
    const again = await createNodeLab(world);
    again.py.FS.mkdirTree('/home/lab/.lab');
    again.write(
      '.lab/tracking.json',
      JSON.stringify({
        experiments: { '0': { experiment_id: '0', name: 'Default', artifact_location: 'mlruns/0', lifecycle_stage: 'active', creation_time: 0, tags: {} }, '7': { experiment_id: '7', name: ['x'], lifecycle_stage: 'active', tags: {} } },
        runs: { bad: { run_id: 'bad', run_name: { a: 1 }, experiment_id: '0', status: 'FINISHED', start_time: 1, end_time: 2, params: {}, metrics: {}, tags: {}, models: [] } },
        logged_models: {},
        registered_models: {},
        next_experiment_id: 8,
      }),
    );
    const r = again.run(`import mlflow
with mlflow.start_run(run_name="after"):
    mlflow.log_metric("m", 1)
names = ",".join(r.info.run_name for r in mlflow.search_runs(output_format="list"))
`, { variables: ['names'] });
    expect(r.error).toBeNull();
    expect(r.variables.names).toBe('after');
    expect(Object.keys(r.tracking.experiments)).toEqual(['0']);
  }, 60_000);
});

describe('the store is a file per run, and a run writes only what it changed (issue 22)', () => {
  const dir = '/home/lab/.lab/tracking';
  /** Every file of the store, with its modification time. */
  const stamps = () => {
    const out: Record<string, number> = {};
    const walk = (path: string) => {
      for (const name of lab.py.FS.readdir(path) as string[]) {
        if (name === '.' || name === '..') continue;
        const full = `${path}/${name}`;
        if (lab.py.FS.isDir(lab.py.FS.stat(full).mode)) walk(full);
        else out[full.slice(dir.length + 1)] = Number(lab.py.FS.stat(full).mtime);
      }
    };
    walk(dir);
    return out;
  };
  it.each([
    ['print("hello")', 0],
    ['import mlflow\nx = mlflow.search_runs(search_all_experiments=True)', 0],
    ['import mlflow\nwith mlflow.start_run():\n    mlflow.log_metric("a", 1)', 1],
  ])('%j: files written = %s', (code, written) => {
    for (let i = 0; i < 3; i++) lab.run('import mlflow\nwith mlflow.start_run():\n    mlflow.log_param("seed", 1)\n');
    const before = stamps();
    const outcome = runLearnerCode(lab.py, `${code}\n`, 'main.py', []);
    expect(outcome.error).toBeNull();
    const after = stamps();
    const changed = Object.keys(after).filter((p) => after[p] !== before[p]);
    expect(changed).toEqual(outcome.newRuns.map((id) => `runs/${id}.json`));
    expect(changed).toHaveLength(written);
    expect(Object.keys(after).filter((p) => p.startsWith('runs/')).length).toBeGreaterThanOrEqual(3);
  });

  it("an older lab's single .lab/tracking.json is read, and written out as a file per run on the next change", async () => {
    const store = {
      experiments: { '0': { experiment_id: '0', name: 'Default', artifact_location: 'mlruns/0', lifecycle_stage: 'active', creation_time: 0, tags: {} } },
      runs: { old1: { run_id: 'old1', run_name: 'kept', experiment_id: '0', status: 'FINISHED', start_time: 1, end_time: 2, lifecycle_stage: 'active', artifact_uri: '', params: {}, metrics: { acc: [['NaN', 1, 0]] }, tags: {}, models: [] } },
      logged_models: {},
      registered_models: {},
    };
    const world = Object.fromEntries(Object.entries(lab.snapshot()).filter(([p]) => !p.startsWith('.lab/tracking')));
    const again = await createNodeLab({ ...world, '.lab/tracking.json': JSON.stringify(store) });
    const r = again.run('import mlflow\nnames = sorted(r.info.run_name for r in mlflow.search_runs(output_format="list"))\nwith mlflow.start_run(run_name="new"):\n    pass\n', { variables: ['names'] });
    expect(r.error).toBeNull();
    expect(r.variables.names).toBe("['kept']");
    const files = again.snapshot();
    expect(files['.lab/tracking.json']).toBeUndefined();
    expect(JSON.parse(files['.lab/tracking/runs/old1.json']!).metrics.acc).toEqual([['NaN', 1, 0]]);
    expect(Object.values(r.tracking.runs).map((run) => run.run_name).sort()).toEqual(['kept', 'new']);
  }, 60_000);
});

describe('the file store’s own words (mlflow/store/tracking/file_store.py), as the lab’s store is file:', () => {
  it('a new experiment’s id is an 18-digit random integer (name_utils._generate_unique_integer_id), its artifacts under it', () => {
    const r = lab.run(`import mlflow
a = mlflow.create_experiment("${fresh('ids')}")
b = mlflow.set_experiment("${fresh('ids')}").experiment_id
where = mlflow.get_experiment(a).artifact_location
`, { variables: ['a', 'b', 'where'] });
    expect(r.error).toBeNull();
    expect(r.variables.a).toMatch(/^[1-9]\d{17}$/);
    expect(r.variables.b).toMatch(/^[1-9]\d{17}$/);
    expect(r.variables.a).not.toBe(r.variables.b);
    expect(r.variables.where).toBe(`file:///home/lab/mlruns/${r.variables.a}`);
  });

  it('search_runs shows and filters the absolute artifact URI, as the run’s info has it', () => {
    const r = lab.run(`import mlflow
mlflow.set_experiment("${fresh('uris')}")
with mlflow.start_run() as run:
    pass
table = mlflow.search_runs()["artifact_uri"][0]
found = len(mlflow.search_runs(filter_string="attributes.artifact_uri LIKE 'file:///home/lab/mlruns/%'"))
same = table == run.info.artifact_uri
`, { variables: ['table', 'found', 'same'] });
    expect(r.error).toBeNull();
    expect(r.variables).toMatchObject({ found: 1, same: true });
    expect(r.variables.table).toMatch(/^file:\/\/\/home\/lab\/mlruns\/\d{18}\/[0-9a-f]{32}\/artifacts$/);
  });


  it.each([
    ['import mlflow\nmlflow.get_run("0" * 32)', "Run '00000000000000000000000000000000' not found"],
    ['import mlflow\nmlflow.get_run("my run")', 'Invalid value "my run" for parameter \'run_id\' supplied.'], // _validate_run_id
    ['import mlflow\nmlflow.get_experiment("424242")', 'Could not find experiment with ID 424242'],
    ['import mlflow\nmlflow.create_experiment("twice-words")\nmlflow.create_experiment("twice-words")', "Experiment 'twice-words' already exists."],
  ])('%j', (code, message) => {
    const r = lab.run(`${code}\n`);
    expect(r.error).toMatchObject({ type: 'MlflowException', message });
  });
});

// mlflow/tracking/fluent.py registers `atexit.register(_safe_end_run)`: at the process's exit one
// end_run() with its default status FINISHED ends the run left open, however the program ended. A
// with-block's ActiveRun.__exit__ ends its run FAILED when an exception escapes it.
describe('a run left open ends as MLflow’s atexit hook ends it', () => {
  const statusOf = (r: ReturnType<NodeLab['run']>) => r.newRuns.map((id) => r.tracking.runs[id]!.status);

  it.each([
    ['an uncaught exception', 'mlflow.start_run()\nmlflow.log_metric("a", 1)\nraise ValueError("bad data")\n', 'ValueError'],
    ['no end_run at all', 'mlflow.start_run()\nmlflow.log_metric("a", 1)\n', null],
    ['sys.exit(3)', 'import sys\nmlflow.start_run()\nsys.exit(3)\n', 'SystemExit'],
    ['a log_* call that started the run, then an exception', 'mlflow.log_metric("a", 1)\n1 / 0\n', 'ZeroDivisionError'],
  ])('%s: FINISHED, with an end time', (_, code, error) => {
    const r = lab.run(`import mlflow\n${code}`);
    expect(r.error?.type ?? null).toBe(error);
    expect(statusOf(r)).toEqual(['FINISHED']);
    expect(r.tracking.runs[r.newRuns[0]!]!.end_time).toBeGreaterThanOrEqual(r.tracking.runs[r.newRuns[0]!]!.start_time);
  });

  it('an exception escaping a with-block still ends its run FAILED', () => {
    const r = lab.run('import mlflow\nwith mlflow.start_run():\n    raise ValueError("bad data")\n');
    expect(statusOf(r)).toEqual(['FAILED']);
  });

  it('the hook ends one run: of two nested runs left open, the outer stays RUNNING', () => {
    const r = lab.run('import mlflow\nmlflow.start_run(run_name="outer")\nmlflow.start_run(run_name="inner", nested=True)\nraise RuntimeError("x")\n');
    const byName = Object.fromEntries(r.newRuns.map((id) => [r.tracking.runs[id]!.run_name, r.tracking.runs[id]!]));
    expect(byName.inner!.status).toBe('FINISHED');
    expect(byName.outer!.status).toBe('RUNNING');
    expect(byName.outer!.end_time).toBeNull();
    // The next program is a new process: nothing is active in it.
    const next = lab.run('import mlflow\nactive = mlflow.active_run()\n', { variables: ['active'] });
    expect(next.variables.active).toBeNull();
  });

  it('python train.py from the shell: an exception exits 1 and the open run ends FINISHED', async () => {
    lab.write('train.py', 'import mlflow\nmlflow.start_run(run_name="from-shell")\nraise ValueError("bad data")\n');
    const { outcome, output } = await lab.shell('python train.py');
    expect(output.map((line) => line.text).join('')).toContain('ValueError: bad data');
    const run = Object.values(outcome.tracking!.runs).find((r) => r.run_name === 'from-shell')!;
    expect(run.status).toBe('FINISHED');
  });
});

// mlflow/entities/_mlflow_object.py: `<Class: prop=value, ...>`, the class's own properties sorted,
// each value through pprint.PrettyPrinter().pformat (so a long dict wraps at 80 columns).
describe('entities print as MLflow’s do', () => {
  it('ActiveRun, Run, RunInfo, RunData, Experiment and Metric', () => {
    const name = fresh('reprs');
    const r = lab.run(`import mlflow
exp = mlflow.set_experiment("${name}")
with mlflow.start_run(run_name="shown") as run:
    print(run)
    mlflow.log_param("lr", "0.1")
    mlflow.log_metric("acc", 0.9, timestamp=1700000000000)
got = mlflow.get_run(run.info.run_id)
print(got.info)
print(got.data)
print(exp)
print(mlflow.MlflowClient().get_metric_history(run.info.run_id, "acc")[0])
print(repr(got).replace(repr(got.info), "INFO").replace(repr(got.data), "DATA"))
keys = [k for k, _ in got.info]
`, { variables: ['keys'] });
    expect(r.error).toBeNull();
    const id = r.newRuns[0]!;
    const run = r.tracking.runs[id]!;
    const e = run.experiment_id;
    const created = r.tracking.experiments[e]!.creation_time;
    expect(r.stdout.split('\n')).toEqual([
      '<ActiveRun: >', // fluent.ActiveRun defines no properties of its own
      `<RunInfo: artifact_uri='file:///home/lab/mlruns/${e}/${id}/artifacts', end_time=${run.end_time}, experiment_id='${e}', lifecycle_stage='active', run_id='${id}', run_name='shown', start_time=${run.start_time}, status='FINISHED', user_id='learner'>`,
      "<RunData: metrics={'acc': 0.9}, params={'lr': '0.1'}, tags={'mlflow.runName': 'shown',",
      " 'mlflow.source.name': 'main.py',",
      " 'mlflow.source.type': 'LOCAL',",
      " 'mlflow.user': 'learner'}>",
      `<Experiment: artifact_location='file:///home/lab/mlruns/${e}', creation_time=${created}, experiment_id='${e}', last_update_time=${created}, lifecycle_stage='active', name='${name}', tags={}>`,
      `<Metric: dataset_digest=None, dataset_name=None, key='acc', model_id=None, run_id='${id}', step=0, timestamp=1700000000000, value=0.9>`,
      '<Run: data=DATA, info=INFO, inputs=<RunInputs: dataset_inputs=[], model_inputs=[]>, outputs=<RunOutputs: model_outputs=[]>>',
      '',
    ]);
    expect(r.variables.keys).toBe("['artifact_uri', 'end_time', 'experiment_id', 'lifecycle_stage', 'run_id', 'run_name', 'start_time', 'status', 'user_id']");
  });

  it('ModelVersion, the run’s logged model among its outputs, and FileInfo', () => {
    const name = fresh('repr-model');
    const r = lab.run(`import lab, mlflow
data = lab.load_dataset("data/raw_data.csv")
model = lab.LogisticRegression(epochs=1)
model.fit(data.X, data.y)
with mlflow.start_run() as run:
    info = mlflow.sklearn.log_model(model, name="model", registered_model_name="${name}")
    mlflow.log_text("x", "notes.txt")
client = mlflow.MlflowClient()
print(client.get_model_version("${name}", 1))
print(mlflow.get_run(run.info.run_id).outputs)
print(client.list_artifacts(run.info.run_id))
print(type(info).__module__, type(info).__name__)
`);
    expect(r.error).toBeNull();
    const [version, outputs, files, modelInfo] = r.stdout.split('\n');
    expect(version).toMatch(
      new RegExp(
        `^<ModelVersion: aliases=\\[\\], creation_timestamp=\\d+, current_stage='None', deployment_job_state=None, description=None, last_updated_timestamp=\\d+, metrics=None, model_id='(m-[0-9a-f]{32})', name='${name}', params=None, run_id='${r.newRuns[0]}', run_link=None, source='models:/\\1', status='READY', status_message=None, tags=\\{\\}, user_id=None, version='1'>$`,
      ),
    );
    expect(outputs).toMatch(/^<RunOutputs: model_outputs=\[<LoggedModelOutput: model_id='m-[0-9a-f]{32}', step=0>\]>$/);
    expect(files).toBe("[<FileInfo: file_size=1, is_dir=False, path='notes.txt'>]");
    expect(modelInfo).toBe('mlflow.models.model ModelInfo'); // a plain class in MLflow, with no repr of its own
  });
});

// A metric value goes through convert_metric_value_to_float_if_possible
// (mlflow/tracking/metric_value_conversion_utils.py: float(x), or x itself on a ValueError), then
// the file store's _validate_metric (mlflow/utils/validation.py, invalid_value / missing_value).
describe('metric values and names, in MLflow’s words', () => {
  it.each([
    ['"high", timestamp=1700000000000', 'MlflowException', `Invalid value "high" for parameter 'value' supplied: (timestamp=1700000000000). Please specify value as a valid double (64-bit floating point)`],
    ['None', 'MlflowException', "Missing value for required parameter 'value'."],
    ['[0.9]', 'TypeError', "float() argument must be a string or a real number, not 'list'"],
    ['0.9, step="one"', 'MlflowException', `Invalid value "one" for parameter 'step' supplied: metric 'acc' (value=0.9). Step must be a valid long (64-bit integer).`],
    ['0.9, timestamp=-1', 'MlflowException', "Invalid value -1 for parameter 'timestamp' supplied: metric 'acc' (value=0.9). Timestamp must be a nonnegative long (64-bit integer) "],
  ])('log_metric("acc", %s)', (args, type, message) => {
    const r = lab.run(`import mlflow\nmlflow.log_metric("acc", ${args})\n`);
    expect(r.error).toMatchObject({ type, message, line: 2 });
  });

  it('the default timestamp is the time of the call, in the message too', () => {
    const r = lab.run('import mlflow\nmlflow.log_metric("acc", "high")\n');
    expect(r.error?.message).toMatch(/^Invalid value "high" for parameter 'value' supplied: \(timestamp=\d{13}\)\. Please specify/);
  });

  it('numbers in strings and bools become floats, as float() makes them', () => {
    const r = lab.run('import mlflow\nwith mlflow.start_run():\n    mlflow.log_metric("s", "0.5")\n    mlflow.log_metric("b", True)\n');
    expect(r.error).toBeNull();
    const run = r.tracking.runs[r.newRuns[0]!]!;
    expect([run.metrics.s![0]![0], run.metrics.b![0]![0]]).toEqual([0.5, 1]);
  });

  it('log_metrics names the entry of the batch (metrics[i])', () => {
    const r = lab.run('import mlflow\nmlflow.log_metrics({"a": 1, "b": "x"}, timestamp=5)\n');
    expect(r.error?.message).toBe(`Invalid value "x" for parameter 'metrics[1].value' supplied: (timestamp=5). Please specify value as a valid double (64-bit floating point)`);
  });

  it.each([
    ['mlflow.log_metric("bad!key", 1)', `Invalid value "bad!key" for parameter 'name' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).`],
    ['mlflow.log_metric("a/../b", 1)', `Invalid value "a/../b" for parameter 'name' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to 'b'`],
    ['mlflow.log_metric("m" * 251, 1)', "'Metric name' exceeds the maximum length of 250 characters"],
    ['mlflow.log_param("p" * 251, 1)', `'Param key' exceeds the maximum length of 250 characters${PARAM_VALIDATION_MSG}`],
    ['mlflow.set_tag("/abs", 1)', `Invalid value "/abs" for parameter 'key' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '/abs'`],
  ])('%s', (code, message) => {
    const r = lab.run(`import mlflow\n${code}\n`);
    expect(r.error).toMatchObject({ type: 'MlflowException', message, line: 2 });
  });
});

describe('params and active runs, in MLflow’s words', () => {
  it('a param value over 6000 characters is cut to 6000, with validation.py’s warning (MLFLOW_TRUNCATE_LONG_VALUES)', () => {
    const r = lab.run('import mlflow\nwith mlflow.start_run():\n    mlflow.log_param("long", "x" * 6001)\n');
    expect(r.error).toBeNull();
    expect(r.tracking.runs[r.newRuns[0]!]!.params.long).toHaveLength(6000);
    expect(r.stderr).toMatch(
      new RegExp(`WARNING mlflow\\.utils\\.validation: Param value '${'x'.repeat(100)}\\.\\.\\.' \\(6001 characters\\) is truncated to 6000 characters to meet the length limit\\.`),
    );
  });

  it('log_params goes through log_batch: a changed value is the store’s message alone, with no PARAM_VALIDATION_MSG', () => {
    const r = lab.run('import mlflow\nwith mlflow.start_run() as run:\n    mlflow.log_params({"a": 1})\n    mlflow.log_params({"a": 2})\n');
    const id = r.newRuns[0]!;
    expect(r.error).toMatchObject({
      type: 'MlflowException',
      message: `Changing param values is not allowed. Param with key='a' was already logged with value='1' for run ID='${id}'. Attempted logging new value '2'.`,
    });
  });

  it('a long run name is kept whole: the file store’s set_tag checks a tag’s key, not its value’s length', () => {
    const r = lab.run('import mlflow\nwith mlflow.start_run(run_name="n" * 6000):\n    pass\n');
    expect(r.error).toBeNull();
    expect(r.tracking.runs[r.newRuns[0]!]!.run_name).toHaveLength(6000);
  });

  it('a second start_run names the outermost active run (active_run_stack[0])', () => {
    const r = lab.run('import mlflow\nouter = mlflow.start_run()\nmlflow.start_run(nested=True)\nmlflow.start_run()\n');
    const outer = Object.values(r.tracking.runs).find((run) => run.run_id === r.newRuns[0])!;
    expect(r.error?.message).toBe(
      `Run with UUID ${outer.run_id} is already active. To start a new run, first end the current run with mlflow.end_run(). To start a nested run, call start_run with nested=True`,
    );
  });
});

describe('end_run with a status that is not one', () => {
  it('raises RunStatus.from_string’s Exception; the run has left the stack, so it stays RUNNING', () => {
    const r = lab.run('import mlflow\nmlflow.start_run()\ntry:\n    mlflow.end_run("DONE")\nexcept Exception as e:\n    said = f"{type(e).__name__}: {e}"\nactive = mlflow.active_run()\n', { variables: ['said', 'active'] });
    expect(r.error).toBeNull();
    expect(r.variables).toEqual({
      said: "Exception: Could not get run status corresponding to string DONE. Valid run status strings: ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED']",
      active: null,
    });
    expect(r.tracking.runs[r.newRuns[0]!]!.status).toBe('RUNNING');
  });
});

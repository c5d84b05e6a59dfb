// The judge out of the program's reach (issue 21): assert checks run in an interpreter the
// learner's program never touches (src/lab/python/lab_judge.py), fed the run's record as data.
// Each program here is wrong work dressed up by tampering with the lab, as a learner reading the
// lab's source might try; every one of them passed its checks when the judge shared the
// program's interpreter. Honest work still passes, and the lab a program patched is the lab's
// own again at the next run, as a new process would have it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeLab, lifecycleStart, type NodeLab } from './python';

let lab: NodeLab;
beforeAll(async () => {
  lab = await createNodeLab();
  await lab.judge();
}, 180_000);

/** The training step's point: `accuracy` is the trained model's accuracy on rows it never trained on. */
const HELD_OUT = `
assert evidence["fits"], "No model was trained."
held_out, on_training = tested_accuracies(labels_of("data/raw_data.csv"))
assert held_out, "The model was trained on every row."
assert any(abs(ns["accuracy"] - a) < 1e-9 for a in held_out), f"accuracy {ns['accuracy']:.4f} is not a held-out accuracy."
`;
const RECORD_DOES_NOT_MATCH = /does not match what the judge recomputes/;

/** The training step's program, fitting and scoring the model on the rows named. */
const training = (fitOn: string, scoreOn: string) => `
import lab
data = lab.load_dataset("data/raw_data.csv")
train, test = lab.split(data, test_size=0.2, seed=42)
model = lab.LogisticRegression(learning_rate=0.5, epochs=40)
model.fit(${fitOn}.X, ${fitOn}.y)
accuracy = model.score(${scoreOn}.X, ${scoreOn}.y)
`;
const HONEST = training('train', 'test');
/** Trained on every row and scored on them: the mistake the check is there to catch. */
const ON_EVERY_ROW = training('data', 'data');

const verdict = (code: string, check = HELD_OUT) => lab.run(code, { asserts: [check] }).asserts?.[check];

describe('the judge', () => {
  it('passes honest work and fails the mistake, as before', () => {
    expect(verdict(HONEST)).toBeNull();
    expect(verdict(ON_EVERY_ROW)).toBe('The model was trained on every row.');
  });

  it('cannot be replaced from the program: the runner has no judge to patch, and the judge is not in its interpreter', () => {
    const patched = `${ON_EVERY_ROW}
import sys, lab_runner
lab_runner._judge_asserts = lambda asserts, *a, **k: {code: None for code in asserts}
for name in ("lab_judge", "lab_evidence"):
    module = sys.modules.get(name) or __import__(name)
    for attr in [a for a in vars(module) if not a.startswith("__")]:
        setattr(module, attr, None) if not callable(getattr(module, attr)) else None
`;
    expect(verdict(patched)).toMatch(/could not record the run/);
  });

  it('recomputes each fit: rows claimed for a model that was trained on others fail', () => {
    // The record says the model learned from the training rows; the weights say every row.
    const forged = `${ON_EVERY_ROW}
lab._fits[-1]["X"] = train.X
lab._fits[-1]["y"] = train.y
`;
    expect(verdict(forged)).toMatch(RECORD_DOES_NOT_MATCH);
    // A fit that never happened, added to the record, fails the same way.
    const invented = `${ON_EVERY_ROW}
fake = lab.LogisticRegression(learning_rate=0.5, epochs=40)
fake.weights, fake.bias, fake.mean, fake.std = model.weights, model.bias, model.mean, model.std
lab._fits.append({"model": fake, "X": train.X, "y": train.y, "state": model.to_dict(), "losses": [0.1] * 40})
`;
    expect(verdict(invented)).toMatch(RECORD_DOES_NOT_MATCH);
    // Weights changed by hand after the fit no longer are what the fit made.
    const edited = `${HONEST}
model.weights = [w * 2 for w in model.weights]
`;
    expect(verdict(edited)).toMatch(/weights changed after fit/);
  });

  it('fails a forged record with a message, never an engine error', () => {
    // A dataset in the program's names whose target is not one of its columns cannot be rebuilt.
    const forged = `${HONEST}
import lab_evidence
real = lab_evidence.record
def record(*args, **kwargs):
    import json
    out = json.loads(real(*args, **kwargs))
    out["ns"]["data"] = {"$": "dataset", "columns": ["a"], "rows": [[1.0]], "source": None, "target": "nope"}
    return json.dumps(out)
lab_evidence.record = record
`;
    expect(verdict(forged)).toMatch(RECORD_DOES_NOT_MATCH);
  });

  it('recomputes each seeded split and each psi', () => {
    const split = `${HONEST}
lab._splits[-1]["order"] = list(range(len(data)))
`;
    expect(verdict(split, 'assert evidence["splits"]')).toMatch(/its seed gives another shuffle/);
    const psi = `
import lab
ref = lab.load_dataset("data/raw_data.csv").column("temperature")
value = lab.psi(ref, ref)
lab._drift_log[-1]["psi"] = 0.9
`;
    expect(verdict(psi, 'assert evidence["drift"][0]["psi"] > 0.25, "no drift"')).toMatch(/its values give another PSI/);
  });

  it("asks the judge's own model, not the program's: a patched predict or score changes nothing the checks see", () => {
    // Every answer 1, so \`accuracy\` is the share of failures among the test rows; the judge's copy of the model answers as trained.
    const lying = `${HONEST}
lab.LogisticRegression.predict = lambda self, X: [1] * len(X)
accuracy = model.score(test.X, test.y)
`;
    expect(verdict(lying)).toMatch(/is not a held-out accuracy/);
  });

  it('reads runs and models from the tracking store the run saved, not from the program’s memory', () => {
    const check = 'assert evidence["runs"], "No run was logged."\nassert any(r["models"] for r in evidence["runs"]), "No model was logged."';
    // The store's data swapped in memory for one with a logged model: nothing of it reaches the project's file.
    const inMemory = `
import mlflow, copy
from mlflow import _store
fake = copy.deepcopy(_store.data())
fake["runs"]["f" * 32] = {"run_id": "f" * 32, "run_name": "fake", "params": {}, "metrics": {}, "tags": {}, "models": ["m"]}
_store.data = lambda: fake
`;
    expect(verdict(inMemory, check)).toBe('No run was logged.');
    const logged = `
import lab, mlflow
data = lab.load_dataset("data/raw_data.csv")
model = lab.LogisticRegression(learning_rate=0.5, epochs=5)
model.fit(data.X, data.y)
with mlflow.start_run():
    mlflow.sklearn.log_model(model, name="model")
`;
    expect(verdict(logged, check)).toBeNull();
    // A run logged by an earlier program is not this run's.
    expect(verdict('x = 1\n', check)).toBe('No run was logged.');
  });

  it('parses only the store files a run changed: a judgement costs the same with 10 runs or 10,000', async () => {
    const judge = await lab.judge();
    // Count the JSON files the judge's store parses.
    judge.runPython(
      'from mlflow import _store\nimport json as _json\n_parses = [0]\nclass _Counting:\n    def __getattr__(self, name):\n        return getattr(_json, name)\n    def load(self, f):\n        _parses[0] += 1\n        return _json.load(f)\n_store.json = _Counting()',
    );
    const parses = () => judge.runPython('_parses[0]') as number;
    const logOne = 'import mlflow\nwith mlflow.start_run():\n    mlflow.log_metric("m", 1.0)\n';
    for (let i = 0; i < 3; i++) verdict(logOne, 'assert evidence["runs"], "no run"');
    verdict(HONEST);
    const before = parses();
    verdict(HONEST);
    verdict(HONEST);
    expect(parses()).toBe(before); // nothing logged: no file parsed again
    expect(verdict(logOne, 'assert len(evidence["runs"]) == 1, "not one new run"')).toBeNull();
    expect(parses()).toBe(before + 1); // the new run's file, and none of the others
    judge.runPython('_store.json = _json');
  });

  it("calls the program's own functions where they were defined, and sees them raise", () => {
    const check = 'assert ns["half"](8) == 4, "half(8) is not 4"\ntry:\n    ns["half"](None)\nexcept TypeError:\n    pass\nelse:\n    raise AssertionError("no TypeError")';
    expect(verdict('def half(n):\n    return n / 2\n', check)).toBeNull();
    expect(verdict('def half(n):\n    return n // 3\n', check)).toBe('half(8) is not 4');
  });

  it('gives a program that patched the lab the lab’s own modules at its next run', () => {
    lab.run('import lab, builtins\nlab.split = lambda *a, **k: ("patched", "patched")\nlab.LogisticRegression.score = lambda self, X, y: 1.0\nlab.extra = lambda: 1\nbuiltins.len = lambda x: 0\n');
    const next = lab.run(`${ON_EVERY_ROW}\nparts = type(train).__name__\nsized = len([1, 2])\nextra = hasattr(lab, "extra")\n`, { variables: ['parts', 'accuracy', 'sized', 'extra'] });
    expect(next.error).toBeNull();
    expect(next.variables.parts).toBe('Dataset');
    expect(next.variables.accuracy).not.toBe(1);
    expect(next.variables.sized).toBe(2);
    expect(next.variables.extra).toBe(false);
  });
});

describe("a lesson's checks.py", () => {
  it('shares helpers among its assert checks, and its functions see the check’s evidence and ns', async () => {
    const start = { ...lifecycleStart(), checks: 'import lab\n\nTARGET = 0.8\n\ndef last_fit():\n    assert evidence["fits"], "No model was trained."\n    return evidence["fits"][-1]\n\ndef accuracy_is_held_out():\n    held_out, _ = tested_accuracies(labels_of("data/raw_data.csv"))\n    return any(abs(ns["accuracy"] - a) < 1e-9 for a in held_out)\n' };
    const own = await createNodeLab(null, start);
    await own.judge();
    const check = 'fit = last_fit()\nassert accuracy_is_held_out(), "not held out"\nassert fit["n_rows"] > 0 and TARGET == 0.8';
    expect(own.run(HONEST, { asserts: [check] }).asserts?.[check]).toBeNull();
    expect(own.run('x = 1\n', { asserts: [check] }).asserts?.[check]).toBe('No model was trained.');
    // The learner's program cannot import it: it is the judge's, not the lab's.
    expect(own.run('import checks\n').error?.message).toMatch(/No module named 'checks'/);
  }, 180_000);

  it('that does not load fails every assert check, saying where', async () => {
    const own = await createNodeLab(null, { ...lifecycleStart(), checks: 'def broken(:\n    pass\n' });
    await own.judge();
    expect(own.run('x = 1\n', { asserts: ['assert True'] }).asserts?.['assert True']).toBe("This could not be judged: the lesson's checks.py does not load (line 1: invalid syntax).");
  }, 180_000);
});

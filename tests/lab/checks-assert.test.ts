// The assert check kind: Python run by the judge (its own interpreter) after the program, against
// its namespace and the evidence the lab's modules recorded; a failing assert's
// message is the verdict the learner sees.
import { beforeAll, describe, expect, it } from 'vitest';
import { judge } from '../../src/lab/checks/checks';
import type { Check } from '../../src/content/schema';
import type { RunOutcome, RunResult } from '../../src/lab/types';
import { createNodeLab, type NodeLab } from './python';

let lab: NodeLab;
beforeAll(async () => {
  lab = await createNodeLab();
  await lab.judge();
}, 120_000);

const result = (outcome: RunOutcome): RunResult => ({ outcome, output: [], truncatedLines: 0, durationMs: 0 });

const falls: Check = {
  kind: 'assert',
  python: [
    'assert evidence["fits"], "No model was trained."',
    'losses = evidence["fits"][-1]["losses"]',
    'assert losses[-1] < losses[0], f"The loss went from {losses[0]:.2f} to {losses[-1]:.2f}."',
  ].join('\n'),
};

function judged(code: string, check: Check) {
  const ran = lab.run(code, { asserts: check.kind === 'assert' ? [check.python] : [] });
  return judge(check, { result: result(ran), files: {} });
}

describe('assert checks', () => {
  it('pass on evidence recorded by the lab, and fail with the assert message', () => {
    const train = (lr: number) =>
      `import lab\nd = lab.load_dataset("data/raw_data.csv")\nlab.LogisticRegression(learning_rate=${lr}, epochs=5).fit(d.X, d.y)\n`;
    expect(judged(train(0.5), falls)).toEqual({ pass: true, detail: '' });
    expect(judged('x = 1\n', falls)).toEqual({ pass: false, detail: 'No model was trained.' });
  });

  it('read evidence, not variables: a program cannot set its way past one', () => {
    expect(judged('evidence = {"fits": [{"losses": [1, 0]}]}\n', falls).detail).toBe('No model was trained.');
  });

  it('say why they could not judge: an error in the check, or a program that failed', () => {
    expect(judged('x = 1\n', { kind: 'assert', python: 'ns["y"]' }).detail).toBe("This could not be judged (KeyError: 'y').");
    expect(judged('1 / 0\n', falls).detail).toBe('The program did not finish, so this could not be judged: fix its error first.');
  });

  it('are unjudged when the run did not carry them (an old page, a shell run)', () => {
    const ran = lab.run('x = 1\n');
    expect(judge(falls, { result: result(ran), files: {} })).toEqual({ pass: false, detail: 'This check was not judged: run your code again.' });
  });
});

describe('rerun: a decision judged on inputs on both sides of it', () => {
  const program = [
    'import lab, mlflow',
    'rows = lab.load_dataset("data/live/batch_03.csv")',
    'mean = sum(rows.column("temperature")) / len(rows)',
    'alarm = mean > 80',
    'open("report.txt", "w").write(f"{mean:.1f}")',
    'with mlflow.start_run(run_name="watch"):',
    '    mlflow.log_metric("mean", mean)',
  ].join('\n');
  const hot = 'temperature,vibration,pressure,rpm,failure\n90,0.5,100,1500,1\n95,0.5,100,1500,1\n';
  const check: Check = {
    kind: 'assert',
    python: [
      `other, again = rerun({"data/live/batch_03.csv": ${JSON.stringify(hot)}})`,
      'assert again["runs"] and again["runs"][0]["metrics"]["mean"][0][0] == 92.5, again["runs"]',
      'assert other["alarm"] is True and ns["alarm"] is False, (other["alarm"], ns["alarm"])',
      'assert open("report.txt").read() == f"{ns[\'mean\']:.1f}", "the project is put back after the rerun"',
      'assert open("data/live/batch_03.csv").read() != ' + JSON.stringify(hot) + ', "the replaced file is put back"',
    ].join('\n'),
  };

  it('runs the program again on other data, returns what it did, and puts the project and the tracking store back', () => {
    const runsBefore = Object.keys(lab.run('x = 1\n').tracking.runs).length;
    const ran = lab.run(program, { asserts: [check.python] });
    expect(judge(check, { result: result(ran), files: {} })).toEqual({ pass: true, detail: '' });
    // Only the first run of the program is in the store: the second was taken back.
    expect(Object.keys(ran.tracking.runs).length).toBe(runsBefore + 1);
    expect(ran.stdout).toBe('');
  });

  it('a rerun that fails says so, as the check’s verdict', () => {
    const failing: Check = { kind: 'assert', python: 'rerun({"data/live/batch_03.csv": "nope\\n"})' };
    const ran = lab.run(program, { asserts: [failing.python] });
    expect(judge(failing, { result: result(ran), files: {} }).detail).toMatch(/^Run again on other data, the program failed \(/);
  });
});

describe('rerun with the registry of another day: an app judged on whether it follows the alias', () => {
  const app = (uri: string) =>
    [
      'from contextlib import asynccontextmanager',
      'import lab, mlflow',
      'from fastapi import FastAPI',
      'from mlflow import MlflowClient',
      'client = MlflowClient()',
      'if not client.search_registered_models():',
      '    d = lab.load_dataset("data/raw_data.csv")',
      '    model = lab.LogisticRegression(learning_rate=0.5, epochs=5)',
      '    model.fit(d.X, d.y)',
      '    with mlflow.start_run():',
      '        info = mlflow.sklearn.log_model(model, name="m", registered_model_name="clf")',
      '    client.set_registered_model_alias("clf", "champion", info.registered_model_version)',
      'served = {}',
      '@asynccontextmanager',
      'async def lifespan(app):',
      `    served["model"] = mlflow.pyfunc.load_model(${JSON.stringify(uri)})`,
      '    yield',
      '    served.clear()',
      'app = FastAPI(lifespan=lifespan)',
      '@app.post("/p")',
      'def p(row: list[float]):',
      '    return {"y": int(served["model"].predict([row])[0])}',
    ].join('\n');
  const check: Check = {
    kind: 'assert',
    python: [
      'champion = registered_model("clf", "champion").unwrap_python_model()',
      'state = champion.to_dict()',
      'opposite = lab.LogisticRegression.from_dict({**state, "weights": [-w for w in state["weights"]], "bias": -state["bias"]})',
      'row = [74.3, 0.501, 105.5, 1332.0]',
      '_, moved = rerun(promote={"clf": {"champion": opposite}}, requests=[("POST", "/p", row)])',
      'assert moved["versions"] == [], "the stand-in versions are the judge\'s, not the program\'s"',
      'assert moved["loads"], "the restarted app loaded its model"',
      'assert moved["answers"][0]["json"]["y"] == opposite.predict([row])[0], f"it loaded {moved[\'loads\'][0][\'uri\']}"',
      'first = request("POST", "/p", row)',
      'assert first["status"] == 200 and first["json"]["y"] == champion.predict([row])[0], ("the first app is served as it was", first)',
    ].join('\n'),
  };

  it('passes an app that loads @champion, fails one that loads a fixed version or the newest, and puts the registry and the first app back', () => {
    expect(judged(app('models:/clf@champion'), check)).toEqual({ pass: true, detail: '' });
    expect(judged(app('models:/clf/1'), check).detail).toBe('it loaded models:/clf/1');
    expect(judged(app('models:/clf/latest'), check).detail).toBe('it loaded models:/clf/latest');
    // The registry as the programs left it: the judge's stand-ins were taken back.
    const ran = lab.run('from mlflow import MlflowClient\nprint([v.version for v in MlflowClient().search_model_versions("name=\'clf\'")])\n');
    expect(ran.stdout).toBe("['1']\n");
  });
});

describe('the tracking store as the judge reads it', () => {
  it('a logged model the store’s file no longer describes is left out of evidence["logged_models"], and the checks still judge', () => {
    const program = [
      'import lab, mlflow',
      'd = lab.load_dataset("data/raw_data.csv")',
      'm = lab.LogisticRegression(learning_rate=0.5, epochs=3)',
      'm.fit(d.X, d.y)',
      'with mlflow.start_run():',
      '    mlflow.sklearn.log_model(m, name="m")',
    ].join('\n');
    const check: Check = { kind: 'assert', python: 'assert len(evidence["logged_models"]) == 1, evidence["logged_models"]' };
    expect(judged(program, check)).toEqual({ pass: true, detail: '' });
    const broken: Check = { kind: 'assert', python: 'assert evidence["logged_models"] == {}, evidence["logged_models"]' };
    const breaking = `${program}\nfrom mlflow import _store\nfor entry in _store.data()["logged_models"].values():\n    entry["model"] = "not a model"\n_store._changed("logged_models", next(iter(_store.data()["logged_models"])))\n`;
    expect(judged(breaking, broken)).toEqual({ pass: true, detail: '' });
  });
});

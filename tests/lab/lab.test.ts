// The `lab` module and the runner, in the real CPython (Pyodide).
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPyodide } from 'pyodide';
import { runLearnerCode, setupLab } from '../../src/lab/worker/pythonRuntime';
import { createNodeLab, lifecycleStart, type NodeLab } from './python';

let lab: NodeLab;
beforeAll(async () => {
  lab = await createNodeLab();
}, 180_000);

describe('the generated data', () => {
  // A child Node process: seconds on a busy machine, so no tight clock.
  it('is exactly what the seeded generator makes', () => {
    expect(() => execFileSync('node_modules/.bin/tsx', ['scripts/generate-data.ts', '--check'], { stdio: 'pipe' })).not.toThrow();
  }, 180_000);
  it('is each lesson’s: the check names a lesson, and one that has no generator fails', () => {
    expect(() => execFileSync('node_modules/.bin/tsx', ['scripts/generate-data.ts', '--check', 'ml-lifecycle'], { stdio: 'pipe' })).not.toThrow();
    expect(() => execFileSync('node_modules/.bin/tsx', ['scripts/generate-data.ts', '--check', 'no-such-lesson'], { stdio: 'pipe' })).toThrow(/no such generator/);
  }, 180_000);
  it('is in the lesson’s lab as data/raw_data.csv and data/live/*.csv, next to its README and .gitignore', () => {
    const { files } = lifecycleStart();
    expect(Object.keys(files).sort()).toEqual(['.gitignore', 'README.md', 'data/live/batch_01.csv', 'data/live/batch_02.csv', 'data/live/batch_03.csv', 'data/raw_data.csv']);
    expect(files['data/raw_data.csv']!.split('\n')[0]).toBe('temperature,vibration,pressure,rpm,failure');
  });
});

describe('lab: load, split, train', () => {
  it('learns: the loss falls and held-out accuracy is well above chance', () => {
    const r = lab.run(
      `import lab
data = lab.load_dataset("data/raw_data.csv")
train, test = lab.split(data, test_size=0.2, seed=42)
model = lab.LogisticRegression(learning_rate=0.5, epochs=40)
history = model.fit(train.X, train.y)
sizes = f"{len(data)} {len(train)} {len(test)}"
first_loss, last_loss = history[0].loss, history[-1].loss
accuracy = model.score(test.X, test.y)
model.save("model.json")
reloaded = lab.load_model("model.json").score(test.X, test.y)
`,
      { variables: ['sizes', 'first_loss', 'last_loss', 'accuracy', 'reloaded'] },
    );
    expect(r.error).toBeNull();
    expect(r.variables.sizes).toBe('400 320 80');
    expect(r.variables.last_loss as number).toBeLessThan((r.variables.first_loss as number) * 0.6);
    expect(r.variables.accuracy as number).toBeGreaterThan(0.8);
    expect(r.variables.reloaded).toBe(r.variables.accuracy);
    expect(r.training).toHaveLength(1);
    expect(r.training[0]!.history).toHaveLength(40);
    expect(lab.snapshot()['model.json']).toContain('"type": "lab.LogisticRegression"');
  });

  it('a tiny learning rate barely moves the loss', () => {
    const r = lab.run(`import lab
d = lab.load_dataset("data/raw_data.csv")
h = lab.LogisticRegression(learning_rate=0.0001, epochs=30).fit(d.X, d.y)
drop = h[0].loss - h[-1].loss
`, { variables: ['drop'] });
    expect(r.variables.drop as number).toBeLessThan(0.001);
  });

  it('fit answers as scikit-learn’s does too: model = LogisticRegression().fit(X, y) is the fitted model, and still its epochs', () => {
    const r = lab.run(`import copy, lab, mlflow
d = lab.load_dataset("data/raw_data.csv")
model = lab.LogisticRegression(learning_rate=0.5, epochs=5).fit(d.X, d.y)
same = model.predict(d.X[:3]) == model._model.predict(d.X[:3])
epochs = [e.epoch for e in model]
copied = len(copy.deepcopy(model))
with mlflow.start_run():
    info = mlflow.sklearn.log_model(model, name="m")
loaded = mlflow.sklearn.load_model(info.model_uri).weights == model.weights
`, { variables: ['same', 'epochs', 'copied', 'loaded'] });
    expect(r.error).toBeNull();
    expect(r.variables).toMatchObject({ same: true, epochs: '[1, 2, 3, 4, 5]', copied: 5, loaded: true });
  });

  it('measures drift: the failing-fan batch drifts, the first batch does not', () => {
    const r = lab.run(`import lab
ref = lab.load_dataset("data/raw_data.csv")
calm = max(lab.psi(ref.column(c), lab.load_dataset("data/live/batch_01.csv").column(c)) for c in ref.feature_names)
hot = lab.psi(ref.column("temperature"), lab.load_dataset("data/live/batch_03.csv").column("temperature"))
`, { variables: ['calm', 'hot'] });
    expect(r.variables.calm as number).toBeLessThan(0.1);
    expect(r.variables.hot as number).toBeGreaterThan(0.25);
    expect(r.drift.at(-1)?.column).toBe('temperature');
  });
});

describe('the runner reports errors like Python, on the learner’s lines', () => {
  it('ZeroDivisionError on line 2 is line 2, with no harness frames', () => {
    const r = lab.run('x = 1\ny = x / 0\n', { filename: 'train.py' });
    expect(r.error).toMatchObject({ type: 'ZeroDivisionError', message: 'division by zero', line: 2 });
    expect(r.error?.traceback).toBe(
      'Traceback (most recent call last):\n  File "train.py", line 2, in <module>\n    y = x / 0\n        ~~^~~\nZeroDivisionError: division by zero\n',
    );
  });

  it('an error inside a function shows both of the learner’s frames', () => {
    const r = lab.run('def f():\n    return undefined_name\n\nf()\n', { filename: 'train.py' });
    expect(r.error?.line).toBe(2);
    expect(r.error?.traceback).toContain('File "train.py", line 4, in <module>');
    expect(r.error?.traceback).toContain('File "train.py", line 2, in f');
    expect(r.error?.traceback).toContain("NameError: name 'undefined_name' is not defined");
    expect(r.error?.traceback).not.toContain('lab_runner');
  });

  it('a SyntaxError points at its line', () => {
    const r = lab.run('print("ok")\nif True print(1)\n', { filename: 'train.py' });
    expect(r.error).toMatchObject({ type: 'SyntaxError', line: 2 });
    expect(r.stdout).toBe('');
  });

  it('runaway recursion is a clear message, and the lab keeps working', () => {
    const r = lab.run('def f(n):\n    return f(n + 1)\nf(0)\n', { filename: 'train.py' });
    expect(r.error?.type).toBe('RecursionError');
    expect(r.error?.message).toMatch(/calling itself/);
    expect(lab.run('ok = 1 + 1', { variables: ['ok'] }).variables.ok).toBe(2);
  });

  it('running out of memory is a clear message, and the lab keeps working', async () => {
    // Its own lab: WebAssembly memory never shrinks, so the others should not carry the 4 GB.
    const hungry = await createNodeLab();
    // 1 GB at a time: the lab's 4 GB run out on the fourth, after touching 3 GB rather than 4 (the time goes into touching them).
    const r = hungry.run('chunks = []\nwhile True:\n    chunks.append(bytearray(1024 * 1024 * 1024))\n', { filename: 'train.py' });
    expect(r.error).toMatchObject({ type: 'MemoryError', line: 3 });
    expect(r.error?.message).toMatch(/ran out of memory/);
    expect(hungry.run('ok = 2 * 2', { variables: ['ok'] }).variables.ok).toBe(4);
  }, 240_000); // a Pyodide load and 3 GB of allocations: over a minute on a busy 2-core machine

  it('the learner’s file is saved in the project', () => {
    lab.run('print("hi")\n', { filename: 'hello.py' });
    expect(lab.snapshot()['hello.py']).toBe('print("hi")\n');
  });
});

describe('the runner’s tracebacks are a real `python main.py`’s: every frame but the runner’s own', () => {
  it('shows the frames of the learner’s other modules and of the standard library', () => {
    lab.write('helpers.py', 'import json\n\ndef parse(text):\n    return json.loads(text)\n');
    const r = lab.run('import helpers\nhelpers.parse("{")\n', { filename: 'train.py' });
    expect(r.error).toMatchObject({ type: 'JSONDecodeError', line: 2 });
    // The order CPython prints them in: the caller first, then each call down to json's decoder.
    expect(r.error?.traceback).toMatch(
      /^Traceback \(most recent call last\):\n {2}File "train\.py", line 2, in <module>\n[\s\S]*\n {2}File "\/home\/lab\/helpers\.py", line 4, in parse\n[\s\S]*\n {2}File "[^"]*json\/decoder\.py", line \d+, in raw_decode\n[\s\S]*\njson\.decoder\.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 \(char 1\)\n$/,
    );
    expect(r.error?.traceback).not.toContain('lab_runner');
  });
});

describe('each run is a new program, as each `python main.py` is a new process', () => {
  it('imports the learner’s edited module afresh', () => {
    lab.write('settings.py', 'EPOCHS = 10\n');
    expect(lab.run('import settings\nn = settings.EPOCHS\n', { variables: ['n'] }).variables.n).toBe(10);
    lab.write('settings.py', 'EPOCHS = 20\n');
    expect(lab.run('import settings\nn = settings.EPOCHS\n', { variables: ['n'] }).variables.n).toBe(20);
  });

  it('starts in the project folder even if the last run changed directory', () => {
    lab.run('import os\nos.chdir("data")\n');
    expect(lab.run('import os\nhere = os.getcwd()\n', { variables: ['here'] }).variables.here).toBe('/home/lab');
  });

  it('runs as the real __main__ module, so its classes pickle', () => {
    const r = lab.run('import pickle\nclass Point:\n    x = 1\np = pickle.loads(pickle.dumps(Point())).x\n', { variables: ['p'] });
    expect(r.error).toBeNull();
    expect(r.variables.p).toBe(1);
  });

  it('prints a last line without a newline, and has its output back after a program closed it', () => {
    expect(lab.run('print("done", end="")\n').stdout).toBe('done\n');
    lab.run('import sys\nsys.stdout.close()\n');
    expect(lab.run('print("back")\n').stdout).toBe('back\n');
  });
});

describe('what the lab lacks, it says (issue 8)', () => {
  it('import pandas: Python’s error, then what the lab offers instead', () => {
    const r = lab.run('import pandas as pd\n', { filename: 'train.py' });
    // "No module named 'pandas'": CPython's importlib (_bootstrap._ERR_MSG); the last line is
    // a note, which Python prints after the error line (PEP 678).
    expect(r.error?.traceback).toBe(
      "Traceback (most recent call last):\n  File \"train.py\", line 1, in <module>\n    import pandas as pd\nModuleNotFoundError: No module named 'pandas'\nThe lab has no pandas: lab.load_dataset(path) reads a CSV into a dataset (len, .head(), .column(name), .X, .y), and Python's csv module reads any CSV.\n",
    );
    expect(r.error).toMatchObject({ type: 'ModuleNotFoundError', line: 1 });
    expect(r.error?.message).toMatch(/^No module named 'pandas'\nThe lab has no pandas: lab\.load_dataset/);
  });

  it.each([
    ['import numpy as np', 'No module named \'numpy\'', 'The lab has no numpy: use lists and the math and statistics modules'],
    ['from sklearn.linear_model import LogisticRegression', 'No module named \'sklearn\'', 'lab.LogisticRegression(learning_rate, epochs) has fit, predict, predict_proba and score'],
    ['from scipy import stats', 'No module named \'scipy\'', 'lab.psi(reference, current) measures drift'],
    ['import requests', 'No module named \'requests\'', 'The lab has no requests and no network'],
    ['import torch', 'No module named \'torch\'', "The lab's Python has CPython's standard library, the lab's modules (lab, mlflow, fastapi, pydantic) and your project's .py files; it cannot install packages (there is no pip) and has no network."],
    ['import tkinter', 'No module named \'tkinter\'', "The lab's Python (CPython built for the browser by Pyodide) does not include the standard library's tkinter module."],
    ['import mlflow.pytorch', 'No module named \'mlflow.pytorch\'', "The lab's mlflow is a small stand-in for the real package: it has no mlflow.pytorch (it has mlflow.entities, mlflow.exceptions, mlflow.pyfunc, mlflow.sklearn, mlflow.tracking)."],
    ['import fastapi\nfastapi.WebSocketException', "module 'fastapi' has no attribute 'WebSocketException'", "The lab's fastapi is a small stand-in with part of the real API: check the name; the lab may not support it."],
    ['from lab import DecisionTree', "cannot import name 'DecisionTree' from 'lab' (/lab/lib/lab.py)", 'The lab module has Column, Dataset, Epoch, History, LogisticRegression, load_dataset, load_model, psi, show_chart, show_table, split.'],
  ])('%s: %s, and a line saying what the lab has', (code, error, hint) => {
    const r = lab.run(`${code}\n`);
    expect(r.error?.traceback).toContain(`Error: ${error}\n`);
    expect(r.error?.traceback).toContain(hint);
    expect(r.error?.message).toContain(hint);
  });

  it('a name the lab\'s mlflow lacks: its own message says so and lists what it covers, with no second hint', () => {
    const r = lab.run('import mlflow\nmlflow.log_figure(None, "f.png")\n');
    expect(r.error?.traceback).toContain("AttributeError: the lab's mlflow does not have mlflow.log_figure. It covers: set_experiment");
    expect(r.error?.traceback).not.toContain('small stand-in');
  });

  it('input(): the program reads the end of input, as real Python with nothing on stdin, and is told why', () => {
    const r = lab.run('name = input("Your name? ")\nprint(name)\n', { filename: 'train.py' });
    // "EOF when reading a line": CPython's builtin input() at end of input (Python/bltinmodule.c).
    expect(r.error?.traceback).toBe(
      "Traceback (most recent call last):\n  File \"train.py\", line 1, in <module>\n    name = input(\"Your name? \")\nEOFError: EOF when reading a line\nThe lab's programs cannot read from the keyboard (input() finds no input): set the value in your code instead.\n",
    );
    expect(r.error).toMatchObject({ type: 'EOFError', line: 1 });
    // The prompt is written before the read, as Python writes it.
    expect(r.stdout).toBe('Your name? \n');
  });

  it('setupLab sets the lab’s stdin itself: Pyodide’s default calls prompt(), which a worker does not have', async () => {
    const py = await loadPyodide();
    py.setStdin({ stdin: () => 'typed\n' }); // as if a keyboard were there: setupLab must replace it
    await setupLab(py, null, lifecycleStart());
    expect(runLearnerCode(py, 'x = input()\n', 'main.py', []).error?.type).toBe('EOFError');
  }, 120_000);

  it('a caught ImportError is the program’s business: no note, nothing changed', () => {
    const r = lab.run('try:\n    import pandas\n    ok = "pandas"\nexcept ImportError as e:\n    ok = str(e) + repr(getattr(e, "__notes__", None))\n', { variables: ['ok'] });
    expect(r.variables.ok).toBe("No module named 'pandas'None");
  });
});

describe('numbers JSON cannot carry (NaN, ±inf) never break the run’s report', () => {
  it('a NaN or infinite variable is reported as Python shows it, and the page accepts the outcome', () => {
    // lab.run goes through the page's own message parser (tests/lab/python.ts): a bare NaN would be refused.
    const r = lab.run("a = float('nan')\nb = float('inf')\nc = 0.5\n", { variables: ['a', 'b', 'c'] });
    expect(r.error).toBeNull();
    expect(r.variables).toEqual({ a: 'nan', b: 'inf', c: 0.5 });
  });

  it('a NaN learning rate is refused when the model is made, as a bad parameter is', () => {
    const r = lab.run("import lab\nlab.LogisticRegression(learning_rate=float('nan'))\n");
    expect(r.error).toMatchObject({ type: 'ValueError', message: 'learning_rate must be a positive, finite number', line: 2 });
  });
});

describe('the lab’s start imports nothing from the project (issue 21)', () => {
  // A saved project whose files are named like standard modules the lab's own code imports
  // (csv, email, http, pkgutil, uuid, json …): each one, if imported, leaves a mark in JavaScript.
  const SHADOWS = ['csv', 'email', 'http', 'pkgutil', 'uuid', 'json', 'random', 'operator', 'io', 'traceback', 'textwrap', 'urllib', 'functools', 'importlib'];
  const planted = (names: string[]) =>
    Object.fromEntries(names.map((name) => [`${name}.py`, `import js\njs.globalThis.__planted_${name} = True\n`]));
  const marks = () => Object.keys(globalThis).filter((k) => k.startsWith('__planted_')).sort();
  const clearMarks = () => {
    for (const key of marks()) delete (globalThis as Record<string, unknown>)[key];
  };

  it('no project file runs while the lab sets up, nor in the lab’s own work after a run', async () => {
    clearMarks();
    const world = { ...lifecycleStart().files, ...planted(SHADOWS) };
    const shadowed = await createNodeLab(world);
    expect(shadowed.setup.setAside).toBeNull();
    expect(marks()).toEqual([]);
    // A program that imports none of them, one that fails (the runner formats its traceback), a console request.
    expect(shadowed.run('print("hello")').stdout).toBe('hello\n');
    expect(shadowed.run('1 / 0').error?.type).toBe('ZeroDivisionError');
    expect(marks()).toEqual([]);
    // sys.path between runs has no project folder and no '' (the current folder).
    expect(shadowed.py.runPython('import sys; [p for p in sys.path if p in ("", "/home/lab")]').toJs()).toEqual([]);
  }, 180_000);

  it('the learner’s program sees its folder first on sys.path, as `python main.py` does, so its own import of such a file is real Python’s', async () => {
    clearMarks();
    const shadowed = await createNodeLab({ ...lifecycleStart().files, ...planted(['colorsys']), 'src/helper.py': 'VALUE = 7\n' });
    const r = shadowed.run('import sys\nfirst = sys.path[0]\nimport helper\nvalue = helper.VALUE\n', { filename: 'src/train.py', variables: ['first', 'value'] });
    expect(r.error).toBeNull();
    expect(r.variables).toEqual({ first: '/home/lab/src', value: 7 });
    expect(marks()).toEqual([]);
    const own = shadowed.run('import colorsys\n');
    expect(own.error).toBeNull();
    expect(marks()).toEqual(['__planted_colorsys']);
    clearMarks();
  }, 180_000);
});

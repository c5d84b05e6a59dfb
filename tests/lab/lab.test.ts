// The `lab` module and the runner, in the real CPython (Pyodide).
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { START_FILES } from '../../src/lab/labFiles';
import { createNodeLab, type NodeLab } from './python';

let lab: NodeLab;
beforeAll(async () => {
  lab = await createNodeLab();
}, 180_000);

describe('the generated data', () => {
  // A child Node process: seconds on a busy machine, so no tight clock.
  it('is exactly what the seeded generator makes', () => {
    expect(() => execFileSync('node_modules/.bin/tsx', ['scripts/generate-data.ts', '--check'], { stdio: 'pipe' })).not.toThrow();
  }, 180_000);
  it('is in the lab as data/raw_data.csv and data/live/*.csv', () => {
    expect(Object.keys(START_FILES).sort()).toEqual(['data/live/batch_01.csv', 'data/live/batch_02.csv', 'data/live/batch_03.csv', 'data/raw_data.csv']);
    expect(START_FILES['data/raw_data.csv']!.split('\n')[0]).toBe('temperature,vibration,pressure,rpm,failure');
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
    const r = hungry.run('chunks = []\nwhile True:\n    chunks.append(bytearray(64 * 1024 * 1024))\n', { filename: 'train.py' });
    expect(r.error).toMatchObject({ type: 'MemoryError', line: 3 });
    expect(r.error?.message).toMatch(/ran out of memory/);
    expect(hungry.run('ok = 2 * 2', { variables: ['ok'] }).variables.ok).toBe(4);
  }, 180_000);

  it('the learner’s file is saved in the project', () => {
    lab.run('print("hi")\n', { filename: 'hello.py' });
    expect(lab.snapshot()['hello.py']).toBe('print("hi")\n');
  });
});

// Every check kind judged on synthetic outcomes (no Pyodide): each passes on what it asks
// for and fails, with a message that says what to change, on what it does not.
import { describe, expect, it } from 'vitest';
import { judge, printsNumber } from '../../src/lab/checks/checks';
import { checkSchema, type Check } from '../../src/content/schema';
import { emptyOutcome } from '../../src/lab/outcome';
import { md5 } from '../../src/lab/shell/md5';
import type { ContainerTrial, RunOutcome, RunResult, TrackedRun, WorldFiles } from '../../src/lab/types';

const result = (patch: Partial<RunOutcome> = {}, rest: Partial<RunResult> = {}): RunResult => ({ outcome: emptyOutcome(patch), output: [], truncatedLines: 0, durationMs: 0, ...rest });
const printed = (text: string, patch: Partial<RunOutcome> = {}) => result(patch, { output: [{ stream: 'stdout', text }] });
const check = (value: unknown) => checkSchema.parse(value) as Check;
const verdict = (c: unknown, r: RunResult, files: WorldFiles = {}) => judge(check(c), { result: r, files });

const run = (patch: Partial<TrackedRun> = {}): TrackedRun => ({
  run_id: 'r1',
  run_name: 'lr-0.5',
  experiment_id: '1',
  status: 'FINISHED',
  start_time: 0,
  end_time: 1,
  lifecycle_stage: 'active',
  artifact_uri: '',
  params: {},
  metrics: {},
  tags: {},
  models: [],
  ...patch,
});
const tracked = (r: TrackedRun, extra: Partial<RunOutcome> = {}): Partial<RunOutcome> => ({
  newRuns: [r.run_id],
  tracking: { experiments: {}, runs: { [r.run_id]: r }, logged_models: {}, registered_models: {} },
  ...extra,
});

const CONTAINER = { kind: 'container', method: 'POST', path: '/predict', body: { rpm: 1480 }, status: 200, jsonHas: 'failure' };
const asked = (status: number, json: unknown) => ({ method: 'POST', path: '/predict', body: { rpm: 1480 }, status, json });
const trial = (patch: Partial<ContainerTrial> = {}): ContainerTrial => ({
  publish: '8000:8000',
  commands: [
    { line: 'docker build -t lab-check .', code: 0, output: '' },
    { line: 'docker run -d -p 8000:8000 lab-check', code: 0, output: '' },
  ],
  exited: null,
  exchanges: [],
  ...patch,
});

describe('each check kind passes on what it asks for and fails saying what to change', () => {
  it.each<[string, unknown, RunResult, WorldFiles, boolean, RegExp | '']>([
    ['no-error: a clean run', { kind: 'no-error' }, result(), {}, true, ''],
    ['no-error: an exception', { kind: 'no-error' }, result({ error: { type: 'KeyError', message: "'x'", traceback: '', line: 2 } }), {}, false, /raised KeyError/],
    ['no-error: the time limit', { kind: 'no-error' }, result({}, { ended: 'time-limit' }), {}, false, /ran out of time/],
    ['output-contains: any letter case', { kind: 'output-contains', text: 'test accuracy' }, printed('Test Accuracy: 0.9\n'), {}, true, ''],
    ['output-contains: missing', { kind: 'output-contains', text: 'test accuracy' }, printed('done\n'), {}, false, /does not contain “test accuracy”/],
    ['prints-value: as a percentage', { kind: 'prints-value', name: 'accuracy' }, printed('accuracy 93.8%\n', { variables: { accuracy: 0.9375 } }), {}, true, ''],
    ['prints-value: not printed', { kind: 'prints-value', name: 'accuracy' }, printed('epoch 1\n', { variables: { accuracy: 0.9375 } }), {}, false, /does not show `accuracy`'s value \(0\.9375\)/],
    ['prints-value: no such variable', { kind: 'prints-value', name: 'accuracy' }, printed('0.93\n'), {}, false, /no variable `accuracy`/],
    ['file-exists: there', { kind: 'file-exists', path: 'model.json' }, result(), { 'model.json': '{}' }, true, ''],
    ['file-exists: missing', { kind: 'file-exists', path: 'model.json' }, result(), {}, false, /no file model\.json/],
    ['variable: within bounds', { kind: 'variable', name: 'accuracy', atLeast: 0.8 }, result({ variables: { accuracy: 0.91 } }), {}, true, ''],
    ['variable: below', { kind: 'variable', name: 'accuracy', atLeast: 0.8 }, result({ variables: { accuracy: 0.61 } }), {}, false, /is 0\.61, below 0\.8/],
    ['mlflow-param: logged', { kind: 'mlflow-param', key: 'learning_rate' }, result(tracked(run({ params: { learning_rate: '0.5' } }))), {}, true, ''],
    ['mlflow-param: another key', { kind: 'mlflow-param', key: 'learning_rate' }, result(tracked(run({ params: { lr: '0.5' } }))), {}, false, /No run logged a param named “learning_rate”/],
    ['mlflow-param: no run', { kind: 'mlflow-param', key: 'learning_rate' }, result(), {}, false, /No MLflow run was logged/],
    ['mlflow-metric: enough steps', { kind: 'mlflow-metric', key: 'loss', minSteps: 2 }, result(tracked(run({ metrics: { loss: [[0.6, 1, 0], [0.4, 2, 1]] } }))), {}, true, ''],
    ['mlflow-metric: one step', { kind: 'mlflow-metric', key: 'loss', minSteps: 2 }, result(tracked(run({ metrics: { loss: [[0.6, 1, 0], [0.4, 2, 0]] } }))), {}, false, /logged at 1 step; 2 needed/],
    ['mlflow-model: registered', { kind: 'mlflow-model', registeredName: 'clf' }, result(tracked(run({ models: ['m-1'] }), { newVersions: [{ name: 'clf', version: '1' }] })), {}, true, ''],
    ['mlflow-model: logged, not registered', { kind: 'mlflow-model', registeredName: 'clf' }, result(tracked(run({ models: ['m-1'] }))), {}, false, /No new version of “clf”/],
    ['mlflow-model: registered under another name', { kind: 'mlflow-model', registeredName: 'clf' }, result(tracked(run({ models: ['m-1'] }), { newVersions: [{ name: 'cfl', version: '1' }] })), {}, false, /this run registered “cfl”\. Register the model under the name “clf”/],
    [
      'retrained: the alias moved',
      { kind: 'retrained', alias: 'prod' },
      result({ newVersions: [{ name: 'clf', version: '2' }], tracking: { experiments: {}, runs: {}, logged_models: {}, registered_models: { clf: { name: 'clf', aliases: { prod: '2' } } as never } } }),
      {},
      true,
      '',
    ],
    [
      'retrained: the alias (champion) left behind',
      { kind: 'retrained', alias: 'champion' },
      result({ newVersions: [{ name: 'clf', version: '2' }], tracking: { experiments: {}, runs: {}, logged_models: {}, registered_models: { clf: { name: 'clf', aliases: { champion: '1' } } as never } } }),
      {},
      false,
      /champion alias does not point at it/,
    ],
    [
      'http: the wanted status',
      { kind: 'http', method: 'POST', path: '/predict', body: {}, status: 422 },
      result({ server: {} as never, responses: [{ method: 'POST', path: '/predict', body: {}, status: 422, json: { detail: [] } }] }),
      {},
      true,
      '',
    ],
    [
      'http: another status, shown with what the app said and the fix',
      { kind: 'http', method: 'POST', path: '/predict', body: {}, status: 422, fix: 'Declare the body as a pydantic model.' },
      result({ server: {} as never, responses: [{ method: 'POST', path: '/predict', body: {}, status: 200, json: { prediction: 0 } }] }),
      {},
      false,
      /^`POST \/predict` with \{\} answered 200 \{"prediction":0\}, not 422\. Declare the body as a pydantic model\.$/,
    ],
    ['http: no app', { kind: 'http', method: 'GET', path: '/', status: 200 }, result(), {}, false, /did not define a FastAPI app/],
    [
      'http: no app, because the program stopped on an error first',
      { kind: 'http', method: 'GET', path: '/', status: 200 },
      result({ error: { type: 'ImportError', message: 'cannot import name Request', traceback: '' } as never }),
      {},
      false,
      /^Your program stopped with ImportError: cannot import name Request — before it served an app\. Fix that first\.$/,
    ],
    ['container: the container answers', CONTAINER, result({ containers: [trial({ exchanges: [asked(200, { failure: true })] })] }), {}, true, ''],
    [
      'container: another status, said to come from the container',
      CONTAINER,
      result({ containers: [trial({ exchanges: [asked(500, 'Internal Server Error')] })] }),
      {},
      false,
      /^`POST \/predict` with \{"rpm":1480\} on localhost:8000, from the container, answered 500 "Internal Server Error", not 200\.$/,
    ],
    ['container: no JSON key', CONTAINER, result({ containers: [trial({ exchanges: [asked(200, { ok: 1 })] })] }), {}, false, /The answer has no “failure”/],
    [
      'container: refused, with the reason',
      CONTAINER,
      result({ containers: [trial({ exchanges: [asked(0, 'uvicorn listens on 127.0.0.1:8000 inside the container. Bind 0.0.0.0.')] })] }),
      {},
      false,
      /^`POST \/predict` on localhost:8000 got no answer from the container: uvicorn listens on 127\.0\.0\.1:8000 inside the container\. Bind 0\.0\.0\.0\.$/,
    ],
    [
      'container: listening on a port the check does not publish: listen on its port',
      CONTAINER,
      result({ containers: [trial({ exchanges: [asked(0, 'uvicorn listens on 0.0.0.0:80 inside the container, but only port 8000 is published: nothing on your machine reaches it. Publish it: docker run -p 80:80 lab-check.')] })] }),
      {},
      false,
      /only port 8000 is published: nothing on your machine reaches it\. The check starts the image with `docker run -p 8000:8000`, so listen on port 8000: `--port 8000` in CMD \(or port=8000 in uvicorn\.run\)\.$/,
    ],
    [
      'container: the build failed, in its own words',
      CONTAINER,
      result({ containers: [trial({ commands: [{ line: 'docker build -t lab-check .', code: 1, output: '#1 ...\nERROR: failed to build: failed to solve: "/app.py": not found\n' }] })] }),
      {},
      false,
      /^`docker build -t lab-check \.` failed: ERROR: failed to build: failed to solve: "\/app\.py": not found\. Fix the Dockerfile/,
    ],
    [
      'container: it exited, naming the module the image lacks',
      CONTAINER,
      result({ containers: [trial({ exited: { code: 1, log: "Traceback…\nModuleNotFoundError: No module named 'mlflow'\n", command: 'uvicorn app:app' } })] }),
      {},
      false,
      /^The container exited with status 1 as soon as it started: ModuleNotFoundError: No module named 'mlflow'\. The image has only what pip installed in it: list mlflow in requirements\.txt/,
    ],
    [
      'container: a command that serves nothing, told to start uvicorn',
      CONTAINER,
      result({ containers: [trial({ exited: { code: 0, log: '', command: 'python app.py' } })] }),
      {},
      false,
      /^The container's command, `python app\.py`, ended at once and served nothing: start uvicorn in CMD/,
    ],
    ['container: another port mapping was not tried', { ...CONTAINER, publish: '9000:8000' }, result({ containers: [trial()] }), {}, false, /not judged: run your code again/],
    ['assert: passed in the lab', { kind: 'assert', python: 'assert True' }, result({ asserts: { 'assert True': null } }), {}, true, ''],
    ['assert: its message', { kind: 'assert', python: 'assert False, "no"' }, result({ asserts: { 'assert False, "no"': 'Say why.' } }), {}, false, /^Say why\.$/],
  ])('%s', (_name, c, r, files, pass, message) => {
    const v = verdict(c, r, files);
    expect(v.pass).toBe(pass);
    if (message) expect(v.detail).toMatch(message);
    else expect(v.detail).toBe('');
  });

  it('file-matches with whole: true wants the whole file, not a line of it', () => {
    const counts = { kind: 'file-matches', path: 'c.txt', pattern: ' *1498 0\\n *102 1', whole: true };
    expect(verdict(counts, result(), { 'c.txt': '   1498 0\n    102 1\n' }).pass).toBe(true);
    // The CSV header kept as a "class" of its own.
    expect(verdict(counts, result(), { 'c.txt': '   1498 0\n    102 1\n      1 fraud\n' }).pass).toBe(false);
  });

  it('file-matches names the known mistake the file shows, else its fix', () => {
    const counts = {
      kind: 'file-matches',
      path: 'c.txt',
      pattern: ' *1498 0\\n *102 1',
      whole: true,
      fix: 'Count each class.',
      mistakes: [{ when: 'fraud', say: 'The header was counted as a class.' }],
    };
    expect(verdict(counts, result(), { 'c.txt': '   1498 0\n    102 1\n      1 fraud\n' })).toEqual({ pass: false, detail: 'The header was counted as a class.' });
    expect(verdict(counts, result(), { 'c.txt': '   1600 0\n' })).toEqual({ pass: false, detail: 'Count each class.' });
    expect(verdict(counts, result(), { 'c.txt': '   1498 0\n    102 1\n' }).pass).toBe(true);
  });
});

describe('repository checks name the real cause of a failed command', () => {
  const failedAdd = (line: string, stderr: string) => ({
    shell: {
      transcript: [
        { line: 'dvc init', output: [], code: 0 },
        { line, output: [{ stream: 'stderr' as const, text: stderr }], code: 1 },
      ],
      repo: { branch: 'main', log: [], committed: ['data/raw_data.csv'], ignored: [], dvcTracked: [] },
    },
  });
  const scm = "ERROR: output 'data/raw_data.csv' is already tracked by SCM (e.g. Git).\n    You can remove it from Git, then add to DVC.\n";

  it('dvc-tracked: a dvc add that failed is quoted, with the way out', () => {
    const v = verdict({ kind: 'dvc-tracked', path: 'data/raw_data.csv' }, result(failedAdd('dvc add data/raw_data.csv', scm)), { '.dvc/config': '' });
    expect(v.detail).toBe("`dvc add data/raw_data.csv` failed: ERROR: output 'data/raw_data.csv' is already tracked by SCM (e.g. Git). Fix what it names and run it again, or press Reset lab to start the step's project afresh.");
  });

  it('dvc-tracked: tracked with its bytes in the cache passes; edited after dvc add, or a pointer written by hand, fails', () => {
    const csv = 'a,b\n1,2\n';
    const hash = md5(new TextEncoder().encode(csv));
    const pointer = `outs:\n- md5: ${hash}\n  size: ${csv.length}\n  hash: md5\n  path: raw_data.csv\n`;
    const cached = { '.dvc/config': '', [`.dvc/cache/files/md5/${hash.slice(0, 2)}/${hash.slice(2)}`]: csv };
    const tracked = (files: WorldFiles) => verdict({ kind: 'dvc-tracked', path: 'data/raw_data.csv' }, result(), files);
    expect(tracked({ ...cached, 'data/raw_data.csv': csv, 'data/raw_data.csv.dvc': pointer }).pass).toBe(true);
    expect(tracked({ ...cached, 'data/raw_data.csv': `${csv}3,4\n`, 'data/raw_data.csv.dvc': pointer }).detail).toMatch(/^data\/raw_data\.csv is not what data\/raw_data\.csv\.dvc records: .*the data changed after dvc add/);
    // The right md5 in a pointer of one's own: no DVC, or no cached copy, versions nothing.
    expect(tracked({ 'data/raw_data.csv': csv, 'data/raw_data.csv.dvc': pointer }).detail).toMatch(/DVC is not initialised here \(no \.dvc folder\)/);
    expect(tracked({ '.dvc/config': '', 'data/raw_data.csv': csv, 'data/raw_data.csv.dvc': pointer }).detail).toBe(
      `DVC's cache has no copy of data/raw_data.csv (.dvc/cache/files/md5/${hash.slice(0, 2)}/${hash.slice(2)}), so dvc checkout could not bring these bytes back: the pointer was not made by dvc add. Run dvc add data/raw_data.csv.`,
    );
  });

  it('git-not-committed and git-committed say how to get out', () => {
    const r = result(failedAdd('dvc add data/raw_data.csv', scm));
    expect(verdict({ kind: 'git-not-committed', path: 'data/raw_data.csv' }, r).detail).toMatch(/git rm --cached data\/raw_data\.csv.*Reset lab/);
    expect(verdict({ kind: 'git-committed', path: 'data/raw_data.csv.dvc' }, r).detail).toMatch(/^data\/raw_data\.csv\.dvc is not in the last commit — `dvc add data\/raw_data\.csv` failed before it/);
    expect(verdict({ kind: 'git-committed', path: 'data/raw_data.csv' }, r).pass).toBe(true);
  });

  it('git-committed: a file committed, then changed without a new commit, is not committed as it is', () => {
    const repo = { branch: 'main', log: [], committed: ['reports/counts.txt'], ignored: [], dvcTracked: [], uncommitted: ['reports/counts.txt'] };
    const v = verdict({ kind: 'git-committed', path: 'reports/counts.txt' }, result({ shell: { transcript: [], repo } }));
    expect(v).toEqual({ pass: false, detail: 'reports/counts.txt is in the last commit, but it has changed since, so the commit holds an older version of it: `git add reports/counts.txt`, then commit again.' });
    expect(verdict({ kind: 'git-committed', path: 'reports/counts.txt' }, result({ shell: { transcript: [], repo: { ...repo, uncommitted: [] } } })).pass).toBe(true);
    // Added, never committed: the verdict says to commit, not to add.
    const staged = verdict({ kind: 'git-committed', path: 'reports/counts.txt' }, result({ shell: { transcript: [], repo: { ...repo, committed: [], uncommitted: [], staged: ['reports/counts.txt'] } } }));
    // With the message the task asks for: the last commit's, case and a final full stop aside.
    const logged = (message: string) => ({ ...repo, uncommitted: [], log: [{ oid: 'a'.repeat(40), message: `${message}\n`, timestamp: 0 }] });
    const withMessage = { kind: 'git-committed', path: 'reports/counts.txt', message: 'Version 1.0 dataset' };
    expect(verdict(withMessage, result({ shell: { transcript: [], repo: logged('version 1.0 dataset.') } })).pass).toBe(true);
    expect(verdict(withMessage, result({ shell: { transcript: [], repo: logged('Add data') } })).detail).toBe(
      'reports/counts.txt is committed with the message “Add data”, but the task asks for “Version 1.0 dataset”: git commit --amend -m "Version 1.0 dataset" rewrites it (or press Reset lab to start the step afresh).',
    );
    const never = verdict({ kind: 'git-committed', path: 'reports/counts.txt' }, result({ shell: { transcript: [], repo: { ...repo, committed: [], uncommitted: [] } } }));
    expect(never.detail).toBe('reports/counts.txt is not in the last commit: stage it with git add reports/counts.txt, then git commit -m "…".');
    expect(staged).toEqual({ pass: false, detail: 'reports/counts.txt is staged (git add) but not committed: run git commit -m "…" to put it in a commit.' });
  });
});

describe('printsNumber: a number as people print it', () => {
  it.each<[string, number, boolean]>([
    ['test accuracy: 0.938', 0.9375, true],
    ['Test accuracy: 0.9375', 0.9375, true],
    ['accuracy = 0.94', 0.9375, true],
    ['Accuracy on held-out rows: 93.8%', 0.9375, true],
    ['94 %', 0.9375, true],
    ['epoch 1', 0.9375, false],
    ['accuracy 0.9', 0.9375, false],
    ['0.95', 0.9375, false],
  ])('%s shows %s: %s', (text, value, shows) => {
    expect(printsNumber(text, value)).toBe(shows);
  });
});

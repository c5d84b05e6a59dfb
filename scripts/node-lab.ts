// The real Pyodide in Node, set up exactly as the lab's worker sets it up: the
// lesson proof's lab (npm run content:check -- --run, tests/lab/lesson-proof.test.ts)
// and the lab tests' one. Its modules use Vite's import.meta.glob, so it runs under
// vitest or Vite's module runner (scripts/prove-lessons.ts), not plain tsx.
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { containerHost, probeLab, runLearnerCode, runPythonArgv, sendRequest, setupLab, snapshotWorld, WorldTracker, type LabSetup, type WorldChanges } from '../src/lab/worker/pythonRuntime';
import { beginJudgement, judgeRound, prepareJudge } from '../src/lab/worker/judgeRuntime';
import { JudgeLag, judgeNow } from '../src/lab/judgement';
import { pyodideFs } from '../src/lab/worker/pyodideFs';
import { HOME } from '../src/lab/worker/labFiles';
import { runShell, shellOutcome, transcriptOutput } from '../src/lab/worker/shellRuntime';
import { parseFromWorker, withTracking } from '../src/lab/protocolSchema';
import type { WireOutcome } from '../src/lab/protocol';
import type { ContainerTrialSpec, HttpRequest, RunOutcome, RunResult, WorldFiles } from '../src/lab/types';
import { tryContainer } from '../src/lab/shell/docker';
import { probesFor } from '../src/lab/checks/checks';
import { decodeFile } from '../src/lab/worldFiles';
import type { ProvingLab } from '../src/lab/checks/prove';
import type { StartWorld } from '../src/lab/startWorld';
import { loadStartWorld } from './lab-world';

let lifecycle: StartWorld | undefined;
/** The ML lifecycle lesson's start project (content/ml-lifecycle), read once: the lab tests' default. */
export function lifecycleStart(): StartWorld {
  lifecycle ??= loadStartWorld('content', 'ml-lifecycle');
  return lifecycle;
}

/** Every outcome a test sees must be one the page accepts from the worker (protocolSchema.ts). */
function accepted(outcome: WireOutcome, changes: WorldChanges): WireOutcome {
  const parsed = parseFromWorker({ type: 'result', id: 1, nonce: 'n', outcome, changes, chunks: [], truncatedLines: 0, truncatedBytes: 0 });
  if (!parsed.ok) throw new Error(`the page would refuse this outcome: ${parsed.reason}`);
  return outcome;
}

export interface NodeLab {
  py: PyodideAPI;
  /** The judge's interpreter (started by the first run with assert checks): it never runs the learner's code. */
  judge: () => Promise<PyodideAPI>;
  /** What setupLab reported (a saved world set aside, if it was). */
  setup: LabSetup;
  run: (code: string, options?: { filename?: string; variables?: string[]; requests?: HttpRequest[]; asserts?: string[]; containers?: ContainerTrialSpec[] }) => RunOutcome & { stdout: string; stderr: string };
  request: (request: HttpRequest) => ReturnType<typeof sendRequest>;
  /** Run a shell script in the lab, as the worker does. */
  shell: (script: string, probes?: { containers?: ContainerTrialSpec[]; committedPaths?: string[] }) => Promise<RunResult>;
  write: (path: string, text: string) => void;
  snapshot: () => WorldFiles;
  /** Take in files changed behind the lab's back (a test or the proof writing them), as the judge's copy must. */
  sync: () => void;
}

/** A lab with a saved project (`world`) or, without one, the lesson's start project (`start`, default the ML lifecycle lesson's). */
export async function createNodeLab(world: WorldFiles | null = null, start: StartWorld = lifecycleStart()): Promise<NodeLab> {
  const py = await loadPyodide();
  let stdout = '';
  let stderr = '';
  py.setStdout({ batched: (line) => (stdout += `${line}\n`) });
  py.setStderr({ batched: (line) => (stderr += `${line}\n`) });
  const setup = await setupLab(py, world, start);
  // As the engine does: each run's changes, and the tracking store kept when a run sends none.
  const tracker = new WorldTracker(py);
  const files = tracker.all();
  let tracking: RunOutcome['tracking'] | null = null;
  // The judge, as the page has it: an interpreter of its own with a copy of the project, brought up to date at each judgement.
  let judge: PyodideAPI | null = null;
  const lag = new JudgeLag();
  lag.add({ files: { ...files }, removed: [] });
  const startJudge = async () => {
    if (!judge) {
      judge = await loadPyodide();
      prepareJudge(judge, start.checks ?? null);
    }
    return judge;
  };
  // The step's container checks, after the program as the worker tries them (docker.ts tryContainer).
  const withContainers = (outcome: WireOutcome, containers: ContainerTrialSpec[]): WireOutcome =>
    containers.length ? { ...outcome, containers: containers.map((spec) => tryContainer(pyodideFs(py), HOME, () => Date.UTC(2026, 10, 27, 9, 30), containerHost(py), spec)) } : outcome;
  const complete = (outcome: WireOutcome, asserts: string[] = []): RunOutcome => {
    const changes = tracker.changes();
    Object.assign(files, changes.files);
    for (const path of changes.removed) delete files[path];
    const filled = withTracking(accepted(outcome, changes), tracking, files, changes);
    tracking = filled.tracking;
    if (!asserts.length) {
      lag.add(changes);
      return filled;
    }
    if (!judge) throw new Error('the judge has not started: await lab.judge() before a run with assert checks');
    const py2 = judge;
    beginJudgement(py2, lag.take(), changes, outcome.record ?? null, outcome.error !== null);
    const asserted = judgeNow(asserts, (answers) => judgeRound(py2, asserts, answers), (ask) => probeLab(py, ask));
    return { ...filled, asserts: asserted };
  };
  return {
    py,
    setup,
    judge: startJudge,
    run(code, { filename = 'main.py', variables = [], requests = [], asserts = [], containers = [] } = {}) {
      stdout = '';
      stderr = '';
      const outcome = complete(withContainers(runLearnerCode(py, code, filename, variables, requests, asserts.length > 0), containers), asserts);
      return { ...outcome, stdout, stderr };
    },
    request: (request) => sendRequest(py, request),
    async shell(script, { containers = [], committedPaths = [] } = {}) {
      const python = (argv: string[], options: Parameters<typeof runPythonArgv>[2]) => runPythonArgv(py, argv, options);
      const shell = await runShell(pyodideFs(py), HOME, script, () => Date.UTC(2026, 10, 27, 9, 30), { python, containers: containerHost(py), committedPaths });
      return { outcome: complete(withContainers(shellOutcome(shell), containers)), output: transcriptOutput(shell.transcript), truncatedLines: 0, durationMs: 0 };
    },
    write: (path, text) => py.FS.writeFile(`/home/lab/${path}`, text),
    snapshot: () => snapshotWorld(py),
    sync() {
      const changes = tracker.changes();
      Object.assign(files, changes.files);
      for (const path of changes.removed) delete files[path];
      lag.add(changes);
    },
  };
}

/** The lesson proof's lab (src/lab/checks/prove.ts): runs a step's files as the worker runs a learner's. */
export function provingLab(lab: NodeLab): ProvingLab {
  return {
    async run(step, files) {
      if (step.runtime === 'shell') return { result: await lab.shell(files[0]?.code ?? '', probesFor(step.checks)), files: lab.snapshot() };
      const [main, ...others] = files;
      if (!main) throw new Error(`${step.source} has no file to run`);
      await lab.judge();
      for (const other of others) lab.write(other.file, other.code);
      const ran = lab.run(main.code, { filename: main.file, ...probesFor(step.checks) });
      const result: RunResult = {
        outcome: ran,
        output: [
          { stream: 'stdout', text: ran.stdout },
          { stream: 'stderr', text: ran.stderr },
        ],
        truncatedLines: 0,
        durationMs: 0,
      };
      return { result, files: lab.snapshot() };
    },
    snapshot: () => lab.snapshot(),
    restore(world) {
      // Every file as it was, and the tracking store re-read from them.
      const { FS } = lab.py;
      const clear = (dir: string) => {
        for (const name of FS.readdir(dir) as string[]) {
          if (name === '.' || name === '..') continue;
          const full = `${dir}/${name}`;
          if (FS.isDir(FS.stat(full).mode)) {
            clear(full);
            FS.rmdir(full);
          } else FS.unlink(full);
        }
      };
      clear(HOME);
      for (const [path, value] of Object.entries(world)) {
        FS.mkdirTree(`${HOME}/${path}`.replace(/\/[^/]*$/, ''));
        FS.writeFile(`${HOME}/${path}`, decodeFile(value));
      }
      // Through sys.modules: a lesson without mlflow in its lab may not import it (lab_runner's import hook).
      lab.py.runPython("import sys\nstore = sys.modules.get('mlflow._store')\nif store is not None:\n    store._data = None");
      lab.sync();
    },
  };
}

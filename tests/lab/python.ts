// The real Pyodide in Node, set up exactly as the lab's worker sets it up.
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { runLearnerCode, sendRequest, setupLab, snapshotWorld, type HttpRequest, type LabSetup } from '../../src/lab/pythonRuntime';
import { pyodideFs } from '../../src/lab/pyodideFs';
import { HOME } from '../../src/lab/labFiles';
import { runShell, shellOutcome, transcriptOutput } from '../../src/lab/shellRuntime';
import { parseFromWorker } from '../../src/lab/protocolSchema';
import type { RunOutcome, RunResult, WorldFiles } from '../../src/lab/types';
import type { StartWorld } from '../../src/lab/startWorld';
import { loadStartWorld } from '../../scripts/lab-world';

let lifecycle: StartWorld | undefined;
/** The ML lifecycle lesson's start project (content/ml-lifecycle), read once. */
export function lifecycleStart(): StartWorld {
  lifecycle ??= loadStartWorld('content', 'ml-lifecycle');
  return lifecycle;
}

/** Every outcome a test sees must be one the page accepts from the worker (protocolSchema.ts). */
function accepted(outcome: RunOutcome, world: WorldFiles): RunOutcome {
  const parsed = parseFromWorker({ type: 'result', id: 1, nonce: 'n', outcome, world, truncatedLines: 0, truncatedBytes: 0 });
  if (!parsed.ok) throw new Error(`the page would refuse this outcome: ${parsed.reason}`);
  return outcome;
}

export interface NodeLab {
  py: PyodideAPI;
  /** What setupLab reported (a saved world set aside, if it was). */
  setup: LabSetup;
  run: (code: string, options?: { filename?: string; variables?: string[]; requests?: HttpRequest[]; asserts?: string[] }) => RunOutcome & { stdout: string; stderr: string };
  request: (request: HttpRequest) => ReturnType<typeof sendRequest>;
  /** Run a shell script in the lab, as the worker does. */
  shell: (script: string) => Promise<RunResult>;
  write: (path: string, text: string) => void;
  snapshot: () => WorldFiles;
}

/** A lab with a saved project (`world`) or, without one, the lesson's start project (`start`, default the ML lifecycle lesson's). */
export async function createNodeLab(world: WorldFiles | null = null, start: StartWorld = lifecycleStart()): Promise<NodeLab> {
  const py = await loadPyodide();
  let stdout = '';
  let stderr = '';
  py.setStdout({ batched: (line) => (stdout += `${line}\n`) });
  py.setStderr({ batched: (line) => (stderr += `${line}\n`) });
  const setup = await setupLab(py, world, start);
  return {
    py,
    setup,
    run(code, { filename = 'main.py', variables = [], requests = [], asserts = [] } = {}) {
      stdout = '';
      stderr = '';
      const outcome = accepted(runLearnerCode(py, code, filename, variables, requests, asserts), snapshotWorld(py));
      return { ...outcome, stdout, stderr };
    },
    request: (request) => sendRequest(py, request),
    async shell(script) {
      const shell = await runShell(pyodideFs(py), HOME, script, () => Date.UTC(2026, 10, 27, 9, 30));
      return { outcome: accepted(shellOutcome(shell), snapshotWorld(py)), output: transcriptOutput(shell.transcript), truncatedLines: 0, durationMs: 0 };
    },
    write: (path, text) => py.FS.writeFile(`/home/lab/${path}`, text),
    snapshot: () => snapshotWorld(py),
  };
}

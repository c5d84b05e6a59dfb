// The real Pyodide in Node, set up exactly as the lab's worker sets it up.
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { installLab, runLearnerCode, sendRequest, snapshotWorld, type HttpRequest } from '../../src/lab/pythonRuntime';
import type { RunOutcome, WorldFiles } from '../../src/lab/types';

export interface NodeLab {
  py: PyodideAPI;
  run: (code: string, options?: { filename?: string; variables?: string[]; requests?: HttpRequest[] }) => RunOutcome & { stdout: string; stderr: string };
  request: (request: HttpRequest) => ReturnType<typeof sendRequest>;
  write: (path: string, text: string) => void;
  snapshot: () => WorldFiles;
}

export async function createNodeLab(world: WorldFiles | null = null): Promise<NodeLab> {
  const py = await loadPyodide();
  let stdout = '';
  let stderr = '';
  py.setStdout({ batched: (line) => (stdout += `${line}\n`) });
  py.setStderr({ batched: (line) => (stderr += `${line}\n`) });
  installLab(py, world);
  return {
    py,
    run(code, { filename = 'main.py', variables = [], requests = [] } = {}) {
      stdout = '';
      stderr = '';
      const outcome = runLearnerCode(py, code, filename, variables, requests);
      return { ...outcome, stdout, stderr };
    },
    request: (request) => sendRequest(py, request),
    write: (path, text) => py.FS.writeFile(`/home/lab/${path}`, text),
    snapshot: () => snapshotWorld(py),
  };
}

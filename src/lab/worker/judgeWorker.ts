// The judge's Web Worker: a Python of its own for the steps' assert checks
// (src/lab/python/lab_judge.py), beside the lab's worker, where the learner's
// program runs. Nothing the learner writes runs here: the page brings it the
// run's record (data) and the project's changed files, and carries the calls the
// checks make of the program to the lab's worker and back. A separate worker is a
// separate JavaScript realm, so nothing a program does to its own worker (its
// globals, its builtins' prototypes) reaches this one.
import { loadPyodide, version, type PyodideAPI } from 'pyodide';
import { applyChanges, beginJudgement, judgeRound, prepareJudge } from './judgeRuntime';
import { afterRestore, snapshotKey, startWithSnapshot } from './snapshot';
import type { FromJudge, ToJudge } from '../protocol';

let py: PyodideAPI | null = null;
let send: (message: FromJudge) => void = () => undefined;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function handle(message: ToJudge) {
  try {
    if (message.type === 'init') {
      // The lab's snapshot when the page has one (the lab's modules imported, nothing of a project): a start in about a second.
      const key = await snapshotKey(version).catch(() => null);
      const started = await startWithSnapshot(message.snapshot, key, async (snapshot) => {
        const next = await loadPyodide({ indexURL: message.indexURL, fullStdLib: false, ...(snapshot ? { _loadSnapshot: snapshot } : {}) });
        if (snapshot) afterRestore(next);
        // Its prints (an author's check printing while it is written) are not the learner's output.
        next.setStdout({ batched: () => undefined });
        next.setStderr({ batched: () => undefined });
        prepareJudge(next, message.helpers);
        return next;
      });
      py = started.value;
      applyChanges(py, { files: message.world, removed: [] });
      send({ type: 'ready' });
      return;
    }
    if (!py) throw new Error('the judge is not ready');
    if (message.type === 'begin') beginJudgement(py, message.before, message.run, message.record, message.failed);
    send({ type: 'round', id: message.id, text: judgeRound(py, message.asserts, message.answers) });
  } catch (error) {
    send({ type: 'fatal', message: errorText(error) });
  }
}

// The one message on the global channel: init, with the port for everything after.
self.onmessage = (event: MessageEvent<ToJudge>) => {
  const message = event.data;
  if (message.type !== 'init') return;
  self.onmessage = null;
  const port = message.port;
  send = (m) => port.postMessage(m);
  port.onmessage = (e: MessageEvent<ToJudge>) => void handle(e.data);
  void handle(message);
};

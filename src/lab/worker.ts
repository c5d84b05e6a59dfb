// The lab's Web Worker: CPython (Pyodide) and the learner's project. A runaway
// program blocks this thread, never the page's.
import './bufferGlobal';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { HOME } from './labFiles';
import { pyodideFs } from './pyodideFs';
import { runShell, shellOutcome, transcriptOutput } from './shellRuntime';
import type { FromWorker, ToWorker } from './protocol';
import { runLearnerCode, sendRequest, setupLab, snapshotWorld } from './pythonRuntime';
import type { OutputChunk, RunOutcome } from './types';

const post = (message: FromWorker) => self.postMessage(message);

// Output is forwarded in batches while the program runs, and capped so a
// print loop cannot flood the page.
const MAX_LINES = 5000;
const FLUSH_MS = 40;
let pending: OutputChunk[] = [];
let lines = 0;
let dropped = 0;
let lastFlush = 0;
let currentRun = -1;

function flush() {
  if (pending.length && currentRun >= 0) post({ type: 'output', id: currentRun, chunks: pending });
  pending = [];
  lastFlush = performance.now();
}

function emit(stream: OutputChunk['stream'], line: string) {
  if (lines >= MAX_LINES) {
    dropped++;
    return;
  }
  lines++;
  const last = pending[pending.length - 1];
  if (last && last.stream === stream) last.text += `${line}\n`;
  else pending.push({ stream, text: `${line}\n` });
  if (performance.now() - lastFlush > FLUSH_MS) flush();
}

let py: PyodideAPI | null = null;

async function init(message: Extract<ToWorker, { type: 'init' }>) {
  post({ type: 'progress', stage: 'Downloading Python…' });
  py = await loadPyodide({ indexURL: message.indexURL, fullStdLib: false });
  post({ type: 'progress', stage: 'Setting up the lab…' });
  py.setStdout({ batched: (line) => emit('stdout', line) });
  py.setStderr({ batched: (line) => emit('stderr', line) });
  if (message.interrupt) py.setInterruptBuffer(new Uint8Array(message.interrupt));
  await setupLab(py, message.world);
  post({ type: 'ready', world: snapshotWorld(py) });
}

async function run(message: Extract<ToWorker, { type: 'run' }>) {
  if (!py) throw new Error('the lab is not ready');
  currentRun = message.id;
  lines = 0;
  dropped = 0;
  lastFlush = performance.now();
  for (const [path, text] of Object.entries(message.extraFiles)) {
    py.FS.mkdirTree(`${HOME}/${path}`.replace(/\/[^/]*$/, ''));
    py.FS.writeFile(`${HOME}/${path}`, text);
  }
  const outcome = message.runtime === 'shell' ? await runShellScript(py, message.code) : runLearnerCode(py, message.code, message.filename, message.variables, message.requests, message.asserts);
  flush();
  post({ type: 'result', id: message.id, outcome, world: snapshotWorld(py), truncatedLines: dropped });
  currentRun = -1;
}

/** The shell's transcript goes to the console as a terminal would show it. */
async function runShellScript(py: PyodideAPI, script: string): Promise<RunOutcome> {
  const shell = await runShell(pyodideFs(py), HOME, script, () => Date.now());
  for (const chunk of transcriptOutput(shell.transcript)) {
    for (const line of chunk.text.replace(/\n$/, '').split('\n')) emit(chunk.stream, line);
  }
  return shellOutcome(shell);
}

/** A request from the preview's console to the app the last run serves. */
function request(message: Extract<ToWorker, { type: 'request' }>) {
  if (!py) throw new Error('the lab is not ready');
  const log: OutputChunk[] = [];
  py.setStderr({ batched: (line) => log.push({ stream: 'stderr', text: `${line}\n` }) });
  try {
    post({ type: 'response', id: message.id, exchange: sendRequest(py, message.request), log });
  } finally {
    py.setStderr({ batched: (line) => emit('stderr', line) });
  }
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    if (message.type === 'init') await init(message);
    else if (message.type === 'request') request(message);
    else await run(message);
  } catch (error) {
    // Pyodide cannot recover from a fatal error (e.g. the WebAssembly stack
    // overflowing); the page replaces this worker.
    flush();
    post({ type: 'fatal', id: message.type === 'run' ? message.id : null, message: error instanceof Error ? error.message : String(error) });
  }
};

// Stop and the time limit (SIGINT through Pyodide's interrupt buffer) against the runner, in
// the real CPython: only the learner's program is stopped; an interrupt that lands in the lab's
// own work before or after it never destroys a finished run's result (issue 22).
import { beforeAll, describe, expect, it } from 'vitest';
import { runLearnerCode, type ProgramClock } from '../../src/lab/worker/pythonRuntime';
import { createNodeLab, type NodeLab } from './python';

let lab: NodeLab;
const interrupt = new Uint8Array(new SharedArrayBuffer(1));
beforeAll(async () => {
  lab = await createNodeLab();
  lab.py.setInterruptBuffer(interrupt);
}, 180_000);

const LOGS_A_RUN = `import mlflow
mlflow.set_experiment("interrupts")
run = mlflow.start_run()
mlflow.log_metric("accuracy", 0.9)
`;

/** Set SIGINT at a moment of the run, as the page does when Stop or the time limit comes. */
const firing = (at: 'running' | 'ended'): ProgramClock => (phase) => {
  if (phase === at) interrupt[0] = 2;
};

describe('an interrupt and the run it lands in', () => {
  it.each([
    // The page's time limit fires just as the program ends: the runner's bookkeeping goes on.
    ['lands just after the program ended', LOGS_A_RUN, firing('ended')],
    // The program itself pulls the trigger as its last act (the interrupt is checked later, in the lab's work).
    ['is set by the program’s last statement', `${LOGS_A_RUN}import js\njs.fireInterrupt()\n`, undefined],
  ])('one that %s keeps the finished run’s result', (_, code, clock) => {
    (globalThis as { fireInterrupt?: () => void }).fireInterrupt = () => (interrupt[0] = 2);
    interrupt[0] = 0;
    const outcome = runLearnerCode(lab.py, code, 'main.py', [], [], false, clock);
    expect(outcome.error).toBeNull();
    expect(outcome.stopped).toBe(false);
    expect(outcome.newRuns).toHaveLength(1);
    // A run left open ends FINISHED, as MLflow's atexit ends it.
    expect(JSON.parse(new TextDecoder().decode(lab.py.FS.readFile(`/home/lab/.lab/tracking/runs/${outcome.newRuns[0]!}.json`) as Uint8Array)).status).toBe('FINISHED');
    interrupt[0] = 0;
  });

  // The interrupt comes while the program runs (set from inside its loop, as Stop would from the page): fired at the
  // clock's 'running', Pyodide may see it while the runner is still starting the program, where it is dropped, and
  // a synchronous infinite loop then never ends here (the page replaces the worker after its grace time).
  const LOOPS = 'import js\nn = 0\nwhile True:\n    n += 1\n    if n == 2000:\n        js.fireInterrupt()\n';

  it('one during the program stops it, as KeyboardInterrupt at the program’s own line', () => {
    (globalThis as { fireInterrupt?: () => void }).fireInterrupt = () => (interrupt[0] = 2);
    interrupt[0] = 0;
    const outcome = runLearnerCode(lab.py, LOOPS, 'main.py', [], [], false);
    expect(outcome.stopped).toBe(true);
    expect(outcome.error).toMatchObject({ type: 'KeyboardInterrupt' });
    expect([3, 4, 5, 6]).toContain(outcome.error?.line);
    // The next run starts clean.
    expect(runLearnerCode(lab.py, 'x = 1\n', 'main.py', ['x'], [], false).variables).toEqual({ x: 1 });
  });

  it('a program that ignores SIGINT itself is still stopped next time (the runner restores its handler)', () => {
    runLearnerCode(lab.py, 'import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n', 'main.py', [], [], false);
    interrupt[0] = 0;
    const outcome = runLearnerCode(lab.py, LOOPS, 'main.py', [], [], false);
    expect(outcome.stopped).toBe(true);
  });
});

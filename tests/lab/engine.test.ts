// The engine client's control flow with a scripted worker: waiting for the
// engine, streaming output, Stop and the time limit without cross-origin
// isolation (the worker is replaced), crashes, and the saved project.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LabEngine } from '../../src/lab/engine';
import type { FromWorker, ToWorker } from '../../src/lab/protocol';
import { emptyOutcome } from '../../src/lab/outcome';
import { worldStoreFor } from '../../src/lab/worldStore';

const outcome = emptyOutcome;


/** A worker whose answers the test scripts. */
class ScriptedWorker {
  static made: ScriptedWorker[] = [];
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  received: ToWorker[] = [];
  terminated = false;
  constructor(private readonly behaviour: (w: ScriptedWorker, m: ToWorker) => void) {
    ScriptedWorker.made.push(this);
  }
  postMessage(message: ToWorker) {
    this.received.push(message);
    queueMicrotask(() => this.behaviour(this, message));
  }
  send(message: FromWorker) {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
  terminate() {
    this.terminated = true;
  }
}

const ready = (w: ScriptedWorker, m: ToWorker) => {
  if (m.type === 'init') {
    w.send({ type: 'progress', stage: 'Downloading Python…' });
    w.send({ type: 'ready', world: m.world ?? { 'data/raw_data.csv': 'a,b\n' } });
  }
};

function engineWith(behaviour: (w: ScriptedWorker, m: ToWorker) => void, key = 'test:lab') {
  return new LabEngine(key, () => new ScriptedWorker(behaviour) as unknown as Worker);
}

afterEach(() => {
  ScriptedWorker.made = [];
  vi.useRealTimers();
});

describe('LabEngine', () => {
  it('a Run pressed while loading waits, streams output, then saves the project', async () => {
    const engine = engineWith((w, m) => {
      ready(w, m);
      if (m.type === 'run') {
        w.send({ type: 'output', id: m.id, chunks: [{ stream: 'stdout', text: 'epoch 1\n' }] });
        w.send({ type: 'result', id: m.id, outcome: outcome(), world: { 'train.py': m.code }, truncatedLines: 0 });
      }
    });
    const seen: string[] = [];
    const result = await engine.run({ code: 'print(1)\n', filename: 'train.py', variables: [], timeLimitMs: 10_000, onOutput: (c) => seen.push(...c.map((x) => x.text)) });
    expect(seen).toEqual(['epoch 1\n']);
    expect(result.output).toEqual([{ stream: 'stdout', text: 'epoch 1\n' }]);
    expect(result.ended).toBeUndefined();
    expect(engine.state.status).toBe('ready');
    await worldStoreFor('test:lab').save({ 'train.py': 'print(1)\n' }); // waits for the engine's save, queued before it
    expect((await worldStoreFor('test:lab').load()).world).toEqual({ 'train.py': 'print(1)\n' });

    // A new engine (a reload) hands the saved project to its worker.
    const again = engineWith(ready);
    await again.start();
    expect(ScriptedWorker.made.at(-1)?.received[0]).toMatchObject({ type: 'init', world: { 'train.py': 'print(1)\n' } });
  });

  it('without cross-origin isolation, Stop replaces the worker and keeps the project', async () => {
    const engine = engineWith(ready); // never answers a run: an infinite loop
    expect(engine.state.canInterrupt).toBe(false);
    await engine.start();
    const running = engine.run({ code: 'while True: pass', filename: 'train.py', variables: [], timeLimitMs: 10_000 });
    await Promise.resolve();
    engine.stop();
    const result = await running;
    expect(result.ended).toBe('stopped');
    expect(result.outcome.error?.message).toBe('The program was stopped.');
    expect(ScriptedWorker.made[0]?.terminated).toBe(true);
    expect(ScriptedWorker.made).toHaveLength(2); // restarted at once
    await engine.start();
    expect(engine.state.status).toBe('ready');
  });

  it('the time limit ends a run that never returns', async () => {
    vi.useFakeTimers();
    const engine = engineWith(ready);
    const running = engine.run({ code: 'while True: pass', filename: 'train.py', variables: [], timeLimitMs: 10_000 });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(engine.state.status).toBe('running');
    await vi.advanceTimersByTimeAsync(2);
    const result = await running;
    expect(result.ended).toBe('time-limit');
    expect(result.outcome.error?.message).toBe('The program ran longer than 10 s and was stopped.');
  });

  it('a crash mid-run is reported and the engine restarts', async () => {
    const engine = engineWith((w, m) => {
      ready(w, m);
      if (m.type === 'run') w.send({ type: 'fatal', id: m.id, message: 'RangeError: Maximum call stack size exceeded' });
    });
    const result = await engine.run({ code: 'f()', filename: 'train.py', variables: [], timeLimitMs: 10_000 });
    expect(result.ended).toBe('crashed');
    expect(result.outcome.error?.message).toMatch(/crashed \(RangeError: Maximum call stack size exceeded\).*restarted/);
    expect(ScriptedWorker.made).toHaveLength(2);
  });

  it('an engine that cannot start says why and does not loop', async () => {
    const engine = engineWith((w, m) => {
      if (m.type === 'init') w.send({ type: 'fatal', id: null, message: 'pyodide.asm.wasm: 404' });
    });
    await expect(engine.start()).rejects.toThrow('pyodide.asm.wasm: 404');
    expect(engine.state).toMatchObject({ status: 'idle', error: 'pyodide.asm.wasm: 404' });
    expect(ScriptedWorker.made).toHaveLength(1);
  });

  it('an unreadable saved project is set aside with a notice', async () => {
    localStorage.setItem('test:broken', '{not json');
    const engine = engineWith(ready, 'test:broken');
    await engine.start();
    expect(engine.state.notice).toMatch(/could not be read/);
    expect(ScriptedWorker.made.at(-1)?.received[0]).toMatchObject({ type: 'init', world: null });
    expect(Object.keys(localStorage).some((k) => k.startsWith('test:broken:unreadable:'))).toBe(true);
  });

  it('Reset lab forgets the saved project', async () => {
    localStorage.setItem('test:reset', JSON.stringify({ 'model.json': '{}' }));
    const engine = engineWith(ready, 'test:reset');
    await engine.resetLab();
    expect(localStorage.getItem('test:reset')).toBeNull();
    expect((await worldStoreFor('test:reset').load()).world).toBeNull();
    expect(ScriptedWorker.made.at(-1)?.received[0]).toMatchObject({ type: 'init', world: null });
  });
});
